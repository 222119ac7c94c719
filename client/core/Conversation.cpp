// SPDX-License-Identifier: MIT
#include "Conversation.h"

#include "MessageModel.h"
#include "NameRules.h"
#include "UserListModel.h"

using namespace Qt::StringLiterals;

Conversation::Conversation(Kind kind, const QString &name, QObject *parent)
    : QObject(parent)
    , m_kind(kind)
    , m_name(name)
    , m_people(new UserListModel(this))
    , m_messages(new MessageModel(this))
{
}

QString Conversation::keyFor(Kind kind, const QString &name)
{
    return (kind == Kind::Room ? u"#"_s : u"@"_s) + NameRules::key(name);
}

void Conversation::rename(const QString &name)
{
    if (m_name == name)
        return;
    m_name = name;
    emit changed();
}

void Conversation::setTopic(const QString &topic)
{
    if (m_topic == topic)
        return;
    m_topic = topic;
    emit changed();
}

void Conversation::setPeople(const QStringList &people, qsizetype count)
{
    m_people->setUsers(people);
    if (m_peopleCount == count)
        return;
    m_peopleCount = count;
    emit changed();
}

void Conversation::setMuted(bool muted)
{
    if (m_muted == muted)
        return;
    m_muted = muted;
    emit changed();
}

void Conversation::setRead(bool read)
{
    if (m_read == read)
        return;
    m_read = read;
    if (read) {
        // The marker stays while the person reads: it shows where the new lines began.
        m_unread = 0;
        m_mentions = 0;
        emit readUpTo(m_newestPosition);
    } else {
        // Looked away: what arrives from now on is new, the marker goes to its first line.
        m_messages->clearFirstUnread();
    }
    emit changed();
}

void Conversation::noteSpeaker(const ChatLine &line)
{
    if (!line.isSpoken() || line.own)
        return;
    m_speakers.removeIf([&](const QString &nick) { return NameRules::same(nick, line.nick); });
    m_speakers.prepend(line.nick);
}

void Conversation::notePosition(const ChatLine &line)
{
    const quint64 position = m_kind == Kind::Room ? line.seq : line.id;
    m_newestPosition = std::max(m_newestPosition, position);
}

void Conversation::countUnread(const ChatLine &line, bool mention)
{
    if (!line.isSpoken() || line.own)
        return;
    if (m_unread == 0 && m_messages->firstUnreadRow() < 0)
        m_messages->markNewestAsFirstUnread();
    ++m_unread;
    // Every private line is addressed to us, as a mention is.
    if (mention || m_kind == Kind::Private)
        ++m_mentions;
}

void Conversation::addLine(const ChatLine &line, bool mention)
{
    m_messages->append(line, mention);
    noteSpeaker(line);
    notePosition(line);
    if (line.own && !m_read) {
        // Whoever writes here has read what came before.
        m_unread = 0;
        m_mentions = 0;
        m_messages->clearFirstUnread();
        emit readUpTo(m_newestPosition);
        emit changed();
    } else if (m_read) {
        emit readUpTo(m_newestPosition);
    } else if (line.isSpoken()) {
        countUnread(line, mention);
        emit changed();
    }
}

void Conversation::addMissedLines(const QList<ChatLine> &lines, const QList<bool> &mentions)
{
    const int before = m_messages->rowCount();
    m_messages->append(lines, mentions);
    bool marked = m_messages->firstUnreadRow() >= 0;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const ChatLine &line = lines.at(i);
        noteSpeaker(line);
        notePosition(line);
        if (!line.isSpoken() || line.own)
            continue;
        if (!marked) {
            m_messages->setFirstUnreadRow(before + int(i));
            marked = true;
        }
        if (!m_read) {
            ++m_unread;
            if (mentions.value(i) || m_kind == Kind::Private)
                ++m_mentions;
        }
    }
    if (m_read)
        emit readUpTo(m_newestPosition);
    emit changed();
}

void Conversation::addEarlierLines(const QList<ChatLine> &lines, const QList<bool> &mentions)
{
    m_messages->append(lines, mentions);
    for (const ChatLine &line : lines) {
        noteSpeaker(line);
        notePosition(line);
    }
    if (m_read)
        emit readUpTo(m_newestPosition);
}

void Conversation::addOlderLines(const QList<ChatLine> &lines, const QList<bool> &mentions)
{
    m_messages->prepend(lines, mentions);
    for (const ChatLine &line : lines)
        notePosition(line);
}

void Conversation::addNotice(ChatLine::Kind kind, const QString &text)
{
    ChatLine line;
    line.kind = kind;
    line.time = QDateTime::currentDateTimeUtc();
    line.text = text;
    m_messages->append(line);
}
