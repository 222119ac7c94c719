// SPDX-License-Identifier: MIT
#include "ServerAddress.h"

#include "Protocol.h"

#include <QHostAddress>

using namespace Qt::StringLiterals;

ServerAddress::ServerAddress(const QString &host, quint16 port)
    : m_host(host)
    , m_port(port)
    , m_problem(host.isEmpty() ? Problem::EmptyHost : Problem::None)
{
}

ServerAddress ServerAddress::parse(const QString &text)
{
    const QString trimmed = text.trimmed();
    QString host = trimmed;
    QString portText;
    if (trimmed.startsWith(u'[')) {
        const qsizetype close = trimmed.indexOf(u']');
        if (close < 0)
            return {};
        host = trimmed.mid(1, close - 1);
        const QString rest = trimmed.mid(close + 1);
        if (!rest.isEmpty() && !rest.startsWith(u':')) {
            ServerAddress bad(host, 0);
            bad.m_problem = Problem::BadPort;
            return bad;
        }
        portText = rest.mid(1);
        if (rest == ":"_L1)
            portText = u"-"_s; // a colon promises a port
    } else if (trimmed.count(u':') == 1) {
        const qsizetype colon = trimmed.indexOf(u':');
        host = trimmed.left(colon);
        portText = trimmed.mid(colon + 1);
        if (portText.isEmpty())
            portText = u"-"_s;
    } else if (trimmed.count(u':') > 1 && QHostAddress(trimmed).isNull()) {
        // Several colons and not an IPv6 address: the last one must separate the port.
        const qsizetype colon = trimmed.lastIndexOf(u':');
        host = trimmed.left(colon);
        portText = trimmed.mid(colon + 1);
    }
    if (host.isEmpty())
        return {};
    ServerAddress address(host, Protocol::DefaultPort);
    if (!portText.isEmpty()) {
        bool ok = false;
        const uint port = portText.toUInt(&ok);
        if (!ok || port == 0 || port > 65535) {
            address.m_port = 0;
            address.m_problem = Problem::BadPort;
        } else {
            address.m_port = quint16(port);
        }
    }
    return address;
}

QString ServerAddress::toString() const
{
    const QString host = m_host.contains(u':') ? u"[%1]"_s.arg(m_host) : m_host;
    return u"%1:%2"_s.arg(host).arg(m_port);
}
