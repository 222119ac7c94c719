// SPDX-License-Identifier: MIT
#pragma once

#include "store/StoredMessage.h"

#include <QByteArray>
#include <QList>
#include <QObject>

#include <optional>

class MessageLog;
class Session;
struct StoredMessage;

// Sends history to one session at the pace its reader takes it. Each part is one page from
// the store, framed by a history start and end line; while parts are under way the session's
// other output waits (Session::pauseOutput), so that a room's history always comes before
// what was said in it since, and nothing comes twice: a page goes up to the room's last
// committed line at the moment it was asked for, and every later line is live output that
// waited. A page of a thousand long lines is written as the connection drains, never all at
// once, so it cannot push a reader who reads past the output cap.
class HistoryStream : public QObject
{
    Q_OBJECT

public:
    struct Part
    {
        HistoryRequest request;
        QString room;   // the room the lines are of; empty for private messages
        QString peer;   // private history with one person; empty otherwise
        QString reason; // "join", "resume" or "request" (see Event::Kind::HistoryStart)
        QString label;
        // A resume whose gap is larger than one page: send the newest page instead, and say
        // where the older lines are, rather than lines from the start of the gap.
        bool newestIfMore = false;
        // Lines that were live, read back from the store after the session's held output ran
        // out of room (see HeldOutput): no history markers, and page after page up to upTo.
        bool catchUp = false;
    };

    // A child of session: it ends with it.
    HistoryStream(Session *session, const MessageLog &log);

    void add(const Part &part);

private:
    void next();
    void read(const Part &part, const HistoryRequest &request);
    void pageRead(const Part &part, const HistoryPage &page);
    void writeSome();
    void writeLines(QList<QByteArray> lines, bool held);
    // After the parts: what the session let go while they were written, read back.
    bool addCatchUp();

    Session *m_session;
    const MessageLog &m_log;
    // Parts to send, and between them the output that waited before each was added.
    struct Item
    {
        std::optional<Part> part;
        QList<QByteArray> waited;
    };
    QList<Item> m_items;
    QList<QByteArray> m_lines; // being written
    qsizetype m_written = 0;
    bool m_linesHeld = false; // m_lines is the session's held output: released as written
    bool m_reading = false;
    bool m_active = false;
};
