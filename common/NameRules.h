// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

// Rules for nicknames and room names (docs/PROTOCOL.md, "Names").
//
// A name is 1..max code points of letters of any script, combining marks, decimal digits,
// '_' and '-'; it starts with a letter, a digit or '_'. Names are compared after Unicode NFKC
// normalisation and case folding, so "Alice" and "alice" are the same person, and so are the
// compatibility forms of a letter ("Ａlice" in fullwidth, the ligature "ﬁ" for "fi"). Names
// that merely look alike ("аlice" with a Cyrillic а) are the server's business: see
// server/security/Lookalikes.h.
namespace NameRules {

bool isValidNick(const QString &nick);
bool isValidRoom(const QString &room);

// The spelling a valid name is checked, stored and shown with (NFKC, case kept): "Ａlice" is
// shown as "Alice".
QString normalized(const QString &name);

// The key two names are compared by: equal keys mean the same name.
QString key(const QString &name);
// Whether a and b are the same name (their keys are equal).
bool same(const QString &a, const QString &b);

} // namespace NameRules
