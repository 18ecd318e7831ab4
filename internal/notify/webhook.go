package notify

import (
	"bytes"
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/copydesk/copydesk/internal/clock"
	"github.com/copydesk/copydesk/internal/newsroom"
	"github.com/copydesk/copydesk/internal/publish"
	"github.com/copydesk/copydesk/internal/store"
)

// The headers of a webhook post. Delivery is the delivery's id, the same on every retry and
// from every server, so that a receiver can drop a post it has already taken; Event is the
// event's. Signature is "sha256=" and the hex HMAC-SHA256, keyed with the webhook's secret, of
// Timestamp, ".", and the body: signing the time with the body lets a receiver refuse an old
// post replayed at it (one whose timestamp is minutes old) as well as a forged one.
const (
	HeaderDelivery  = "X-Copydesk-Delivery"
	HeaderEvent     = "X-Copydesk-Event"
	HeaderTimestamp = "X-Copydesk-Timestamp"
	HeaderSignature = "X-Copydesk-Signature"
)

// Webhooks is the webhook channel: it posts a delivery's JSON, signed, to its webhook's URL.
type Webhooks struct {
	// Site, when set, gives the site's base URL at each post in place of the one NewWebhooks
	// was given, so that links follow the site settings an admin changes without a restart.
	Site func() publish.Site
	// AllowLocal lets posts reach the local network (the operator's choice: copydesk serve
	// --allow-local-webhooks). Without it, each address a post dials is checked (see
	// publicOnly). Set it before the channel is used.
	AllowLocal bool
	st         *store.Store
	baseURL    string
	client     *http.Client
	clk        clock.Clock
}

// maxAnswerHeader caps the status line and headers a receiver may answer with. A receiver's
// answer is only its status: net/http's default cap, 10 MB, would let a hostile one make each
// send hold megabytes, and write them into the error every log line and attempt repeats.
const maxAnswerHeader = 64 << 10

// maxReason is the most characters of a receiver's reason phrase an error repeats.
const maxReason = 100

// errLocal is a post refused as it dialled an address in the local network.
var errLocal = errors.New(newsroom.LocalWebhookRefused)

// NewWebhooks returns the webhook channel of st, making links absolute with baseURL. Its
// client gives a post 10 seconds and follows no redirect: a receiver that moved answers 3xx,
// which is a failure the log shows, rather than the post going somewhere else.
//
// It connects to each receiver itself, through no proxy, not even one the environment names
// (HTTP_PROXY, HTTPS_PROXY): a proxy would resolve and dial the receiver's name in our place,
// out of the reach of the check of each address dialled (publicOnly), and a proxy in the
// server's own network could be asked to post anywhere in it.
func NewWebhooks(st *store.Store, baseURL string, clk clock.Clock) *Webhooks {
	if clk == nil {
		clk = clock.System
	}
	w := &Webhooks{st: st, baseURL: strings.TrimRight(baseURL, "/"), clk: clk}
	dialer := &net.Dialer{Timeout: 30 * time.Second, KeepAlive: 30 * time.Second, Control: w.publicOnly}
	transport := http.DefaultTransport.(*http.Transport).Clone()
	transport.Proxy = nil
	transport.DialContext = dialer.DialContext
	transport.MaxResponseHeaderBytes = maxAnswerHeader
	w.client = &http.Client{Transport: transport, Timeout: 10 * time.Second,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	return w
}

// publicOnly is the dialer's check of each address a post connects to, once its name is
// resolved and before anything is sent: unless AllowLocal, an address in the local network
// (newsroom.LocalAddress) is refused. Checking the address dialled, not the URL, refuses a
// public-looking name that resolves to the local network too, including one whose DNS answers
// change between posts (DNS rebinding).
func (w *Webhooks) publicOnly(network, address string, _ syscall.RawConn) error {
	if w.AllowLocal {
		return nil
	}
	ap, err := netip.ParseAddrPort(address)
	if err != nil || newsroom.LocalAddress(ap.Addr()) {
		return errLocal
	}
	return nil
}

// Send posts d to its webhook. Any 2xx answer is delivered.
func (w *Webhooks) Send(ctx context.Context, d newsroom.Delivery) (int, error) {
	target, secret, active, err := w.st.WebhookTarget(ctx, d.WebhookID)
	if err != nil {
		return 0, err
	}
	if !active {
		return 0, errors.New("the webhook is paused")
	}
	// Only the URL's form is checked here: whether its host is local is known once it is
	// resolved, when publicOnly checks each address dialled.
	if err := newsroom.CheckWebhookURL(target, true); err != nil {
		return 0, err
	}
	body, err := w.body(d.Payload)
	if err != nil {
		return 0, err
	}
	ts := strconv.FormatInt(w.clk.Now().Unix(), 10)
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, target, bytes.NewReader(body))
	if err != nil {
		return 0, errors.New("the webhook's URL cannot be posted to")
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("User-Agent", "Copydesk-Webhook")
	req.Header.Set(HeaderDelivery, strconv.FormatInt(d.ID, 10))
	req.Header.Set(HeaderEvent, strconv.FormatInt(d.EventID, 10))
	req.Header.Set(HeaderTimestamp, ts)
	req.Header.Set(HeaderSignature, Sign(secret, ts, body))
	resp, err := w.client.Do(req)
	if errors.Is(err, errLocal) {
		return 0, errLocal
	}
	if err != nil {
		// The URL may hold a token (chat tools put one in the path): the error names none.
		var uerr *url.Error
		if errors.As(err, &uerr) {
			err = uerr.Err
		}
		return 0, fmt.Errorf("posting to the webhook: %w", err)
	}
	defer resp.Body.Close()
	io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return resp.StatusCode, fmt.Errorf("the webhook answered %s", status(resp))
	}
	return resp.StatusCode, nil
}

// status is resp's status line as an error repeats it: the code and the receiver's reason
// phrase, cut to maxReason characters of print (see printable), as the phrase is the
// receiver's to choose.
func status(resp *http.Response) string {
	reason := strings.TrimPrefix(resp.Status, strconv.Itoa(resp.StatusCode))
	return strings.TrimSpace(strconv.Itoa(resp.StatusCode) + " " + printable(strings.TrimSpace(reason), maxReason))
}

// slackText escapes text for the text of a Slack message, as Slack asks: there "<" opens a
// control sequence (<!channel> notifies everyone in the channel, <url|label> shows a link
// under any label) and "&" an entity, and a title or a name is anyone's to type.
var slackText = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;")

// body is the JSON posted for payload, with its link made absolute (and at the end of the
// text, where a chat shows it). The text is escaped for Slack (see slackText); the other
// fields, which no chat reads as markup, carry the words as they are.
func (w *Webhooks) body(payload string) ([]byte, error) {
	var p store.WebhookPayload
	if err := json.Unmarshal([]byte(payload), &p); err != nil {
		return nil, fmt.Errorf("reading the delivery's payload: %w", err)
	}
	base := w.baseURL
	if w.Site != nil {
		base = strings.TrimRight(w.Site().BaseURL, "/")
	}
	p.Link = base + p.Link
	p.Text = slackText.Replace(p.Text) + " " + p.Link
	return json.Marshal(p)
}

// Sign is the signature header's value for a post of body at timestamp ts, with secret.
func Sign(secret, ts string, body []byte) string {
	mac := hmac.New(sha256.New, []byte(secret))
	mac.Write([]byte(ts))
	mac.Write([]byte("."))
	mac.Write(body)
	return "sha256=" + hex.EncodeToString(mac.Sum(nil))
}
