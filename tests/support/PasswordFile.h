// SPDX-License-Identifier: MIT
#pragma once

#include "security/PasswordHash.h"

#include <QTemporaryFile>

// A server password file for one test (--password-file): the password's hash, with few
// iterations so that tests stay fast; the file goes with the object.
class PasswordFile
{
public:
    explicit PasswordFile(const QString &password)
    {
        if (m_file.open()) {
            m_file.write(PasswordHash::create(password, 1000) + '\n');
            m_file.close();
        }
    }

    QString path() const { return m_file.fileName(); }

private:
    QTemporaryFile m_file;
};
