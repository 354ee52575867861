"""Http is an HTTP/1.1 server and client with keep-alive. The server has
three handlers (/ and /hello?name=..., and /echo for POST) and shuts down
gracefully on SIGINT or SIGTERM: it stops accepting, closes idle
connections and waits for the requests in progress. With -get the
program is a client instead: it GETs a URL -n times and says whether
each request went over a new connection or reused the previous one.

    python examples/http/main.py -addr 127.0.0.1:8080
    curl http://127.0.0.1:8080/hello?name=gopher
    python examples/http/main.py -get http://127.0.0.1:8080/hello -n 3

The Go original (main.go beside this file) uses net/http, which this
project does not port. Here the protocol is the h11 library's, driven over
a net.Conn by a goroutine per connection; the few parts of net/http the
handlers use (ResponseWriter, Request, NotFound, Error, a ServeMux as a
dict, Server.Serve and Shutdown) are small stand-ins below, with Go's
names, texts and header order, so both programs answer byte for byte alike
but for the Date. Go sniffs a body's Content-Type; the stand-in assumes
text/plain, which is what Go finds for these handlers' text.
"""

from __future__ import annotations

import email.utils
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qs, urlsplit

import h11

import net
import rt
from std import context, errors, flag, fmt, io, log, os, strconv, sync, syscall, time
from std.errors import error
from std.os import signal

ErrServerClosed = errors.New("http: Server closed")

# net/http.StatusText, for the codes this program answers.
StatusText = {200: "OK", 404: "Not Found", 405: "Method Not Allowed"}


@dataclass
class Request:
    """The part of net/http's Request the handlers read."""

    Method: str
    Path: str
    Query: dict[str, list[str]]
    Body: bytes


@dataclass
class ResponseWriter:
    """net/http's ResponseWriter, buffering the whole response."""

    status: int = 200
    header: dict[str, str] = field(default_factory=dict)
    body: bytearray = field(default_factory=bytearray)

    def Header(self) -> dict[str, str]:
        return self.header

    def WriteHeader(self, statusCode: int) -> None:
        self.status = statusCode

    def Write(self, b: bytes) -> tuple[int, error | None]:
        self.body += b
        return len(b), None


Handler = Callable[[ResponseWriter, Request], None]


def Error(w: ResponseWriter, msg: str, code: int) -> None:
    """net/http.Error: reply with code and msg as plain text."""
    w.Header()["Content-Type"] = "text/plain; charset=utf-8"
    w.Header()["X-Content-Type-Options"] = "nosniff"
    w.WriteHeader(code)
    fmt.Fprintln(w, msg)


def NotFound(w: ResponseWriter, r: Request) -> None:
    """net/http.NotFound: a 404 with Go's text."""
    Error(w, "404 page not found", 404)


@dataclass(eq=False)
class Server:
    """The part of net/http's Server this program uses: Serve, and Shutdown."""

    Handler: dict[str, Handler]
    ReadHeaderTimeout: int = 0
    mu: sync.Mutex = field(default_factory=sync.Mutex)
    ln: net.Listener | None = None
    conns: dict[net.Conn, bool] = field(default_factory=dict)  # guarded by mu; True when idle
    inShutdown: bool = False  # guarded by mu
    wg: sync.WaitGroup = field(default_factory=sync.WaitGroup)

    def Serve(self, ln: net.Listener) -> error | None:
        self.ln = ln
        while True:
            c, err = ln.Accept()
            if err is not None:
                return ErrServerClosed if self.inShutdown else err
            assert c is not None
            self.wg.Add(1)
            rt.go(self.serveConn, c)

    def Shutdown(self, ctx: context.Context) -> error | None:
        self.mu.Lock()
        self.inShutdown = True
        if self.ln is not None:
            self.ln.Close()
        for c, idle in self.conns.items():
            if idle:
                c.Close()
        self.mu.Unlock()
        done: rt.hchan[None] = rt.chan()

        def wait() -> None:
            self.wg.Wait()
            done.close()

        rt.go(wait)
        i, _, _ = rt.select(rt.recv(done), rt.recv(ctx.Done()))
        return None if i == 0 else ctx.Err()

    def setIdle(self, c: net.Conn, idle: bool) -> bool:
        """Record c's state; False when c, idle, must close for Shutdown."""
        with self.mu:
            if idle and self.inShutdown:
                return False
            self.conns[c] = idle
            return True

    def serveConn(self, c: net.Conn) -> None:
        p = h11.Connection(h11.SERVER)
        buf = bytearray(65536)
        try:
            while self.setIdle(c, True):
                c.SetReadDeadline(time.Now().Add(self.ReadHeaderTimeout))
                req, err = nextEvent(p, c, buf)
                if not isinstance(req, h11.Request):
                    return  # the client closed the connection, or it timed out
                self.setIdle(c, False)
                c.SetReadDeadline(time.Time())
                body = bytearray()
                while isinstance(ev := nextEvent(p, c, buf)[0], h11.Data):
                    body += ev.data
                if not isinstance(ev, h11.EndOfMessage):
                    return
                url = urlsplit(req.target.decode())
                r = Request(req.method.decode(), url.path, parse_qs(url.query), bytes(body))
                w = ResponseWriter()
                self.Handler.get(r.Path, self.Handler["/"])(w, r)
                # Go's order: the handler's headers sorted, then Date, Content-Length, and
                # the Content-Type it would have sniffed.
                headers = sorted(w.header.items())
                headers.append(("Date", email.utils.formatdate(usegmt=True)))
                if "Content-Length" not in w.header:
                    headers.append(("Content-Length", str(len(w.body))))
                if "Content-Type" not in w.header:
                    headers.append(("Content-Type", "text/plain; charset=utf-8"))
                out = p.send(h11.Response(status_code=w.status, headers=headers,
                                          reason=StatusText.get(w.status, "")))
                out += p.send(h11.Data(data=bytes(w.body))) + p.send(h11.EndOfMessage())
                _, err = c.Write(out)
                if err is not None or p.our_state is h11.MUST_CLOSE:
                    return
                p.start_next_cycle()
        except h11.ProtocolError:
            return
        finally:
            with self.mu:
                del self.conns[c]
            c.Close()
            self.wg.Done()


def nextEvent(p: h11.Connection, c: net.Conn, buf: bytearray) -> tuple[Any, error | None]:
    """The next h11 event on c, reading from c as h11 needs."""
    while True:
        event = p.next_event()
        if event is not h11.NEED_DATA:
            return event, None
        n, err = c.Read(buf)
        if err is not None and err is not io.EOF:
            return None, err
        p.receive_data(bytes(buf[:n]))  # b"" at EOF: the peer closed


def main() -> None:
    addr = flag.String("addr", "127.0.0.1:8080", "address to listen on")
    get = flag.String("get", "", "be a client: GET `url` -n times")
    n = flag.Int("n", 3, "with -get, the number of requests")
    flag.Parse()
    log.SetFlags(0)

    if get.value != "":
        err = client(get.value, n.value)
        if err is not None:
            log.Fatal(err)
        return

    mux: dict[str, Handler] = {"/": root, "/hello": hello, "/echo": echo}
    srv = Server(Handler=mux, ReadHeaderTimeout=10 * time.Second)

    ln, err = net.Listen("tcp", addr.value)
    if err is not None:
        log.Fatal(err)
    assert ln is not None
    fmt.Println("listening on", ln.Addr())

    ctx, stop = signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
    try:  # defer stop()
        done: rt.hchan[None] = rt.chan()

        def shutdown() -> None:
            try:  # defer close(done)
                rt.select(rt.recv(ctx.Done()))  # <-ctx.Done()
                sctx, cancel = context.WithTimeout(context.Background(), 5 * time.Second)
                try:  # defer cancel()
                    err = srv.Shutdown(sctx)
                    if err is not None:
                        log.Print(err)
                finally:
                    cancel()
            finally:
                done.close()

        rt.go(shutdown)
        err = srv.Serve(ln)
        fmt.Println("shutting down:", err)
        done.recv()
        fmt.Println("bye")
    finally:
        stop()


def root(w: ResponseWriter, r: Request) -> None:
    """root answers "/" and nothing else."""
    if r.Path != "/":
        NotFound(w, r)
        return
    fmt.Fprintln(w, "hello, world")


def hello(w: ResponseWriter, r: Request) -> None:
    """hello greets the name in the query string."""
    name = r.Query.get("name", [""])[0]
    if name == "":
        name = "stranger"
    fmt.Fprintf(w, "hello, %s\n", name)


def echo(w: ResponseWriter, r: Request) -> None:
    """echo sends a POST's body back."""
    if r.Method != "POST":
        w.Header()["Allow"] = "POST"
        Error(w, "method not allowed", 405)
        return
    body = r.Body  # h11 has read it all
    w.Header()["Content-Type"] = "application/octet-stream"
    w.Header()["Content-Length"] = strconv.Itoa(len(body))
    w.Write(body)


def client(url: str, n: int) -> error | None:
    """client GETs url n times, reporting whether each reused a connection."""
    u = urlsplit(url)
    target = (u.path or "/") + ("?" + u.query if u.query else "")
    c: net.Conn | None = None
    p = h11.Connection(h11.CLIENT)
    buf = bytearray(65536)
    try:
        for i in range(1, n + 1):
            reused = c is not None
            if c is None:
                c, err = net.Dial("tcp", u.netloc if u.port else u.netloc + ":80")
                if err is not None:
                    return err
                p = h11.Connection(h11.CLIENT)
            assert c is not None
            req = h11.Request(method="GET", target=target,
                              headers=[("Host", u.netloc), ("User-Agent", "Go-http-client/1.1")])
            _, err = c.Write(p.send(req) + p.send(h11.EndOfMessage()))
            if err is not None:
                return err
            resp, err = nextEvent(p, c, buf)
            if err is not None:
                return err
            assert isinstance(resp, h11.Response)
            body = bytearray()
            while isinstance(ev := nextEvent(p, c, buf)[0], h11.Data):
                body += ev.data
            kind = "reused" if reused else "new"
            status = f"{resp.status_code} {resp.reason.decode()}"
            fmt.Printf("%d: %s (%s connection) %q\n", i, status, kind, bytes(body))
            if p.our_state is h11.MUST_CLOSE or p.their_state is h11.MUST_CLOSE:
                c.Close()
                c = None
            else:
                p.start_next_cycle()
        return None
    finally:
        if c is not None:
            c.Close()


if __name__ == "__main__":
    rt.run(main)
