// Http is an HTTP/1.1 server and client with keep-alive. The server has
// three handlers (/ and /hello?name=..., and /echo for POST) and shuts down
// gracefully on SIGINT or SIGTERM: it stops accepting, closes idle
// connections and waits for the requests in progress. With -get the
// program is a client instead: it GETs a URL -n times and says whether
// each request went over a new connection or reused the previous one.
//
//	go run examples/http/main.go -addr 127.0.0.1:8080
//	curl http://127.0.0.1:8080/hello?name=gopher
//	go run examples/http/main.go -get http://127.0.0.1:8080/hello -n 3
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"net/http/httptrace"
	"os"
	"os/signal"
	"strconv"
	"syscall"
	"time"
)

func main() {
	addr := flag.String("addr", "127.0.0.1:8080", "address to listen on")
	get := flag.String("get", "", "be a client: GET `url` -n times")
	n := flag.Int("n", 3, "with -get, the number of requests")
	flag.Parse()
	log.SetFlags(0)

	if *get != "" {
		if err := client(*get, *n); err != nil {
			log.Fatal(err)
		}
		return
	}

	mux := http.NewServeMux()
	mux.HandleFunc("/", root)
	mux.HandleFunc("/hello", hello)
	mux.HandleFunc("/echo", echo)
	srv := &http.Server{Handler: mux, ReadHeaderTimeout: 10 * time.Second}

	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("listening on", ln.Addr())

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	done := make(chan struct{})
	go func() {
		defer close(done)
		<-ctx.Done()
		sctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		if err := srv.Shutdown(sctx); err != nil {
			log.Print(err)
		}
	}()
	err = srv.Serve(ln)
	fmt.Println("shutting down:", err)
	<-done
	fmt.Println("bye")
}

// root answers "/" and nothing else.
func root(w http.ResponseWriter, r *http.Request) {
	if r.URL.Path != "/" {
		http.NotFound(w, r)
		return
	}
	fmt.Fprintln(w, "hello, world")
}

// hello greets the name in the query string.
func hello(w http.ResponseWriter, r *http.Request) {
	name := r.URL.Query().Get("name")
	if name == "" {
		name = "stranger"
	}
	fmt.Fprintf(w, "hello, %s\n", name)
}

// echo sends a POST's body back.
func echo(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodPost {
		w.Header().Set("Allow", http.MethodPost)
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	body, err := io.ReadAll(r.Body)
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	w.Header().Set("Content-Type", "application/octet-stream")
	w.Header().Set("Content-Length", strconv.Itoa(len(body))) // else Go chunks bodies over 2 KiB
	w.Write(body)
}

// client GETs url n times, reporting whether each reused a connection.
func client(url string, n int) error {
	var reused bool
	trace := &httptrace.ClientTrace{
		GotConn: func(info httptrace.GotConnInfo) { reused = info.Reused },
	}
	ctx := httptrace.WithClientTrace(context.Background(), trace)
	for i := 1; i <= n; i++ {
		req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
		if err != nil {
			return err
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			return err
		}
		body, err := io.ReadAll(resp.Body)
		resp.Body.Close()
		if err != nil {
			return err
		}
		kind := "new"
		if reused {
			kind = "reused"
		}
		fmt.Printf("%d: %s (%s connection) %q\n", i, resp.Status, kind, body)
	}
	return nil
}
