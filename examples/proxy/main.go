// Proxy is a TCP proxy: it forwards every connection it accepts to -target
// and copies bytes both ways with io.Copy, one goroutine per direction.
// When one side finishes sending, the proxy passes the half-close on
// (CloseWrite) instead of closing the whole connection, so a request-then-
// reply protocol works through it. One line per connection when it ends.
//
//	go run examples/proxy/main.go -addr 127.0.0.1:7002 -target 127.0.0.1:7000
//	nc -N 127.0.0.1 7002 < file
//
// With -n N the proxy stops after N connections have been served.
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
	addr := flag.String("addr", "127.0.0.1:7002", "address to listen on")
	target := flag.String("target", "127.0.0.1:7000", "address to forward connections to")
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
			proxy(id, c.(*net.TCPConn), *target)
		}(id)
	}
	wg.Wait()
	fmt.Println("served", *n, "connections")
}

// proxy connects client to target and copies both ways until both are done.
func proxy(id int, client *net.TCPConn, target string) {
	defer client.Close()
	c, err := net.Dial("tcp", target)
	if err != nil {
		fmt.Printf("conn %d: %v\n", id, err)
		return
	}
	server := c.(*net.TCPConn)
	defer server.Close()

	upc := make(chan int64)
	go func() {
		n, _ := io.Copy(server, client)
		server.CloseWrite() // the client is done sending: tell the server
		upc <- n
	}()
	down, _ := io.Copy(client, server)
	client.CloseWrite() // the server is done sending: tell the client
	up := <-upc
	fmt.Printf("conn %d: %d bytes up, %d bytes down\n", id, up, down)
}
