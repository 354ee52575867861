"""Fdpass hands a listening TCP socket from one process to another over a
Unix socket (SCM_RIGHTS, as a zero-downtime restart does). The receiver
waits on a Unix socket; the sender listens on TCP, sends the listener's
file descriptor with UnixRights and exits; the receiver rebuilds a
net.Listener from it with ParseUnixRights, os.NewFile and
net.FileListener, and serves echo on the port the sender opened.

    python examples/fdpass/main.py -recv /tmp/fdpass.sock -n 1 &
    python examples/fdpass/main.py -send /tmp/fdpass.sock -addr 127.0.0.1:7004
    nc -N 127.0.0.1 7004 <<< hello

The Go original is main.go beside this file.
"""

from __future__ import annotations

import net
import rt
from std import errors, flag, fmt, io, log, os, syscall
from std.errors import error


def main() -> None:
    recv = flag.String("recv", "", "receive a listener on the Unix socket `path` and serve it")
    send = flag.String("send", "",
                       "listen on -addr and pass the listener to the Unix socket `path`")
    addr = flag.String("addr", "127.0.0.1:7004", "address for -send to listen on")
    n = flag.Int("n", 1, "with -recv, stop after serving `N` connections")
    flag.Parse()
    log.SetFlags(0)

    err: error | None
    if send.value != "":
        err = sendListener(send.value, addr.value)
    elif recv.value != "":
        err = receiveListener(recv.value, n.value)
    else:
        flag.Usage()
        os.Exit(2)
    if err is not None:
        log.Fatal(err)


def sendListener(path: str, addr: str) -> error | None:
    """sendListener listens on addr and sends the listening socket to path."""
    ln, err = net.Listen("tcp", addr)
    if err is not None:
        return err
    assert isinstance(ln, net.TCPListener)
    with ln:  # defer ln.Close()
        fmt.Println("listening on", ln.Addr())
        f, err = ln.File()  # a duplicate of the socket's descriptor
        if err is not None:
            return err
        assert f is not None
        with f:  # defer f.Close()
            c, err = net.Dial("unix", path)
            if err is not None:
                return err
            assert isinstance(c, net.UnixConn)
            with c:  # defer c.Close()
                rights = syscall.UnixRights(f.Fd())
                _, _, err = c.WriteMsgUnix(b"listener", rights, None)
                if err is not None:
                    return err
                fmt.Println("passed the listener to", path)
                return None


def receiveListener(path: str, n: int) -> error | None:
    """receiveListener waits on path for a listener, then serves n echo connections on it."""
    l, err = net.Listen("unix", path)
    if err is not None:
        return err
    assert l is not None
    with l:  # defer l.Close()
        fmt.Println("listening on", l.Addr())
        c, err = l.Accept()
        if err is not None:
            return err
        assert isinstance(c, net.UnixConn)
        with c:  # defer c.Close()
            buf = bytearray(64)
            oob = bytearray(syscall.CmsgSpace(4))  # room for one descriptor
            nr, oobn, _, _, err = c.ReadMsgUnix(buf, oob)
            if err is not None:
                return err
            msgs, err = syscall.ParseSocketControlMessage(bytes(oob[:oobn]))
            if err is not None:
                return err
            if len(msgs) != 1:
                return errors.New("no descriptor received")
            fds, err = syscall.ParseUnixRights(msgs[0])
            if err is not None:
                return err
            f = os.NewFile(fds[0], buf[:nr].decode())
            assert f is not None
            ln, err = net.FileListener(f)  # makes its own duplicate
            f.Close()
            if err is not None:
                return err
            assert ln is not None
            with ln:  # defer ln.Close()
                fmt.Printf("received a %s on %v\n", f.Name(), ln.Addr())

                for i in range(1, n + 1):
                    conn, err = ln.Accept()
                    if err is not None:
                        return err
                    assert conn is not None
                    written, err = io.Copy(conn, conn)
                    conn.Close()
                    if err is not None:
                        return err
                    fmt.Printf("conn %d: echoed %d bytes\n", i, written)
                fmt.Println("served", n, "connections")
                return None


if __name__ == "__main__":
    rt.run(main)
