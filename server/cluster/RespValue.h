// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QList>

// One reply from Redis, in either of its protocols (RESP2, and RESP3 after HELLO 3). A map
// keeps its keys and values alternating in elements; an attribute (metadata Redis may put
// before a reply) is dropped by the reader, so a value is always a reply itself.
struct RespValue
{
    enum class Type {
        Null,         // RESP2 "$-1" and "*-1", RESP3 "_"
        SimpleString, // "+OK"
        Error,        // "-ERR ..." and RESP3's blob error "!"
        Integer,      // ":42"
        BulkString,   // "$5\r\nhello", RESP3's verbatim string "=" (its "txt:" prefix removed)
        Array,        // "*", RESP3's set "~"
        Map,          // RESP3 "%": key, value, key, value… in elements
        Push,         // RESP3 ">": pub/sub messages and other out-of-band data
        Boolean,      // RESP3 "#t" / "#f", in integer (1 or 0)
        Double,       // RESP3 ",": its text in bytes ("inf", "-inf", "nan" included)
        BigNumber,    // RESP3 "(": its digits in bytes
    };

    Type type = Type::Null;
    QByteArray bytes;          // strings, errors, doubles and big numbers
    qint64 integer = 0;        // integers and booleans
    QList<RespValue> elements; // arrays, sets, maps and pushes

    bool isError() const { return type == Type::Error; }
    bool isNull() const { return type == Type::Null; }
    bool isString() const { return type == Type::SimpleString || type == Type::BulkString; }
    // An array or a push: what a subscriber receives, whichever protocol it speaks.
    bool isList() const { return type == Type::Array || type == Type::Push; }

    bool operator==(const RespValue &) const = default;
};
