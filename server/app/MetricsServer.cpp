// SPDX-License-Identifier: MIT
#include "app/MetricsServer.h"

#include "metrics/PrometheusText.h"

#include <QHttpServer>
#include <QHttpServerResponse>
#include <QTcpServer>

using namespace Qt::StringLiterals;

MetricsServer::MetricsServer(std::function<QByteArray()> render, std::function<bool()> ready,
                             QObject *parent)
    : QObject(parent)
    , m_render(std::move(render))
    , m_ready(std::move(ready))
    , m_http(new QHttpServer(this))
{
    using Method = QHttpServerRequest::Method;
    m_http->route(u"/metrics"_s, Method::Get, [this] {
        return QHttpServerResponse(QByteArray(PrometheusText::ContentType), m_render());
    });
    m_http->route(u"/healthz"_s, Method::Get,
                  [] { return QHttpServerResponse(QByteArray("text/plain"), QByteArray("ok\n")); });
    m_http->route(u"/readyz"_s, Method::Get, [this] {
        const bool ready = m_ready();
        return QHttpServerResponse(QByteArray("text/plain"),
                                   ready ? QByteArray("ready\n") : QByteArray("not ready\n"),
                                   ready ? QHttpServerResponse::StatusCode::Ok
                                         : QHttpServerResponse::StatusCode::ServiceUnavailable);
    });
}

MetricsServer::~MetricsServer() = default;

bool MetricsServer::listen(const QHostAddress &address, quint16 port)
{
    m_tcp = new QTcpServer(m_http);
    if (!m_tcp->listen(address, port)) {
        m_error = tr("cannot serve metrics on %1 port %2: %3")
                      .arg(address.toString())
                      .arg(port)
                      .arg(m_tcp->errorString());
        return false;
    }
    m_http->bind(m_tcp);
    return true;
}

quint16 MetricsServer::port() const
{
    return m_tcp ? m_tcp->serverPort() : 0;
}
