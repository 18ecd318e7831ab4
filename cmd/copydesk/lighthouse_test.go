package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/url"
	"path/filepath"
	"strings"
	"testing"

	"github.com/copydesk/copydesk/internal/conformance"
	"github.com/copydesk/copydesk/internal/newsroom"
	"github.com/copydesk/copydesk/internal/store"
)

// TestLighthouse starts the real server with two published pieces, one of them a fact-check,
// and holds the front page and both articles to Lighthouse's SEO and accessibility categories
// at 100, in Debian's Chromium. The README reports the scores.
func TestLighthouse(t *testing.T) {
	p := lighthouseServer(t)
	pages := []string{"/"}
	for _, piece := range []struct{ title, claim string }{
		{"Harbour Ferry Gets the Go-Ahead", ""},
		{"Did Crime Double Last Year?", `{"claim":"Crime doubled last year.","claimed_by":"The Mayor","rating":"mostly_false","claim_date":"2026-11-30"}`},
	} {
		pages = append(pages, "/articles/"+publishPiece(t, p, piece.title, piece.claim))
	}
	for _, page := range pages {
		s := conformance.Lighthouse(t, p.url+page, "seo", "accessibility")
		t.Logf("Lighthouse %s: SEO %d, accessibility %d", page, s.Category["seo"], s.Category["accessibility"])
		if s.Category["seo"] != 100 || s.Category["accessibility"] != 100 {
			t.Errorf("Lighthouse %s: SEO %d, accessibility %d, want 100 each; failed: %s", page, s.Category["seo"], s.Category["accessibility"], strings.Join(s.Failed, "; "))
		}
	}
}

// TestLighthouseApp starts the real server with a piece in editing that has a quote, a comment
// and a reply, signs the editor in through the sign-in form, and holds the desk, the piece's page
// and the new-draft page, as the editor sees them, to Lighthouse's accessibility category at 100.
func TestLighthouseApp(t *testing.T) {
	p := lighthouseServer(t)
	tokens := map[string]string{}
	for _, name := range []string{"writer", "factchecker", "editor"} {
		tokens[name] = p.login(t, name)
	}
	call := func(who, method, path, body string, want int) string {
		t.Helper()
		status, answer := p.call(t, tokens[who], method, path, body)
		if status != want {
			t.Fatalf("%s %s: %d %s, want %d", method, path, status, answer, want)
		}
		return answer
	}
	newPiece := func(title string) int64 {
		t.Helper()
		text := fmt.Sprintf(`{"title":%q,"byline":"Sarah Johnson","brief":"The harbour council voted for the plan.","body":"The harbour council voted 7 to 2 on Tuesday.\nThe work starts in spring.","topics":["Harbour"]}`, title)
		var d struct{ ID int64 }
		if err := json.Unmarshal([]byte(call("writer", "POST", "/api/v1/drafts", text, http.StatusCreated)), &d); err != nil {
			t.Fatal(err)
		}
		return d.ID
	}
	text := `{"title":"Harbour Ferry Gets the Go-Ahead","byline":"Sarah Johnson","brief":"The harbour council voted for the plan.","body":"The harbour council voted 7 to 2 on Tuesday.\n“It is a good day for the town,” the mayor said.","topics":["Harbour"]}`
	var d struct{ ID int64 }
	if err := json.Unmarshal([]byte(call("writer", "POST", "/api/v1/drafts", text, http.StatusCreated)), &d); err != nil {
		t.Fatal(err)
	}
	path := fmt.Sprintf("/api/v1/drafts/%d", d.ID)
	call("writer", "POST", path+"/transitions", `{"action":"submit"}`, http.StatusOK)
	var quotes []struct{ ID int64 }
	if err := json.Unmarshal([]byte(call("factchecker", "GET", path+"/quotes", "", http.StatusOK)), &quotes); err != nil || len(quotes) == 0 {
		t.Fatalf("quotes %v: %v", quotes, err)
	}
	call("factchecker", "PUT", fmt.Sprintf("%s/quotes/%d", path, quotes[0].ID), `{"status":"verified","source":"recording"}`, http.StatusOK)
	call("factchecker", "POST", path+"/transitions", `{"action":"clear"}`, http.StatusOK)
	var c struct{ ID int64 }
	if err := json.Unmarshal([]byte(call("editor", "POST", path+"/comments", `{"field":"body","start":4,"end":11,"body":"Which harbour council?"}`, http.StatusCreated)), &c); err != nil {
		t.Fatal(err)
	}
	call("writer", "POST", fmt.Sprintf("/api/v1/comments/%d/replies", c.ID), `{"body":"The Eastport one, @editor."}`, http.StatusCreated)

	approved := newPiece("Council Backs the Ferry Budget")
	for _, step := range []struct{ who, action string }{{"writer", "submit"}, {"factchecker", "clear"}, {"editor", "approve"}} {
		call(step.who, "POST", fmt.Sprintf("/api/v1/drafts/%d/transitions", approved), `{"action":"`+step.action+`"}`, http.StatusOK)
	}
	draft := newPiece("Ferry Timetable Drafted")

	for _, page := range []struct{ who, path string }{
		{"editor", "/desk"}, {"editor", fmt.Sprintf("/drafts/%d", d.ID)}, {"editor", "/drafts/new"},
		{"editor", fmt.Sprintf("/drafts/%d", approved)}, {"editor", "/inbox"}, {"editor", "/budget"},
		{"writer", fmt.Sprintf("/drafts/%d?edit=1", draft)}, {"factchecker", "/desk"},
	} {
		s := conformance.LighthouseWith(t, p.url+page.path, sessionHeader(t, p, page.who), "accessibility")
		if s.URL != p.url+page.path {
			t.Fatalf("Lighthouse audited %s, not %s: the %s is not signed in", s.URL, p.url+page.path, page.who)
		}
		t.Logf("Lighthouse %s as the %s: accessibility %d", page.path, page.who, s.Category["accessibility"])
		if s.Category["accessibility"] != 100 {
			t.Errorf("Lighthouse %s as the %s: accessibility %d, want 100; failed: %s", page.path, page.who, s.Category["accessibility"], strings.Join(s.Failed, "; "))
		}
	}
}

// sessionHeader signs user in through the sign-in form and returns the Cookie header a browser
// then sends.
func sessionHeader(t *testing.T, p *serveProc, user string) map[string]string {
	t.Helper()
	b := newBrowser(t)
	p.signIn(t, b, user)
	u, err := url.Parse(p.url)
	if err != nil {
		t.Fatal(err)
	}
	var cookies []string
	for _, ck := range b.Jar.Cookies(u) {
		cookies = append(cookies, ck.String())
	}
	return map[string]string{"Cookie": strings.Join(cookies, "; ")}
}

// publishPiece takes a new piece with no quotations through the default workflow over the API,
// marks it as a fact-check when claim is not empty, publishes it, and returns its slug.
func publishPiece(t *testing.T, p *serveProc, title, claim string) string {
	t.Helper()
	tokens := map[string]string{}
	for _, name := range []string{"writer", "factchecker", "editor"} {
		tokens[name] = p.login(t, name)
	}
	call := func(who, method, path, body string, want int) string {
		t.Helper()
		status, answer := p.call(t, tokens[who], method, path, body)
		if status != want {
			t.Fatalf("%s %s: %d %s, want %d", method, path, status, answer, want)
		}
		return answer
	}
	text := fmt.Sprintf(`{"title":%q,"byline":"Sarah Johnson","brief":"The harbour council voted for the plan.","body":"The harbour council voted 7 to 2 on Tuesday.\nThe work starts in spring.","topics":["Harbour"]}`, title)
	var d struct{ ID int64 }
	if err := json.Unmarshal([]byte(call("writer", "POST", "/api/v1/drafts", text, http.StatusCreated)), &d); err != nil {
		t.Fatal(err)
	}
	path := fmt.Sprintf("/api/v1/drafts/%d", d.ID)
	for _, step := range []struct{ who, action string }{{"writer", "submit"}, {"factchecker", "clear"}, {"editor", "approve"}} {
		call(step.who, "POST", path+"/transitions", `{"action":"`+step.action+`"}`, http.StatusOK)
	}
	if claim != "" {
		call("editor", "PUT", path+"/claim", claim, http.StatusOK)
	}
	var pub struct{ Slug string }
	if err := json.Unmarshal([]byte(call("editor", "POST", path+"/publish", "", http.StatusOK)), &pub); err != nil {
		t.Fatal(err)
	}
	return pub.Slug
}

// lighthouseServer starts the real server on a new database with a writer, a fact-checker and an
// editor, each signing in with "pw-NAME-staple".
func lighthouseServer(t *testing.T) *serveProc {
	t.Helper()
	db := filepath.Join(t.TempDir(), "lighthouse.db")
	st, _, err := openStore(context.Background(), db, "")
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"writer", "factchecker", "editor"} {
		u := store.NewUser{Username: name, Name: strings.ToUpper(name[:1]) + name[1:], Role: newsroom.Role(name), Password: "pw-" + name + "-staple"}
		if _, err := st.CreateUser(store.AsOperator(context.Background()), u); err != nil {
			t.Fatal(err)
		}
	}
	st.Close()
	m := &Main{Addr: "127.0.0.1:0", DBPath: db, Logger: slog.New(slog.NewTextHandler(io.Discard, nil))}
	if err := m.Run(context.Background()); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { m.Close() })
	return &serveProc{url: m.URL()}
}
