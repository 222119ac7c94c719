// SPDX-License-Identifier: MIT
#pragma once

#include <QHostAddress>
#include <QList>
#include <QPair>
#include <QString>

// The load balancers whose connections start with a PROXY header (--proxy-from), and how long
// they have to send it. A connection from one of them must start with the header, which then
// names its real peer; from anyone else a PROXY line is only what it says, never believed.
class ProxyTrust
{
public:
    ProxyTrust() = default;
    // list: addresses and subnets ("10.0.0.5, 10.1.0.0/16, ::1"), comma-separated; an empty
    // list trusts nobody. Items that are neither are skipped: invalidItem() lets the options
    // refuse them first.
    ProxyTrust(const QString &list, int headerTimeoutMs);

    // The first item of list that is neither an address nor a subnet; empty when all are.
    static QString invalidItem(const QString &list);

    // peer as Listener::plainAddress gives it (IPv4 as IPv4).
    bool trusts(const QHostAddress &peer) const;
    int headerTimeoutMs() const { return m_headerTimeoutMs; }

private:
    QList<QPair<QHostAddress, int>> m_subnets;
    int m_headerTimeoutMs = 0;
};
