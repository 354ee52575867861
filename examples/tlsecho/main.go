// Tlsecho is the echo server over TLS: tls.Listen wraps each accepted
// connection in a tls.Conn, the handshake runs under a deadline, and the
// echo is io.Copy as over plain TCP. One line per connection: the TLS
// version and the server name the client asked for (SNI), or why the
// handshake failed.
//
//	openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes \
//	    -keyout key.pem -out cert.pem -days 1 -subj /CN=localhost
//	go run examples/tlsecho/main.go -addr 127.0.0.1:7005 -cert cert.pem -key key.pem
//	openssl s_client -connect 127.0.0.1:7005 -servername localhost -quiet
//
// With -n N the server stops after N connections have been served.
package main

import (
	"crypto/tls"
	"flag"
	"fmt"
	"io"
	"log"
	"sync"
	"time"
)

// versions names the TLS versions the server accepts.
var versions = map[uint16]string{tls.VersionTLS12: "TLS 1.2", tls.VersionTLS13: "TLS 1.3"}

func main() {
	addr := flag.String("addr", "127.0.0.1:7005", "address to listen on")
	certFile := flag.String("cert", "cert.pem", "certificate chain `file` (PEM)")
	keyFile := flag.String("key", "key.pem", "private key `file` (PEM)")
	n := flag.Int("n", 0, "stop after serving `N` connections (0: serve forever)")
	flag.Parse()
	log.SetFlags(0)

	cert, err := tls.LoadX509KeyPair(*certFile, *keyFile)
	if err != nil {
		log.Fatal(err)
	}
	config := &tls.Config{Certificates: []tls.Certificate{cert}, MinVersion: tls.VersionTLS12}
	ln, err := tls.Listen("tcp", *addr, config)
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
			handle(id, c.(*tls.Conn))
		}(id)
	}
	wg.Wait()
	fmt.Println("served", *n, "connections")
}

// handle completes c's handshake, then echoes c back to itself until EOF.
func handle(id int, c *tls.Conn) {
	defer c.Close()
	c.SetDeadline(time.Now().Add(10 * time.Second)) // for the handshake only
	if err := c.Handshake(); err != nil {
		fmt.Printf("conn %d: %v\n", id, err)
		return
	}
	c.SetDeadline(time.Time{})
	state := c.ConnectionState()
	written, err := io.Copy(c, c)
	if err != nil {
		fmt.Printf("conn %d: %v\n", id, err)
		return
	}
	fmt.Printf("conn %d: %s, server name %q: echoed %d bytes\n",
		id, versions[state.Version], state.ServerName, written)
}
