// Fdpass hands a listening TCP socket from one process to another over a
// Unix socket (SCM_RIGHTS, as a zero-downtime restart does). The receiver
// waits on a Unix socket; the sender listens on TCP, sends the listener's
// file descriptor with UnixRights and exits; the receiver rebuilds a
// net.Listener from it with ParseUnixRights, os.NewFile and
// net.FileListener, and serves echo on the port the sender opened.
//
//	go run examples/fdpass/main.go -recv /tmp/fdpass.sock -n 1 &
//	go run examples/fdpass/main.go -send /tmp/fdpass.sock -addr 127.0.0.1:7004
//	nc -N 127.0.0.1 7004 <<< hello
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"log"
	"net"
	"os"
	"syscall"
)

func main() {
	recv := flag.String("recv", "", "receive a listener on the Unix socket `path` and serve it")
	send := flag.String("send", "", "listen on -addr and pass the listener to the Unix socket `path`")
	addr := flag.String("addr", "127.0.0.1:7004", "address for -send to listen on")
	n := flag.Int("n", 1, "with -recv, stop after serving `N` connections")
	flag.Parse()
	log.SetFlags(0)

	var err error
	switch {
	case *send != "":
		err = sendListener(*send, *addr)
	case *recv != "":
		err = receiveListener(*recv, *n)
	default:
		flag.Usage()
		os.Exit(2)
	}
	if err != nil {
		log.Fatal(err)
	}
}

// sendListener listens on addr and sends the listening socket to path.
func sendListener(path, addr string) error {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return err
	}
	defer ln.Close()
	fmt.Println("listening on", ln.Addr())
	f, err := ln.(*net.TCPListener).File() // a duplicate of the socket's descriptor
	if err != nil {
		return err
	}
	defer f.Close()

	c, err := net.Dial("unix", path)
	if err != nil {
		return err
	}
	defer c.Close()
	rights := syscall.UnixRights(int(f.Fd()))
	if _, _, err := c.(*net.UnixConn).WriteMsgUnix([]byte("listener"), rights, nil); err != nil {
		return err
	}
	fmt.Println("passed the listener to", path)
	return nil
}

// receiveListener waits on path for a listener, then serves n echo connections on it.
func receiveListener(path string, n int) error {
	l, err := net.Listen("unix", path)
	if err != nil {
		return err
	}
	defer l.Close()
	fmt.Println("listening on", l.Addr())
	c, err := l.Accept()
	if err != nil {
		return err
	}
	defer c.Close()

	buf := make([]byte, 64)
	oob := make([]byte, syscall.CmsgSpace(4)) // room for one descriptor
	nr, oobn, _, _, err := c.(*net.UnixConn).ReadMsgUnix(buf, oob)
	if err != nil {
		return err
	}
	msgs, err := syscall.ParseSocketControlMessage(oob[:oobn])
	if err != nil {
		return err
	}
	if len(msgs) != 1 {
		return errors.New("no descriptor received")
	}
	fds, err := syscall.ParseUnixRights(&msgs[0])
	if err != nil {
		return err
	}
	f := os.NewFile(uintptr(fds[0]), string(buf[:nr]))
	ln, err := net.FileListener(f) // makes its own duplicate
	f.Close()
	if err != nil {
		return err
	}
	defer ln.Close()
	fmt.Printf("received a %s on %v\n", f.Name(), ln.Addr())

	for i := 1; i <= n; i++ {
		conn, err := ln.Accept()
		if err != nil {
			return err
		}
		written, err := io.Copy(conn, conn)
		conn.Close()
		if err != nil {
			return err
		}
		fmt.Printf("conn %d: echoed %d bytes\n", i, written)
	}
	fmt.Println("served", n, "connections")
	return nil
}
