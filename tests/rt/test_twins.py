"""The C twins (rt/_runtime.c) against the Python reference they mirror.

Three kinds of check:

* binding: where a compiler exists the twins are built and bound in every
  module that lists them (``_twinned``), and GONET_PUREPY=1 keeps the
  Python functions everywhere;
* differential, state machines: hypothesis draws sequences of pollDesc
  operations (pollReset, netpollblock on a latched edge, netpollunblock,
  netpollready, netpollcheckerr, close and deadline bits) and run-queue
  operations (runqput with and without next, runqget, runqputbatch), runs
  each sequence on two fresh copies through the twins and through the
  reference, and compares every result and every field after every step;
* differential, whole programs: hypothesis draws small programs of
  goroutines doing Read, Write, SetReadDeadline, Close and Gosched on a
  socket pair, or ReadFromInet4/6, WriteToInet4/6, deadlines, Close and the
  peer's Close on a pair of UDP sockets; each program runs in rt.run once
  with the twins and once with the reference functions rebound in their
  modules (rt/sys_linux.py's C half included), and the two traces of
  (goroutine, operation, result) must be identical. One P and a
  deterministic scheduler make the order of events a function of the
  program alone.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import rt
from rt import netpoll, netpoll_epoll, proc, runtime2, sys_linux
from rt.panic import FatalError
from rt.poll import fd_poll_runtime, fd_unix

_c = runtime2._c
_modules: list[Any] = [proc, netpoll, netpoll_epoll, fd_poll_runtime]
# rt/sys_linux.py's C half (rt/_sys_linux.c): each name has its Python twin
# as py_<name>.
_sysTwins = ("read", "write", "epoll_pwait", "epoll_events_unpack", "recvfrom", "sendto",
             "recvfromInet4", "recvfromInet6", "sendtoInet4", "sendtoInet6")

needsTwins = pytest.mark.skipif(
    _c is None, reason="the C twins are not loaded (GONET_PUREPY=1 or not built)")


def test_TwinsAreBuilt() -> None:
    # The extension is optional at install time; where a compiler exists a
    # broken build must fail here rather than silently run the reference.
    if os.environ.get("GONET_PUREPY", "0") != "0":
        for mod in _modules:
            for name in mod._twinned:
                assert getattr(mod, name) is mod.pyTwins[name], (mod.__name__, name)
        for name in fd_unix.pyTwins:
            assert fd_unix.FD.__dict__[name] is fd_unix.pyTwins[name], name
        from net import net as netmod

        assert netmod.conn.Write is netmod.pyTwins["Write"]
        from rt import time as rtime

        assert rtime.timers.check is rtime.pyTwins["timers.check"]
        assert rtime.timer.modify is rtime.pyTwins["timer.modify"]
        return
    if shutil.which("cc") is None and shutil.which("gcc") is None:
        pytest.skip("no C compiler here: the optional extension cannot have been built")
    assert _c is not None, "rt._runtime did not load: the C twins are missing"
    built = Path(_c.__file__)
    root = Path(runtime2.__file__).parent.parent
    for part in ("rt/_runtime.c", "rt/_time.c", "rt/_proc.c", "rt/_netpoll.c",
                 "rt/_netpoll_epoll.c",
                 "rt/poll/_fd_unix.c", "rt/poll/_fd_poll_runtime.c", "net/_net.c",
                 "rt/_sysbuf.h"):
        source = root / part
        assert source.exists(), part
        assert built.stat().st_mtime >= source.stat().st_mtime, (
            f"{built.name} is older than {part}: rebuild it (make test reinstalls)")
    for mod in _modules:
        for name in mod._twinned:
            twin = getattr(mod, name)
            assert twin is getattr(_c, name), (mod.__name__, name)
            assert twin is not mod.pyTwins[name]
            # The twin's docstring names the same Go function as the reference's.
            goname = (mod.pyTwins[name].__doc__ or "").split(":")[1].split(".")[0].strip()
            assert goname in (twin.__doc__ or ""), (name, goname, twin.__doc__)
    from net import net as netmod
    from rt import time as rtime

    for cls, names in ((fd_unix.FD, tuple(fd_unix.pyTwins)), (netmod.conn, ("Read", "Write")),
                       (rtime.timers, ("check",)), (rtime.timer, ("modify",))):
        for name in names:
            assert type(cls.__dict__[name]).__name__ == "method_descriptor", (cls, name)
    assert set(fd_unix.pyTwins) == {"Read", "ReadFromInet4", "ReadFromInet6", "Write",
                                    "WriteToInet4", "WriteToInet6"}
    for name, ref in fd_unix.pyTwins.items():
        # "internal/poll/fd_unix.go: FD.ReadFromInet4. ..." -> "FD.ReadFromInet4"
        goname = (ref.__doc__ or "").split(":")[1].split(". ")[0].strip()
        assert goname == f"FD.{name}" and goname in (fd_unix.FD.__dict__[name].__doc__ or "")


# ---------------------------------------------------------------------------
# Rebinding the reference, for the differential tests.


@contextmanager
def reference() -> Iterator[None]:
    """Run the Python reference in place of the twins, then put the twins back."""
    saved: list[tuple[Any, str, Any]] = []
    for mod in _modules:
        for name in mod._twinned:
            saved.append((mod, name, getattr(mod, name)))
            setattr(mod, name, mod.pyTwins[name])
    from rt.poll import fd_poll_runtime as fpr

    for name in ("runtime_pollReset", "runtime_pollWait", "runtime_pollSetDeadline"):
        saved.append((fpr, name, getattr(fpr, name)))
        setattr(fpr, name, getattr(netpoll, "poll_" + name))
    for name in _sysTwins:
        saved.append((sys_linux, name, getattr(sys_linux, name)))
        setattr(sys_linux, name, getattr(sys_linux, "py_" + name))
    from net import net as netmod
    from rt import time as rtime

    classes = [(fd_unix.FD, fd_unix.pyTwins), (netmod.conn, netmod.pyTwins),
               (rtime.timers, {"check": rtime.pyTwins["timers.check"]}),
               (rtime.timer, {"modify": rtime.pyTwins["timer.modify"]})]
    clsaved = [(cls, {name: cls.__dict__[name] for name in ref}) for cls, ref in classes]
    for cls, ref in classes:
        for name, fn in ref.items():
            setattr(cls, name, fn)
    try:
        yield
    finally:
        for mod, name, fn in saved:
            setattr(mod, name, fn)
        for cls, methods in clsaved:
            for name, fn in methods.items():
                setattr(cls, name, fn)


# ---------------------------------------------------------------------------
# pollDesc state machine.

_pdFields = ("rg", "wg", "atomicInfo", "rd", "wd", "fdseq")
modes = st.sampled_from([netpoll.modeR, netpoll.modeW])
pdOps = st.one_of(
    st.tuples(st.just("reset"), modes),
    st.tuples(st.just("block"), modes),
    st.tuples(st.just("unblock"), modes, st.booleans()),
    st.tuples(st.just("ready"), st.sampled_from([netpoll.modeR, netpoll.modeW, netpoll.modeRW])),
    st.tuples(st.just("checkerr"), modes),
    st.tuples(st.just("bits"), st.booleans(), st.sampled_from([0, 1, -1]),
              st.sampled_from([0, 1, -1])),
    st.tuples(st.just("seterr"), st.booleans()),
)


def _pdState(pd: netpoll.pollDesc) -> tuple[Any, ...]:
    return tuple(getattr(pd, f) for f in _pdFields)


def _pdStep(fns: dict[str, Callable[..., Any]], pd: netpoll.pollDesc, op: tuple[Any, ...]) -> Any:
    kind = op[0]
    try:
        if kind == "reset":
            if op[1] == netpoll.modeR and pd.rd > 0 or op[1] == netpoll.modeW and pd.wd > 0:
                return "skip"  # a live deadline runs the P's timers: needs rt.run
            return fns["poll_runtime_pollReset"](pd, op[1])
        if kind == "block":
            if (pd.rg if op[1] == netpoll.modeR else pd.wg) == netpoll.pdNil:
                return "skip"  # would park: covered by the whole-program test
            return fns["netpollblock"](pd, op[1], False)
        if kind == "unblock":
            gp, delta = fns["netpollunblock"](pd, op[1], op[2], 0)
            return (gp is not None, delta)
        if kind == "ready":
            lst = runtime2.gList()
            delta = fns["netpollready"](lst, pd, op[1])
            return (lst.size, delta)
        if kind == "checkerr":
            return fns["netpollcheckerr"](pd, op[1])
        if kind == "bits":
            pd.closing, pd.rd, pd.wd = op[1], op[2], op[3]
            pd.publishInfo()
            return None
        if kind == "seterr":
            pd.setEventErr(op[1], 0)
            return None
    except FatalError as e:
        return ("throw", str(e))
    raise AssertionError(op)


@needsTwins
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(pdOps, max_size=40), st.sampled_from([netpoll.pdNil, netpoll.pdReady,
                                                      netpoll.pdWait, "g"]))
def test_PollDescTwinsAgree(ops: list[tuple[Any, ...]], start: Any) -> None:
    twins = {name: getattr(netpoll, name) for name in netpoll._twinned}
    ref = netpoll.pyTwins
    pds = []
    for _ in range(2):
        pd = netpoll.pollDesc(0)
        if start == "g":
            gp = runtime2.g()
            gp.atomicstatus = runtime2._Gwaiting
            pd.rg = gp
        else:
            pd.rg = start
        pds.append(pd)
    a, b = pds
    saved = netpoll.netpollWaiters
    try:
        for op in ops:
            ra = _pdStep(twins, a, op)
            rb = _pdStep(ref, b, op)
            assert ra == rb, op
            sa, sb = _pdState(a), _pdState(b)
            # A G in rg/wg is a different object on each side; compare kinds.
            norm = [type(x).__name__ if isinstance(x, runtime2.g) else x for x in sa]
            normb = [type(x).__name__ if isinstance(x, runtime2.g) else x for x in sb]
            assert norm == normb, op
    finally:
        netpoll.netpollWaiters = saved


# ---------------------------------------------------------------------------
# Run queues.

rqOps = st.one_of(
    st.tuples(st.just("put"), st.booleans()),
    st.tuples(st.just("get")),
    st.tuples(st.just("batch"), st.integers(0, 40)),
)


@needsTwins
@settings(max_examples=200, deadline=None)
@given(st.lists(rqOps, max_size=300))
def test_RunQueueTwinsAgree(ops: list[tuple[Any, ...]]) -> None:
    ref = proc.pyTwins
    pa, pb = runtime2.p(0), runtime2.p(0)
    ids: dict[int, int] = {}

    def fresh(n: int) -> tuple[runtime2.g, runtime2.g]:
        ga, gb = runtime2.g(), runtime2.g()
        ga.goid = gb.goid = n
        return ga, gb

    def view(pp: runtime2.p) -> tuple[Any, ...]:
        ring = [x.goid if x is not None else None for x in pp.runq]
        nx = pp.runnext.goid if pp.runnext is not None else None
        return (pp.runqhead, pp.runqtail, nx, tuple(ring))

    n = 0
    for op in ops:
        if op[0] == "put":
            n += 1
            ga, gb = fresh(n)
            if pa.runqtail - pa.runqhead >= 255:
                continue  # runqputslow needs sched.lock and rt.run's sched
            proc.runqput(pa, ga, op[1])
            ref["runqput"](pb, gb, op[1])
        elif op[0] == "get":
            (xa, ia), (xb, ib) = proc.runqget(pa), ref["runqget"](pb)
            assert (None if xa is None else xa.goid, ia) == (None if xb is None else xb.goid, ib)
        else:
            qa, qb = runtime2.gQueue(), runtime2.gQueue()
            for _ in range(op[1]):
                n += 1
                ga, gb = fresh(n)
                qa.pushBack(ga)
                qb.pushBack(gb)
            proc.runqputbatch(pa, qa)
            ref["runqputbatch"](pb, qb)
            assert qa.size == qb.size
            assert (qa.head is None) == (qb.head is None)
        assert view(pa) == view(pb), op
    del ids


# ---------------------------------------------------------------------------
# Whole programs: FD.Read/Write, fdMutex, netpoll, the scheduler.

progOps = st.lists(
    st.one_of(
        st.tuples(st.just("read"), st.sampled_from([0, 1, 5, 64])),
        st.tuples(st.just("write"), st.binary(min_size=0, max_size=64)),
        st.tuples(st.sampled_from(["deadline", "wdeadline", "bothdeadline"]),
                  st.sampled_from(["past", "later", "none"])),
        st.tuples(st.just("close")),
        st.tuples(st.just("yield")),
        st.tuples(st.just("peerwrite"), st.binary(min_size=1, max_size=32)),
    ),
    max_size=8,
)


def _runProgram(scripts: list[list[tuple[Any, ...]]]) -> list[tuple[Any, ...]]:
    """Run the scripts as goroutines on one end of a socket pair; return the trace.

    Every read that could block for good has a deadline ("later", 300 ms,
    set before the workers start), so each program ends; everything else
    finishes long before it, so the order of events does not depend on how
    fast either implementation is.
    """
    import socket

    from std import time as gotime

    trace: list[tuple[Any, ...]] = []

    def later() -> Any:
        return gotime.Now().Add(300 * gotime.Millisecond)

    def main() -> None:
        a, b = socket.socketpair()
        a.setblocking(False)
        b.setblocking(False)
        ca = fd_unix.FD(a.detach(), IsStream=True, ZeroReadIsEOF=True)
        cb = fd_unix.FD(b.detach(), IsStream=True, ZeroReadIsEOF=True)
        assert ca.Init("unix", True) is None and cb.Init("unix", True) is None
        ca.SetReadDeadline(later())
        done: rt.chan[None] = rt.chan(len(scripts))

        def worker(i: int, script: list[tuple[Any, ...]]) -> None:
            try:
                for op in script:
                    kind = op[0]
                    if kind == "read":
                        n, err = ca.Read(bytearray(op[1]))
                        trace.append((i, kind, n, str(err)))
                    elif kind == "write":
                        n, err = ca.Write(op[1])
                        trace.append((i, kind, n, str(err)))
                    elif kind == "peerwrite":
                        n, err = cb.Write(op[1])
                        trace.append((i, kind, n, str(err)))
                    elif kind in ("deadline", "wdeadline", "bothdeadline"):
                        # "none" clears only the write deadline: a read must
                        # always end by the deadline set before the workers.
                        # A later write deadline is far off: one expiring as
                        # a read waits out its own would race with the write
                        # after it (a loaded machine lost that race once).
                        when = op[1] if kind != "deadline" or op[1] != "none" else "later"
                        farOff = gotime.Now().Add(10 * gotime.Second)
                        t = {"past": gotime.Now().Add(-gotime.Second),
                             "later": farOff if kind == "wdeadline" else later(),
                             "none": gotime.Time()}[when]
                        if kind == "bothdeadline" and when == "none":
                            t = later()
                        setter = {"deadline": ca.SetReadDeadline,
                                  "wdeadline": ca.SetWriteDeadline,
                                  "bothdeadline": ca.SetDeadline}[kind]
                        trace.append((i, kind, str(setter(t))))
                        if kind == "bothdeadline" and when != "past":
                            ca.SetWriteDeadline(farOff)
                    elif kind == "close":
                        trace.append((i, kind, str(ca.Close())))
                    else:
                        rt.Gosched()
            finally:
                done.send(None)

        for i, script in enumerate(scripts):
            rt.go(worker, i, script)
        for _ in scripts:
            done.recv()
        # What the workers wrote, as the peer sees it.
        cb.SetReadDeadline(gotime.Now().Add(50 * gotime.Millisecond))
        buf = bytearray(4096)
        n, err = cb.Read(buf)
        trace.append(("peer", bytes(buf[:n]), str(err)))
        ca.Close()
        cb.Close()

    rt.run(main)
    return trace


@needsTwins
@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(progOps, min_size=1, max_size=3))
@example([[("wdeadline", "past"), ("write", b"x"), ("wdeadline", "none"), ("write", b"y")],
          [("bothdeadline", "past"), ("read", 5), ("bothdeadline", "later"), ("peerwrite", b"z"),
           ("read", 5)]])
@example([[("read", 64), ("read", 1)], [("peerwrite", b"ab"), ("close",), ("write", b"q")],
          [("deadline", "past"), ("read", 1)]])
def test_ProgramsAgree(scripts: list[list[tuple[Any, ...]]]) -> None:
    got = _runProgram(scripts)
    with reference():
        want = _runProgram(scripts)
    assert got == want


# ---------------------------------------------------------------------------
# Whole programs on datagrams: FD.ReadFromInet4/6 and FD.WriteToInet4/6, with
# rt/sys_linux.py's recvfrom/sendto twins under the reference.

_SIZES = (0, 1, 5, 64, 1500, 65507, 65528)   # 65528: too long for UDP, EMSGSIZE
dgramOps = st.lists(
    st.one_of(
        st.tuples(st.just("read"), st.sampled_from([0, 1, 5, 64, 2048, 70000])),
        st.tuples(st.just("write"), st.sampled_from(_SIZES)),
        st.tuples(st.just("peerwrite"), st.sampled_from(_SIZES[:5])),
        st.tuples(st.just("odd"), st.sampled_from(["port", "addrlen", "tuple", "floatport",
                                                   "listaddr", "strdata", "rodata",
                                                   "kwread", "kwwrite", "tuplefrom"])),
        st.tuples(st.sampled_from(["deadline", "wdeadline"]),
                  st.sampled_from(["past", "later", "none"])),
        st.tuples(st.just("close")),
        st.tuples(st.just("peerclose")),
        st.tuples(st.just("yield")),
    ),
    max_size=8,
)


def _ipv6Loopback() -> bool:
    import socket

    try:
        with socket.socket(socket.AF_INET6, socket.SOCK_DGRAM) as s:
            s.bind(("::1", 0))
        return True
    except OSError:
        return False


def _runDatagramProgram(scripts: list[list[tuple[Any, ...]]], v6: bool, connected: bool,
                        zeroReadIsEOF: bool) -> list[tuple[Any, ...]]:
    """Run the scripts as goroutines on UDP socket A, B its peer; return the trace.

    Reads end by the read deadline set before the workers start (300 ms), as
    in _runProgram. Ports are traced as "A" and "B". With ``connected`` A is
    connected to B, so once B is closed a datagram A sends is refused and
    A's next call reports ECONNREFUSED.
    """
    import socket

    from rt.sys_linux import SockaddrInet4, SockaddrInet6, SockaddrTuple
    from std import time as gotime

    trace: list[tuple[Any, ...]] = []
    family = socket.AF_INET6 if v6 else socket.AF_INET
    lo = bytes(15) + b"\x01" if v6 else bytes([127, 0, 0, 1])
    Sa = SockaddrInet6 if v6 else SockaddrInet4

    def later() -> Any:
        return gotime.Now().Add(300 * gotime.Millisecond)

    def main() -> None:
        socks = [socket.socket(family, socket.SOCK_DGRAM) for _ in range(2)]
        for s in socks:
            s.bind(("::1" if v6 else "127.0.0.1", 0))
            s.setblocking(False)
        pa, pb = (s.getsockname()[1] for s in socks)
        if connected:
            socks[0].connect(socks[1].getsockname())
        names = {pa: "A", pb: "B"}
        ca = fd_unix.FD(socks[0].detach(), ZeroReadIsEOF=zeroReadIsEOF)
        cb = fd_unix.FD(socks[1].detach())
        assert ca.Init("udp", True) is None and cb.Init("udp", True) is None
        readFrom = ca.ReadFromInet6 if v6 else ca.ReadFromInet4
        writeTo = ca.WriteToInet6 if v6 else ca.WriteToInet4
        peerWriteTo = cb.WriteToInet6 if v6 else cb.WriteToInet4
        toA, toB = Sa(Port=pa, Addr=lo), Sa(Port=pb, Addr=lo)
        ca.SetReadDeadline(later())
        done: rt.chan[None] = rt.chan(len(scripts))

        def sender(sa: Any) -> tuple[Any, ...]:
            return (names.get(sa.Port, sa.Port), bytes(sa.Addr))

        def payload(n: int, tag: int) -> bytes:
            return bytes((tag + i) & 0xFF for i in range(min(n, 256))) + bytes(max(0, n - 256))

        def odd(kind: str) -> Any:
            frm = Sa()
            if kind == "port":
                return writeTo(b"x", Sa(Port=70000, Addr=lo))
            if kind == "addrlen":
                return writeTo(b"x", Sa(Port=pb, Addr=lo[:3]))
            if kind == "tuple":
                return writeTo(b"tuple", SockaddrTuple(family, lo, pb, 0))
            if kind == "floatport":
                return writeTo(b"x", Sa(Port=1.5, Addr=lo))
            if kind == "listaddr":
                return writeTo(b"list", Sa(Port=pb, Addr=list(lo)))
            if kind == "strdata":
                return writeTo("text", toB)
            if kind == "rodata":
                return readFrom(b"read-only", frm)
            if kind == "kwread":
                n, err = readFrom(p=bytearray(8), from_=frm)
                return n, err, sender(frm)
            if kind == "kwwrite":
                return writeTo(b"kw", sa=toB)
            return readFrom(bytearray(8), SockaddrTuple(family))  # "tuplefrom"

        def worker(i: int, script: list[tuple[Any, ...]]) -> None:
            try:
                for op in script:
                    kind = op[0]
                    try:
                        if kind == "read":
                            buf = bytearray(op[1])
                            frm = Sa()
                            n, err = readFrom(buf, frm)
                            trace.append((i, kind, n, str(err), bytes(buf[:min(n, 8)]),
                                          sender(frm)))
                        elif kind == "write":
                            n, err = writeTo(payload(op[1], i), toB)
                            trace.append((i, kind, n, str(err)))
                        elif kind == "peerwrite":
                            n, err = peerWriteTo(payload(op[1], 100 + i), toA)
                            trace.append((i, kind, n, str(err)))
                        elif kind == "odd":
                            trace.append((i, kind, op[1], str(odd(op[1]))))
                        elif kind in ("deadline", "wdeadline"):
                            # "none" clears only the write deadline: every
                            # read must end by the deadline set beforehand. A
                            # later write deadline is far off: one expiring as
                            # the reads end would race with a write's own error.
                            when = op[1] if kind != "deadline" or op[1] != "none" else "later"
                            farOff = gotime.Now().Add(10 * gotime.Second)
                            t = {"past": gotime.Now().Add(-gotime.Second),
                                 "later": later() if kind == "deadline" else farOff,
                                 "none": gotime.Time()}[when]
                            setter = ca.SetReadDeadline if kind == "deadline" else \
                                ca.SetWriteDeadline
                            trace.append((i, kind, str(setter(t))))
                        elif kind == "close":
                            trace.append((i, kind, str(ca.Close())))
                        elif kind == "peerclose":
                            trace.append((i, kind, str(cb.Close())))
                        else:
                            rt.Gosched()
                    except (TypeError, AttributeError) as e:
                        trace.append((i, kind, op[1:], type(e).__name__, str(e)))
            finally:
                done.send(None)

        for i, script in enumerate(scripts):
            rt.go(worker, i, script)
        for _ in scripts:
            done.recv()
        # What is left queued at either end.
        for tag, fd, read in (("A", ca, readFrom),
                              ("B", cb, cb.ReadFromInet6 if v6 else cb.ReadFromInet4)):
            fd.SetReadDeadline(gotime.Now().Add(30 * gotime.Millisecond))
            while True:
                buf = bytearray(70000)
                frm = Sa()
                n, err = read(buf, frm)
                trace.append(("left", tag, n, str(err), bytes(buf[:min(n, 8)]), sender(frm)))
                if err is not None:
                    break
        ca.Close()
        cb.Close()

    rt.run(main)
    return trace


@needsTwins
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(dgramOps, min_size=1, max_size=3), st.booleans(), st.booleans(), st.booleans())
@example([[("write", 64), ("peerwrite", 5), ("read", 1), ("read", 64), ("read", 0)],
          [("odd", "tuple"), ("odd", "port"), ("odd", "kwread"), ("odd", "tuplefrom")]],
         False, False, False)
@example([[("peerwrite", 0), ("read", 5), ("peerclose",), ("write", 1), ("read", 64),
           ("write", 1), ("write", 1), ("wdeadline", "past"), ("write", 5)]],
         False, True, True)
@example([[("read", 64)], [("close",), ("write", 1)], [("write", 65528), ("odd", "floatport")]],
         True, False, False)
def test_DatagramProgramsAgree(scripts: list[list[tuple[Any, ...]]], v6: bool, connected: bool,
                               zeroReadIsEOF: bool) -> None:
    if v6 and not _ipv6Loopback():
        v6 = False
    got = _runDatagramProgram(scripts, v6, connected, zeroReadIsEOF)
    with reference():
        want = _runDatagramProgram(scripts, v6, connected, zeroReadIsEOF)
    assert got == want


def _connTrace() -> list[str]:
    """net's conn.Read/Write through their results and errors, over loopback TCP."""
    import net
    from std import time as gotime

    out: list[str] = []

    def main() -> None:
        ln, err = net.Listen("tcp", "127.0.0.1:0")
        assert ln is not None and err is None
        c, err = net.Dial("tcp", ln.Addr().String())
        assert c is not None and err is None
        s, err = ln.Accept()
        assert s is not None and err is None
        buf = bytearray(16)
        for step in (
            lambda: c.Write(b"hello"),
            lambda: s.Read(buf),
            lambda: s.Read(bytearray()),
            lambda: (s.SetReadDeadline(gotime.Now().Add(-gotime.Second)), s.Read(buf))[1],
            lambda: (s.SetReadDeadline(gotime.Time()), c.Close(), s.Read(buf))[2],
            lambda: c.Read(buf),
            lambda: c.Write(b"x"),
            lambda: s.Write(memoryview(b"abc")),
            lambda: s.Read(b"read-only"),
        ):
            try:
                n, err = step()
                addrs = (c.LocalAddr().String(), s.LocalAddr().String())
                text = str(err)
                for i, a in enumerate(addrs):
                    text = text.replace(a, f"<addr{i}>")
                out.append(f"{n} {type(err).__name__} {text}")
            except TypeError as e:
                out.append(f"TypeError {e}")
        s.Close()
        ln.Close()

    rt.run(main)
    return out


@needsTwins
def test_ConnTwinsAgree() -> None:
    got = _connTrace()
    with reference():
        want = _connTrace()
    assert got == want
    assert got[0] == "5 NoneType None" and got[1] == "5 NoneType None"
    assert got[3].startswith("0 OpError read tcp") and got[3].endswith("i/o timeout")
    assert "use of closed network connection" in got[5]


# ---------------------------------------------------------------------------
# Cases the review of rt/_runtime.c found (each failed with the first twins).


def _eventErrOnly() -> tuple[int, bool, int]:
    """A pipe's write end, full, whose reader goes away: an EPOLLERR-only event."""
    import fcntl

    def main() -> tuple[int, bool, int]:
        r, w = os.pipe()
        for fd in (r, w):
            fcntl.fcntl(fd, fcntl.F_SETFL, fcntl.fcntl(fd, fcntl.F_GETFL) | os.O_NONBLOCK)
        try:
            while True:
                os.write(w, b"x" * 65536)
        except BlockingIOError:
            pass
        fw = fd_unix.FD(w, IsStream=True)
        assert fw.Init("file", True) is None
        pd = fw.pd.runtimeCtx
        assert pd is not None
        netpoll_epoll.netpoll(0)
        os.close(r)
        netpoll_epoll.netpoll(0)
        res = (pd.fdseq, bool(pd.atomicInfo & netpoll.pollEventErr),
               netpoll.netpollcheckerr(pd, netpoll.modeR))
        fw.Close()
        return res

    out: tuple[int, bool, int] = rt.run(main)
    return out


def test_EventErrOnlyIsRecorded() -> None:
    # netpoll's setEventErr must match the fd's sequence number (pollFDSeq is
    # a shift count of 16, Go's 1 << 4), or readers never see pollErrNotPollable.
    got = _eventErrOnly()
    assert got[1:] == (True, netpoll.pollErrNotPollable)
    if _c is not None:
        with reference():
            assert _eventErrOnly() == got


def test_ParkedReadLeavesItsBufferFree() -> None:
    # The Python Read holds no buffer export while it waits; neither may the
    # twin (a bytearray being read into can still be resized by its owner).
    import socket

    def main() -> str:
        a, b = socket.socketpair()
        a.setblocking(False)
        b.setblocking(False)
        fa = fd_unix.FD(a.detach(), IsStream=True, ZeroReadIsEOF=True)
        fb = fd_unix.FD(b.detach(), IsStream=True, ZeroReadIsEOF=True)
        assert fa.Init("unix", True) is None and fb.Init("unix", True) is None
        buf = bytearray(8)
        got = rt.chan(1)

        def reader() -> None:
            n, err = fa.Read(buf)
            got.send((n, err))

        rt.go(reader)
        rt.Gosched()          # the reader parks in the poller
        buf.extend(b"more")   # BufferError if the twin kept buf exported
        fb.Write(b"hi")
        n, err = got.recv()
        fa.Close()
        fb.Close()
        return f"{n} {err} {bytes(buf[:2])!r}"

    assert rt.run(main) == "2 None b'hi'"


def test_BlockingFDReadReleasesTheGIL() -> None:
    # An FD in blocking mode (Init with pollable=False) reads with the GIL
    # released, so another thread can run and write what it waits for.
    import threading
    import time

    def main() -> tuple[int, Any]:
        r, w = os.pipe()
        fr = fd_unix.FD(r, IsStream=True, ZeroReadIsEOF=True)
        assert fr.Init("file", False) is None

        def writer() -> None:
            time.sleep(0.2)
            os.write(w, b"ok")

        t = threading.Thread(target=writer)
        t.start()
        n, err = fr.Read(bytearray(8))
        t.join()
        fr.Close()
        os.close(w)
        return n, err

    assert rt.run(main) == (2, None)


def _udpFDs(blocking: bool = False) -> tuple[fd_unix.FD, fd_unix.FD, Any, Any]:
    """Two loopback UDP poll.FDs (pollable unless blocking) and each one's SockaddrInet4."""
    import socket

    from rt.sys_linux import SockaddrInet4

    out: list[Any] = []
    for _ in range(2):
        s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        s.bind(("127.0.0.1", 0))
        s.setblocking(blocking)
        port = s.getsockname()[1]
        f = fd_unix.FD(s.detach())
        assert f.Init("udp", not blocking) is None
        out.append((f, SockaddrInet4(Port=port, Addr=bytes([127, 0, 0, 1]))))
    (fa, sa), (fb, sb) = out
    return fa, fb, sa, sb


def test_ParkedReadFromLeavesItsBufferFree() -> None:
    # As Read: the datagram twin holds no export of the buffer while it
    # waits in the poller, so its owner may still resize it.
    from rt.sys_linux import SockaddrInet4

    def main() -> str:
        fa, fb, sa, sb = _udpFDs()
        buf = bytearray(8)
        got = rt.chan(1)
        frm = SockaddrInet4()

        def reader() -> None:
            got.send(fa.ReadFromInet4(buf, frm))

        rt.go(reader)
        rt.Gosched()          # the reader parks in the poller
        buf.extend(b"more")   # BufferError if the twin kept buf exported
        fb.WriteToInet4(b"hi", sa)
        n, err = got.recv()
        fa.Close()
        fb.Close()
        return f"{n} {err} {bytes(buf[:2])!r} {frm.Port == sb.Port}"

    assert rt.run(main) == "2 None b'hi' True"


def test_BlockingFDReadFromReleasesTheGIL() -> None:
    # An FD in blocking mode (Init with pollable=False) waits in recvfrom(2)
    # with the GIL released, so another thread can send what it waits for.
    import threading
    import time

    from rt.sys_linux import SockaddrInet4

    def main() -> tuple[int, Any, bool]:
        fa, fb, sa, sb = _udpFDs(blocking=True)

        def sender() -> None:
            time.sleep(0.2)
            fb.WriteToInet4(b"ok", sa)

        t = threading.Thread(target=sender)
        t.start()
        frm = SockaddrInet4()
        n, err = fa.ReadFromInet4(bytearray(8), frm)
        t.join()
        fa.Close()
        fb.Close()
        return n, err, frm.Port == sb.Port

    assert rt.run(main) == (2, None, True)


def test_ReadFromRetriesEINTRAndLetsHandlersRaise() -> None:
    # Go's loop retries EINTR; the twin runs Python's signal handlers first
    # (the reference's loop runs them between bytecodes). A handler that
    # raises ends the call with its exception and the read lock released.
    import signal
    import threading

    from rt.sys_linux import SockaddrInet4

    class Interrupt(Exception):
        pass

    def main() -> list[Any]:
        fa, fb, sa, sb = _udpFDs(blocking=True)
        out: list[Any] = []
        fired: list[int] = []
        old = signal.signal(signal.SIGALRM, lambda *_: fired.append(1))
        try:
            signal.setitimer(signal.ITIMER_REAL, 0.05)
            t = threading.Timer(0.2, fb.WriteToInet4, (b"late", sa))
            t.start()
            frm = SockaddrInet4()
            out.append((fa.ReadFromInet4(bytearray(8), frm), len(fired), frm.Port == sb.Port))
            t.join()

            def boom(*_: Any) -> None:
                raise Interrupt

            signal.signal(signal.SIGALRM, boom)
            signal.setitimer(signal.ITIMER_REAL, 0.05)
            try:
                fa.ReadFromInet4(bytearray(8), frm)
            except Interrupt:
                out.append("raised")
            signal.signal(signal.SIGALRM, old)
            fb.WriteToInet4(b"again", sa)
            out.append(fa.ReadFromInet4(bytearray(8), frm))   # not left locked
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, old)
            fa.Close()
            fb.Close()
        return out

    want = [((4, None), 1, True), "raised", (5, None)]
    assert rt.run(main) == want
    if _c is not None:
        with reference():
            assert rt.run(main) == want


def test_DatagramTwinsDeferWhatTheyDoNotTake() -> None:
    # Keyword arguments and wrong argument counts go to the Python method
    # (same results, same TypeError text); an odd sockaddr is read and
    # encoded as sys_linux does; a from_ that cannot be filled in fails after
    # taking its datagram and leaves the FD unlocked.
    from rt.sys_linux import SockaddrInet4, SockaddrTuple

    class Sub(SockaddrInet4):
        __slots__ = ()

    def main() -> list[str]:
        fa, fb, sa, sb = _udpFDs()
        fa.SetReadDeadline(__import__("std.time", fromlist=["Now"]).Now().Add(200_000_000))
        out: list[str] = []

        def step(f: Callable[[], Any]) -> None:
            try:
                out.append(repr(f()))
            except Exception as e:
                out.append(f"{type(e).__name__}: {e}")

        frm = Sub()
        step(lambda: fb.WriteToInet4(p=b"kw", sa=sa))
        step(lambda: fa.ReadFromInet4(bytearray(8), from_=frm))
        step(lambda: frm.Port == sb.Port)
        step(lambda: fa.ReadFromInet4(bytearray(8)))
        step(lambda: fb.WriteToInet6(b"x"))
        step(lambda: fb.WriteToInet4(b"x", sa, 0))
        step(lambda: fb.WriteToInet4(b"sub", Sub(Port=sa.Port, Addr=bytearray(sa.Addr))))
        step(lambda: fa.ReadFromInet4(bytearray(8), SockaddrTuple(2)))
        step(lambda: fb.WriteToInet4(b"next", SockaddrTuple(2, sa.Addr, sa.Port)))
        step(lambda: fa.ReadFromInet4(bytearray(8), frm))
        step(lambda: fb.WriteToInet4(b"x", SockaddrInet4(Port=sa.Port, Addr="abcd")))  # type: ignore[arg-type]
        step(lambda: fb.WriteToInet4(b"x", object()))
        fa.Close()
        fb.Close()
        return out

    got = rt.run(main)
    assert got[:3] == ["(2, None)", "(2, None)", "True"]
    assert got[3] == ("TypeError: FD.ReadFromInet4() missing 1 required positional argument: "
                      "'from_'")
    assert got[7].startswith("AttributeError") and got[9] == "(4, None)"
    if _c is not None:
        with reference():
            assert rt.run(main) == got


def test_TwinsRejectForeignObjectsAsTheReferenceDoes() -> None:
    # Objects that are not the runtime's own take the reference's path (an
    # AttributeError), never a crash.
    for fn in (proc.runqget, lambda x: proc.runqput(x, runtime2.g(), False),
               proc.injectglist):
        with pytest.raises(AttributeError):
            fn(object())
    assert netpoll.netpollcheckerr(netpoll.pollDesc(0), -1) == netpoll.pollNoError


@needsTwins
def test_TimersCheckTwinAgrees() -> None:
    # timers.check's twin answers the nothing-due case itself and hands the
    # rest to the reference: the same (now, next when, ran) either way, and
    # a due timer runs exactly once.
    from rt import time as rtime
    from std import time as gotime

    def main() -> list[Any]:
        mp = proc.getm()
        assert mp is not None and mp.p is not None
        ts = mp.p.timers
        fired: list[int] = []
        out: list[Any] = []
        assert ts.check(0) == rtime.pyTwins["timers.check"](ts, 0) == (0, 0, False)
        t1 = gotime.AfterFunc(50 * gotime.Millisecond, lambda: fired.append(1))
        t2 = gotime.AfterFunc(80 * gotime.Millisecond, lambda: fired.append(2))
        when = ts.wakeTime()
        ref = rtime.pyTwins["timers.check"]
        for now in (when - 1_000_000, when - 1):
            out.append(ts.check(now) == ref(ts, now) == (now, when, False))
        got = ts.check(when)            # due: the reference runs t1
        out.append((got[1] > when, fired))
        t2.Stop()
        t1.Stop()
        return out

    res = rt.run(main)
    assert res[:2] == [True, True]
    assert res[2][0] is True and res[2][1] in ([], [1])  # AfterFunc runs in a goroutine


@needsTwins
def test_BindRefusesAClassWithoutTheFields() -> None:
    # The twins own no types: they read the Python classes' __slots__ at
    # offsets resolved by name. A class that lacks a field they read (a slot
    # renamed in Python, say) is refused at bind time, and the offsets in use
    # stay as they were.
    class g:  # noqa: N801 (runtime2's name)
        __slots__ = ("goid", "atomicstatus")

    class m:  # noqa: N801
        __slots__ = ("g0", "curg", "p", "mcallfn", "waitunlockf")
        waitlock = None  # a class attribute where the twins need a slot

    for name, fake in (("g", g), ("m", m)):
        ns = dict(vars(runtime2))
        ns[name] = fake
        with pytest.raises((AttributeError, TypeError)):
            assert _c is not None
            _c.bind_runtime2(ns)
    # The real classes still work through the twins.
    assert rt.run(lambda: sum(rt.chan(1).cap() for _ in range(3))) == 3


def test_RunsWithoutTheExtension(tmp_path: Path) -> None:
    # The extension is optional (no compiler, no headers): without it every
    # module keeps its Python functions and the network still works. A child
    # process whose import of rt._runtime fails stands for that install.
    import subprocess
    import sys

    child = tmp_path / "child.py"
    child.write_text(
        "import sys\n"
        "sys.modules['rt._runtime'] = None  # the import fails, as when not built\n"
        "import net, rt\n"
        "from rt import proc, runtime2\n"
        "from rt.poll import fd_unix\n"
        "assert runtime2._c is None\n"
        "assert proc.schedule is proc.pyTwins['schedule']\n"
        "assert fd_unix.FD.Read is fd_unix.pyTwins['Read']\n"
        "def main():\n"
        "    ln, err = net.Listen('tcp', '127.0.0.1:0')\n"
        "    def srv():\n"
        "        c, _ = ln.Accept()\n"
        "        b = bytearray(8)\n"
        "        n, _ = c.Read(b)\n"
        "        c.Write(b[:n])\n"
        "        c.Close()\n"
        "    rt.go(srv)\n"
        "    c, err = net.Dial('tcp', ln.Addr().String())\n"
        "    c.Write(b'ping')\n"
        "    b = bytearray(8)\n"
        "    n, _ = c.Read(b)\n"
        "    c.Close(); ln.Close()\n"
        "    return bytes(b[:n])\n"
        "print(rt.run(main))\n")
    env = {k: v for k, v in os.environ.items() if k != "GONET_PUREPY"}
    root = Path(runtime2.__file__).parent.parent
    r = subprocess.run([sys.executable, str(child)], capture_output=True, text=True,
                       timeout=60, env=env, cwd=root)
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip() == "b'ping'"
