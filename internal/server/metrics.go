package server

import (
	"net/http"
	"strconv"
	"time"

	"github.com/labstack/echo/v4"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"github.com/copydesk/copydesk/internal/newsroom"
	"github.com/copydesk/copydesk/internal/policy"
)

// metrics are the server's Prometheus metrics. Each Server has its own registry, so that tests
// can run many servers in one process and read each one's counts.
type metrics struct {
	reg         *prometheus.Registry
	requests    *prometheus.CounterVec
	latency     *prometheus.HistogramVec
	transitions *prometheus.CounterVec
	publishes   *prometheus.CounterVec
	// routes are the patterns of the registered routes, the only route labels besides
	// unmatchedRoute (see labelRoutes).
	routes map[string]bool
}

// Labels for requests that name no route or method of ours. Anyone may send any path and any
// token as a method, and every distinct label value is a series kept in memory for the life
// of the process, so these are counted together.
const (
	unmatchedRoute = "unmatched"
	otherMethod    = "OTHER"
)

// standardMethods are the methods of RFC 9110 and PATCH: the method labels besides otherMethod.
var standardMethods = map[string]bool{
	http.MethodGet: true, http.MethodHead: true, http.MethodPost: true, http.MethodPut: true, http.MethodPatch: true,
	http.MethodDelete: true, http.MethodConnect: true, http.MethodOptions: true, http.MethodTrace: true,
}

func newMetrics() *metrics {
	m := &metrics{
		reg: prometheus.NewRegistry(),
		requests: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "copydesk_http_requests_total",
			Help: "HTTP requests answered, by route pattern, method and status.",
		}, []string{"route", "method", "status"}),
		latency: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name:    "copydesk_http_request_duration_seconds",
			Help:    "Time to answer an HTTP request, by route pattern and method.",
			Buckets: []float64{.001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5, 10},
		}, []string{"route", "method"}),
		transitions: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "copydesk_workflow_transitions_total",
			Help: "Workflow actions taken successfully, by action.",
		}, []string{"action"}),
		publishes: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "copydesk_publishes_total",
			Help: "Snapshots that went public, by kind: publish (now), release (a scheduled piece whose time came) and correction.",
		}, []string{"kind"}),
	}
	m.reg.MustRegister(m.requests, m.latency, m.transitions, m.publishes,
		collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	return m
}

// labelRoutes records the patterns of the registered routes. A request the router matched to
// none of them (a 404 for an unknown path) counts as unmatchedRoute; a 405 keeps the pattern of
// the route its path matched.
func (m *metrics) labelRoutes(routes []*echo.Route) {
	m.routes = make(map[string]bool, len(routes))
	for _, r := range routes {
		m.routes[r.Path] = true
	}
}

// routeLabel is the route label for a request the router matched to pattern ("" for none).
func (m *metrics) routeLabel(pattern string) string {
	if m.routes[pattern] {
		return pattern
	}
	return unmatchedRoute
}

// methodLabel is the method label for a request's method.
func methodLabel(method string) string {
	if standardMethods[method] {
		return method
	}
	return otherMethod
}

// count counts a change this process made: every workflow action as a transition, and what
// went public (published now, released, or corrected) as a publish of its kind.
func (m *metrics) count(e newsroom.Event) {
	switch e.Kind {
	case newsroom.EventTransitioned:
		m.transitions.WithLabelValues(e.Action).Inc()
	case newsroom.EventPublished, newsroom.EventReleased:
		m.transitions.WithLabelValues(e.Action).Inc()
		m.publishes.WithLabelValues(e.Action).Inc()
	case newsroom.EventCorrected:
		m.publishes.WithLabelValues("correction").Inc()
	}
}

// measure counts every request and times it, labelled by the route's pattern ("/api/v1/drafts/:id")
// rather than its URL, and by the method only when it is a standard one, so the number of
// series stays bounded whatever clients send. It runs outside logRequests, which has already
// turned an error into a response with its status. The server's own request for a page a move
// leads to (see settle) is no client's, and is not counted.
func (s *Server) measure(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		start := time.Now()
		err := next(c)
		if settling(c.Request().Context()) {
			return err
		}
		route, method := s.metrics.routeLabel(c.Path()), methodLabel(c.Request().Method)
		s.metrics.requests.WithLabelValues(route, method, strconv.Itoa(c.Response().Status)).Inc()
		s.metrics.latency.WithLabelValues(route, method).Observe(time.Since(start).Seconds())
		return err
	}
}

// MetricsHandler serves the metrics without authentication, for a scraper on a listen address
// of its own that only the monitoring network reaches (copydesk serve --metrics-addr).
func (s *Server) MetricsHandler() http.Handler {
	return promhttp.HandlerFor(s.metrics.reg, promhttp.HandlerOpts{})
}

// metricsPage serves the metrics on the main address to admins (bearer token or session).
func (s *Server) metricsPage(c echo.Context) error {
	u := newsroom.UserFrom(c.Request().Context())
	if u == nil {
		return newsroom.Errorf(newsroom.EUNAUTHORIZED, "sign in as an admin to read the metrics")
	}
	if err := s.store.Policy().Check(u, policy.MetricsRead, 0); err != nil {
		return err
	}
	s.MetricsHandler().ServeHTTP(c.Response(), c.Request())
	return nil
}
