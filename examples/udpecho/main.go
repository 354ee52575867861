// Udpecho is a UDP echo server: it reads each datagram with ReadFrom and
// sends it back to its sender with WriteTo. One socket serves every
// client; there are no connections, so no goroutine per client either.
//
//	go run examples/udpecho/main.go -addr 127.0.0.1:7003
//	nc -u 127.0.0.1 7003       # each line you type comes back
//
// With -n N the server stops after echoing N datagrams.
package main

import (
	"flag"
	"fmt"
	"log"
	"net"
)

func main() {
	addr := flag.String("addr", "127.0.0.1:7003", "address to listen on")
	n := flag.Int("n", 0, "stop after echoing `N` datagrams (0: run forever)")
	flag.Parse()
	log.SetFlags(0)

	pc, err := net.ListenPacket("udp", *addr)
	if err != nil {
		log.Fatal(err)
	}
	defer pc.Close()
	fmt.Println("listening on", pc.LocalAddr())

	buf := make([]byte, 65536) // the largest datagram
	for i := 1; *n == 0 || i <= *n; i++ {
		nr, from, err := pc.ReadFrom(buf)
		if err != nil {
			log.Fatal(err)
		}
		if _, err := pc.WriteTo(buf[:nr], from); err != nil {
			log.Fatal(err)
		}
		fmt.Printf("datagram %d: %d bytes\n", i, nr)
	}
	fmt.Println("echoed", *n, "datagrams")
}
