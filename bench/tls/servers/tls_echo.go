// TLS echo server: Go's crypto/tls, a goroutine per connection.
//
//	tls_echo PORT CERT KEY
//
// Prints "ready" once listening. ours.py is this program in Python.
package main

import (
	"crypto/tls"
	"fmt"
	"log"
	"net"
	"os"
)

func handle(c net.Conn) {
	defer c.Close()
	buf := make([]byte, 4096)
	for {
		n, err := c.Read(buf) // the first Read runs the handshake
		if err != nil {
			return // io.EOF, a handshake error, or the client reset the connection
		}
		if _, err := c.Write(buf[:n]); err != nil {
			return
		}
	}
}

func main() {
	cert, err := tls.LoadX509KeyPair(os.Args[2], os.Args[3])
	if err != nil {
		log.Fatal(err)
	}
	config := &tls.Config{Certificates: []tls.Certificate{cert}, MinVersion: tls.VersionTLS13}
	ln, err := tls.Listen("tcp", "127.0.0.1:"+os.Args[1], config)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("ready")
	for {
		c, err := ln.Accept()
		if err != nil {
			log.Fatal(err)
		}
		go handle(c)
	}
}
