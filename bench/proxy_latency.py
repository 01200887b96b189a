"""What ``agora-chat-contract proxy`` adds to a request's latency on loopback (bench row 7).

One emulator (rate limits off) and one proxy in front of it; wrk sends the GET of
``bench/load.lua`` (``BENCH_MODE=get``) directly and through the proxy, alternating, in the same
run. Prints a Markdown table of the medians (and each repetition) and the added p50/p99.

    .venv/bin/python bench/proxy_latency.py [--seconds 8] [--repetitions 3]
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


def measure(server: Server, connections: int, seconds: int) -> dict[str, float]:
    """One wrk cell (``benchmark.wrk``), refused when any request failed."""
    result = wrk(Cell("7", server, "get", connections, 1), seconds)
    if result.non_2xx or result.socket_errors:
        raise RuntimeError(f"wrk saw errors: {result.summary}")
    return result.summary


def cell(runs: list[dict[str, float]], key: str) -> str:
    values = [run[key] / 1000 for run in runs]
    each = " / ".join(f"{value:.2f}" for value in values)
    return f"{statistics.median(values):.2f} ({each})"


@click.command()
@click.option("--seconds", default=8, show_default=True, help="Measured seconds per cell.")
@click.option("--repetitions", default=3, show_default=True)
@click.option("--connections", "connection_counts", default="16,1", show_default=True)
def main(seconds: int, repetitions: int, connection_counts: str) -> None:
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
            results: dict[tuple[str, int], list[dict[str, float]]] = {}
            for connections in [int(c) for c in connection_counts.split(",")]:
                for _ in range(repetitions):
                    for server in servers:
                        measure(server, connections, WARM_UP_S)
                        results.setdefault((server.name, connections), []).append(
                            measure(server, connections, seconds)
                        )
        finally:
            _code, table = proxy.stop()
            stop_emulator(emulator)
        violations = report.read_text(encoding="utf-8")
    load_after = os.getloadavg()
    click.echo("| target | conns | req/s | p50 ms | p99 ms |")
    click.echo("|---|---:|---:|---:|---:|")
    for (name, connections), runs in results.items():
        rates = [run["requests"] / (run["duration_us"] / 1e6) for run in runs]
        click.echo(
            f"| {name} | {connections} | {statistics.median(rates):,.0f} | "
            f"{cell(runs, 'p50_us')} | {cell(runs, 'p99_us')} |"
        )
    click.echo("")
    for connections in sorted({c for _, c in results}, reverse=True):
        direct, proxied = results[("direct", connections)], results[("proxy", connections)]
        for key in ("p50_us", "p99_us"):
            added = statistics.median(
                (p[key] - d[key]) / 1000 for d, p in zip(direct, proxied, strict=True)
            )
            click.echo(f"added {key[:3]} at {connections} connection(s): {added:.2f} ms")
    click.echo(f"\nload average before {load_before}, after {load_after}")
    click.echo(f"violations reported: {len(violations.splitlines())}")
    click.echo(table.splitlines()[-1])


if __name__ == "__main__":
    main()
