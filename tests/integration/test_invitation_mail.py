"""Invitations are e-mailed through SMTP when it is configured (a local SMTP peer here)."""

from __future__ import annotations

import socket
import socketserver
import threading
from collections.abc import Iterator
from email import message_from_bytes
from pathlib import Path

import pytest

from servicefit.config import Settings
from servicefit.services.content import packaged_content
from servicefit.services.demo import set_up_demo
from servicefit.services.invitations import NewCandidate, invite
from servicefit.storage.unit_of_work import SqlUnitOfWork

RECEIVED: list[bytes] = []


class _Smtp(socketserver.StreamRequestHandler):
    """Just enough SMTP (RFC 5321) to accept one message."""

    def handle(self) -> None:
        self.wfile.write(b"220 test ESMTP\r\n")
        while line := self.rfile.readline():
            command = line.strip().upper()
            if command.startswith((b"EHLO", b"HELO")):
                self.wfile.write(b"250 test\r\n")
            elif command.startswith(b"DATA"):
                self.wfile.write(b"354 go ahead\r\n")
                body = b""
                while (chunk := self.rfile.readline()) not in (b".\r\n", b""):
                    body += chunk
                RECEIVED.append(body)
                self.wfile.write(b"250 queued\r\n")
            elif command.startswith(b"QUIT"):
                self.wfile.write(b"221 bye\r\n")
                return
            else:
                self.wfile.write(b"250 ok\r\n")


@pytest.fixture
def smtp_port() -> Iterator[int]:
    server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), _Smtp)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server.server_address[1]
    server.shutdown()
    server.server_close()


def test_an_invitation_is_mailed_with_its_link_when_smtp_is_configured(
    uow: SqlUnitOfWork, smtp_port: int, tmp_path: Path
) -> None:
    RECEIVED.clear()
    set_up_demo(uow, packaged_content())
    settings = Settings(
        data_dir=tmp_path,
        smtp_host="127.0.0.1",
        smtp_port=smtp_port,
        smtp_starttls=False,
        smtp_from="jobs@example.com",
        base_url="https://jobs.example.com",
    )
    with uow:
        demo = uow.organisations.by_slug("demo")
    assert demo is not None
    sent = invite(
        uow,
        settings,
        demo,
        profile_key="front-counter",
        candidates=[NewCandidate("Zofia", "zofia@example.com")],
        actor="test",
    )[0]
    assert sent.emailed
    assert sent.invitation.send_count == 1
    assert len(RECEIVED) == 1
    message = message_from_bytes(RECEIVED[0])
    assert message["To"] == "zofia@example.com"
    assert message["From"] == "jobs@example.com"
    assert sent.link.startswith("https://jobs.example.com/take/")
    body = message.get_payload(decode=True)
    assert isinstance(body, bytes)
    assert sent.link in body.decode()


def test_a_refusing_mail_server_leaves_the_link_to_copy(uow: SqlUnitOfWork, tmp_path: Path) -> None:
    set_up_demo(uow, packaged_content())
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    settings = Settings(data_dir=tmp_path, smtp_host="127.0.0.1", smtp_port=port)
    with uow:
        demo = uow.organisations.by_slug("demo")
    assert demo is not None
    sent = invite(
        uow,
        settings,
        demo,
        profile_key="front-counter",
        candidates=[NewCandidate("Jan", "jan@example.com")],
        actor="test",
    )[0]
    assert not sent.emailed
    assert sent.mail_error
    assert "/take/" in sent.link
    with uow:
        stored = uow.invitations_of(demo).get(sent.invitation.id)
    assert stored is not None  # the invitation is kept: the recruiter copies the link
