"""Resp is a small Redis-protocol (RESP2) server: PING, ECHO, GET, SET and
DEL on one map guarded by a sync.RWMutex, a goroutine per connection.
Replies are buffered and flushed only when no pipelined request is
waiting behind the current one. SIGINT or SIGTERM stops it; it then
prints how many keys it holds.

    python examples/resp/main.py -addr 127.0.0.1:6380
    redis-cli -p 6380 set greeting hello
    redis-benchmark -p 6380 -t ping,set,get -n 2000

The Go original is main.go beside this file. Its strings hold raw bytes
(keys and values are binary-safe), so the port keeps them as ``bytes``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import net
import rt
from std import bufio, errors, flag, fmt, io, log, os, strconv, sync, syscall
from std.errors import error
from std.os import signal


@dataclass
class store:
    """A store is the key space, shared by every connection."""

    mu: sync.RWMutex = field(default_factory=sync.RWMutex)
    m: dict[bytes, bytes] = field(default_factory=dict)

    def serve(self, c: net.Conn) -> None:
        """serve answers c's commands until it hangs up or breaks the protocol."""
        s = self
        try:  # defer c.Close()
            r = bufio.NewReader(c)
            w = bufio.NewWriter(c)
            while True:
                args, err = readCommand(r)
                if err is not None:
                    if err is not io.EOF:
                        fmt.Fprintf(w, "-ERR %v\r\n", err)
                        w.Flush()
                    return
                if len(args) > 0:
                    s.exec(w, args)
                if r.Buffered() == 0:  # nothing pipelined behind it: send the replies
                    if w.Flush() is not None:
                        return
        finally:
            c.Close()

    def exec(self, w: bufio.Writer, args: list[bytes]) -> None:
        """exec runs one command and writes its reply to w."""
        s = self
        cmd = args[0].upper()
        if cmd == b"PING" and len(args) == 1:
            w.WriteString("+PONG\r\n")
        elif cmd in (b"PING", b"ECHO") and len(args) == 2:
            writeBulk(w, args[1])
        elif cmd == b"GET" and len(args) == 2:
            s.mu.RLock()
            v = s.m.get(args[1])
            s.mu.RUnlock()
            if v is None:
                w.WriteString("$-1\r\n")  # nil
                return
            writeBulk(w, v)
        elif cmd == b"SET" and len(args) == 3:
            s.mu.Lock()
            s.m[args[1]] = args[2]
            s.mu.Unlock()
            w.WriteString("+OK\r\n")
        elif cmd == b"DEL" and len(args) >= 2:
            n = 0
            s.mu.Lock()
            for k in args[1:]:
                if k in s.m:
                    del s.m[k]
                    n += 1
            s.mu.Unlock()
            fmt.Fprintf(w, ":%d\r\n", n)
        elif cmd in (b"PING", b"ECHO", b"GET", b"SET", b"DEL"):
            fmt.Fprintf(w, "-ERR wrong number of arguments for '%s' command\r\n", cmd.lower())
        else:
            fmt.Fprintf(w, "-ERR unknown command '%s'\r\n", args[0])


def main() -> None:
    addr = flag.String("addr", "127.0.0.1:6380", "address to listen on")
    flag.Parse()
    log.SetFlags(0)

    ln, err = net.Listen("tcp", addr.value)
    if err is not None:
        log.Fatal(err)
    assert ln is not None
    fmt.Println("listening on", ln.Addr())
    sigc: rt.hchan[os.Signal] = rt.chan(1)
    signal.Notify(sigc, os.Interrupt, syscall.SIGTERM)

    def closer() -> None:
        sigc.recv()
        ln.Close()

    rt.go(closer)

    s = store()
    while True:
        c, err = ln.Accept()
        if errors.Is(err, net.ErrClosed):
            break
        elif err is not None:
            log.Fatal(err)
        assert c is not None
        rt.go(s.serve, c)
    s.mu.RLock()
    fmt.Println(len(s.m), "keys")
    s.mu.RUnlock()


def readCommand(r: bufio.Reader) -> tuple[list[bytes], error | None]:
    """readCommand reads one request: an array of bulk strings, as clients
    send, or an inline command (words on a line), as typed into telnet."""
    line, err = readLine(r)
    if err is not None:
        return [], err
    if not line.startswith(b"*"):
        return line.split(), None  # strings.Fields
    n, err = strconv.Atoi(line[1:].decode("latin-1"))
    if err is not None or n < 0 or n > 1024:
        return [], errors.New("Protocol error: invalid multibulk length")
    args: list[bytes] = []
    for _ in range(n):
        line, err = readLine(r)
        if err is not None:
            return [], err
        if not line.startswith(b"$"):
            return [], errors.New("Protocol error: expected '$'")
        size, err = strconv.Atoi(line[1:].decode("latin-1"))
        if err is not None or size < 0 or size > 1 << 20:
            return [], errors.New("Protocol error: invalid bulk length")
        buf = bytearray(size + 2)  # the value and its CRLF
        _, err = io.ReadFull(r, buf)
        if err is not None:
            return [], err
        args.append(bytes(buf[:size]))
    return args, None


def readLine(r: bufio.Reader) -> tuple[bytes, error | None]:
    """readLine reads a line and strips its CRLF."""
    line, err = r.ReadBytes(ord("\n"))
    if err is not None:
        return b"", err
    return line.rstrip(b"\r\n"), None


def writeBulk(w: bufio.Writer, v: bytes) -> None:
    """writeBulk writes v as a bulk string."""
    fmt.Fprintf(w, "$%d\r\n%s\r\n", len(v), v)


if __name__ == "__main__":
    rt.run(main)
