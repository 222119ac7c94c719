// SPDX-License-Identifier: MIT
#pragma once

#include <QDateTime>
#include <QMetaType>
#include <QString>

// One line of a conversation, with typed fields: what someone said or did in a room, a topic
// change, a private message, or a line the client adds itself (a notice such as "bob joined.",
// an error, a divider where lines from before begin). Lines from the server carry its id and,
// in a room, the room's sequence number, which is what history paging and resume speak in.
struct ChatLine
{
    enum class Kind {
        Message,
        Action,
        Private,
        Topic,   // text: the new topic (empty: cleared); nick: who set it
        Notice,  // from the client: someone came or went, a listing, the connection
        Error,   // from the client: a command failed
        Divider, // from the client: "3 new messages" where lines from before begin
    };

    Kind kind = Kind::Notice;
    QDateTime time;  // UTC
    quint64 id = 0;  // the server's id of the line; 0 for the client's own lines
    quint64 seq = 0; // the room's sequence number; 0 for private and the client's lines
    QString room;    // empty for private lines
    QString nick;    // who said or did it
    QString peer;    // private: the other person (whoever is not us)
    QString text;
    bool own = false; // we said it
    // A message or private message written as a note (IRC's NOTICE): bots' output, which
    // nobody answers automatically; shown as "-nick- text".
    bool note = false;

    bool isFromServer() const { return id != 0; }
    // Something a person said or did: what counts as unread.
    bool isSpoken() const
    {
        return kind == Kind::Message || kind == Kind::Action || kind == Kind::Private;
    }

    bool operator==(const ChatLine &) const = default;
};

Q_DECLARE_METATYPE(ChatLine)
