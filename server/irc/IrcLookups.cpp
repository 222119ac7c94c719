// SPDX-License-Identifier: MIT
#include "irc/IrcLookups.h"

#include "NameRules.h"
#include "irc/IrcNumeric.h"

using namespace Qt::StringLiterals;

IrcLookups::Asked IrcLookups::ask(const QString &verb, const QStringList &nicks,
                                  const IrcRendering::Options &options)
{
    Asked asked;
    const bool whois = verb == u"WHOIS";
    QStringList valid;
    for (const QString &nick : nicks.mid(0, whois ? 1 : MaxNicks)) {
        if (NameRules::isValidNick(nick)) {
            valid << nick;
        } else if (whois) {
            asked.replies +=
                IrcRendering::numeric(options, IrcNumeric::NoSuchNick, options.me,
                                      {nick, u"No such nick"_s}) +
                IrcRendering::numeric(options, 318, options.me, {nick, u"End of /WHOIS list"_s});
        }
    }
    if (valid.isEmpty() && !whois) // no one by such names is here
        asked.replies +=
            IrcRendering::numeric(options, verb == u"ISON" ? 303 : 302, options.me, {QString()});
    for (qsizetype i = 0; i < valid.size(); ++i) {
        m_questions.append({verb, valid[i], i + 1 == valid.size()});
        // With "*" the name must start with the nick, which keeps the listing short;
        // answer() keeps the exact name.
        asked.commands << u'@' + verb + u" who "_s + valid[i] + u'*';
    }
    return asked;
}

bool IrcLookups::answers(const Event &event)
{
    return event.label == "WHOIS"_L1 || event.label == "ISON"_L1 || event.label == "USERHOST"_L1;
}

QByteArray IrcLookups::answer(const Event &event, const IrcRendering::Options &options)
{
    if (m_questions.isEmpty())
        return {};
    const Question &question = m_questions.first();
    const bool whois = question.verb == u"WHOIS";
    if (event.kind == Event::Kind::Who) {
        const QString key = NameRules::key(question.nick);
        Event exact = event;
        exact.list.clear();
        exact.details.clear();
        for (qsizetype i = 0; i + 2 < event.list.size(); i += 3) {
            if (NameRules::key(event.list[i]) == key) {
                exact.list << event.list.mid(i, 3);
                exact.details << event.details.mid(i / 3 * 4, 4); // four per person
            }
        }
        if (exact.list.isEmpty())
            return {};
        const QString &nick = exact.list[0];
        if (question.verb == u"USERHOST") { // nick[*]=+|-user@host: * an administrator, - away
            const QStringList flags = exact.list[2].split(u',');
            m_found << u"%1%2=%3%1@chat"_s.arg(
                nick, flags.contains(Event::AdminFlag) ? u"*"_s : QString(),
                flags.contains(Event::AwayFlag) ? u"-"_s : u"+"_s);
        } else {
            m_found << nick;
        }
        return whois ? IrcRendering::render(exact, options) : QByteArray();
    }
    if (event.kind != Event::Kind::ListingEnd && event.kind != Event::Kind::Error)
        return {}; // the listing's start
    const Question done = m_questions.takeFirst();
    QByteArray bytes;
    if (whois) {
        if (m_found.isEmpty())
            bytes = IrcRendering::numeric(options, IrcNumeric::NoSuchNick, options.me,
                                          {done.nick, u"No such nick"_s});
        bytes +=
            IrcRendering::numeric(options, 318, options.me, {done.nick, u"End of /WHOIS list"_s});
    } else if (done.last) {
        bytes = IrcRendering::numeric(options, done.verb == u"ISON" ? 303 : 302, options.me,
                                      {m_found.join(u' ')});
    } else {
        return {};
    }
    m_found.clear();
    return bytes;
}
