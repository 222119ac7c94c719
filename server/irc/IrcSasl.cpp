// SPDX-License-Identifier: MIT
#include "irc/IrcSasl.h"

#include "irc/IrcNumeric.h"

using namespace Qt::StringLiterals;

IrcSasl::Step IrcSasl::handle(const IrcMessage &message, const QString &serverName,
                              const QString &target)
{
    Step step;
    auto numeric = [&](int code, QStringList params) {
        params.prepend(target);
        step.replies << IrcMessage(u"%1"_s.arg(code, 3, 10, QChar(u'0')), params, serverName);
    };
    auto fail = [&] {
        m_started = false;
        m_encoded.clear();
        numeric(IrcNumeric::SaslFail, {u"SASL authentication failed"_s});
        return step;
    };
    const QString argument = message.param(0);
    if (argument.isEmpty()) {
        numeric(IrcNumeric::NeedMoreParams, {u"AUTHENTICATE"_s, u"Not enough parameters"_s});
        return step;
    }
    if (argument == u"*") {
        m_started = false;
        m_encoded.clear();
        numeric(IrcNumeric::SaslAborted, {u"SASL authentication aborted"_s});
        return step;
    }
    if (!m_started) {
        if (argument.toUpper() != u"PLAIN") {
            numeric(IrcNumeric::SaslMechanisms, {u"PLAIN"_s, u"are available SASL mechanisms"_s});
            return fail();
        }
        m_started = true;
        step.replies << IrcMessage(u"AUTHENTICATE"_s, {u"+"_s});
        return step;
    }
    if (argument.size() > ChunkBytes) {
        m_started = false;
        m_encoded.clear();
        numeric(IrcNumeric::SaslTooLong, {u"SASL message too long"_s});
        return step;
    }
    if (argument != u"+")
        m_encoded += argument.toLatin1();
    if (m_encoded.size() > MaxEncodedBytes)
        return fail();
    if (argument.size() == ChunkBytes)
        return step; // more follows
    const auto decoded =
        QByteArray::fromBase64Encoding(m_encoded, QByteArray::AbortOnBase64DecodingErrors);
    m_started = false;
    m_encoded.clear();
    // authzid NUL authcid NUL password; an authzid, if any, must be the account itself.
    const QList<QByteArray> parts = decoded ? decoded.decoded.split('\0') : QList<QByteArray>();
    if (parts.size() != 3 || parts[1].isEmpty() || parts[2].isEmpty() ||
        (!parts[0].isEmpty() && parts[0] != parts[1]))
        return fail();
    step.account = QString::fromUtf8(parts[1]);
    step.password = QString::fromUtf8(parts[2]);
    // The chat's login takes a password as one word.
    if (step.password.contains(u' ') || step.account.contains(u' '))
        return fail();
    step.done = true;
    return step;
}
