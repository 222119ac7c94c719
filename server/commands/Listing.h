// SPDX-License-Identifier: MIT
#pragma once

#include "Event.h"
#include "commands/NamePattern.h"
#include "commands/ReplySource.h"

#include <QPointer>
#include <QSet>

class Directory;
struct RemotePerson;
class Room;
class User;

// A reply to list or who: a heading (ListingStart), the matching rooms or people in pieces
// (Rooms or Who events of at most pageSize items and about Protocol::ListLineBytes bytes), and an
// end line (ListingEnd) that says how many more there are past a page. Each piece is made when the
// reader is ready for it, from the name the last piece ended at, so that listing 20,000 rooms to a
// slow reader costs one piece of memory, and a room made or gone meanwhile is simply listed or not.
class Listing : public ReplySource
{
public:
    enum class What { Rooms, People };

    // Who asks for a listing: those who made themselves invisible are listed to them only when
    // they share a room, when the filter names them, or when the viewer is one of them or an
    // administrator (as IRC's WHO treats user mode +i); a secret room is listed, and named
    // among a person's rooms, only to its members and administrators (IRC's +s). The rooms
    // are asked of the person as each piece is made (a listing costs no copy of them, and a
    // room joined meanwhile counts).
    struct Viewer
    {
        QPointer<const User> user; // null: nobody's rooms
        bool seesEveryone = true;
    };

    // page 0: every item; N: the Nth page of pageSize items. administrators: the account keys
    // of the server's administrators, whom who flags "admin".
    Listing(const Directory &directory, What what, const NamePattern &pattern, int page,
            int pageSize, const QString &label, const QSet<QString> &administrators, Viewer viewer);

    QByteArray next(const Render &render) override;

private:
    enum class Stage { Start, Items, End, Done };

    Event start();
    Event piece();
    Event end();
    // Moves to the next matching item after where the listing stands and appends its fields to
    // items (unless null); false when there is none.
    bool advance(QStringList *items);
    bool matches(const QString &key, const Room *room) const;
    // Whether the viewer is shown the person of key (Viewer).
    bool shows(bool invisible, quint64 personId, const QList<Room *> &rooms,
               const QString &key) const;
    // Whether the viewer is in room; whether they are shown it (Viewer), and those of rooms
    // they are shown.
    bool isIn(const Room *room) const;
    bool shows(const Room *room) const;
    QList<Room *> shown(const QList<Room *> &rooms) const;
    // A person's item of a who listing: nickname, rooms, flags, then their details for IRC
    // (Event::details).
    QStringList describe(const User *user) const;
    QStringList describe(const RemotePerson *person) const;
    // A who triple: the nick, the rooms, the flags (and "admin" for an administrator's account).
    QStringList describe(const QString &nick, const QList<Room *> &rooms, QString flags,
                         const QString &account) const;
    // The names of those of rooms that the person of key runs (owner or operator).
    static QString runs(const QList<Room *> &rooms, const QString &key);
    qsizetype countRest();
    Event labelled(Event event) const;

    const Directory &m_directory;
    What m_what;
    NamePattern m_pattern;
    int m_page;
    int m_pageSize;
    QString m_label;
    QSet<QString> m_administrators;
    Viewer m_viewer;
    Stage m_stage = Stage::Start;
    bool m_hallDone = false; // rooms: the hall comes first
    QString m_after;         // the key of the last item passed (null: none yet)
    QStringList m_next;      // an item passed that did not fit in the last line
    qsizetype m_sent = 0;
};
