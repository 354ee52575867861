"""Portscan scans a range of TCP ports concurrently: a fixed number of
worker goroutines take ports from a channel and dial them, so at most
-workers dials are in flight at once. The open ports are collected,
sorted and printed, so the output does not depend on who finished first.

    python examples/portscan/main.py -ports 1-1024 -workers 100

The Go original is main.go beside this file.
"""

from __future__ import annotations

import net
import rt
from std import errors, flag, fmt, log, strconv, sync, time
from std.errors import error


def main() -> None:
    host = flag.String("host", "127.0.0.1", "host to scan")
    ports = flag.String("ports", "1-1024", "port range to scan, `first-last`")
    workers = flag.Int("workers", 100, "at most `N` dials at once")
    timeout = flag.Duration("timeout", 500 * time.Millisecond, "give up on a dial after `d`")
    flag.Parse()
    log.SetFlags(0)

    first, last, err = parseRange(ports.value)
    if err is not None:
        log.Fatal(err)

    jobs: rt.hchan[int] = rt.chan()
    results: rt.hchan[int] = rt.chan()
    wg = sync.WaitGroup()

    def worker() -> None:
        try:  # defer wg.Done()
            for port in jobs:
                address = net.JoinHostPort(host.value, strconv.Itoa(port))
                c, err = net.DialTimeout("tcp", address, timeout.value)
                if err is not None:
                    continue  # closed, filtered or timed out
                assert c is not None
                c.Close()
                results.send(port)
        finally:
            wg.Done()

    for _ in range(workers.value):
        wg.Add(1)
        rt.go(worker)

    def feed() -> None:
        for port in range(first, last + 1):
            jobs.send(port)
        jobs.close()

    rt.go(feed)

    def closer() -> None:
        wg.Wait()
        results.close()

    rt.go(closer)

    open: list[int] = []
    for port in results:
        open.append(port)
    open.sort()  # sort.Ints(open)
    for port in open:
        fmt.Printf("%d open\n", port)
    fmt.Printf("%d of %d ports open\n", len(open), last - first + 1)


def parseRange(s: str) -> tuple[int, int, error | None]:
    """parseRange parses "first-last" (or a single port) into its bounds."""
    a, sep, b = s.partition("-")  # strings.Cut(s, "-")
    if not sep:
        b = a
    first, err = strconv.Atoi(a)
    if err is not None:
        return 0, 0, err
    last, err = strconv.Atoi(b)
    if err is not None:
        return 0, 0, err
    if first < 1 or last > 65535 or first > last:
        return 0, 0, errors.New("bad port range " + strconv.Quote(s))
    return first, last, None


if __name__ == "__main__":
    rt.run(main)
