"""The UDP load generator in Python: run.py's fallback when there is no C compiler.

    python loadgen.py -p PORT [-c CLIENTS] [-s SIZE] [-t SECONDS] [-w WARMUP] [-o TIMEOUT_MS]
                      [-P SERVER_PID] [-j PROCESSES]

The same protocol, checks and JSON line as loadgen.c (read its header): CLIENTS
connected UDP sockets, one datagram in flight each, lost after TIMEOUT_MS, late
if it comes back after that. The clients are split over PROCESSES worker
processes (default: one per CPU this process may use), each a level-triggered
epoll loop; the parent reads the server's CPU time around the measured
interval, which every worker measures against the same CLOCK_MONOTONIC
instants. A Python client costs some 10-20 µs per echo, so with it the fast
servers are measured at the client's speed: run.py marks such results.
"""

from __future__ import annotations

import argparse
import json
import os
import select
import socket
import struct
import subprocess
import sys
import time
from typing import Any

HEADER = 12
PATTERN_SPREAD = 4093
_HDR = struct.Struct("<IQ")


def make_pattern(size: int) -> bytes:
    """loadgen.c's xorshift pattern, byte for byte."""
    x = 0x9E3779B97F4A7C15
    out = bytearray(size + PATTERN_SPREAD)
    mask = (1 << 64) - 1
    for i in range(len(out)):
        x ^= (x << 13) & mask
        x ^= x >> 7
        x ^= (x << 17) & mask
        out[i] = (x >> 24) & 0xFF
    return bytes(out)


def worker(port: int, first: int, count: int, size: int, t_start: float, t_end: float,
           timeout: float) -> dict[str, Any]:
    """Run clients first..first+count-1 until t_end; count what falls in [t_start, t_end)."""
    pattern = make_pattern(size)
    bodylen = size - HEADER

    def body(i: int, seq: int) -> bytes:
        off = (i * 131 + seq * 17) % PATTERN_SPREAD
        return pattern[off:off + bodylen]

    ep = select.epoll()
    socks: dict[int, socket.socket] = {}
    idx: dict[int, int] = {}
    seq = [0] * count
    t0 = [0.0] * count
    outstanding = [False] * count
    st = {"echoes": 0, "ontime": 0, "late": 0, "lost": 0, "sent": 0, "send_fail": 0,
          "errors": 0}
    lat: list[float] = []
    first_error = ""
    measured = [0] * count

    def error(k: int, msg: str) -> None:
        nonlocal first_error
        st["errors"] += 1
        if not first_error:
            first_error = f"client {first + k}: {msg}"
        if st["errors"] <= 10:
            print(f"udp_loadgen.py: ERROR client {first + k}: {msg}", file=sys.stderr)

    def measuring(now: float) -> bool:
        return t_start <= now < t_end

    def send(k: int, now: float) -> None:
        seq[k] += 1
        s = socks_by_k[k]
        t0[k] = now
        outstanding[k] = True
        if measuring(now):
            st["sent"] += 1
        try:
            s.send(_HDR.pack(first + k, seq[k]) + body(first + k, seq[k]))
        except BlockingIOError:  # our send buffer is full: as good as dropped
            if measuring(now):
                st["send_fail"] += 1
        except OSError as e:  # ECONNREFUSED: the server is gone
            outstanding[k] = False
            error(k, f"send: {e}")

    socks_by_k: list[socket.socket] = []
    for k in range(count):
        s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        s.setblocking(False)
        s.connect(("127.0.0.1", port))
        socks[s.fileno()] = s
        idx[s.fileno()] = k
        socks_by_k.append(s)
        ep.register(s.fileno(), select.EPOLLIN)
    now = time.monotonic()
    for k in range(count):
        send(k, now)
    drain_until = t_end + timeout + 0.01
    last_scan = now
    while True:
        now = time.monotonic()
        running = now < t_end
        if now >= drain_until or (not running and not any(outstanding)):
            break
        if now - last_scan >= 0.001:
            last_scan = now
            for k in range(count):
                if outstanding[k] and now - t0[k] >= timeout:
                    outstanding[k] = False
                    if measuring(now):
                        st["lost"] += 1
                    if running:
                        send(k, now)
        for fd, _ in ep.poll(0.001, 1024):
            k = idx[fd]
            s = socks[fd]
            for _ in range(64):
                try:
                    data = s.recv(size + 64)
                except BlockingIOError:
                    break
                except OSError as e:
                    error(k, f"recv: {e}")
                    ep.unregister(fd)
                    outstanding[k] = False
                    break
                now = time.monotonic()
                if len(data) != size:
                    error(k, f"echo of {len(data)} bytes, sent {size}")
                    continue
                cid, got = _HDR.unpack_from(data)
                if cid != first + k or got == 0 or got > seq[k]:
                    error(k, f"echo of a request never sent here (client {cid}, request {got})")
                    continue
                if data[HEADER:] != body(first + k, got):
                    error(k, f"echo of request {got} corrupted")
                    continue
                m = measuring(now)
                if got != seq[k] or not outstanding[k]:
                    if m:
                        st["late"] += 1
                        st["echoes"] += 1
                    continue
                outstanding[k] = False
                if m:
                    st["ontime"] += 1
                    st["echoes"] += 1
                    measured[k] += 1
                    lat.append((now - t0[k]) * 1e6)
                if now < t_end:
                    send(k, now)
    for s in socks_by_k:
        s.close()
    ep.close()
    return {**st, "lat": lat, "measured": measured, "first_error": first_error}


def percentile(sorted_vals: list[float], q: float) -> float:
    if not sorted_vals:
        return 0.0
    return sorted_vals[min(len(sorted_vals) - 1, int(q * len(sorted_vals)))]


def read_cpu(pid: int) -> tuple[int, int] | None:
    try:
        with open(f"/proc/{pid}/stat") as f:
            text = f.read()
    except OSError:
        return None
    fields = text[text.rindex(")") + 2:].split()
    return int(fields[11]), int(fields[12])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="UDP echo load generator (Python fallback)")
    ap.add_argument("-p", type=int, required=True, dest="port")
    ap.add_argument("-c", type=int, default=100, dest="clients")
    ap.add_argument("-s", type=int, default=64, dest="size")
    ap.add_argument("-t", type=float, default=2.0, dest="seconds")
    ap.add_argument("-w", type=float, default=0.5, dest="warmup")
    ap.add_argument("-o", type=float, default=50.0, dest="timeout_ms")
    ap.add_argument("-P", type=int, default=0, dest="pid")
    ap.add_argument("-j", type=int, default=0, dest="procs")
    ap.add_argument("--worker", help=argparse.SUPPRESS)
    a = ap.parse_args(argv)
    if a.size < HEADER:
        ap.error(f"size must be at least {HEADER}")
    if a.worker:  # first,count,t_start,t_end: one worker process; JSON on stdout
        first, count, t_start, t_end = a.worker.split(",")
        res = worker(a.port, int(first), int(count), a.size, float(t_start), float(t_end),
                     a.timeout_ms / 1000)
        print(json.dumps(res))
        return 0

    procs = max(1, min(a.clients, a.procs or len(os.sched_getaffinity(0))))
    t_start = time.monotonic() + 0.3 + a.warmup  # 0.3 s for the workers to start
    t_end = t_start + a.seconds
    workers = []
    for j in range(procs):
        first = a.clients * j // procs
        count = a.clients * (j + 1) // procs - first
        workers.append(subprocess.Popen(
            [sys.executable, __file__, "-p", str(a.port), "-s", str(a.size),
             "-o", str(a.timeout_ms), "--worker", f"{first},{count},{t_start!r},{t_end!r}"],
            stdout=subprocess.PIPE, text=True))
    self0 = os.times()
    time.sleep(max(0.0, t_start - time.monotonic()))
    cpu0 = read_cpu(a.pid) if a.pid else None
    time.sleep(max(0.0, t_end - time.monotonic()))
    cpu1 = read_cpu(a.pid) if a.pid else None
    results = []
    for w in workers:
        out, _ = w.communicate(timeout=a.timeout_ms / 1000 + 30)
        if w.returncode != 0 or not out.strip():
            print(f"udp_loadgen.py: worker exited with status {w.returncode}", file=sys.stderr)
            return 2
        results.append(json.loads(out.strip().splitlines()[-1]))
    self1 = os.times()
    tot = {k: sum(r[k] for r in results) for k in ("echoes", "ontime", "late", "lost", "sent",
                                                   "send_fail", "errors")}
    lat = sorted(v for r in results for v in r["lat"])
    measured = [m for r in results for m in r["measured"]]
    hz = os.sysconf("SC_CLK_TCK")
    have = cpu0 is not None and cpu1 is not None
    srv = (sum(cpu1) - sum(cpu0)) / hz if have else -1.0  # type: ignore[arg-type]
    usr = (cpu1[0] - cpu0[0]) / hz if have else -1.0  # type: ignore[index]
    echoes = tot["echoes"]
    resolved = tot["ontime"] + tot["lost"]
    # The workers' CPU (children) over their whole life, scaled to the measured interval.
    life = t_end - t_start + a.warmup + 0.3
    child = (self1.children_user + self1.children_system
             - self0.children_user - self0.children_system)
    first_error = next((r["first_error"] for r in results if r["first_error"]), "")
    print(json.dumps({
        "clients": a.clients, "size": a.size, "seconds": a.seconds, "timeout_ms": a.timeout_ms,
        **tot, "rps": echoes / a.seconds, "loss": tot["lost"] / resolved if resolved else 0.0,
        "p50_us": percentile(lat, 0.5), "p99_us": percentile(lat, 0.99),
        "p999_us": percentile(lat, 0.999), "max_us": lat[-1] if lat else 0.0,
        "server_cpu_s": srv, "server_user_s": usr,
        "cpu_us_per_dgram": srv * 1e6 / echoes if have and echoes else -1.0,
        "user_us_per_dgram": usr * 1e6 / echoes if have and echoes else -1.0,
        "server_cpu_share": srv / a.seconds if have else -1.0,
        "client_cpu_share": child / life, "client_min": min(measured, default=0),
        "client_max": max(measured, default=0), "starved": sum(1 for m in measured if m == 0),
        "first_error": first_error}))
    return 1 if tot["errors"] else 0


if __name__ == "__main__":
    sys.exit(main())
