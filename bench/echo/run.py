"""The echo benchmark: our net beside asyncio, uvloop, gevent, threads, Go and C.

What it measures. Each server in servers/ is a short, idiomatic echo server
(a 4 KiB read buffer where the model has one). loadgen.c, a one-thread epoll
client in C, keeps N connections each doing request/response ping-pong of
S bytes, checks every echoed byte, and reports round trips/s, p50/p99/p99.9
latency, and the server's CPU time per round trip, read from /proc/PID/stat
around the measured interval: total (user+system) and user-space alone.
Loopback costs every server some 5-10 µs of kernel time per round trip, so
user-space CPU per round trip is what separates the designs; and once the
client saturates its own core (the "client CPU" column near 100%), round
trips/s stops separating the fast servers while CPU per round trip still does.

How it runs. The server is pinned to one CPU and the load generator to
another (sched_setaffinity on each child). Every cell (server x scenario x
round) starts a fresh server process, so nothing carries over. Rounds are
interleaved: round 1 runs every scenario on every server (A B C ...), then
round 2 does it again, so drift on a shared machine spreads over all servers
instead of landing on one. Scenarios: 1, 100 and 1,000 connections x 64 B
and 4 KiB. The idle-scale measurement then opens 10,000 idle connections to
ours, gevent, asyncio streams and Go (each after one round trip, so each
handler holds its 4 KiB buffer and is parked in its next read) and divides
the growth of the server's VmRSS by 10,000.

Output (in bench/results/, or --out): echo.csv (every cell), echo.md (the
tables: medians with min-max, ratios to ours), echo.png (round trips/s and
server CPU µs per round trip per scenario), echo_idle.csv. --quick writes
echo-quick.* instead and skips the idle measurement.

Usage::

    python bench/echo/run.py                 # the full run (about 7-8 minutes)
    python bench/echo/run.py --quick         # one scenario, one round (under 1 minute)
    python bench/echo/run.py --scenarios 100x64,1000x64 --rounds 3 --servers ours,go
    PYTHONPATH=../other-tree python bench/echo/run.py --servers ours  # another rt

A server whose dependency is missing (uvloop, gevent, Go, a C compiler) is
skipped with the reason printed. Go is built with ``go build`` when ``go``
is on PATH; when it is not and this is a root Debian machine, the setup tries
``apt-get install -y golang-go`` first (not with --quick or --no-install).
The exit status is 1 if any server failed to echo correctly (a mismatch, an
early close, a crash, no "ready"), 0 otherwise; nothing is asserted about
speed.

Reading the figures. CPU time comes from /proc/PID/stat in clock ticks
(10 ms): over a 2 s cell the total is good to about 0.5%, while the split
into user and system is the kernel's tick sampling, so a user figure below
1 µs/rt (Go, C, uvloop Protocol) moves by a few tenths between rounds. On
CPython 3.11 with glibc, asyncio's selector transport receives into a fresh
256 KiB bytes object (its max_size), above malloc's mmap threshold, then
shrinks it: an mmap, an mremap and a munmap per read, which is most of the
asyncio servers' large kernel time here (uvloop reads into a reused buffer).
The machine is small and may be shared: a cell whose "server" CPU share is
well below 100% while the client is not saturated lost its CPU to something
else; the min-max spread shows how much that moved the medians.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import platform
import select
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib.metadata import PackageNotFoundError, version
from importlib.util import find_spec
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # bench/, for _procs
from _procs import child_setup, free_port  # noqa: E402

HERE = Path(__file__).resolve().parent
BENCH = HERE.parent
ROOT = BENCH.parent
BUILD = BENCH / "_build"
SERVERS_DIR = HERE / "servers"
RESULTS = BENCH / "results"

SCENARIOS = [(1, 64), (1, 4096), (100, 64), (100, 4096), (1000, 64), (1000, 4096)]
QUICK_SCENARIOS = [(100, 64)]
IDLE_SERVERS = ("ours", "gevent", "asyncio-streams", "go")
IDLE_CONNS = 10_000
READY_TIMEOUT = 30.0  # s for a server to print "ready" (a cold gevent import is slow)
CONNECT_TIMEOUT = 60.0  # s for the load generator to get every connection through a round trip
CLIENT_SATURATED = 0.9  # client CPU share above which round trips/s is the client's limit


@dataclass
class Server:
    name: str
    title: str
    cmd: list[str]
    needs: Callable[[], str | None] = field(default=lambda: None)  # why it cannot run, or None


def _py(script: str) -> list[str]:
    return [sys.executable, str(SERVERS_DIR / script)]


def _module_missing(mod: str) -> Callable[[], str | None]:
    def check() -> str | None:
        if find_spec(mod) is None:
            return f"{mod} is not installed for {sys.executable} (pip install -e '.[bench]')"
        return None

    return check


def _binary_missing(path: Path, why: dict[str, str], key: str) -> Callable[[], str | None]:
    def check() -> str | None:
        return None if path.exists() else why.get(key, f"{path} was not built")

    return check


BUILD_ERRORS: dict[str, str] = {}
SERVERS = [
    Server("ours", "ours (rt, goroutine per conn)", _py("ours.py")),
    # The same server on the pure-Python system calls (rt/sys_linux.py's
    # twins instead of rt/_sys_linux.c): what the C half is worth.
    Server("ours-purepy", "ours, GONET_PUREPY=1", ["env", "GONET_PUREPY=1", *_py("ours.py")]),
    # Not a library: a greenlet per connection with the least hub that works
    # and none of Go's machinery (see the file): the floor of our design.
    Server("greenlet-floor", "greenlet floor (no Go machinery)", _py("greenlet_floor.py")),
    Server("asyncio-streams", "asyncio streams", _py("asyncio_streams.py")),
    Server("asyncio-protocol", "asyncio Protocol", _py("asyncio_protocol.py")),
    Server("uvloop-streams", "uvloop streams", _py("uvloop_streams.py"), _module_missing("uvloop")),
    Server("uvloop-protocol", "uvloop Protocol", _py("uvloop_protocol.py"),
           _module_missing("uvloop")),
    Server("gevent", "gevent StreamServer", _py("gevent_echo.py"), _module_missing("gevent")),
    Server("threads", "thread per conn", _py("threads.py")),
    Server("go", "Go net", [str(BUILD / "echo-go")],
           _binary_missing(BUILD / "echo-go", BUILD_ERRORS, "go")),
    Server("c-epoll", "C epoll (ceiling)", [str(BUILD / "epoll_echo")],
           _binary_missing(BUILD / "epoll_echo", BUILD_ERRORS, "c")),
]
BY_NAME = {s.name: s for s in SERVERS}


def _version(dist: str) -> str | None:
    try:
        return version(dist)
    except PackageNotFoundError:
        return None


# ---------------------------------------------------------------------------
# Setup: the C programs and the Go server.


def _stale(out: Path, src: Path) -> bool:
    return not out.exists() or out.stat().st_mtime < src.stat().st_mtime


def build_c() -> str | None:
    """Build loadgen and the C epoll server; return why not, or None."""
    cc = os.environ.get("CC") or shutil.which("cc") or shutil.which("gcc")
    if cc is None:
        return "no C compiler (cc or gcc) on PATH"
    BUILD.mkdir(exist_ok=True)
    for src, out in ((HERE / "loadgen.c", BUILD / "loadgen"),
                     (SERVERS_DIR / "epoll_echo.c", BUILD / "epoll_echo")):
        if not _stale(out, src):
            continue
        r = subprocess.run([cc, "-O2", "-Wall", "-o", str(out), str(src)],
                           capture_output=True, text=True, timeout=120, check=False)
        if r.returncode != 0:
            return f"{cc} failed on {src.name}: {r.stderr.strip()[-500:]}"
    return None


def _apt_install_go() -> str | None:
    """Try Debian's golang-go; return why it could not be installed, or None."""
    if shutil.which("apt-get") is None:
        return "go is not installed and there is no apt-get"
    if os.geteuid() != 0:
        return "go is not installed and apt-get needs root (apt-get install golang-go)"
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    install = ["apt-get", "install", "-y", "-q", "golang-go"]
    print("setup: go is not installed; trying apt-get install -y golang-go", flush=True)
    try:
        r = subprocess.run(install, capture_output=True, text=True, env=env, timeout=600,
                           check=False)
        if r.returncode != 0:  # perhaps the package lists are missing or old
            subprocess.run(["apt-get", "update", "-q"], capture_output=True, env=env,
                           timeout=300, check=False)
            r = subprocess.run(install, capture_output=True, text=True, env=env, timeout=600,
                               check=False)
    except subprocess.TimeoutExpired:
        return "apt-get install golang-go timed out"
    if r.returncode != 0 or shutil.which("go") is None:
        tail = (r.stderr.strip().splitlines() or ["no output"])[-1]
        return f"apt-get install golang-go failed: {tail}"
    return None


def build_go(install: bool) -> str | None:
    """Build servers/echo.go into _build/echo-go; return why not, or None."""
    if shutil.which("go") is None:
        if not install:
            return "go is not installed (make bench installs Debian's golang-go)"
        why = _apt_install_go()
        if why is not None:
            return why
    out, src = BUILD / "echo-go", SERVERS_DIR / "echo.go"
    if not _stale(out, src):
        return None
    BUILD.mkdir(exist_ok=True)
    # No module, no network: the standard library is all it needs.
    env = dict(os.environ, GOCACHE=str(BUILD / "go-cache"), GOPATH=str(BUILD / "gopath"),
               GOPROXY="off", GOFLAGS="", GOTOOLCHAIN="local", GOTELEMETRY="off")
    try:
        r = subprocess.run(["go", "build", "-o", str(out), str(src)], capture_output=True,
                           text=True, env=env, timeout=300, check=False)
    except subprocess.TimeoutExpired:
        return "go build timed out"
    if r.returncode != 0:
        return f"go build failed: {r.stderr.strip()[-500:]}"
    return None


def go_version() -> str | None:
    if shutil.which("go") is None:
        return None
    r = subprocess.run(["go", "env", "GOVERSION"], capture_output=True, text=True, timeout=30,
                       check=False)
    return r.stdout.strip().removeprefix("go") or None


# ---------------------------------------------------------------------------
# Running one server and one load.


class Running:
    """A server process in its own process group, killed whole on exit."""

    def __init__(self, server: Server, port: int, cpu: int | None) -> None:
        self.server = server
        self.stderr = tempfile.TemporaryFile()
        env = dict(os.environ)
        # The Python servers import rt and net from this checkout; a PYTHONPATH
        # set by the caller comes first, so another tree can be measured.
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [env.get("PYTHONPATH"), str(ROOT)]))
        env["PYTHONUNBUFFERED"] = "1"
        self.proc = subprocess.Popen(server.cmd + [str(port)], stdin=subprocess.DEVNULL,
                                     stdout=subprocess.PIPE, stderr=self.stderr, env=env,
                                     cwd=SERVERS_DIR, start_new_session=True,
                                     preexec_fn=child_setup(cpu))

    def wait_ready(self, timeout: float) -> str | None:
        """Wait for the "ready" line; return what went wrong, or None."""
        assert self.proc.stdout is not None
        fd = self.proc.stdout.fileno()
        deadline = time.monotonic() + timeout
        seen = b""
        while time.monotonic() < deadline:
            r, _, _ = select.select([fd], [], [], 0.1)
            if r:
                chunk = os.read(fd, 4096)
                if not chunk:  # stdout closed: it is exiting
                    try:
                        self.proc.wait(2)
                    except subprocess.TimeoutExpired:
                        return f"closed its stdout before ready: {self.errors()}"
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

    def has_stderr(self) -> bool:
        return os.fstat(self.stderr.fileno()).st_size > 0

    def stop(self) -> None:
        if self.proc.poll() is None:
            try:
                os.killpg(self.proc.pid, signal.SIGTERM)
                self.proc.wait(3)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait(5)
            except ProcessLookupError:
                pass
        else:  # the leader is gone; anything it left in its group goes too
            try:
                os.killpg(self.proc.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        if self.proc.stdout is not None:
            self.proc.stdout.close()
        self.stderr.close()


def run_loadgen(args: list[str], cpu: int | None, timeout: float) -> tuple[dict[str, Any] | None,
                                                                              str | None]:
    """Run loadgen; return (its JSON, None) or (its JSON or None, what went wrong)."""
    try:
        r = subprocess.run([str(BUILD / "loadgen"), *args], capture_output=True, text=True,
                           timeout=timeout, preexec_fn=child_setup(cpu), check=False)
    except subprocess.TimeoutExpired:
        return None, f"load generator timed out after {timeout:.0f} s"
    result = None
    lines = r.stdout.strip().splitlines()
    if lines:
        try:
            result = json.loads(lines[-1])
        except json.JSONDecodeError:
            pass
    if r.returncode != 0 or result is None:
        err = r.stderr.strip().splitlines()
        why = (result or {}).get("first_error") or (err[0] if err else "")
        return result, f"load generator exit {r.returncode}: {why}"
    return result, None


def warm(port: int) -> str | None:
    """Open one connection, echo 64 bytes over it and close it; return what went wrong.

    A long-running server has served and closed connections before; a
    fresh process has not, and some servers are measurably different in
    that first state (CPython's asyncio transport mmaps and unmaps a 256 KiB
    receive buffer on every read until its first connection closes: one
    closed connection takes asyncio Protocol here from about 35k to about
    105k round trips/s). Every server gets the same warm-up, so each is
    measured in the state its users run it in.
    """
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=10) as s:
            s.sendall(b"w" * 64)
            got = b""
            while len(got) < 64:
                chunk = s.recv(64 - len(got))
                if not chunk:
                    return "closed the warm-up connection"
                got += chunk
            if got != b"w" * 64:
                return "echoed the warm-up bytes wrong"
    except OSError as e:
        return f"warm-up connection failed: {e}"
    time.sleep(0.05)  # let the server finish closing its end
    return None


def measure(server: Server, conns: int, size: int, seconds: float, warmup: float,
            cpus: tuple[int | None, int | None]) -> dict[str, Any]:
    """One cell: a fresh server, warmed by one closed connection, one load, the server stopped.

    Never raises for a bad server.
    """
    port = free_port()
    srv = Running(server, port, cpus[1])
    try:
        why = srv.wait_ready(READY_TIMEOUT)
        if why is None:
            why = warm(port)
        if why is not None:
            return {"status": f"failed: {why}"}
        args = ["-p", str(port), "-c", str(conns), "-s", str(size), "-t", str(seconds),
                "-w", str(warmup), "-P", str(srv.proc.pid), "-T", str(CONNECT_TIMEOUT)]
        res, why = run_loadgen(args, cpus[0], CONNECT_TIMEOUT + warmup + seconds + 30)
        out: dict[str, Any] = dict(res or {})
        if why is None and srv.proc.poll() is not None:
            why = f"server exited with status {srv.proc.returncode}: {srv.errors()}"
        if why is not None:
            if srv.has_stderr():
                why += f" (server stderr: {srv.errors()})"
            out["status"] = f"failed: {why}"
            return out
        out["status"] = "ok"
        if srv.has_stderr():
            out["warning"] = f"server wrote to stderr: {srv.errors()}"
        return out
    finally:
        srv.stop()


def measure_idle(server: Server, conns: int, settle: float,
                 cpus: tuple[int | None, int | None]) -> dict[str, Any]:
    port = free_port()
    srv = Running(server, port, cpus[1])
    try:
        why = srv.wait_ready(READY_TIMEOUT)
        if why is None:
            why = warm(port)
        if why is not None:
            return {"status": f"failed: {why}"}
        time.sleep(0.5)  # let start-up allocation finish before the "before" reading
        args = ["-p", str(port), "-c", str(conns), "-s", "64", "-i", str(settle),
                "-P", str(srv.proc.pid), "-T", str(CONNECT_TIMEOUT)]
        res, why = run_loadgen(args, cpus[0], CONNECT_TIMEOUT + settle + 30)
        out: dict[str, Any] = dict(res or {})
        out["status"] = "ok" if why is None else f"failed: {why}"
        return out
    finally:
        srv.stop()


# ---------------------------------------------------------------------------
# Reporting.


def scen_name(conns: int, size: int) -> str:
    sz = f"{size // 1024} KiB" if size >= 1024 and size % 1024 == 0 else f"{size} B"
    return f"{conns:,} conn x {sz}"


def fmt_int(x: float) -> str:
    return f"{x:,.0f}"


def fmt_us(x: float) -> str:
    return f"{x:.1f}" if x < 100 else f"{x:,.0f}"


def spread(vals: list[float], fmt: Callable[[float], str]) -> str:
    med = statistics.median(vals)
    if len(vals) == 1:
        return fmt(med)
    return f"{fmt(med)} ({fmt(min(vals))}–{fmt(max(vals))})"


def ratio(a: float | None, b: float | None) -> str:
    if a is None or not b:
        return "–"
    return f"{a / b:.2f}x"


def summarize(rows: list[dict[str, Any]], servers: list[Server],
              scenarios: list[tuple[int, int]]) -> dict[tuple[str, int, int], dict[str, Any]]:
    """Per (server, conns, size): the ok rounds' values, medians, and failures."""
    out: dict[tuple[str, int, int], dict[str, Any]] = {}
    for s in servers:
        for conns, size in scenarios:
            cells = [r for r in rows if r["server"] == s.name and r["conns"] == conns
                     and r["size"] == size]
            ok = [r for r in cells if r["status"] == "ok"]
            agg: dict[str, Any] = {"n": len(ok), "failed": len(cells) - len(ok)}
            for k in ("rps", "cpu_us_per_rt", "user_us_per_rt", "p50_us", "p99_us", "p999_us",
                      "client_cpu_share", "server_cpu_share"):
                vals = [float(r[k]) for r in ok if r.get(k) is not None and float(r[k]) >= 0]
                agg[k] = vals
                agg[k + "_med"] = statistics.median(vals) if vals else None
            out[s.name, conns, size] = agg
    return out


def markdown(summary: dict[tuple[str, int, int], dict[str, Any]], servers: list[Server],
             scenarios: list[tuple[int, int]], meta: dict[str, Any],
             skipped: dict[str, str], idle: list[dict[str, Any]]) -> str:
    md: list[str] = []
    md.append("# Echo benchmark")
    md.append("")
    if meta["rounds"] == 1:
        md.append("**One round: this shows that every server echoes correctly and roughly "
                  "how fast; on a shared machine one round is noise, not a ranking.**")
        md.append("")
    md.append(f"{meta['when']}; Python {meta['python']}, {meta['machine']}; "
              f"{meta['rounds']} interleaved round(s), {meta['seconds']:g} s measured after "
              f"{meta['warmup']:g} s warm-up per cell; {meta['pinning']}.")
    md.append(f"Versions: {meta['versions']}.")
    md.append("")
    md.append("Medians over rounds, with min–max. **rt/s** = round trips per second (higher is "
              "better). **CPU µs/rt** = server CPU (user+system) per round trip, **user** = "
              "its user-space part (lower is better). **x ours** = this server's figure "
              "divided by ours: for rt/s above 1 means faster than ours, for CPU above 1 "
              "means costlier than ours. **server**, **client** = the CPU share of the server "
              "and of the load generator over the measured interval: with the client near "
              "100% the client is the limit, and CPU µs/rt is the figure that separates "
              "servers. "
              "Latency is per round trip, µs. The 1-connection column measures wake-up "
              "latency more than throughput; do not rank on it.")
    for conns, size in scenarios:
        md.append("")
        md.append(f"## {scen_name(conns, size)}")
        md.append("")
        md.append("| server | rt/s | x ours | CPU µs/rt | x ours | user µs/rt | x ours "
                  "| p50 µs | p99 µs | p99.9 µs | server | client |")
        md.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
        base = summary.get(("ours", conns, size))
        for s in servers:
            a = summary[s.name, conns, size]
            if not a["n"]:
                md.append(f"| {s.title} | failed | | | | | | | | | | |")
                continue
            bad = f" ({a['failed']} failed)" if a["failed"] else ""
            md.append(
                f"| {s.title}{bad} | {spread(a['rps'], fmt_int)} "
                f"| {ratio(a['rps_med'], base and base['rps_med'])} "
                f"| {spread(a['cpu_us_per_rt'], fmt_us)} "
                f"| {ratio(a['cpu_us_per_rt_med'], base and base['cpu_us_per_rt_med'])} "
                f"| {spread(a['user_us_per_rt'], fmt_us)} "
                f"| {ratio(a['user_us_per_rt_med'], base and base['user_us_per_rt_med'])} "
                f"| {fmt_us(a['p50_us_med'])} | {fmt_us(a['p99_us_med'])} "
                f"| {fmt_us(a['p999_us_med'])} | {a['server_cpu_share_med']:.0%} "
                f"| {a['client_cpu_share_med']:.0%} |")
    if idle:
        md.append("")
        md.append(f"## Idle scale: server RSS per idle connection at {idle[0]['conns']:,} "
                  "connections")
        md.append("")
        md.append("Each connection did one 64 B round trip, so its handler holds its 4 KiB read "
                  "buffer and waits in its next read. Growth of the server's VmRSS (and of "
                  "RssAnon, its anonymous part) from before the first connect, divided by the "
                  "connections.")
        md.append("")
        md.append("| server | VmRSS before MiB | VmRSS after MiB | KB per conn (VmRSS) "
                  "| KB per conn (RssAnon) | x ours |")
        md.append("|---|---:|---:|---:|---:|---:|")
        base_idle = next((r for r in idle if r["server"] == "ours" and r["status"] == "ok"), None)
        for r in idle:
            title = BY_NAME[r["server"]].title
            if r["status"] != "ok":
                md.append(f"| {title} | {r['status']} | | | | |")
                continue
            md.append(f"| {title} | {r['rss_before_kb'] / 1024:.1f} "
                      f"| {r['rss_after_kb'] / 1024:.1f} "
                      f"| {r['rss_per_conn_bytes'] / 1000:.1f} "
                      f"| {r['anon_per_conn_bytes'] / 1000:.1f} "
                      f"| {ratio(r['rss_per_conn_bytes'], base_idle and base_idle['rss_per_conn_bytes'])} |")  # noqa: E501
    if skipped:
        md.append("")
        md.append("## Skipped")
        md.append("")
        for name, why in skipped.items():
            md.append(f"- {BY_NAME[name].title}: {why}")
    return "\n".join(md) + "\n"


def chart(summary: dict[tuple[str, int, int], dict[str, Any]], servers: list[Server],
          scenarios: list[tuple[int, int]], path: Path, title: str) -> str | None:
    """Write the PNG: one column per scenario, round trips/s above, CPU µs/rt below.

    Return why no chart was written, or None.
    """
    if find_spec("matplotlib") is None:
        return "matplotlib is not installed (pip install -e '.[bench]')"
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib.patches import Patch

    ncol = len(scenarios)
    # The legend names every server: as many columns as the width holds, and
    # the figure grows by its rows, so a one-scenario chart cuts none off.
    figw = 2.6 + 2.4 * ncol
    legcols = max(1, min(len(servers), int(figw // 2.4)))
    legrows = -(-len(servers) // legcols)
    figh = 7.0 + 0.25 * legrows
    fig, axes = plt.subplots(2, ncol, figsize=(figw, figh), squeeze=False)
    # tab10 has ten colours; more servers than that take tab20's so none repeats.
    cmap = plt.get_cmap("tab10" if len(servers) <= 10 else "tab20")
    colors = [cmap(i % cmap.N) for i in range(len(servers))]
    edges = ["black" if s.name == "ours" else "none" for s in servers]
    xs = list(range(len(servers)))
    for col, (conns, size) in enumerate(scenarios):
        aggs = [summary[s.name, conns, size] for s in servers]
        med = [(a["rps_med"] or 0.0) / 1000 for a in aggs]
        err = [[(a["rps_med"] - min(a["rps"])) / 1000 if a["rps"] else 0 for a in aggs],
               [(max(a["rps"]) - a["rps_med"]) / 1000 if a["rps"] else 0 for a in aggs]]
        top, bottom = axes[0][col], axes[1][col]
        top.bar(xs, med, 0.8, yerr=err, capsize=2, color=colors, edgecolor=edges)
        bottom.bar(xs, [a["cpu_us_per_rt_med"] or 0.0 for a in aggs], 0.8, color=colors,
                   alpha=0.4, edgecolor=edges)
        bottom.bar(xs, [a["user_us_per_rt_med"] or 0.0 for a in aggs], 0.8, color=colors,
                   edgecolor=edges)
        top.set_title(scen_name(conns, size), fontsize=10)
        for ax in (top, bottom):
            ax.set_xticks(xs, [""] * len(xs))
            ax.grid(axis="y", alpha=0.3)
            ax.tick_params(labelsize=8)
    axes[0][0].set_ylabel("thousand round trips/s\n(higher is better)")
    axes[1][0].set_ylabel("server CPU µs per round trip\n(lower is better; solid: user-space,\n"
                          "pale: kernel)")
    handles = [Patch(facecolor=c, edgecolor=e, label=s.title)
               for s, c, e in zip(servers, colors, edges, strict=True)]
    fig.legend(handles=handles, loc="lower center", ncol=legcols, fontsize=8)
    fig.suptitle(title, fontsize=11)
    fig.tight_layout(rect=(0, (0.2 + 0.25 * legrows) / figh, 1, 1))
    fig.savefig(path, dpi=110)
    plt.close(fig)
    return None


# ---------------------------------------------------------------------------


def parse_scenarios(text: str) -> list[tuple[int, int]]:
    out = []
    for part in text.split(","):
        conns, _, size = part.strip().lower().partition("x")
        mult = 1024 if size.endswith("k") else 1
        out.append((int(conns), int(size.rstrip("k")) * mult))
    return out


def pick_cpus() -> tuple[tuple[int | None, int | None], str]:
    """(load generator CPU, server CPU), and how to describe it."""
    cpus = sorted(os.sched_getaffinity(0))
    if len(cpus) < 2:
        return (None, None), "NOT pinned: fewer than 2 usable CPUs"
    return (cpus[0], cpus[-1]), f"server pinned to CPU {cpus[-1]}, load generator to CPU {cpus[0]}"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="echo benchmark: ours vs asyncio, uvloop, gevent, "
                                 "threads, Go and C", epilog="See the module docstring.")
    ap.add_argument("--quick", action="store_true",
                    help="100 conns x 64 B, 1 round, 2 s, no idle measurement, no Go install")
    ap.add_argument("--servers", help="comma-separated subset of: "
                    + ", ".join(s.name for s in SERVERS))
    ap.add_argument("--scenarios", help="comma-separated CONNSxSIZE, e.g. 100x64,1000x4k")
    ap.add_argument("--rounds", type=int, help="interleaved rounds (default 3, quick 1)")
    ap.add_argument("--seconds", type=float, help="measured seconds per cell (default 2)")
    ap.add_argument("--warmup", type=float, help="warm-up seconds per cell (default 0.5)")
    ap.add_argument("--idle-conns", type=int, default=IDLE_CONNS,
                    help="connections for the idle-scale measurement (0 skips it)")
    ap.add_argument("--no-install", action="store_true", help="do not apt-get install golang-go")
    ap.add_argument("--out", type=Path, help="directory for the results (default bench/results)")
    args = ap.parse_args(argv)

    started = time.monotonic()
    rounds = args.rounds or (1 if args.quick else 3)
    seconds = args.seconds or 2.0
    warmup = args.warmup if args.warmup is not None else 0.5
    scenarios = (parse_scenarios(args.scenarios) if args.scenarios
                 else QUICK_SCENARIOS if args.quick else SCENARIOS)
    idle_conns = 0 if args.quick and args.idle_conns == IDLE_CONNS else args.idle_conns
    stem = "echo-quick" if args.quick else "echo"
    # Quick results are a smoke test, not a ranking: kept out of git.
    out_dir = args.out or (RESULTS / "quick" if args.quick else RESULTS)
    wanted = [s.strip() for s in args.servers.split(",")] if args.servers else list(BY_NAME)
    for name in wanted:
        if name not in BY_NAME:
            ap.error(f"unknown server {name!r}")

    # setup
    why = build_c()
    if why is not None:
        print(f"echo benchmark: cannot build the load generator: {why}")
        return 1
    if "go" in wanted:
        why = build_go(install=not (args.quick or args.no_install))
        if why is not None:
            BUILD_ERRORS["go"] = why
    skipped: dict[str, str] = {}
    for name in wanted:
        if (why := BY_NAME[name].needs()) is not None:
            skipped[name] = why
    servers = [BY_NAME[n] for n in BY_NAME if n in wanted and n not in skipped]
    cpus, pinning = pick_cpus()
    versions = ", ".join(f"{k} {v}" for k, v in (
        ("greenlet", _version("greenlet")), ("gevent", _version("gevent")),
        ("uvloop", _version("uvloop")), ("go", go_version())) if v)
    meta = {"when": time.strftime("%Y-%m-%d %H:%M"), "python": platform.python_version(),
            "machine": f"{platform.system()} {platform.release()} {platform.machine()}, "
                       f"{os.cpu_count()} CPUs",
            "rounds": rounds, "seconds": seconds, "warmup": warmup, "pinning": pinning,
            "versions": versions or "-"}

    print(f"Echo benchmark ({'quick' if args.quick else 'full'}): "
          f"{len(servers)} servers, {len(scenarios)} scenarios, {rounds} rounds, "
          f"{seconds:g} s + {warmup:g} s warm-up per cell; {pinning}")
    print(f"Python {meta['python']}; {versions}")
    for name, why in skipped.items():
        print(f"skipped: {name}: {why}")
    print(flush=True)

    rows: list[dict[str, Any]] = []
    failures: list[str] = []
    for rnd in range(1, rounds + 1):
        for conns, size in scenarios:
            for s in servers:
                res = measure(s, conns, size, seconds, warmup, cpus)
                row = {"round": rnd, "server": s.name, "conns": conns, "size": size, **res}
                rows.append(row)
                line = f"round {rnd}/{rounds}  {scen_name(conns, size):<18} {s.name:<17}"
                if res["status"] == "ok":
                    sat = " client-bound" if res["client_cpu_share"] > CLIENT_SATURATED else ""
                    line += (f"{res['rps']:>9,.0f} rt/s  {res['cpu_us_per_rt']:6.1f} µs/rt "
                             f"(user {res['user_us_per_rt']:5.1f})  p50 {res['p50_us']:7.0f} "
                             f"p99 {res['p99_us']:7.0f} µs{sat}")
                    if res["starved"]:
                        line += f"  {res['starved']} conns starved"
                else:
                    line += res["status"]
                    failures.append(f"{s.name} {scen_name(conns, size)} round {rnd}: "
                                    f"{res['status']}")
                print(line, flush=True)
                if "warning" in res:
                    print(f"    warning: {res['warning']}", flush=True)

    idle: list[dict[str, Any]] = []
    if idle_conns > 0:
        print()
        for name in IDLE_SERVERS:
            if name not in wanted:
                continue
            if name in skipped:
                print(f"idle {idle_conns:,}: {name:<17} skipped: {skipped[name]}")
                continue
            res = measure_idle(BY_NAME[name], idle_conns, 1.0, cpus)
            idle.append({"server": name, **res, "conns": idle_conns})
            if res["status"] == "ok":
                print(f"idle {idle_conns:,}: {name:<17} VmRSS {res['rss_before_kb'] / 1024:6.1f}"
                      f" -> {res['rss_after_kb'] / 1024:6.1f} MiB: "
                      f"{res['rss_per_conn_bytes'] / 1000:5.1f} KB/conn "
                      f"(RssAnon {res['anon_per_conn_bytes'] / 1000:.1f} KB/conn), "
                      f"connected in {res['connect_s']:.1f} s", flush=True)
            else:
                print(f"idle {idle_conns:,}: {name:<17} {res['status']}", flush=True)
                failures.append(f"{name} idle: {res['status']}")

    # output
    out_dir.mkdir(parents=True, exist_ok=True)
    cols = ["round", "server", "conns", "size", "status", "rps", "p50_us", "p99_us", "p999_us",
            "max_us", "cpu_us_per_rt", "user_us_per_rt", "server_cpu_share", "client_cpu_share",
            "roundtrips", "seconds", "conn_rt_min", "conn_rt_max", "starved", "errors",
            "connect_s", "first_error"]
    with open(out_dir / f"{stem}.csv", "w", newline="") as f:
        w = csv.DictWriter(f, cols, extrasaction="ignore")
        w.writeheader()
        w.writerows(rows)
    if idle:
        icols = ["server", "conns", "status", "up", "rss_before_kb", "rss_after_kb",
                 "rss_per_conn_bytes", "anon_before_kb", "anon_after_kb", "anon_per_conn_bytes",
                 "connect_s", "errors"]
        with open(out_dir / f"{stem}_idle.csv", "w", newline="") as f:
            w = csv.DictWriter(f, icols, extrasaction="ignore")
            w.writeheader()
            w.writerows(idle)
    summary = summarize(rows, servers, scenarios)
    md = markdown(summary, servers, scenarios, meta, skipped, idle)
    (out_dir / f"{stem}.md").write_text(md)
    png = out_dir / f"{stem}.png"
    why = chart(summary, servers, scenarios, png,
                f"echo, {rounds} round(s), medians with min–max ({meta['when']})"
                + ("\none round: not a ranking" if rounds == 1 else ""))
    print()
    print(md)
    written = [out_dir / f"{stem}.csv", out_dir / f"{stem}.md"]
    if idle:
        written.append(out_dir / f"{stem}_idle.csv")
    if why is None:
        written.append(png)
    else:
        print(f"no chart: {why}")
    print("written: " + ", ".join(str(p.relative_to(ROOT) if p.is_relative_to(ROOT) else p)
                                  for p in written))
    print(f"total time {time.monotonic() - started:.0f} s")
    if failures:
        print(f"\nFAILED: {len(failures)} cell(s) did not echo correctly:")
        for f_ in failures:
            print(f"  {f_}")
        return 1
    print(f"every server answered correctly ({len(rows)} cells"
          + (f", {len(idle)} idle" if idle else "") + ")")
    return 0


if __name__ == "__main__":
    sys.exit(main())
