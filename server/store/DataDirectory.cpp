// SPDX-License-Identifier: MIT
#include "store/DataDirectory.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QtEndian>

#include <cerrno>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace {

QString lastError()
{
    return qt_error_string(errno);
}

// Removes the group and other bits of a folder or file that has them; says so, as someone
// may rely on reading it.
void tighten(const QString &path, mode_t mode, mode_t wanted)
{
    if ((mode & 077) == 0)
        return;
    if (::chmod(QFile::encodeName(path).constData(), wanted) == 0) {
        qWarning("store: %s was open to other users (mode %04o); made it %04o", qPrintable(path),
                 unsigned(mode & 07777), unsigned(wanted));
    } else {
        qWarning("store: %s is open to other users (mode %04o) and cannot be tightened: %s",
                 qPrintable(path), unsigned(mode & 07777), qPrintable(lastError()));
    }
}

} // namespace

DataDirectory::DataDirectory(const QString &path)
    : m_path(QDir::cleanPath(path))
{
}

DataDirectory::~DataDirectory() = default;

QString DataDirectory::databasePath() const
{
    return m_path + u"/chat.db"_s;
}

QString DataDirectory::lockPath() const
{
    return m_path + u"/chat.lock"_s;
}

bool DataDirectory::prepare(QString *error)
{
    if (m_path.isEmpty()) {
        *error = u"no data directory is configured"_s;
        return false;
    }
    const QByteArray native = QFile::encodeName(m_path);
    struct stat st;
    if (::stat(native.constData(), &st) != 0) {
        // The parents are ordinary folders; only the last one holds the database.
        const QString parent = QFileInfo(m_path).absolutePath();
        QString why;
        if (!QDir().mkpath(parent))
            why = QFileInfo(parent).exists() ? u"%1 is not a folder"_s.arg(parent)
                                             : u"cannot create %1"_s.arg(parent);
        else if (::mkdir(native.constData(), 0700) != 0)
            why = lastError();
        if (!why.isEmpty()) {
            *error = u"cannot create the data directory %1: %2"_s.arg(m_path, why);
            return false;
        }
        // mkdir() obeys the umask, which may have taken bits we want.
        ::chmod(native.constData(), 0700);
        return true;
    }
    if (!S_ISDIR(st.st_mode)) {
        *error = u"the data directory %1 is not a directory"_s.arg(m_path);
        return false;
    }
    tighten(m_path, st.st_mode, 0700);
    if (::access(native.constData(), R_OK | W_OK | X_OK) != 0) {
        *error = u"the data directory %1 is not writable: %2"_s.arg(m_path, lastError());
        return false;
    }
    return true;
}

bool DataDirectory::lock(QString *error)
{
    m_lock = std::make_unique<QLockFile>(lockPath());
    // A server holds its lock for as long as it runs: only a lock whose process is gone is
    // stale, never one that is merely old.
    m_lock->setStaleLockTime(0);
    if (m_lock->tryLock(0))
        return true;
    qint64 pid = 0;
    QString host;
    QString app;
    switch (m_lock->error()) {
    case QLockFile::LockFailedError:
        m_lock->getLockInfo(&pid, &host, &app);
        *error = u"the data directory %1 is in use by another chat-server (pid %2%3%4); stop "
                 u"it first or choose another directory"_s.arg(m_path)
                     .arg(pid)
                     .arg(app.isEmpty() ? QString() : u", "_s + app)
                     .arg(host.isEmpty() ? QString() : u" on "_s + host);
        break;
    case QLockFile::PermissionError:
        *error = u"cannot create the lock file %1: permission denied"_s.arg(lockPath());
        break;
    default:
        *error = u"cannot lock the data directory %1 (%2)"_s.arg(m_path, lockPath());
        break;
    }
    m_lock.reset();
    return false;
}

void DataDirectory::unlock()
{
    m_lock.reset();
}

bool DataDirectory::checkDatabaseFile(QString *error)
{
    const QString file = databasePath();
    const QByteArray native = QFile::encodeName(file);
    struct stat st;
    if (::stat(native.constData(), &st) != 0) {
        if (errno != ENOENT) {
            *error = u"cannot use the database %1: %2"_s.arg(file, lastError());
            return false;
        }
        // Made here rather than by SQLite so that it is private from its first byte; SQLite
        // gives its -wal and -shm files the database's mode.
        const int fd = ::open(native.constData(), O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
        if (fd < 0) {
            *error = u"cannot create the database %1: %2"_s.arg(file, lastError());
            return false;
        }
        ::fchmod(fd, 0600);
        ::close(fd);
        return true;
    }
    if (!S_ISREG(st.st_mode)) {
        *error = u"the database %1 is not a file"_s.arg(file);
        return false;
    }
    tighten(file, st.st_mode, 0600);
    const int fd = ::open(native.constData(), O_RDWR | O_CLOEXEC);
    if (fd < 0) {
        *error = u"cannot read and write the database %1: %2"_s.arg(file, lastError());
        return false;
    }
    ::close(fd);
    return checkHeader(file, error);
}

// The first 100 bytes of a SQLite file say what it is and how long it should be
// (https://www.sqlite.org/fileformat.html, "The Database Header"). Reading them costs
// nothing and catches a file that is not a database, or one cut short by a bad copy, which
// SQLite itself would only notice when a query reached the missing pages.
bool DataDirectory::checkHeader(const QString &file, QString *error)
{
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly)) {
        *error = u"cannot read the database %1: %2"_s.arg(file, f.errorString());
        return false;
    }
    const qint64 size = f.size();
    if (size == 0)
        return true; // an empty file is an empty database: SQLite starts it
    const QByteArray header = f.read(100);
    if (header.size() < 100 || !header.startsWith(QByteArrayView("SQLite format 3\0", 16))) {
        *error = u"%1 is not a chat-server database (it is not a SQLite file)"_s.arg(file);
        return false;
    }
    qint64 pageSize = qFromBigEndian<quint16>(header.constData() + 16);
    if (pageSize == 1)
        pageSize = 65536;
    const quint32 changeCounter = qFromBigEndian<quint32>(header.constData() + 24);
    const quint32 pages = qFromBigEndian<quint32>(header.constData() + 28);
    const quint32 validFor = qFromBigEndian<quint32>(header.constData() + 92);
    // The page count is valid only when the counters agree. A write-ahead log not yet folded
    // back, or the journal of a transaction that a crash interrupted, may legitimately leave
    // the file short until SQLite has replayed or rolled it back.
    const auto pending = [&](const QString &suffix) {
        const QFileInfo companion(file + suffix);
        return companion.exists() && companion.size() > 0;
    };
    if (pages > 0 && changeCounter == validFor && !pending(u"-wal"_s) && !pending(u"-journal"_s) &&
        size < pages * pageSize) {
        *error = u"the database %1 is damaged: it is cut short (%2 bytes of %3); restore it "
                 u"from a backup"_s.arg(file)
                     .arg(size)
                     .arg(pages * pageSize);
        return false;
    }
    return true;
}
