# SPDX-License-Identifier: MIT
# Precompiled Qt headers, and unity builds of the libraries (below). Most of a file's compile
# time here is spent reading Qt's headers again (a third of it and more in the sanitizer
# build), so each library precompiles the Qt headers its files use, and every test reuses one
# precompiled set instead of reading them for each of its executables.
# CHAT_PRECOMPILED_HEADERS=OFF compiles as before.
option(CHAT_PRECOMPILED_HEADERS "Precompile the Qt headers the sources share" ON)

set(CHAT_PCH_CORE <QByteArray> <QDateTime> <QHash> <QList> <QObject> <QSet> <QString>
    <QStringList> <QTimer> <QVariant> <functional> <memory> <optional>)
set(CHAT_PCH_NETWORK ${CHAT_PCH_CORE} <QHostAddress> <QSslSocket> <QTcpServer> <QTcpSocket>)

# chat_precompile(<target> <header>...): precompile these headers for target's own files.
function(chat_precompile target)
    if(CHAT_PRECOMPILED_HEADERS)
        target_precompile_headers(${target} PRIVATE ${ARGN})
    endif()
endfunction()

# chat_precompile_reuse(<target> <from>): compile target with from's precompiled headers
# (both must be compiled with the same flags; the compiler warns when it cannot use them).
function(chat_precompile_reuse target from)
    if(CHAT_PRECOMPILED_HEADERS)
        target_precompile_headers(${target} REUSE_FROM ${from})
    endif()
endfunction()

# Unity builds of the libraries: their files compiled in batches of eight, one compiler run a
# batch. A run here spends 1.5–2.5 s loading the precompiled headers (150–200 MB) before it
# reads a line of the file, more than most files take themselves; a batch pays it once. The
# libraries' 193 files went from 558 s of compiler time to 140. An unnamed namespace is then
# shared by the files of a batch: names in it must not repeat across a library's files.
# CHAT_UNITY_BUILD=OFF compiles file by file (quicker after changing a single file).
option(CHAT_UNITY_BUILD "Compile each library's files in batches" ON)

# chat_unity_build(<target>): compile target's files in batches when CHAT_UNITY_BUILD is on.
function(chat_unity_build target)
    if(CHAT_UNITY_BUILD)
        set_target_properties(${target} PROPERTIES UNITY_BUILD ON UNITY_BUILD_BATCH_SIZE 8)
    endif()
endfunction()
