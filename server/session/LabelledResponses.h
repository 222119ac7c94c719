// SPDX-License-Identifier: MIT
#pragma once

#include "irc/IrcLabeledResponse.h"

#include <QByteArray>
#include <QString>

#include <functional>
#include <optional>
#include <utility>

struct ServerConfig;

// The window of one labelled IRC line (IRCv3 labeled-response): where its response begins and
// ends, and which output belongs to it. The parts of a response come from many places: the
// dialect's own replies, the commands' replies (some after a write to the store, or a password
// hashed on its own thread), and the ReplyStream's pages and listings written as the reader
// takes them. The chat's ping is already the barrier that comes after all of that
// (SessionCommands::ping: its pong waits for the session's earlier lines, their store writes and
// their waiting commands); the last piece is the ReplyStream, whose pause lets the pong's moment
// pass before the pages are out, so the response is complete when the pong came and output is
// no longer paused. A labelled line waits for such a barrier before it is answered too, so that
// nothing an earlier line caused is taken for its response, and no other line is read until its
// response is complete. Within that window what carries a command label (the replies to this
// session's command) is the response; what does not (other people's lines) is not, and goes out
// beside it, unlabelled and outside the batch.
//
// Session owns the line reading, the barrier and the output; this class owns the stages and the
// response, and tells Session what to do next.
class LabelledResponses
{
public:
    // writeNow writes bytes at once, past any pause of the session's output.
    using Writer = std::function<void(const QByteArray &)>;
    LabelledResponses(const ServerConfig &config, Writer writeNow);

    // The chat command whose pong marks the barrier, and that pong's label (it is never shown).
    static const QString BarrierCommand;
    static bool isBarrierLabel(const QString &label);

    // Whether a labelled line waits or is being answered: no other line is read meanwhile.
    bool isActive() const { return m_stage != Stage::None; }
    // A labelled line came: it waits for the barrier that the session sends next.
    void begin(const QString &label, const QByteArray &line);
    // The barrier's pong came. True when the next step may be taken (queued: this runs inside a
    // command or the paced writer's loop); false while output is paused, as the responses are
    // done only once it is out: takeStepOnResume() says so when it resumes.
    bool barrierReached(bool outputPaused);
    bool takeStepOnResume() { return std::exchange(m_stepOnResume, false); }

    // The next step after a barrier: Answer the labelled line (bytes) now, and send a barrier
    // after it; or Finish: its response is complete, bytes end it, and lines are read again.
    struct Step
    {
        enum class Kind { None, Answer, Finish } kind = Kind::None;
        QByteArray bytes;
    };
    Step step();

    // Output while a response is open: bytes (CR LF ended lines) that answer the labelled
    // command, as they must be sent now; empty when kept back. mayKeep: the bytes may be all of
    // the response (not a piece of the paced writer's, the rest of which may be paced).
    QByteArray answering(const QByteArray &bytes, bool mayKeep, bool outputPaused);
    // Something else is about to be written, or output pauses: a line kept back must not be
    // overtaken, so the batch opens.
    void openIfKept();

private:
    void open();

    // Settling: waiting for the responses before the labelled line; Answering: until its own
    // response is complete.
    enum class Stage { None, Settling, Answering };
    const ServerConfig &m_config;
    Writer m_writeNow;
    Stage m_stage = Stage::None;
    QByteArray m_line;
    QString m_label;
    std::optional<IrcLabeledResponse> m_response; // while Answering
    quint64 m_responses = 0;                      // numbers their batches
    bool m_stepOnResume = false;
};
