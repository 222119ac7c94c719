// SPDX-License-Identifier: MIT
#include "core/BanMask.h"

#include "NameRules.h"

using namespace Qt::StringLiterals;

namespace {

bool isWildcard(char32_t c)
{
    return c == U'*' || c == U'?';
}

// Whether text matches pattern, code point by code point ('?' is one, even beyond the BMP).
// Backtracks only to the last '*', which is enough for globs: linear in practice.
bool globMatches(const QList<uint> &pattern, const QList<uint> &text)
{
    qsizetype p = 0;
    qsizetype t = 0;
    qsizetype star = -1; // the last '*' seen, and where in text it began to match
    qsizetype from = 0;
    while (t < text.size()) {
        if (p < pattern.size() && (pattern[p] == U'?' || pattern[p] == text[t])) {
            ++p;
            ++t;
        } else if (p < pattern.size() && pattern[p] == U'*') {
            star = p++;
            from = t;
        } else if (star >= 0) {
            p = star + 1;
            t = ++from;
        } else {
            return false;
        }
    }
    while (p < pattern.size() && pattern[p] == U'*')
        ++p;
    return p == pattern.size();
}

} // namespace

QHostAddress BanMask::plain(const QHostAddress &address)
{
    bool mapped = false;
    const quint32 ipv4 = address.toIPv4Address(&mapped);
    if (mapped && address.protocol() == QAbstractSocket::IPv6Protocol)
        return QHostAddress(ipv4);
    return address;
}

BanMask BanMask::account(const QString &key)
{
    BanMask mask;
    mask.m_kind = Kind::Account;
    mask.m_text = AccountPrefix + key;
    return mask;
}

BanMask BanMask::parse(const QString &text)
{
    BanMask mask;
    if (text.startsWith(AccountPrefix, Qt::CaseInsensitive)) {
        const QString name = text.sliced(AccountPrefix.size());
        return NameRules::isValidNick(NameRules::normalized(name)) ? account(NameRules::key(name))
                                                                   : mask;
    }
    if (text.contains(u'.') || text.contains(u':')) {
        const qsizetype slash = text.indexOf(u'/');
        QHostAddress address(slash < 0 ? text : text.left(slash));
        if (address.isNull())
            return mask;
        address = plain(address);
        const bool ipv4 = address.protocol() == QAbstractSocket::IPv4Protocol;
        const int bits = ipv4 ? 32 : 128;
        int prefix = bits;
        if (slash >= 0) {
            bool ok = false;
            prefix = text.sliced(slash + 1).toInt(&ok);
            if (!ok || prefix < 0 || prefix > bits)
                return mask;
        }
        mask.m_subnet =
            QHostAddress::parseSubnet(address.toString() + u'/' + QString::number(prefix));
        if (mask.m_subnet.second < 0)
            return mask;
        mask.m_kind = Kind::Address;
        mask.m_text = mask.m_subnet.first.toString();
        if (prefix != bits)
            mask.m_text += u'/' + QString::number(prefix);
        return mask;
    }
    const QString key = NameRules::key(text);
    if (std::any_of(key.cbegin(), key.cend(), [](QChar c) { return isWildcard(c.unicode()); })) {
        // A pattern is a nickname where a letter stands for each wildcard, and names someone.
        QString asNick = key;
        for (QChar &c : asNick) {
            if (isWildcard(c.unicode()))
                c = u'a';
        }
        const QList<uint> points = key.toUcs4();
        if (!NameRules::isValidNick(asNick) ||
            std::all_of(points.cbegin(), points.cend(), isWildcard))
            return mask;
        mask.m_kind = Kind::NickPattern;
        mask.m_text = key;
        mask.m_pattern = points;
        return mask;
    }
    if (!NameRules::isValidNick(NameRules::normalized(text)))
        return mask;
    mask.m_kind = Kind::Nick;
    mask.m_text = key;
    return mask;
}

bool BanMask::matches(const QString &nickKey, const QString &accountKey,
                      const QList<QHostAddress> &addresses) const
{
    switch (m_kind) {
    case Kind::Invalid:
        return false;
    case Kind::Nick:
        return m_text == nickKey;
    case Kind::NickPattern:
        return globMatches(m_pattern, nickKey.toUcs4());
    case Kind::Account:
        return !accountKey.isEmpty() && m_text.sliced(AccountPrefix.size()) == accountKey;
    case Kind::Address:
        for (const QHostAddress &address : addresses) {
            if (plain(address).isInSubnet(m_subnet))
                return true;
        }
        return false;
    }
    return false;
}
