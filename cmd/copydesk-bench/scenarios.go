package main

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"net/http"
	"strconv"
	"sync/atomic"

	"github.com/copydesk/copydesk/internal/newsroom"
	"github.com/copydesk/copydesk/internal/publish"
)

// scenarioIDs are the scenarios in the order they run; the baseline runs first and again last.
var scenarioIDs = []string{"7", "1", "2", "3", "4", "5", "6a", "6b", "6c", "6d", "6e", "6i"}

// scenario is one kind of request the issue asks about. clients builds one request function
// per concurrent client, doing any per-client preparation (such as reading the draft a client
// will save) before the clock starts.
type scenario struct {
	ID, Name string
	Warmup   bool // a read: worth a short unmeasured warm-up first
	clients  func(n int) ([]request, error)
}

// bench is everything the scenarios share: the HTTP client, the servers and the newsroom.
type bench struct {
	hc       *http.Client
	appURLs  []string // the app servers, asked in turn
	clients  int      // app clients made so far, so that each starts at the next server
	baseURL  string   // the bare Echo baseline
	nr       *newsroomDB
	editor   string // bearer tokens
	checker  string
	writers  map[string]string // writer username → token
	payload  int               // size of the baseline's body
	scenario map[string]scenario

	stopBaseline func()
}

// app returns a client of the app servers. Each client asks them in turn, starting with the
// server after the one the previous client started with, so that every server gets an equal
// share of every scenario's requests whatever their number.
func (b *bench) app() *client {
	b.clients++
	return &client{hc: b.hc, bases: b.appURLs, next: b.clients}
}

// login signs in through the API and returns the token.
func (b *bench) login(a account) (string, error) {
	body, _ := json.Marshal(map[string]string{"username": a.Username, "password": a.Password})
	out, err := b.app().call("POST", "/api/v1/login", "", body, nil, http.StatusOK)
	if err != nil {
		return "", err
	}
	var res struct{ Token string }
	return res.Token, json.Unmarshal(out, &res)
}

// each builds n request functions with mk, giving each its own random source.
func each(n int, mk func(i int, r *rand.Rand) (request, error)) ([]request, error) {
	reqs := make([]request, n)
	for i := range reqs {
		var err error
		if reqs[i], err = mk(i, rand.New(rand.NewPCG(uint64(i), 42))); err != nil {
			return nil, err
		}
	}
	return reqs, nil
}

// get is a request function that GETs path (from pick) and wants status want.
func get(c *client, token string, header map[string]string, want int, pick func() string) request {
	return func() (int64, error) {
		body, err := c.call("GET", pick(), token, nil, header, want)
		return int64(len(body)), err
	}
}

// browser is what a reader's browser asks of a public page besides its URL: a compressed answer,
// which the server sends from the compressed copy it keeps (the client takes the bytes as sent).
var browser = map[string]string{"Accept-Encoding": "gzip, deflate, br"}

// scenarios returns the scenarios by id.
func (b *bench) scenarios() map[string]scenario {
	nr := b.nr
	list := []scenario{
		{"7", "baseline: bare Echo, same JSON from memory", true, func(n int) ([]request, error) {
			return each(n, func(i int, r *rand.Rand) (request, error) {
				return get(&client{hc: b.hc, bases: []string{b.baseURL}}, "", nil, 200, func() string { return "/draft" }), nil
			})
		}},
		{"1", "GET /api/v1/drafts/{id} (editor)", true, func(n int) ([]request, error) {
			return each(n, func(i int, r *rand.Rand) (request, error) {
				return get(b.app(), b.editor, nil, 200, func() string { return "/api/v1/drafts/" + strconv.Itoa(1+r.IntN(nr.Drafts)) }), nil
			})
		}},
		{"2", "GET /api/v1/drafts?stage=editing, 1st page", true, func(n int) ([]request, error) {
			return each(n, func(i int, r *rand.Rand) (request, error) {
				return get(b.app(), b.editor, nil, 200, func() string { return "/api/v1/drafts?stage=editing" }), nil
			})
		}},
		{"3", "PUT /api/v1/drafts/{id}: save 1,500 words", false, b.saveClients},
		{"4", "POST …/transitions: recheck / clear", false, b.transitionClients},
		{"5", "POST …/publish (approved → published)", false, b.publishClients},
		{"6a", "GET /articles/{slug} (public HTML)", true, func(n int) ([]request, error) {
			return each(n, func(i int, r *rand.Rand) (request, error) {
				return get(b.app(), "", browser, 200, func() string { return "/articles/" + nr.Slugs[r.IntN(len(nr.Slugs))] }), nil
			})
		}},
		{"6b", "GET /feed.atom (public)", true, func(n int) ([]request, error) {
			return each(n, func(i int, r *rand.Rand) (request, error) {
				return get(b.app(), "", browser, 200, func() string { return "/feed.atom" }), nil
			})
		}},
		{"6c", "GET /articles/{slug}, If-None-Match → 304", true, b.revalidateClients},
		{"6d", "GET /topics/{slug} (public HTML)", true, func(n int) ([]request, error) {
			return each(n, func(i int, r *rand.Rand) (request, error) {
				return get(b.app(), "", browser, 200, func() string { return publish.TopicPath(nr.Topics[r.IntN(len(nr.Topics))]) }), nil
			})
		}},
		{"6e", "GET /sitemap.xml (public)", true, func(n int) ([]request, error) {
			return each(n, func(i int, r *rand.Rand) (request, error) {
				return get(b.app(), "", browser, 200, func() string { return "/sitemap.xml" }), nil
			})
		}},
		{"6i", "GET /images/{hash}.jpg (a lead image, 1024 wide)", true, b.imageClients},
	}
	m := map[string]scenario{}
	for _, s := range list {
		m[s.ID] = s
	}
	return m
}

// saveClients gives each client a draft of its own in stage draft, saved by its writer: every
// save adds or removes a sentence at the top of the body, so that all five quotes and all
// twenty comments shift and the ledger and anchors are updated, as after a real edit.
func (b *bench) saveClients(n int) ([]request, error) {
	ids := b.nr.ByStage[newsroom.StageDraft]
	return each(n, func(i int, r *rand.Rand) (request, error) {
		id := ids[i]
		token := b.writers[b.nr.WriterOf[id].Username]
		c, path := b.app(), "/api/v1/drafts/"+strconv.FormatInt(id, 10)
		var d struct {
			Body    string `json:"body"`
			Version int    `json:"version"`
		}
		out, err := c.call("GET", path, token, nil, nil, 200)
		if err == nil {
			err = json.Unmarshal(out, &d)
		}
		if err != nil {
			return nil, fmt.Errorf("read draft %d to save: %w", id, err)
		}
		// The two bodies are encoded once, so that the clients, which share the machine with
		// the server, spend little of it.
		bodies := [2][]byte{}
		bodies[0], _ = json.Marshal(editedBody(d.Body))
		bodies[1], _ = json.Marshal(d.Body)
		turn, buf := 0, make([]byte, 0, len(bodies[0])+64)
		return func() (int64, error) {
			buf = append(append(append(buf[:0], `{"body":`...), bodies[turn]...), `,"version":`...)
			buf = append(strconv.AppendInt(buf, int64(d.Version), 10), '}')
			out, err := c.call("PUT", path, token, buf, nil, 200)
			if err != nil {
				return 0, err
			}
			var got struct{ Version int }
			if err := json.Unmarshal(out, &got); err != nil {
				return 0, err
			}
			turn, d.Version = 1-turn, got.Version
			return int64(len(out)), nil
		}, nil
	})
}

// transitionClients gives each client a draft of its own in stage editing, with every quote
// verified, and alternates the editor's recheck (editing → fact_check) with the fact-checker's
// clear (fact_check → editing), which runs the quote gate. Both are always legal in turn.
func (b *bench) transitionClients(n int) ([]request, error) {
	ids := b.nr.ByStage[newsroom.StageEditing]
	return each(n, func(i int, r *rand.Rand) (request, error) {
		c, path := b.app(), "/api/v1/drafts/"+strconv.FormatInt(ids[len(ids)-1-i], 10)+"/transitions"
		recheck := true
		return func() (int64, error) {
			token, body := b.editor, []byte(`{"action":"recheck"}`)
			if !recheck {
				token, body = b.checker, []byte(`{"action":"clear"}`)
			}
			out, err := c.call("POST", path, token, body, nil, 200)
			if err == nil {
				recheck = !recheck
			}
			return int64(len(out)), err
		}, nil
	})
}

// publishClients share the pool of approved drafts; each request publishes the next one, and a
// client stops when the pool is used up.
func (b *bench) publishClients(n int) ([]request, error) {
	pool := b.nr.ByStage[newsroom.StageApproved]
	var next atomic.Int64
	return each(n, func(i int, r *rand.Rand) (request, error) {
		c := b.app()
		return func() (int64, error) {
			k := next.Add(1) - 1
			if k >= int64(len(pool)) {
				return 0, errStop
			}
			out, err := c.call("POST", "/api/v1/drafts/"+strconv.FormatInt(pool[k], 10)+"/publish", b.editor, nil, nil, 200)
			return int64(len(out)), err
		}, nil
	})
}

// revalidateClients ask for articles they already hold, sending the ETag they were given, as a
// browser or a cache does; the answer must be 304 Not Modified.
func (b *bench) revalidateClients(n int) ([]request, error) {
	slugs := b.nr.Slugs[:min(256, len(b.nr.Slugs))]
	etags := make([]string, len(slugs))
	c := b.app()
	for k, s := range slugs {
		res, err := b.hc.Get(c.base() + "/articles/" + s)
		if err != nil {
			return nil, err
		}
		res.Body.Close()
		if etags[k] = res.Header.Get("ETag"); res.StatusCode != 200 || etags[k] == "" {
			return nil, fmt.Errorf("GET /articles/%s: status %d, ETag %q", s, res.StatusCode, etags[k])
		}
	}
	return each(n, func(i int, r *rand.Rand) (request, error) {
		c := b.app()
		return func() (int64, error) {
			k := r.IntN(len(slugs))
			out, err := c.call("GET", "/articles/"+slugs[k], "", nil, map[string]string{"If-None-Match": etags[k]}, http.StatusNotModified)
			return int64(len(out)), err
		}, nil
	})
}
