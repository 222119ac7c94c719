// SPDX-License-Identifier: MIT
#pragma once

#include "session/Session.h"

#include <QPointer>

#include <memory>

// Keeps a session's input paused for as long as any copy of it lives. A command whose answer
// comes from a callback holds one in that callback: the session's next line waits for the answer,
// and reading resumes even when the callback is dropped without being called (its room went
// away, say).
class InputPause
{
public:
    explicit InputPause(Session *session)
        : m_resume(nullptr, [alive = QPointer<Session>(session)](void *) {
            if (alive)
                alive->resumeInput();
        })
    {
        session->pauseInput();
    }

private:
    std::shared_ptr<void> m_resume;
};
