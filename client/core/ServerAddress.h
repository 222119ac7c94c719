// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

// A server address as a person types it: "host:port", "host", "[::1]:5005" or "::1".
// Parsing only checks the shape; whether the host exists is for the network to say.
class ServerAddress
{
public:
    enum class Problem { None, EmptyHost, BadPort };

    static ServerAddress parse(const QString &text);

    ServerAddress() = default;
    ServerAddress(const QString &host, quint16 port);

    QString host() const { return m_host; }
    quint16 port() const { return m_port; }
    Problem problem() const { return m_problem; }
    bool isValid() const { return m_problem == Problem::None; }

    // Back in the form parse() reads, with brackets around IPv6 literals.
    QString toString() const;

    bool operator==(const ServerAddress &) const = default;

private:
    QString m_host;
    quint16 m_port = 0;
    Problem m_problem = Problem::EmptyHost;
};
