// SPDX-License-Identifier: MIT
#pragma once

#include <QProcess>
#include <QTemporaryDir>

// A redis-server of the test's own: Debian's binary on 127.0.0.1 at a free port, keeping
// nothing on disk, stopped when the object goes. Never one that happens to run on the machine.
// kill(), pause() and resume() play the faults a cluster must live through.
class RedisProcess
{
public:
    RedisProcess() = default;
    ~RedisProcess();
    RedisProcess(const RedisProcess &) = delete;
    RedisProcess &operator=(const RedisProcess &) = delete;

    // Starts it and waits until it accepts connections; false, with errorString(), when it
    // cannot (no redis-server installed: scripts/setup.sh installs it).
    bool start();
    // Starts it again on the same port after kill() or stop().
    bool restart();
    void stop();
    void kill();   // SIGKILL: gone without a word
    void pause();  // SIGSTOP: connections stay up, nothing answers
    void resume(); // SIGCONT

    quint16 port() const { return m_port; }
    QString errorString() const { return m_error; }

private:
    bool launch();

    QTemporaryDir m_dir;
    QProcess m_process;
    quint16 m_port = 0;
    QString m_error;
};
