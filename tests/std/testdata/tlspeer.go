// tlspeer: Go's crypto/tls as the reference peer for tests/std/test_tls.py.
//
//	tlspeer server <scenario> <pki-dir>   listens on 127.0.0.1:0, prints "ADDR <addr>",
//	                                      serves one conn, prints "SERVER <result>"
//	tlspeer client <scenario> <pki-dir> <addr>
//	                                      dials addr, prints "CLIENT <result>"
//
// A result is "OK <version> <alpn> <peer CN> <ekm hex>" or "ERR <error text>",
// after one byte went each way.
// The scenarios set up both ends the same way test_tls.py's goInterop does.
package main

import (
	"crypto/tls"
	"crypto/x509"
	"encoding/hex"
	"errors"
	"fmt"
	"net"
	"os"
	"path/filepath"
	"time"
)

func load(dir, name string) tls.Certificate {
	c, err := tls.LoadX509KeyPair(filepath.Join(dir, name+".pem"), filepath.Join(dir, name+".key"))
	if err != nil {
		panic(err)
	}
	return c
}

func pool(dir, name string) *x509.CertPool {
	p := x509.NewCertPool()
	b, err := os.ReadFile(filepath.Join(dir, name+".pem"))
	if err != nil {
		panic(err)
	}
	p.AppendCertsFromPEM(b)
	return p
}

func configs(scenario, dir string) (server, client *tls.Config) {
	server = &tls.Config{Certificates: []tls.Certificate{load(dir, "server")}}
	client = &tls.Config{RootCAs: pool(dir, "ca"), ServerName: "localhost"}
	switch scenario {
	case "ok":
		server.NextProtos = []string{"gonet", "h2"}
		client.NextProtos = []string{"h2", "gonet"}
	case "versions":
		server.MinVersion = tls.VersionTLS13
		client.MaxVersion = tls.VersionTLS12
	case "alpn":
		server.NextProtos = []string{"a"}
		client.NextProtos = []string{"b", "c"}
	case "unknownca":
		client.RootCAs = pool(dir, "other")
	case "wrongname":
		client.ServerName = "wrong.test"
	case "nameless":
		client.ServerName = ""
	case "clientcert":
		server.ClientAuth = tls.RequireAndVerifyClientCert
		server.ClientCAs = pool(dir, "ca")
		client.Certificates = []tls.Certificate{load(dir, "client")}
	case "nocert":
		server.ClientAuth = tls.RequireAndVerifyClientCert
		server.ClientCAs = pool(dir, "ca")
	case "strangercert":
		server.ClientAuth = tls.RequireAndVerifyClientCert
		server.ClientCAs = pool(dir, "ca")
		client.Certificates = []tls.Certificate{load(dir, "stranger")}
	case "strangernocas":
		// No ClientCAs: the system roots verify, and no CA names are sent.
		server.ClientAuth = tls.RequireAndVerifyClientCert
		client.Certificates = []tls.Certificate{load(dir, "stranger")}
	case "getcert":
		server.Certificates = nil
		server.GetCertificate = func(*tls.ClientHelloInfo) (*tls.Certificate, error) {
			return nil, errors.New("no certificate for you")
		}
	case "expired":
		server.Certificates = []tls.Certificate{load(dir, "expired")}
	}
	return server, client
}

// exchange is what both ends do after the handshake: the server writes one
// byte, the client reads it and writes it back. A TLS 1.3 server refuses a
// client certificate only after the client's handshake ended, so the
// client learns of it from that first read.
func exchange(c *tls.Conn, isClient bool) error {
	c.SetDeadline(time.Now().Add(5 * time.Second))
	if err := c.Handshake(); err != nil {
		return err
	}
	b := []byte("x")
	if isClient {
		if _, err := c.Read(b); err != nil {
			return err
		}
		_, err := c.Write(b)
		return err
	}
	if _, err := c.Write(b); err != nil {
		return err
	}
	_, err := c.Read(b)
	return err
}

func describe(c *tls.Conn, err error) string {
	if err != nil {
		return "ERR " + err.Error()
	}
	cs := c.ConnectionState()
	cn := "-"
	if len(cs.PeerCertificates) > 0 {
		cn = cs.PeerCertificates[0].Subject.CommonName
	}
	ekm, err := cs.ExportKeyingMaterial("EXPERIMENTAL gonet", nil, 16)
	if err != nil {
		return "ERR " + err.Error()
	}
	proto := cs.NegotiatedProtocol
	if proto == "" {
		proto = "-"
	}
	return fmt.Sprintf("OK %x %s %s %s", cs.Version, proto, cn, hex.EncodeToString(ekm))
}

func main() {
	mode, scenario, dir := os.Args[1], os.Args[2], os.Args[3]
	server, client := configs(scenario, dir)
	switch mode {
	case "server":
		ln, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			panic(err)
		}
		fmt.Println("ADDR", ln.Addr())
		raw, err := ln.Accept()
		if err != nil {
			panic(err)
		}
		c := tls.Server(raw, server)
		fmt.Println("SERVER " + describe(c, exchange(c, false)))
		c.Close()
	case "client":
		d := &net.Dialer{Timeout: 10 * time.Second}
		c, err := tls.DialWithDialer(d, "tcp", os.Args[4], client)
		if err == nil {
			err = exchange(c, true)
			defer c.Close()
		}
		fmt.Println("CLIENT " + describe(c, err))
	}
}
