// SPDX-License-Identifier: MIT
#include "RedisProcess.h"

#include <QDeadlineTimer>
#include <QStandardPaths>
#include <QTcpServer>

#include <csignal>

using namespace Qt::StringLiterals;

namespace {

// A port nothing listens on: taken from the system, then let go for redis-server to bind.
quint16 freePort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost);
    return probe.serverPort();
}

} // namespace

RedisProcess::~RedisProcess()
{
    resume();
    stop();
}

bool RedisProcess::start()
{
    if (!m_dir.isValid()) {
        m_error = u"no temporary directory for redis-server"_s;
        return false;
    }
    // Another process may take the port between the probe and redis-server's bind: try again.
    for (int attempt = 0; attempt < 3; ++attempt) {
        m_port = freePort();
        if (launch())
            return true;
    }
    return false;
}

bool RedisProcess::restart()
{
    stop();
    return launch();
}

bool RedisProcess::launch()
{
    const QString program = QStandardPaths::findExecutable(u"redis-server"_s);
    if (program.isEmpty()) {
        m_error = u"redis-server is not installed (scripts/setup.sh installs it)"_s;
        return false;
    }
    m_process.setProcessChannelMode(QProcess::MergedChannels);
    m_process.start(program,
                    {u"--port"_s, QString::number(m_port), u"--bind"_s, u"127.0.0.1"_s, u"--dir"_s,
                     m_dir.path(), u"--save"_s, u""_s, u"--appendonly"_s, u"no"_s, u"--daemonize"_s,
                     u"no"_s, u"--logfile"_s, u""_s, u"--protected-mode"_s, u"no"_s});
    if (!m_process.waitForStarted(10000)) {
        m_error = u"redis-server did not start: "_s + m_process.errorString();
        return false;
    }
    // Its log says when it accepts connections; it exits at once if the port is taken.
    QByteArray log;
    const QDeadlineTimer deadline(10000);
    while (!log.contains("Ready to accept connections")) {
        if (m_process.state() != QProcess::Running || deadline.hasExpired() ||
            !m_process.waitForReadyRead(int(deadline.remainingTime()))) {
            m_error = u"redis-server did not get ready: "_s + QString::fromUtf8(log.right(400));
            stop();
            return false;
        }
        log += m_process.readAll();
    }
    return true;
}

void RedisProcess::stop()
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_process.terminate();
    if (!m_process.waitForFinished(10000))
        kill();
}

void RedisProcess::kill()
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_process.kill();
    m_process.waitForFinished(10000);
}

void RedisProcess::pause()
{
    if (m_process.state() == QProcess::Running)
        ::kill(pid_t(m_process.processId()), SIGSTOP);
}

void RedisProcess::resume()
{
    if (m_process.state() == QProcess::Running)
        ::kill(pid_t(m_process.processId()), SIGCONT);
}
