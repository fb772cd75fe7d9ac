"""Answer-save latency and durability under concurrent candidates (issue 7).

Run: python -m bench.answer_load --json [--candidates 300 --interval 3
     --duration 60 --kill-at 30]

Needs PostgreSQL on 127.0.0.1:5432 (user postgres, trust auth). The run creates
a fresh database `servicefit_bench_<pid>`, fills it with `servicefit demo`,
invites 2 x N candidates in-process, and starts `servicefit serve` as a
subprocess. Each simulated candidate (asyncio on uvloop + one aiohttp session with its
own cookies) chooses English, consents, finishes the practice item, then
answers the live items one by one, waiting `interval` seconds (0.5-1.5 x,
uniform jitter) between answers. Candidates start over the first `--ramp`
seconds.

An answer is acknowledged when POST /take/TOKEN/answer returns 303 back to
/take/TOKEN; only that POST is timed ("answer-save latency"). A failed POST
(connection refused or reset while the server is down, 5xx) is retried with the
same form until acknowledged or the phase ends. Alongside, a probe GETs /login
10 times a second, as a baseline for what any request costs under this load.

Phase 1 runs without faults; phase 2 (fresh candidates, same server) sends
SIGKILL to the server at `--kill-at` seconds and restarts it at once with the
same command. After both phases every acknowledged (link, item) is looked up in
`responses` through `invitations` (token_hash = sha256(token)); a missing row is
a lost answer. The database is dropped at the end (--keep-db keeps it).
"""

# ruff: noqa: S603, S311, T201, PLC0415, PLR0917, PLR0915
# (a benchmark: fixed subprocess commands, jitter not crypto, prints its report)
from __future__ import annotations

import argparse
import asyncio
import contextlib
import hashlib
import html
import json
import os
import platform
import random
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import aiohttp
import psycopg
import uvloop

VENV_BIN = Path(sys.executable).parent
PG = "postgresql://postgres@127.0.0.1:5432"
PROFILE = "inbound-call-centre"

CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')
ANSWER_FORM = re.compile(r'<form[^>]*id="answer"[^>]*data-kind="([a-z_]+)"')


TRANSPORT_ERRORS = (aiohttp.ClientError, TimeoutError)


@dataclass
class Reply:
    status_code: int
    text: str
    location: str


def client_for(base: str, timeout: float, connections: int = 100) -> aiohttp.ClientSession:
    """An HTTP client with its own cookies (aiohttp: its C parser keeps the load
    generator's share of the 2 cores small)."""
    return aiohttp.ClientSession(
        base_url=base,
        timeout=aiohttp.ClientTimeout(total=timeout),
        cookie_jar=aiohttp.CookieJar(unsafe=True),  # cookies from 127.0.0.1
        connector=aiohttp.TCPConnector(limit=connections),
    )


async def fetch(
    client: aiohttp.ClientSession,
    method: str,
    url: str,
    data: dict[str, str] | None = None,
    follow: bool = False,
) -> Reply:
    async with client.request(method, url, data=data, allow_redirects=follow) as response:
        text = await response.text()
        return Reply(response.status, text, response.headers.get("location", ""))


def run(coroutine: Any) -> Any:
    with asyncio.Runner(loop_factory=uvloop.new_event_loop) as runner:
        return runner.run(coroutine)


@dataclass
class Phase:
    name: str
    kill_at: float | None
    started: float = 0.0
    latencies: list[float] = field(default_factory=list)
    baseline: list[float] = field(default_factory=list)
    attempted: int = 0  # distinct answers submitted (retries not counted)
    posts: int = 0  # every POST sent, retries included
    acknowledged: list[tuple[str, str]] = field(default_factory=list)
    errors: Counter[str] = field(default_factory=Counter)
    finished_tests: int = 0
    setup_failed: int = 0
    killed_at: float | None = None
    server_up_at: float | None = None
    take_ready_at: float | None = None
    first_ack_after_kill: float | None = None
    ack_times: list[float] = field(default_factory=list)
    cpu_s: dict[str, float] = field(default_factory=dict)  # CPU seconds used in the phase


def _ticks(pid: str) -> int:
    with contextlib.suppress(OSError, IndexError, ValueError):
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return int(fields[11]) + int(fields[12])  # utime + stime
    return 0


def cpu_seconds(server_group: int, dbname: str) -> dict[str, float]:
    """CPU seconds so far of the server's processes, of PostgreSQL's backends serving
    *dbname*, and of this load generator (Linux /proc)."""
    hz = os.sysconf("SC_CLK_TCK")
    server = database = 0
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        with contextlib.suppress(OSError):
            if os.getpgid(int(entry.name)) == server_group:
                server += _ticks(entry.name)
            elif dbname.encode() in (entry / "cmdline").read_bytes():
                database += _ticks(entry.name)
    return {
        "server": server / hz,
        "postgresql": database / hz,
        "load_generator": time.process_time(),
    }


class Server:
    """`servicefit serve` in its own process group, killable and restartable."""

    def __init__(self, port: int, env: dict[str, str], log: Path, workers: int = 1) -> None:
        self.port = port
        self.workers = workers
        self.env = env
        self.log = log
        self.process: subprocess.Popen[bytes] | None = None
        self.warm_link = ""

    def start(self) -> None:
        with self.log.open("ab") as out:
            self.process = subprocess.Popen(
                [
                    str(VENV_BIN / "servicefit"),
                    "serve",
                    "--port",
                    str(self.port),
                    "--workers",
                    str(self.workers),
                ],
                env=self.env,
                stdout=out,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )

    def kill(self) -> None:
        """SIGKILL the server and its worker processes (its whole process group)."""
        if self.process is not None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait()

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.process.pid, signal.SIGTERM)
            with contextlib.suppress(subprocess.TimeoutExpired):
                self.process.wait(timeout=10)
        self.kill()  # and anything left in its group


async def wait_up(base: str, limit: float = 120.0) -> float:
    """Poll GET /login until it answers 200; the moment it did."""
    deadline = time.monotonic() + limit
    async with client_for(base, 2) as client:
        while time.monotonic() < deadline:
            try:
                if (await fetch(client, "GET", "/login")).status_code == 200:
                    return time.monotonic()
            except TRANSPORT_ERRORS:
                pass
            await asyncio.sleep(0.02)
    raise RuntimeError("server did not come up")


async def warm(base: str, link: str) -> float:
    """GET a spare candidate link until it answers 200 (the first /take page of a fresh
    process loads the content and takes seconds); the moment it did."""
    async with client_for(base, 120) as client:
        for _ in range(100):
            try:
                if (await fetch(client, "GET", urlparse(link).path)).status_code == 200:
                    return time.monotonic()
            except TRANSPORT_ERRORS:
                await asyncio.sleep(0.05)
    raise RuntimeError("candidate pages did not come up")


def form_for(page: str) -> tuple[str, dict[str, str]] | None:
    """The answer form's item id and a valid answer, or None when there is none."""
    found = ANSWER_FORM.search(page)
    if found is None:
        return None
    kind = found.group(1)
    item = re.search(r'name="item" value="([^"]+)"', page)
    csrf = CSRF.search(page)
    if item is None or csrf is None:
        return None
    data = {"csrf_token": csrf.group(1), "item": item.group(1), "seconds": "5"}
    if kind in ("situational_judgement", "knowledge"):
        option = re.search(r'name="option" value="([^"]+)"', page)
        data["option"] = option.group(1) if option else ""
    elif kind == "questionnaire":
        data["value"] = "4"
    elif kind == "calculation":
        data["value"] = "12.5"
    elif kind == "in_basket":
        ids = re.findall(r'name="rank_([^"]+)"', page)
        data.update({f"rank_{i}": str(k + 1) for k, i in enumerate(ids)})
    elif kind == "typing":
        source = re.search(r'id="typing-source">([^<]*)<', page)
        data["text"] = html.unescape(source.group(1)) if source else "text"
    elif kind == "written_sample":
        data["text"] = (
            "Hello Ms Smith, I am sorry about the trouble with your order. I will check it "
            "today and send you an answer by noon tomorrow. Kind regards, Alex"
        )
    elif kind == "chat_simulation":
        turn = re.search(r'name="turn" value="([^"]+)"', page)
        replies = re.findall(r'name="reply" value="([^"]+)"', page)
        data["turn"] = turn.group(1) if turn else ""
        data["reply"] = replies[0] if replies else ""
    elif kind == "qualifications":
        for name in ("education", "experience", "cefr"):
            option = re.search(rf'name="{name}"[^>]*>.*?<option value="([^"]+)">', page, re.S)
            if option:
                data[name] = option.group(1)
        data.update({"years": "2", "language": "en", "availability_weekdays": "1"})
    return item.group(1), data


async def request(
    client: aiohttp.ClientSession,
    phase: Phase,
    stop: float,
    method: str,
    url: str,
    data: dict[str, str] | None = None,
    follow: bool = False,
) -> Reply | None:
    """A set-up or page request, retried through transport errors and 5xx."""
    while time.monotonic() < stop:
        try:
            response = await fetch(client, method, url, data, follow)
        except TRANSPORT_ERRORS as error:
            phase.errors[f"page: {type(error).__name__}"] += 1
            await asyncio.sleep(0.2)
            continue
        if response.status_code >= 500:
            phase.errors[f"page: HTTP {response.status_code}"] += 1
            await asyncio.sleep(0.2)
            continue
        return response
    return None


async def set_up(base: str, links: list[str], concurrency: int) -> int:
    """Take every candidate through language, consent and practice (not timed: consent
    assembles each candidate's form). The number that failed."""
    gate = asyncio.Semaphore(concurrency)
    failed = 0
    scratch = Phase("set-up", None)

    async def one(link: str) -> None:
        nonlocal failed
        path = urlparse(link).path
        async with gate, client_for(base, 120) as client:
            stop = time.monotonic() + 600
            page = await request(client, scratch, stop, "GET", path, follow=True)
            for step, data in (
                ("language", {"language": "en"}),
                ("consent", {"consent": "yes"}),
                ("practice", {}),
            ):
                if page is None or (csrf := CSRF.search(page.text)) is None:
                    failed += 1
                    return
                page = await request(
                    client,
                    scratch,
                    stop,
                    "POST",
                    f"{path}/{step}",
                    data={**data, "csrf_token": csrf.group(1)},
                    follow=True,
                )

    await asyncio.gather(*(one(link) for link in links))
    return failed


async def candidate(
    base: str, link: str, phase: Phase, delay: float, stop: float, interval: float
) -> None:
    path = urlparse(link).path
    token = path.rsplit("/", 1)[1]
    await asyncio.sleep(delay)
    async with client_for(base, 60, connections=1) as client:
        while time.monotonic() < stop:
            page = await request(client, phase, stop, "GET", path)
            if page is None:
                return
            answer = form_for(page.text)
            if answer is None:
                if page.status_code == 200 and "/finish" in page.text:
                    phase.finished_tests += 1
                else:
                    phase.errors[f"no answer form (HTTP {page.status_code})"] += 1
                return
            item, data = answer
            phase.attempted += 1
            while time.monotonic() < stop:
                phase.posts += 1
                began = time.monotonic()
                try:
                    response = await fetch(client, "POST", f"{path}/answer", data)
                except TRANSPORT_ERRORS as error:
                    phase.errors[f"answer: {type(error).__name__}"] += 1
                    await asyncio.sleep(0.2)
                    continue
                took = time.monotonic() - began
                if response.status_code == 303 and response.location == path:
                    phase.latencies.append(took)
                    phase.acknowledged.append((token, item))
                    phase.ack_times.append(time.monotonic())
                    break
                phase.errors[f"answer: HTTP {response.status_code} {response.location}"] += 1
                if response.status_code < 500:
                    break  # a refusal, not an outage: look at the page again
                await asyncio.sleep(0.2)
            await asyncio.sleep(interval * random.uniform(0.5, 1.5))


async def probe(base: str, phase: Phase, stop: float) -> None:
    """GET /login ten times a second: the cost of any request under the same load."""
    async with client_for(base, 30) as client:
        while time.monotonic() < stop:
            began = time.monotonic()
            try:
                response = await fetch(client, "GET", "/login")
                if response.status_code == 200:
                    phase.baseline.append(time.monotonic() - began)
            except TRANSPORT_ERRORS:
                pass
            await asyncio.sleep(max(0.0, 0.1 - (time.monotonic() - began)))


async def killer(server: Server, base: str, phase: Phase, duration: float) -> None:
    assert phase.kill_at is not None
    await asyncio.sleep(max(0.0, phase.started + phase.kill_at - time.monotonic()))
    phase.killed_at = time.monotonic()
    server.kill()
    server.start()
    try:
        phase.server_up_at = await wait_up(base)
    except RuntimeError:
        return  # not up within 120 s: reported as such
    left = phase.started + duration - time.monotonic()
    try:
        phase.take_ready_at = await asyncio.wait_for(warm(base, server.warm_link), left)
    except TimeoutError:
        phase.take_ready_at = None  # not even one candidate page before the phase ended


async def run_phase(
    server: Server, base: str, links: list[str], phase: Phase, args: argparse.Namespace
) -> None:
    assert server.process is not None
    group, dbname = server.process.pid, server.env["SERVICEFIT_DATABASE_URL"].rsplit("/", 1)[1]
    before = cpu_seconds(group, dbname)
    phase.started = time.monotonic()
    stop = phase.started + args.duration
    tasks = [
        candidate(base, link, phase, args.ramp * i / len(links), stop, args.interval)
        for i, link in enumerate(links)
    ]
    extra = [probe(base, phase, stop)]
    if phase.kill_at is not None:
        extra.append(killer(server, base, phase, args.duration))
    await asyncio.gather(*tasks, *extra)
    if phase.kill_at is None:
        used = cpu_seconds(group, dbname)
        phase.cpu_s = {name: used[name] - before[name] for name in used}
    if phase.killed_at is not None:
        after = [t for t in phase.ack_times if t >= phase.killed_at]
        phase.first_ack_after_kill = min(after) if after else None


def percentile(values: list[float], q: float) -> float | None:
    if not values:
        return None
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(q / 100 * len(ordered) + 0.5) - 1))
    return round(ordered[index] * 1000, 1)


def stored_answers(dbname: str) -> set[tuple[str, str]]:
    with psycopg.connect(f"{PG}/{dbname}") as connection:
        rows = connection.execute(
            "SELECT i.token_hash, r.item_id FROM invitations i "
            "JOIN responses r ON r.attempt_id = i.attempt_id"
        ).fetchall()
    return {(str(h), str(item)) for h, item in rows}


def summary(phase: Phase, stored: set[tuple[str, str]], duration: float) -> dict[str, Any]:
    acked = set(phase.acknowledged)
    missing = [
        (t[:8] + "…", item)
        for t, item in acked
        if (hashlib.sha256(t.encode()).hexdigest(), item) not in stored
    ]
    result: dict[str, Any] = {
        "phase": phase.name,
        "saves_attempted": phase.attempted,
        "posts_sent_incl_retries": phase.posts,
        "saves_acknowledged": len(phase.acknowledged),
        "throughput_acks_per_s": round(len(phase.acknowledged) / duration, 1),
        "answer_save_latency_ms": {
            "p50": percentile(phase.latencies, 50),
            "p95": percentile(phase.latencies, 95),
            "p99": percentile(phase.latencies, 99),
            "max": round(max(phase.latencies) * 1000, 1) if phase.latencies else None,
            "mean": round(statistics.fmean(phase.latencies) * 1000, 1) if phase.latencies else None,
        },
        "baseline_get_login_ms": {
            "count": len(phase.baseline),
            "p50": percentile(phase.baseline, 50),
            "p95": percentile(phase.baseline, 95),
            "p99": percentile(phase.baseline, 99),
        },
        "cpu_ms_per_acknowledged_answer": {
            name: round(1000 * used / max(1, len(phase.acknowledged)), 2)
            for name, used in phase.cpu_s.items()
        }
        if phase.cpu_s
        else "not measured (the server was killed in this phase)",
        "errors": dict(phase.errors.most_common()),
        "candidates_finished_test": phase.finished_tests,
        "candidates_failed_setup": phase.setup_failed,
        "acknowledged_missing_from_database": len(missing),
        "missing_examples": missing[:10],
    }
    if phase.killed_at is not None:
        result["kill"] = {
            "at_s": round(phase.killed_at - phase.started, 2),
            "kill_to_login_200_s": round(
                (phase.server_up_at or phase.killed_at) - phase.killed_at, 2
            ),
            "kill_to_first_take_page_200_s": round(phase.take_ready_at - phase.killed_at, 2)
            if phase.take_ready_at
            else "not within the phase",
            "kill_to_first_ack_s": round(phase.first_ack_after_kill - phase.killed_at, 2)
            if phase.first_ack_after_kill
            else None,
            "acks_within_kill_plus_10s_latency_p99_ms": percentile(
                [
                    lat
                    for lat, t in zip(phase.latencies, phase.ack_times, strict=True)
                    if phase.killed_at <= t <= phase.killed_at + 10
                ],
                99,
            ),
            "acks_before_kill_latency_p99_ms": percentile(
                [
                    lat
                    for lat, t in zip(phase.latencies, phase.ack_times, strict=True)
                    if t < phase.killed_at
                ],
                99,
            ),
            "acks_from_kill_plus_20s_latency_p99_ms": percentile(
                [
                    lat
                    for lat, t in zip(phase.latencies, phase.ack_times, strict=True)
                    if t > phase.killed_at + 20
                ],
                99,
            ),
        }
    return result


def machine() -> dict[str, Any]:
    model = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return {
        "cpus": os.cpu_count(),
        "platform": platform.platform(),
        "cpu_model": model,
        "python": platform.python_version(),
    }


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def invite_links(url: str, count: int) -> list[str]:
    from servicefit.config import load_settings
    from servicefit.services.invitations import NewCandidate, invite
    from servicefit.storage.database import make_engine, make_session_factory
    from servicefit.storage.unit_of_work import SqlUnitOfWork

    engine = make_engine(url)
    uow = SqlUnitOfWork(make_session_factory(engine))
    with uow:
        organisation = uow.organisations.by_slug("demo")
    assert organisation is not None, "no demo organisation"
    sent = invite(
        uow,
        load_settings(),
        organisation,
        profile_key=PROFILE,
        candidates=[
            NewCandidate(f"Load Candidate {i}", f"load{i}@example.com") for i in range(count)
        ],
        actor="bench",
        minutes=20,
    )
    engine.dispose()
    return [s.link for s in sent]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print JSON only")
    parser.add_argument("--candidates", type=int, default=300)
    parser.add_argument("--interval", type=float, default=3.0, help="seconds between answers")
    parser.add_argument("--duration", type=float, default=60.0, help="seconds per phase")
    parser.add_argument("--kill-at", type=float, default=30.0, help="SIGKILL in phase 2 at")
    parser.add_argument("--ramp", type=float, default=10.0, help="seconds to start everyone")
    parser.add_argument("--keep-db", action="store_true")
    parser.add_argument("--workers", type=int, default=2, help="server processes")
    args = parser.parse_args()

    dbname = f"servicefit_bench_{os.getpid()}"
    url = f"postgresql+psycopg://postgres@127.0.0.1:5432/{dbname}"
    data_dir = tempfile.mkdtemp(prefix="servicefit_bench_")
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    env = {
        **os.environ,
        "SERVICEFIT_DATABASE_URL": url,
        "SERVICEFIT_DATA_DIR": data_dir,
        "SERVICEFIT_BASE_URL": base,
    }
    os.environ.update({k: v for k, v in env.items() if k.startswith("SERVICEFIT_")})
    log = sys.stderr if args.json else sys.stdout
    with psycopg.connect(f"{PG}/postgres", autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{dbname}"')
    server = Server(port, env, Path(data_dir) / "server.log", args.workers)
    try:
        began = time.monotonic()
        subprocess.run(
            [str(VENV_BIN / "servicefit"), "demo"], env=env, check=True, capture_output=True
        )
        print(f"demo data in {time.monotonic() - began:.1f} s", file=log)
        began = time.monotonic()
        links = invite_links(url, 2 * args.candidates + 1)
        server.warm_link = links.pop()
        print(f"{len(links)} invitations in {time.monotonic() - began:.1f} s", file=log)
        server.start()
        began = time.monotonic()
        run(wait_up(base))
        up = time.monotonic() - began
        warmed = run(warm(base, server.warm_link)) - began
        print(f"server up in {up:.1f} s, first candidate page after {warmed:.1f} s", file=log)
        cold_start = {"login_200_s": round(up, 2), "first_take_page_200_s": round(warmed, 2)}
        began = time.monotonic()
        setup_failed = run(set_up(base, links, concurrency=4))
        setup_s = round(time.monotonic() - began, 1)
        print(f"set-up of {len(links)} candidates in {setup_s} s ({setup_failed} failed)", file=log)
        phases = [Phase("1: steady", None), Phase("2: SIGKILL + restart", args.kill_at)]
        for index, phase in enumerate(phases):
            chunk = links[index * args.candidates : (index + 1) * args.candidates]
            print(f"phase {phase.name}: {len(chunk)} candidates", file=log)
            run(run_phase(server, base, chunk, phase, args))
            print(json.dumps(summary(phase, set(), args.duration)), file=log)  # before DB check
        server.stop()
        stored = stored_answers(dbname)
        report = {
            "command": " ".join(["python -m bench.answer_load", *sys.argv[1:]]),
            "machine": machine(),
            "server": f"servicefit serve --workers {args.workers}, PostgreSQL 127.0.0.1:5432",
            "candidates": args.candidates,
            "set_up_untimed": {
                "candidates": len(links),
                "seconds": setup_s,
                "failed": setup_failed,
            },
            "interval_s": args.interval,
            "duration_s": args.duration,
            "ramp_s": args.ramp,
            "cold_start": cold_start,
            "load_average_at_end": os.getloadavg(),
            "phases": [summary(p, stored, args.duration) for p in phases],
        }
        print(json.dumps(report, indent=2, ensure_ascii=False))
    finally:
        server.stop()
        if not args.keep_db:
            with psycopg.connect(f"{PG}/postgres", autocommit=True) as admin:
                admin.execute(f'DROP DATABASE IF EXISTS "{dbname}" WITH (FORCE)')
            shutil.rmtree(data_dir, ignore_errors=True)
        else:
            print(f"kept database {dbname} and {data_dir}", file=log)


if __name__ == "__main__":
    main()
