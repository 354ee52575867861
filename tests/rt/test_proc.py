"""runtime/proc_test.go and crash_test.go, where they apply: scheduler and rt.run lifecycle."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import threading
import time as pytime
from typing import Any

import pytest

import rt
import rt.proc
from rt.runtime2 import _Grunnable, _Gsyscall, _Gwaiting, waitReasonString
from std import sync, time


def test_RunReturnsMainValue() -> None:
    assert rt.run(lambda a, b: a + b, 2, 3) == 5


def test_GoNotCallable() -> None:
    def main() -> None:
        with pytest.raises(TypeError, match="callable"):
            rt.go(42)  # type: ignore[arg-type]

    rt.run(main)


def test_RunNotCallable() -> None:
    with pytest.raises(TypeError):
        rt.run(None)  # type: ignore[arg-type]


def test_RunInsideGoroutineIsAnError() -> None:
    def main() -> str:
        try:
            rt.run(lambda: None)
        except RuntimeError as e:
            return str(e)
        return "no error"

    assert "inside a goroutine" in rt.run(main)


def test_GoOutsideRuntimeIsAnError() -> None:
    with pytest.raises(RuntimeError, match="inside rt.run"):
        rt.go(lambda: None)


def test_GoroutineIdsAndNumGoroutine() -> None:
    def main() -> tuple[int, int, int]:
        first = rt.proc._mustg().goid
        ch: rt.hchan[int] = rt.chan()
        for _ in range(5):
            rt.go(ch.recv)
        rt.Gosched()
        n = rt.NumGoroutine()
        for i in range(5):
            ch.send(i)
        rt.Gosched()
        return first, n, rt.NumGoroutine()

    assert rt.run(main) == (1, 6, 1)


def test_RunnextRunsNewGoroutineFirst() -> None:
    """proc.go newproc: a new G goes into runnext and kicks the previous one to the ring's tail.

    With one P, Go runs the last goroutine started first, then the others in order.
    """
    order: list[str] = []

    def main() -> list[str]:
        wg = sync.WaitGroup()
        for name in ("a", "b", "c"):
            wg.Add(1)

            def f(name: str = name) -> None:
                order.append(name)
                wg.Done()

            rt.go(f)
        wg.Wait()
        return order

    assert rt.run(main) == ["c", "a", "b"]


def test_GoschedYields() -> None:
    def main() -> list[int]:
        out: list[int] = []
        wg = sync.WaitGroup()
        for k in (1, 2):
            wg.Add(1)

            def worker(k: int = k) -> None:
                for i in range(3):
                    out.append(k * 10 + i)
                    rt.Gosched()
                wg.Done()

            rt.go(worker)
        wg.Wait()
        return out

    out = rt.run(main)
    assert sorted(out) == [10, 11, 12, 20, 21, 22]
    # Gosched puts the G on the global queue, behind the other worker; the two
    # alternate from the first yield on. Go 1.19 with GOMAXPROCS=1 prints
    # [20 10 21 11 22 12] for the same program (go1.27's scheduler code for
    # this path is unchanged).
    assert out == [20, 10, 21, 11, 22, 12]


def test_GlobalQueueFairness() -> None:
    """findRunnable checks the global queue every 61st tick even while the local queue is busy."""

    def main() -> bool:
        seen = []

        def spinner() -> None:
            # Two goroutines handing the P back and forth through runnext.
            for _ in range(500):
                rt.proc.goyield()

        rt.go(spinner)
        rt.go(spinner)

        def yielder() -> None:
            rt.Gosched()  # goes to the global queue
            seen.append(len(seen))

        rt.go(yielder)
        for _ in range(600):
            rt.proc.goyield()
            if seen:
                return True
        return bool(seen)

    assert rt.run(main)


def test_SimpleDeadlock() -> None:
    """crash_test.go TestSimpleDeadlock: the exact message and a goroutine dump."""

    def main() -> None:
        rt.select()

    with pytest.raises(rt.FatalError) as ei:
        rt.run(main)
    text = str(ei.value)
    assert text.startswith("fatal error: all goroutines are asleep - deadlock!")
    assert "goroutine 1 [select (no cases)]:" in text
    assert ei.value.msg == "all goroutines are asleep - deadlock!"


def test_DeadlockDumpsEveryGoroutine() -> None:
    def main() -> None:
        a: rt.hchan[int] = rt.chan()
        b: rt.hchan[int] = rt.chan()
        rt.go(a.recv)
        rt.go(b.send, 1)
        mu = sync.Mutex()
        mu.Lock()
        rt.go(mu.Lock)
        rt.go(lambda: rt.chan().recv())
        a.recv2()

    with pytest.raises(rt.FatalError) as ei:
        rt.run(main)
    dump = ei.value.dump
    assert "goroutine 1 [chan receive]:" in dump
    assert "goroutine 2 [chan receive]:" in dump
    assert "goroutine 3 [chan send]:" in dump
    assert "goroutine 4 [sync.Mutex.Lock]:" in dump
    assert "created by " in dump and " in goroutine 1" in dump


def test_GoexitDeadlock() -> None:
    """crash_test.go TestGoexitDeadlock."""

    def main() -> None:
        rt.go(lambda: None)
        rt.Goexit()

    with pytest.raises(rt.FatalError) as ei:
        rt.run(main)
    assert ei.value.msg == "no goroutines (main called runtime.Goexit) - deadlock!"


def test_GoexitRunsDeferred() -> None:
    def main() -> list[str]:
        out: list[str] = []
        done: rt.hchan[None] = rt.chan()

        def f() -> None:
            try:
                try:
                    rt.Goexit()
                except Exception:
                    out.append("caught")  # Goexit is not an Exception
                out.append("after")
            finally:
                out.append("deferred")
                done.close()

        rt.go(f)
        done.recv2()
        return out

    assert rt.run(main) == ["deferred"]


def test_TimerKeepsProgramAlive() -> None:
    """crash_test.go: a pending timer is not a deadlock (checkdead returns)."""

    def main() -> str:
        ch = time.After(20 * time.Millisecond)
        ch.recv()
        return "done"

    assert rt.run(main) == "done"


def test_PanicEscapingGoroutineEndsRun() -> None:
    class Boom(Exception):
        pass

    def worker() -> None:
        raise Boom("boom")

    def main() -> None:
        rt.go(worker)
        rt.select()

    with pytest.raises(Boom) as ei:
        rt.run(main)
    notes = "\n".join(getattr(ei.value, "__notes__", []))
    assert "goroutine 2 [running]" in notes
    assert "created by " in notes and "in goroutine 1" in notes


def test_RuntimePanicsHaveGoText() -> None:
    def main() -> list[str]:
        out = []
        c: rt.hchan[int] = rt.chan(1)
        c.close()
        for f in (c.close, lambda: c.send(1), lambda: rt.closechan(None)):
            try:
                f()
            except rt.Error as e:
                out.append(e.Error())
        try:
            rt.chan(-1)
        except rt.Error as e:
            out.append(str(e))
        return out

    assert rt.run(main) == [
        "close of closed channel",
        "send on closed channel",
        "close of nil channel",
        "makechan: size out of range",
    ]


def test_TeardownUnwindsGoroutines() -> None:
    """rt.run unwinds every live goroutine: finally blocks run, parking calls fail at once."""
    log: list[str] = []

    def blocked(i: int) -> None:
        try:
            rt.chan().recv()
        finally:
            log.append(f"unwound {i}")
            try:
                rt.chan().send(1)  # would park: must fail at once
            except BaseException as e:
                log.append(type(e).__name__)

    def main() -> int:
        for i in range(3):
            rt.go(blocked, i)
        time.Sleep(time.Millisecond)
        rt.go(lambda: log.append("never started"))
        return rt.NumGoroutine()

    assert rt.run(main) == 5
    assert sorted(x for x in log if x.startswith("unwound")) == ["unwound 0", "unwound 1",
                                                                  "unwound 2"]
    assert log.count("UnwindingError") == 3
    assert "never started" not in log
    assert rt.proc.allgs == {}


def test_FiftyRunsLeaveNothingBehind() -> None:
    def fds() -> int:
        return len(os.listdir("/proc/self/fd"))

    def main(i: int) -> int:
        ch: rt.hchan[int] = rt.chan()
        wg = sync.WaitGroup()
        for k in range(20):
            wg.Add(1)

            def w(k: int = k) -> None:
                ch.send(k)
                wg.Done()

            rt.go(w)
        rt.go(lambda: rt.chan().recv())  # left blocked on purpose
        s = sum(ch.recv() for _ in range(20))
        wg.Wait()
        rt.blocking(pytime.sleep, 0.001)
        return s + i

    rt.run(main, 0)  # warm up lazily imported modules
    fd0, th0 = fds(), threading.active_count()
    for i in range(50):
        assert rt.run(main, i) == 190 + i
        assert rt.proc.allgs == {}
    assert fds() == fd0
    assert threading.active_count() == th0


def test_BlockingRunsOnSpareM() -> None:
    """rt.blocking: the G waits in "syscall" while other goroutines keep running."""

    def main() -> tuple[list[str], str, Any]:
        log: list[str] = []
        started = threading.Event()
        release = threading.Event()

        def slow() -> str:
            started.set()
            release.wait(5)
            return threading.current_thread().name

        res: rt.hchan[str] = rt.chan(1)
        rt.go(lambda: res.send(rt.blocking(slow)))
        rt.blocking(started.wait, 5)
        # The other goroutine is parked in _Gsyscall, and we still run.
        states = [g.atomicstatus for g in rt.proc.allgs.values()]
        log.append("running" if _Gsyscall in states else "not in syscall")
        dump = rt.Stack(all=True)
        release.set()
        name = res.recv()
        with pytest.raises(ZeroDivisionError):
            rt.blocking(lambda: 1 / 0)
        return log, name, dump

    log, name, dump = rt.run(main)
    assert log == ["running"]
    assert name.startswith("rt-spare-m")
    assert "[syscall]:" in dump


def test_BlockingConcurrency() -> None:
    """Many blocking calls overlap: 20 sleeps of 0.2 s finish in far less than 4 s."""

    def main() -> float:
        t0 = pytime.monotonic()
        wg = sync.WaitGroup()
        for _ in range(20):
            wg.Add(1)

            def w() -> None:
                rt.blocking(pytime.sleep, 0.2)
                wg.Done()

            rt.go(w)
        wg.Wait()
        return pytime.monotonic() - t0

    assert rt.run(main) < 2.0


def test_BlockingBurstAfterIdleSpareM() -> None:
    """A burst of N calls gets N spare Ms at once, even when one M already sleeps idle.

    The first call leaves one idle M behind. The burst of 20 that follows
    used to count that sleeping M as free for every call until it woke, so
    the 20 calls of 200 ms ran one after another (4.0 s).
    """

    def main() -> tuple[float, int]:
        rt.blocking(pytime.sleep, 0.01)  # one spare M, now idle
        t0 = pytime.monotonic()
        wg = sync.WaitGroup()
        names: set[str] = set()
        for _ in range(20):
            wg.Add(1)

            def w() -> None:
                rt.blocking(pytime.sleep, 0.2)
                names.add(rt.blocking(lambda: threading.current_thread().name))
                wg.Done()

            rt.go(w)
        wg.Wait()
        return pytime.monotonic() - t0, len(names)

    took, nthreads = rt.run(main)
    assert took < 1.0
    assert nthreads > 1


def test_BlockingPassesKeywordArguments() -> None:
    def f(a: int, *, b: int = 0, c: int = 0) -> tuple[int, int, int]:
        return a, b, c

    assert rt.run(lambda: rt.blocking(f, 1, c=3)) == (1, 0, 3)
    assert rt.run(lambda: rt.blocking(sorted, [3, 1, 2], reverse=True)) == [3, 2, 1]


def test_BlockingNotCallable() -> None:
    def main() -> None:
        with pytest.raises(TypeError):
            rt.blocking(3)  # type: ignore[call-overload]

    rt.run(main)


def test_StackHeaders() -> None:
    def main() -> str:
        a: rt.hchan[int] = rt.chan()
        rt.go(a.recv)
        rt.go(time.Sleep, time.Hour)
        time.Sleep(time.Millisecond)
        s = rt.Stack(all=True)
        a.send(1)
        return s

    s = rt.run(main)
    assert s.startswith("goroutine 1 [running]:")
    assert "goroutine 2 [chan receive]:" in s
    assert "goroutine 3 [sleep]:" in s
    assert "test_proc.test_StackHeaders.<locals>.main(...)" in s  # a Python frame
    assert rt.Stack() == ""  # outside any goroutine


def test_WaitReasonStrings() -> None:
    assert waitReasonString(2) == "IO wait"
    assert waitReasonString(19) == "chan receive"
    assert waitReasonString(25) == "sync.WaitGroup.Wait"
    assert waitReasonString(999) == "unknown wait reason"


def test_GOMAXPROCS() -> None:
    assert rt.run(lambda: rt.GOMAXPROCS(0)) == 1


def test_KeyboardInterruptWhileSleeping() -> None:
    """Ctrl-C while the runtime sleeps surfaces from rt.run promptly, after teardown."""
    log: list[str] = []

    def sleeper() -> None:
        try:
            rt.chan().recv()
        finally:
            log.append("unwound")

    def main() -> None:
        rt.go(sleeper)
        time.Sleep(10 * time.Second)

    # A real SIGINT to the main thread, as Ctrl-C delivers it (interrupt_main
    # would only set Python's flag and not interrupt the sleeping syscall).
    main_id = threading.main_thread().ident
    assert main_id is not None
    t = threading.Timer(0.2, signal.pthread_kill, (main_id, signal.SIGINT))
    t.start()
    t0 = pytime.monotonic()
    try:
        with pytest.raises(KeyboardInterrupt):
            rt.run(main)
    finally:
        t.join()
    took = pytime.monotonic() - t0
    assert took < 0.2 + 1.0  # generous for a noisy machine; Go's bound is 100 ms
    assert log == ["unwound"]
    assert rt.proc.allgs == {}


def test_UnhandledCtrlCDiesQuietlyAsGo() -> None:
    """A program without signal.Notify dies of Ctrl-C silently, by SIGINT, as Go's does.

    The KeyboardInterrupt still leaves rt.run (a caller may catch it, the
    test above does); uncaught, its traceback is not printed, and the
    process ends by the signal. Another uncaught exception still prints.
    """
    prog = """
        import sys
        import rt
        from std import time

        def main():
            print("ready", flush=True)
            time.Sleep(30 * time.Second)

        rt.run(main)
    """
    p = _startScript(prog)
    try:
        assert p.stdout is not None
        assert p.stdout.readline() == "ready\n"
        os.kill(p.pid, signal.SIGINT)
        out, err = p.communicate(timeout=30)
    finally:
        if p.poll() is None:
            p.kill()
            p.wait()
    assert (p.returncode, out, err) == (-signal.SIGINT, "", "")
    # Caught by the caller: an ordinary KeyboardInterrupt; other exceptions still print.
    r = _runScript("""
        import rt
        def main():
            raise KeyboardInterrupt
        try:
            rt.run(main)
        except KeyboardInterrupt:
            print("caught")
        rt.run(lambda: 1 // 0)
    """)
    assert r.stdout == "caught\n"
    assert r.returncode == 1 and "ZeroDivisionError" in r.stderr


def test_RunFromAnotherThreadWhileRunning() -> None:
    errs: list[str] = []

    def other() -> None:
        try:
            rt.run(lambda: None)
        except RuntimeError as e:
            errs.append(str(e))

    def main() -> None:
        t = threading.Thread(target=other)
        t.start()
        rt.blocking(t.join)

    rt.run(main)
    assert errs and "already running" in errs[0]


def test_GoroutineStatusesDuringRun() -> None:
    def main() -> list[int]:
        c: rt.hchan[int] = rt.chan()
        rt.go(c.recv)
        rt.go(lambda: None)
        statuses = sorted(g.atomicstatus for g in rt.proc.allgs.values() if g.goid != 1)
        c.send(0)
        return statuses

    assert rt.run(main) == sorted([_Grunnable, _Grunnable])
    assert _Gwaiting == 4


def test_StackCacheReuseIsInvisible() -> None:
    """Goroutine stacks (greenlets) are reused; nothing of the previous goroutine shows."""
    import contextvars

    var: contextvars.ContextVar[str] = contextvars.ContextVar("var", default="unset")

    def main() -> tuple[list[str], str, int]:
        seen: list[str] = []
        done: rt.hchan[None] = rt.chan()

        def setter() -> None:
            var.set("leaked")
            done.send(None)

        def reader() -> None:
            seen.append(var.get())
            rt.chan().recv()  # park so the dump below shows us

        rt.go(setter)
        done.recv()
        time.Sleep(time.Millisecond)  # setter exits; its greenlet goes to the cache
        cached = len(rt.proc.allp[0].stackcache)
        rt.go(reader)
        time.Sleep(time.Millisecond)
        return seen, rt.Stack(all=True), cached

    seen, dump, cached = rt.run(main)
    assert cached >= 1
    assert seen == ["unset"]
    reader_trace = [t for t in dump.split("\n\n") if "[chan receive]" in t][0]
    assert "reader(...)" in reader_trace and "setter" not in reader_trace


def test_FinishedGoroutineReleasesItsArguments() -> None:
    """A greenlet waiting in the stack cache holds nothing of its last goroutine."""
    import gc
    import weakref

    class Conn:
        pass

    def main() -> tuple[bool, bool, int]:
        arg = Conn()
        refs = [weakref.ref(arg)]
        done: rt.hchan[None] = rt.chan()

        def worker(c: Conn, n: int) -> Conn:
            ret = Conn()
            refs.append(weakref.ref(ret))
            done.send(None)
            return ret

        rt.go(worker, arg, 1)
        del arg
        done.recv()
        time.Sleep(time.Millisecond)  # worker returns; its greenlet goes to the cache
        gc.collect()
        return refs[0]() is None, refs[1]() is None, len(rt.proc.allp[0].stackcache)

    arg_freed, result_freed, cached = rt.run(main)
    assert cached >= 1
    assert arg_freed and result_freed


# ---------------------------------------------------------------------------
# Preemption at safe points (proc.py, design rule 5) and sysmon.


def test_Preemption() -> None:
    """proc_test.go: TestPreemption. A spinning G that calls into the runtime yields.

    The spinner polls a channel with a non-blocking receive (a safe point
    that never parks), so nothing but sysmon's request can make it give the
    P to the goroutine that would end its loop. Without preemption the loop
    runs until its own 5 s bound and the test fails.
    """

    def main() -> tuple[bool, float]:
        stop: rt.hchan[bool] = rt.chan(1)
        rt.go(lambda: stop.send(True))
        t0 = pytime.monotonic()
        while pytime.monotonic() - t0 < 5:
            if rt.select(rt.recv(stop), default=True)[0] == 0:
                return True, pytime.monotonic() - t0
        return False, pytime.monotonic() - t0

    # The new G sits in runnext; main keeps the P until sysmon asks (10-15 ms).
    stopped, took = rt.run(main)
    assert stopped, "the spinning goroutine was never preempted"
    assert took < 1.0


def test_GoschedFirstCallInMainLetsOthersRun() -> None:
    """`go f(); runtime.Gosched()` runs f first, as Go 1.19 with GOMAXPROCS=1 does."""

    def main() -> list[str]:
        out: list[str] = []
        rt.go(out.append, "g")
        rt.Gosched()
        out.append("main")
        return out

    assert rt.run(main) == ["g", "main"]


_root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def _scriptEnv(env: dict[str, str] | None = None) -> dict[str, str]:
    e = dict(os.environ)
    e["PYTHONPATH"] = _root + os.pathsep + e.get("PYTHONPATH", "")
    e.pop("GODEBUG", None)
    e.update(env or {})
    return e


def _runScript(code: str, env: dict[str, str] | None = None,
               timeout: float = 60) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", textwrap.dedent(code)], env=_scriptEnv(env),
                          cwd=_root, capture_output=True, text=True, timeout=timeout)


def _startScript(code: str) -> subprocess.Popen[str]:
    """The script running in a child whose stdin, stdout and stderr are pipes."""
    return subprocess.Popen([sys.executable, "-c", textwrap.dedent(code)], env=_scriptEnv(),
                            cwd=_root, text=True, stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)


_busyLoop = """
    import time as pytime
    import rt
    from std import time

    def spin():
        # 0.25 s of this thread's CPU time, not of the clock: on a loaded
        # machine the report (rightly) ignores time the thread waited for a CPU.
        end = pytime.thread_time() + 0.25
        while pytime.thread_time() < end:   # no safe point in here
            pass

    def main():
        for _ in range(2):
            spin()
            time.Sleep(time.Millisecond)
        print("done")

    rt.run(main)
"""


def test_UnpreemptibleGoroutineIsReported() -> None:
    """A G running 50 ms past sysmon's request with no safe point is named once, with its stack."""
    r = _runScript(_busyLoop)
    assert r.returncode == 0, r.stderr
    assert r.stdout == "done\n"
    assert r.stderr.count("rt: goroutine 1 has run for") == 1, r.stderr
    assert "without reaching a safe point" in r.stderr
    assert "goroutine 1 [running]:\n__main__.spin(...)\n\t<string>:" in r.stderr
    assert "created by __main__.<module>" in r.stderr


def test_StoppedProcessIsNotReported() -> None:
    """Time the whole process spends stopped (SIGSTOP, then SIGCONT) is not held against a G.

    The G spins 40 ms of CPU time without a safe point, less than the
    report's 50 ms; the parent stops the process for 0.5 s in the middle, so
    by the wall clock the G ignored sysmon's request for over half a second.
    """
    code = textwrap.dedent("""
        import sys, time as pytime
        import rt

        def main():
            print("ready", flush=True)
            sys.stdin.readline()          # the parent is about to stop us
            end = pytime.thread_time() + 0.04
            while pytime.thread_time() < end:   # no safe point in here
                pass
            print("done", flush=True)

        rt.run(main)
    """)
    p = _startScript(code)
    try:
        assert p.stdout is not None and p.stdin is not None
        assert p.stdout.readline() == "ready\n"
        p.stdin.write("go\n")
        p.stdin.flush()
        pytime.sleep(0.02)              # the spin has begun and sysmon has asked it to yield
        os.kill(p.pid, signal.SIGSTOP)
        pytime.sleep(0.5)
        os.kill(p.pid, signal.SIGCONT)
        out, err = p.communicate(timeout=30)
    finally:
        if p.poll() is None:
            p.kill()
            p.wait()
    assert p.returncode == 0, err
    assert out == "done\n"
    assert err == ""


def test_UnpreemptibleReportSilencedOrTuned() -> None:
    r = _runScript(_busyLoop, {"GODEBUG": "preemptreport=0"})
    assert r.returncode == 0 and r.stdout == "done\n"
    assert r.stderr == ""
    # A threshold longer than the loop: no report either.
    r = _runScript(_busyLoop, {"GODEBUG": "madvdontneed=1,preemptreport=1000"})
    assert r.returncode == 0 and r.stderr == ""


def test_HealthyServerIsNotReported() -> None:
    """An echo server under load from many goroutines never triggers the report."""
    r = _runScript("""
        import net, rt
        from std import io, sync

        def main():
            ln, err = net.Listen("tcp", "127.0.0.1:0")
            assert err is None
            def serve():
                while True:
                    c, err = ln.Accept()
                    if err is not None:
                        return
                    def echo(c=c):
                        with c:
                            io.Copy(c, c)
                    rt.go(echo)
            rt.go(serve)
            wg = sync.WaitGroup()
            def client():
                c, err = net.Dial("tcp", ln.Addr().String())
                assert err is None
                buf = bytearray(64)
                for _ in range(300):
                    c.Write(b"x" * 64)
                    io.ReadFull(c, buf)
                c.Close()
                wg.Done()
            for _ in range(50):
                wg.Add(1)
                rt.go(client)
            wg.Wait()
            ln.Close()
            print("ok")

        rt.run(main)
    """)
    assert r.returncode == 0, r.stderr
    assert r.stdout == "ok\n"
    assert r.stderr == ""


def test_SysmonStopsWithRun() -> None:
    """sysmon is a thread of each run: started with it, joined by its teardown."""

    def main() -> list[str]:
        return [t.name for t in threading.enumerate()]

    assert "rt-sysmon" in rt.run(main)
    assert "rt-sysmon" not in [t.name for t in threading.enumerate()]


def test_SignalHandlerReadyingAGoroutineWakesThePoller() -> None:
    """A plain Python signal handler that closes a channel: the waiting G runs at once.

    The handler runs on the main thread, which is M0's g0 asleep in
    epoll_pwait (10 s, bounded by a timer); readying a G there must break
    the sleep instead of leaving the G queued until the timer fires.
    """
    done: rt.hchan[bool] = rt.chan()

    def handler(signum: int, frame: Any) -> None:
        done.close()

    def main() -> int:
        i, _, _ = rt.select(rt.recv(done), rt.recv(time.After(10 * time.Second)))
        return i

    main_id = threading.main_thread().ident
    assert main_id is not None
    old = signal.signal(signal.SIGUSR1, handler)
    t = threading.Timer(0.2, signal.pthread_kill, (main_id, signal.SIGUSR1))
    t.start()
    t0 = pytime.monotonic()
    try:
        assert rt.run(main) == 0
    finally:
        t.join()
        signal.signal(signal.SIGUSR1, old)
    assert pytime.monotonic() - t0 < 0.2 + 1.0


def test_CheckdeadRunnableGThrows() -> None:
    """proc.go's "checkdead: runnable g": a runnable G that no run queue holds is a bug.

    The G is made with newproc1 but never queued (as a lost wake-up would
    leave it); when main blocks for good, checkdead must not call this a
    plain deadlock.
    """

    def main() -> None:
        mp = rt.proc.getm()
        assert mp is not None
        rt.proc.newproc1(lambda: None, (), None, None, mp)  # runnable, in no queue
        rt.chanrecv1(None)

    with pytest.raises(rt.FatalError, match="checkdead: runnable g"):
        rt.run(main)


def test_PanicValueIsRecovered() -> None:
    """panic(v) with any v, a Go error value included, is recovered as rt.Panic with .value v."""
    from std import errors, fmt

    def main() -> list[str]:
        out = []
        for v in ("text", 42, errors.New("an error value"),
                  fmt.Errorf("wrapped: %w", errors.New("inner"))):
            try:
                rt.panic(v)
            except rt.Panic as p:
                out.append(f"{p.value is v} {p}")
        try:
            try:
                rt.panic(errors.New("again"))
            except rt.Panic as p:
                rt.panic(p)  # re-panic of the recovered panic: the same object
        except rt.Panic as p2:
            out.append(str(p2))
        try:
            rt.panic(ValueError("python"))  # no Error(): raised as it is
        except ValueError as e:
            out.append(f"ValueError {e}")
        return out

    assert rt.run(main) == ["True text", "True 42", "True an error value",
                            "True wrapped: inner", "again", "ValueError python"]


def test_PanicNil() -> None:
    """panic(nil) panics with *runtime.PanicNilError since Go 1.21 (GODEBUG=panicnil=1: nil)."""
    from std import fmt

    def main() -> list[str]:
        try:
            rt.panic(None)
        except rt.Panic as p:
            assert isinstance(p, rt.PanicNilError) and isinstance(p, rt.Error)
            return [fmt.Sprintf("%T", p.value), p.value.Error()]
        return []

    assert rt.run(main) == ["*runtime.PanicNilError",
                            "runtime error: panic called with nil argument"]
    r = _runScript("""
        import rt
        def main():
            try:
                rt.panic(None)
            except rt.Panic as p:
                print(type(p).__name__, p.value)
        rt.run(main)
    """, {"GODEBUG": "panicnil=1"})
    assert r.stdout == "Panic None\n", r.stderr


@pytest.mark.parametrize("kind", ["NewTimer", "NewTicker", "After"])
def test_DeadlockDespiteAnUnwatchedChannelTimer(kind: str) -> None:
    """A channel timer nobody waits on does not hide a deadlock (go1.23+'s lazy timer heap).

    go1.27 heaps a channel timer only while a goroutine is blocked on its
    channel, so ``t := time.NewTimer(time.Hour); <-make(chan int)`` is a
    deadlock at once. (Go 1.19 waited an hour: go1.27's source wins.)
    An AfterFunc, or a timer someone waits on in a select, still counts.
    """
    def main() -> None:
        keep = {"NewTimer": lambda: time.NewTimer(time.Hour),
                "NewTicker": lambda: time.NewTicker(time.Hour),
                "After": lambda: time.After(time.Hour)}[kind]()
        rt.chan().recv()
        assert keep is not None

    with pytest.raises(rt.FatalError) as ei:
        rt.run(main)
    assert ei.value.msg == "all goroutines are asleep - deadlock!"


def test_WatchedChannelTimerIsNoDeadlock() -> None:
    def main() -> list[int]:
        idle = time.NewTimer(time.Hour)
        t = time.NewTimer(50 * time.Millisecond)
        never: rt.hchan[int] = rt.chan()
        i, _, _ = rt.select(rt.recv(never), rt.recv(t.C))
        fired = [i]
        done: rt.hchan[int] = rt.chan()
        time.AfterFunc(30 * time.Millisecond, lambda: done.close())
        done.recv()  # only an AfterFunc can end this wait
        idle.Stop()
        return fired

    assert rt.run(main) == [1]


def test_UnrecoveredPanicEndsAsGo() -> None:
    """An uncaught rt.Panic or fatal error prints what Go prints and exits with status 2.

    Go's "panic: VALUE" (an error's Error(), a Stringer's String()), a blank
    line and the panicking goroutine's stack; "fatal error: ..." and the
    dump for a deadlock. GOTRACEBACK=python shows Python's traceback
    instead; other Python exceptions keep Python's traceback and status 1.
    """
    r = _runScript("""
        import rt
        from std import errors

        def main():
            def worker():
                rt.panic(errors.New("an error value"))
            rt.go(worker)
            rt.Gosched()

        rt.run(main)
    """)
    assert r.returncode == 2
    lines = r.stderr.splitlines()
    assert lines[:4] == ["panic: an error value", "", "goroutine 2 [running]:",
                         "__main__.main.<locals>.worker(...)"], r.stderr
    assert lines[-2] == "created by __main__.main in goroutine 1"
    assert "Traceback" not in r.stderr
    r = _runScript("""
        import rt
        rt.run(lambda: rt.chan().recv())
    """)
    assert r.returncode == 2
    assert r.stderr.startswith("fatal error: all goroutines are asleep - deadlock!\n\n"
                               "goroutine 1 [chan receive]:\n")
    r = _runScript("""
        import rt
        rt.run(lambda: rt.panic("boom"))
    """, {"GOTRACEBACK": "python"})
    assert r.returncode == 2 and "Traceback" in r.stderr and "rt.panic.Panic: boom" in r.stderr
    r = _runScript("""
        import atexit, rt
        atexit.register(lambda: print("atexit ran"))
        rt.run(lambda: {}["k"])
    """)
    assert r.returncode == 1 and "KeyError: 'k'" in r.stderr and r.stdout == "atexit ran\n"


def test_NumCPU() -> None:
    """runtime.NumCPU: the CPUs of the process's affinity mask (taskset narrows it)."""
    assert rt.NumCPU() == len(os.sched_getaffinity(0))
    r = subprocess.run(["taskset", "-c", "0", sys.executable, "-c",
                        "import rt; print(rt.NumCPU())"], env=_scriptEnv(), cwd=_root,
                       capture_output=True, text=True, timeout=60)
    if r.returncode == 127 or "No such file" in r.stderr:
        pytest.skip("taskset (util-linux) is not installed")
    assert r.stdout == "1\n", r.stderr
