// Package smtptest runs a real SMTP server on loopback for tests: Start it with one call, send
// mail to it through Copydesk's own client, and read what arrived with another. It speaks
// STARTTLS with a certificate made for the test, and AUTH PLAIN when given a user, so a test
// sees the whole conversation a real mail server would have.
package smtptest

import (
	"bytes"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"errors"
	"io"
	"math/big"
	"mime"
	"mime/quotedprintable"
	"net"
	"net/mail"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/emersion/go-sasl"
	"github.com/emersion/go-smtp"
)

// Options shape the server. The zero value accepts every message, without TLS or AUTH.
type Options struct {
	// TLS offers STARTTLS with a self-signed certificate (trust it through Server.RootCAs);
	// ImplicitTLS speaks TLS from the start instead, as on port 465.
	TLS, ImplicitTLS bool
	// Addr is where to listen (default 127.0.0.1:0, a free port).
	Addr string
	// Username and Password, when set, make AUTH PLAIN required before MAIL.
	Username, Password string
	// Refuse, when not 0, answers every RCPT with this status code (4xx or 5xx).
	Refuse int
}

// Server is a running test mail server.
type Server struct {
	Host string
	Port int
	// RootCAs trusts the server's certificate.
	RootCAs *x509.CertPool

	opts Options
	mu   sync.Mutex
	got  []Message
}

// Message is one message the server accepted, parsed.
type Message struct {
	From string
	To   []string
	// AuthUser is who signed in with AUTH before sending it ("" for nobody); TLS says whether
	// the connection was encrypted.
	AuthUser string
	TLS      bool
	Header   mail.Header
	// Subject is the decoded subject and Text the decoded body.
	Subject string
	Text    string
	Raw     []byte
}

// Start runs a server on 127.0.0.1 until the test ends.
func Start(t testing.TB, opts Options) *Server {
	t.Helper()
	s := &Server{opts: opts}
	srv := smtp.NewServer(smtp.BackendFunc(s.newSession))
	srv.Domain = "localhost"
	srv.AllowInsecureAuth = true
	srv.ReadTimeout, srv.WriteTimeout = 10*time.Second, 10*time.Second
	if opts.TLS || opts.ImplicitTLS {
		cert, pool, err := selfSigned()
		if err != nil {
			t.Fatalf("smtptest: certificate: %v", err)
		}
		srv.TLSConfig = &tls.Config{Certificates: []tls.Certificate{cert}, MinVersion: tls.VersionTLS12}
		s.RootCAs = pool
	}
	if opts.Addr == "" {
		opts.Addr = "127.0.0.1:0"
	}
	l, err := net.Listen("tcp", opts.Addr)
	if err != nil {
		t.Fatalf("smtptest: listen: %v", err)
	}
	if opts.ImplicitTLS {
		l = tls.NewListener(l, srv.TLSConfig)
		srv.TLSConfig = nil
	}
	addr := l.Addr().(*net.TCPAddr)
	s.Host, s.Port = addr.IP.String(), addr.Port
	go srv.Serve(l)
	t.Cleanup(func() { srv.Close() })
	return s
}

// Addr is the server's host:port.
func (s *Server) Addr() string { return net.JoinHostPort(s.Host, strconv.Itoa(s.Port)) }

// Messages returns what the server has accepted so far, in order.
func (s *Server) Messages() []Message {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Message(nil), s.got...)
}

// Wait returns the messages once there are at least n, failing the test after ten seconds:
// for mail that a background worker sends.
func (s *Server) Wait(t testing.TB, n int) []Message {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		got := s.Messages()
		if len(got) >= n {
			return got
		}
		if time.Now().After(deadline) {
			t.Fatalf("smtptest: %d messages arrived in 10s, want %d", len(got), n)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func (s *Server) newSession(c *smtp.Conn) (smtp.Session, error) {
	return &session{server: s, conn: c}, nil
}

func (s *Server) keep(m Message) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.got = append(s.got, m)
}

// session is one client's conversation.
type session struct {
	server *Server
	conn   *smtp.Conn
	user   string
	from   string
	to     []string
}

func (ss *session) AuthMechanisms() []string {
	if ss.server.opts.Username == "" {
		return nil
	}
	return []string{sasl.Plain}
}

func (ss *session) Auth(string) (sasl.Server, error) {
	return sasl.NewPlainServer(func(_, username, password string) error {
		if username != ss.server.opts.Username || password != ss.server.opts.Password {
			return smtp.ErrAuthFailed
		}
		ss.user = username
		return nil
	}), nil
}

func (ss *session) Mail(from string, _ *smtp.MailOptions) error {
	if ss.server.opts.Username != "" && ss.user == "" {
		return smtp.ErrAuthRequired
	}
	ss.from = from
	return nil
}

func (ss *session) Rcpt(to string, _ *smtp.RcptOptions) error {
	if code := ss.server.opts.Refuse; code != 0 {
		return &smtp.SMTPError{Code: code, EnhancedCode: smtp.EnhancedCodeNotSet, Message: "refused by the test server"}
	}
	ss.to = append(ss.to, to)
	return nil
}

func (ss *session) Data(r io.Reader) error {
	raw, err := io.ReadAll(r)
	if err != nil {
		return err
	}
	_, tlsOn := ss.conn.TLSConnectionState()
	m, err := parse(raw)
	if err != nil {
		return &smtp.SMTPError{Code: 554, EnhancedCode: smtp.EnhancedCodeNotSet, Message: "unreadable message: " + err.Error()}
	}
	m.From, m.To, m.AuthUser, m.TLS = ss.from, ss.to, ss.user, tlsOn
	ss.server.keep(m)
	return nil
}

func (ss *session) Reset() { ss.from, ss.to = "", nil }

func (ss *session) Logout() error { return nil }

// parse reads a message and decodes its subject and its single text body.
func parse(raw []byte) (Message, error) {
	msg, err := mail.ReadMessage(bytes.NewReader(raw))
	if err != nil {
		return Message{}, err
	}
	subject, err := new(mime.WordDecoder).DecodeHeader(msg.Header.Get("Subject"))
	if err != nil {
		return Message{}, err
	}
	var body io.Reader = msg.Body
	switch strings.ToLower(msg.Header.Get("Content-Transfer-Encoding")) {
	case "quoted-printable":
		body = quotedprintable.NewReader(body)
	case "base64":
		return Message{}, errors.New("smtptest reads text bodies, not base64")
	}
	text, err := io.ReadAll(body)
	if err != nil {
		return Message{}, err
	}
	return Message{Header: msg.Header, Subject: subject, Text: strings.ReplaceAll(string(text), "\r\n", "\n"), Raw: raw}, nil
}

// selfSigned makes a certificate for 127.0.0.1, and a pool that trusts it.
func selfSigned() (tls.Certificate, *x509.CertPool, error) {
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		return tls.Certificate{}, nil, err
	}
	tmpl := &x509.Certificate{
		SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "smtptest"},
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(24 * time.Hour),
		IPAddresses: []net.IP{net.IPv4(127, 0, 0, 1)}, DNSNames: []string{"localhost"},
		KeyUsage: x509.KeyUsageDigitalSignature | x509.KeyUsageCertSign, ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
		BasicConstraintsValid: true, IsCA: true,
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		return tls.Certificate{}, nil, err
	}
	leaf, err := x509.ParseCertificate(der)
	if err != nil {
		return tls.Certificate{}, nil, err
	}
	pool := x509.NewCertPool()
	pool.AddCert(leaf)
	return tls.Certificate{Certificate: [][]byte{der}, PrivateKey: key, Leaf: leaf}, pool, nil
}
