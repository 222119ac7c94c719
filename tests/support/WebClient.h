// SPDX-License-Identifier: MIT
#pragma once

#include "Event.h"

#include <QObject>
#include <QStringList>
#include <QWebSocket>

// A test's stand-in for the browser client: a QWebSocket to the web front end's /chat, reading
// one line per text frame. Waits run the event loop, so an in-process server keeps working.
class WebClient : public QObject
{
    Q_OBJECT

public:
    static constexpr int Timeout = 5000;

    // origin: the Origin header to send; empty sends none.
    explicit WebClient(const QString &origin = {}, QObject *parent = nullptr);

    // Opens ws://127.0.0.1:port/chat; false when the handshake fails.
    bool open(quint16 port);
    void send(const QString &line) { m_socket.sendTextMessage(line); }
    // The next line; a null string when none arrives in time.
    QString readLine(int timeoutMs = Timeout);
    // The next tagged line; Kind::Invalid when none arrives in time.
    Event readEvent(int timeoutMs = Timeout);
    // The next tagged line of kind, skipping others; Kind::Invalid when none arrives in time.
    Event waitFor(Event::Kind kind, int timeoutMs = Timeout);
    // Turns on the tagged rendering and logs in as nick; true once the hall's users arrive.
    bool taggedLogin(const QString &nick);
    bool waitForDisconnected(int timeoutMs = Timeout);
    QWebSocket &socket() { return m_socket; }

private:
    QWebSocket m_socket;
    QStringList m_lines;
};
