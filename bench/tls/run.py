"""The TLS echo benchmark: our crypto/tls beside asyncio, uvloop, gevent and Go.

What it measures. Each server in servers/ is a short, idiomatic TLS echo
server on 127.0.0.1, all with the same certificate (a throwaway EC P-256 CA
and a server certificate for "localhost", made with openssl for each run)
and TLS 1.3 only: ours (``std.crypto.tls``: tls.LoadX509KeyPair, tls.Listen,
a goroutine per connection in a Read/Write loop, the program Go's would be),
Go's crypto/tls (the same program, tls_echo.go), asyncio streams and an
asyncio Protocol behind ``ssl=`` on the default loop and on uvloop, and
gevent's StreamServer with ``ssl_context=`` (gevent.ssl sockets, a greenlet
per connection). loadgen.go, a crypto/tls client, drives them:

* echo, N connections x S bytes: N connections are set up (handshake and
  one checked echo) first; then each keeps one request of S bytes in flight
  (write, read the echo in full, check every byte, write the next) for the
  warm-up and then the measured seconds. Reported: echoes/s and the server's
  CPU time (user+system, /proc/PID/stat) per echo, in µs.
* handshake, N workers: each in a loop of dial, TLS 1.3 handshake (X25519,
  an ECDSA P-256 signature), one checked 64-byte echo, Close. Reported:
  handshakes/s and the server's CPU per handshake, in ms. Every handshake
  is a full one (the client keeps no session cache; the servers send their
  default session tickets, which nobody uses).

The client skips certificate verification under load (it costs the client,
not the server); the warm-up verifies the chain once per server.

How it runs. The server is pinned to one CPU, the load generator (one Go
process, GOMAXPROCS follows the pinning: 1) to the other. Each round starts
every server once, as a long-running server is used: after "ready", 20
connections one after another (the certificate verified against the CA,
64 B and 4 KiB echoed, closed), then each scenario in turn on that process,
each with 0.5 s of load before the measured seconds. Rounds are
interleaved and the server order rotates from round to round, so drift on
a shared machine spreads over all servers; medians over rounds, with
min-max; ratios ours/peer.

Output (in bench/results/, or --out): tls.json (every cell, with the setup)
and tls.md (the tables). Both name the code measured (commit, and a hash of
rt/, net/ and std/ before and after the run; a change mid-run is reported);
whatever a server wrote to stderr is kept in the JSON (server_stderr).
--quick (50 connections x 64 B and 16 handshake workers, one round, 1 s)
writes results/quick/tls-quick.*: a smoke test, not a ranking.

Usage::

    python bench/tls/run.py                 # the default run (about 5 minutes)
    python bench/tls/run.py --quick         # under 1 minute
    python bench/tls/run.py --servers ours,go --scenarios echo:50x64,hs:50 --rounds 1

A server whose dependency is missing (uvloop, gevent, Go) is skipped with
the reason printed; Go (the load generator and its server) is built with the
``go`` on PATH or /usr/bin/go and never installed; without Go there is no
load generator and the benchmark stops with that reason. The exit status is
1 if any server failed (no "ready", a crash, a wrong echo or a failed
connection), 0 otherwise; nothing is asserted about speed.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import select
import shutil
import signal
import ssl
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
LOADGEN = BUILD / "tls-loadgen"
GO_BIN = BUILD / "tls-echo-go"

READY_TIMEOUT = 30.0  # s for a server to print "ready"
WARM_CONNS = 20  # connections opened, echoed and closed before the first scenario
CLIENT_SATURATED = 0.9  # client CPU share above which the rate is the client's limit


@dataclass(frozen=True)
class Scenario:
    kind: str  # "echo" or "handshake"
    conns: int  # connections (echo) or concurrent workers (handshake)
    size: int  # bytes per echo

    @property
    def key(self) -> str:
        return f"echo:{self.conns}x{self.size}" if self.kind == "echo" else f"hs:{self.conns}"

    @property
    def title(self) -> str:
        if self.kind == "echo":
            size = f"{self.size // 1024} KiB" if self.size % 1024 == 0 else f"{self.size} B"
            return f"{self.conns} connections x {size}"
        return f"handshakes, {self.conns} concurrent"


SCENARIOS = [Scenario("echo", 50, 64), Scenario("echo", 200, 64), Scenario("echo", 50, 4096),
             Scenario("handshake", 50, 64)]
QUICK_SCENARIOS = [Scenario("echo", 50, 64), Scenario("handshake", 16, 64)]


@dataclass
class Server:
    name: str
    title: str
    cmd: list[str]
    needs: Callable[[], str | None] = field(default=lambda: None)  # why it cannot run, or None


PORT, CERT, KEY = "{port}", "{cert}", "{key}"  # in a Server's cmd: filled in per run


def _py(script: str, *args: str) -> list[str]:
    return [sys.executable, str(SERVERS_DIR / script), PORT, CERT, KEY, *args]


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
    Server("ours", "ours (std.crypto.tls, goroutine per conn)", _py("ours.py")),
    Server("go", "Go crypto/tls", [str(GO_BIN), PORT, CERT, KEY], _go_missing),
    Server("asyncio-streams", "asyncio streams + ssl", _py("asyncio_streams.py")),
    Server("asyncio-protocol", "asyncio Protocol + ssl", _py("asyncio_protocol.py")),
    Server("uvloop-streams", "uvloop streams + ssl", _py("asyncio_streams.py", "uvloop"),
           _module_missing("uvloop")),
    Server("uvloop-protocol", "uvloop Protocol + ssl", _py("asyncio_protocol.py", "uvloop"),
           _module_missing("uvloop")),
    Server("gevent", "gevent StreamServer + gevent.ssl", _py("gevent_echo.py"),
           _module_missing("gevent")),
]
BY_NAME = {s.name: s for s in SERVERS}


def _version(dist: str) -> str | None:
    try:
        return version(dist)
    except PackageNotFoundError:
        return None


# ---------------------------------------------------------------------------
# Setup: Go programs, certificates.


def _go() -> str | None:
    return shutil.which("go") or ("/usr/bin/go" if os.path.exists("/usr/bin/go") else None)


def _stale(out: Path, src: Path) -> bool:
    return not out.exists() or out.stat().st_mtime < src.stat().st_mtime


def go_build(src: Path, out: Path) -> str | None:
    """go build src into out (standard library only, no network); return why not, or None."""
    go = _go()
    if go is None:
        return "go is not installed (no go on PATH, no /usr/bin/go)"
    if not _stale(out, src):
        return None
    BUILD.mkdir(exist_ok=True)
    env = dict(os.environ, GOCACHE=str(BUILD / "go-cache"), GOPATH=str(BUILD / "gopath"),
               GOPROXY="off", GOFLAGS="", GOTOOLCHAIN="local", GOTELEMETRY="off")
    try:
        r = subprocess.run([go, "build", "-o", str(out), str(src)], capture_output=True,
                           text=True, env=env, cwd=BUILD, timeout=300, check=False)
    except subprocess.TimeoutExpired:
        return f"go build {src.name} timed out"
    if r.returncode != 0:
        return f"go build {src.name} failed: {r.stderr.strip()[-500:]}"
    return None


def go_version() -> str | None:
    go = _go()
    if go is None:
        return None
    r = subprocess.run([go, "env", "GOVERSION"], capture_output=True, text=True, timeout=30,
                       check=False)
    return r.stdout.strip().removeprefix("go") or None


def make_certs(d: Path) -> tuple[Path, Path, Path]:
    """A throwaway EC P-256 CA and a server certificate for localhost/127.0.0.1, signed by it.

    Returns (ca.pem, server.pem, server.key); the key is PKCS#8, which every
    server here reads. Raises RuntimeError with openssl's words if it fails.
    """
    def run(*args: str) -> None:
        r = subprocess.run(["openssl", *args], cwd=d, capture_output=True, text=True,
                           timeout=60, check=False)
        if r.returncode != 0:
            raise RuntimeError(f"openssl {args[0]} failed: {r.stderr.strip()[-300:]}")

    if shutil.which("openssl") is None:
        raise RuntimeError("no openssl command on PATH")
    run("genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256", "-out", "ca.key")
    run("req", "-x509", "-new", "-key", "ca.key", "-subj", "/CN=bench tls CA", "-days", "2",
        "-addext", "basicConstraints=critical,CA:TRUE",
        "-addext", "keyUsage=critical,keyCertSign", "-out", "ca.pem")
    run("genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256",
        "-out", "server.key")
    run("req", "-new", "-key", "server.key", "-subj", "/CN=localhost", "-out", "server.csr")
    (d / "ext.cnf").write_text("subjectAltName=DNS:localhost,IP:127.0.0.1\n"
                               "basicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n")
    run("x509", "-req", "-in", "server.csr", "-CA", "ca.pem", "-CAkey", "ca.key",
        "-CAcreateserial", "-days", "2", "-extfile", "ext.cnf", "-out", "server.pem")
    return d / "ca.pem", d / "server.pem", d / "server.key"


def tree_state() -> dict[str, str]:
    """What is measured: the commit, whether rt/net/std differ from it, and a hash of them.

    The hash covers every file under rt/, net/ and std/ (sources and built
    extensions); run.py takes it before and after the run, and the report
    says so if the code under test changed in between.
    """
    import hashlib

    h = hashlib.sha256()
    for pkg in ("rt", "net", "std"):
        for path in sorted((ROOT / pkg).rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts:
                h.update(str(path.relative_to(ROOT)).encode())
                h.update(path.read_bytes())
    out = {"tree_sha256": h.hexdigest()[:16]}
    try:
        head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT,
                              capture_output=True, text=True, timeout=30, check=False)
        dirty = subprocess.run(["git", "status", "--porcelain", "--", "rt", "net", "std"],
                               cwd=ROOT, capture_output=True, text=True, timeout=30,
                               check=False)
        if head.returncode == 0:
            out["commit"] = head.stdout.strip() + (" (rt/net/std modified)"
                                                   if dirty.stdout.strip() else "")
    except (OSError, subprocess.TimeoutExpired):
        pass
    return out


# ---------------------------------------------------------------------------
# Running one server and the load.


class Running:
    """A server process in its own process group, killed whole on stop."""

    def __init__(self, server: Server, port: int, cert: Path, key: Path,
                 cpu: int | None) -> None:
        self.server = server
        self.stderr = tempfile.TemporaryFile()
        env = dict(os.environ)
        # The Python servers import rt, net and std from this checkout; a
        # PYTHONPATH set by the caller comes first, so another tree can be measured.
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [env.get("PYTHONPATH"), str(ROOT)]))
        env["PYTHONUNBUFFERED"] = "1"
        fill = {PORT: str(port), CERT: str(cert), KEY: str(key)}
        cmd = [fill.get(a, a) for a in server.cmd]
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
                if not chunk:
                    break
                seen += chunk
                if b"ready" in seen:
                    return None
            elif self.proc.poll() is not None:
                break
        try:
            self.proc.wait(1)
        except subprocess.TimeoutExpired:
            return f"not ready after {timeout:.0f} s: {self.errors()}"
        return f"exited with status {self.proc.returncode} before ready: {self.errors()}"

    def errors(self, lines: int = 3) -> str:
        self.stderr.seek(0)
        text = self.stderr.read().decode(errors="replace").strip().splitlines()
        return " | ".join(text[-lines:]) if text else "(nothing on stderr)"

    def has_stderr(self) -> bool:
        return os.fstat(self.stderr.fileno()).st_size > 0

    def stderr_tail(self, limit: int = 4000) -> str:
        self.stderr.seek(0)
        return self.stderr.read().decode(errors="replace")[-limit:]

    def stop(self) -> None:
        try:
            os.killpg(self.proc.pid, signal.SIGTERM if self.proc.poll() is None
                      else signal.SIGKILL)
            self.proc.wait(3)
        except subprocess.TimeoutExpired:
            os.killpg(self.proc.pid, signal.SIGKILL)
            self.proc.wait(5)
        except ProcessLookupError:
            pass
        if self.proc.stdout is not None:
            self.proc.stdout.close()
        self.stderr.close()


def loadgen(args: list[str], cpu: int | None,
            timeout: float) -> tuple[dict[str, Any], str | None]:
    """Run the load generator; return (its JSON, None) or (its JSON or {}, what went wrong)."""
    try:
        r = subprocess.run([str(LOADGEN), *args], capture_output=True, text=True,
                           timeout=timeout, preexec_fn=child_setup(cpu), check=False)
    except subprocess.TimeoutExpired:
        return {}, f"load generator timed out after {timeout:.0f} s"
    result: dict[str, Any] = {}
    lines = r.stdout.strip().splitlines()
    if lines:
        try:
            result = json.loads(lines[-1])
        except json.JSONDecodeError:
            pass
    if r.returncode != 0 or not result:
        err = r.stderr.strip().splitlines()
        why = result.get("first_error") or (err[0] if err else "")
        n = result.get("errors")
        return result, f"load generator exit {r.returncode}" + (f", {n} errors" if n else "") \
            + f": {why}"
    return result, None


def run_server(server: Server, scenarios: list[Scenario], seconds: float, warmup: float,
               certs: tuple[Path, Path, Path],
               cpus: tuple[int | None, int | None]) -> list[dict[str, Any]]:
    """One server process through every scenario; one row per scenario. Never raises."""
    ca, cert, key = certs
    port = free_port()
    srv = Running(server, port, cert, key, cpus[1])
    rows = [{"scenario": sc.key, "kind": sc.kind, "conns": sc.conns, "size": sc.size}
            for sc in scenarios]
    try:
        why = srv.wait_ready(READY_TIMEOUT)
        if why is None:
            res, why = loadgen(["-addr", f"127.0.0.1:{port}", "-mode", "warm",
                                "-c", str(WARM_CONNS), "-ca", str(ca)], cpus[0], 60)
            if why is None and res.get("tls_version") != "TLS 1.3":
                why = f"negotiated {res.get('tls_version')!r}, not TLS 1.3"
            if why is not None:
                why = f"warm-up: {why}"
        if why is not None:
            for row in rows:
                row["status"] = f"failed: {why}"
            return rows
        for sc, row in zip(scenarios, rows, strict=True):
            if srv.proc.poll() is not None:
                row["status"] = (f"failed: server exited with status {srv.proc.returncode}: "
                                 f"{srv.errors()}")
                continue
            res, why = loadgen(["-addr", f"127.0.0.1:{port}", "-mode", sc.kind,
                                "-c", str(sc.conns), "-s", str(sc.size), "-t", str(seconds),
                                "-w", str(warmup), "-P", str(srv.proc.pid)],
                               cpus[0], warmup + seconds + 60)
            row.update(res)
            if why is None and srv.proc.poll() is not None:
                why = f"server exited with status {srv.proc.returncode}: {srv.errors()}"
            if why is not None:
                if srv.has_stderr():
                    why += f" (server stderr: {srv.errors()})"
                row["status"] = f"failed: {why}"
            else:
                row["status"] = "ok"
        if srv.has_stderr():
            for row in rows:
                row.setdefault("warning", f"server wrote to stderr: {srv.errors()}")
            rows[0]["server_stderr"] = srv.stderr_tail()  # the whole of it, in the JSON
        return rows
    finally:
        srv.stop()


# ---------------------------------------------------------------------------
# Reporting.


def fmt_int(x: float) -> str:
    return f"{x:,.0f}"


def fmt_cpu(x: float) -> str:
    return f"{x:.2f}" if x < 10 else f"{x:.1f}" if x < 100 else f"{x:,.0f}"


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


METRICS = ("ops_per_s", "cpu", "user_share", "p50_ms", "p99_ms", "server_cpu_share",
           "client_cpu_share")


def derive(row: dict[str, Any]) -> None:
    """Add the reported units to an ok row: CPU per op in µs (echo) or ms (handshake)."""
    if row.get("status") != "ok" or "cpu_us_per_op" not in row:
        return
    div = 1000.0 if row["kind"] == "handshake" else 1.0
    row["cpu"] = row["cpu_us_per_op"] / div
    row["user_share"] = row["server_user_s"] / row["server_cpu_s"] if row["server_cpu_s"] else 0
    row["p50_ms"] = row.get("p50_us", 0) / 1000
    row["p99_ms"] = row.get("p99_us", 0) / 1000


def summarize(rows: list[dict[str, Any]], servers: list[Server],
              scenarios: list[Scenario]) -> dict[tuple[str, str], dict[str, Any]]:
    """Per (server, scenario): the ok rounds' values, medians, and failures."""
    out: dict[tuple[str, str], dict[str, Any]] = {}
    for s in servers:
        for sc in scenarios:
            cells = [r for r in rows if r["server"] == s.name and r["scenario"] == sc.key]
            ok = [r for r in cells if r["status"] == "ok" and "cpu" in r]
            agg: dict[str, Any] = {"n": len(ok), "failed": len(cells) - len(ok)}
            for k in METRICS:
                vals = [float(r[k]) for r in ok if r.get(k) is not None]
                agg[k] = vals
                agg[k + "_med"] = statistics.median(vals) if vals else None
            out[s.name, sc.key] = agg
    return out


def markdown(summary: dict[tuple[str, str], dict[str, Any]], servers: list[Server],
             scenarios: list[Scenario], meta: dict[str, Any], skipped: dict[str, str]) -> str:
    md: list[str] = ["# TLS echo benchmark", ""]
    if meta["rounds"] == 1:
        md += ["**One round: this shows that every server echoes correctly and roughly how "
               "fast; on a shared machine one round is noise, not a ranking.**", ""]
    md.append(f"{meta['when']}; Python {meta['python']} ({meta['openssl']}), {meta['machine']}; "
              f"{meta['rounds']} interleaved round(s), {meta['seconds']:g} s measured after "
              f"{meta['warmup']:g} s of load per cell; each server started once per round and "
              f"warmed with {WARM_CONNS} connections (certificate verified, 64 B and 4 KiB "
              f"echoed, closed) before its first scenario; {meta['pinning']}; load generator: "
              f"loadgen.go (crypto/tls client). TLS 1.3 only, one EC P-256 certificate for all. "
              f"Loopback only.")
    md.append(f"Versions: {meta['versions']}. Code measured: commit {meta.get('commit', '?')}, "
              f"rt/net/std hash {meta['tree_sha256']}.")
    if meta.get("tree_changed"):
        md += ["", "**The code under test (rt/, net/, std/) changed while this ran "
               f"(hash {meta['tree_sha256']} at the start, {meta['tree_changed']} at the end): "
               "the rounds did not all measure the same code.**"]
    md += ["", "Medians over rounds, with min–max. **echoes/s**, **handshakes/s**: completed "
           "per second (higher is better). **CPU µs/echo**, **CPU ms/handshake**: server CPU "
           "(user+system, from /proc/PID/stat at 10 ms resolution) per operation (lower is "
           "better); **user** = the user-space share of it (the kernel splits user and system "
           "time by sampling, so this share is approximate). **ours/peer** = our figure divided "
           "by this server's: for rates below 1 means we are slower, for CPU above 1 means we "
           "cost more. An echo is one request written by the client, read, written back and "
           "read in full; a handshake is a new TCP connection, a full TLS 1.3 handshake, one "
           "64-byte echo and Close. **server**, **client** = CPU share of the server and of "
           "the load generator: a server below 100% with the client near 100% ran at the "
           "client's speed, and then CPU per operation is the figure that separates them. "
           "Latency p50/p99 in ms, per operation."]

    md += ["", "## Summary: medians", ""]
    head = []
    for sc in scenarios:
        unit = "echoes/s | µs/echo" if sc.kind == "echo" else "hs/s | ms/hs"
        head.append(f"{sc.title}: {unit}")
    md.append("| server | " + " | ".join(head) + " |")
    md.append("|---|" + "---:|---:|" * len(scenarios))
    for s in servers:
        cols = []
        for sc in scenarios:
            a = summary[s.name, sc.key]
            if not a["n"]:
                cols += ["failed", ""]
            else:
                cols += [fmt_int(a["ops_per_s_med"]), fmt_cpu(a["cpu_med"])]
        md.append(f"| {s.title} | " + " | ".join(cols) + " |")

    base_name = "ours" if any(s.name == "ours" for s in servers) else None
    md += ["", "## Ratios ours/peer (medians)", "",
           "Rate ratio (below 1: we are slower) / CPU-per-operation ratio (above 1: we cost "
           "more).", ""]
    md.append("| peer | " + " | ".join(sc.title for sc in scenarios) + " |")
    md.append("|---|" + "---:|" * len(scenarios))
    for s in servers:
        if s.name == base_name or base_name is None:
            continue
        cols = []
        for sc in scenarios:
            b, a = summary[base_name, sc.key], summary[s.name, sc.key]
            cols.append(f"{ratio(b['ops_per_s_med'], a['ops_per_s_med'])} / "
                        f"{ratio(b['cpu_med'], a['cpu_med'])}")
        md.append(f"| {s.title} | " + " | ".join(cols) + " |")

    for sc in scenarios:
        rate, cpu = (("echoes/s", "CPU µs/echo") if sc.kind == "echo"
                     else ("handshakes/s", "CPU ms/handshake"))
        md += ["", f"## {sc.title}", ""]
        md.append(f"| server | {rate} | ours/peer | {cpu} | ours/peer | user | p50 ms | p99 ms "
                  "| server | client |")
        md.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
        base = summary.get((base_name, sc.key)) if base_name else None
        for s in servers:
            a = summary[s.name, sc.key]
            if not a["n"]:
                md.append(f"| {s.title} | failed | | | | | | | | |")
                continue
            bad = f" ({a['failed']} failed)" if a["failed"] else ""
            r = {k: "" if s.name == base_name else ratio(base[k] if base else None, a[k])
                 for k in ("ops_per_s_med", "cpu_med")}
            md.append(
                f"| {s.title}{bad} | {spread(a['ops_per_s'], fmt_int)} | {r['ops_per_s_med']} "
                f"| {spread(a['cpu'], fmt_cpu)} | {r['cpu_med']} | {a['user_share_med']:.0%} "
                f"| {a['p50_ms_med']:.1f} | {a['p99_ms_med']:.1f} "
                f"| {a['server_cpu_share_med']:.0%} | {a['client_cpu_share_med']:.0%} |")
    if skipped:
        md += ["", "## Skipped", ""]
        md += [f"- {BY_NAME[name].title}: {why}" for name, why in skipped.items()]
    return "\n".join(md) + "\n"


# ---------------------------------------------------------------------------


def parse_scenarios(text: str) -> list[Scenario]:
    """echo:CONNSxSIZE or hs:WORKERS, comma-separated."""
    out = []
    for part in text.split(","):
        kind, _, spec = part.strip().lower().partition(":")
        if kind == "echo":
            conns, _, size = spec.partition("x")
            out.append(Scenario("echo", int(conns), int(size)))
        elif kind in ("hs", "handshake"):
            out.append(Scenario("handshake", int(spec), 64))
        else:
            raise ValueError(f"bad scenario {part!r} (echo:50x64 or hs:50)")
    return out


def pick_cpus() -> tuple[tuple[int | None, int | None], str]:
    """(load generator CPU, server CPU), and how to describe it."""
    cpus = sorted(os.sched_getaffinity(0))
    if len(cpus) < 2:
        return (None, None), "NOT pinned: fewer than 2 usable CPUs"
    return (cpus[0], cpus[-1]), f"server pinned to CPU {cpus[-1]}, load generator to CPU {cpus[0]}"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="TLS echo benchmark: ours vs Go, asyncio, uvloop "
                                 "and gevent", epilog="See the module docstring.")
    ap.add_argument("--quick", action="store_true",
                    help="echo:50x64 and hs:16, 1 round, 1 s measured (a smoke test)")
    ap.add_argument("--servers", help="comma-separated subset of: "
                    + ", ".join(s.name for s in SERVERS))
    ap.add_argument("--scenarios", help="comma-separated echo:CONNSxSIZE or hs:WORKERS, "
                    "e.g. echo:50x64,echo:200x4096,hs:50")
    ap.add_argument("--rounds", type=int, help="interleaved rounds (default 3, quick 1)")
    ap.add_argument("--seconds", type=float, help="measured seconds per cell (default 2, quick 1)")
    ap.add_argument("--warmup", type=float, help="seconds of load before measuring (default 0.5)")
    ap.add_argument("--out", type=Path, help="directory for the results (default bench/results)")
    args = ap.parse_args(argv)

    started = time.monotonic()
    rounds = args.rounds or (1 if args.quick else 3)
    seconds = args.seconds or (1.0 if args.quick else 2.0)
    warmup = args.warmup if args.warmup is not None else (0.3 if args.quick else 0.5)
    try:
        scenarios = (parse_scenarios(args.scenarios) if args.scenarios
                     else QUICK_SCENARIOS if args.quick else SCENARIOS)
    except ValueError as e:
        ap.error(str(e))
    stem = "tls-quick" if args.quick else "tls"
    # Quick results are a smoke test, not a ranking: kept out of git.
    out_dir = args.out or (RESULTS / "quick" if args.quick else RESULTS)
    wanted = [s.strip() for s in args.servers.split(",")] if args.servers else list(BY_NAME)
    for name in wanted:
        if name not in BY_NAME:
            ap.error(f"unknown server {name!r}")

    # setup
    why = go_build(HERE / "loadgen.go", LOADGEN)
    if why is not None:
        print(f"tls benchmark: no load generator: {why}", file=sys.stderr)
        return 1
    if "go" in wanted and (why := go_build(SERVERS_DIR / "tls_echo.go", GO_BIN)) is not None:
        BUILD_ERRORS["go"] = why
    skipped = {n: why for n in wanted if (why := BY_NAME[n].needs()) is not None}
    servers = [BY_NAME[n] for n in BY_NAME if n in wanted and n not in skipped]
    cpus, pinning = pick_cpus()
    versions = ", ".join(f"{k} {v}" for k, v in (
        ("greenlet", _version("greenlet")), ("gevent", _version("gevent")),
        ("uvloop", _version("uvloop")), ("go", go_version())) if v)
    meta = {"when": time.strftime("%Y-%m-%d %H:%M"), "python": platform.python_version(),
            "openssl": ssl.OPENSSL_VERSION,
            "machine": f"{platform.system()} {platform.release()} {platform.machine()}, "
                       f"{os.cpu_count()} CPUs",
            "rounds": rounds, "seconds": seconds, "warmup": warmup, "pinning": pinning,
            "versions": versions or "-", "scenarios": [sc.key for sc in scenarios],
            **tree_state()}

    print(f"TLS echo benchmark ({'quick' if args.quick else 'full'}): {len(servers)} servers, "
          f"{len(scenarios)} scenarios, {rounds} rounds, {seconds:g} s + {warmup:g} s of load "
          f"per cell; {pinning}")
    print(f"Python {meta['python']}, {meta['openssl']}; {versions}; code: commit "
          f"{meta.get('commit', '?')}, rt/net/std hash {meta['tree_sha256']}")
    for name, why in skipped.items():
        print(f"skipped: {name}: {why}")
    print(flush=True)

    rows: list[dict[str, Any]] = []
    failures: list[str] = []
    with tempfile.TemporaryDirectory(prefix="bench-tls-") as tmp:
        try:
            certs = make_certs(Path(tmp))
        except (RuntimeError, OSError, subprocess.TimeoutExpired) as e:
            print(f"tls benchmark: cannot make the certificates: {e}", file=sys.stderr)
            return 1
        for rnd in range(1, rounds + 1):
            k = (rnd - 1) % max(len(servers), 1)
            for s in servers[k:] + servers[:k]:  # rotate the order from round to round
                for row in run_server(s, scenarios, seconds, warmup, certs, cpus):
                    row = {"round": rnd, "server": s.name, **row}
                    derive(row)
                    rows.append(row)
                    line = f"round {rnd}/{rounds}  {s.name:<17} {row['scenario']:<14}"
                    if row["status"] == "ok" and "cpu" in row:
                        unit = "echoes/s" if row["kind"] == "echo" else "hs/s"
                        cunit = "µs/echo" if row["kind"] == "echo" else "ms/hs"
                        sat = (" client-bound" if row["client_cpu_share"] > CLIENT_SATURATED
                               else "")
                        line += (f"{row['ops_per_s']:>9,.0f} {unit:<8} {row['cpu']:7.2f} "
                                 f"{cunit:<7}  p50 {row['p50_ms']:6.1f} p99 {row['p99_ms']:6.1f}"
                                 f" ms  server {row['server_cpu_share']:.0%} client "
                                 f"{row['client_cpu_share']:.0%}{sat}")
                    else:
                        line += row["status"]
                        failures.append(f"{s.name} {row['scenario']} round {rnd}: "
                                        f"{row['status']}")
                    print(line, flush=True)
                    if "warning" in row:
                        print(f"    warning: {row['warning']}", flush=True)

    # output
    end_hash = tree_state()["tree_sha256"]
    if end_hash != meta["tree_sha256"]:
        meta["tree_changed"] = end_hash
        print(f"warning: rt/, net/ or std/ changed during the run ({meta['tree_sha256']} -> "
              f"{end_hash})")
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / f"{stem}.json").write_text(json.dumps(
        {"meta": meta, "skipped": skipped, "rows": rows}, indent=1) + "\n")
    summary = summarize(rows, servers, scenarios)
    md = markdown(summary, servers, scenarios, meta, skipped)
    (out_dir / f"{stem}.md").write_text(md)
    print()
    print(md)
    written = [out_dir / f"{stem}.json", out_dir / f"{stem}.md"]
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
