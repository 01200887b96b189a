"""What ``agora-chat-contract proxy`` adds to a request's latency on loopback (bench row 7).

One emulator (rate limits off) and one proxy in front of it; wrk sends the GET of
``bench/load.lua`` (``BENCH_MODE=get``) directly and through the proxy, alternating, in the same
run, under two loads at the same number of connections:

- paced: a fixed offered rate (``--rate``) well below what either path can serve, so the
  difference of the latencies is the proxy's own cost, not queueing in front of it;
- saturation: wrk's closed loop at full speed, where latency is connections / throughput, so
  what it compares is the throughput.

Prints a Markdown table of the medians (and each repetition), the added p50/p99 at the fixed
rate and the throughput ratio at saturation, each against the direct baseline of the same run.

    .venv/bin/python bench/proxy_latency.py [--seconds 8] [--repetitions 3] [--rate 500]
"""

from __future__ import annotations

import os
import statistics
import tempfile
from pathlib import Path

import click

from agora_chat_contract.proxy import start_proxy
from agora_chat_emulator.process import start_emulator, stop_emulator
from benchmark import Cell, Server, wrk

WARM_UP_S = 2
LOADS = ("paced", "saturation")


def measure(server: Server, connections: int, seconds: int, think_ms: float) -> dict[str, float]:
    """One wrk cell (``benchmark.wrk``), refused when any request failed."""
    result = wrk(Cell("7", server, "get", connections, 1), seconds, think_ms=think_ms)
    if result.non_2xx or result.socket_errors:
        raise RuntimeError(f"wrk saw errors: {result.summary}")
    return result.summary


def rate(run: dict[str, float]) -> float:
    return run["requests"] / (run["duration_us"] / 1e6)


def cell(values: list[float], digits: int = 2) -> str:
    each = " / ".join(f"{value:,.{digits}f}" for value in values)
    return f"{statistics.median(values):,.{digits}f} ({each})"


@click.command()
@click.option("--seconds", default=8, show_default=True, help="Measured seconds per cell.")
@click.option("--repetitions", default=3, show_default=True)
@click.option("--connections", default=16, show_default=True)
@click.option(
    "--rate",
    "offered_rate",
    default=500,
    show_default=True,
    help="Offered requests/s of the paced load, all connections together.",
)
def main(seconds: int, repetitions: int, connections: int, offered_rate: int) -> None:
    think_ms = {"paced": connections / offered_rate * 1000, "saturation": 0.0}
    load_before = os.getloadavg()
    with tempfile.TemporaryDirectory(prefix="proxy-bench-") as scratch:
        emulator = start_emulator(Path(scratch) / "bench.db", "--rate-limits", "off")
        report = Path(scratch) / "violations.ndjson"
        proxy = start_proxy(emulator.root_url, "--report", str(report))
        try:
            registered = emulator.http.post(
                f"{emulator.base_url}/users",
                json=[{"username": "alice"}],
                headers=emulator.auth_headers,
            )
            registered.raise_for_status()
            prefix = f"/{emulator.org}/{emulator.app}"
            servers = [
                Server(name, url, prefix, emulator.token, process)
                for name, url, process in [
                    ("direct", emulator.root_url, emulator.process),
                    ("proxy", proxy.url, proxy.process),
                ]
            ]
            results: dict[tuple[str, str], list[dict[str, float]]] = {}
            for load in LOADS:
                for _ in range(repetitions):
                    for server in servers:
                        measure(server, connections, WARM_UP_S, think_ms[load])
                        results.setdefault((load, server.name), []).append(
                            measure(server, connections, seconds, think_ms[load])
                        )
        finally:
            _code, table = proxy.stop()
            stop_emulator(emulator)
        violations = report.read_text(encoding="utf-8")
    load_after = os.getloadavg()
    click.echo(f"{connections} connections; paced: mean think time {think_ms['paced']:.1f} ms")
    click.echo("")
    click.echo("| load | target | req/s | p50 ms | p99 ms |")
    click.echo("|---|---|---:|---:|---:|")
    for (load, name), runs in results.items():
        click.echo(
            f"| {load} | {name} | {cell([rate(run) for run in runs], 0)} | "
            f"{cell([run['p50_us'] / 1000 for run in runs])} | "
            f"{cell([run['p99_us'] / 1000 for run in runs])} |"
        )
    click.echo("")
    pairs = {
        load: zip(results[(load, "direct")], results[(load, "proxy")], strict=True)
        for load in LOADS
    }
    paced = list(pairs["paced"])
    for key in ("p50_us", "p99_us"):
        added = [(p[key] - d[key]) / 1000 for d, p in paced]
        click.echo(f"added {key[:3]} at {offered_rate} req/s offered: {cell(added)} ms")
    ratios = [rate(p) / rate(d) for d, p in pairs["saturation"]]
    click.echo(f"saturation throughput, proxy / direct: {cell(ratios)}")
    click.echo(f"\nload average before {load_before}, after {load_after}")
    click.echo(f"violations reported: {len(violations.splitlines())}")
    click.echo(table.splitlines()[-1])


if __name__ == "__main__":
    main()
