"""os/signal's signal_test.go, ported; plus the runtime's SIGQUIT and SIGPIPE defaults.

Every test that sends a real signal runs its program in a subprocess (a
script written to tmp_path), so a signal that goes astray kills the child,
not the test run; the test asserts on the child's output and exit status.
The tests that send no signal run in this process, under the suite's leak
check, and also check that rt.run's teardown puts every disposition back.
Go's names are kept where a Go test applies; settleTime and waitSig are
Go's helpers.
"""

from __future__ import annotations

import os as pyos
import signal as pysignal
import subprocess
import sys
import textwrap
import threading
import time as pytime
from pathlib import Path
from typing import Any

import pytest

import rt
from rt import sigqueue
from std import context, errors, os, syscall
from std.os import signal

ROOT = Path(__file__).resolve().parents[2]

# The top of every child program: Go's test helpers.
PRELUDE = '''
import os as pyos
import signal as pysignal
import sys

import rt
from std import context, errors, os, sync, syscall, time
from std.os import signal

settleTime = 100 * time.Millisecond
fatalWaitingTime = 10 * time.Second


def fatalf(msg):
    print("FAIL:", msg, flush=True)
    pyos._exit(1)


def kill(sig):
    pyos.kill(pyos.getpid(), sig)


def waitSig(c, sig, all=False):
    # Go's waitSig1: wait for sig on c, waking every settleTime/10.
    start = time.Now()
    timer = time.NewTimer(settleTime // 10)
    try:
        while time.Since(start) < fatalWaitingTime:
            i, s, _ = rt.select(rt.recv(c), rt.recv(timer.C))
            if i == 0:
                if s == sig:
                    return
                if not all or s != syscall.SIGURG:
                    fatalf(f"signal was {s}, want {sig}")
            else:
                timer.Reset(settleTime // 10)
    finally:
        timer.Stop()
    fatalf(f"timeout after {fatalWaitingTime} waiting for {sig}")


def quiesce():
    start = time.Now()
    while time.Since(start) < settleTime:
        time.Sleep(settleTime // 10)


def nothingOn(c):
    i, s, _ = rt.select(rt.recv(c), default=True)
    if i == 0:
        fatalf(f"unexpected signal {s}")
'''


def _script(tmp_path: Path, src: str) -> Path:
    path = tmp_path / "child.py"
    path.write_text(PRELUDE + textwrap.dedent(src))
    return path


def _env(**extra: str) -> dict[str, str]:
    env = dict(pyos.environ, PYTHONPATH=str(ROOT))
    env.pop("GOTRACEBACK", None)
    env.update(extra)
    return env


def run_child(tmp_path: Path, src: str, **env: str) -> subprocess.CompletedProcess[str]:
    """Run a child program to its end; its output and exit status."""
    return subprocess.run([sys.executable, str(_script(tmp_path, src))], cwd=ROOT,
                          env=_env(**env), capture_output=True, text=True, timeout=60)


class Child:
    """A child program that prints "ready" when it wants the parent's signal."""

    def __init__(self, tmp_path: Path, src: str, **env: str) -> None:
        self.p = subprocess.Popen([sys.executable, str(_script(tmp_path, src))], cwd=ROOT,
                                  env=_env(**env), stdout=subprocess.PIPE,
                                  stderr=subprocess.PIPE, text=True)

    def readline(self) -> str:
        assert self.p.stdout is not None
        return self.p.stdout.readline()

    def wait_ready(self) -> None:
        line = self.readline()
        if line != "ready\n":
            out, err = self.finish()
            pytest.fail(f"child did not get ready: {line!r}\n{out}\n{err}")

    def kill(self, sig: int) -> None:
        self.p.send_signal(sig)

    def finish(self) -> tuple[str, str]:
        try:
            out, err = self.p.communicate(timeout=30)
        except subprocess.TimeoutExpired:
            self.p.kill()
            out, err = self.p.communicate()
        return out, err


def _ok(res: subprocess.CompletedProcess[str]) -> None:
    assert res.returncode == 0 and "FAIL" not in res.stdout, (
        f"exit status {res.returncode}\nstdout:\n{res.stdout}\nstderr:\n{res.stderr}")


# ---------------------------------------------------------------------------
# signal_test.go


def test_Signal(tmp_path: Path) -> None:
    """Notify for one signal, then for all; not reading one channel blocks nothing."""
    _ok(run_child(tmp_path, '''
        def main():
            # Ask for SIGHUP
            c = rt.chan(1)
            signal.Notify(c, syscall.SIGHUP)
            try:
                # Send this process a SIGHUP
                kill(syscall.SIGHUP)
                waitSig(c, syscall.SIGHUP)

                # Ask for everything we can get.
                c1 = rt.chan(10)
                signal.Notify(c1)
                # Stop relaying SIGURG (Go issue 49724).
                signal.Reset(syscall.SIGURG)
                try:
                    kill(syscall.SIGWINCH)
                    waitSig(c1, syscall.SIGWINCH, all=True)

                    # Two more SIGHUPs: delivered on c1 although c is full.
                    kill(syscall.SIGHUP)
                    waitSig(c1, syscall.SIGHUP, all=True)
                    kill(syscall.SIGHUP)
                    waitSig(c1, syscall.SIGHUP, all=True)

                    # The first SIGHUP should be waiting for us on c.
                    waitSig(c, syscall.SIGHUP)
                finally:
                    signal.Stop(c1)
            finally:
                signal.Stop(c)

        rt.run(main)
    '''))


def test_Stress(tmp_path: Path) -> None:
    """A stream of signals; Stop's promise lets the sender close the channel right after it."""
    _ok(run_child(tmp_path, '''
        dur = 100 * time.Millisecond

        def main():
            sig = rt.chan(1)
            signal.Notify(sig, syscall.SIGUSR1)

            def sender():
                stop = time.After(dur)
                while True:
                    i, _, _ = rt.select(rt.recv(stop), default=True)
                    if i == 0:
                        # Let all signals arrive before we stop listening.
                        quiesce()
                        signal.Stop(sig)
                        # After Stop, c receives no more signals, so closing it
                        # is safe: a send after the close would panic.
                        sig.close()
                        return
                    kill(syscall.SIGUSR1)
                    rt.Gosched()

            rt.go(sender)
            n = 0
            for _ in sig:  # until the sender closes sig
                n += 1
            print("received", n, flush=True)

        rt.run(main)
    '''))


def _testCancel(tmp_path: Path, ignore: bool) -> None:
    res = run_child(tmp_path, f'''
        pysignal.signal(pysignal.SIGHUP, pysignal.SIG_DFL)
        ignore = {ignore}

        def main():
            # Ask to be notified on c1 of SIGWINCH, on c2 of SIGHUP.
            c1 = rt.chan(1)
            signal.Notify(c1, syscall.SIGWINCH)
            c2 = rt.chan(1)
            signal.Notify(c2, syscall.SIGHUP)

            kill(syscall.SIGWINCH)
            waitSig(c1, syscall.SIGWINCH)
            kill(syscall.SIGHUP)
            waitSig(c2, syscall.SIGHUP)

            # Either way, this undoes both calls to Notify above.
            if ignore:
                signal.Ignore(syscall.SIGWINCH, syscall.SIGHUP)
            else:
                signal.Reset(syscall.SIGWINCH, syscall.SIGHUP)

            # SIGWINCH is ignored by default.
            kill(syscall.SIGWINCH)
            if ignore:
                # Ignored, so this SIGHUP does not end the program.
                kill(syscall.SIGHUP)
            quiesce()

            nothingOn(c1)
            nothingOn(c2)
            print("ok", flush=True)

        rt.run(main)
        if not ignore:
            # Reset gave SIGHUP back its disposition: it ends the program now.
            kill(syscall.SIGHUP)
            pysignal.pause()
    ''')
    if ignore:
        _ok(res)
    else:
        assert res.returncode == -pysignal.SIGHUP, (res.returncode, res.stdout, res.stderr)
    assert res.stdout == "ok\n"


def test_Reset(tmp_path: Path) -> None:
    """Reset cancels the registration for the listed signals on all channels."""
    _testCancel(tmp_path, False)


def test_Ignore(tmp_path: Path) -> None:
    """Ignore cancels the registration for the listed signals on all channels."""
    _testCancel(tmp_path, True)


def test_Ignored() -> None:
    """Ignored follows Notify, Stop and Ignore; teardown puts SIG_DFL back."""
    before = pysignal.getsignal(pysignal.SIGWINCH)

    def main() -> None:
        c: rt.chan[Any] = rt.chan(1)
        signal.Notify(c, syscall.SIGWINCH)
        # Notified, so not ignored.
        assert not signal.Ignored(syscall.SIGWINCH)
        assert pysignal.getsignal(pysignal.SIGWINCH) is sigqueue.sighandler
        signal.Stop(c)
        signal.Ignore(syscall.SIGWINCH)
        assert signal.Ignored(syscall.SIGWINCH)
        assert pysignal.getsignal(pysignal.SIGWINCH) == pysignal.SIG_IGN
        signal.Reset()

    rt.run(main)
    assert pysignal.getsignal(pysignal.SIGWINCH) == before


def test_DetectNohup() -> None:
    """Ignored(SIGHUP) reports a SIGHUP that was ignored when rt.run started (nohup)."""
    old = pysignal.getsignal(pysignal.SIGHUP)
    try:
        pysignal.signal(pysignal.SIGHUP, pysignal.SIG_DFL)
        assert rt.run(lambda: signal.Ignored(syscall.SIGHUP)) is False
        pysignal.signal(pysignal.SIGHUP, pysignal.SIG_IGN)
        assert rt.run(lambda: signal.Ignored(syscall.SIGHUP)) is True
        # Notify takes SIGHUP over; Stop gives the inherited SIG_IGN back.

        def main() -> bool:
            c: rt.chan[Any] = rt.chan(1)
            signal.Notify(c, syscall.SIGHUP)
            notified = signal.Ignored(syscall.SIGHUP)
            signal.Stop(c)
            return notified

        assert rt.run(main) is False
        assert pysignal.getsignal(pysignal.SIGHUP) == pysignal.SIG_IGN
    finally:
        pysignal.signal(pysignal.SIGHUP, old)


def test_Stop(tmp_path: Path) -> None:
    """Stop cancels the channel's registrations."""
    _ok(run_child(tmp_path, '''
        def main():
            for sig in (syscall.SIGWINCH, syscall.SIGHUP, syscall.SIGUSR1):
                # Ask for the signal, send it, get it.
                c = rt.chan(1)
                signal.Notify(c, sig)
                kill(sig)
                waitSig(c, sig)

                # Stop watching and send it again; only SIGWINCH is harmless
                # once its default disposition is back (test_Nohup sends the others).
                signal.Stop(c)
                if sig == syscall.SIGWINCH:
                    kill(sig)
                    quiesce()
                    nothingOn(c)
                print(sig, "ok", flush=True)

        rt.run(main)
    '''))


_nohupSrc = '''
    if nohup:
        pysignal.signal(pysignal.SIGHUP, pysignal.SIG_IGN)
    else:
        pysignal.signal(pysignal.SIGHUP, pysignal.SIG_DFL)

    def main():
        print("ignored", signal.Ignored(syscall.SIGHUP), flush=True)
        if sendUncaughtSighup == 1:
            kill(syscall.SIGHUP)
            quiesce()
        c = rt.chan(1)
        signal.Notify(c, syscall.SIGHUP)
        kill(syscall.SIGHUP)
        waitSig(c, syscall.SIGHUP)
        signal.Stop(c)
        if sendUncaughtSighup == 2:
            kill(syscall.SIGHUP)
            quiesce()
        print("survived", flush=True)

    rt.run(main)
'''


@pytest.mark.parametrize("when", [1, 2])
def test_Nohup(tmp_path: Path, when: int) -> None:
    """An uncaught SIGHUP ends the program, unless it runs under nohup (SIGHUP ignored)."""
    src = textwrap.dedent(_nohupSrc)
    res = run_child(tmp_path, f"nohup = False\nsendUncaughtSighup = {when}\n" + src)
    assert res.returncode == -pysignal.SIGHUP, (res.returncode, res.stdout, res.stderr)
    assert "survived" not in res.stdout

    res = run_child(tmp_path, f"nohup = True\nsendUncaughtSighup = {when}\n" + src)
    _ok(res)
    assert res.stdout == "ignored True\nsurvived\n"


def test_SIGCONT(tmp_path: Path) -> None:
    """SIGCONT can be Notify'd (Go issue 8953)."""
    _ok(run_child(tmp_path, '''
        def main():
            c = rt.chan(1)
            signal.Notify(c, syscall.SIGCONT)
            try:
                kill(syscall.SIGCONT)
                waitSig(c, syscall.SIGCONT)
            finally:
                signal.Stop(c)

        rt.run(main)
    '''))


def test_AtomicStop(tmp_path: Path) -> None:
    """Stop racing a SIGINT: the program either gets the signal or dies of it (Go issue 14571)."""
    for i in range(3):
        res = run_child(tmp_path, '''
            # The test needs SIGINT's default (KeyboardInterrupt, then death by SIGINT).
            pysignal.signal(pysignal.SIGINT, pysignal.default_int_handler)

            def main():
                if signal.Ignored(syscall.SIGINT):
                    print("SIGINT is ignored", flush=True)
                    pyos._exit(1)
                printed = False
                for i in range(10):
                    cs = rt.chan(1)
                    signal.Notify(cs, syscall.SIGINT)

                    wg = sync.WaitGroup()
                    wg.Add(1)

                    def stop():
                        try:
                            signal.Stop(cs)
                        finally:
                            wg.Done()

                    rt.go(stop)
                    kill(syscall.SIGINT)

                    # Now we either die from SIGINT or get it on cs.
                    j, _, _ = rt.select(rt.recv(cs), rt.recv(time.After(2 * time.Second)))
                    if j == 1:
                        if not printed:
                            print("lost signal on tries:", end="")
                            printed = True
                        print(f" {i}", end="")
                    wg.Wait()
                if printed:
                    print(flush=True)

            rt.run(main)
        ''')
        assert "lost signal" not in res.stdout, f"iteration {i}: {res.stdout}"
        if res.returncode != 0:
            assert res.returncode == -pysignal.SIGINT, (i, res.returncode, res.stdout, res.stderr)
        else:
            assert res.stdout == "", (i, res.stdout)


@pytest.mark.parametrize("n", [1, 10], ids=["once", "multiple"])
def test_NotifyContextNotifications(tmp_path: Path, n: int) -> None:
    """NotifyContext is cancelled by the first SIGINT; more SIGINTs do not end the program."""
    res = run_child(tmp_path, f'''
        pysignal.signal(pysignal.SIGINT, pysignal.default_int_handler)
        n = {n}

        def main():
            ctx, _ = signal.NotifyContext(context.Background(), syscall.SIGINT)
            wg = sync.WaitGroup()
            wg.Add(n)
            for i in range(n):
                def send():
                    kill(syscall.SIGINT)
                    wg.Done()
                rt.go(send)
            wg.Wait()
            ctx.Done().recv()
            got = context.Cause(ctx).Error()
            if got != "interrupt signal received":
                fatalf(f"context.Cause(ctx) = {{got!r}}")
            print("received SIGINT", flush=True)
            # The signals still on their way must not end the program: stop
            # was not called, so SIGINT still belongs to the context.
            time.Sleep(settleTime)

        rt.run(main)
    ''')
    _ok(res)
    assert "received SIGINT\n" in res.stdout


def test_NotifyContextStop() -> None:
    """stop cancels the context with Canceled as Err and Cause; Notify un-ignores SIGHUP."""
    before = pysignal.getsignal(pysignal.SIGHUP)

    def main() -> None:
        signal.Ignore(syscall.SIGHUP)
        assert signal.Ignored(syscall.SIGHUP)

        parent, cancelParent = context.WithCancel(context.Background())
        try:
            c, stop = signal.NotifyContext(parent, syscall.SIGHUP)
            try:
                # Notified, so not ignored.
                assert not signal.Ignored(syscall.SIGHUP)
                want = "signal.NotifyContext(context.Background.WithCancel, [hangup])"
                assert str(c) == want and c.String() == want  # type: ignore[attr-defined]

                stop()
                done = c.Done()
                assert done is not None
                done.recv()
                assert c.Err() is context.Canceled
                assert context.Cause(c) is context.Canceled
            finally:
                stop()
        finally:
            cancelParent()

    rt.run(main)
    assert pysignal.getsignal(pysignal.SIGHUP) == before


def test_NotifyContextCancelParent() -> None:
    """Cancelling the parent cancels the context with the parent's cause."""

    def main() -> None:
        parent, cancelParent = context.WithCancelCause(context.Background())
        parentCause = errors.New("parent canceled")
        try:
            c, stop = signal.NotifyContext(parent, syscall.SIGINT)
            try:
                want = "signal.NotifyContext(context.Background.WithCancel, [interrupt])"
                assert str(c) == want
                cancelParent(parentCause)
                done = c.Done()
                assert done is not None
                done.recv()
                assert c.Err() is context.Canceled
                assert context.Cause(c) is parentCause
            finally:
                stop()
        finally:
            cancelParent(parentCause)

    rt.run(main)


def test_NotifyContextPrematureCancelParent() -> None:
    """A parent cancelled before NotifyContext gives a context already cancelled."""

    def main() -> None:
        parent, cancelParent = context.WithCancelCause(context.Background())
        parentCause = errors.New("parent canceled")
        cancelParent(parentCause)  # before NotifyContext
        c, stop = signal.NotifyContext(parent, syscall.SIGINT)
        try:
            assert str(c) == "signal.NotifyContext(context.Background.WithCancel, [interrupt])"
            done = c.Done()
            assert done is not None
            done.recv()
            assert c.Err() is context.Canceled
            assert context.Cause(c) is parentCause
            # No watcher goroutine was started: only main runs.
            assert rt.NumGoroutine() == 2  # main and os/signal's loop
        finally:
            stop()

    rt.run(main)


def test_NotifyContextSimultaneousStop() -> None:
    """stop called from ten goroutines at once."""

    def main() -> None:
        c, stop = signal.NotifyContext(context.Background(), syscall.SIGINT)
        try:
            assert str(c) == "signal.NotifyContext(context.Background, [interrupt])"
            done = rt.chan(10)
            for _ in range(10):

                def g() -> None:
                    stop()
                    done.send(None)

                rt.go(g)
            for _ in range(10):
                done.recv()
            d = c.Done()
            assert d is not None
            d.recv()
            assert c.Err() is context.Canceled
        finally:
            stop()

    rt.run(main)


def test_NotifyContextStringer() -> None:
    """String lists the signals by their names."""

    def main() -> str:
        parent, cancelParent = context.WithCancel(context.Background())
        c, stop = signal.NotifyContext(parent, syscall.SIGHUP, syscall.SIGINT, syscall.SIGTERM)
        try:
            return str(c)
        finally:
            stop()
            cancelParent()

    want = "signal.NotifyContext(context.Background.WithCancel, [hangup interrupt terminated])"
    assert rt.run(main) == want


def test_NotifyContextCause(tmp_path: Path) -> None:
    """A signal's cancellation: Err and Cause both match context.Canceled (Go issue 77639)."""
    res = run_child(tmp_path, '''
        def main():
            ctx, stop = signal.NotifyContext(context.Background(), syscall.SIGINT)
            try:
                kill(syscall.SIGINT)
                ctx.Done().recv()
                err = ctx.Err()
                if err is None or not errors.Is(err, context.Canceled):
                    fatalf(f"error {err} is not context.Canceled")
                err = context.Cause(ctx)
                if err is None or not errors.Is(err, context.Canceled):
                    fatalf(f"cause {err} is not context.Canceled")
                print(err.Error(), flush=True)
            finally:
                stop()

        rt.run(main)
    ''')
    _ok(res)
    assert res.stdout == "interrupt signal received\n"


# ---------------------------------------------------------------------------
# This port: the runtime side.


def test_BlockedOnNotifyIsNotDeadlock(tmp_path: Path) -> None:
    """A program blocked only on a Notify channel waits for the signal (os/signal's goroutine
    is in a system call, so checkdead does not fire), and a signal that arrives while the
    scheduler sleeps in epoll with no timer pending is delivered at once."""
    ch = Child(tmp_path, '''
        def main():
            c = rt.chan(1)
            signal.Notify(c, syscall.SIGUSR1)
            print("ready", flush=True)
            s = c.recv()
            print("got", s, flush=True)
            return 0

        rt.run(main)
    ''')
    ch.wait_ready()
    pytime.sleep(0.3)  # the child is asleep in epoll by now
    t0 = pytime.monotonic()
    ch.kill(pysignal.SIGUSR1)
    line = ch.readline()
    elapsed = pytime.monotonic() - t0
    out, err = ch.finish()
    assert line == "got user defined signal 1\n", (line, out, err)
    assert ch.p.returncode == 0, err
    assert "deadlock" not in err
    assert elapsed < 1.0, f"signal took {elapsed:.3f}s to arrive"


def test_SIGQUIT(tmp_path: Path) -> None:
    """An unwanted SIGQUIT prints Go's crash report and exits 2 (GOTRACEBACK does not hush it)."""
    src = '''
        def worker(ch):
            ch.recv()

        def main():
            ch = rt.chan()
            rt.go(worker, ch)
            print("ready", flush=True)
            time.Sleep(30 * time.Second)

        rt.run(main)
    '''
    for env in ({}, {"GOTRACEBACK": "none"}):
        ch = Child(tmp_path, src, **env)
        ch.wait_ready()
        pytime.sleep(0.2)
        ch.kill(pysignal.SIGQUIT)
        out, err = ch.finish()
        assert ch.p.returncode == 2, (env, ch.p.returncode, err)
        assert err.startswith("SIGQUIT: quit\n\ngoroutine 1 [sleep]:\n"), err
        assert "\n\ngoroutine 2 [chan receive]:\n__main__.worker(...)\n" in err, err
        assert err.endswith("\n\n"), err


def test_SIGQUITInheritedIgnored(tmp_path: Path) -> None:
    """SIGQUIT inherited as ignored (a shell's background job) still dumps, as Go's initsig.

    Go keeps an inherited SIG_IGN only for SIGHUP and SIGINT.
    """
    src = """
        def main():
            print("ready", flush=True)
            time.Sleep(30 * time.Second)

        rt.run(main)
    """
    p = subprocess.Popen([sys.executable, str(_script(tmp_path, src))], cwd=ROOT, env=_env(),
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                         preexec_fn=lambda: pysignal.signal(pysignal.SIGQUIT, pysignal.SIG_IGN))
    assert p.stdout is not None
    assert p.stdout.readline() == "ready\n"
    pytime.sleep(0.2)
    p.send_signal(pysignal.SIGQUIT)
    try:
        _, err = p.communicate(timeout=30)
    except subprocess.TimeoutExpired:
        p.kill()
        _, err = p.communicate()
    assert p.returncode == 2, err
    assert err.startswith("SIGQUIT: quit\n\ngoroutine 1 [sleep]:\n"), err


def test_SIGQUITRunning(tmp_path: Path) -> None:
    """The goroutine that was running when SIGQUIT came comes first, "[running]", where it was."""
    res = run_child(tmp_path, '''
        def main():
            c = rt.chan()
            rt.go(c.recv)
            rt.Gosched()
            kill(syscall.SIGQUIT)
            pysignal.pause()

        rt.run(main)
    ''')
    assert res.returncode == 2, res.stderr
    # The handler ran at the first bytecode after kill's system call returned
    # (in kill, or back in main): goroutine 1's trace starts there.
    assert res.stderr.startswith("SIGQUIT: quit\n\ngoroutine 1 [running]:\n__main__."), (
        res.stderr)
    first = res.stderr.split("\n\n")[1]
    assert "\n__main__.main(...)\n" in first, res.stderr
    assert "\n\ngoroutine 2 [chan receive]:\n" in res.stderr


def test_NotifySIGQUIT(tmp_path: Path) -> None:
    """Notify takes SIGQUIT over; Reset gives it back to the runtime, which crashes again."""
    res = run_child(tmp_path, '''
        def main():
            c = rt.chan(1)
            signal.Notify(c, syscall.SIGQUIT)
            kill(syscall.SIGQUIT)
            waitSig(c, syscall.SIGQUIT)
            print("notified", flush=True)
            signal.Reset(syscall.SIGQUIT)
            kill(syscall.SIGQUIT)
            time.Sleep(10 * time.Second)
            print("not reached", flush=True)

        rt.run(main)
    ''')
    assert res.returncode == 2, (res.stdout, res.stderr)
    assert res.stdout == "notified\n"
    assert res.stderr.startswith("SIGQUIT: quit\n\ngoroutine 1 ["), res.stderr


def test_SIGPIPE(tmp_path: Path) -> None:
    """A write to a reset peer returns EPIPE, even when the host set SIGPIPE to SIG_DFL."""
    res = run_child(tmp_path, '''
        import net

        # A host program that restored SIGPIPE's default before rt.run.
        pysignal.signal(pysignal.SIGPIPE, pysignal.SIG_DFL)

        def main():
            ln, err = net.Listen("tcp", "127.0.0.1:0")
            assert err is None, err
            try:
                c, err = net.Dial("tcp", ln.Addr().String())
                assert err is None, err
                s, err = ln.Accept()
                assert err is None, err
                # The peer closes with RST.
                s.SetLinger(0)
                s.Close()
                time.Sleep(50 * time.Millisecond)
                errs = []
                for i in range(10):
                    _, err = c.Write(b"x" * 65536)
                    if err is not None:
                        errs.append(err.Error())
                c.Close()
                print("\\n".join(errs), flush=True)
            finally:
                ln.Close()

        rt.run(main)
        restored = pysignal.getsignal(pysignal.SIGPIPE) == pysignal.SIG_DFL
        print("survived; SIGPIPE is SIG_DFL again:", restored, flush=True)
    ''')
    _ok(res)
    lines = res.stdout.splitlines()
    assert lines[-1] == "survived; SIGPIPE is SIG_DFL again: True"
    assert lines[:-1], res.stdout
    for line in lines[:-1]:
        assert line.startswith("write tcp 127.0.0.1:"), line
        assert line.endswith(": write: broken pipe") or line.endswith(
            ": write: connection reset by peer"), line
    # Writing on after the reset raises SIGPIPE, which the run ignored.
    assert any(line.endswith("broken pipe") for line in lines[:-1]), res.stdout


def test_NotifyNeedsMainThread() -> None:
    """Notify, Ignore and Reset raise RuntimeError when rt.run is not on the main thread."""
    result: list[BaseException | None] = []

    def main() -> None:
        c: rt.chan[Any] = rt.chan(1)
        for call in (lambda: signal.Notify(c, syscall.SIGUSR1),
                     lambda: signal.Ignore(syscall.SIGUSR1),
                     lambda: signal.Reset()):
            with pytest.raises(RuntimeError, match="needs rt.run to run on the main thread"):
                call()
        # Reading, and Stop of a channel never registered, are fine.
        assert not signal.Ignored(syscall.SIGUSR1)
        signal.Stop(c)

    def thread() -> None:
        try:
            rt.run(main)
            result.append(None)
        except BaseException as e:
            result.append(e)

    t = threading.Thread(target=thread)
    t.start()
    t.join()
    assert result == [None], result


def test_NotifyOutsideRun() -> None:
    """Notify needs a goroutine: outside rt.run it is a RuntimeError."""
    c: rt.chan[Any] = rt.chan(1)
    with pytest.raises(RuntimeError, match="must be called from a goroutine"):
        signal.Notify(c, syscall.SIGUSR1)


def test_NotifyBadArguments() -> None:
    """A nil channel panics as in Go; a value that is not an os.Signal is a TypeError."""

    def main() -> None:
        with pytest.raises(rt.Panic, match="os/signal: Notify using nil channel"):
            signal.Notify(None, syscall.SIGUSR1)
        c: rt.chan[Any] = rt.chan(1)
        with pytest.raises(TypeError, match="not an os.Signal"):
            signal.Notify(c, pysignal.SIGUSR1)  # type: ignore[arg-type]
        with pytest.raises(TypeError, match="not an os.Signal"):
            signal.Ignored(10)  # type: ignore[arg-type]

    rt.run(main)


class _Stringer:
    """An os.Signal that is not a syscall.Signal: skipped, as in Go."""

    def String(self) -> str:
        return "other"

    def Signal(self) -> None:
        pass


def test_TeardownRestores() -> None:
    """rt.run's teardown puts back every disposition and the wakeup fd, and forgets the channels."""
    sigs = [pysignal.SIGUSR1, pysignal.SIGINT, pysignal.SIGQUIT, pysignal.SIGPIPE,
            pysignal.SIGTERM, pysignal.SIGHUP, pysignal.SIGALRM, pysignal.SIGWINCH]
    before = {s: pysignal.getsignal(s) for s in sigs}
    wakeup = pysignal.set_wakeup_fd(-1)
    pysignal.set_wakeup_fd(wakeup)

    def main() -> int:
        assert pysignal.getsignal(pysignal.SIGQUIT) is sigqueue.sighandler
        assert isinstance(os.Interrupt, os.Signal) and os.Interrupt is syscall.SIGINT
        c: rt.chan[Any] = rt.chan(10)
        signal.Notify(c)  # every signal
        signal.Notify(c, _Stringer())
        signal.Ignore(syscall.SIGWINCH)
        assert pysignal.getsignal(pysignal.SIGUSR1) is sigqueue.sighandler
        assert pysignal.getsignal(pysignal.SIGWINCH) == pysignal.SIG_IGN
        return rt.NumGoroutine()

    assert rt.run(main) == 2  # main and os/signal's loop
    assert {s: pysignal.getsignal(s) for s in sigs} == before
    assert pysignal.set_wakeup_fd(wakeup) == wakeup
    assert not signal.handlers.m and signal.handlers.ref == [0] * signal.numSig

    # The next run starts clean: no loop until the next Notify.
    def main2() -> tuple[int, int]:
        n0 = rt.NumGoroutine()
        c: rt.chan[Any] = rt.chan(1)
        signal.Notify(c, syscall.SIGUSR2)
        return n0, rt.NumGoroutine()

    assert rt.run(main2) == (1, 2)
    assert {s: pysignal.getsignal(s) for s in sigs} == before


def test_SignalIsSyscallSignal() -> None:
    """Delivered values are syscall.Signal (an os.Signal) equal to the number sent."""
    s = syscall.Signal(pysignal.SIGUSR1)
    assert s == syscall.SIGUSR1 and isinstance(s, os.Signal)
    assert signal.signum(s) == 10 and signal.signum(syscall.Signal(65)) == -1
    assert signal.signum(_Stringer()) == -1
