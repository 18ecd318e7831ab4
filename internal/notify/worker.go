package notify

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"math/rand/v2"
	"os"
	"sync"
	"time"

	"github.com/copydesk/copydesk/internal/clock"
	"github.com/copydesk/copydesk/internal/newsroom"
	"github.com/copydesk/copydesk/internal/store"
)

// Config sets the worker's channels and timing. The zero value gives production defaults and
// no channels: every delivery then waits, noted as waiting for its channel.
type Config struct {
	// Channels sends deliveries, by channel name (newsroom.ChannelEmail, ChannelWebhook).
	Channels map[string]Channel
	// Clock wakes the worker (default clock.System); the store's clock stamps the attempts.
	Clock clock.Clock
	// Node names this server in leases and in the attempts log (default host name and pid).
	Node string
	// Every is how often the outbox is looked at when nothing wakes the worker (default a
	// second); a change this server makes wakes it at once.
	Every time.Duration
	// Timeout bounds one send (default 10 seconds); Lease is how long a node holds a delivery
	// it is sending (default a minute). Timeout is cut to half the Lease when longer, so that a
	// send ends well inside its lease and only a node that died loses one: a live node that lost
	// its lease mid-send would see another node send the same delivery again.
	Timeout time.Duration
	Lease   time.Duration
	// Backoff is the pause after a first failure, doubling with each one up to MaxBackoff
	// (default 10 seconds to an hour), with jitter; after MaxAttempts tries (default 12, about
	// a day) a delivery has failed for good.
	Backoff     time.Duration
	MaxBackoff  time.Duration
	MaxAttempts int
	// Batch is how many deliveries are leased and sent at once (default 20).
	Batch int
	// EmailMaxAge is how old an email may grow, waiting to be sent or to go in a digest, before
	// it is failed as too old (default EmailMaxAge): news of a change is no use weeks later.
	EmailMaxAge time.Duration
	// Logger receives failures and channels not set up (default slog.Default()).
	Logger *slog.Logger
}

func (cfg Config) withDefaults() Config {
	if cfg.Clock == nil {
		cfg.Clock = clock.System
	}
	if cfg.Node == "" {
		host, _ := os.Hostname()
		cfg.Node = fmt.Sprintf("%s:%d", host, os.Getpid())
	}
	defaults := []struct {
		v *time.Duration
		d time.Duration
	}{{&cfg.Every, time.Second}, {&cfg.Timeout, 10 * time.Second}, {&cfg.Lease, time.Minute}, {&cfg.Backoff, 10 * time.Second}, {&cfg.MaxBackoff, time.Hour}, {&cfg.EmailMaxAge, EmailMaxAge}}
	for _, x := range defaults {
		if *x.v <= 0 {
			*x.v = x.d
		}
	}
	cfg.Timeout = min(cfg.Timeout, cfg.Lease/2)
	if cfg.MaxAttempts <= 0 {
		cfg.MaxAttempts = 12
	}
	if cfg.Batch <= 0 {
		cfg.Batch = 20
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.Default()
	}
	return cfg
}

// EmailMaxAge is the default Config.EmailMaxAge: two days, longer than a day's retries and
// than a digest's wait for its hour, so that only email that could not go (no mail server was
// set up, or none answered for days) is failed.
const EmailMaxAge = 48 * time.Hour

// tooOld is the note on an email failed for its age.
const tooOld = "too old to send: no mail server was set up, or none took it, while it was news"

// channelNames are every delivery channel, with what a server that has not set one up says.
var channelNames = map[string]string{
	newsroom.ChannelEmail:   "no mail server is set up on this server: it waits until one is",
	newsroom.ChannelWebhook: "webhooks are not set up on this server: it waits until they are",
}

// Start runs the delivery worker on st in the background. The function it returns stops it and
// waits for the sends under way to finish (each within its timeout).
func Start(st *store.Store, cfg Config) (stop func()) {
	cfg = cfg.withDefaults()
	w := &worker{st: st, cfg: cfg, wake: make(chan struct{}, 1), held: map[string]bool{}}
	for name := range cfg.Channels {
		w.channels = append(w.channels, name)
	}
	st.Subscribe(func(e newsroom.Event) {
		if e.Local && newsroom.Notifies(e) {
			w.poke()
		}
	})
	tick := cfg.Clock.NewTicker(cfg.Every)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() {
		defer close(done)
		defer tick.Stop()
		for {
			w.round(ctx)
			select {
			case <-ctx.Done():
				return
			case <-tick.C():
			case <-w.wake:
			}
		}
	}()
	return func() {
		cancel()
		<-done
	}
}

// worker is the delivery loop of one server.
type worker struct {
	st       *store.Store
	cfg      Config
	channels []string
	wake     chan struct{}
	// held remembers the channels whose waiting deliveries were logged, to log that once; mu
	// guards it, as sends run at once.
	mu   sync.Mutex
	held map[string]bool
}

// poke wakes the worker without waiting for it.
func (w *worker) poke() {
	select {
	case w.wake <- struct{}{}:
	default:
	}
}

// round notes the deliveries of channels not set up, then leases and sends due deliveries
// until none are left.
func (w *worker) round(ctx context.Context) {
	w.expire(ctx)
	w.holdUnsent(ctx)
	for ctx.Err() == nil {
		ds, err := w.st.LeaseDeliveries(ctx, w.cfg.Node, w.channels, w.cfg.Batch, w.cfg.Lease)
		if err != nil {
			if ctx.Err() == nil {
				w.cfg.Logger.ErrorContext(ctx, "leasing deliveries", "err", err)
			}
			return
		}
		var wg sync.WaitGroup
		for _, d := range ds {
			wg.Add(1)
			go func() {
				defer wg.Done()
				w.send(ctx, d)
			}()
		}
		wg.Wait()
		if len(ds) < w.cfg.Batch {
			return
		}
	}
}

// expire fails the emails too old to be worth sending.
func (w *worker) expire(ctx context.Context) {
	n, err := w.st.ExpireDeliveries(ctx, newsroom.ChannelEmail, w.cfg.EmailMaxAge, tooOld)
	if err != nil {
		if ctx.Err() == nil {
			w.cfg.Logger.ErrorContext(ctx, "failing emails too old to send", "err", err)
		}
		return
	}
	if n > 0 {
		w.cfg.Logger.WarnContext(ctx, "emails too old to send were failed", "count", n, "max_age", w.cfg.EmailMaxAge)
	}
}

// holdUnsent marks the waiting deliveries of every channel this server has not set up with
// why they wait, logging it the first time there are any.
func (w *worker) holdUnsent(ctx context.Context) {
	for name, why := range channelNames {
		if _, ok := w.cfg.Channels[name]; ok {
			continue
		}
		n, err := w.st.HoldUnsent(ctx, name, why)
		if err != nil {
			if ctx.Err() == nil {
				w.cfg.Logger.ErrorContext(ctx, "noting deliveries that wait for a channel", "channel", name, "err", err)
			}
			continue
		}
		if n > 0 {
			w.noteHeld(ctx, name, why)
		}
	}
}

// noteHeld logs, the first time only, that deliveries of channel wait because it is not set up.
func (w *worker) noteHeld(ctx context.Context, channel, why string) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if !w.held[channel] {
		w.held[channel] = true
		w.cfg.Logger.WarnContext(ctx, "deliveries wait for a channel that is not set up", "channel", channel, "reason", why)
	}
}

// send sends one leased delivery through its channel and records the attempt. A send under way
// when the worker stops runs to its end (within its timeout) and is recorded: cut short, the
// receiver might have taken it while this server records a failure, and it would go again.
func (w *worker) send(ctx context.Context, d newsroom.Delivery) {
	sctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), w.cfg.Timeout)
	status, err := w.cfg.Channels[d.Channel].Send(sctx, d)
	cancel()
	if errors.Is(err, ErrNotSetUp) {
		w.hold(ctx, d, err)
		return
	}
	a := store.Attempt{OK: err == nil, StatusCode: status}
	if err != nil {
		a.Error = err.Error()
		a.Final = d.Attempts+1 >= w.cfg.MaxAttempts
		a.RetryIn = w.backoff(d.Attempts + 1)
		w.cfg.Logger.WarnContext(ctx, "a delivery failed", "delivery", d.ID, "channel", d.Channel, "attempt", d.Attempts+1, "final", a.Final, "err", err)
	}
	if err := w.st.RecordAttempt(context.WithoutCancel(ctx), d.ID, w.cfg.Node, a); err != nil {
		w.cfg.Logger.ErrorContext(ctx, "recording a delivery attempt", "delivery", d.ID, "err", err)
	}
}

// hold gives back a delivery its channel could not send for not being set up, without using
// one of its attempts, noted as waiting and due again after Backoff: set up a minute later, the
// channel sends it then, where counting each round as a failure would have given it up.
func (w *worker) hold(ctx context.Context, d newsroom.Delivery, err error) {
	why := channelNames[d.Channel]
	w.noteHeld(ctx, d.Channel, err.Error())
	if err := w.st.HoldDelivery(context.WithoutCancel(ctx), d.ID, w.cfg.Node, why, w.cfg.Backoff); err != nil {
		w.cfg.Logger.ErrorContext(ctx, "holding a delivery", "delivery", d.ID, "err", err)
	}
}

// backoff is the pause after the n-th failed attempt: Backoff doubled n-1 times, capped at
// MaxBackoff, less up to half of it at random, so that deliveries that failed together do not
// all come back at once.
func (w *worker) backoff(n int) time.Duration {
	d := w.cfg.Backoff
	for i := 1; i < n && d < w.cfg.MaxBackoff; i++ {
		d *= 2
	}
	d = min(d, w.cfg.MaxBackoff)
	return d - time.Duration(rand.Int64N(int64(d)/2+1))
}
