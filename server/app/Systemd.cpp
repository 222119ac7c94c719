// SPDX-License-Identifier: MIT
#include "app/Systemd.h"

#include <QList>

#include <cstring>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace Systemd {

bool notify(const QByteArray &state)
{
    const QByteArray path = qgetenv("NOTIFY_SOCKET");
    sockaddr_un address = {};
    if (path.isEmpty() || size_t(path.size()) >= sizeof address.sun_path)
        return false;
    address.sun_family = AF_UNIX;
    memcpy(address.sun_path, path.constData(), size_t(path.size()));
    if (address.sun_path[0] == '@')
        address.sun_path[0] = '\0'; // the abstract namespace
    const int fd = ::socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    if (fd < 0)
        return false;
    const auto length = socklen_t(offsetof(sockaddr_un, sun_path) + size_t(path.size()));
    const ssize_t sent = ::sendto(fd, state.constData(), size_t(state.size()), MSG_NOSIGNAL,
                                  reinterpret_cast<const sockaddr *>(&address), length);
    ::close(fd);
    return sent == state.size();
}

bool isJournalStream(const QByteArray &journalStream, int fd)
{
    const QList<QByteArray> parts = journalStream.split(':');
    if (parts.size() != 2)
        return false;
    bool deviceOk = false;
    bool inodeOk = false;
    const qulonglong device = parts[0].toULongLong(&deviceOk);
    const qulonglong inode = parts[1].toULongLong(&inodeOk);
    struct stat status = {};
    if (!deviceOk || !inodeOk || ::fstat(fd, &status) != 0)
        return false;
    return status.st_dev == device && status.st_ino == inode;
}

QString messagePattern(bool journal)
{
    if (!journal)
        return u"%{time yyyy-MM-dd hh:mm:ss.zzz} %{message}"_s;
    // sd-daemon(3)'s priority prefixes: the journal keeps them as each line's priority.
    return u"%{if-debug}<7>%{endif}%{if-warning}<4>%{endif}%{if-critical}<2>%{endif}"
           "%{if-fatal}<0>%{endif}%{message}"_s;
}

} // namespace Systemd
