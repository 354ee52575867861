"""The UDP echo benchmark: our UDPConn beside Go, asyncio, uvloop and gevent (issue 10).

What it measures. Each server in servers/ is a short, idiomatic UDP echo
server on 127.0.0.1: ours (a goroutine loop of ``ReadFromUDP`` and
``WriteToUDP``, and the same loop in 4 goroutines on the one conn), Go's
net (the same program, udp_echo.go), an asyncio DatagramProtocol on the
default loop and on uvloop, gevent's DatagramServer (a greenlet per
datagram, as gevent's example writes it) and a gevent recvfrom_into/sendto
loop. loadgen.c, a one-thread epoll client in C, keeps N connected UDP
sockets each with one datagram of S bytes in flight (send, wait for the
echo, send the next), checks every echoed byte, counts a request not echoed
within the timeout (50 ms) as lost and sends a new one, and reports echoes/s,
loss, latency and the server's CPU time per echoed datagram from
/proc/PID/stat (user+system, and user alone) around the measured interval.
"Per datagram" is per echo: one datagram received and one sent.

Loss. The kernel drops a datagram when the server's receive buffer is full
(212,992 bytes by default, and a small datagram's buffer charge is near
1 KiB, so about 200 queued datagrams): with 100 clients a server never
loses one, with 1,000 it loses whatever arrives while it is behind, and
those clients wait out the timeout. No server here raises SO_RCVBUF (none
of these libraries does by default), so each is measured as its users run
it, and the loss column is part of the result: a slower server loses more.

How it runs. As bench/echo/run.py: the server pinned to one CPU and the
load generator to another; every cell (server x scenario x round) starts a
fresh server process, echoes one warm-up datagram through it, then runs the
load (0.5 s warm-up, 2 s measured); rounds are interleaved (round 1 runs
every scenario on every server, then round 2 again), so drift on a shared
machine spreads over all servers; medians over rounds, with min-max.
Scenarios: 100 and 1,000 clients x 64 B and 512 B. Without a C compiler the
load generator is loadgen.py (the same protocol in Python, in processes),
which is slower than the fast servers: the report says so.

Output (in bench/results/, or --out): udp.csv (every cell) and udp.md (the
tables, with ratios ours/peer). --quick (100 clients x 64 B, 1 round, 1 s)
writes results/quick/udp-quick.*: a smoke test, not a ranking.

Usage::

    python bench/udp/run.py                  # the default run (about 4 minutes)
    python bench/udp/run.py --quick          # under 1 minute
    python bench/udp/run.py --servers ours,go,ours-spawn,go-spawn --scenarios 1000x64
    python bench/udp/run.py --servers all    # also ours-spawn, ours-purepy, go-readers4, go-spawn

A server whose dependency is missing (uvloop, gevent, Go) is skipped with
the reason printed; Go is built with the ``go`` on PATH (or /usr/bin/go)
and never installed. The exit status is 1 if any server failed (no
"ready", a crash, an echo that was wrong: a mismatch is an error, a lost
datagram is not), 0 otherwise; nothing is asserted about speed.
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
LOADGEN_C = BUILD / "udp_loadgen"
GO_BIN = BUILD / "udp-echo-go"

SCENARIOS = [(100, 64), (100, 512), (1000, 64), (1000, 512)]
QUICK_SCENARIOS = [(100, 64)]
TIMEOUT_MS = 50.0  # a request not echoed within this is lost (p99 under load is a few ms)
READY_TIMEOUT = 30.0  # s for a server to print "ready"
CLIENT_SATURATED = 0.9  # client CPU share above which echoes/s is the client's limit


@dataclass
class Server:
    name: str
    title: str
    cmd: list[str]
    default: bool = True  # in the default set (else only by name or with --servers all)
    needs: Callable[[], str | None] = field(default=lambda: None)  # why it cannot run, or None


PORT = "{port}"  # in a Server's cmd: where the port goes


def _py(script: str, *args: str) -> list[str]:
    return [sys.executable, str(SERVERS_DIR / script), PORT, *args]


def _module_missing(mod: str) -> Callable[[], str | None]:
    def check() -> str | None:
        if find_spec(mod) is None:
            return f"{mod} is not installed for {sys.executable} (pip install -e '.[bench]')"
        return None

    return check


BUILD_ERRORS: dict[str, str] = {}


def _go_missing() -> str | None:
    return None if GO_BIN.exists() else BUILD_ERRORS.get("go", f"{GO_BIN} was not built")


SERVERS = [
    Server("ours", "ours (ReadFromUDP/WriteToUDP loop)", _py("ours.py", "loop")),
    Server("ours-readers4", "ours, 4 reader goroutines", _py("ours.py", "readers:4")),
    Server("ours-spawn", "ours, goroutine per datagram", _py("ours.py", "spawn"), False),
    Server("ours-purepy", "ours, GONET_PUREPY=1",
           ["env", "GONET_PUREPY=1", *_py("ours.py", "loop")], False),
    Server("go", "Go net (loop)", [str(GO_BIN), PORT, "loop"], needs=_go_missing),
    Server("go-readers4", "Go net, 4 reader goroutines", [str(GO_BIN), PORT, "readers:4"], False,
           _go_missing),
    Server("go-spawn", "Go net, goroutine per datagram", [str(GO_BIN), PORT, "spawn"], False,
           _go_missing),
    Server("asyncio", "asyncio DatagramProtocol", _py("asyncio_datagram.py")),
    Server("uvloop", "uvloop DatagramProtocol", _py("uvloop_datagram.py"),
           needs=_module_missing("uvloop")),
    Server("gevent", "gevent DatagramServer", _py("gevent_server.py"),
           needs=_module_missing("gevent")),
    Server("gevent-loop", "gevent socket loop", _py("gevent_loop.py"),
           needs=_module_missing("gevent")),
]
BY_NAME = {s.name: s for s in SERVERS}


def _version(dist: str) -> str | None:
    try:
        return version(dist)
    except PackageNotFoundError:
        return None


# ---------------------------------------------------------------------------
# Setup: the C load generator and the Go server.


def _stale(out: Path, src: Path) -> bool:
    return not out.exists() or out.stat().st_mtime < src.stat().st_mtime


def build_loadgen() -> str | None:
    """Build loadgen.c into _build/udp_loadgen; return why not, or None."""
    cc = os.environ.get("CC") or shutil.which("cc") or shutil.which("gcc")
    if cc is None:
        return "no C compiler (cc or gcc) on PATH"
    if not _stale(LOADGEN_C, HERE / "loadgen.c"):
        return None
    BUILD.mkdir(exist_ok=True)
    r = subprocess.run([cc, "-O2", "-Wall", "-o", str(LOADGEN_C), str(HERE / "loadgen.c")],
                       capture_output=True, text=True, timeout=120, check=False)
    if r.returncode != 0:
        return f"{cc} failed on loadgen.c: {r.stderr.strip()[-500:]}"
    return None


def _go() -> str | None:
    return shutil.which("go") or ("/usr/bin/go" if os.path.exists("/usr/bin/go") else None)


def build_go() -> str | None:
    """Build servers/udp_echo.go into _build/udp-echo-go; return why not, or None."""
    go = _go()
    if go is None:
        return "go is not installed (no go on PATH, no /usr/bin/go)"
    src = SERVERS_DIR / "udp_echo.go"
    if not _stale(GO_BIN, src):
        return None
    BUILD.mkdir(exist_ok=True)
    # No module, no network: the standard library is all it needs.
    env = dict(os.environ, GOCACHE=str(BUILD / "go-cache"), GOPATH=str(BUILD / "gopath"),
               GOPROXY="off", GOFLAGS="", GOTOOLCHAIN="local", GOTELEMETRY="off")
    try:
        r = subprocess.run([go, "build", "-o", str(GO_BIN), str(src)], capture_output=True,
                           text=True, env=env, timeout=300, check=False)
    except subprocess.TimeoutExpired:
        return "go build timed out"
    if r.returncode != 0:
        return f"go build failed: {r.stderr.strip()[-500:]}"
    return None


def go_version() -> str | None:
    go = _go()
    if go is None:
        return None
    r = subprocess.run([go, "env", "GOVERSION"], capture_output=True, text=True, timeout=30,
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
        cmd = [str(port) if a == PORT else a for a in server.cmd]
        self.proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                     stderr=self.stderr, env=env, cwd=SERVERS_DIR,
                                     start_new_session=True, preexec_fn=child_setup(cpu))

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


def warm(port: int) -> str | None:
    """Echo one datagram through the fresh server; return what went wrong, or None.

    Also proves the server answers before the load starts. Each try waits
    0.5 s (a datagram can be lost), 10 tries at most.
    """
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
        s.settimeout(0.5)
        s.connect(("127.0.0.1", port))
        for i in range(10):
            msg = b"warm-up %d " % i + b"w" * 52
            try:
                s.send(msg)
                for _ in range(10):  # the echo, after stale echoes of earlier tries
                    got = s.recv(2048)
                    if got == msg:
                        return None
                    if not got.startswith(b"warm-up "):
                        return f"echoed the warm-up datagram wrong: {got[:20]!r}"
            except TimeoutError:
                continue
            except OSError as e:
                return f"warm-up datagram failed: {e}"
    return "did not echo a warm-up datagram in 10 tries of 0.5 s"


def loadgen_cmd(python_loadgen: bool) -> list[str]:
    if python_loadgen:
        return [sys.executable, str(HERE / "loadgen.py")]
    return [str(LOADGEN_C)]


def run_loadgen(cmd: list[str], cpu: int | None,
                timeout: float) -> tuple[dict[str, Any] | None, str | None]:
    """Run the load generator; return (its JSON, None) or (its JSON or None, what went wrong)."""
    try:
        r = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout,
                           preexec_fn=child_setup(cpu), check=False)
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


def measure(server: Server, clients: int, size: int, seconds: float, warmup: float,
            timeout_ms: float, cpus: tuple[int | None, int | None],
            python_loadgen: bool) -> dict[str, Any]:
    """One cell: a fresh server, one warm-up datagram, one load, the server stopped.

    Never raises for a bad server.
    """
    port = free_port(socket.SOCK_DGRAM)
    srv = Running(server, port, cpus[1])
    try:
        why = srv.wait_ready(READY_TIMEOUT)
        if why is None:
            why = warm(port)
        if why is not None:
            return {"status": f"failed: {why}"}
        cmd = loadgen_cmd(python_loadgen) + [
            "-p", str(port), "-c", str(clients), "-s", str(size), "-t", str(seconds),
            "-w", str(warmup), "-o", str(timeout_ms), "-P", str(srv.proc.pid)]
        res, why = run_loadgen(cmd, cpus[0], warmup + seconds + timeout_ms / 1000 + 60)
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


# ---------------------------------------------------------------------------
# Reporting.


def scen_name(clients: int, size: int) -> str:
    return f"{clients:,} clients x {size} B"


def fmt_int(x: float) -> str:
    return f"{x:,.0f}"


def fmt_us(x: float) -> str:
    return f"{x:.1f}" if x < 100 else f"{x:,.0f}"


def fmt_pct(x: float) -> str:
    return "<0.1%" if 0 < x < 0.0005 else f"{100 * x:.1f}%"


def spread(vals: list[float], fmt: Callable[[float], str]) -> str:
    med = statistics.median(vals)
    if len(vals) == 1:
        return fmt(med)
    return f"{fmt(med)} ({fmt(min(vals))}–{fmt(max(vals))})"


def ratio(ours: float | None, peer: float | None) -> str:
    """ours / peer, or a dash."""
    if ours is None or not peer:
        return "–"
    return f"{ours / peer:.2f}"


METRICS = ("rps", "cpu_us_per_dgram", "user_us_per_dgram", "loss", "late", "p50_us", "p99_us",
           "server_cpu_share", "client_cpu_share")


def summarize(rows: list[dict[str, Any]], servers: list[Server],
              scenarios: list[tuple[int, int]]) -> dict[tuple[str, int, int], dict[str, Any]]:
    """Per (server, clients, size): the ok rounds' values, medians, and failures."""
    out: dict[tuple[str, int, int], dict[str, Any]] = {}
    for s in servers:
        for clients, size in scenarios:
            cells = [r for r in rows if r["server"] == s.name and r["clients"] == clients
                     and r["size"] == size]
            ok = [r for r in cells if r["status"] == "ok"]
            agg: dict[str, Any] = {"n": len(ok), "failed": len(cells) - len(ok)}
            for k in METRICS:
                vals = [float(r[k]) for r in ok if r.get(k) is not None and float(r[k]) >= 0]
                agg[k] = vals
                agg[k + "_med"] = statistics.median(vals) if vals else None
            out[s.name, clients, size] = agg
    return out


def markdown(summary: dict[tuple[str, int, int], dict[str, Any]], servers: list[Server],
             scenarios: list[tuple[int, int]], meta: dict[str, Any],
             skipped: dict[str, str]) -> str:
    md: list[str] = []
    md.append("# UDP echo benchmark")
    md.append("")
    if meta["rounds"] == 1:
        md.append("**One round: this shows that every server echoes correctly and roughly "
                  "how fast; on a shared machine one round is noise, not a ranking.**")
        md.append("")
    md.append(f"{meta['when']}; Python {meta['python']}, {meta['machine']}; "
              f"{meta['rounds']} interleaved round(s), {meta['seconds']:g} s measured after "
              f"{meta['warmup']:g} s warm-up per cell, a fresh server per cell; "
              f"{meta['pinning']}; load generator: {meta['loadgen']}; a request not echoed "
              f"within {meta['timeout_ms']:g} ms is lost. Loopback only.")
    md.append(f"Versions: {meta['versions']}.")
    md.append("")
    md.append("Medians over rounds, with min–max. Each client is a connected UDP socket with "
              "one datagram in flight (send, wait for the echo, send the next). "
              "**echoes/s** = datagrams echoed back per second (higher is better). "
              "**CPU µs/dgram** = server CPU (user+system) per echoed datagram (one "
              "received, one sent), **user** = its user-space part (lower is better). "
              "**ours/peer** = our figure divided by this server's: for echoes/s below 1 "
              "means we are slower, for CPU above 1 means we cost more. **loss** = requests "
              "not echoed within the timeout (the kernel dropped them when the server's "
              "receive buffer was full), of all requests resolved; **late** = echoes that "
              "came back after their timeout (counted in echoes/s, not in latency). "
              "**server**, **client** = CPU share of the server and of the load generator: "
              "with the client near 100% echoes/s is the client's limit and CPU µs/dgram "
              "is the figure that separates servers; a cell where both are well below "
              "100% lost CPU to something else on the machine (the min–max shows how much "
              "that moved the median). Latency in µs, on-time echoes only.")
    if meta["loadgen_note"]:
        md.append("")
        md.append(f"**{meta['loadgen_note']}**")
    base_name = "ours" if any(s.name == "ours" for s in servers) else None

    md.append("")
    md.append("## Summary: median echoes/s and CPU µs per datagram")
    md.append("")
    md.append("| server | " + " | ".join(f"{scen_name(c, s)} echoes/s | µs/dgram"
                                           for c, s in scenarios) + " |")
    md.append("|---|" + "---:|---:|" * len(scenarios))
    for s in servers:
        cols = []
        for clients, size in scenarios:
            a = summary[s.name, clients, size]
            if not a["n"]:
                cols += ["failed", ""]
                continue
            cols += [fmt_int(a["rps_med"]),
                     fmt_us(a["cpu_us_per_dgram_med"]) if a["cpu_us_per_dgram_med"] else "–"]
        md.append(f"| {s.title} | " + " | ".join(cols) + " |")

    for clients, size in scenarios:
        md.append("")
        md.append(f"## {scen_name(clients, size)}")
        md.append("")
        md.append("| server | echoes/s | ours/peer | CPU µs/dgram | ours/peer | user µs/dgram "
                  "| ours/peer | loss | late/s | p50 µs | p99 µs | server | client |")
        md.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
        base = summary.get((base_name, clients, size)) if base_name else None
        for s in servers:
            a = summary[s.name, clients, size]
            if not a["n"]:
                md.append(f"| {s.title} | failed | | | | | | | | | | | |")
                continue
            bad = f" ({a['failed']} failed)" if a["failed"] else ""
            cpu = a["cpu_us_per_dgram"]
            usr = a["user_us_per_dgram"]
            # ours/peer for each figure; blank on our own row
            r = {k: "" if s.name == base_name else ratio(base[k] if base else None, a[k])
                 for k in ("rps_med", "cpu_us_per_dgram_med", "user_us_per_dgram_med")}
            md.append(
                f"| {s.title}{bad} | {spread(a['rps'], fmt_int)} | {r['rps_med']} "
                f"| {spread(cpu, fmt_us) if cpu else '–'} | {r['cpu_us_per_dgram_med']} "
                f"| {spread(usr, fmt_us) if usr else '–'} | {r['user_us_per_dgram_med']} "
                f"| {spread(a['loss'], fmt_pct)} | {fmt_int(a['late_med'] / meta['seconds'])} "
                f"| {fmt_us(a['p50_us_med'])} | {fmt_us(a['p99_us_med'])} "
                f"| {a['server_cpu_share_med']:.0%} | {a['client_cpu_share_med']:.0%} |")
    if skipped:
        md.append("")
        md.append("## Skipped")
        md.append("")
        for name, why in skipped.items():
            md.append(f"- {BY_NAME[name].title}: {why}")
    return "\n".join(md) + "\n"


# ---------------------------------------------------------------------------


def parse_scenarios(text: str) -> list[tuple[int, int]]:
    out = []
    for part in text.split(","):
        clients, _, size = part.strip().lower().partition("x")
        out.append((int(clients), int(size)))
    return out


def pick_cpus() -> tuple[tuple[int | None, int | None], str]:
    """(load generator CPU, server CPU), and how to describe it."""
    cpus = sorted(os.sched_getaffinity(0))
    if len(cpus) < 2:
        return (None, None), "NOT pinned: fewer than 2 usable CPUs"
    return (cpus[0], cpus[-1]), f"server pinned to CPU {cpus[-1]}, load generator to CPU {cpus[0]}"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="UDP echo benchmark: ours vs Go, asyncio, uvloop "
                                 "and gevent", epilog="See the module docstring.")
    ap.add_argument("--quick", action="store_true",
                    help="100 clients x 64 B, 1 round, 1 s measured (a smoke test)")
    ap.add_argument("--servers", help="comma-separated subset of: "
                    + ", ".join(s.name for s in SERVERS) + "; or 'all'")
    ap.add_argument("--scenarios", help="comma-separated CLIENTSxSIZE, e.g. 100x64,1000x512")
    ap.add_argument("--rounds", type=int, help="interleaved rounds (default 3, quick 1)")
    ap.add_argument("--seconds", type=float, help="measured seconds per cell (default 2, quick 1)")
    ap.add_argument("--warmup", type=float, help="load warm-up seconds per cell (default 0.5)")
    ap.add_argument("--timeout-ms", type=float, default=TIMEOUT_MS,
                    help=f"a request not echoed within this is lost (default {TIMEOUT_MS:g})")
    ap.add_argument("--loadgen", choices=("c", "python"), default="c",
                    help="the load generator (default c; python is the fallback without cc)")
    ap.add_argument("--out", type=Path, help="directory for the results (default bench/results)")
    args = ap.parse_args(argv)

    started = time.monotonic()
    rounds = args.rounds or (1 if args.quick else 3)
    seconds = args.seconds or (1.0 if args.quick else 2.0)
    warmup = args.warmup if args.warmup is not None else 0.5
    scenarios = (parse_scenarios(args.scenarios) if args.scenarios
                 else QUICK_SCENARIOS if args.quick else SCENARIOS)
    stem = "udp-quick" if args.quick else "udp"
    # Quick results are a smoke test, not a ranking: kept out of git.
    out_dir = args.out or (RESULTS / "quick" if args.quick else RESULTS)
    if args.servers == "all":
        wanted = list(BY_NAME)
    elif args.servers:
        wanted = [s.strip() for s in args.servers.split(",")]
    else:
        wanted = [s.name for s in SERVERS if s.default]
    for name in wanted:
        if name not in BY_NAME:
            ap.error(f"unknown server {name!r}")

    # setup
    python_loadgen = args.loadgen == "python"
    loadgen_note = ""
    if python_loadgen:
        loadgen_note = ("The load generator is loadgen.py (Python), by request: the fast "
                        "servers are measured at the client's speed.")
    else:
        why = build_loadgen()
        if why is not None:
            python_loadgen = True
            loadgen_note = (f"The C load generator could not be built ({why}); loadgen.py "
                            "(Python) ran instead: the fast servers are measured at the "
                            "client's speed.")
            print(f"udp benchmark: {loadgen_note}")
    if any(BY_NAME[n].cmd[0] == str(GO_BIN) for n in wanted):
        why = build_go()
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
            "timeout_ms": args.timeout_ms, "versions": versions or "-",
            "loadgen": "loadgen.py (Python)" if python_loadgen else "loadgen.c",
            "loadgen_note": loadgen_note}

    print(f"UDP echo benchmark ({'quick' if args.quick else 'full'}): "
          f"{len(servers)} servers, {len(scenarios)} scenarios, {rounds} rounds, "
          f"{seconds:g} s + {warmup:g} s warm-up per cell; {pinning}; {meta['loadgen']}")
    print(f"Python {meta['python']}; {versions}")
    for name, why in skipped.items():
        print(f"skipped: {name}: {why}")
    print(flush=True)

    rows: list[dict[str, Any]] = []
    failures: list[str] = []
    for rnd in range(1, rounds + 1):
        for clients, size in scenarios:
            for s in servers:
                res = measure(s, clients, size, seconds, warmup, args.timeout_ms, cpus,
                              python_loadgen)
                row = {"round": rnd, "server": s.name, "clients": clients, "size": size, **res}
                rows.append(row)
                line = f"round {rnd}/{rounds}  {scen_name(clients, size):<20} {s.name:<14}"
                if res["status"] == "ok":
                    sat = " client-bound" if res["client_cpu_share"] > CLIENT_SATURATED else ""
                    line += (f"{res['rps']:>9,.0f} echoes/s  {res['cpu_us_per_dgram']:6.1f} "
                             f"µs/dgram (user {res['user_us_per_dgram']:5.1f})  loss "
                             f"{fmt_pct(res['loss']):>6}  p50 {res['p50_us']:6.0f} "
                             f"p99 {res['p99_us']:6.0f} µs  server {res['server_cpu_share']:.0%}"
                             f"{sat}")
                    if res["starved"]:
                        line += f"  {res['starved']} clients starved"
                else:
                    line += res["status"]
                    failures.append(f"{s.name} {scen_name(clients, size)} round {rnd}: "
                                    f"{res['status']}")
                print(line, flush=True)
                if "warning" in res:
                    print(f"    warning: {res['warning']}", flush=True)

    # output
    out_dir.mkdir(parents=True, exist_ok=True)
    cols = ["round", "server", "clients", "size", "status", "rps", "cpu_us_per_dgram",
            "user_us_per_dgram", "loss", "echoes", "ontime", "late", "lost", "sent",
            "send_fail", "p50_us", "p99_us", "p999_us", "max_us", "server_cpu_share",
            "client_cpu_share", "client_min", "client_max", "starved", "seconds", "timeout_ms",
            "errors", "first_error"]
    with open(out_dir / f"{stem}.csv", "w", newline="") as f:
        w = csv.DictWriter(f, cols, extrasaction="ignore")
        w.writeheader()
        w.writerows(rows)
    summary = summarize(rows, servers, scenarios)
    md = markdown(summary, servers, scenarios, meta, skipped)
    (out_dir / f"{stem}.md").write_text(md)
    print()
    print(md)
    written = [out_dir / f"{stem}.csv", out_dir / f"{stem}.md"]
    print("written: " + ", ".join(str(p.relative_to(ROOT) if p.is_relative_to(ROOT) else p)
                                  for p in written))
    print(f"total time {time.monotonic() - started:.0f} s")
    if failures:
        print(f"\nFAILED: {len(failures)} cell(s) did not echo correctly:")
        for f_ in failures:
            print(f"  {f_}")
        return 1
    print(f"every server answered correctly ({len(rows)} cells)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
