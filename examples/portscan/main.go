// Portscan scans a range of TCP ports concurrently: a fixed number of
// worker goroutines take ports from a channel and dial them, so at most
// -workers dials are in flight at once. The open ports are collected,
// sorted and printed, so the output does not depend on who finished first.
//
//	go run examples/portscan/main.go -ports 1-1024 -workers 100
package main

import (
	"errors"
	"flag"
	"fmt"
	"log"
	"net"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"
)

func main() {
	host := flag.String("host", "127.0.0.1", "host to scan")
	ports := flag.String("ports", "1-1024", "port range to scan, `first-last`")
	workers := flag.Int("workers", 100, "at most `N` dials at once")
	timeout := flag.Duration("timeout", 500*time.Millisecond, "give up on a dial after `d`")
	flag.Parse()
	log.SetFlags(0)

	first, last, err := parseRange(*ports)
	if err != nil {
		log.Fatal(err)
	}

	jobs := make(chan int)
	results := make(chan int)
	var wg sync.WaitGroup
	for i := 0; i < *workers; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for port := range jobs {
				address := net.JoinHostPort(*host, strconv.Itoa(port))
				c, err := net.DialTimeout("tcp", address, *timeout)
				if err != nil {
					continue // closed, filtered or timed out
				}
				c.Close()
				results <- port
			}
		}()
	}
	go func() {
		for port := first; port <= last; port++ {
			jobs <- port
		}
		close(jobs)
	}()
	go func() {
		wg.Wait()
		close(results)
	}()

	var open []int
	for port := range results {
		open = append(open, port)
	}
	sort.Ints(open)
	for _, port := range open {
		fmt.Printf("%d open\n", port)
	}
	fmt.Printf("%d of %d ports open\n", len(open), last-first+1)
}

// parseRange parses "first-last" (or a single port) into its bounds.
func parseRange(s string) (first, last int, err error) {
	a, b, found := strings.Cut(s, "-")
	if !found {
		b = a
	}
	if first, err = strconv.Atoi(a); err != nil {
		return 0, 0, err
	}
	if last, err = strconv.Atoi(b); err != nil {
		return 0, 0, err
	}
	if first < 1 || last > 65535 || first > last {
		return 0, 0, errors.New("bad port range " + strconv.Quote(s))
	}
	return first, last, nil
}
