# SPDX-License-Identifier: MIT
"""irctest controller for chat-server's IRC front end.

Starts the chat-server named by $CHAT_SERVER (default: chat-server on PATH) for each test, with
a fresh data directory, the IRC listener on the port irctest chose and the chat listener on a
second free port (accounts are registered there: the chat protocol's `register`, as a person
would). Flood pacing is raised as for the benchmark, since irctest sends faster than a person.
scripts/irctest.sh runs it; see docs/IRC.md, "Conformance".
"""

import os
import shutil
import socket
import subprocess
import time
from typing import Optional, Set, Type

from irctest.basecontrollers import BaseServerController, DirectoryBasedController
from irctest.runner import NotImplementedByController


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class ChatServerController(BaseServerController, DirectoryBasedController):
    software_name = "chat-server"
    supported_sasl_mechanisms: Set[str] = {"PLAIN"}
    supports_sts = False

    def run(
        self,
        hostname: str,
        port: int,
        *,
        password: Optional[str],
        ssl: bool,
        run_services: bool,
        faketime: Optional[str],
        websocket_hostname: Optional[str],
        websocket_port: Optional[int],
    ) -> None:
        if websocket_hostname is not None or websocket_port is not None:
            raise NotImplementedByController("Websocket")
        if ssl:
            raise NotImplementedByController("TLS")
        assert self.proc is None
        self.port = port
        self.hostname = hostname
        self.create_config()
        assert self.directory
        self.chat_port = _free_port()
        binary = os.environ.get("CHAT_SERVER") or shutil.which("chat-server")
        if not binary:
            raise RuntimeError("set CHAT_SERVER to the chat-server to test")
        args = [
            binary,
            "--data-dir", str(self.directory / "data"),
            "--bind", hostname,
            "--port", str(self.chat_port),
            "--irc-port", str(port),
            "--web-port", "0",
            "--irc-autojoin", "none",
            "--name", "My.Little.Server",
            "--description", "test server",
            "--min-password-length", "3",  # irctest's SASL accounts have "sesame" and "bar"
            "--exempt-loopback",
            "--flood-burst", "1000",
            "--flood-rate", "100000",
            # irctest's IRC operator: an administrator's account, registered below once the
            # server listens.
            "--administrators", "operuser",
        ]
        if password:
            hashed = subprocess.run(
                [binary, "--hash-password"], input=password + "\n",
                capture_output=True, text=True, check=True,
            ).stdout.strip()
            with self.open_file("password") as fd:
                fd.write(hashed + "\n")
            args += ["--password-file", str(self.directory / "password")]
        self.proc = self.execute(args)
        if not password:  # with one, the chat protocol would need it first; no test needs both
            deadline = time.time() + 10
            while True:
                try:
                    socket.create_connection(("127.0.0.1", self.chat_port), timeout=1).close()
                    break
                except OSError:
                    if time.time() > deadline:
                        raise
                    time.sleep(0.05)
            self.registerUser(None, "operuser", "operpassword")

    def wait_for_services(self) -> None:
        # Accounts are the server's own: there are no services to wait for.
        self.wait_for_port()

    def registerUser(self, case, username: str, password: Optional[str] = None) -> None:
        # The chat protocol's own way: log in with the nickname, then `register`.
        assert password
        with socket.create_connection(("127.0.0.1", self.chat_port), timeout=5) as s:
            s.sendall(f"login {username}\nregister {password}\nquit\n".encode())
            data = b""
            deadline = time.time() + 5
            while time.time() < deadline:
                chunk = s.recv(4096)
                if not chunk:
                    break
                data += chunk
        if b"registered" not in data.lower():
            raise RuntimeError(f"could not register {username}: {data!r}")


def get_irctest_controller_class() -> Type[ChatServerController]:
    return ChatServerController
