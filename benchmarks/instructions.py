"""Count the instructions a build executes: a figure another tenant's load cannot move.

On a shared machine the same build's time varies by a third from one run to the
next (the host's other load slows the CPU and its caches; user time moves with
it), so a difference of 10 % between two layouts cannot be judged from times.
The instructions a build executes are the work it does, the same on every run:
valgrind's cachegrind runs it on a synthetic CPU (about eight times slower) and
counts them, Pagefind's and every other child process's included. They do not
show what waiting on memory or the disk costs: they stand beside the times, not
for them. Needs valgrind (Debian: ``apt-get install valgrind``).
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path


def available() -> bool:
    """Whether valgrind can be run here."""
    return shutil.which("valgrind") is not None


def counted(command: list[str], folder: Path, timeout: float, env: dict | None = None) -> int:
    """Run ``command`` under cachegrind; the instructions it and its children executed."""
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.glob("cachegrind.*.out"):
        old.unlink()
    valgrind = ["valgrind", "--tool=cachegrind", "--cache-sim=no", "--trace-children=yes"]
    valgrind.append(f"--cachegrind-out-file={folder / 'cachegrind.%p.out'}")
    result = subprocess.run(
        valgrind + command, capture_output=True, text=True, timeout=timeout, check=False, env=env
    )
    if result.returncode:
        raise RuntimeError(f"{command} failed under valgrind:\n{result.stderr[-2000:]}")
    total = 0
    for out in folder.glob("cachegrind.*.out"):
        # "summary: N": the instructions (cachegrind's only event without cache simulation).
        summary = next(line for line in out.read_text().splitlines() if line.startswith("summary:"))
        total += int(summary.split()[1])
    return total
