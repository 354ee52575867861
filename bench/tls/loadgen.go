// TLS echo load generator (crypto/tls client) for bench/tls/run.py.
//
//	loadgen -addr 127.0.0.1:PORT -mode echo|handshake|warm -c N [-s SIZE]
//	        [-t SECONDS] [-w WARMUP] [-P SERVER_PID] [-ca CA.pem]
//
// echo: N connections, each handshaken first, then each with one request of
// SIZE bytes in flight (write, read the echo in full, check every byte, write
// the next). handshake: N workers, each in a loop of dial, TLS 1.3
// handshake, one SIZE-byte echo checked, Close (close_notify, then FIN).
// warm: N connections one after another, each verifying the server's
// certificate against -ca for ServerName "localhost", echoing 64 B and
// 4 KiB, and closing: proves the server serves the right certificate and
// echoes, and warms it as a long-running server is warm.
//
// For echo and handshake, -w seconds of load come first, then -t seconds are
// measured: operations completed, their latencies, and the server's CPU time
// (user and system, /proc/PID/stat) and ours (getrusage) over that interval.
// Load runs skip certificate verification (InsecureSkipVerify) to keep the
// client light: the server's work is the same either way.
//
// Prints one JSON line. Exits 1 if any echo was wrong or any connection
// failed (a correct server under this load fails none).
package main

import (
	"bytes"
	"crypto/tls"
	"crypto/x509"
	"encoding/binary"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"net"
	"os"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"
)

var (
	addr     = flag.String("addr", "", "server address")
	mode     = flag.String("mode", "echo", "echo, handshake or warm")
	conns    = flag.Int("c", 50, "connections (echo, warm) or concurrent workers (handshake)")
	size     = flag.Int("s", 64, "request size in bytes")
	seconds  = flag.Float64("t", 2, "measured seconds")
	warmup   = flag.Float64("w", 0.5, "seconds of load before measuring")
	pid      = flag.Int("P", 0, "server pid, for its CPU time")
	caFile   = flag.String("ca", "", "CA certificate (PEM) for the warm mode's verification")
	dialConc = flag.Int("dialers", 32, "echo mode: connections set up at once")
)

// pattern holds bytes a request is cut from: request seq of conn id starts
// at offset (id*7+seq)%251, and its first 8 bytes are seq, so a stale,
// reordered or foreign echo never matches.
var pattern []byte

func fill(dst []byte, id int, seq uint64) {
	off := (uint64(id)*7 + seq) % 251
	copy(dst, pattern[off:off+uint64(len(dst))])
	if len(dst) >= 8 {
		binary.LittleEndian.PutUint64(dst, seq)
	}
}

type state struct {
	measuring atomic.Bool
	stop      atomic.Bool
	errs      atomic.Int64
	firstErr  atomic.Value
}

func (s *state) fail(format string, a ...any) {
	if s.errs.Add(1) == 1 {
		s.firstErr.Store(fmt.Sprintf(format, a...))
	}
}

type worker struct {
	ops  int64
	lats []time.Duration
	_    [64]byte
}

func loadConfig() *tls.Config {
	return &tls.Config{InsecureSkipVerify: true, MinVersion: tls.VersionTLS13}
}

// echoOnce writes one request and checks its echo.
func echoOnce(c net.Conn, out, in []byte, id int, seq uint64) error {
	fill(out, id, seq)
	if _, err := c.Write(out); err != nil {
		return fmt.Errorf("write: %w", err)
	}
	if _, err := io.ReadFull(c, in); err != nil {
		return fmt.Errorf("read: %w", err)
	}
	if !bytes.Equal(out, in) {
		i := 0
		for i < len(in) && in[i] == out[i] {
			i++
		}
		return fmt.Errorf("echo mismatch at byte %d of %d", i, len(in))
	}
	return nil
}

func cpuTicks(pid int) (user, sys int64, ok bool) {
	b, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/stat")
	if err != nil {
		return 0, 0, false
	}
	s := string(b)
	f := strings.Fields(s[strings.LastIndexByte(s, ')')+2:])
	// fields after "pid (comm) ": state is f[0]; utime is field 14 -> f[11], stime f[12]
	u, _ := strconv.ParseInt(f[11], 10, 64)
	k, _ := strconv.ParseInt(f[12], 10, 64)
	return u, k, true
}

func selfCPU() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func runWarm(st *state) map[string]any {
	pem, err := os.ReadFile(*caFile)
	if err != nil {
		st.fail("read -ca: %v", err)
		return map[string]any{}
	}
	pool := x509.NewCertPool()
	if !pool.AppendCertsFromPEM(pem) {
		st.fail("no certificate in %s", *caFile)
		return map[string]any{}
	}
	cfg := &tls.Config{RootCAs: pool, ServerName: "localhost", MinVersion: tls.VersionTLS13}
	var version uint16
	for i := 0; i < *conns; i++ {
		c, err := tls.Dial("tcp", *addr, cfg)
		if err != nil {
			st.fail("warm-up connection %d: %v", i, err)
			break
		}
		version = c.ConnectionState().Version
		for j, n := range []int{64, 4096} {
			if err := echoOnce(c, make([]byte, n), make([]byte, n), i, uint64(j)); err != nil {
				st.fail("warm-up connection %d, %d B: %v", i, n, err)
			}
		}
		c.Close()
		if st.errs.Load() > 0 {
			break
		}
	}
	names := map[uint16]string{tls.VersionTLS12: "TLS 1.2", tls.VersionTLS13: "TLS 1.3"}
	return map[string]any{"tls_version": names[version]}
}

func runEcho(st *state, ws []worker) {
	// Set every connection up (handshake and one echo) before the load starts.
	cs := make([]net.Conn, len(ws))
	var wg sync.WaitGroup
	sem := make(chan struct{}, *dialConc)
	for i := range ws {
		wg.Add(1)
		sem <- struct{}{}
		go func(i int) {
			defer wg.Done()
			defer func() { <-sem }()
			c, err := tls.Dial("tcp", *addr, loadConfig())
			if err != nil {
				st.fail("dial %d: %v", i, err)
				return
			}
			if err := echoOnce(c, make([]byte, *size), make([]byte, *size), i, 0); err != nil {
				st.fail("conn %d first echo: %v", i, err)
				c.Close()
				return
			}
			cs[i] = c
		}(i)
	}
	wg.Wait()
	if st.errs.Load() > 0 {
		for _, c := range cs {
			if c != nil {
				c.Close()
			}
		}
		return
	}
	for i := range ws {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			w := &ws[i]
			c := cs[i]
			defer c.Close()
			out, in := make([]byte, *size), make([]byte, *size)
			for seq := uint64(1); !st.stop.Load(); seq++ {
				t0 := time.Now()
				if err := echoOnce(c, out, in, i, seq); err != nil {
					st.fail("conn %d: %v", i, err)
					return
				}
				if st.measuring.Load() {
					w.ops++
					w.lats = append(w.lats, time.Since(t0))
				}
			}
		}(i)
	}
	measure(st)
	wg.Wait()
}

func runHandshake(st *state, ws []worker) {
	var wg sync.WaitGroup
	for i := range ws {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			w := &ws[i]
			out, in := make([]byte, *size), make([]byte, *size)
			for seq := uint64(0); !st.stop.Load(); seq++ {
				t0 := time.Now()
				c, err := tls.Dial("tcp", *addr, loadConfig())
				if err != nil {
					st.fail("worker %d dial: %v", i, err)
					return
				}
				err = echoOnce(c, out, in, i, seq)
				c.Close()
				if err != nil {
					st.fail("worker %d: %v", i, err)
					return
				}
				if st.measuring.Load() {
					w.ops++
					w.lats = append(w.lats, time.Since(t0))
				}
			}
		}(i)
	}
	measure(st)
	wg.Wait()
}

var result = map[string]any{}

// measure sleeps through the warm-up, then measures for -t seconds, then stops the workers.
func measure(st *state) {
	time.Sleep(time.Duration(*warmup * float64(time.Second)))
	u0, k0, ok0 := cpuTicks(*pid)
	c0 := selfCPU()
	t0 := time.Now()
	st.measuring.Store(true)
	time.Sleep(time.Duration(*seconds * float64(time.Second)))
	st.measuring.Store(false)
	el := time.Since(t0)
	c1 := selfCPU()
	u1, k1, ok1 := cpuTicks(*pid)
	st.stop.Store(true)
	result["elapsed"] = el.Seconds()
	result["client_cpu_share"] = (c1 - c0).Seconds() / el.Seconds()
	if ok0 && ok1 {
		result["server_cpu_s"] = float64(u1-u0+k1-k0) / 100 // USER_HZ is 100 on Linux
		result["server_user_s"] = float64(u1-u0) / 100
	}
}

func main() {
	flag.Parse()
	pattern = make([]byte, *size+4096+256)
	for i := range pattern {
		pattern[i] = byte(i*131 + i/251)
	}
	st := &state{}
	ws := make([]worker, *conns)
	switch *mode {
	case "warm":
		for k, v := range runWarm(st) {
			result[k] = v
		}
	case "echo":
		runEcho(st, ws)
	case "handshake":
		runHandshake(st, ws)
	default:
		fmt.Fprintln(os.Stderr, "unknown -mode", *mode)
		os.Exit(2)
	}
	var ops int64
	var lats []time.Duration
	for i := range ws {
		ops += ws[i].ops
		lats = append(lats, ws[i].lats...)
	}
	result["mode"], result["conns"], result["size"] = *mode, *conns, *size
	result["errors"] = st.errs.Load()
	if e := st.firstErr.Load(); e != nil {
		result["first_error"] = e
	}
	if *mode != "warm" {
		el, _ := result["elapsed"].(float64)
		result["ops"] = ops
		if el > 0 {
			result["ops_per_s"] = float64(ops) / el
			if cpu, ok := result["server_cpu_s"].(float64); ok {
				result["server_cpu_share"] = cpu / el
				if ops > 0 {
					result["cpu_us_per_op"] = cpu * 1e6 / float64(ops)
					result["user_us_per_op"] = result["server_user_s"].(float64) * 1e6 / float64(ops)
				}
			}
		}
		if len(lats) > 0 {
			sort.Slice(lats, func(a, b int) bool { return lats[a] < lats[b] })
			q := func(p float64) float64 { return float64(lats[int(p*float64(len(lats)-1))].Microseconds()) }
			result["p50_us"], result["p99_us"] = q(0.5), q(0.99)
		}
	}
	b, _ := json.Marshal(result)
	fmt.Println(string(b))
	if st.errs.Load() > 0 {
		os.Exit(1)
	}
}
