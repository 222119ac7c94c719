// SPDX-License-Identifier: MIT
#include "store/SqlReader.h"

#include "store/SqlConnection.h"
#include "store/SqlHistory.h"
#include "store/SqlRooms.h"
#include "store/SqlTargets.h"

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
    SqlTargets targets(connection);
    QString error;
    if (!connection.open(&error) || !history.prepare(&error) || !targets.prepare(&error)) {
        reportReady(error);
        return;
    }
    reportReady({});
    for (;;) {
        bool stopping = false;
        const QList<Job> jobs = m_queue.takeAll(QDeadlineTimer(QDeadlineTimer::Forever), &stopping);
        if (!jobs.isEmpty()) {
            QList<Answer> answers;
            answers.reserve(jobs.size());
            for (const Job &job : jobs) {
                if (const auto *request = std::get_if<HistoryRequest>(&job)) {
                    answers.append(history.read(*request));
                } else if (const auto *asked = std::get_if<TargetsRequest>(&job)) {
                    answers.append(targets.read(*asked));
                } else {
                    RoomsPage page;
                    if (!SqlRooms::read(connection, &page.rooms, &page.error))
                        page.rooms.clear();
                    answers.append(page);
                }
            }
            m_deliver(std::move(answers));
        }
        if (stopping)
            break;
    }
}
