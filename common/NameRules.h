// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

// Rules for nicknames and room names (docs/PROTOCOL.md, "Names").
//
// A name is 1..max code points of letters of any script, combining marks, decimal digits,
// '_' and '-'; it starts with a letter, a digit or '_'. Names are compared after Unicode NFC
// normalisation and case folding, so "Alice" and "alice" are the same person.
namespace NameRules {

bool isValidNick(const QString &nick);
bool isValidRoom(const QString &room);

// The spelling a valid name is stored and shown with (NFC, case kept).
QString normalized(const QString &name);

// The key two names are compared by: equal keys mean the same name.
QString key(const QString &name);

} // namespace NameRules
