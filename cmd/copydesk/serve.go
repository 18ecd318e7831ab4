package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/copydesk/copydesk/internal/clock"
	"github.com/copydesk/copydesk/internal/memory"
	"github.com/copydesk/copydesk/internal/newsroom"
	"github.com/copydesk/copydesk/internal/notify"
	"github.com/copydesk/copydesk/internal/scheduler"
	"github.com/copydesk/copydesk/internal/server"
	"github.com/copydesk/copydesk/internal/store"
)

// Main is the running application: the store and the HTTP server on a listener. Tests start it
// on 127.0.0.1:0 with a temp database.
type Main struct {
	Addr      string
	DBPath    string
	PolicyDir string
	Logger    *slog.Logger
	// Site is the operator's site settings, which win over those an admin saves on the site
	// settings page; a base URL given by neither is the listen address.
	Site newsroom.SiteSettings
	// MetricsAddr, if set, is a second listen address serving only /metrics, without
	// authentication, for a Prometheus scraper; bind it where only the monitoring network reaches.
	MetricsAddr string
	// SecureCookies says the site is reached over https only (see server.Config).
	SecureCookies bool
	// Timeouts bound slow clients on both listeners; zero fields take the defaults.
	Timeouts Timeouts
	// TrustedProxies are the reverse proxies whose X-Forwarded-For names the client, for
	// sign-in throttling per address (see server.Config).
	TrustedProxies []*net.IPNet
	// DeliveryLease is how long a server holds a notification it is sending before another
	// server may take it over (see notify.Config.Lease); 0 takes the default.
	DeliveryLease time.Duration
	// AllowLocalWebhooks lets webhooks post to the local network: loopback, private and
	// link-local addresses (see newsroom.LocalAddress), which by default they may not reach.
	AllowLocalWebhooks bool
	// Mail is the command line's mail settings, which win over those saved on the email
	// settings page; mail sends email with them.
	Mail newsroom.MailSettings
	mail *notify.Email
	// TimeZone is the newsroom's time zone until an admin sets one on the settings page (nil:
	// UTC).
	TimeZone      *time.Location
	srv           *server.Server
	metricsServer *http.Server
	store         *store.Store
	httpServer    *http.Server
	listener      net.Listener
	stopScheduler func()
	stopNotify    func()
}

// Run opens and migrates the database, and starts serving in the background.
func (m *Main) Run(ctx context.Context) error {
	pol, err := loadPolicy(m.PolicyDir)
	if err != nil {
		return err
	}
	if m.store, err = store.Open(m.DBPath, store.Options{Policy: pol, TimeZone: m.TimeZone, Logger: m.Logger, AllowLocalWebhooks: m.AllowLocalWebhooks}); err != nil {
		return err
	}
	if _, err := m.store.Migrate(ctx); err != nil {
		return err
	}
	if err := m.store.CheckWorkflow(ctx); err != nil {
		return err
	}
	if m.listener, err = net.Listen("tcp", m.Addr); err != nil {
		return err
	}
	m.mail = &notify.Email{Flags: m.Mail, Saved: m.store.MailSettings}
	m.srv = server.New(m.store, server.Config{Logger: m.Logger, Site: m.Site, DefaultBaseURL: m.URL(), TrustedProxies: m.TrustedProxies, SecureCookies: m.SecureCookies, Mail: m.mail})
	m.mail.Site = m.srv.Site
	if err := m.serveMetrics(); err != nil {
		return err
	}
	m.httpServer = m.newHTTPServer(m.srv.Handler())
	go func() {
		if err := m.httpServer.Serve(m.listener); err != nil && !errors.Is(err, http.ErrServerClosed) {
			m.Logger.Error("serve", "err", err)
		}
	}()
	hooks := notify.NewWebhooks(m.store, "", nil)
	hooks.Site, hooks.AllowLocal = m.srv.Site, m.AllowLocalWebhooks
	digest := notify.NewDigest(m.store, m.mail, clock.System)
	m.stopScheduler = scheduler.Start(m.store, scheduler.Config{Logger: m.Logger, Digest: digest.Run})
	m.stopNotify = notify.Start(m.store, notify.Config{Logger: m.Logger, Lease: m.DeliveryLease,
		Channels: map[string]notify.Channel{
			newsroom.ChannelWebhook: hooks,
			newsroom.ChannelEmail:   m.mail,
		}})
	return nil
}

// URL is where the server listens.
func (m *Main) URL() string {
	return "http://" + m.listener.Addr().String()
}

// Close stops accepting requests, lets those under way finish (up to 10 seconds) while the
// scheduler still reads other servers' events for them, stops the scheduler (a release under
// way finishes) and the delivery worker (a send under way finishes, within its timeout), and
// closes the database.
func (m *Main) Close() error {
	var errs []error
	if m.httpServer != nil {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		errs = append(errs, m.httpServer.Shutdown(ctx))
	}
	if m.stopScheduler != nil {
		m.stopScheduler()
	}
	if m.stopNotify != nil {
		m.stopNotify()
	}
	if m.metricsServer != nil {
		errs = append(errs, m.metricsServer.Close())
	}
	if m.store != nil {
		errs = append(errs, m.store.Close())
	}
	return errors.Join(errs...)
}

func serveCmd(ctx context.Context, args []string, e env) error {
	fs := newFlags(e, "serve", "serve [--addr HOST:PORT] [--db FILE] [--demo] [--policies DIR] [--footer-file FILE] [--base-url URL] [--site-name NAME …] [--log-level LEVEL] [--secure-cookies[=false]] [--time-zone ZONE] [--smtp-host HOST …] [--allow-local-webhooks]",
		"Runs Copydesk. A new database file is created and migrated on first start. SIGINT or SIGTERM shuts it down gracefully.")
	def := e.getenv("COPYDESK_ADDR")
	if def == "" {
		def = "127.0.0.1:8080"
	}
	addr := fs.String("addr", def, "listen address (env COPYDESK_ADDR)")
	db := dbFlag(fs, e)
	withDemo := fs.Bool("demo", false, "fill the database with a demo newsroom first, if it has no users yet")
	policyDir := policiesFlag(fs, e)
	footerFile := footerFlag(fs, e)
	metricsAddr := fs.String("metrics-addr", e.getenv("COPYDESK_METRICS_ADDR"), "also serve /metrics, without authentication, on this address for a scraper, e.g. 127.0.0.1:9090 (env COPYDESK_METRICS_ADDR)")
	baseURL := fs.String("base-url", e.getenv("COPYDESK_BASE_URL"), "public URL of the site, for links in feeds and ninjs (env COPYDESK_BASE_URL; default: the site settings page's, or the listen address)")
	site := addSiteFlags(fs, e)
	levelDef := e.getenv("COPYDESK_LOG_LEVEL")
	if levelDef == "" {
		levelDef = "info"
	}
	logLevel := fs.String("log-level", levelDef, "what the log keeps: debug (every request too), info, warn or error (env COPYDESK_LOG_LEVEL; default info, with requests the server failed logged as errors)")
	timeouts := timeoutFlags(fs)
	mailFlags := addMailFlags(fs, e)
	lease, err := envDuration(e, "COPYDESK_DELIVERY_LEASE")
	if err != nil {
		return err
	}
	deliveryLease := fs.Duration("delivery-lease", lease, "how long a server holds a notification it is sending before another server may take it over, when it died (env COPYDESK_DELIVERY_LEASE; default 1m)")
	localDef, err := envBool(e, "COPYDESK_ALLOW_LOCAL_WEBHOOKS")
	if err != nil {
		return err
	}
	localHooks := fs.Bool("allow-local-webhooks", localDef, "let webhooks post to the local network (loopback, private and link-local addresses), as to a chat server on this machine or network; by default they reach only public addresses, so that whoever adds one cannot make the server post into its own network (env COPYDESK_ALLOW_LOCAL_WEBHOOKS)")
	zoneName := fs.String("time-zone", e.getenv("COPYDESK_TIME_ZONE"), "the newsroom's time zone, an IANA name such as Europe/London, until an admin sets one on the settings page, whose choice then wins (env COPYDESK_TIME_ZONE; default UTC)")
	proxies := fs.String("trusted-proxies", e.getenv("COPYDESK_TRUSTED_PROXIES"), "comma-separated addresses or CIDR ranges of the reverse proxies in front of Copydesk, whose X-Forwarded-For then names the client for sign-in throttling (env COPYDESK_TRUSTED_PROXIES; default: none, the connection's address counts)")
	var secure optionalBool
	fs.Var(&secure, "secure-cookies", "the site is reached over https only: Secure cookies named with the __Host- prefix, and HSTS (env COPYDESK_SECURE_COOKIES; default: on if --base-url is https, --trusted-proxies is set or --addr is not a loopback address)")
	if v := e.getenv("COPYDESK_SECURE_COOKIES"); v != "" {
		if err := secure.Set(v); err != nil {
			return fmt.Errorf("COPYDESK_SECURE_COOKIES: %q is not true or false", v)
		}
	}
	if _, err := parseArgs(fs, args); err != nil {
		return err
	}
	trusted, err := parseProxies(*proxies)
	if err != nil {
		return err
	}
	if err := timeouts.check(); err != nil {
		return err
	}
	mail, err := mailFlags.settings(e)
	if err != nil {
		return err
	}
	zone, err := parseZone(*zoneName)
	if err != nil {
		return err
	}
	policy := memory.Apply(e.getenv)
	siteFlags, err := site.settings(*baseURL, *footerFile)
	if err != nil {
		return err
	}
	level, err := parseLogLevel(*logLevel)
	if err != nil {
		return err
	}
	if *withDemo {
		if err := demoIfEmpty(ctx, *db, *policyDir, e); err != nil {
			return err
		}
	}
	secureOn, why := secureCookies(secure, *addr, *baseURL, trusted)
	m := &Main{Addr: *addr, DBPath: *db, PolicyDir: *policyDir, MetricsAddr: *metricsAddr, TrustedProxies: trusted, SecureCookies: secureOn, Timeouts: *timeouts, Mail: mail, DeliveryLease: *deliveryLease, TimeZone: zone, AllowLocalWebhooks: *localHooks,
		Logger: slog.New(slog.NewJSONHandler(e.stderr, &slog.HandlerOptions{Level: level})),
		Site:   siteFlags}
	if err := m.Run(ctx); err != nil {
		m.Close()
		return err
	}
	fmt.Fprintf(e.stdout, "Copydesk is listening on %s (database %s)\n", m.URL(), store.Redact(*db))
	fmt.Fprintf(e.stdout, "Memory: %s\n", policy)
	fmt.Fprintf(e.stdout, "Cookies: %s\n", cookiePolicy(m.SecureCookies, why))
	fmt.Fprintf(e.stdout, "Webhooks: %s\n", webhookReach(m.AllowLocalWebhooks))
	if m.MetricsAddr != "" {
		fmt.Fprintf(e.stdout, "Metrics for a scraper on http://%s/metrics\n", m.MetricsAddr)
	}
	<-ctx.Done()
	fmt.Fprintln(e.stdout, "shutting down")
	return m.Close()
}

// envDuration reads the duration the environment variable name holds, 0 when it is unset.
func envDuration(e env, name string) (time.Duration, error) {
	v := e.getenv(name)
	if v == "" {
		return 0, nil
	}
	d, err := time.ParseDuration(v)
	if err != nil || d < 0 {
		return 0, fmt.Errorf("%s: %q is not a duration such as 30s or 2m", name, v)
	}
	return d, nil
}

// envBool reads the boolean the environment variable name holds, false when it is unset.
func envBool(e env, name string) (bool, error) {
	v := e.getenv(name)
	if v == "" {
		return false, nil
	}
	b, err := strconv.ParseBool(v)
	if err != nil {
		return false, fmt.Errorf("%s: %q is not true or false", name, v)
	}
	return b, nil
}

// webhookReach is the start-up line's account of where webhooks may post.
func webhookReach(local bool) string {
	if local {
		return "may post to the local network too (--allow-local-webhooks)"
	}
	return "public addresses only (--allow-local-webhooks lets them reach the local network)"
}

// parseLogLevel reads --log-level: debug, info, warn or error, in any case.
func parseLogLevel(name string) (slog.Level, error) {
	levels := map[string]slog.Level{"debug": slog.LevelDebug, "info": slog.LevelInfo, "warn": slog.LevelWarn, "error": slog.LevelError}
	level, ok := levels[strings.ToLower(strings.TrimSpace(name))]
	if !ok {
		return 0, fmt.Errorf("--log-level: %q is not debug, info, warn or error", name)
	}
	return level, nil
}

// parseZone reads --time-zone: an IANA zone name, or nothing for UTC.
func parseZone(name string) (*time.Location, error) {
	if name == "" {
		return nil, nil
	}
	zone, err := newsroom.ParseTimeZone(name)
	if err != nil {
		return nil, fmt.Errorf("--time-zone: %s", newsroom.ErrorMessage(err))
	}
	return zone, nil
}

// parseProxies reads --trusted-proxies: addresses and CIDR ranges, comma-separated.
func parseProxies(s string) ([]*net.IPNet, error) {
	var nets []*net.IPNet
	for _, item := range strings.Split(s, ",") {
		item = strings.TrimSpace(item)
		if item == "" {
			continue
		}
		if _, n, err := net.ParseCIDR(item); err == nil {
			nets = append(nets, n)
			continue
		}
		ip := net.ParseIP(item)
		if ip == nil {
			return nil, fmt.Errorf("--trusted-proxies: %q is neither an address nor a CIDR range", item)
		}
		bits := 8 * net.IPv6len
		if ip.To4() != nil {
			ip, bits = ip.To4(), 8*net.IPv4len
		}
		nets = append(nets, &net.IPNet{IP: ip, Mask: net.CIDRMask(bits, bits)})
	}
	return nets, nil
}

// optionalBool is a boolean flag that knows whether it was given, so that its default can
// depend on another flag's value.
type optionalBool struct {
	set, value bool
}

func (b *optionalBool) String() string { return strconv.FormatBool(b.value) }

func (b *optionalBool) Set(s string) error {
	v, err := strconv.ParseBool(s)
	if err != nil {
		return err
	}
	b.set, b.value = true, v
	return nil
}

// IsBoolFlag lets the flag stand alone: --secure-cookies means --secure-cookies=true.
func (b *optionalBool) IsBoolFlag() bool { return true }

// demoIfEmpty seeds the demo newsroom unless the database already has users.
func demoIfEmpty(ctx context.Context, path, policyDir string, e env) error {
	st, _, err := openStore(ctx, path, policyDir)
	if err != nil {
		return err
	}
	defer st.Close()
	if n, err := st.CountUsers(ctx); err != nil || n > 0 {
		return err
	}
	return seedDemo(ctx, st, e)
}
