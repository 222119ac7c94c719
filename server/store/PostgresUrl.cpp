// SPDX-License-Identifier: MIT
#include "store/PostgresUrl.h"

#include <QUrl>
#include <QUrlQuery>

using namespace Qt::StringLiterals;

bool PostgresUrl::isPostgres(const QString &text)
{
    return text.startsWith(u"postgresql://"_s, Qt::CaseInsensitive) ||
           text.startsWith(u"postgres://"_s, Qt::CaseInsensitive);
}

QString PostgresUrl::redacted(const QString &text)
{
    if (!isPostgres(text))
        return text;
    QUrl url(text);
    if (!url.isValid())
        return u"postgresql://(not a valid URL)"_s;
    if (!url.password().isEmpty())
        url.setPassword(u"****"_s);
    return url.toString();
}

PostgresUrl::PostgresUrl(const QString &text)
{
    // Errors name what is wrong, not the text: it may hold a password.
    if (!isPostgres(text)) {
        m_error = u"a PostgreSQL URL begins with postgresql://"_s;
        return;
    }
    const QUrl url(text, QUrl::StrictMode);
    if (!url.isValid()) {
        m_error = u"the PostgreSQL URL is not a valid URL"_s;
        return;
    }
    m_databaseName = url.path(QUrl::FullyDecoded).mid(1);
    if (m_databaseName.isEmpty() || m_databaseName.contains(u'/')) {
        m_error = u"the PostgreSQL URL names no database (postgresql://user@host:port/dbname)"_s;
        return;
    }
    m_host = url.host(QUrl::FullyDecoded);
    m_port = url.port(-1);
    m_user = url.userName(QUrl::FullyDecoded);
    m_password = url.password(QUrl::FullyDecoded);
    QStringList options;
    const auto items = QUrlQuery(url).queryItems(QUrl::FullyDecoded);
    for (const auto &[name, value] : items) {
        // QPSQL splits its options at ';'; libpq would read a space as the next option.
        if (value.contains(u';') || value.contains(u' ') || name.contains(u'=')) {
            m_error = u"the PostgreSQL URL's parameter %1 holds a space or ';'"_s.arg(name);
            return;
        }
        options.append(name + u'=' + value);
    }
    m_connectOptions = options.join(u';');
    m_error.clear();
}

QString PostgresUrl::where() const
{
    QString text = m_user.isEmpty() ? QString() : m_user + u'@';
    if (m_host.isEmpty())
        text += u"localhost"_s;
    else if (m_host.contains(u':'))
        text += u'[' + m_host + u']'; // IPv6, whose colons would run into the port's
    else
        text += m_host;
    if (m_port >= 0)
        text += u':' + QString::number(m_port);
    return text + u'/' + m_databaseName;
}
