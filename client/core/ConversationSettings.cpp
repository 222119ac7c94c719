// SPDX-License-Identifier: MIT
#include "ConversationSettings.h"

#include "NameRules.h"

#include <QSettings>
#include <QUrl>

using namespace Qt::StringLiterals;

void ConversationSettings::setScope(const QString &server, const QString &nick)
{
    // QSettings keys cannot hold '/' or '\' as part of a name: the server's address and the
    // conversation's key are percent-encoded.
    m_scope = server.isEmpty()
                  ? QString()
                  : u"conversations/%1/%2"_s.arg(
                        QString::fromLatin1(QUrl::toPercentEncoding(server)),
                        QString::fromLatin1(QUrl::toPercentEncoding(NameRules::key(nick))));
}

QString ConversationSettings::path(const QString &key, const QString &what) const
{
    return u"%1/%2/%3"_s.arg(m_scope, QString::fromLatin1(QUrl::toPercentEncoding(key)), what);
}

quint64 ConversationSettings::readPosition(const QString &key) const
{
    return m_scope.isEmpty() ? 0 : QSettings().value(path(key, u"read"_s)).toULongLong();
}

void ConversationSettings::setReadPosition(const QString &key, quint64 position)
{
    if (m_scope.isEmpty() || position == 0 || position <= readPosition(key))
        return;
    QSettings().setValue(path(key, u"read"_s), position);
}

bool ConversationSettings::isMuted(const QString &key) const
{
    return !m_scope.isEmpty() && QSettings().value(path(key, u"muted"_s), false).toBool();
}

void ConversationSettings::setMuted(const QString &key, bool muted)
{
    if (m_scope.isEmpty())
        return;
    QSettings settings;
    if (muted)
        settings.setValue(path(key, u"muted"_s), true);
    else
        settings.remove(path(key, u"muted"_s));
}
