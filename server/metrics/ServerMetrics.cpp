// SPDX-License-Identifier: MIT
#include "metrics/ServerMetrics.h"

#include <QHash>
#include <QString>

using namespace Qt::StringLiterals;

const char *ServerMetrics::label(Transport transport)
{
    return transport == Transport::Tls ? "tls" : "plain";
}

const char *ServerMetrics::label(Refusal refusal)
{
    switch (refusal) {
    case Refusal::ServerFull:
        return "server-full";
    case Refusal::PerAddress:
        return "per-address";
    case Refusal::ProxyHeader:
        return "proxy-header";
    case Refusal::Shutdown:
        break;
    }
    return "shutdown";
}

const char *ServerMetrics::label(Disconnect reason)
{
    static constexpr std::array<const char *, DisconnectCount> labels = {
        "lost",         "logout",   "flood",        "output-cap", "protocol", "login-timeout",
        "ping-timeout", "password", "resume-token", "resumed",    "shutdown", "error"};
    return labels[std::size_t(reason)];
}

ServerMetrics::Disconnect ServerMetrics::disconnectFor(QStringView reason)
{
    // The reasons as the session code gives them (and logs them); anything else is the
    // transport's error text.
    static const QHash<QString, Disconnect> reasons = {
        {u"lost"_s, Disconnect::Lost},
        {u"logout"_s, Disconnect::Logout},
        {u"flood"_s, Disconnect::Flood},
        {u"output queue full"_s, Disconnect::OutputCap},
        {u"output stalled"_s, Disconnect::OutputCap},
        {u"not the chat protocol"_s, Disconnect::Protocol},
        {u"login-timeout"_s, Disconnect::LoginTimeout},
        {u"ping-timeout"_s, Disconnect::PingTimeout},
        {u"password"_s, Disconnect::Password},
        {u"resume"_s, Disconnect::ResumeToken},
        {u"resumed"_s, Disconnect::Resumed},
        {u"shutdown"_s, Disconnect::Shutdown},
    };
    return reasons.value(reason.toString(), Disconnect::Error);
}
