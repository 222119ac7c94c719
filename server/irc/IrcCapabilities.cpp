// SPDX-License-Identifier: MIT
#include "irc/IrcCapabilities.h"

#include "irc/IrcNumeric.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

QString numeric(int code)
{
    return u"%1"_s.arg(code, 3, 10, QChar(u'0'));
}

} // namespace

IrcCapabilities::IrcCapabilities(QList<Offer> offered)
    : m_offered(std::move(offered))
{
}

bool IrcCapabilities::offers(const QString &name) const
{
    return std::any_of(m_offered.cbegin(), m_offered.cend(),
                       [&name](const Offer &offer) { return offer.name == name; });
}

QList<IrcMessage> IrcCapabilities::handle(const IrcMessage &cap, const QString &serverName,
                                          const QString &nick)
{
    if (cap.paramCount() < 1) {
        return {IrcMessage(numeric(IrcNumeric::NeedMoreParams),
                           {nick, u"CAP"_s, u"Not enough parameters"_s}, serverName)};
    }
    const QString subcommand = cap.param(0).toUpper();
    if (subcommand == u"LS") {
        m_negotiating = true;
        m_version = std::max(m_version, cap.param(1).toInt());
        QStringList items;
        for (const Offer &offer : std::as_const(m_offered)) {
            items << (m_version >= 302 && !offer.value.isEmpty() ? offer.name + u'=' + offer.value
                                                                 : offer.name);
        }
        return listReplies(subcommand, items, serverName, nick, m_version >= 302);
    }
    if (subcommand == u"LIST")
        return listReplies(subcommand, m_enabled.values(), serverName, nick, m_version >= 302);
    if (subcommand == u"REQ") {
        if (cap.paramCount() < 2) {
            return {IrcMessage(numeric(IrcNumeric::NeedMoreParams),
                               {nick, u"CAP"_s, u"Not enough parameters"_s}, serverName)};
        }
        m_negotiating = true;
        const QString asked = cap.param(1);
        const QStringList names = asked.split(u' ', Qt::SkipEmptyParts);
        // All or nothing (IRCv3 capability negotiation): one unknown name refuses the lot.
        const bool known = !names.isEmpty() &&
                           std::all_of(names.begin(), names.end(), [this](const QString &name) {
                               return offers(name.startsWith(u'-') ? name.mid(1) : name);
                           });
        if (!known)
            return {IrcMessage(u"CAP"_s, {nick, u"NAK"_s, asked}, serverName)};
        for (const QString &name : names) {
            if (name.startsWith(u'-'))
                m_enabled.remove(name.mid(1));
            else
                m_enabled.insert(name);
        }
        return {IrcMessage(u"CAP"_s, {nick, u"ACK"_s, asked}, serverName)};
    }
    if (subcommand == u"END") {
        m_negotiating = false;
        return {};
    }
    return {IrcMessage(numeric(IrcNumeric::InvalidCapCommand),
                       {nick, cap.param(0), u"Invalid CAP command"_s}, serverName)};
}

QList<IrcMessage> IrcCapabilities::listReplies(const QString &subcommand, const QStringList &items,
                                               const QString &serverName, const QString &nick,
                                               bool continuation) const
{
    QStringList sorted = items;
    sorted.sort();
    QList<QStringList> lines{{}};
    qsizetype bytes = 0;
    for (const QString &item : std::as_const(sorted)) {
        const qsizetype size = item.toUtf8().size() + 1;
        if (!lines.last().isEmpty() && bytes + size > MaxListBytes) {
            lines.append(QStringList());
            bytes = 0;
        }
        lines.last() << item;
        bytes += size;
    }
    QList<IrcMessage> replies;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        QStringList params{nick, subcommand};
        // CAP 302: "*" before the list says another line follows. Older clients read each
        // line as it comes.
        if (continuation && i + 1 < lines.size())
            params << u"*"_s;
        params << lines[i].join(u' ');
        replies << IrcMessage(u"CAP"_s, params, serverName);
    }
    return replies;
}
