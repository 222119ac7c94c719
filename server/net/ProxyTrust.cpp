// SPDX-License-Identifier: MIT
#include "net/ProxyTrust.h"

namespace {

QStringList items(const QString &list)
{
    QStringList out;
    for (const QString &item : list.split(u',', Qt::SkipEmptyParts)) {
        if (!item.trimmed().isEmpty())
            out.append(item.trimmed());
    }
    return out;
}

} // namespace

ProxyTrust::ProxyTrust(const QString &list, int headerTimeoutMs)
    : m_headerTimeoutMs(headerTimeoutMs)
{
    for (const QString &item : items(list)) {
        const QPair<QHostAddress, int> subnet = QHostAddress::parseSubnet(item);
        if (subnet.second >= 0)
            m_subnets.append(subnet);
    }
}

QString ProxyTrust::invalidItem(const QString &list)
{
    for (const QString &item : items(list)) {
        if (QHostAddress::parseSubnet(item).second < 0)
            return item;
    }
    return {};
}

bool ProxyTrust::trusts(const QHostAddress &peer) const
{
    for (const QPair<QHostAddress, int> &subnet : m_subnets) {
        if (peer.isInSubnet(subnet))
            return true;
    }
    return false;
}
