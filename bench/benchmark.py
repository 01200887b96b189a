"""The benchmark behind ``./bench/run``: every measurement of README "Benchmarks", in one run.

Everything runs on 127.0.0.1 with bounded load (wrk with fixed durations, fixed call counts,
schemathesis with its fixed configuration); every server it starts is a child process stopped by
its PID. It prints a table and writes it, with the conditions, to ``bench/RESULTS.md``.
"""

from __future__ import annotations

import contextlib
import json
import os
import platform
import shutil
import socket
import sqlite3
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path
from typing import Any

import click
import httpx
from agora_chat_client import AuthenticatedClient
from agora_chat_client.api.chat_room_attributes import (
    get_chatroom_attributes,
    set_chatroom_attributes,
)
from agora_chat_client.api.push_settings import (
    get_notification_setting,
    set_notification_setting,
)
from agora_chat_client.models import (
    ChatroomAttributeMap,
    ChatroomAttributesGetRequest,
    ChatroomAttributesGetResponse,
    ChatroomAttributesSetRequest,
    ChatroomAttributesWriteResponse,
    ChatType,
    NotificationSettingRequest,
    NotificationSettingResponse,
    PushMode,
)

from agora_chat_contract.runner import (
    ALL_PHASES,
    PACKAGED_CONFIG,
    Options,
    Target,
    run_contract,
)
from agora_chat_emulator.clock import Clock
from agora_chat_emulator.config import DEFAULTS
from agora_chat_emulator.process import (
    RunningEmulator,
    start_emulator,
    stop_emulator,
)
from agora_chat_emulator.seed import SEED_ROOM_BASE, bulk_seed
from agora_chat_emulator.server import server_config
from agora_chat_emulator.store import Store
from bench_apps import READY_PREFIX as APP_READY_PREFIX

BENCH_DIR = Path(__file__).resolve().parent
REPO_ROOT = BENCH_DIR.parent

SPEC = REPO_ROOT / "openapi.yaml"
PRISM = REPO_ROOT / "node_modules" / ".bin" / "prism"
LOAD_SCRIPT = BENCH_DIR / "load.lua"
USER_PREFIX = "bench"
"""Users are bench0, bench1, ...; room i (SEED_ROOM_BASE + i) is owned by user i (bulk_seed)."""
ATTRIBUTES = {"topic": "green tea", "mood": "calm"}
START_TIMEOUT_S = 60.0
NOTES_HEADING = "## Notes"
"""A hand-written section of RESULTS.md from this heading on is kept when the file is rewritten."""


@dataclass(frozen=True)
class Plan:
    """How much of everything to run: the full benchmark or the smoke-test ``--quick`` one."""

    first_warmup_s: int
    warmup_s: int
    measure_s: int
    repetitions: int
    connections: tuple[int, ...]
    population: int
    """Users (and rooms) of the "empty" store: only what the mix itself touches."""
    scale_users: int
    scale_rooms: int
    scale_attributes: int
    client_calls: int
    contract_repetitions: int
    contract_phases: str
    same_cases_phases: str
    contract_max_examples: int | None


FULL = Plan(
    first_warmup_s=5,
    warmup_s=2,
    measure_s=8,
    repetitions=3,
    connections=(16, 64),
    population=100,
    scale_users=100_000,
    scale_rooms=100_000,
    scale_attributes=1_000_000,
    client_calls=2_000,
    contract_repetitions=2,
    contract_phases=ALL_PHASES,
    same_cases_phases="examples,coverage,fuzzing",
    contract_max_examples=None,
)
QUICK = Plan(
    first_warmup_s=0,
    warmup_s=0,
    measure_s=1,
    repetitions=1,
    connections=(16, 64),
    population=100,
    scale_users=100,
    scale_rooms=100,
    scale_attributes=1_000,
    client_calls=100,
    contract_repetitions=1,
    contract_phases="examples",
    same_cases_phases="examples",
    contract_max_examples=1,
)


# --- child processes -----------------------------------------------------------------------------


@dataclass
class Server:
    """A server under test: where it listens, its API prefix and how to authenticate."""

    name: str
    root_url: str
    path_prefix: str
    token: str
    process: subprocess.Popen[str]


def stop_process(process: subprocess.Popen[str]) -> None:
    """SIGTERM to this PID, SIGKILL if it is still there after 10 s."""
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
    if process.stdout is not None:
        process.stdout.close()


def free_port() -> int:
    with socket.create_server(("127.0.0.1", 0)) as probe:
        port: int = probe.getsockname()[1]
    return port


def start_app(which: str, log: Path) -> Server:
    """One of bench_apps.py's reference servers, on the emulator's uvicorn settings."""
    with log.open("ab") as stderr:
        process = subprocess.Popen(
            [sys.executable, str(BENCH_DIR / "bench_apps.py"), which],
            stdout=subprocess.PIPE,
            stderr=stderr,
            stdin=subprocess.DEVNULL,
            text=True,
        )
    line = process.stdout.readline() if process.stdout is not None else ""
    if not line.startswith(APP_READY_PREFIX):
        stop_process(process)
        raise RuntimeError(f"{which} app did not start: {line!r} (see {log})")
    root_url = line.removeprefix(APP_READY_PREFIX).strip()
    return Server(which, root_url, f"/{DEFAULTS.org}/{DEFAULTS.app}", "bench", process)


def start_prism(log: Path) -> Server:
    """``prism mock openapi.yaml``: paths at the root, any bearer token accepted."""
    port = free_port()
    with log.open("ab") as output:
        process = subprocess.Popen(
            [str(PRISM), "mock", str(SPEC), "-p", str(port), "-h", "127.0.0.1", "-v", "error"],
            stdout=output,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            text=True,
        )
    server = Server("prism", f"http://127.0.0.1:{port}", "", "bench", process)
    deadline = time.monotonic() + START_TIMEOUT_S
    while True:
        with contextlib.suppress(httpx.TransportError):
            response = httpx.get(
                f"{server.root_url}/users/alice/notification/user/alice",
                headers={"Authorization": "Bearer bench"},
                timeout=5,
            )
            if response.status_code == 200:
                return server
        if time.monotonic() > deadline or process.poll() is not None:
            stop_process(process)
            raise RuntimeError(f"Prism did not start (see {log})")
        time.sleep(0.2)


def emulator_server(name: str, emulator: RunningEmulator) -> Server:
    return Server(
        name, emulator.root_url, f"/{emulator.org}/{emulator.app}", emulator.token, emulator.process
    )


def seed(db: Path, *, users: int, rooms: int, attributes: int) -> float:
    """A fresh SQLite file holding bulk_seed's data; returns the seconds it took."""
    for stale in (db, db.with_name(db.name + "-wal"), db.with_name(db.name + "-shm")):
        stale.unlink(missing_ok=True)
    started = time.perf_counter()
    store = Store(
        str(db),
        Clock(),
        client_id=DEFAULTS.client_id,
        client_secret=DEFAULTS.client_secret,
    )
    try:
        bulk_seed(store, users=users, rooms=rooms, attributes=attributes, prefix=USER_PREFIX)
    finally:
        store.close()
    return time.perf_counter() - started


# --- load: wrk -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Cell:
    """One wrk measurement: a server, a request mode, a number of connections."""

    row: str
    server: Server
    mode: str
    connections: int
    population: int


@dataclass
class LoadResult:
    requests_per_s: float
    p50_ms: float
    p99_ms: float
    non_2xx: int
    socket_errors: int
    summary: dict[str, Any] = field(default_factory=dict)


def wrk(cell: Cell, seconds: int, *, think_ms: float = 0) -> LoadResult:
    """``think_ms``: paced load (``BENCH_THINK_MS`` of ``load.lua``); 0, the closed loop."""
    env = {
        **os.environ,
        "BENCH_MODE": cell.mode,
        "BENCH_PATH_PREFIX": cell.server.path_prefix,
        "BENCH_USER_PREFIX": USER_PREFIX,
        "BENCH_ROOM_BASE": str(SEED_ROOM_BASE),
        "BENCH_POPULATION": str(cell.population),
        "BENCH_TOKEN": cell.server.token,
        "BENCH_THINK_MS": str(think_ms),
    }
    command = [
        "wrk",
        "-t1",
        f"-c{cell.connections}",
        f"-d{seconds}s",
        "--timeout",
        "10s",
        "-s",
        str(LOAD_SCRIPT),
        cell.server.root_url,
    ]
    completed = subprocess.run(
        command, env=env, capture_output=True, text=True, timeout=seconds + 60, check=False
    )
    lines = [line for line in completed.stdout.splitlines() if line.startswith("{")]
    if completed.returncode != 0 or not lines:
        raise RuntimeError(f"wrk failed: {completed.stdout}\n{completed.stderr}")
    summary: dict[str, Any] = json.loads(lines[-1])
    return LoadResult(
        requests_per_s=summary["requests"] / (summary["duration_us"] / 1e6),
        p50_ms=summary["p50_us"] / 1000,
        p99_ms=summary["p99_us"] / 1000,
        non_2xx=summary["non_2xx"],
        socket_errors=summary["socket_errors"],
        summary=summary,
    )


# --- client overhead -----------------------------------------------------------------------------


def client_overhead(emulator: Server, plan: Plan) -> tuple[list[float], list[float]]:
    """Microseconds per call of the 4-operation mix: raw httpx, then the generated client."""
    base_url = emulator.root_url + emulator.path_prefix
    headers = {"Authorization": f"Bearer {emulator.token}"}

    def names(n: int) -> tuple[str, str]:
        return f"{USER_PREFIX}{n % plan.population}", str(SEED_ROOM_BASE + n % plan.population)

    def raw_call(http: httpx.Client, n: int) -> bool:
        user, room = names(n)
        kind = n % 4
        if kind == 0:
            response = http.put(
                f"/users/{user}/notification/user/{user}",
                json={"type": "NONE", "ignoreInterval": "21:30-08:00", "ignoreDuration": 86400000},
            )
        elif kind == 1:
            response = http.get(f"/users/{user}/notification/user/{user}")
        elif kind == 2:
            response = http.put(
                f"/metadata/chatroom/{room}/user/{user}",
                json={"metaData": ATTRIBUTES, "autoDelete": "DELETE"},
            )
        else:
            response = http.post(f"/metadata/chatroom/{room}", json={"keys": list(ATTRIBUTES)})
        body = response.json()
        return response.status_code == 200 and isinstance(body, dict)

    def generated_call(client: AuthenticatedClient, n: int) -> bool:
        user, room = names(n)
        kind = n % 4
        if kind == 0:
            setting = NotificationSettingRequest(
                type_=PushMode.NONE, ignore_interval="21:30-08:00", ignore_duration=86400000
            )
            parsed: object = set_notification_setting.sync(
                user, ChatType.USER, user, client=client, body=setting
            )
            return isinstance(parsed, NotificationSettingResponse)
        if kind == 1:
            parsed = get_notification_setting.sync(user, ChatType.USER, user, client=client)
            return isinstance(parsed, NotificationSettingResponse)
        if kind == 2:
            attributes = ChatroomAttributesSetRequest(
                meta_data=ChatroomAttributeMap.from_dict(ATTRIBUTES), auto_delete="DELETE"
            )
            parsed = set_chatroom_attributes.sync(room, user, client=client, body=attributes)
            return isinstance(parsed, ChatroomAttributesWriteResponse)
        keys = ChatroomAttributesGetRequest(keys=list(ATTRIBUTES))
        parsed = get_chatroom_attributes.sync(room, client=client, body=keys)
        return isinstance(parsed, ChatroomAttributesGetResponse)

    def timed(call: Callable[[int], bool]) -> float:
        for n in range(min(50, plan.client_calls)):  # warm-up: connection, imports, caches
            call(n)
        failures = 0
        started = time.perf_counter()
        for n in range(plan.client_calls):
            failures += not call(n)
        elapsed = time.perf_counter() - started
        if failures:
            raise RuntimeError(f"{failures} client call(s) did not return the success body")
        return elapsed / plan.client_calls * 1e6

    raw_us: list[float] = []
    generated_us: list[float] = []
    with (
        httpx.Client(base_url=base_url, headers=headers) as http,
        AuthenticatedClient(base_url=base_url, token=emulator.token) as client,
    ):
        for repetition in range(plan.repetitions):
            # Alternate the order, so a drift of the machine does not favour one side.
            order = ["raw", "generated"] if repetition % 2 == 0 else ["generated", "raw"]
            for side in order:
                if side == "raw":
                    raw_us.append(timed(lambda n: raw_call(http, n)))
                else:
                    generated_us.append(timed(lambda n: generated_call(client, n)))
    return raw_us, generated_us


# --- contract-suite cost --------------------------------------------------------------------------


@dataclass
class ContractCost:
    cases: int
    engine_s: float
    server_s: float
    """Sum of the response times schemathesis measured: the time it spent waiting on the server."""
    exit_code: int

    @property
    def cases_per_s(self) -> float:
        return self.cases / self.engine_s if self.engine_s else 0.0


def read_cost(ndjson: Path, exit_code: int) -> ContractCost:
    """Cases (recorded requests) and engine time (EngineStarted to EngineFinished, so without the
    interpreter start and spec loading) from schemathesis's NDJSON event report."""
    cases, server = 0, 0.0
    stamps: dict[str, float] = {}
    with ndjson.open(encoding="utf-8") as events:
        for line in events:
            event: dict[str, Any] = json.loads(line)
            kind, value = next(iter(event.items()))
            if kind in {"EngineStarted", "EngineFinished"}:
                stamps[kind] = value["timestamp"]
            elif kind == "ScenarioFinished":
                for interaction in value["recorder"].get("interactions", {}).values():
                    cases += 1
                    server += (interaction.get("response") or {}).get("elapsed", 0.0)
    engine = stamps.get("EngineFinished", 0.0) - stamps.get("EngineStarted", 0.0)
    return ContractCost(cases, engine, server, exit_code)


def suite_cost(target: Target, report_dir: Path, plan: Plan) -> ContractCost:
    """The project's contract run exactly as scripts/contract-test runs it (fixture data, hooks,
    all checks), with the plan's phases."""
    options = Options(
        report_dir=report_dir,
        max_examples=plan.contract_max_examples,
        phases=plan.contract_phases,
        pacing=False,
    )
    result = run_contract(target, options, echo=lambda _line: None)
    return read_cost(report_dir / "events.ndjson", result.st_exit_code)


def same_cases_cost(target: Target, report_dir: Path, plan: Plan) -> ContractCost:
    """The suite's configuration (seed, deterministic generation, examples per operation) on the
    stateless phases, with only ``not_a_server_error`` and without the suite's hooks.

    Neither server fails that check and nothing else depends on the answers, so schemathesis
    generates and sends the same cases to both servers: the difference in pace is the servers'.
    (The full suite is not comparable: against the trivial app checks fail, which changes what
    schemathesis generates next, and its hooks restore fixture data after every successful
    delete, which the trivial app reports for every delete.)
    """
    report_dir.mkdir(parents=True, exist_ok=True)
    ndjson = report_dir / "events.ndjson"
    # The suite's configuration minus its hooks line: these runs go without the hooks.
    config = report_dir / "schemathesis-no-hooks.toml"
    config.write_text(
        "".join(
            line
            for line in PACKAGED_CONFIG.read_text(encoding="utf-8").splitlines(keepends=True)
            if not line.startswith("hooks =")
        ),
        encoding="utf-8",
    )
    command = [
        str(Path(sys.executable).with_name("st")),
        "--config-file",
        str(config),
        "run",
        str(SPEC),
        "--url",
        target.base_url,
        "--header",
        f"Authorization: Bearer {target.token}",
        "--phases",
        plan.same_cases_phases,
        "--checks",
        "not_a_server_error",
        "--report",
        "ndjson",
        "--report-ndjson-path",
        str(ndjson),
        *(
            ["--max-examples", str(plan.contract_max_examples)]
            if plan.contract_max_examples is not None
            else []
        ),
    ]
    env = {**os.environ, "NO_COLOR": "1"}
    with (report_dir / "schemathesis.log").open("w", encoding="utf-8") as log:
        completed = subprocess.run(
            command,
            env=env,
            cwd=REPO_ROOT,
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
            timeout=600,
            check=False,
        )
    return read_cost(ndjson, completed.returncode)


@contextlib.contextmanager
def contract_target(name: str, out_dir: Path, repetition: int) -> Iterator[Target]:
    """A fresh server for one contract run: the emulator on a new db file, or the trivial app."""
    if name == "emulator":
        db = out_dir / f"contract-{repetition + 1}.db"
        for stale in (db, db.with_name(db.name + "-wal"), db.with_name(db.name + "-shm")):
            stale.unlink(missing_ok=True)
        running = start_emulator(db, "--rate-limits", "off", log=out_dir / "contract-emulator.log")
        try:
            yield Target(running.base_url, running.token, running.client_id, running.client_secret)
        finally:
            stop_emulator(running)
    else:
        server = start_app("trivial", out_dir / "trivial.log")
        try:
            yield Target(server.root_url + server.path_prefix, server.token)
        finally:
            stop_process(server.process)


# --- report --------------------------------------------------------------------------------------


@dataclass
class Results:
    plan: Plan
    cells: list[Cell] = field(default_factory=list)
    loads: dict[tuple[str, int], list[LoadResult]] = field(default_factory=dict)
    raw_us: list[float] = field(default_factory=list)
    generated_us: list[float] = field(default_factory=list)
    contract: dict[str, list[ContractCost]] = field(default_factory=dict)
    seed_s: float = 0.0
    load_before: tuple[float, float, float] = (0.0, 0.0, 0.0)
    load_after: tuple[float, float, float] = (0.0, 0.0, 0.0)
    runtime_s: float = 0.0


def median(values: Sequence[float]) -> float:
    return statistics.median(values) if values else float("nan")


def _reps(values: Sequence[float], fmt: str) -> str:
    joined = " / ".join(format(value, fmt) for value in values)
    return f"{format(median(values), fmt)} ({joined})" if len(values) > 1 else joined


def load_table(results: Results) -> list[str]:
    lines = [
        "| row | server, request mix | conns | req/s | p50 ms | p99 ms | non-2xx |",
        "|---|---|---:|---:|---:|---:|---:|",
    ]
    seen: set[tuple[str, int]] = set()
    for cell in results.cells:
        key = (cell.row, cell.connections)
        if key in seen:
            continue
        seen.add(key)
        runs = results.loads[key]
        lines.append(
            f"| {cell.row} | {ROW_LABELS[cell.row]} | {cell.connections} "
            f"| {_reps([r.requests_per_s for r in runs], ',.0f')} "
            f"| {_reps([r.p50_ms for r in runs], '.2f')} "
            f"| {_reps([r.p99_ms for r in runs], '.2f')} "
            f"| {sum(r.non_2xx + r.socket_errors for r in runs)} |"
        )
    return lines


ROW_LABELS = {
    "1": "emulator, mix (SQLite file, validation on, rate limits off)",
    "2": "Prism mock, GET push setting only",
    "3": "ceiling: bare ASGI fixed JSON, same mix, same uvicorn",
    "3b": "Starlette floor: the trivial app (routes + fixed 200 examples), same mix",
    "6": "emulator, mix, store with the scale data set",
}


def targets(results: Results) -> list[tuple[str, float, str, bool]]:
    """(what, measured, goal, met) for each target of issue 6."""

    def rps(row: str, conns: int) -> float:
        return median([r.requests_per_s for r in results.loads.get((row, conns), [])])

    def p(row: str, conns: int, which: str) -> float:
        return median([getattr(r, which) for r in results.loads.get((row, conns), [])])

    rows: list[tuple[str, float, str, bool]] = []
    for conns in results.plan.connections:
        ratio = rps("1", conns) / rps("2", conns)
        rows.append((f"emulator mix / Prism GET, req/s, c={conns}", ratio, ">= 5", ratio >= 5))
    for conns in results.plan.connections:
        ratio = rps("1", conns) / rps("3", conns)
        rows.append((f"emulator mix / ceiling, req/s, c={conns}", ratio, ">= 0.5", ratio >= 0.5))
    p99 = p("1", 16, "p99_ms")
    rows.append(("emulator mix p99 at c=16, ms", p99, "<= 10", p99 <= 10))
    client = median(results.generated_us) / median(results.raw_us)
    rows.append(("generated client / raw httpx, time per call", client, "<= 1.15", client <= 1.15))
    contract = cases_per_s(results, "same-emulator") / cases_per_s(results, "same-trivial")
    rows.append(
        ("schemathesis cases/s, emulator / trivial app", contract, ">= 0.9", contract >= 0.9)
    )
    for conns in results.plan.connections:
        for which, name in (("p50_ms", "p50"), ("p99_ms", "p99")):
            ratio = p("6", conns, which) / p("1", conns, which)
            rows.append(
                (f"scale / empty store, {name} latency, c={conns}", ratio, "<= 1.3", ratio <= 1.3)
            )
    return rows


def cases_per_s(results: Results, run: str) -> float:
    return median([cost.cases_per_s for cost in results.contract.get(run, [])])


def contract_table(results: Results) -> list[str]:
    plan = results.plan
    lines = [
        "| run | server | cases | engine s | cases/s | s waiting on server | st exit |",
        "|---|---|---:|---:|---:|---:|---|",
    ]
    for run, label, server in (
        ("suite-emulator", f"the contract suite, phases {plan.contract_phases}", "emulator"),
        ("same-emulator", f"same cases, phases {plan.same_cases_phases}", "emulator"),
        ("same-trivial", f"same cases, phases {plan.same_cases_phases}", "trivial app"),
    ):
        costs = results.contract.get(run, [])
        lines.append(
            f"| {label} | {server} | {_reps([float(c.cases) for c in costs], '.0f')} "
            f"| {_reps([c.engine_s for c in costs], '.1f')} "
            f"| {_reps([c.cases_per_s for c in costs], '.1f')} "
            f"| {_reps([c.server_s for c in costs], '.1f')} "
            f"| {', '.join(str(c.exit_code) for c in costs)} |"
        )
    suite = results.contract.get("suite-emulator", [])
    emulator_pace, trivial_pace = (
        cases_per_s(results, "same-emulator"),
        cases_per_s(results, "same-trivial"),
    )
    if suite and emulator_pace and trivial_pace:
        waiting = median([c.server_s / c.engine_s for c in suite if c.engine_s])
        extra_ms = (1 / emulator_pace - 1 / trivial_pace) * 1000
        lines += [
            "",
            f"In the contract suite, schemathesis spends {waiting:.0%} of its time waiting for the "
            f"emulator's responses (request, loopback and response included). On the same cases "
            f"a case costs {1000 / emulator_pace:.2f} ms against the emulator and "
            f"{1000 / trivial_pace:.2f} ms against the trivial app ({extra_ms:+.2f} ms).",
        ]
    return lines


def report(results: Results, conditions: list[str]) -> str:
    plan = results.plan
    lines = ["### Load (rows 1-3b, 6): wrk, median of the repetitions (each repetition)", ""]
    lines += load_table(results)
    lines += [
        "",
        f"### Client overhead (row 4): {plan.client_calls} calls of the same mix, one at a time",
        "",
        "| client | µs per call |",
        "|---|---:|",
        f"| raw `httpx.Client` (+ `response.json()`) | {_reps(results.raw_us, ',.0f')} |",
        f"| generated `agora_chat_client` (`sync`, parsed models) "
        f"| {_reps(results.generated_us, ',.0f')} |",
        "",
        "### Contract-suite cost (row 5): schemathesis, fresh server per run",
        "",
    ]
    lines += contract_table(results)
    lines += ["", "### Targets (ratios from this run)", "", "| target | measured | goal | met |"]
    lines.append("|---|---:|---|---|")
    for what, measured, goal, met in targets(results):
        lines.append(f"| {what} | {measured:.2f} | {goal} | {'yes' if met else '**no**'} |")
    lines += ["", "### Conditions", ""]
    lines += [f"- {condition}" for condition in conditions]
    return "\n".join(lines) + "\n"


def conditions(results: Results, plan: Plan) -> list[str]:
    def version(package: str) -> str:
        try:
            return metadata.version(package)
        except metadata.PackageNotFoundError:
            return "not installed"

    def command_output(*command: str) -> str:
        try:
            completed = subprocess.run(
                command, capture_output=True, text=True, timeout=60, check=False
            )
        except OSError:
            return "not found"
        lines = (completed.stdout + completed.stderr).strip().splitlines()
        return lines[0] if lines else ""

    cpu = "unknown CPU"
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text(encoding="utf-8").splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    stack = server_config(None, "warning")
    commit = command_output("git", "-C", str(REPO_ROOT), "rev-parse", "--short", "HEAD")
    dirty = command_output(
        "git", "-C", str(REPO_ROOT), "status", "--short", "--", "src", "bench", ":!bench/RESULTS.md"
    )
    changes = "" if dirty in {"", "not found"} else " (uncommitted changes in src/ or bench/)"
    packages = ", ".join(
        f"{name} {version(name)}"
        for name in (
            "uvicorn",
            "httptools",
            "uvloop",
            "starlette",
            "jsonschema-rs",
            "httpx",
            "schemathesis",
            "hypothesis",
        )
    )
    return [
        f"Date {datetime.now(UTC):%Y-%m-%d %H:%M} UTC, commit {commit}{changes}",
        f"Machine: {os.cpu_count()} cores ({cpu}), {platform.system()} {platform.release()}; "
        f"every server and the load generator share these cores",
        f"Load average (1/5/15 min) before {_loadavg(results.load_before)}, "
        f"after {_loadavg(results.load_after)}",
        f"Python {platform.python_version()}, SQLite {sqlite3.sqlite_version}; {packages}",
        f"Load generator: {command_output('wrk', '-v')}, 1 thread, keep-alive connections, "
        f"`bench/load.lua`; node {command_output('node', '--version')}, "
        f"@stoplight/prism-cli {command_output(str(PRISM), '--version')} (`-v error`)",
        f"Each server: {plan.first_warmup_s} s of load (discarded) before the first cell; "
        f"each cell: {plan.warmup_s} s warm-up (discarded) + {plan.measure_s} s measured, "
        f"{plan.repetitions} repetition(s) interleaved across the servers; "
        f"connections {', '.join(map(str, plan.connections))}",
        "Server stack for the emulator, the ceiling and the trivial app: one uvicorn process "
        f"with `agora_chat_emulator.server.server_config` (loop {stack.loop}, http {stack.http}, "
        "log level warning, access log off, lifespan off) on a `server.listen` socket "
        "(TCP_NODELAY)",
        f"Emulator: `agora-chat-emulator serve --db FILE --rate-limits off` (request validation "
        f"on, SQLite WAL file); mix over {plan.population} users and their rooms "
        f"(row 1) or over all of the scale data set (row 6)",
        f"Scale data set (row 6): seed.bulk_seed of {plan.scale_users:,} users, "
        f"{plan.scale_rooms:,} rooms, {plan.scale_attributes:,} attributes into the db file "
        f"before the server starts ({results.seed_s:.1f} s)",
        f"Client overhead: {plan.client_calls} sequential calls per repetition after 50 warm-up "
        f"calls, against the row-1 emulator, raw and generated alternating",
        "Contract: schemathesis with `src/agora_chat_contract/schemathesis.toml` (seed 42, "
        "deterministic generation, 1 worker, max-examples "
        + ("20" if plan.contract_max_examples is None else str(plan.contract_max_examples))
        + "); the suite run is `agora_chat_contract.runner.run_contract` (fixture data, hooks, "
        "all checks); the "
        "same-cases runs use only not_a_server_error and no hooks, emulator and trivial app "
        f"alternating; {plan.contract_repetitions} repetition(s); cases/s over schemathesis's "
        "engine time (no start-up)",
        f"Whole command: {results.runtime_s:.0f} s",
    ]


def _loadavg(values: tuple[float, float, float]) -> str:
    return " / ".join(f"{value:.2f}" for value in values)


# --- the run -------------------------------------------------------------------------------------


def run(plan: Plan, out_dir: Path, say: Callable[[str], None]) -> Results:
    results = Results(plan=plan, load_before=os.getloadavg())
    started = time.perf_counter()
    out_dir.mkdir(parents=True, exist_ok=True)
    for tool, hint in (("wrk", "apt-get install wrk"), (str(PRISM), "./scripts/bootstrap")):
        if shutil.which(tool) is None:
            raise click.ClickException(f"{tool} not found ({hint})")
    say(
        f"seeding the scale store: {plan.scale_users:,} users, {plan.scale_rooms:,} rooms, "
        f"{plan.scale_attributes:,} attributes"
    )
    results.seed_s = seed(
        out_dir / "scale.db",
        users=plan.scale_users,
        rooms=plan.scale_rooms,
        attributes=plan.scale_attributes,
    )
    seed(out_dir / "empty.db", users=plan.population, rooms=plan.population, attributes=0)
    with contextlib.ExitStack() as servers:

        def emulator(db: str) -> Server:
            running = start_emulator(
                out_dir / db, "--rate-limits", "off", log=out_dir / f"{db}.log"
            )
            servers.callback(stop_emulator, running)
            return emulator_server(db, running)

        def app(make: Callable[[], Server]) -> Server:
            server = make()
            servers.callback(stop_process, server.process)
            return server

        empty = emulator("empty.db")
        scale = emulator("scale.db")
        prism = app(lambda: start_prism(out_dir / "prism.log"))
        ceiling = app(lambda: start_app("ceiling", out_dir / "ceiling.log"))
        floor = app(lambda: start_app("trivial", out_dir / "trivial.log"))
        say(
            f"servers: emulator pid {empty.process.pid}, scale emulator pid {scale.process.pid}, "
            f"prism pid {prism.process.pid}, ceiling pid {ceiling.process.pid}, "
            f"trivial app pid {floor.process.pid}"
        )
        for conns in plan.connections:
            results.cells += [
                Cell("1", empty, "mix", conns, plan.population),
                Cell("2", prism, "get", conns, 1),
                Cell("3", ceiling, "mix", conns, plan.population),
                Cell("3b", floor, "mix", conns, plan.population),
                Cell("6", scale, "mix", conns, min(plan.scale_users, plan.scale_rooms)),
            ]
        results.cells.sort(key=lambda cell: (cell.row, cell.connections))
        if plan.first_warmup_s:
            # Once per server, before any measurement: a server's first seconds under load
            # (caches filling, the first WAL file growing) are not its steady state.
            for cell in results.cells:
                if cell.connections == plan.connections[0]:
                    wrk(cell, plan.first_warmup_s)
        for repetition in range(plan.repetitions):
            for cell in results.cells:
                if plan.warmup_s:
                    wrk(cell, plan.warmup_s)
                measured = wrk(cell, plan.measure_s)
                results.loads.setdefault((cell.row, cell.connections), []).append(measured)
                say(
                    f"rep {repetition + 1} row {cell.row} {cell.server.name} c={cell.connections}:"
                    f" {measured.requests_per_s:,.0f} req/s p50 {measured.p50_ms:.2f} ms"
                    f" p99 {measured.p99_ms:.2f} ms non-2xx {measured.non_2xx}"
                )
        say(f"client overhead: {plan.client_calls} calls x {plan.repetitions} per client")
        results.raw_us, results.generated_us = client_overhead(empty, plan)
    for repetition in range(plan.contract_repetitions):
        # Alternate the order of the same-cases runs, so a drift of the machine favours neither.
        order = ["emulator", "trivial"] if repetition % 2 == 0 else ["trivial", "emulator"]
        for kind, name in [("suite", "emulator")] + [("same", name) for name in order]:
            measure = suite_cost if kind == "suite" else same_cases_cost
            with contract_target(name, out_dir, repetition) as target:
                report_dir = out_dir / "contract" / f"{kind}-{name}-{repetition + 1}"
                cost = measure(target, report_dir, plan)
            results.contract.setdefault(f"{kind}-{name}", []).append(cost)
            say(
                f"contract rep {repetition + 1} {kind} {name}: {cost.cases} cases in "
                f"{cost.engine_s:.1f} s = {cost.cases_per_s:.1f} cases/s, "
                f"{cost.server_s:.1f} s waiting on the server (st exit {cost.exit_code})"
            )
    results.load_after = os.getloadavg()
    results.runtime_s = time.perf_counter() - started
    return results


def row1(plan: Plan, out_dir: Path, say: Callable[[str], None]) -> None:
    """Row 1 alone (the emulator on the mix), for a before/after comparison of one change."""
    out_dir.mkdir(parents=True, exist_ok=True)
    seed(out_dir / "empty.db", users=plan.population, rooms=plan.population, attributes=0)
    running = start_emulator(
        out_dir / "empty.db", "--rate-limits", "off", log=out_dir / "empty.db.log"
    )
    try:
        server = emulator_server("empty.db", running)
        cells = [Cell("1", server, "mix", conns, plan.population) for conns in plan.connections]
        if plan.first_warmup_s:
            wrk(cells[0], plan.first_warmup_s)
        measured: dict[int, list[float]] = {}
        for _repetition in range(plan.repetitions):
            for cell in cells:
                if plan.warmup_s:
                    wrk(cell, plan.warmup_s)
                measured.setdefault(cell.connections, []).append(
                    wrk(cell, plan.measure_s).requests_per_s
                )
    finally:
        stop_emulator(running)
    for conns, values in measured.items():
        say(f"row 1 c={conns}: median {median(values):,.0f} req/s ({_joined(values)})")


def _joined(values: list[float]) -> str:
    return " / ".join(f"{value:,.0f}" for value in values)


@click.command()
@click.option(
    "--row1",
    "only_row1",
    is_flag=True,
    help="Measure row 1 only and print it (no report written): for before/after comparisons.",
)
@click.option(
    "--emulator-src",
    type=click.Path(file_okay=False, exists=True, path_type=Path),
    help="Run the emulator from this src/ directory (e.g. a checkout of a baseline commit).",
)
@click.option(
    "--quick",
    is_flag=True,
    help="Tiny load for the smoke test: 1 s per cell, 1 repetition, 1,000 scale attributes.",
)
@click.option(
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    default=BENCH_DIR / "RESULTS.md",
    show_default=True,
    help="Where the Markdown table and conditions go.",
)
@click.option(
    "--out-dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=BENCH_DIR / "out",
    show_default=True,
    help="Scratch space: SQLite files, server logs, schemathesis reports.",
)
def main(
    *, only_row1: bool, emulator_src: Path | None, quick: bool, output: Path, out_dir: Path
) -> None:
    """Benchmark the emulator against Prism mock, a bare ASGI ceiling and a trivial app."""
    plan = QUICK if quick else FULL

    def say(message: str) -> None:
        click.echo(f"bench: {message}", err=True)

    if emulator_src is not None:
        # Read by the emulator processes started from here on, not by this one.
        os.environ["PYTHONPATH"] = str(emulator_src.resolve())
    if only_row1:
        row1(plan, out_dir, say)
        return

    load = os.getloadavg()[0]
    if load > (os.cpu_count() or 1) / 2:
        say(f"warning: load average {load:.2f} before the run; numbers will be low and noisy")
    results = run(plan, out_dir, say)
    body = report(results, conditions(results, plan))
    title = "# Benchmark results"
    if quick:
        title += " (--quick: smoke-test load, not a measurement)"
    header = [
        title,
        "",
        "Written by `./bench/run`"
        + (" --quick" if quick else "")
        + "; what each row measures: README.md, section Benchmarks.",
        "",
    ]
    output.parent.mkdir(parents=True, exist_ok=True)
    notes = ""
    if output.exists():
        previous = output.read_text(encoding="utf-8")
        if NOTES_HEADING in previous:
            notes = "\n" + NOTES_HEADING + previous.split(NOTES_HEADING, 1)[1]
    output.write_text("\n".join(header) + "\n" + body + notes, encoding="utf-8")
    click.echo(body)
    click.echo(f"written: {output}")


if __name__ == "__main__":
    main()
