// SPDX-License-Identifier: MIT
#pragma once

#include "ChatLine.h"

#include <QAbstractListModel>
#include <QDate>
#include <QList>
#include <QSet>

// The lines of one conversation, for a view. Every line loaded is kept (a room may have
// 100,000 lines of history once someone scrolls that far back), but only a window of the
// newest ones is rows: a view lays out and measures every row it has, so the window is what
// keeps opening and appending fast whatever the history holds. A view that reaches the top
// row calls showOlder(), which extends the window over lines already loaded; when none are
// left, the conversation asks the server for an older page and prepends() it. A view at the
// bottom calls trimWindow() now and then, so that the window does not grow without end.
//
// The roles give a delegate everything to draw a line: the line itself, whether a new day
// starts with it (a date separator above) and whether it is the first unread one (the marker
// line above), and whether it mentions us.
class MessageModel : public QAbstractListModel
{
    Q_OBJECT

public:
    enum Role {
        LineRole = Qt::UserRole + 1, // ChatLine
        UidRole,                     // quint64: the line's id in this process, stable across paging
        DayStartRole,                // bool: the first row, or another day than the row above
        DayTextRole,                 // QString: "Today", "Yesterday" or the date
        FirstUnreadRole,             // bool: the marker line goes above this row
        MentionRole,                 // bool: the line mentions us
        TimeTextRole,                // QString: "12:01"
        BodyRole,                    // QString: the text after time and nick ("bob waves",
                                     // "bob set the topic: …", a notice's words)
    };

    // Rows a window starts with, and grows by.
    static constexpr int PageRows = 200;

    explicit MessageModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    // Adds the newest line (or lines, oldest first); mention marks lines that mention us.
    void append(const ChatLine &line, bool mention = false);
    void append(const QList<ChatLine> &lines, const QList<bool> &mentions = {});
    // Adds lines older than all loaded ones (oldest first) above them, and shows them.
    void prepend(const QList<ChatLine> &lines, const QList<bool> &mentions = {});

    // All lines loaded, shown or not.
    qsizetype lineCount() const { return m_lines.size(); }
    const ChatLine &line(int row) const { return m_lines.at(m_first + row).line; }
    // The oldest line loaded (for paging); nullptr when none.
    const ChatLine *oldestLine() const;

    // Loaded lines above the window: showOlder() can show them without asking the server.
    qsizetype hiddenAbove() const { return m_first; }
    // Shows up to count more loaded lines above the window; returns how many it showed.
    int showOlder(int count = PageRows);
    // Drops rows from the top until at most keep are left (the lines stay loaded).
    void trimWindow(int keep);

    // The marker goes above this row's line; -1 removes it.
    void setFirstUnreadRow(int row);
    void clearFirstUnread() { setFirstUnreadRow(-1); }
    int firstUnreadRow() const;
    // Whether there is a marker, shown in the window or above it.
    bool hasFirstUnread() const { return m_firstUnread >= 0; }
    // The marker goes above the newest line (used as lines arrive unread).
    void markNewestAsFirstUnread();
    // Shows the first unread line even when it is above the window.
    void showFirstUnread();

private:
    struct Entry
    {
        ChatLine line;
        quint64 uid;
        QDate day; // local date, kept: converting times to local time is not cheap
        bool mention;
    };
    Entry entry(const ChatLine &line, bool mention);
    // The one copy of a room's or a person's name that the lines share.
    QString share(const QString &word);
    bool isDayStart(qsizetype index) const;
    QString displayText(const Entry &entry) const;
    QString bodyText(const ChatLine &line) const;
    QString dayText(const QDate &day) const;
    void rowChanged(qsizetype index);

    // Names seen; bounded, so that a room with a crowd of passers-by does not grow it forever.
    static constexpr qsizetype MaxSharedWords = 1000;
    QSet<QString> m_words;
    QList<Entry> m_lines;
    qsizetype m_first = 0;        // index of the first row in m_lines
    qsizetype m_firstUnread = -1; // index in m_lines
};
