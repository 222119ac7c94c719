// SPDX-License-Identifier: MIT
#pragma once

#include <QHostAddress>
#include <QObject>

#include <functional>

class QHttpServer;
class QTcpServer;

// The HTTP side for monitoring (Qt HttpServer), GET only:
//   /metrics  the Prometheus text exposition (what render() returns)
//   /healthz  200 "ok": the event loop answers (this runs on it)
//   /readyz   200 "ready" while ready() holds (listening, the store open), 503 otherwise
// Anything else is 404. It runs on the server's event loop, so a scrape is answered between
// chat events; rendering is a pass over the sessions, no lock.
class MetricsServer : public QObject
{
    Q_OBJECT

public:
    MetricsServer(std::function<QByteArray()> render, std::function<bool()> ready,
                  QObject *parent = nullptr);
    ~MetricsServer() override;

    // False with errorString() when the address or port cannot be used.
    bool listen(const QHostAddress &address, quint16 port);
    QString errorString() const { return m_error; }
    quint16 port() const;

private:
    std::function<QByteArray()> m_render;
    std::function<bool()> m_ready;
    QHttpServer *m_http;
    QTcpServer *m_tcp = nullptr;
    QString m_error;
};
