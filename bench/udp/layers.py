"""What each layer of our UDP path costs per datagram, measured under the C load generator.

    python bench/udp/layers.py [--clients 100] [--size 64] [--seconds 2] [--rounds 3]

The same echo loop written at six depths of the stack, each run as a server
process under udp_loadgen (pinned as in run.py), fresh per cell, rounds
interleaved; prints the median server CPU µs per echoed datagram (total and
user) and what each layer adds to the one below it:

=========  ==========================================================
socket     CPython's socket: ``recvfrom_into`` / ``sendto`` (the floor
           of any Python server; blocking socket, no event loop)
syscall    rt.sys_linux ``recvfromInet4`` / ``sendtoInet4`` on the same
           blocking socket (our system-call wrappers)
fd         internal/poll ``FD.ReadFromInet4`` / ``FD.WriteToInet4`` in a
           goroutine (fdMutex, pollDesc, park on EAGAIN)
netfd      net's ``netFD.readFromInet4`` / ``writeToInet4`` (error wrapping)
udpconn    ``UDPConn.ReadFromUDP`` / ``WriteToUDP``: servers/ours.py's loop
           (UDPAddr and IP per read, sockaddr per write, OpError checks)
addrport   ``ReadFromUDPAddrPort`` / ``WriteToUDPAddrPort`` (Go's
           allocation-free variant)
=========  ==========================================================

With GONET_PUREPY=1 in the environment the rt layers run their Python
reference. Kernel time is in "total"; it also depends on how often the
client has to be woken (a faster server finds it busier), so compare the
user column first. Diagnostic only, like bench/profile/.

Internally ``layers.py serve MODE PORT`` is one of those servers.
"""

from __future__ import annotations

import argparse
import socket
import statistics
import sys
from pathlib import Path
from typing import Any

MODES = ("socket", "syscall", "fd", "netfd", "udpconn", "addrport")


def serve(mode: str, port: int) -> None:
    """One of the echo loops; prints "ready" once bound. Runs until killed."""
    buf = bytearray(2048)
    mv = memoryview(buf)
    if mode in ("socket", "syscall"):
        s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        s.bind(("127.0.0.1", port))
        print("ready", flush=True)
        if mode == "socket":
            while True:
                n, a = s.recvfrom_into(buf)
                s.sendto(mv[:n], a)
        from rt import sys_linux

        fd = s.fileno()
        frm = sys_linux.SockaddrInet4()
        while True:
            n, _ = sys_linux.recvfromInet4(fd, buf, 0, frm)
            sys_linux.sendtoInet4(fd, mv[:n], 0, frm)

    import net
    import rt
    from rt.sys_linux import SockaddrInet4

    def main() -> None:
        c, err = net.ListenUDP("udp", net.UDPAddr(IP=net.ParseIP("127.0.0.1"), Port=port))
        assert c is not None, err
        print("ready", flush=True)
        if mode == "fd":
            pfd = c.fd.pfd
            while True:
                frm = SockaddrInet4()
                n, _ = pfd.ReadFromInet4(buf, frm)
                pfd.WriteToInet4(mv[:n], frm)
        elif mode == "netfd":
            nfd = c.fd
            while True:
                frm = SockaddrInet4()
                n, _ = nfd.readFromInet4(buf, frm)
                nfd.writeToInet4(mv[:n], frm)
        elif mode == "udpconn":
            while True:
                n, addr, _ = c.ReadFromUDP(buf)
                c.WriteToUDP(mv[:n], addr)
        else:
            while True:
                n, ap, _ = c.ReadFromUDPAddrPort(buf)
                c.WriteToUDPAddrPort(mv[:n], ap)

    rt.run(main)


def main() -> int:
    if len(sys.argv) == 4 and sys.argv[1] == "serve":
        serve(sys.argv[2], int(sys.argv[3]))
        return 0
    import run as udp  # bench/udp/run.py (this script's directory is on sys.path)

    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--clients", type=int, default=100)
    ap.add_argument("--size", type=int, default=64)
    ap.add_argument("--seconds", type=float, default=2.0)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--modes", default=",".join(MODES))
    args = ap.parse_args()
    modes = args.modes.split(",")
    why = udp.build_loadgen()
    if why is not None:
        print(f"cannot build the load generator: {why}", file=sys.stderr)
        return 1
    cpus, pinning = udp.pick_cpus()
    print(f"{args.clients} clients x {args.size} B, {args.rounds} rounds of {args.seconds:g} s; "
          f"{pinning}")
    cells: dict[str, list[dict[str, Any]]] = {m: [] for m in modes}
    for rnd in range(1, args.rounds + 1):
        for m in modes:
            server = udp.Server(m, m, [sys.executable, str(Path(__file__).resolve()), "serve", m,
                                       udp.PORT])
            res = udp.measure(server, args.clients, args.size, args.seconds, 0.5, udp.TIMEOUT_MS,
                              cpus, False)
            if res["status"] != "ok":
                print(f"round {rnd} {m}: {res['status']}")
                continue
            cells[m].append(res)
            print(f"round {rnd} {m:<9} {res['rps']:>9,.0f} echoes/s  "
                  f"{res['cpu_us_per_dgram']:5.1f} µs/dgram (user {res['user_us_per_dgram']:5.1f})"
                  f"  server {res['server_cpu_share']:.0%}", flush=True)
    print()
    print("| layer | CPU µs/dgram | user µs/dgram | user added by this layer |")
    print("|---|---:|---:|---:|")
    prev = None
    for m in modes:
        if not cells[m]:
            print(f"| {m} | failed | | |")
            continue
        cpu = statistics.median(c["cpu_us_per_dgram"] for c in cells[m])
        usr = statistics.median(c["user_us_per_dgram"] for c in cells[m])
        added = "" if prev is None else f"{usr - prev:+.1f}"
        print(f"| {m} | {cpu:.1f} | {usr:.1f} | {added} |")
        prev = usr
    return 0


if __name__ == "__main__":
    sys.exit(main())
