// SPDX-License-Identifier: MIT
#include "store/SqlConnection.h"

#include "store/SqlDialect.h"

#include <QAtomicInteger>
#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace {

QString uniqueName(SqlConnection::Role role)
{
    static QAtomicInteger<quint64> counter;
    static const char *const roles[] = {"setup", "writer", "reader"};
    return u"chat-store-%1-%2"_s.arg(counter.fetchAndAddRelaxed(1) + 1)
        .arg(QLatin1StringView(roles[int(role)]));
}

} // namespace

SqlConnection::SqlConnection(const SqlDialect &dialect, Role role)
    : m_dialect(dialect)
    , m_name(uniqueName(role))
    , m_role(role)
{
}

SqlConnection::~SqlConnection()
{
    if (!m_db.isValid())
        return;
    if (m_db.isOpen())
        m_dialect.beforeClose(*this);
    m_db.close();
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_name);
}

bool SqlConnection::open(QString *error)
{
    m_db = m_dialect.add(m_name, error);
    if (!m_db.isValid())
        return false;
    if (!m_db.open()) {
        // where() names the database without its password.
        *error =
            u"cannot open the database %1: %2"_s.arg(m_dialect.where(), describe(m_db.lastError()));
        return false;
    }
    return m_dialect.configure(*this, error);
}

QVariant SqlConnection::value(const QString &sql, QString *error)
{
    error->clear();
    QSqlQuery query(m_db);
    if (!query.exec(sql)) {
        *error = describe(query.lastError());
        return {};
    }
    const QVariant result = query.next() ? query.value(0) : QVariant();
    if (query.lastError().isValid())
        *error = describe(query.lastError());
    return result;
}

QString SqlConnection::describe(const QSqlError &error) const
{
    return m_dialect.explain(error);
}
