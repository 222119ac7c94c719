// SPDX-License-Identifier: MIT
#include "store/SqlReader.h"

#include "store/SqlConnection.h"
#include "store/SqlHistory.h"

SqlReader::SqlReader(const SqlDialect &dialect, Deliver deliver)
    : m_dialect(dialect)
    , m_deliver(std::move(deliver))
{
    setObjectName(QStringLiteral("chat-store-reader"));
}

SqlReader::~SqlReader()
{
    stop();
    wait();
}

void SqlReader::run()
{
    SqlConnection connection(m_dialect, SqlConnection::Role::Reader);
    SqlHistory history(connection);
    QString error;
    if (!connection.open(&error) || !history.prepare(&error)) {
        reportReady(error);
        return;
    }
    reportReady({});
    for (;;) {
        bool stopping = false;
        const QList<HistoryRequest> requests =
            m_queue.takeAll(QDeadlineTimer(QDeadlineTimer::Forever), &stopping);
        if (!requests.isEmpty()) {
            QList<HistoryPage> pages;
            pages.reserve(requests.size());
            for (const HistoryRequest &request : requests)
                pages.append(history.read(request));
            m_deliver(std::move(pages));
        }
        if (stopping)
            break;
    }
}
