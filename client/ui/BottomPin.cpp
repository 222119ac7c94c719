// SPDX-License-Identifier: MIT
#include "BottomPin.h"

#include <QAbstractScrollArea>
#include <QScrollBar>

BottomPin::BottomPin(QAbstractScrollArea *area)
    : QObject(area)
    , m_bar(area->verticalScrollBar())
{
    // QAbstractSlider::setRange emits rangeChanged before it re-bounds the value, so a pinned
    // area is moved to the new maximum before anything reads the clamped value as a scroll.
    connect(m_bar, &QScrollBar::rangeChanged, this, [this](int, int maximum) {
        if (m_pinned)
            m_bar->setValue(maximum);
    });
    connect(m_bar, &QScrollBar::valueChanged, this,
            [this](int value) { setPinned(value >= m_bar->maximum() - Slack); });
}

void BottomPin::scrollToBottom()
{
    setPinned(true);
    m_bar->setValue(m_bar->maximum());
}

void BottomPin::setPinned(bool pinned)
{
    if (m_pinned == pinned)
        return;
    m_pinned = pinned;
    emit pinnedChanged(pinned);
}
