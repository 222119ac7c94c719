// SPDX-License-Identifier: MIT
#include "core/BanMask.h"

#include "NameRules.h"

using namespace Qt::StringLiterals;

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
    if (!NameRules::isValidNick(NameRules::normalized(text)))
        return mask;
    mask.m_kind = Kind::Nick;
    mask.m_text = NameRules::key(text);
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
