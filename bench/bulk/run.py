"""The bulk benchmark: a TCP proxy moving 1 GiB, ours beside gevent and asyncio.

What it measures. Each proxy in proxies/ accepts a connection, dials a sink
and copies both ways until each side's EOF, written the way its model
writes it: ours with ``io.Copy`` between two TCPConns (Go's proxy, which is
``TCPConn.ReadFrom``: splice(2) socket to pipe to socket, no byte in
Python), the same with the source hidden behind a plain Reader so io.Copy
takes its 32 KiB buffer (Go's ``useSplice = false``), and ours on the
pure-Python system calls; gevent (recv_into + sendall, 64 KiB), asyncio
streams (read(64 KiB) + write + drain) and asyncio Protocols (transport to
transport with pause/resume flow control), and the last two on uvloop
when it is installed. The client and the sink are this process: one thread
sends SIZE bytes from a 1 MiB buffer and shuts down its write side, the
other accepts the proxy's connection and reads until EOF.

Per cell: a fresh proxy process (pinned to one CPU, this process to the
other), one 16 MiB warm-up transfer whose bytes are checked (CRC-32 of what
was sent against what arrived: a proxy that loses, duplicates or reorders
fails the cell), then the measured transfer, counted to the byte.
Throughput is SIZE over the time from connect to the sink's EOF, in MiB/s;
CPU is the proxy process's user+system time over the same interval, from
/proc/PID/stat, given per GiB moved. Rounds are interleaved (round 1 runs
every proxy, then round 2...), and the tables give medians with min-max
and each peer's figure over ours.

Reading the figures. The client and sink copy every byte into and out of
the kernel on their own CPU, so a proxy faster than they are is measured at
their speed: then throughput stops separating proxies and CPU per GiB still
does. Splice moves the bytes inside the kernel, so its CPU is almost all
system time, charged to the proxy. On a small shared machine one round is
noise-prone; compare within one run.

Usage::

    python bench/bulk/run.py                    # 1 GiB, 3 rounds (a few minutes)
    python bench/bulk/run.py --rounds 1 --size-mib 256 --models ours,gevent
    python bench/bulk/run.py --quick            # 256 MiB, 1 round, results/quick/

Writes bench/results/bulk.csv (every cell) and bulk.md (the tables);
--quick writes results/quick/bulk-quick.*. Exits 1 if a proxy failed (not
ready, wrong bytes, timeout), 0 otherwise; nothing is asserted about speed.
Bounded: loopback only, every cell ends by itself or at --timeout, and
each proxy process is killed when its cell ends.
"""

from __future__ import annotations

import argparse
import csv
import os
import platform
import select
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib.metadata import PackageNotFoundError, version
from importlib.util import find_spec
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # bench/, for _procs
from _procs import child_setup, free_port  # noqa: E402

HERE = Path(__file__).resolve().parent
PROXIES = HERE / "proxies"
BENCH = HERE.parent
ROOT = BENCH.parent
RESULTS = BENCH / "results"

MiB = 1 << 20
GiB = 1 << 30
CHUNK = 1 * MiB  # the client's send buffer
WARM = 16 * MiB  # the checked warm-up transfer
READY_TIMEOUT = 30.0
CLK_TCK = os.sysconf("SC_CLK_TCK")


@dataclass
class Proxy:
    name: str
    title: str
    cmd: list[str]
    env: dict[str, str] = field(default_factory=dict)
    needs: Callable[[], str | None] = field(default=lambda: None)


def _py(script: str, *extra: str) -> list[str]:
    return [sys.executable, str(PROXIES / script), *extra]


def _module_missing(mod: str) -> Callable[[], str | None]:
    def check() -> str | None:
        if find_spec(mod) is None:
            return f"{mod} is not installed for {sys.executable} (pip install -e '.[bench]')"
        return None

    return check


PROXY_LIST = [
    Proxy("ours", "ours (io.Copy: splice)", _py("ours.py")),
    Proxy("ours-nosplice", "ours, io.Copy without splice (32 KiB buffer)",
          _py("ours.py", "--no-splice")),
    Proxy("ours-purepy", "ours, GONET_PUREPY=1 (splice)", _py("ours.py"),
          env={"GONET_PUREPY": "1"}),
    Proxy("gevent", "gevent (recv_into + sendall, 64 KiB)", _py("gevent_proxy.py"),
          needs=_module_missing("gevent")),
    Proxy("asyncio-streams", "asyncio streams (read 64 KiB + drain)", _py("asyncio_streams.py")),
    Proxy("asyncio-protocol", "asyncio Protocol (transport to transport)",
          _py("asyncio_protocol.py")),
    Proxy("uvloop-streams", "uvloop streams", _py("asyncio_streams.py", "--uvloop"),
          needs=_module_missing("uvloop")),
    Proxy("uvloop-protocol", "uvloop Protocol", _py("asyncio_protocol.py", "--uvloop"),
          needs=_module_missing("uvloop")),
]
DEFAULT_MODELS = ("ours", "ours-nosplice", "ours-purepy", "gevent", "asyncio-streams",
                  "asyncio-protocol", "uvloop-protocol")


def cpu_seconds(pid: int) -> tuple[float, float]:
    """(user, system) CPU seconds of pid, from /proc/PID/stat (clock ticks)."""
    with open(f"/proc/{pid}/stat") as f:
        stat = f.read()
    fields = stat[stat.rindex(")") + 2:].split()
    return int(fields[11]) / CLK_TCK, int(fields[12]) / CLK_TCK


class Running:
    """A proxy process in its own process group, killed whole on stop()."""

    def __init__(self, proxy: Proxy, port: int, sink_port: int, cpu: int | None) -> None:
        self.stderr = tempfile.TemporaryFile()
        env = dict(os.environ)
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [env.get("PYTHONPATH"), str(ROOT)]))
        env["PYTHONUNBUFFERED"] = "1"
        env.update(proxy.env)
        self.proc = subprocess.Popen(proxy.cmd[:2] + [str(port), str(sink_port)] + proxy.cmd[2:],
                                     stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                     stderr=self.stderr, env=env, cwd=PROXIES,
                                     start_new_session=True, preexec_fn=child_setup(cpu))

    def wait_ready(self, timeout: float) -> str | None:
        assert self.proc.stdout is not None
        fd = self.proc.stdout.fileno()
        deadline = time.monotonic() + timeout
        seen = b""
        while time.monotonic() < deadline:
            r, _, _ = select.select([fd], [], [], 0.1)
            if r:
                chunk = os.read(fd, 4096)
                if not chunk:
                    break
                seen += chunk
                if b"ready" in seen:
                    return None
            elif self.proc.poll() is not None:
                break
        if self.proc.poll() is not None:
            return f"exited with status {self.proc.returncode} before ready: {self.errors()}"
        return f"not ready after {timeout:.0f} s: {self.errors()}"

    def errors(self, lines: int = 3) -> str:
        self.stderr.seek(0)
        text = self.stderr.read().decode(errors="replace").strip().splitlines()
        return " | ".join(text[-lines:]) if text else "(nothing on stderr)"

    def stop(self) -> None:
        try:
            os.killpg(self.proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        self.proc.wait(5)
        if self.proc.stdout is not None:
            self.proc.stdout.close()
        self.stderr.close()


def _pattern() -> memoryview:
    """The client's 1 MiB buffer: a fixed pseudo-random pattern (not all zeros)."""
    import random

    return memoryview(random.Random(2026).randbytes(CHUNK))


PATTERN = _pattern()


def transfer(port: int, sink: socket.socket, size: int, check: bool,
             timeout: float) -> tuple[float, int, str | None]:
    """Send size bytes through the proxy at port into sink; (seconds, bytes, error)."""
    result: dict[str, Any] = {}
    sink.settimeout(timeout)

    def receive() -> None:
        try:
            c, _ = sink.accept()
        except OSError as e:
            result["err"] = f"sink accept: {e}"
            return
        with c:
            c.settimeout(timeout)
            buf = bytearray(CHUNK)
            n = 0
            crc = 0
            try:
                while True:
                    k = c.recv_into(buf)
                    if k == 0:
                        break
                    if check:
                        crc = zlib.crc32(memoryview(buf)[:k], crc)
                    n += k
            except OSError as e:
                result["err"] = f"sink recv after {n} bytes: {e}"
            result["n"] = n
            result["crc"] = crc
            result["end"] = time.perf_counter()

    th = threading.Thread(target=receive, name="sink")
    th.start()
    crc = 0
    t0 = time.perf_counter()
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=timeout) as s:
            left = size
            while left > 0:
                chunk = PATTERN[:min(CHUNK, left)]
                s.sendall(chunk)
                if check:
                    crc = zlib.crc32(chunk, crc)
                left -= len(chunk)
            s.shutdown(socket.SHUT_WR)
            # The proxy passes the sink's EOF back: wait for it, then close.
            s.settimeout(timeout)
            while s.recv(65536):
                pass
    except OSError as e:
        th.join(timeout)
        return 0.0, result.get("n", 0), f"client: {e}"
    th.join(timeout)
    if th.is_alive():
        return 0.0, 0, "sink did not finish"
    if "err" in result:
        return 0.0, result.get("n", 0), str(result["err"])
    if result["n"] != size:
        return 0.0, result["n"], f"sink got {result['n']} bytes, want {size}"
    if check and result["crc"] != crc:
        return 0.0, result["n"], "the bytes that arrived are not the bytes sent"
    return result["end"] - t0, result["n"], None


def measure(proxy: Proxy, size: int, cpus: tuple[int | None, int | None],
            timeout: float) -> dict[str, Any]:
    """One cell: a fresh proxy, a checked warm-up, the measured transfer."""
    row: dict[str, Any] = {"proxy": proxy.name, "bytes": size}
    sink = socket.socket()
    sink.bind(("127.0.0.1", 0))
    sink.listen(8)
    port = free_port()
    running = Running(proxy, port, sink.getsockname()[1], cpus[1])
    try:
        err = running.wait_ready(READY_TIMEOUT)
        if err is None:
            _, _, err = transfer(port, sink, WARM, True, timeout)
            if err is not None:
                err = f"warm-up: {err}"
        if err is None:
            u0, s0 = cpu_seconds(running.proc.pid)
            secs, n, err = transfer(port, sink, size, False, timeout)
            u1, s1 = cpu_seconds(running.proc.pid)
            if err is None:
                cpu = (u1 - u0) + (s1 - s0)
                row.update(seconds=secs, mib_s=n / MiB / secs, cpu_s=cpu,
                           cpu_s_per_gib=cpu / (n / GiB), user_s=u1 - u0, sys_s=s1 - s0,
                           proxy_cpu_share=cpu / secs)
        if err is not None:
            row["error"] = err
    finally:
        running.stop()
        sink.close()
    return row


def _version(dist: str) -> str | None:
    try:
        return version(dist)
    except PackageNotFoundError:
        return None


def spread(vals: list[float], fmt: Callable[[float], str]) -> str:
    if not vals:
        return "-"
    med = statistics.median(vals)
    if len(vals) == 1:
        return fmt(med)
    return f"{fmt(med)} ({fmt(min(vals))}–{fmt(max(vals))})"


def markdown(rows: list[dict[str, Any]], proxies: list[Proxy], rounds: int, size: int,
             cpu_note: str, skipped: dict[str, str]) -> str:
    med: dict[str, dict[str, float]] = {}
    for p in proxies:
        ok = [r for r in rows if r["proxy"] == p.name and "error" not in r]
        if ok:
            med[p.name] = {k: statistics.median(r[k] for r in ok)
                           for k in ("mib_s", "cpu_s_per_gib", "user_s", "sys_s", "cpu_s",
                                     "proxy_cpu_share")}
    base = med.get("ours")
    vers = ", ".join(f"{d} {v}" for d in ("greenlet", "gevent", "uvloop")
                     if (v := _version(d)) is not None)
    out = [
        "# Bulk benchmark: a TCP proxy moving "
        + (f"{size // GiB} GiB" if size % GiB == 0 else f"{size // MiB} MiB"),
        "",
        f"{time.strftime('%Y-%m-%d %H:%M')}; Python {platform.python_version()}, "
        f"Linux {platform.release()} {platform.machine()}, {os.cpu_count()} CPUs; "
        f"{rounds} interleaved round(s); {cpu_note}.",
        f"Versions: {vers}.",
        "",
        "client -> proxy -> sink over loopback; the client and sink are the driver process. "
        "Medians over rounds, with min–max. **MiB/s** = bytes over the time from connect to "
        "the sink's EOF (higher is better). **CPU s/GiB** = the proxy process's user+system "
        "CPU seconds per GiB moved (lower is better); **user**, **sys** its two parts over "
        "the whole transfer; **proxy CPU** = its CPU share over the transfer. **ours/peer** = "
        "our figure divided by the peer's: for MiB/s above 1 means ours is faster, for CPU "
        "below 1 means ours is cheaper. Once the driver's own copying is the limit, MiB/s "
        "stops separating proxies; CPU s/GiB still does.",
        "",
        "| proxy | MiB/s | ours/peer | CPU s/GiB | ours/peer | user s | sys s | proxy CPU |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for p in proxies:
        ok = [r for r in rows if r["proxy"] == p.name and "error" not in r]
        bad = [r for r in rows if r["proxy"] == p.name and "error" in r]
        if not ok:
            why = bad[0]["error"] if bad else skipped.get(p.name, "not run")
            out.append(f"| {p.title} | failed: {why} | | | | | | |")
            continue
        m = med[p.name]
        r_thr = f"{base['mib_s'] / m['mib_s']:.2f}x" if base else "-"
        r_cpu = f"{base['cpu_s_per_gib'] / m['cpu_s_per_gib']:.2f}x" if base else "-"
        if p.name == "ours":
            r_thr = r_cpu = "1.00x"
        out.append(
            f"| {p.title} | {spread([r['mib_s'] for r in ok], lambda x: f'{x:,.0f}')} "
            f"| {r_thr} | {spread([r['cpu_s_per_gib'] for r in ok], lambda x: f'{x:.2f}')} "
            f"| {r_cpu} | {m['user_s']:.2f} | {m['sys_s']:.2f} | {m['proxy_cpu_share']:.0%} |")
    for name, why in skipped.items():
        out.append(f"\nSkipped {name}: {why}")
    return "\n".join(out) + "\n"


def pick_cpus() -> tuple[tuple[int | None, int | None], str]:
    """(driver CPU, proxy CPU), and how to describe it."""
    cpus = sorted(os.sched_getaffinity(0))
    if len(cpus) < 2:
        return (None, None), "NOT pinned: fewer than 2 usable CPUs"
    return (cpus[0], cpus[-1]), f"proxy pinned to CPU {cpus[-1]}, client and sink to CPU {cpus[0]}"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="bulk benchmark: a TCP proxy moving 1 GiB",
                                 epilog="See the module docstring.")
    ap.add_argument("--quick", action="store_true", help="256 MiB, 1 round, results/quick/")
    ap.add_argument("--models", help="comma-separated subset of: "
                    + ", ".join(p.name for p in PROXY_LIST))
    ap.add_argument("--rounds", type=int, help="interleaved rounds (default 3, quick 1)")
    ap.add_argument("--size-mib", type=int, help="MiB per measured transfer (default 1024)")
    ap.add_argument("--timeout", type=float, default=180.0, help="seconds per transfer")
    ap.add_argument("--out", type=Path, help="output directory (default bench/results)")
    args = ap.parse_args(argv)

    rounds = args.rounds or (1 if args.quick else 3)
    size = (args.size_mib or (256 if args.quick else 1024)) * MiB
    names = args.models.split(",") if args.models else list(DEFAULT_MODELS)
    by_name = {p.name: p for p in PROXY_LIST}
    unknown = [n for n in names if n not in by_name]
    if unknown:
        ap.error(f"unknown model(s): {', '.join(unknown)}")
    skipped: dict[str, str] = {}
    proxies: list[Proxy] = []
    for n in names:
        why = by_name[n].needs()
        if why is not None:
            print(f"skipping {n}: {why}", file=sys.stderr)
            skipped[n] = why
        else:
            proxies.append(by_name[n])

    cpus, cpu_note = pick_cpus()
    if cpus[0] is not None:
        os.sched_setaffinity(0, {cpus[0]})
    print(f"bulk: {size // MiB} MiB x {rounds} round(s), {len(proxies)} proxies; {cpu_note}",
          flush=True)

    rows: list[dict[str, Any]] = []
    failed = False
    for rnd in range(1, rounds + 1):
        for p in proxies:
            row = measure(p, size, cpus, args.timeout)
            row["round"] = rnd
            rows.append(row)
            if "error" in row:
                failed = True
                print(f"  round {rnd} {p.name:18s} FAILED: {row['error']}", flush=True)
            else:
                print(f"  round {rnd} {p.name:18s} {row['mib_s']:8,.0f} MiB/s "
                      f"{row['cpu_s_per_gib']:6.2f} CPU s/GiB "
                      f"(user {row['user_s']:.2f}, sys {row['sys_s']:.2f})", flush=True)

    out = args.out or (RESULTS / "quick" if args.quick else RESULTS)
    out.mkdir(parents=True, exist_ok=True)
    stem = "bulk-quick" if args.quick else "bulk"
    fields = ["round", "proxy", "bytes", "seconds", "mib_s", "cpu_s", "cpu_s_per_gib",
              "user_s", "sys_s", "proxy_cpu_share", "error"]
    with open(out / f"{stem}.csv", "w", newline="") as f:
        w = csv.DictWriter(f, fieldnames=fields)
        w.writeheader()
        for r in rows:
            w.writerow({k: r.get(k, "") for k in fields})
    md = markdown(rows, proxies, rounds, size, cpu_note, skipped)
    (out / f"{stem}.md").write_text(md)
    print(f"\nwrote {out / (stem + '.csv')} and {out / (stem + '.md')}\n")
    print(md)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
