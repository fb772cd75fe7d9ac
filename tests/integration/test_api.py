"""The JSON API under /api/v1: tokens, scoping per organisation, results, webhooks."""

from __future__ import annotations

import threading
import warnings
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import httpx
import pytest

from servicefit.config import Settings
from servicefit.domain.webhook_signing import verify
from servicefit.services.accounts import create_api_token
from servicefit.services.content import packaged_content
from servicefit.services.demo import set_up_demo
from servicefit.services.organisations import create_organisation, organisation_by_slug
from servicefit.services.profiles import create_from_template
from servicefit.services.scoring import simulate_attempts
from servicefit.services.webhooks import completion_payload, deliver_due
from servicefit.storage.database import make_engine, make_session_factory
from servicefit.storage.migrate import upgrade
from servicefit.storage.unit_of_work import SqlUnitOfWork
from servicefit.web.app import create_app

with warnings.catch_warnings():
    # Starlette deprecates TestClient on httpx (wants httpx2, not installed in this project).
    warnings.filterwarnings("ignore", message="Using `httpx` with `starlette.testclient`")
    from fastapi.testclient import TestClient

JOB = "inbound-call-centre"


@dataclass
class World:
    client: TestClient
    uow: SqlUnitOfWork
    token_a: str
    token_b: str
    revoked: str
    completed_id: int
    open_id: int

    def auth(self, token: str) -> dict[str, str]:
        return {"Authorization": f"Bearer {token}"}

    @property
    def a(self) -> dict[str, str]:
        return self.auth(self.token_a)

    @property
    def b(self) -> dict[str, str]:
        return self.auth(self.token_b)


def _build(folder: Path) -> tuple[TestClient, SqlUnitOfWork]:
    url = f"sqlite:///{folder}/t.db"
    upgrade(url=url)
    settings = Settings(data_dir=folder, database_url=url, environment="test")
    uow = SqlUnitOfWork(make_session_factory(make_engine(url)))
    content = packaged_content()
    set_up_demo(uow, content)
    create_organisation(uow, slug="other", name="Other")
    create_from_template(
        uow, content, organisation="other", template_id="inbound_call_centre", name="Inbound"
    )
    return TestClient(create_app(settings)), uow


def _completed_invitation(client: TestClient, uow: SqlUnitOfWork, token: str) -> int:
    headers = {"Authorization": f"Bearer {token}"}
    answer = client.post(
        "/api/v1/invitations",
        json={"profile": JOB, "name": "Done Candidate", "email": "done@example.com"},
        headers=headers,
    )
    assert answer.status_code == 201, answer.text
    invitation_id = int(answer.json()["id"])
    (attempt_id,) = simulate_attempts(
        uow, packaged_content(), organisation="demo", profile_key=JOB, count=1, minutes=20
    )
    with uow:
        demo = organisation_by_slug(uow, "demo")
        uow.invitations_of(demo).update(
            invitation_id,
            attempt_id=attempt_id,
            language="en",
            consent_at=datetime.now(UTC),
            practice_done=True,
        )
        uow.commit()
    return invitation_id


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[World]:
    client, uow = _build(tmp_path_factory.mktemp("api"))
    with uow:
        demo = organisation_by_slug(uow, "demo")
        other = organisation_by_slug(uow, "other")
    token_a = create_api_token(uow, demo, "ats")
    token_b = create_api_token(uow, other, "ats")
    revoked = create_api_token(uow, demo, "old")
    with uow:
        accounts = uow.accounts_of(demo)
        (old,) = [t for t in accounts.tokens() if t.name == "old"]
        assert accounts.revoke_token(old.id)
        uow.commit()
    completed_id = _completed_invitation(client, uow, token_a)
    answer = client.post(
        "/api/v1/invitations",
        json={"profile": JOB, "name": "Open Candidate", "email": "open@example.com"},
        headers={"Authorization": f"Bearer {token_a}"},
    )
    assert answer.status_code == 201, answer.text
    with client:
        yield World(client, uow, token_a, token_b, revoked, completed_id, answer.json()["id"])


def test_a_token_is_required(world: World) -> None:
    for headers in ({}, world.auth("sf_wrong"), world.auth(world.revoked), {"Authorization": "x"}):
        answer = world.client.get("/api/v1/profiles", headers=headers)
        assert answer.status_code == 401
        assert answer.json()["detail"]
        assert answer.headers["www-authenticate"].startswith("Bearer")


def test_profiles_are_listed_and_read(world: World) -> None:
    answer = world.client.get("/api/v1/profiles", headers=world.a)
    assert answer.status_code == 200
    profiles = {p["key"]: p for p in answer.json()}
    assert JOB in profiles
    job = profiles[JOB]
    assert job["minutes"] > 0
    assert job["version"] >= 1
    assert {"competency", "weight", "target", "minimum"} <= set(job["requirements"][0])
    one = world.client.get(f"/api/v1/profiles/{JOB}", headers=world.a)
    assert one.status_code == 200
    assert one.json() == job
    assert world.client.get("/api/v1/profiles/nope", headers=world.a).status_code == 404


def test_a_profile_assessment_blueprint(world: World) -> None:
    answer = world.client.get(f"/api/v1/profiles/{JOB}/assessment?language=en", headers=world.a)
    assert answer.status_code == 200, answer.text
    form = answer.json()
    assert form["provisional"] is True
    assert form["items"] > 0
    assert sum(s["items"] for s in form["sections"]) == form["items"]
    assert {"competency", "relative_weight", "items", "expected_standard_error"} <= set(
        form["blueprint"][0]
    )
    bad = world.client.get(f"/api/v1/profiles/{JOB}/assessment?language=xx", headers=world.a)
    assert bad.status_code == 422


def test_invitations_are_created_and_checked(world: World) -> None:
    answer = world.client.post(
        "/api/v1/invitations",
        json={"profile": JOB, "name": "Ann Example", "email": "ann@example.com", "minutes": 30},
        headers=world.a,
    )
    assert answer.status_code == 201, answer.text
    made = answer.json()
    assert made["status"] == "invited"
    assert "/take/" in made["url"]
    assert made["expires_at"]
    read = world.client.get(f"/api/v1/invitations/{made['id']}", headers=world.a).json()
    assert read["email"] == "ann@example.com"
    assert read["profile"] == JOB
    bad = world.client.post(
        "/api/v1/invitations",
        json={"profile": JOB, "name": "Ann", "email": "not-an-address"},
        headers=world.a,
    )
    assert bad.status_code == 422
    assert any("email" in problem for problem in bad.json()["detail"])
    missing = world.client.post(
        "/api/v1/invitations",
        json={"profile": "nope", "name": "Ann", "email": "ann@example.com"},
        headers=world.a,
    )
    assert missing.status_code == 404


def test_results_of_a_completed_invitation(world: World) -> None:
    answer = world.client.get(f"/api/v1/results/{world.completed_id}", headers=world.a)
    assert answer.status_code == 200, answer.text
    result = answer.json()
    assert result["status"] == "completed"
    assert 0 <= result["score"] <= 100
    assert result["max_score"] == 100
    assert result["result_url"].endswith(f"/candidates/{result['attempt_id']}")
    assert result["sub_results"]
    for sub in result["sub_results"]:
        assert sub["competency"]
        assert sub["max_score"] == 5
    with world.uow:
        demo = organisation_by_slug(world.uow, "demo")
        events = world.uow.audit_of(demo).events(subject=f"attempt:{result['attempt_id']}")
    assert any(e.action == "api read result" and e.actor == "api:ats" for e in events)


def test_results_of_an_unfinished_invitation_conflict(world: World) -> None:
    answer = world.client.get(f"/api/v1/results/{world.open_id}", headers=world.a)
    assert answer.status_code == 409
    assert "not completed" in answer.json()["detail"]


def test_other_organisations_see_nothing(world: World) -> None:
    for path in (
        f"/api/v1/invitations/{world.completed_id}",
        f"/api/v1/results/{world.completed_id}",
    ):
        assert world.client.get(path, headers=world.b).status_code == 404
    listed = world.client.get("/api/v1/invitations", headers=world.b)
    assert listed.status_code == 200
    assert listed.json() == []
    mine = world.client.get(f"/api/v1/invitations?profile={JOB}", headers=world.a).json()
    assert {world.completed_id, world.open_id} <= {i["id"] for i in mine}
    theirs = [p["key"] for p in world.client.get("/api/v1/profiles", headers=world.b).json()]
    assert theirs == ["inbound"]
    assert world.client.get(f"/api/v1/profiles/{JOB}", headers=world.b).status_code == 404


def test_openapi_lists_the_paths(world: World) -> None:
    paths = world.client.get("/api/v1/openapi.json").json()["paths"]
    for path in (
        "/api/v1/profiles",
        "/api/v1/profiles/{key}",
        "/api/v1/profiles/{key}/assessment",
        "/api/v1/invitations",
        "/api/v1/invitations/{invitation_id}",
        "/api/v1/results/{invitation_id}",
        "/api/v1/webhooks",
    ):
        assert path in paths


class _Receiver(BaseHTTPRequestHandler):
    received: list[tuple[dict[str, str], bytes]]

    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers["Content-Length"]))
        self.received.append(({k.lower(): v for k, v in self.headers.items()}, body))
        self.send_response(500 if len(self.received) == 1 else 200)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture
def receiver() -> Iterator[tuple[str, list[tuple[dict[str, str], bytes]]]]:
    received: list[tuple[dict[str, str], bytes]] = []
    handler = type("Handler", (_Receiver,), {"received": received})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/hook", received
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def test_webhooks_are_signed_and_retried(
    tmp_path: Path, receiver: tuple[str, list[tuple[dict[str, str], bytes]]]
) -> None:
    url, received = receiver
    client, uow = _build(tmp_path)
    with uow:
        demo = organisation_by_slug(uow, "demo")
    token = create_api_token(uow, demo, "ats")
    headers = {"Authorization": f"Bearer {token}"}
    with client:
        bad = client.post("/api/v1/webhooks", json={"url": "ftp://x"}, headers=headers)
        assert bad.status_code == 422
        answer = client.post("/api/v1/webhooks", json={"url": url}, headers=headers)
        assert answer.status_code == 201, answer.text
        secret = answer.json()["secret"]
        listed = client.get("/api/v1/webhooks", headers=headers).json()
        assert [h["url"] for h in listed] == [url]
        assert "secret" not in listed[0]
        invitation_id = _completed_invitation(client, uow, token)
    with uow:
        payload = completion_payload(uow, demo, invitation_id, base_url="http://x")
        uow.webhooks_of(demo).enqueue("assessment.completed", payload)
        uow.commit()
    t = datetime.now(UTC) + timedelta(seconds=5)
    with httpx.Client() as http:
        first = deliver_due(uow, http, now=t)
        assert (first.delivered, first.retrying) == (0, 1)
        again = deliver_due(uow, http, now=t)
        assert (again.delivered, again.retrying, again.given_up) == (0, 0, 0)
        later = deliver_due(uow, http, now=t + timedelta(minutes=2))
        assert later.delivered == 1
    assert len(received) == 2
    sent, body = received[1]
    stamp = int(sent["x-servicefit-timestamp"])
    signature = sent["x-servicefit-signature"]
    assert sent["x-servicefit-event"] == "assessment.completed"
    assert verify(secret, stamp, body, signature, now=stamp)
    assert not verify(secret, stamp, body.replace(b"completed", b"c0mpleted"), signature, now=stamp)
