// SPDX-License-Identifier: MIT
#pragma once

#include "cluster/ClusterHandover.h"

#include <QHash>
#include <QObject>

#include <functional>

class Bus;
class ChatContext;
struct ClusterEvent;
class User;

// Resume through another node of a cluster (docs/CLUSTER.md): a connection that a balancer
// sends to another node than the one it dropped from brings a token this node did not issue.
// This node asks the others by the token's digest (ResumeAsk); the node that issued it gives
// the person away (ResumeGive): it hands their name's claim over first, so that no third node
// can take it between, tells the others the person moved (nobody sees them leave), closes
// whatever connection it still had of them (bye resumed, as a local resume does), and forgets
// them; this node takes them with their rooms, their roles, where each room stood when they
// dropped, and the token, so that their resume goes on as if it had reached the right node.
//
// The bus may lose what it carries while a node's subscription is down: a node whose
// subscription came back asks again for what it is still waiting for, and the giving node
// answers a repeated ask with the answer it gave (kept for GivenKeptMs), so that a person given
// away is not lost with the answer.
class ResumeHandover : public QObject
{
    Q_OBJECT

public:
    // How long an ask waits for the node that issued the token: a token no node gives is a
    // wrong one, answered as such after this long.
    static constexpr int DefaultAnswerTimeoutMs = 2000;
    // How long a given person's answer is kept for an ask that comes again.
    static constexpr int GivenKeptMs = 10000;

    explicit ResumeHandover(ChatContext &chat, QObject *parent = nullptr);

    // On a node of a cluster; without a bus nothing is asked and nobody is given away.
    void setBus(Bus *bus);
    bool isOn() const { return m_bus != nullptr; }
    void setAnswerTimeoutMs(int ms) { m_answerTimeoutMs = ms; }

    // Asks the other nodes for the person whose token this is (well formed, not this node's);
    // taken runs later with the person, now this node's and carried by no connection yet, or
    // with null when no node gave them in time.
    using Taken = std::function<void(User *user)>;
    void ask(const QString &token, Taken taken);
    // A ResumeAsk or ResumeGive of another node.
    void arrived(const ClusterEvent &event);

private:
    // Another node asked for a person of this node's: gives them to it.
    void give(const ClusterEvent &ask);
    // The person given for an ask of this node's, made this node's.
    User *take(const ClusterHandover &handover);
    void answered(quint64 ask, User *user);
    // The bus may have lost asks or answers: what is still waited for is asked again.
    void askAgain();

    struct Asked
    {
        QByteArray token; // the digest asked for
        Taken taken;
    };
    struct Given
    {
        ClusterHandover handover;
        qint64 atMs = 0; // on a monotonic clock
    };

    ChatContext &m_chat;
    Bus *m_bus = nullptr;
    int m_answerTimeoutMs = DefaultAnswerTimeoutMs;
    QHash<quint64, Asked> m_asks;  // waiting for an answer, by ask number
    QHash<quint64, Given> m_given; // answers given, by ask number
};
