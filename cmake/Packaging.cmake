# SPDX-License-Identifier: MIT
# Debian packages: "cpack -G DEB" in a build folder makes chat-server_<version>_amd64.deb and
# chat-client_<version>_amd64.deb from the install rules of the "server" and "client"
# components (see docs/OPERATING.md for what goes where). Dependencies come from
# dpkg-shlibdeps (package dpkg-dev), which reads the binaries' libraries.
set(CPACK_PACKAGE_NAME qtchat)
set(CPACK_PACKAGE_VENDOR qtchat)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_CONTACT "qtchat maintainers <root@localhost>")
# Each package has its own summary (the first line of CPACK_DEBIAN_<COMPONENT>_DESCRIPTION);
# CPackDeb would put the project's description before it unless the summary is its default.
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${CMAKE_PROJECT_NAME} built using CMake")
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_DEB_COMPONENT_INSTALL ON)
set(CPACK_COMPONENTS_ALL server)
if(CHAT_BUILD_CLIENT)
    list(APPEND CPACK_COMPONENTS_ALL client)
endif()
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
set(CPACK_DEBIAN_COMPRESSION_TYPE xz)

set(CPACK_DEBIAN_SERVER_PACKAGE_NAME chat-server)
set(CPACK_DEBIAN_SERVER_PACKAGE_SECTION net)
# What dpkg-shlibdeps cannot see, being loaded at run time: the SQLite driver of Qt Sql; and
# kill(1) for the unit's ExecReload.
set(CPACK_DEBIAN_SERVER_PACKAGE_DEPENDS "libqt6sql6-sqlite, procps")
set(CPACK_DEBIAN_SERVER_PACKAGE_SUGGESTS "sqlite3")
# The first line is the summary, the rest the long description.
set(CPACK_DEBIAN_SERVER_DESCRIPTION
    "self-hosted chat server for telnet, nc and chat-client
A chat server that people reach with telnet, nc or the chat-client desktop
program: rooms, history kept in SQLite, resume after a dropped connection,
TLS, an optional server password and Prometheus metrics. Runs as the systemd
service chat-server, configured in /etc/chat-server/chat-server.conf.")
# The configuration is the operator's: dpkg keeps their edits on upgrade (conffiles), and the
# maintainer scripts tell systemd about the unit and restart the service on upgrade.
set(CPACK_DEBIAN_SERVER_PACKAGE_CONTROL_EXTRA
    ${PROJECT_SOURCE_DIR}/resources/debian/conffiles
    ${PROJECT_SOURCE_DIR}/resources/debian/postinst
    ${PROJECT_SOURCE_DIR}/resources/debian/prerm
    ${PROJECT_SOURCE_DIR}/resources/debian/postrm)

set(CPACK_DEBIAN_CLIENT_PACKAGE_NAME chat-client)
set(CPACK_DEBIAN_CLIENT_PACKAGE_SECTION net)
# Loaded at run time: the platform plugins (a window at all) and the SVG icon engine.
set(CPACK_DEBIAN_CLIENT_PACKAGE_DEPENDS "qt6-qpa-plugins, libqt6svg6")
set(CPACK_DEBIAN_CLIENT_PACKAGE_RECOMMENDS "qt6-translations-l10n")
set(CPACK_DEBIAN_CLIENT_DESCRIPTION
    "desktop client for chat-server
A Qt Widgets program for talking with people on a chat-server: rooms, who is
in them, history, reconnection and TLS with certificate checks. In English and
Simplified Chinese.")

include(CPack)
