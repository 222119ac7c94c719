// SPDX-License-Identifier: MIT
#include "irc/IrcLabeledResponse.h"

#include "IrcMessage.h"

using namespace Qt::StringLiterals;

namespace {

// Adds tag ("key=value") to each line of lines (CR LF ended) for which add(tags) is true, tags
// being the line's tag part without the "@" (empty when it has none).
template <typename Predicate>
QByteArray tagged(const QByteArray &lines, const QByteArray &tag, Predicate add)
{
    QByteArray out;
    out.reserve(lines.size() + tag.size() * 4);
    qsizetype from = 0;
    while (from < lines.size()) {
        qsizetype end = lines.indexOf("\r\n", from);
        end = end < 0 ? lines.size() : end + 2;
        const QByteArrayView line = QByteArrayView(lines).sliced(from, end - from);
        from = end;
        const bool hasTags = line.startsWith('@');
        const QByteArrayView tags =
            hasTags ? line.sliced(1, std::max<qsizetype>(0, line.indexOf(' ') - 1))
                    : QByteArrayView();
        if (!add(tags)) {
            out += line;
        } else if (hasTags) {
            out += '@' + tag + ';';
            out += line.sliced(1);
        } else {
            out += '@' + tag + ' ';
            out += line;
        }
    }
    return out;
}

bool hasBatch(QByteArrayView tags)
{
    return tags.startsWith("batch=") || tags.contains(";batch=");
}

} // namespace

IrcLabeledResponse::IrcLabeledResponse(const QString &label, QString batchId, QString serverName)
    : m_labelTag("label=" + IrcMessage::escapeTagValue(label).toUtf8())
    , m_batchId(std::move(batchId))
    , m_serverName(std::move(serverName))
{
}

QByteArray IrcLabeledResponse::open()
{
    if (m_batchOpen)
        return {};
    m_batchOpen = true;
    const QByteArray start =
        IrcMessage(u"BATCH"_s, {u'+' + m_batchId, u"labeled-response"_s}, m_serverName).toLine();
    return tagged(start, m_labelTag, [](QByteArrayView) { return true; }) +
           inBatch(std::exchange(m_kept, {}));
}

QByteArray IrcLabeledResponse::inBatch(const QByteArray &lines) const
{
    return tagged(lines, "batch=" + m_batchId.toUtf8(),
                  [](QByteArrayView tags) { return !hasBatch(tags); });
}

QByteArray IrcLabeledResponse::finish()
{
    if (m_batchOpen)
        return IrcMessage(u"BATCH"_s, {u'-' + m_batchId}, m_serverName).toLine();
    if (m_kept.isEmpty())
        m_kept = IrcMessage(u"ACK"_s, {}, m_serverName).toLine();
    return tagged(std::exchange(m_kept, {}), m_labelTag, [](QByteArrayView) { return true; });
}
