// SPDX-License-Identifier: MIT
#include "MessageModel.h"

#include <QLocale>

using namespace Qt::StringLiterals;

MessageModel::MessageModel(QObject *parent)
    : QAbstractListModel(parent)
{
}

int MessageModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_lines.size() - m_first);
}

QHash<int, QByteArray> MessageModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert(LineRole, "line");
    names.insert(DayStartRole, "dayStart");
    names.insert(FirstUnreadRole, "firstUnread");
    names.insert(MentionRole, "mention");
    return names;
}

QVariant MessageModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const qsizetype at = m_first + index.row();
    const Entry &entry = m_lines.at(at);
    switch (role) {
    case Qt::DisplayRole:
        return displayText(entry);
    case Qt::ToolTipRole:
        return entry.line.kind == ChatLine::Kind::Divider
                   ? QVariant()
                   : QLocale().toString(entry.line.time.toLocalTime(), QLocale::LongFormat);
    case Qt::AccessibleTextRole:
        return displayText(entry);
    case LineRole:
        return QVariant::fromValue(entry.line);
    case UidRole:
        return entry.uid;
    case DayStartRole:
        return isDayStart(at);
    case DayTextRole:
        return dayText(entry.day);
    case FirstUnreadRole:
        return at == m_firstUnread;
    case MentionRole:
        return entry.mention;
    case TimeTextRole:
        return entry.line.time.toLocalTime().toString(u"HH:mm"_s);
    case BodyRole:
        return bodyText(entry.line);
    default:
        return {};
    }
}

MessageModel::Entry MessageModel::entry(const ChatLine &line, bool mention)
{
    // Unique in the process, not only in this model: one delegate measures the lines of every
    // conversation and keeps their heights by this id.
    static quint64 nextUid = 1;
    Entry made{line, nextUid++, line.time.toLocalTime().date(), mention};
    // Every line of a room names the room and one of a few people: each parsed line brought
    // its own copy of those words, and sharing one copy saves a few dozen bytes a line.
    made.line.room = share(line.room);
    made.line.nick = share(line.nick);
    made.line.peer = share(line.peer);
    return made;
}

QString MessageModel::share(const QString &word)
{
    if (word.isEmpty())
        return word;
    const auto found = m_words.constFind(word);
    if (found != m_words.cend())
        return *found;
    if (m_words.size() < MaxSharedWords)
        m_words.insert(word);
    return word;
}

bool MessageModel::isDayStart(qsizetype index) const
{
    if (m_lines.at(index).line.kind == ChatLine::Kind::Divider)
        return false;
    // The first row always says its day; a divider does not count as a day of its own.
    for (qsizetype above = index - 1; above >= m_first; --above) {
        if (m_lines.at(above).line.kind != ChatLine::Kind::Divider)
            return m_lines.at(above).day != m_lines.at(index).day;
    }
    return true;
}

QString MessageModel::dayText(const QDate &day) const
{
    const QDate today = QDate::currentDate();
    if (day == today)
        return tr("Today");
    if (day == today.addDays(-1))
        return tr("Yesterday");
    return QLocale().toString(day, QLocale::LongFormat);
}

QString MessageModel::bodyText(const ChatLine &line) const
{
    switch (line.kind) {
    case ChatLine::Kind::Action:
        return u"%1 %2"_s.arg(line.nick, line.text);
    case ChatLine::Kind::Topic:
        return line.text.isEmpty() ? tr("%1 cleared the topic.").arg(line.nick)
                                   : tr("%1 set the topic: %2").arg(line.nick, line.text);
    default:
        return line.text;
    }
}

QString MessageModel::displayText(const Entry &entry) const
{
    // As the line reads when copied: the time, who, what.
    const ChatLine &line = entry.line;
    const QString time = u"[%1] "_s.arg(line.time.toLocalTime().toString(u"HH:mm"_s));
    switch (line.kind) {
    case ChatLine::Kind::Message:
    case ChatLine::Kind::Private:
        return time + (line.note ? u"-%1- %2"_s : u"<%1> %2"_s).arg(line.nick, line.text);
    case ChatLine::Kind::Action:
        return time + u"* "_s + bodyText(line);
    case ChatLine::Kind::Topic:
    case ChatLine::Kind::Notice:
        return time + u"— "_s + bodyText(line);
    case ChatLine::Kind::Error:
        return time + line.text;
    case ChatLine::Kind::Divider:
        return u"──── %1 ────"_s.arg(line.text);
    }
    return {};
}

void MessageModel::append(const ChatLine &line, bool mention)
{
    const int row = rowCount();
    beginInsertRows({}, row, row);
    m_lines.append(entry(line, mention));
    endInsertRows();
}

void MessageModel::append(const QList<ChatLine> &lines, const QList<bool> &mentions)
{
    if (lines.isEmpty())
        return;
    const int row = rowCount();
    beginInsertRows({}, row, row + int(lines.size()) - 1);
    m_lines.reserve(m_lines.size() + lines.size());
    for (qsizetype i = 0; i < lines.size(); ++i)
        m_lines.append(entry(lines.at(i), mentions.value(i, false)));
    endInsertRows();
}

void MessageModel::prepend(const QList<ChatLine> &lines, const QList<bool> &mentions)
{
    if (lines.isEmpty())
        return;
    QList<Entry> older;
    older.reserve(lines.size());
    for (qsizetype i = 0; i < lines.size(); ++i)
        older.append(entry(lines.at(i), mentions.value(i, false)));
    // Loaded above the window first, then shown: one path for lines loaded and shown later.
    // QList keeps room at its front, so prepending a page does not copy what is loaded.
    for (auto it = older.crbegin(); it != older.crend(); ++it)
        m_lines.prepend(*it);
    m_first += older.size();
    if (m_firstUnread >= 0)
        m_firstUnread += older.size();
    showOlder(int(older.size()));
}

const ChatLine *MessageModel::oldestLine() const
{
    for (const Entry &entry : m_lines) {
        if (entry.line.isFromServer())
            return &entry.line;
    }
    return nullptr;
}

int MessageModel::showOlder(int count)
{
    const int shown = int(std::min<qsizetype>(count, m_first));
    if (shown <= 0)
        return 0;
    const qsizetype oldTop = m_first;
    beginInsertRows({}, 0, shown - 1);
    m_first -= shown;
    endInsertRows();
    // The row that was on top may no longer start a day.
    if (oldTop < m_lines.size())
        rowChanged(oldTop);
    return shown;
}

void MessageModel::trimWindow(int keep)
{
    const int drop = rowCount() - keep;
    if (drop <= 0)
        return;
    beginRemoveRows({}, 0, drop - 1);
    m_first += drop;
    endRemoveRows();
    rowChanged(m_first); // the new top row says its day
}

int MessageModel::firstUnreadRow() const
{
    return m_firstUnread >= m_first ? int(m_firstUnread - m_first) : -1;
}

void MessageModel::setFirstUnreadRow(int row)
{
    const qsizetype at = row < 0 ? -1 : m_first + row;
    if (at == m_firstUnread)
        return;
    const qsizetype before = std::exchange(m_firstUnread, at);
    rowChanged(before);
    rowChanged(at);
}

void MessageModel::markNewestAsFirstUnread()
{
    if (!m_lines.isEmpty())
        setFirstUnreadRow(rowCount() - 1);
}

void MessageModel::showFirstUnread()
{
    if (m_firstUnread >= 0 && m_firstUnread < m_first)
        showOlder(int(m_first - m_firstUnread));
}

void MessageModel::rowChanged(qsizetype index)
{
    if (index < m_first || index >= m_lines.size())
        return;
    const QModelIndex changed = this->index(int(index - m_first));
    emit dataChanged(changed, changed);
}
