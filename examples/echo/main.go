// Echo is a TCP echo server: every connection gets its own goroutine, which
// copies what it reads back to the sender until the client closes its side.
// It prints its address, then one line per connection when it ends.
//
//	go run ./examples/echo -addr 127.0.0.1:7000
//	nc 127.0.0.1 7000          # type lines, they come back; Ctrl-D to end
//
// With -n N the server stops after N connections have been served.
package main

import (
	"flag"
	"fmt"
	"io"
	"log"
	"net"
	"sync"
)

func main() {
	addr := flag.String("addr", "127.0.0.1:7000", "address to listen on")
	n := flag.Int("n", 0, "stop after serving `N` connections (0: serve forever)")
	flag.Parse()
	log.SetFlags(0)

	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		log.Fatal(err)
	}
	defer ln.Close()
	fmt.Println("listening on", ln.Addr())

	var wg sync.WaitGroup
	for id := 1; *n == 0 || id <= *n; id++ {
		c, err := ln.Accept()
		if err != nil {
			log.Fatal(err)
		}
		wg.Add(1)
		go func(id int) {
			defer wg.Done()
			handle(id, c)
		}(id)
	}
	wg.Wait()
	fmt.Println("served", *n, "connections")
}

// handle echoes c back to itself until EOF, then closes it.
func handle(id int, c net.Conn) {
	defer c.Close()
	written, err := io.Copy(c, c)
	if err != nil {
		fmt.Printf("conn %d: %v\n", id, err)
		return
	}
	fmt.Printf("conn %d: echoed %d bytes\n", id, written)
}
