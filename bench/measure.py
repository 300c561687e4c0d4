"""Running a command as a benchmark: wall-clock time from spawn to exit, under a
pseudo-terminal or with its output to a file, and its own peak memory."""

from __future__ import annotations

import fcntl
import os
import shlex
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PTY_COLUMNS, PTY_ROWS = 160, 48


@dataclass
class Run:
    seconds: float
    maxrss_kib: int
    returncode: int
    stderr: str
    output_bytes: int = 0


def _drain(fd: int, sink: list[int]) -> None:
    while True:
        try:
            chunk = os.read(fd, 65536)
        except OSError:  # EIO: the child closed the terminal
            return
        if not chunk:
            return
        sink[0] += len(chunk)


def run_once(argv: list[str], env: dict[str, str], output: str | Path = "devnull",
             cwd: Path = ROOT) -> Run:
    """Run argv once; `output` is "devnull", "pty" or a file path for stdout."""
    with tempfile.TemporaryFile() as err:
        master = slave = None
        sink = [0]
        reader = None
        stdout_file = None
        if output == "pty":
            master, slave = os.openpty()
            fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", PTY_ROWS, PTY_COLUMNS, 0, 0))
            stdout, stdin = slave, slave
            reader = threading.Thread(target=_drain, args=(master, sink), daemon=True)
            reader.start()
        elif output == "devnull":
            stdout, stdin = subprocess.DEVNULL, subprocess.DEVNULL
        else:
            stdout_file = open(output, "wb")
            stdout, stdin = stdout_file, subprocess.DEVNULL
        began = time.perf_counter()
        proc = subprocess.Popen(argv, stdin=stdin, stdout=stdout, stderr=err, env=env, cwd=cwd)
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - began
        proc.returncode = os.waitstatus_to_exitcode(status)
        if slave is not None:
            os.close(slave)
            reader.join(timeout=10)
            os.close(master)
        if stdout_file is not None:
            stdout_file.close()
            sink[0] = Path(output).stat().st_size
        err.seek(0)
        stderr = err.read().decode("utf-8", "replace")
    return Run(seconds, usage.ru_maxrss, proc.returncode, stderr, sink[0])


# Peak memory is read in a pass of its own, through this small launcher: a
# child's ru_maxrss also counts the memory of the process that spawned it, up
# to its exec, and run.py itself holds the data of a whole province.
MEMORY_PROBE = """\
import os, sys
pid = os.fork()
if pid == 0:
    os.execvp(sys.argv[1], sys.argv[1:])
_, status, usage = os.wait4(pid, 0)
print(usage.ru_maxrss, file=sys.stderr)
sys.exit(os.waitstatus_to_exitcode(status))
"""


def peak_memory_kib(argv: list[str], env: dict[str, str], output: str | Path = "devnull") -> int | None:
    """The command's own peak resident memory, in KiB (None when it failed)."""
    result = run_once([sys.executable, "-c", MEMORY_PROBE, *argv], env, output)
    try:
        return int(result.stderr.strip().splitlines()[-1])
    except (ValueError, IndexError):
        return None


@dataclass
class Bench:
    """One timed command; its runs accumulate over the rounds."""

    key: str
    argv: list[str]
    env: dict[str, str]
    output: str | Path = "devnull"
    ok_codes: tuple[int, ...] = (0,)
    runs: list[Run] = field(default_factory=list)
    error: str | None = None
    peak_kib: int | None = None

    def run(self) -> None:
        if self.error:
            return
        result = run_once(self.argv, self.env, self.output)
        if result.returncode not in self.ok_codes:
            last = result.stderr.strip().splitlines()[-1:] or [""]
            self.error = f"exit {result.returncode}: {last[0][:200]}"
            return
        self.runs.append(result)

    @property
    def median(self) -> float | None:
        return statistics.median(r.seconds for r in self.runs) if self.runs else None

    @property
    def peak_mib(self) -> float | None:
        return self.peak_kib / 1024 if self.peak_kib is not None else None

    def measure_memory(self) -> None:
        if not self.error:
            self.peak_kib = peak_memory_kib(self.argv, self.env, self.output)


def run_rounds(benches: list[Bench], repeat: int) -> None:
    """One untimed warm-up run of each, `repeat` timed rounds of all, then one memory pass."""
    for bench in benches:
        bench.run()
        bench.runs.clear()
    for _ in range(repeat):
        for bench in benches:
            bench.run()
    for bench in benches:
        bench.measure_memory()


def fmt_cmd(argv: list[str]) -> str:
    """The command as a person would type it from the repository's root."""
    shown = ["python" if a == sys.executable else a.replace(f"{ROOT}/", "") for a in argv]
    if shown and shown[0].endswith("/tracker"):
        shown[0] = "tracker"
    return " ".join(shlex.quote(a) for a in shown)
