// SPDX-License-Identifier: MIT
#pragma once

#include <QLockFile>
#include <QString>

#include <memory>

// The folder that holds the database: made private (0700, the file 0600), locked against a
// second server, and the database file in it checked before SQLite sees it, so that a wrong
// path, a permission problem or a damaged file gives words that name it instead of a fresh
// database.
class DataDirectory
{
public:
    explicit DataDirectory(const QString &path);
    ~DataDirectory();

    QString path() const { return m_path; }
    QString databasePath() const;
    QString lockPath() const;

    // Creates the folder if missing; tightens one that others may read.
    bool prepare(QString *error);
    // Takes the lock, or says which process holds it. Held until unlock() or destruction.
    bool lock(QString *error);
    void unlock();
    // Creates an empty database file (0600) if there is none; otherwise checks that it is a
    // readable, writable, complete SQLite file.
    bool checkDatabaseFile(QString *error);

private:
    bool checkHeader(const QString &file, QString *error);

    QString m_path;
    std::unique_ptr<QLockFile> m_lock;
};
