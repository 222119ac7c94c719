// SPDX-License-Identifier: MIT
#include "MessageFormatter.h"

#include "NameRules.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace {

QString stamp(const QDateTime &time)
{
    // Lines of history from an earlier day show the date too.
    const QDateTime local = time.toLocalTime();
    const bool today = local.date() == QDate::currentDate();
    return u"<span style=\"color:#8a8f98\">[%1]</span> "_s.arg(
        local.toString(today ? u"HH:mm"_s : u"yyyy-MM-dd HH:mm"_s));
}

QString nickHtml(const QString &nick)
{
    return u"<span style=\"color:%1; font-weight:600\">%2</span>"_s.arg(
        MessageFormatter::nickColor(nick), nick.toHtmlEscaped());
}

} // namespace

QString MessageFormatter::message(const QDateTime &time, const QString &nick, const QString &text,
                                  bool own)
{
    if (own)
        return stamp(time) + u"<b>&lt;%1&gt;</b> <span style=\"color:#1d3f73\">%2</span>"_s.arg(
                                 nick.toHtmlEscaped(), linkified(text));
    return stamp(time) + u"&lt;%1&gt; %2"_s.arg(nickHtml(nick), linkified(text));
}

QString MessageFormatter::action(const QDateTime &time, const QString &nick, const QString &text)
{
    return stamp(time) + u"<i>* %1 %2</i>"_s.arg(nickHtml(nick), linkified(text));
}

QString MessageFormatter::privateMessage(const QDateTime &time, const QString &from,
                                         const QString &to, const QString &text, bool own)
{
    const QString who =
        own ? tr("private to %1").arg(nickHtml(to)) : tr("private from %1").arg(nickHtml(from));
    return stamp(time) +
           u"<span style=\"color:#7b2d8e\">[%1]</span> %2"_s.arg(who, linkified(text));
}

QString MessageFormatter::system(const QDateTime &time, const QString &text)
{
    return stamp(time) + u"<span style=\"color:#6b7280; font-style:italic\">— %1</span>"_s.arg(
                             text.toHtmlEscaped());
}

QString MessageFormatter::divider(const QString &text)
{
    return u"<div style=\"color:#b45309; font-weight:600\">──── %1 ────</div>"_s.arg(
        text.toHtmlEscaped());
}

QString MessageFormatter::error(const QDateTime &time, const QString &text)
{
    return stamp(time) +
           u"<span style=\"color:#b42318; font-weight:600\">%1</span>"_s.arg(text.toHtmlEscaped());
}

QString MessageFormatter::nickColor(const QString &nick)
{
    // Dark enough to read on white, far enough apart to tell people apart.
    static const QStringList palette = {
        u"#c0392b"_s, u"#1e7d32"_s, u"#1565c0"_s, u"#8e24aa"_s, u"#d35400"_s, u"#00838f"_s,
        u"#ad1457"_s, u"#5d4037"_s, u"#2e7d32"_s, u"#283593"_s, u"#b8860b"_s, u"#00695c"_s,
    };
    // FNV-1a: qHash is seeded per process, and colours must not change between runs.
    quint32 hash = 2166136261u;
    for (const QChar c : NameRules::key(nick)) {
        hash ^= c.unicode();
        hash *= 16777619u;
    }
    return palette.at(hash % palette.size());
}

QString MessageFormatter::linkified(const QString &text)
{
    static const QRegularExpression url(u"\\b(?:https?://|www\\.)[^\\s<>\"']+[^\\s<>\"'.,;:!?)]"_s,
                                        QRegularExpression::CaseInsensitiveOption);
    QString html;
    qsizetype done = 0;
    for (const QRegularExpressionMatch &match : url.globalMatch(text)) {
        html += text.mid(done, match.capturedStart() - done).toHtmlEscaped();
        const QString address = match.captured();
        const QString target =
            address.startsWith("www."_L1, Qt::CaseInsensitive) ? u"http://"_s + address : address;
        html += u"<a href=\"%1\">%2</a>"_s.arg(target.toHtmlEscaped(), address.toHtmlEscaped());
        done = match.capturedEnd();
    }
    return html + text.mid(done).toHtmlEscaped();
}
