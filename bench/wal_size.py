"""How large the write-ahead log grows under writes that never pause (D45), against a baseline.

Writes attribute sets through the store as fast as one thread can, for a fixed time, with the
checkpointer as ``serve`` runs it, and samples the ``-wal`` file's size after every write. The
baseline is the same run with only PASSIVE checkpoints (the log is never finished under the
store's lock); the ratio of the two largest sizes is the figure, both measured in this run.
tests/emulator/test_wal_checkpoints.py counts restarts instead: a size depends on the machine.

    .venv/bin/python bench/wal_size.py [--seconds 10] [--interval-s 0.5] [--restart-frames 16384]
"""

from __future__ import annotations

import os
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import click

from agora_chat_emulator import sqlite as sqlite_module
from agora_chat_emulator.clock import Clock
from agora_chat_emulator.seed import SEED_ROOM_BASE, bulk_seed
from agora_chat_emulator.store import Store

MIB = 1024 * 1024
ROOMS = 50


@dataclass
class Growth:
    writes: int
    largest_bytes: int
    final_bytes: int


def grow(db: Path, seconds: float) -> Growth:
    """Writes for ``seconds`` with the checkpointer as ``sqlite_module`` is configured now."""
    store = Store(str(db), Clock(), client_id="bench", client_secret="bench")  # noqa: S106
    wal = db.with_name(db.name + "-wal")
    try:
        bulk_seed(store, users=ROOMS, rooms=ROOMS, attributes=0, prefix="u")
        writes, largest = 0, 0
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            n = writes % ROOMS
            store.set_attributes(
                str(SEED_ROOM_BASE + n), f"u{n}", {"k": str(writes)}, "DELETE", forced=False
            )
            writes += 1
            largest = max(largest, wal.stat().st_size)
        return Growth(writes, largest, wal.stat().st_size)
    finally:
        store.close()


@click.command()
@click.option("--seconds", default=10.0, show_default=True, help="Writing time per run.")
@click.option("--interval-s", default=sqlite_module.CHECKPOINT_INTERVAL_S, show_default=True)
@click.option("--restart-frames", default=sqlite_module.WAL_RESTART_FRAMES, show_default=True)
def main(seconds: float, interval_s: float, restart_frames: int) -> None:
    load_before = os.getloadavg()
    runs: dict[str, Growth] = {}
    with tempfile.TemporaryDirectory(prefix="wal-bench-") as scratch:
        # Module constants, as the checkpointer reads them at each round.
        sqlite_module.CHECKPOINT_INTERVAL_S = interval_s  # type: ignore[misc]
        for name, frames in (("store (D45)", restart_frames), ("PASSIVE only", 2**62)):
            sqlite_module.WAL_RESTART_FRAMES = frames  # type: ignore[misc]
            runs[name] = grow(Path(scratch) / f"{len(runs)}.db", seconds)
    load_after = os.getloadavg()
    click.echo("| checkpoints | writes | largest -wal MiB | final -wal MiB |")
    click.echo("|---|---:|---:|---:|")
    for name, run in runs.items():
        click.echo(
            f"| {name} | {run.writes} | {run.largest_bytes / MIB:.1f} | "
            f"{run.final_bytes / MIB:.1f} |"
        )
    store, baseline = runs.values()
    click.echo(
        f"\nlargest log, store / PASSIVE only: {store.largest_bytes / baseline.largest_bytes:.2f} "
        f"({seconds:g} s each, checkpoint every {interval_s:g} s, restart past "
        f"{restart_frames} pages; load {load_before[0]:.2f} -> {load_after[0]:.2f})"
    )


if __name__ == "__main__":
    main()
