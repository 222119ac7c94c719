// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

// Names that fool the eye (Unicode TS #39, through ICU's spoof checker). NameRules decides what
// a valid name is and when two names are the same one (NFKC and case folding); this decides
// when two different names look the same, and which names are made to deceive. It lives in the
// server, not in common/: only the server refuses names, and the client and the fuzzer stay
// free of ICU.
namespace Lookalikes {

// The confusable skeleton of a name, case folded: "alice", "aIice" (capital I), "a1ice",
// "аlice" (Cyrillic а) and "ꓮlice" all have the skeleton "alice". Two names with the same
// skeleton look alike; a name's skeleton never changes while it is in use.
QString skeleton(const QString &name);

// Whether a name mixes scripts the way spoofs do: more than one script, except Latin with
// Chinese, Japanese or Korean, or Latin with one other script but Cyrillic, Greek or Cherokee
// (TS #39 "moderately restrictive"); or digits of different systems; or a mark repeated on
// one letter. "Иван", "Ελένη", "张伟", "田中たなか", "张伟abc" are fine; "Иванov" is not.
bool isDeceptive(const QString &name);

} // namespace Lookalikes
