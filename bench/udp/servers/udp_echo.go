// UDP echo server: Go's net, a goroutine loop of ReadFromUDP and WriteToUDP.
//
//	udp_echo PORT [loop | readers:N | spawn]
//
// Prints "ready" once bound. loop (the default): main is the loop;
// readers:N: N goroutines run it on the one conn; spawn: each datagram is
// copied and answered in a new goroutine. ours.py is this program in Python.
package main

import (
	"fmt"
	"log"
	"net"
	"os"
	"strconv"
	"strings"
)

func serve(c *net.UDPConn) {
	buf := make([]byte, 2048)
	for {
		n, addr, err := c.ReadFromUDP(buf)
		if err != nil {
			log.Fatal(err)
		}
		if _, err := c.WriteToUDP(buf[:n], addr); err != nil {
			log.Print(err) // one failed send is not the server's end
		}
	}
}

func serveSpawn(c *net.UDPConn) {
	buf := make([]byte, 2048)
	for {
		n, addr, err := c.ReadFromUDP(buf)
		if err != nil {
			log.Fatal(err)
		}
		b := make([]byte, n)
		copy(b, buf[:n])
		go func() {
			if _, err := c.WriteToUDP(b, addr); err != nil {
				log.Print(err)
			}
		}()
	}
}

func main() {
	port, err := strconv.Atoi(os.Args[1])
	if err != nil {
		log.Fatal(err)
	}
	mode := "loop"
	if len(os.Args) > 2 {
		mode = os.Args[2]
	}
	c, err := net.ListenUDP("udp", &net.UDPAddr{IP: net.IPv4(127, 0, 0, 1), Port: port})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("ready")
	switch {
	case mode == "loop":
		serve(c)
	case mode == "spawn":
		serveSpawn(c)
	case strings.HasPrefix(mode, "readers:"):
		n, err := strconv.Atoi(strings.TrimPrefix(mode, "readers:"))
		if err != nil {
			log.Fatal(err)
		}
		for i := 0; i < n; i++ {
			go serve(c)
		}
		select {}
	default:
		log.Fatalf("unknown mode %q", mode)
	}
}
