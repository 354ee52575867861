// Chat is a line-oriented chat server. A client's first line is its name;
// every later line is broadcast to everyone as "name: line". One hub
// goroutine owns the set of clients and multiplexes joins, leaves and
// messages with select; each client has a reader goroutine and a writer
// goroutine with its own outgoing channel. A client that cannot take a
// line within -write-timeout is dropped, and the hub never waits for one.
// SIGINT or SIGTERM shuts the server down gracefully: it stops accepting,
// tells every client, and waits for their goroutines to end.
//
//	go run examples/chat/main.go -addr 127.0.0.1:7001
//	nc 127.0.0.1 7001          # first line: your name
package main

import (
	"bufio"
	"context"
	"flag"
	"fmt"
	"log"
	"net"
	"os"
	"os/signal"
	"sync"
	"syscall"
	"time"
)

// A client is one connected user: its name and its queue of outgoing lines.
type client struct {
	name string
	out  chan string
}

// A hub relays joins, leaves and messages to the goroutine that owns the clients.
type hub struct {
	join     chan *client
	leave    chan *client
	messages chan string
}

func main() {
	addr := flag.String("addr", "127.0.0.1:7001", "address to listen on")
	writeTimeout := flag.Duration("write-timeout", time.Second, "drop a client that cannot take a line within `d`")
	flag.Parse()
	log.SetFlags(0)

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()

	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("listening on", ln.Addr())
	go func() {
		<-ctx.Done()
		stop() // a second Ctrl-C kills the process
		ln.Close()
	}()

	h := &hub{join: make(chan *client), leave: make(chan *client), messages: make(chan string)}
	go h.run(ctx)

	var wg sync.WaitGroup
	for {
		c, err := ln.Accept()
		if err != nil {
			if ctx.Err() != nil {
				break // shutting down
			}
			log.Fatal(err)
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			h.serve(ctx, c, *writeTimeout)
		}()
	}
	fmt.Println("shutting down:", ctx.Err())
	wg.Wait()
	fmt.Println("bye")
}

// run owns the set of clients until ctx is done.
func (h *hub) run(ctx context.Context) {
	clients := make(map[*client]bool)
	for {
		select {
		case cli := <-h.join:
			clients[cli] = true
			fmt.Println(cli.name, "joined")
			broadcast(clients, "* "+cli.name+" joined")
		case cli := <-h.leave:
			delete(clients, cli)
			close(cli.out)
			fmt.Println(cli.name, "left")
			broadcast(clients, "* "+cli.name+" left")
		case msg := <-h.messages:
			broadcast(clients, msg)
		case <-ctx.Done():
			broadcast(clients, "* server shutting down")
			for cli := range clients {
				close(cli.out)
			}
			return
		}
	}
}

// broadcast queues msg for every client without ever blocking: a client whose
// queue is full misses it (its writer is stuck, and its deadline will drop it).
func broadcast(clients map[*client]bool, msg string) {
	for cli := range clients {
		select {
		case cli.out <- msg:
		default:
		}
	}
}

// serve reads c's name, then its lines, until c or the server goes away.
func (h *hub) serve(ctx context.Context, c net.Conn, writeTimeout time.Duration) {
	defer c.Close()
	input := bufio.NewScanner(c)
	if !input.Scan() {
		return
	}
	cli := &client{name: input.Text(), out: make(chan string, 16)}
	select {
	case h.join <- cli:
	case <-ctx.Done():
		return
	}
	done := make(chan struct{})
	go func() {
		writer(c, cli, writeTimeout)
		close(done)
	}()
	for input.Scan() {
		select {
		case h.messages <- cli.name + ": " + input.Text():
		case <-ctx.Done():
		}
	}
	select {
	case h.leave <- cli:
	case <-ctx.Done():
	}
	<-done // the hub has closed cli.out: the writer has sent what it could
}

// writer sends cli's lines to c, each within timeout, until the hub closes
// cli.out; a client too slow to take one is dropped: c is closed, which
// also ends its reader.
func writer(c net.Conn, cli *client, timeout time.Duration) {
	for msg := range cli.out {
		c.SetWriteDeadline(time.Now().Add(timeout))
		if _, err := fmt.Fprintln(c, msg); err != nil {
			if os.IsTimeout(err) {
				fmt.Println(cli.name, "is too slow: dropped")
			}
			break
		}
	}
	c.Close()
	for range cli.out { // until the hub closes it
	}
}
