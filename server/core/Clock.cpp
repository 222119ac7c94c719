// SPDX-License-Identifier: MIT
#include "core/Clock.h"

#include <QElapsedTimer>

namespace {

class SystemClock : public Clock
{
public:
    SystemClock() { m_timer.start(); }
    qint64 nowMs() const override { return m_timer.elapsed(); }

private:
    QElapsedTimer m_timer;
};

} // namespace

const Clock &Clock::system()
{
    static const SystemClock clock;
    return clock;
}
