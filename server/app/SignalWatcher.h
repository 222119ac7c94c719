// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>

class QSocketNotifier;

// Turns SIGINT and SIGTERM (stop) and SIGHUP (read the configuration again) into Qt signals. A Unix
// signal handler may do almost nothing, so it writes one byte to a socket pair and the event loop
// picks it up (the pattern from Qt's "Calling Qt Functions From Unix Signal Handlers").
class SignalWatcher : public QObject
{
    Q_OBJECT

public:
    explicit SignalWatcher(QObject *parent = nullptr);
    ~SignalWatcher() override;

signals:
    void terminationRequested(int signalNumber);
    void reloadRequested();

private:
    void readSignal();

    QSocketNotifier *m_notifier = nullptr;
};
