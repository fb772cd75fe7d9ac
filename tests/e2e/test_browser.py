"""A recruiter and a candidate use servicefit in a real browser (Chromium, Playwright).

The tests run in file order and share one demo server: the recruiter creates a
job and invites a candidate, the candidate completes the assessment in Polish
(closing the browser half-way), and the recruiter reads the result.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect

from tests.e2e.conftest import Journey, Server

pytestmark = pytest.mark.e2e

TIMEOUT_MS = 30_000
WRITTEN_REPLY = (
    "Dzień dobry Pani Anno, bardzo przepraszam za kłopot z zamówieniem. Sprawdzę je jeszcze"
    " dziś i jutro do 12:00 wyślę odpowiedź z numerem przesyłki. Pozdrawiam serdecznie, Ola"
)
OWN_CHAT_TEXT = "Rozumiem, przepraszam. Sprawdzę to od razu i oddzwonię do Pani w ciągu godziny."
# The app allows 300 requests per link per minute (pages_take.LINK_OPENS_ALLOWED);
# an answer costs a POST and a GET, so a short pause keeps a fast browser below it.
PAUSE_MS = 250
PROGRESS = re.compile(r"(\d+)\s*/\s*(\d+)\s+odpowiedziano")


def _context(browser: Browser, **options: object) -> BrowserContext:
    context = browser.new_context(**options)  # type: ignore[arg-type]
    context.set_default_timeout(TIMEOUT_MS)
    context.set_default_navigation_timeout(TIMEOUT_MS)
    return context


def _log_in(page: Page, server: Server, shots: Path) -> None:
    page.goto(f"{server.base_url}/login")
    page.screenshot(path=shots / "01-login.png", full_page=True)
    page.fill("input[name=email]", server.email)
    page.fill("input[name=password]", server.password)
    page.click("button[type=submit]")
    expect(page.get_by_role("heading", name="Jobs")).to_be_visible()


def _progress(page: Page) -> tuple[int, int]:
    match = PROGRESS.search(page.inner_text("body"))
    assert match is not None, f"no progress counter on {page.url}"
    return int(match.group(1)), int(match.group(2))


def test_recruiter_sees_shortlist_creates_job_and_invites(
    browser: Browser, server: Server, journey: Journey, screenshots: Path
) -> None:
    context = _context(browser)
    page = context.new_page()
    try:
        _log_in(page, server, screenshots)

        page.goto(f"{server.base_url}/jobs/inbound-call-centre")
        table = page.locator("#shortlist-table")
        expect(table).to_be_visible()
        rows = table.locator("tbody tr")
        assert rows.count() >= 30
        assert table.locator("tbody tr", has_text="demo data").count() >= 30
        assert rows.first.locator("a[href^='/candidates/']").count() == 1
        page.screenshot(path=screenshots / "02-shortlist.png", full_page=True)

        page.goto(f"{server.base_url}/")
        form = page.locator("form[action='/jobs']")
        first_template = form.locator("select[name=template_id] option").first
        form.locator("select[name=template_id]").select_option(
            first_template.get_attribute("value") or ""
        )
        journey.job_name = "E2E Konsultant"
        form.locator("input[name=name]").fill(journey.job_name)
        form.get_by_role("button", name="Create job").click()
        page.wait_for_url(re.compile(r"/jobs/[^/?]+/profile(\?.*)?$"))
        match = re.search(r"/jobs/([^/?]+)/profile", page.url)
        assert match is not None
        journey.job_key = match.group(1)
        page.screenshot(path=screenshots / "03-profile-editor.png", full_page=True)

        page.goto(f"{server.base_url}/jobs/{journey.job_key}/invitations")
        invite = page.locator(f"form[action='/jobs/{journey.job_key}/invitations']")
        journey.candidate_name = "Ola Testowa"
        invite.locator("input[name=name]").fill(journey.candidate_name)
        invite.locator("input[name=email]").fill("ola.testowa@example.com")
        invite.locator("input[name=minutes]").fill("90")
        invite.get_by_role("button", name="Invite").click()
        link = page.locator("input.invite-link").first
        expect(link).to_be_visible()
        journey.link = link.input_value()
        assert re.fullmatch(rf"{re.escape(server.base_url)}/take/\S+", journey.link), journey.link
        page.screenshot(path=screenshots / "04-invitations.png", full_page=True)
    finally:
        context.close()


def _answer(page: Page, shots: Path, state: dict[str, bool]) -> str:
    """Answer the item on the page deterministically; returns its kind."""
    page.wait_for_timeout(PAUSE_MS)
    form = page.locator("form#answer")
    kind = form.get_attribute("data-kind") or ""
    if kind in ("situational_judgement", "knowledge"):
        form.locator("input[name=option]").first.check()
    elif kind == "questionnaire":
        form.locator("input[name=value][value='4']").check()
    elif kind == "calculation":
        form.locator("input[name=value]").fill("12,5")
    elif kind == "in_basket":
        selects = form.locator("select[name^=rank_]")
        for index in range(selects.count()):
            selects.nth(index).select_option(str(index + 1))
    elif kind == "typing":
        form.locator("textarea[name=text]").fill(page.inner_text("#typing-source"))
    elif kind == "written_sample":
        form.locator("textarea[name=text]").fill(WRITTEN_REPLY)
        state["written"] = True
    elif kind == "chat_simulation":
        if not state.get("chat_shot"):
            page.screenshot(path=shots / "06-chat.png", full_page=True)
            state["chat_shot"] = True
        own = form.locator("textarea[name=text]")
        if not state.get("own_chat") and own.count() == 1:
            own.fill(OWN_CHAT_TEXT)
            state["own_chat"] = True
        else:
            form.locator("input[name=reply]").first.check()
    elif kind == "qualifications":
        for name in ("education", "experience", "cefr"):
            select = form.locator(f"select[name={name}]")
            if select.count():
                value = select.locator("option").nth(1).get_attribute("value") or ""
                select.select_option(value)
        if form.locator("input[name=years]").count():
            form.locator("input[name=years]").fill("2")
        if form.locator("select[name=language]").count():
            form.locator("select[name=language]").select_option("pl")
        boxes = form.locator("input[type=checkbox][name^=availability_]")
        if boxes.count():
            boxes.first.check()
    else:
        raise AssertionError(f"unknown item kind {kind!r} on {page.url}")
    with page.expect_navigation():
        form.locator("button[type=submit]").click()
    problems = page.locator("#problems")
    assert problems.count() == 0, f"{kind}: {problems.inner_text()}"
    return kind


def test_candidate_completes_in_polish_across_two_sessions(
    browser: Browser, journey: Journey, screenshots: Path
) -> None:
    assert journey.link, "the recruiter test did not produce an invitation link"
    context = _context(browser, viewport={"width": 390, "height": 844}, is_mobile=True)
    page = context.new_page()
    page.goto(journey.link)
    page.check("input[name=language][value=pl]")
    page.click("button[type=submit]")
    page.check("input[name=consent]")
    page.click("button[type=submit]")
    page.locator("form#practice input[name=practice]").nth(1).check()
    page.get_by_role("button", name="Rozpocznij ocenę").click()
    expect(page.locator("form#answer")).to_be_visible()
    page.screenshot(path=screenshots / "05-item-phone.png", full_page=True)

    state: dict[str, bool] = {}
    kinds: list[str] = []
    while len(kinds) < 10 and page.locator("form#answer").count():
        kinds.append(_answer(page, screenshots, state))
    before, total = _progress(page)
    assert before >= 1
    context.close()

    context = _context(browser, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    try:
        page.goto(journey.link)
        expect(page.locator("form#answer")).to_be_visible()
        after, total_after = _progress(page)
        assert total_after == total
        assert after >= before, f"progress went back from {before} to {after}"
        page.screenshot(path=screenshots / "05-item-pl.png", full_page=True)

        while page.locator("form#answer").count() and len(kinds) < 400:
            kinds.append(_answer(page, screenshots, state))
        ended = page.inner_text("body")[:600]
        assert state.get("written"), f"no written reply among {sorted(set(kinds))}; {ended}"
        assert state.get("own_chat"), f"no chat turn with own text among {sorted(set(kinds))}"

        finish = page.get_by_role("button", name="Zakończ")
        expect(finish).to_be_visible()
        done, done_total = _progress(page)
        assert done == done_total == total
        page.screenshot(path=screenshots / "07-finish.png", full_page=True)
        finish.click()
        expect(page.get_by_text("Dziękujemy").first).to_be_visible()
        journey.finished = True
    finally:
        context.close()


def test_recruiter_sees_candidate_and_downloads_pdf(
    browser: Browser, server: Server, journey: Journey, screenshots: Path
) -> None:
    assert journey.finished, "the candidate test did not finish the assessment"
    context = _context(browser, accept_downloads=True)
    page = context.new_page()
    try:
        _log_in(page, server, screenshots)
        page.goto(f"{server.base_url}/jobs/{journey.job_key}")
        table = page.locator("#shortlist-table")
        row = table.locator("tbody tr", has_text=journey.candidate_name)
        expect(row).to_have_count(1)
        row.locator("a[href^='/candidates/']").click()
        page.wait_for_url(re.compile(r"/candidates/[^/]+$"))
        expect(page.get_by_text(journey.candidate_name).first).to_be_visible()
        page.screenshot(path=screenshots / "08-candidate.png", full_page=True)

        href = page.locator("#pdf-link").get_attribute("href")
        assert href is not None
        response = page.request.get(f"{server.base_url}{href}", timeout=120_000)
        assert response.ok, response.status
        assert response.headers["content-type"].startswith("application/pdf")
        assert response.body().startswith(b"%PDF")
    finally:
        context.close()
