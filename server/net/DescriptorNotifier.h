// SPDX-License-Identifier: MIT
#pragma once

#include <QSocketNotifier>

#include <functional>

// A socket notifier that calls one function when its descriptor is ready, instead of emitting
// activated(): the connection that owns it is its only listener, and a signal connection per
// notifier (the connection, its slot object and the notifier's list of connections) cost
// about 300 bytes of every idle connection.
class DescriptorNotifier final : public QSocketNotifier
{
public:
    DescriptorNotifier(qintptr descriptor, Type type, std::function<void()> ready);

protected:
    bool event(QEvent *event) override;

private:
    std::function<void()> m_ready;
};
