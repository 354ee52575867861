"""A concurrency demo (``python demo/concurrency.py``): Go's concurrency, line for line.

Three small Go programs, ported as a Go programmer would write them:

1. The concurrent prime sieve from Go's documentation: a daisy chain of
   filter goroutines connected by unbuffered channels.
2. A ticker, a timeout and a quit channel multiplexed with ``select``.
3. A worker pool: blocking calls (``rt.blocking``) run on spare threads
   while the goroutines that wait for them park, bounded by a WaitGroup.

It prints what it computes and what the scheduler did.
"""

from __future__ import annotations

import time as pytime

import rt
from std import sync, time


def generate(ch: rt.hchan[int]) -> None:
    """Send the sequence 2, 3, 4, ... to channel ch."""
    i = 2
    while True:
        ch.send(i)
        i += 1


def filter_(inp: rt.hchan[int], out: rt.hchan[int], prime: int) -> None:
    """Copy the values from inp to out, removing those divisible by prime."""
    while True:
        i = inp.recv()
        if i % prime != 0:
            out.send(i)


def sieve(n: int) -> list[int]:
    ch: rt.hchan[int] = rt.chan()
    rt.go(generate, ch)
    primes = []
    for _ in range(n):
        prime = ch.recv()
        primes.append(prime)
        ch1: rt.hchan[int] = rt.chan()
        rt.go(filter_, ch, ch1, prime)
        ch = ch1
    return primes


def ticker_demo() -> list[str]:
    events: list[str] = []
    ticker = time.NewTicker(50 * time.Millisecond)
    quit: rt.hchan[None] = rt.chan()

    def quitLater() -> None:
        time.Sleep(220 * time.Millisecond)
        quit.close()

    rt.go(quitLater)
    timeout = time.After(time.Second)
    start = time.Now()
    while True:
        i, v, _ = rt.select(rt.recv(ticker.C), rt.recv(quit), rt.recv(timeout))
        if i == 0:
            events.append(f"tick at {time.Duration(v.Sub(start)).Round(10 * time.Millisecond)}")
        elif i == 1:
            events.append("quit")
            break
        else:
            events.append("timeout")
            break
    ticker.Stop()
    return events


def worker_pool(jobs: int, workers: int) -> tuple[int, float]:
    work: rt.hchan[int] = rt.chan(jobs)
    results: rt.hchan[int] = rt.chan(jobs)
    wg = sync.WaitGroup()
    for _ in range(workers):
        wg.Add(1)

        def worker() -> None:
            for j in work:
                # A blocking call (think: a C library): it runs on a spare M
                # while this goroutine parks and the others keep going.
                rt.blocking(pytime.sleep, 0.05)
                results.send(j * j)
            wg.Done()

        rt.go(worker)
    t0 = pytime.monotonic()
    for j in range(jobs):
        work.send(j)
    work.close()
    wg.Wait()
    results.close()
    return sum(results), pytime.monotonic() - t0


def main() -> None:
    t0 = pytime.monotonic()
    primes = sieve(300)
    print(f"1. prime sieve: the first {len(primes)} primes through a chain of "
          f"{rt.NumGoroutine() - 2} filter goroutines, in {pytime.monotonic() - t0:.2f}s")
    print(f"   ... {primes[-5:]}")
    print("   a goroutine of the chain, as Go's traceback shows it:")
    dump = rt.Stack(all=True).split("\n\n")
    for line in dump[5].splitlines():
        print("     " + line)

    print("2. select over a ticker, a quit channel and a timeout:")
    for e in ticker_demo():
        print("   " + e)

    total, took = worker_pool(jobs=40, workers=20)
    print(f"3. worker pool: 40 jobs of 50 ms blocking work on 20 goroutines took "
          f"{took:.2f}s (sum of squares {total})")
    print(f"goroutines alive at the end of main: {rt.NumGoroutine()} "
          "(rt.run unwinds the sieve's filters when main returns)")


if __name__ == "__main__":
    rt.run(main)
