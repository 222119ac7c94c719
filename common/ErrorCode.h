// SPDX-License-Identifier: MIT
#pragma once

// Stable error codes of the protocol. Where IRC has a numeric for the same failure we use it,
// so that people who know IRC recognise them; the others are documented in docs/PROTOCOL.md.
enum class ErrorCode : int {
    None = 0,
    TryAgain = 263,             // subject: seconds until the command may be tried again (IRC's
                                // RPL_TRYAGAIN, for a rate: creating rooms too fast)
    BadInput = 400,             // subject: "utf8", "control", "label" or "protocol"
    NoSuchNick = 401,           // subject: the nickname
    NoSuchRoom = 403,           // subject: the room name
    CannotSendToRoom = 404,     // subject: the room where you are muted, or which is moderated
                                // and you have no voice
    TooManyRooms = 405,         // subject: the limit of rooms per person
    RoomExists = 409,           // subject: the room name
    NoText = 412,               // subject: empty
    BadMask = 415,              // subject: what was given as a mask (of a ban or an allow) and
                                // is none (RFC 2812's ERR_BADMASK)
    HistoryTooLong = 416,       // subject: the most lines one request returns
    LineTooLong = 417,          // subject: the limit in bytes
    ServerRoomLimit = 419,      // subject: the most rooms the server holds (--max-rooms)
    UnknownCommand = 421,       // subject: the command word
    TooManyConnections = 429,   // subject: the limit per address
    BadNick = 432,              // subject: the rejected nickname
    NickInUse = 433,            // subject: the nickname
    NotInThatRoom = 441,        // subject: the nickname of someone not in the room
    NotInRoom = 442,            // subject: the room name, or empty when in no room at all
    AlreadyInRoom = 443,        // subject: the room name
    NotLoggedIn = 451,          // subject: empty
    NeedMoreParams = 461,       // subject: the command's usage line
    AlreadyLoggedIn = 462,      // subject: your nickname
    PasswordMismatch = 464,     // subject: "required" or "wrong"
    RoomFull = 471,             // subject: the room, whose limit of members is reached
    InviteOnlyRoom = 473,       // subject: the room, which takes an invitation (invite-only)
    BannedFromRoom = 474,       // subject: the room you are banned from
    BadRoomKey = 475,           // subject: the room, which takes a key you did not give
    NeedRegisteredNick = 477,   // subject: the room, which takes an identified account
    BanListFull = 478,          // subject: the most masks a room's ban list, or its list of the
                                // allowed, holds
    BadRoomName = 479,          // subject: the rejected room name
    NoPrivileges = 481,         // subject: the command: it takes a server administrator
    NotRoomOperator = 482,      // subject: the room: it takes its operators (or owner), or the
                                // person acted on stands as high as you
    TopicTooLong = 480,         // subject: the limit in characters
    BadResumeToken = 490,       // subject: empty (wrong, expired or ended by logout)
    NotRegistered = 491,        // subject: the nickname that has no account, or empty when
                                // identify has no registered nickname to log in with
    BadPassword = 492,          // subject: the shortest password allowed (one word)
    ServerFull = 503,           // subject: the limit of connections
    Unavailable = 504,          // subject: empty (a node of a cluster cut off from it takes no
                                // new names until it is back)
    StorageFailed = 507,        // subject: "full" (the store reached its size) or "failed"
    InvalidRuleValue = 696,     // subject: the rule ("limit" or "key") the value does not fit
    NickRegistered = 902,       // subject: the nickname, registered: its password is needed
                                // (IRC's ERR_NICKLOCKED)
    AccountPasswordWrong = 904, // subject: the account's name (IRC's ERR_SASLFAIL)
    AlreadyRegistered = 907,    // subject: the registered name: your own account's, or the
                                // one the nickname is (or looks like)
};
