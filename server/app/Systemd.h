// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QString>

// What chat-server does for systemd, without linking libsystemd: the readiness protocol
// (sd_notify(3): one datagram to $NOTIFY_SOCKET) and knowing when standard error is the
// journal, which timestamps every line itself.
namespace Systemd {

// Sends state ("READY=1", "RELOADING=1", "STOPPING=1", "STATUS=…", one per line) to the
// socket named by $NOTIFY_SOCKET: a path, or "@name" for the abstract namespace. False when the
// variable is unset (not started by systemd) or the datagram could not be sent.
bool notify(const QByteArray &state);

// Whether fd is the stream $JOURNAL_STREAM ("device:inode") names: systemd sets it for a
// service whose output goes to the journal, and it is inherited by children whose output does
// not, hence the comparison with fd itself.
bool isJournalStream(const QByteArray &journalStream, int fd);

// The log's message pattern: with a timestamp on a terminal or in a file; for the journal
// none, with the syslog priority prefix ("<4>" for warnings) it reads instead.
QString messagePattern(bool journal);

} // namespace Systemd
