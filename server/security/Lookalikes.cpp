// SPDX-License-Identifier: MIT
#include "security/Lookalikes.h"

#include "NameRules.h"

#include <unicode/uspoof.h>

#include <memory>

namespace {

struct CheckerDeleter
{
    void operator()(USpoofChecker *checker) const { uspoof_close(checker); }
};

// One checker, made once: opening one loads ICU's confusable data. Its checks are read-only
// after set-up, so sharing it is safe.
const USpoofChecker *checker()
{
    static const std::unique_ptr<USpoofChecker, CheckerDeleter> instance = [] {
        UErrorCode status = U_ZERO_ERROR;
        std::unique_ptr<USpoofChecker, CheckerDeleter> made(uspoof_open(&status));
        uspoof_setRestrictionLevel(made.get(), USPOOF_MODERATELY_RESTRICTIVE);
        uspoof_setChecks(made.get(),
                         USPOOF_RESTRICTION_LEVEL | USPOOF_INVISIBLE | USPOOF_MIXED_NUMBERS,
                         &status);
        Q_ASSERT_X(U_SUCCESS(status), "Lookalikes", u_errorName(status));
        return made;
    }();
    return instance.get();
}

const UChar *chars(const QString &text)
{
    return reinterpret_cast<const UChar *>(text.utf16());
}

} // namespace

namespace Lookalikes {

QString skeleton(const QString &name)
{
    // The skeleton keeps case, and capitals have skeletons of their own ("I" is "l"): it is
    // taken of the name as written (after NFKC, so a fullwidth letter is its plain one), then
    // folded, so that names that are the same but for case share one.
    const QString text = NameRules::normalized(name);
    QString out(text.size() * 2 + 8, Qt::Uninitialized);
    UErrorCode status = U_ZERO_ERROR;
    int32_t length =
        uspoof_getSkeleton(checker(), 0, chars(text), int32_t(text.size()),
                           reinterpret_cast<UChar *>(out.data()), int32_t(out.size()), &status);
    if (status == U_BUFFER_OVERFLOW_ERROR) {
        out.resize(length);
        status = U_ZERO_ERROR;
        length =
            uspoof_getSkeleton(checker(), 0, chars(text), int32_t(text.size()),
                               reinterpret_cast<UChar *>(out.data()), int32_t(out.size()), &status);
    }
    if (U_FAILURE(status))
        return NameRules::key(name); // no data: at least the name itself is taken
    out.truncate(length);
    return NameRules::key(out);
}

bool isDeceptive(const QString &name)
{
    const QString text = NameRules::normalized(name);
    UErrorCode status = U_ZERO_ERROR;
    const int32_t result =
        uspoof_check2(checker(), chars(text), int32_t(text.size()), nullptr, &status);
    return U_FAILURE(status) || result != 0;
}

} // namespace Lookalikes
