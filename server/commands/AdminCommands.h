// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

class ChatContext;
class Command;
class Session;
struct ClusterEvent;
class Event;

// What only the server's administrators (accounts named in the configuration) may do,
// beyond running every room: tell everyone something (notice), close someone's connections
// (disconnect) and close a room (close). Who may is decided before they get here
// (Permissions::checkServer). On a node of a cluster a notice reaches every node's people, and
// a person of another node is disconnected by their node (fromElsewhere()).
class AdminCommands
{
public:
    explicit AdminCommands(ChatContext &chat);

    void notice(Session *session, const Command &command);
    // To the administrators of this server alone, the sender too (IRC's WALLOPS).
    void wallops(Session *session, const Command &command);
    // The person's connections get bye "disconnect" and close; the person is gone at once,
    // their place not held for a resume.
    void disconnect(Session *session, const Command &command);
    // Everyone in the room leaves (reason "close") and the room goes with its history, as an
    // expired one does. The hall stays: it is where everyone starts.
    void close(Session *session, const Command &command);
    // Another node's administrator did one of these (a Notice, Wallops or Disconnect event).
    void fromElsewhere(const ClusterEvent &event);

private:
    enum class Audience { Everyone, Administrators };
    // Sends event to the audience on this node; from: the session that asked (given label),
    // whose person's copy is their own act.
    void tell(const Event &event, Audience audience, const Session *from = nullptr,
              const QString &label = {});

    ChatContext &m_chat;
};
