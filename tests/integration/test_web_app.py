"""The web application through HTTP: logins, CSRF, organisation isolation, the candidate
flow (idempotent, resumable, timed), erasure and retention."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from servicefit.config import Settings
from servicefit.domain.accounts import Role
from servicefit.services.accounts import create_user, prune_rate_events
from servicefit.services.candidate_data import purge_expired
from servicefit.services.content import packaged_content
from servicefit.services.demo import set_up_demo
from servicefit.services.invitations import NewCandidate, invite
from servicefit.services.organisations import create_organisation
from servicefit.services.profiles import create_from_template
from servicefit.services.scoring import simulate_attempts
from servicefit.storage.database import make_engine, make_session_factory
from servicefit.storage.migrate import upgrade
from servicefit.storage.unit_of_work import SqlUnitOfWork
from servicefit.web.app import create_app

PASSWORD = "correct horse battery staple"
JOB = "inbound-call-centre"


@dataclass
class World:
    client: TestClient
    uow: SqlUnitOfWork
    settings: Settings
    a_attempt: int
    b_attempt: int


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[World]:
    folder: Path = tmp_path_factory.mktemp("web")
    url = f"sqlite:///{folder / 'web.db'}"
    upgrade(url=url)
    settings = Settings(data_dir=folder, database_url=url, environment="test")
    uow = SqlUnitOfWork(make_session_factory(make_engine(url)))
    content = packaged_content()
    set_up_demo(uow, content)
    create_organisation(uow, slug="other", name="Other Ltd")
    create_from_template(
        uow, content, organisation="other", template_id="inbound_call_centre", name=JOB
    )
    a_attempt = simulate_attempts(
        uow, content, organisation="demo", profile_key=JOB, count=1, minutes=20
    )[0]
    b_attempt = simulate_attempts(
        uow, content, organisation="other", profile_key=JOB, count=1, minutes=20
    )[0]
    for slug, email, role in (
        ("demo", "owner@a.test", Role.OWNER),
        ("demo", "reviewer@a.test", Role.REVIEWER),
        ("other", "owner@b.test", Role.OWNER),
    ):
        create_user(uow, organisation=slug, email=email, name=email, role=role, password=PASSWORD)
    with TestClient(create_app(settings)) as client:
        yield World(client, uow, settings, a_attempt, b_attempt)


def _csrf(html: str) -> str:
    found = re.search(r'name="csrf_token" value="([^"]+)"', html)
    assert found, "the page has no CSRF field"
    return found.group(1)


def _login(client: TestClient, email: str) -> None:
    client.cookies.clear()
    page = client.get("/login")
    answer = client.post(
        "/login",
        data={"email": email, "password": PASSWORD, "next": "/", "csrf_token": _csrf(page.text)},
        follow_redirects=False,
    )
    assert answer.status_code == 303, answer.text


def test_pages_need_a_login_and_a_wrong_password_is_refused(world: World) -> None:
    world.client.cookies.clear()
    assert world.client.get("/", follow_redirects=False).headers["location"].startswith("/login")
    page = world.client.get("/login")
    wrong = world.client.post(
        "/login",
        data={"email": "owner@a.test", "password": "nope", "csrf_token": _csrf(page.text)},
    )
    assert wrong.status_code == 401
    assert "wrong e-mail address or password" in wrong.text


def test_a_form_without_the_csrf_token_is_refused(world: World) -> None:
    _login(world.client, "owner@a.test")
    answer = world.client.post("/jobs", data={"template_id": "front_counter", "name": "X"})
    assert answer.status_code == 403
    assert "did not come from servicefit" in answer.text


def test_the_owner_sees_the_ranked_shortlist_with_demo_labels(world: World) -> None:
    _login(world.client, "owner@a.test")
    page = world.client.get(f"/jobs/{JOB}")
    assert page.status_code == 200
    assert f"/candidates/{world.a_attempt}" in page.text
    assert "demo data" in page.text
    csv = world.client.get(f"/jobs/{JOB}/shortlist.csv")
    assert csv.status_code == 200
    assert csv.text.startswith("rank,attempt,candidate")


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("get", "/candidates/{b}"),
        ("get", "/candidates/{b}/report?format=html"),
        ("post", "/candidates/{b}/review"),
    ],
)
def test_organisation_a_cannot_reach_organisation_b_candidates(
    world: World, method: str, path: str
) -> None:
    _login(world.client, "owner@a.test")
    token = _csrf(world.client.get("/").text)
    url = path.format(b=world.b_attempt)
    if method == "get":
        answer = world.client.get(url)
    else:
        answer = world.client.post(
            url,
            data={
                "csrf_token": token,
                "item_id": "x",
                "dimension": "empathy",
                "level": "1",
                "reason": "probe",
            },
        )
    assert answer.status_code == 404, (url, answer.status_code)
    assert "Other Ltd" not in answer.text


def test_invitations_of_b_cannot_be_resent_exported_or_erased_from_a(world: World) -> None:
    with world.uow:
        other = world.uow.organisations.by_slug("other")
    assert other is not None
    sent = invite(
        world.uow,
        world.settings,
        other,
        profile_key=JOB,
        candidates=[NewCandidate("Bea", "bea@example.com")],
        actor="test",
    )[0]
    _login(world.client, "owner@a.test")
    token = _csrf(world.client.get("/").text)
    invitation = sent.invitation.id
    assert world.client.get(f"/invitations/{invitation}/export").status_code == 404
    for action in ("resend", "erase"):
        answer = world.client.post(
            f"/invitations/{invitation}/{action}", data={"csrf_token": token}
        )
        assert answer.status_code == 404, action
    with world.uow:
        assert world.uow.invitations_of(other).get(invitation) is not None  # nothing changed


def test_a_reviewer_may_not_invite_or_manage_users(world: World) -> None:
    _login(world.client, "reviewer@a.test")
    token = _csrf(world.client.get("/").text)
    assert world.client.get("/users").status_code == 403
    answer = world.client.post(
        f"/jobs/{JOB}/invitations",
        data={"csrf_token": token, "name": "X", "email": "x@example.com"},
    )
    assert answer.status_code == 403


def _invite(world: World, email: str) -> str:
    with world.uow:
        demo = world.uow.organisations.by_slug("demo")
    assert demo is not None
    sent = invite(
        world.uow,
        world.settings,
        demo,
        profile_key=JOB,
        candidates=[NewCandidate("Kandydat", email)],
        actor="test",
        minutes=20,
    )[0]
    return "/take/" + sent.link.rsplit("/take/", 1)[1]


def _start(client: TestClient, path: str, language: str = "pl") -> str:
    client.cookies.clear()
    page = client.get(path)
    page = client.post(
        path + "/language", data={"language": language, "csrf_token": _csrf(page.text)}
    )
    page = client.post(path + "/consent", data={"consent": "yes", "csrf_token": _csrf(page.text)})
    page = client.post(path + "/practice", data={"csrf_token": _csrf(page.text)})
    return page.text


def test_the_candidate_flow_is_in_the_chosen_language_and_answers_are_idempotent(
    world: World,
) -> None:
    path = _invite(world, "kandydat@example.com")
    page = _start(world.client, path)
    assert "Zapisz i dalej" in page
    assert "0 / " in page
    kind = re.search(r'data-kind="([a-z_]+)"', page)
    item = re.search(r'name="item" value="([^"]+)"', page)
    assert kind
    assert item
    # the first section is always the qualifications questionnaire or a choice item
    data = {"csrf_token": _csrf(page), "item": item.group(1), "seconds": "3"}
    data |= {"education": "secondary", "experience": "retail", "years": "2", "cefr": "B2"}
    data |= {"language": "pl", "availability_weekdays": "1", "option": "a", "value": "4"}
    first = world.client.post(path + "/answer", data=data)
    assert "1 / " in first.text
    again = world.client.post(path + "/answer", data=data)  # a resubmission after a lost ack
    assert "1 / " in again.text
    # the browser is closed: a new session on the same link resumes at the same place
    world.client.cookies.clear()
    resumed = world.client.get(path)
    assert "1 / " in resumed.text


def test_a_bad_answer_names_the_field_and_loses_nothing(world: World) -> None:
    path = _invite(world, "zly@example.com")
    page = _start(world.client, path, "en")
    item = re.search(r'name="item" value="([^"]+)"', page)
    assert item
    answer = world.client.post(
        path + "/answer", data={"csrf_token": _csrf(page), "item": item.group(1)}
    )
    assert answer.status_code == 422
    assert "0 / " in answer.text


def test_an_unknown_or_expired_link_is_refused(world: World) -> None:
    world.client.cookies.clear()
    assert world.client.get("/take/not-a-real-token").status_code == 404
    path = _invite(world, "late@example.com")
    with world.uow:
        demo = world.uow.organisations.by_slug("demo")
        assert demo is not None
        invitations = world.uow.invitations_of(demo).all(JOB)
        late = next(i for i in invitations if i.candidate_email == "late@example.com")
        world.uow.invitations_of(demo).update(
            late.id, expires_at=datetime.now(UTC) - timedelta(minutes=1)
        )
        world.uow.commit()
    assert world.client.get(path).status_code == 410


def test_login_is_rate_limited(world: World) -> None:
    world.client.cookies.clear()
    statuses = []
    for _ in range(7):
        page = world.client.get("/login")
        statuses.append(
            world.client.post(
                "/login",
                data={"email": "nobody@a.test", "password": "x", "csrf_token": _csrf(page.text)},
            ).status_code
        )
    # five failures per client address in 15 minutes (an earlier test used one already)
    assert set(statuses) == {401, 429}
    assert statuses.count(401) <= 5
    assert statuses[-2:] == [429, 429]
    # after the window the counters are forgotten and logging in works again
    prune_rate_events(world.uow, now=datetime.now(UTC) + timedelta(hours=1))
    _login(world.client, "owner@a.test")


def test_retention_purge_erases_old_candidates_only(world: World) -> None:
    _invite(world, "recent@example.com")
    with world.uow:
        demo = world.uow.organisations.by_slug("demo")
        assert demo is not None
        before = len(world.uow.invitations_of(demo).all())
    assert purge_expired(world.uow, demo, now=datetime.now(UTC)) == 0
    erased = purge_expired(world.uow, demo, now=datetime.now(UTC) + timedelta(days=400))
    assert erased == before
    with world.uow:
        assert world.uow.invitations_of(demo).all() == []
        events = world.uow.audit_of(demo).events(subject="retention")
    assert events
    assert "older than 365 days" in events[0].detail


def test_session_cookies_are_httponly_samesite_and_secure_in_production(
    world: World, tmp_path: Path
) -> None:
    world.client.cookies.clear()  # a new visitor: the session cookie is set now
    page = world.client.get("/login")
    cookie = page.headers["set-cookie"].lower()
    assert "httponly" in cookie
    assert "samesite=lax" in cookie
    assert "secure" not in cookie  # tests and development run on plain http
    production = Settings(
        data_dir=tmp_path,
        database_url=world.settings.database_url,
        environment="production",
        secret_key="x" * 40,
    )
    with TestClient(create_app(production), base_url="https://testserver") as client:
        cookie = client.get("/login").headers["set-cookie"].lower()
    assert "secure" in cookie
    assert "httponly" in cookie


def test_pages_escape_what_people_type(world: World) -> None:
    with world.uow:
        demo = world.uow.organisations.by_slug("demo")
    assert demo is not None
    invite(
        world.uow,
        world.settings,
        demo,
        profile_key=JOB,
        candidates=[NewCandidate("<script>alert(1)</script>", "xss@example.com")],
        actor="test",
    )
    _login(world.client, "owner@a.test")
    page = world.client.get(f"/jobs/{JOB}/invitations")
    assert "<script>alert(1)</script>" not in page.text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page.text


def test_only_owners_run_the_fairness_audit_and_it_states_its_limits(world: World) -> None:
    _login(world.client, "reviewer@a.test")
    assert world.client.get(f"/jobs/{JOB}/fairness").status_code == 403
    assert world.client.get(f"/jobs/{JOB}/fairness/audit.csv?rule=top:1").status_code == 403
    _login(world.client, "owner@a.test")
    page = world.client.get(f"/jobs/{JOB}/fairness?rule=top:1")
    assert page.status_code == 200
    assert "audit.pdf?rule=top%3A1" in page.text
    report = world.client.get(f"/jobs/{JOB}/fairness/audit.html?rule=top:1")
    assert report.status_code == 200
    assert "screening rule, not proof" in report.text
    assert "issing demographics" in report.text
    bad = world.client.get(f"/jobs/{JOB}/fairness/audit.json?rule=best:3")
    assert bad.status_code == 400
    assert "rule" in bad.text
