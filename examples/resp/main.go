// Resp is a small Redis-protocol (RESP2) server: PING, ECHO, GET, SET and
// DEL on one map guarded by a sync.RWMutex, a goroutine per connection.
// Replies are buffered and flushed only when no pipelined request is
// waiting behind the current one. SIGINT or SIGTERM stops it; it then
// prints how many keys it holds.
//
//	go run examples/resp/main.go -addr 127.0.0.1:6380
//	redis-cli -p 6380 set greeting hello
//	redis-benchmark -p 6380 -t ping,set,get -n 2000
package main

import (
	"bufio"
	"errors"
	"flag"
	"fmt"
	"io"
	"log"
	"net"
	"os"
	"os/signal"
	"strconv"
	"strings"
	"sync"
	"syscall"
)

// A store is the key space, shared by every connection.
type store struct {
	mu sync.RWMutex
	m  map[string]string
}

func main() {
	addr := flag.String("addr", "127.0.0.1:6380", "address to listen on")
	flag.Parse()
	log.SetFlags(0)

	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("listening on", ln.Addr())
	sigc := make(chan os.Signal, 1)
	signal.Notify(sigc, os.Interrupt, syscall.SIGTERM)
	go func() {
		<-sigc
		ln.Close()
	}()

	s := &store{m: make(map[string]string)}
	for {
		c, err := ln.Accept()
		if errors.Is(err, net.ErrClosed) {
			break
		} else if err != nil {
			log.Fatal(err)
		}
		go s.serve(c)
	}
	s.mu.RLock()
	fmt.Println(len(s.m), "keys")
	s.mu.RUnlock()
}

// serve answers c's commands until it hangs up or breaks the protocol.
func (s *store) serve(c net.Conn) {
	defer c.Close()
	r := bufio.NewReader(c)
	w := bufio.NewWriter(c)
	for {
		args, err := readCommand(r)
		if err != nil {
			if err != io.EOF {
				fmt.Fprintf(w, "-ERR %v\r\n", err)
				w.Flush()
			}
			return
		}
		if len(args) > 0 {
			s.exec(w, args)
		}
		if r.Buffered() == 0 { // nothing pipelined behind it: send the replies
			if err := w.Flush(); err != nil {
				return
			}
		}
	}
}

// readCommand reads one request: an array of bulk strings, as clients
// send, or an inline command (words on a line), as typed into telnet.
func readCommand(r *bufio.Reader) ([]string, error) {
	line, err := readLine(r)
	if err != nil {
		return nil, err
	}
	if !strings.HasPrefix(line, "*") {
		return strings.Fields(line), nil
	}
	n, err := strconv.Atoi(line[1:])
	if err != nil || n < 0 || n > 1024 {
		return nil, errors.New("Protocol error: invalid multibulk length")
	}
	args := make([]string, 0, n)
	for i := 0; i < n; i++ {
		line, err := readLine(r)
		if err != nil {
			return nil, err
		}
		if !strings.HasPrefix(line, "$") {
			return nil, errors.New("Protocol error: expected '$'")
		}
		size, err := strconv.Atoi(line[1:])
		if err != nil || size < 0 || size > 1<<20 {
			return nil, errors.New("Protocol error: invalid bulk length")
		}
		buf := make([]byte, size+2) // the value and its CRLF
		if _, err := io.ReadFull(r, buf); err != nil {
			return nil, err
		}
		args = append(args, string(buf[:size]))
	}
	return args, nil
}

// readLine reads a line and strips its CRLF.
func readLine(r *bufio.Reader) (string, error) {
	line, err := r.ReadString('\n')
	if err != nil {
		return "", err
	}
	return strings.TrimRight(line, "\r\n"), nil
}

// exec runs one command and writes its reply to w.
func (s *store) exec(w *bufio.Writer, args []string) {
	cmd := strings.ToUpper(args[0])
	switch {
	case cmd == "PING" && len(args) == 1:
		w.WriteString("+PONG\r\n")
	case (cmd == "PING" || cmd == "ECHO") && len(args) == 2:
		writeBulk(w, args[1])
	case cmd == "GET" && len(args) == 2:
		s.mu.RLock()
		v, ok := s.m[args[1]]
		s.mu.RUnlock()
		if !ok {
			w.WriteString("$-1\r\n") // nil
			return
		}
		writeBulk(w, v)
	case cmd == "SET" && len(args) == 3:
		s.mu.Lock()
		s.m[args[1]] = args[2]
		s.mu.Unlock()
		w.WriteString("+OK\r\n")
	case cmd == "DEL" && len(args) >= 2:
		n := 0
		s.mu.Lock()
		for _, k := range args[1:] {
			if _, ok := s.m[k]; ok {
				delete(s.m, k)
				n++
			}
		}
		s.mu.Unlock()
		fmt.Fprintf(w, ":%d\r\n", n)
	case cmd == "PING" || cmd == "ECHO" || cmd == "GET" || cmd == "SET" || cmd == "DEL":
		fmt.Fprintf(w, "-ERR wrong number of arguments for '%s' command\r\n", strings.ToLower(cmd))
	default:
		fmt.Fprintf(w, "-ERR unknown command '%s'\r\n", args[0])
	}
}

// writeBulk writes v as a bulk string.
func writeBulk(w *bufio.Writer, v string) {
	fmt.Fprintf(w, "$%d\r\n%s\r\n", len(v), v)
}
