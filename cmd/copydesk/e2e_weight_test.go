package main

import (
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/chromedp/chromedp"
)

// draftPageBudget is the most the draft page of a long piece may weigh on a first visit: the
// page, its stylesheet and its scripts, as the browser fetches them with an empty cache.
const draftPageBudget = 150_000

// longBody is a body of words paragraphs of 60 words each, with a quotation in every fifth.
func longBody(words int) string {
	vocabulary := strings.Fields("the harbour council voted on the ferry plan after a long night of debate while residents " +
		"waited outside and the mayor read figures on costs crossings timetables and the old pier that storms broke last winter")
	var paras []string
	for p := 0; p*60 < words; p++ {
		var w []string
		for i := 0; i < 60 && p*60+i < words; i++ {
			w = append(w, vocabulary[(p*7+i*3)%len(vocabulary)])
		}
		para := strings.Join(w, " ") + "."
		if p%5 == 0 {
			para = fmt.Sprintf("“%s,” said councillor %d.", strings.Join(w[:8], " "), p) + " " + strings.Join(w[8:], " ") + "."
		}
		paras = append(paras, para)
	}
	return strings.Join(paras, "\n")
}

// pageWeight is what the browser's navigation and resource timing entries say of a page load:
// bytes over the wire on this load, bytes the page and its resources weigh with an empty cache
// (encoded, as sent, and decoded), and when its first byte came, when it became interactive and
// when it finished loading, in milliseconds from the start of the navigation.
type pageWeight struct {
	Transferred, Cold, Decoded, PageEncoded, PageDecoded int
	Resources                                            int
	FirstByte, Interactive, ContentLoaded, Loaded        float64
}

// measure reads the current page's weight and timing once it has finished loading.
func (b *browser) measure() pageWeight {
	b.t.Helper()
	var w pageWeight
	for deadline := time.Now().Add(15 * time.Second); w.Loaded <= 0; time.Sleep(50 * time.Millisecond) {
		if time.Now().After(deadline) {
			b.t.Fatal("the page did not finish loading")
		}
		b.run(chromedp.Evaluate(`(() => {
			const nav = performance.getEntriesByType("navigation")[0];
			const all = [nav, ...performance.getEntriesByType("resource")];
			const sum = f => all.reduce((n, e) => n + f(e), 0);
			return {transferred: sum(e => e.transferSize), cold: sum(e => Math.max(e.transferSize, e.encodedBodySize)),
				decoded: sum(e => e.decodedBodySize), pageEncoded: nav.encodedBodySize, pageDecoded: nav.decodedBodySize,
				resources: all.length - 1, firstByte: nav.responseStart, interactive: nav.domInteractive, contentLoaded: nav.domContentLoadedEventEnd, loaded: nav.loadEventEnd};
		})()`, &w))
	}
	return w
}

// TestBrowserDraftPageWeight loads, as the editor, the draft page of a 1,500-word piece with
// five verified quotes and 20 comments, and holds it to the budget; it reports how long the page
// took to become interactive on this machine, which it does not assert.
func TestBrowserDraftPageWeight(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test")
	}
	b := startBrowser(t, "writer", "factchecker", "editor")
	body := longBody(1500)
	writer, factchecker, editor := b.apiAs("writer"), b.apiAs("factchecker"), b.apiAs("editor")
	var d struct{ ID int64 }
	writer.send("POST", "/api/v1/drafts", map[string]any{"title": "Harbour council backs ferry plan", "byline": "Sarah Johnson",
		"brief": "The council voted for the ferry.", "body": body, "topics": []string{"Harbour", "Transport"}}, http.StatusCreated, &d)
	draft := fmt.Sprintf("/api/v1/drafts/%d", d.ID)
	writer.send("POST", draft+"/transitions", map[string]any{"action": "submit"}, http.StatusOK, nil)
	var quotes []struct{ ID int64 }
	factchecker.send("GET", draft+"/quotes", nil, http.StatusOK, &quotes)
	for _, q := range quotes {
		factchecker.send("PUT", fmt.Sprintf("%s/quotes/%d", draft, q.ID), map[string]any{"status": "verified", "source": "council recording"}, http.StatusOK, nil)
	}
	factchecker.send("POST", draft+"/transitions", map[string]any{"action": "clear"}, http.StatusOK, nil)
	start := 0
	for i, para := range strings.Split(body, "\n")[:20] {
		end := start + utf8.RuneCountInString(strings.Join(strings.Fields(para)[:4], " "))
		editor.send("POST", draft+"/comments", map[string]any{"field": "body", "start": start, "end": end,
			"body": fmt.Sprintf("Comment %d: check these words against the minutes before this goes further.", i+1)}, http.StatusCreated, nil)
		start += utf8.RuneCountInString(para) + 1
	}

	b.signIn("editor")
	b.run(chromedp.Navigate(fmt.Sprintf("%s/drafts/%d", b.base, d.ID)), chromedp.WaitVisible(`#text`, chromedp.ByQuery))
	if n := b.count(`mark.commented`); n != 20 {
		t.Fatalf("%d comments highlighted, want 20", n)
	}
	w := b.measure()
	b.shotWidths("draft-page-20-comments")
	t.Logf("the draft page of %d words, %d quotes and 20 comments, as the editor: %d bytes transferred on this load, "+
		"%d bytes with an empty cache (%d decoded) in the page and %d resources; the page alone %d bytes as sent, %d decoded; "+
		"first byte at %.0f ms, DOM interactive at %.0f ms, DOMContentLoaded done at %.0f ms, load done at %.0f ms",
		len(strings.Fields(body)), len(quotes), w.Transferred, w.Cold, w.Decoded, w.Resources, w.PageEncoded, w.PageDecoded,
		w.FirstByte, w.Interactive, w.ContentLoaded, w.Loaded)
	if w.PageEncoded == w.PageDecoded {
		t.Logf("the page was sent uncompressed")
	}
	if w.Cold > draftPageBudget {
		t.Errorf("the draft page weighs %d bytes with an empty cache, over the budget of %d", w.Cold, draftPageBudget)
	}
}
