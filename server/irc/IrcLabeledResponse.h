// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QString>

// The response to one labelled command (IRCv3 labeled-response): the label goes on exactly one
// logical message. One line carries it itself; several come in a "labeled-response" batch whose
// opening line carries it; none at all is an ACK that carries it. Whether a line is alone is
// known only at the end, so the first line is kept back until a second one comes, something
// else must be written first, or the response is complete (Session decides which lines belong
// to the response and when it is complete).
class IrcLabeledResponse
{
public:
    // label as the client sent it (unescaped); batchId a reference no other open batch uses.
    IrcLabeledResponse(const QString &label, QString batchId, QString serverName);

    // Whether nothing of the response was written yet: a line may still be kept back.
    bool isUnstarted() const { return !m_batchOpen && m_kept.isEmpty(); }
    bool keepsLine() const { return !m_kept.isEmpty(); }
    // Keeps back the response's first line, which may turn out to be all of it.
    void keep(const QByteArray &line) { m_kept = line; }
    // What opens the batch (its BATCH line and the line kept back), once; empty after that.
    QByteArray open();
    // Response lines inside the open batch: each one without a batch of its own gets this one's
    // (a chathistory batch's BATCH lines do, so that it nests; its lines stay in it).
    QByteArray inBatch(const QByteArray &lines) const;
    // What ends the response: the kept line with the label, the batch's end, or the ACK.
    QByteArray finish();

private:
    QByteArray m_labelTag; // "label=<escaped value>"
    QString m_batchId;
    QString m_serverName;
    QByteArray m_kept;
    bool m_batchOpen = false;
};
