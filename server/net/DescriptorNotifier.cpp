// SPDX-License-Identifier: MIT
#include "net/DescriptorNotifier.h"

#include <QEvent>

#include <utility>

DescriptorNotifier::DescriptorNotifier(qintptr descriptor, Type type, std::function<void()> ready)
    : QSocketNotifier(descriptor, type)
    , m_ready(std::move(ready))
{
}

bool DescriptorNotifier::event(QEvent *event)
{
    // What QSocketNotifier would turn into activated().
    if (event->type() == QEvent::SockAct || event->type() == QEvent::SockClose) {
        m_ready();
        return true;
    }
    return QSocketNotifier::event(event);
}
