"""Regenerate the Python client in generated/ from openapi.yaml: ./scripts/generate-client.

    ./scripts/generate-client            rewrite generated/ from openapi.yaml
    ./scripts/generate-client --check    regenerate into a temporary directory and exit 1, naming
                                         the command to run, if generated/ differs from it

``--spec`` and ``--output`` point it at another description or target directory (the tests use
them to exercise the check without touching the repository). generated/ is 100 % generator output:
change it through openapi.yaml or scripts/client-config.yaml, never by hand.
"""

from __future__ import annotations

import argparse
import difflib
import importlib.metadata
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEFAULT_SPEC = REPO / "openapi.yaml"
DEFAULT_OUTPUT = REPO / "generated"
CONFIG = REPO / "scripts" / "client-config.yaml"
COMMAND = "./scripts/generate-client"

GENERATOR = "openapi-python-client"
GENERATOR_VERSION = "0.29.1"
# `--meta uv` selects a PEP 621 pyproject.toml; templates/pyproject.toml.jinja replaces its build
# backend (uv_build<0.13, not the uv the project locks) with the root project's hatchling.
META = "uv"
# Custom templates: the client's defaults (timeout, retries), typed errors, the app-token auth and
# the package README. See docs/decisions.md D64.
TEMPLATES = REPO / "scripts" / "client-templates"
PACKAGE_DIR = "agora_chat_client"

# What Python and the tools leave inside generated/ once it is installed (editable) and checked.
IGNORED_NAMES = frozenset({"__pycache__", ".mypy_cache", ".ruff_cache", ".pytest_cache"})
IGNORED_SUFFIXES = (".pyc",)
MAX_DIFF_LINES = 60


class GenerationError(Exception):
    """The generator failed or the target directory is not one it may overwrite."""


def generate(spec: Path, destination: Path) -> float:
    """Run the pinned generator on ``spec`` into the new ``destination``; return seconds."""
    installed = importlib.metadata.version(GENERATOR)
    if installed != GENERATOR_VERSION:
        raise GenerationError(
            f"{GENERATOR} {installed} is installed, this project pins {GENERATOR_VERSION}: "
            "run ./scripts/bootstrap"
        )
    bin_dir = Path(sys.executable).parent
    # The post-hooks in the config call `ruff`: make it the venv's locked one.
    env = {**os.environ, "PATH": f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}"}
    command = [
        str(bin_dir / GENERATOR),
        "generate",
        "--path",
        str(spec),
        "--config",
        str(CONFIG),
        "--meta",
        META,
        "--custom-template-path",
        str(TEMPLATES),
        "--output-path",
        str(destination),
        "--fail-on-warning",
    ]
    started = time.perf_counter()
    result = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    elapsed = time.perf_counter() - started
    if result.returncode != 0:
        raise GenerationError(
            f"{GENERATOR} failed (exit {result.returncode}):\n{result.stdout}{result.stderr}"
        )
    return elapsed


def tree_files(root: Path) -> dict[str, Path]:
    """Files under ``root`` by POSIX relative path, without caches."""
    files: dict[str, Path] = {}
    for directory, subdirectories, names in os.walk(root):
        subdirectories[:] = sorted(d for d in subdirectories if d not in IGNORED_NAMES)
        for name in names:
            if name in IGNORED_NAMES or name.endswith(IGNORED_SUFFIXES):
                continue
            path = Path(directory) / name
            files[path.relative_to(root).as_posix()] = path
    return files


def differences(current: Path, fresh: Path) -> list[str]:
    """Human-readable differences between the committed tree and a fresh generation."""
    ours, theirs = tree_files(current), tree_files(fresh)
    found = [f"not generated any more: {name}" for name in sorted(ours.keys() - theirs.keys())]
    found += [f"missing: {name}" for name in sorted(theirs.keys() - ours.keys())]
    for name in sorted(ours.keys() & theirs.keys()):
        old, new = ours[name].read_bytes(), theirs[name].read_bytes()
        if old != new:
            diff = difflib.unified_diff(
                old.decode(errors="replace").splitlines(),
                new.decode(errors="replace").splitlines(),
                f"{current.name}/{name}",
                f"fresh/{name}",
                lineterm="",
            )
            found.append(f"differs: {name}\n" + "\n".join(diff))
    return found


def replace_tree(target: Path, fresh: Path) -> None:
    """Make ``target`` a copy of ``fresh``, refusing to wipe what is not a generated client."""
    if target.exists():
        if any(target.iterdir()) and not (target / PACKAGE_DIR).is_dir():
            raise GenerationError(
                f"{target} is not empty and holds no {PACKAGE_DIR}/: not overwriting it"
            )
        shutil.rmtree(target)
    shutil.copytree(fresh, target)


def command_line(spec: Path, output: Path, *, check: bool) -> str:
    parts = [COMMAND]
    if spec != DEFAULT_SPEC:
        parts += ["--spec", str(spec)]
    if output != DEFAULT_OUTPUT:
        parts += ["--output", str(output)]
    if check:
        parts.append("--check")
    return " ".join(parts)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--check",
        action="store_true",
        help="regenerate into a temporary directory; exit 1 if the output directory differs",
    )
    parser.add_argument("--spec", type=Path, default=DEFAULT_SPEC, help="default: openapi.yaml")
    parser.add_argument("--output", type=Path, default=DEFAULT_OUTPUT, help="default: generated/")
    args = parser.parse_args(argv)
    spec: Path = args.spec.resolve()
    output: Path = args.output.resolve()

    with tempfile.TemporaryDirectory(prefix="agora-chat-client-") as scratch:
        fresh = Path(scratch) / "generated"
        try:
            elapsed = generate(spec, fresh)
        except GenerationError as error:
            print(f"generate-client: {error}", file=sys.stderr)
            return 2
        print(
            f"generate-client: generated {spec.name} with {GENERATOR} {GENERATOR_VERSION} "
            f"in {elapsed:.1f} s"
        )

        if args.check:
            found = differences(output, fresh) if output.is_dir() else [f"missing: {output}"]
            if not found:
                print(f"generate-client: {output} is up to date")
                return 0
            report = "\n".join(found).splitlines()
            print("\n".join(report[:MAX_DIFF_LINES]), file=sys.stderr)
            if len(report) > MAX_DIFF_LINES:
                print(f"... ({len(report) - MAX_DIFF_LINES} more lines)", file=sys.stderr)
            print(
                f"generate-client: FAILED: {output} is out of date with {spec} "
                f"({len(found)} file(s)). Run: {command_line(spec, output, check=False)}",
                file=sys.stderr,
            )
            return 1

        pyproject_changed = (output / "pyproject.toml").is_file() and (
            (output / "pyproject.toml").read_bytes() != (fresh / "pyproject.toml").read_bytes()
        )
        try:
            replace_tree(output, fresh)
        except GenerationError as error:
            print(f"generate-client: {error}", file=sys.stderr)
            return 2
    print(f"generate-client: wrote {output}")
    if pyproject_changed and output == DEFAULT_OUTPUT:
        print(
            "generate-client: generated/pyproject.toml changed: "
            "run .venv/bin/uv lock, then ./scripts/bootstrap"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
