// SPDX-License-Identifier: MIT
#pragma once

#include <QSemaphore>
#include <QString>
#include <QThread>

// A store thread that opens its own connection when it starts. open() waits for it, so that
// a connection that cannot be made fails open() instead of the first write.
class SqlThread : public QThread
{
public:
    using QThread::QThread;

    // Blocks until run() has opened its connection (or given up): false with *error then.
    bool waitUntilReady(QString *error)
    {
        m_ready.acquire();
        *error = m_error;
        return m_error.isEmpty();
    }

protected:
    // Called once by run(), with an empty error when the thread is ready for work.
    void reportReady(const QString &error)
    {
        m_error = error; // published by the semaphore's release
        m_ready.release();
    }

private:
    QSemaphore m_ready;
    QString m_error;
};
