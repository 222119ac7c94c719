// SPDX-License-Identifier: MIT
#pragma once

#include <QHostAddress>
#include <QList>
#include <QString>

// What a ban matches: a nickname, a pattern of nicknames, an account, or an address or subnet.
// Written as the operator types it and as the store keeps it:
//
//   mask    = nick / pattern / "account:" name / address [ "/" prefix-length ]
//   pattern = a nick with wildcards: "*" any run of characters, "?" one ("guest*", "b?b");
//             at least one character that is none
//   address = an IPv4 or IPv6 address ("192.0.2.7", "2001:db8::1")
//
// Nicknames cannot hold '.', ':', '*' or '?', so a mask with '.' or ':' is an address (or an
// account) and one with '*' or '?' a pattern.
// text() is the canonical form (names by NameRules::key, subnets with their host bits
// cleared, an IPv4-mapped IPv6 address as IPv4), so that the same ban typed twice is one.
class BanMask
{
public:
    enum class Kind { Invalid, Nick, NickPattern, Account, Address };

    static constexpr QLatin1StringView AccountPrefix{"account:"};

    // An invalid mask (isValid() false) when text is none of the forms above.
    static BanMask parse(const QString &text);
    // The mask of an account, by its key.
    static BanMask account(const QString &key);

    bool isValid() const { return m_kind != Kind::Invalid; }
    Kind kind() const { return m_kind; }
    QString text() const { return m_text; }

    // Whether a person of this nickname key and account key (empty: not identified),
    // connected from these addresses, is caught by the mask.
    bool matches(const QString &nickKey, const QString &accountKey,
                 const QList<QHostAddress> &addresses) const;

    // An IPv4-mapped IPv6 address ("::ffff:192.0.2.7") as the IPv4 address it carries: a
    // dual-stack listener reports IPv4 peers that way.
    static QHostAddress plain(const QHostAddress &address);

    bool operator==(const BanMask &other) const { return m_text == other.m_text; }

private:
    Kind m_kind = Kind::Invalid;
    QString m_text;
    QPair<QHostAddress, int> m_subnet;
    QList<uint> m_pattern; // a pattern's code points
};
