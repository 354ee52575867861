"""Workerpool runs -jobs jobs on -workers goroutines under a context with a
deadline. Job i takes i×-step; each job waits on its timer and on the
context at once, so when the deadline passes the jobs in progress stop
at once, the feeder stops handing out jobs, and the pool drains. The
results are printed in job order whichever worker finished first.

    python examples/workerpool/main.py -workers 2 -jobs 6 -step 100ms -timeout 500ms

The Go original is main.go beside this file.
"""

from __future__ import annotations

from dataclasses import dataclass

import rt
from std import context, flag, fmt, sync, time
from std.errors import error


@dataclass
class result:
    """A result is what a worker reports for one job."""

    job: int
    err: error | None


def main() -> None:
    workers = flag.Int("workers", 2, "run `N` jobs at once")
    jobs = flag.Int("jobs", 6, "number of jobs")
    step = flag.Duration("step", 100 * time.Millisecond, "job i takes i×`d`")
    timeout = flag.Duration("timeout", 500 * time.Millisecond,
                            "cancel the remaining jobs after `d`")
    flag.Parse()

    ctx, cancel = context.WithTimeout(context.Background(), timeout.value)
    try:  # defer cancel()
        jobc: rt.hchan[int] = rt.chan()
        results: rt.hchan[result] = rt.chan()
        wg = sync.WaitGroup()

        def worker() -> None:
            try:  # defer wg.Done()
                for job in jobc:
                    results.send(result(job, work(ctx, job * step.value)))
            finally:
                wg.Done()

        for _ in range(workers.value):
            wg.Add(1)
            rt.go(worker)

        def feed() -> None:
            try:  # defer close(jobc)
                for job in range(1, jobs.value + 1):
                    i, _, _ = rt.select(rt.send(jobc, job), rt.recv(ctx.Done()))
                    if i == 1:
                        return  # the rest are never started
            finally:
                jobc.close()

        rt.go(feed)

        def closer() -> None:
            wg.Wait()
            results.close()

        rt.go(closer)

        errs: dict[int, error | None] = {}
        for r in results:
            errs[r.job] = r.err
        done = 0
        for job in range(1, jobs.value + 1):
            if job in errs:
                err = errs[job]
            else:
                err = ctx.Err()  # never started: the feeder stopped at the deadline
            if err is not None:
                fmt.Printf("job %d: %v\n", job, err)
                continue
            done += 1
            fmt.Printf("job %d: done\n", job)
        fmt.Printf("%d of %d jobs done within %v\n", done, jobs.value, timeout.value)
    finally:
        cancel()


def work(ctx: context.Context, d: int) -> error | None:
    """work stands for a job that takes d, unless ctx is done first."""
    err = ctx.Err()
    if err is not None:
        return err  # handed out just as the deadline passed
    t = time.NewTimer(d)
    try:  # defer t.Stop()
        i, _, _ = rt.select(rt.recv(t.C), rt.recv(ctx.Done()))
        if i == 0:
            return None
        return ctx.Err()
    finally:
        t.Stop()


if __name__ == "__main__":
    rt.run(main)
