package main

import (
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// smallTargets names the controls of the page shown that a finger cannot be sure to hit: those
// less than 44 CSS pixels high or wide (WCAG 2.5.5). A link within a sentence (a line with words
// of its own beside it, outside a list of links) is as high as its line, as WCAG allows, and is
// left out; a checkbox or radio button counts with its label, which
// takes the tap too.
func (b *browser) smallTargets() []string {
	b.t.Helper()
	var names []string
	b.run(chromedp.Evaluate(`(() => {
		const name = e => e.tagName.toLowerCase() + (e.id ? "#" + e.id : "") + (e.name ? "[name=" + e.name + "]" : "") + " “" + (e.textContent || e.value || "").trim().slice(0, 24) + "”";
		const inline = e => getComputedStyle(e).display.startsWith("inline");
		const lineText = e => Array.from(e.childNodes).map(n => n.nodeType === Node.TEXT_NODE ? n.textContent : n.nodeType === Node.ELEMENT_NODE && inline(n) ? lineText(n) : "").join("");
		const inSentence = a => {
			let block = a.parentElement;
			while (inline(block)) block = block.parentElement;
			return lineText(block).trim() !== a.textContent.trim() && !a.closest("nav, .filters, .tabs");
		};
		const out = [];
		for (const e of document.querySelectorAll("a[href], button, input:not([type=hidden]), select, textarea, summary")) {
			if (!e.getClientRects().length || e.closest("[hidden], .visually-hidden") || e.matches(".skip-link")) continue;
			if (e.matches("a") && inSentence(e)) continue;
			const target = e.matches("input[type=checkbox], input[type=radio]") && e.closest("label") || e;
			const r = target.getBoundingClientRect();
			if (r.height < 43.5 || r.width < 43.5) out.push(name(e) + " " + Math.round(r.width) + "×" + Math.round(r.height));
		}
		return out;
	})()`, &names))
	return names
}

// TestBrowserTapTargets walks, at a phone's width (390 px), the pages a writer, a fact-checker
// and an editor use all day and the public pages readers see: every control on them is at least
// 44 px high and wide, so that a finger hits the one it meant. The header's links were 20 px
// high, the stage filters, Sign out, Claim and the workspace's tabs and fields under 44.
func TestBrowserTapTargets(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test")
	}
	b := startBrowser(t, "writer", "factchecker", "editor")
	const body, quoted = "The harbour council voted 7 to 2 for the new ferry on Tuesday night.", "“We waited ten years for this,” said Mayor Ana Ruiz."
	editor := b.apiAs("editor")
	var pub struct{ Slug string }
	editor.send("POST", fmt.Sprintf("/api/v1/drafts/%d/publish", b.approvedDraft(body)), map[string]string{}, http.StatusOK, &pub)
	var checking struct{ ID int64 }
	b.apiAs("writer").send("POST", "/api/v1/drafts", map[string]any{"title": "Ferry fares rise", "byline": "Sarah Johnson", "brief": "Fares rise.", "body": body + "\n" + quoted}, http.StatusCreated, &checking)
	b.apiAs("writer").send("POST", fmt.Sprintf("/api/v1/drafts/%d/transitions", checking.ID), map[string]string{"action": "submit"}, http.StatusOK, nil)
	editing := b.draftInEditing(body)
	editor.send("POST", fmt.Sprintf("/api/v1/drafts/%d/comments", editing), map[string]any{"field": "body", "quote": map[string]string{"exact": "7 to 2"}, "body": "Was it 7 to 2?"}, http.StatusCreated, nil)

	b.run(chromedp.EmulateViewport(390, 844))
	check := func(page string, tabs ...string) {
		t.Helper()
		b.run(chromedp.Navigate(b.base+page), chromedp.WaitVisible(`main`, chromedp.ByQuery))
		for _, tab := range append([]string{""}, tabs...) {
			if tab != "" {
				b.run(chromedp.Click(tab, chromedp.ByQuery))
				b.settle()
			}
			if small := b.smallTargets(); len(small) > 0 {
				t.Errorf("%s %s at 390 px: these controls are under 44 px: %v", page, tab, small)
			}
		}
		b.shot("targets" + strings.ReplaceAll(strings.ReplaceAll(page, "/", "-"), "?", "-"))
	}
	check("/")
	check("/articles/" + pub.Slug)
	check("/topics")
	check("/search?q=ferry")
	b.signIn("factchecker")
	check("/desk")
	check("/inbox")
	check(fmt.Sprintf("/drafts/%d", checking.ID), "#tab-quotes", "#tab-history")
	b.signOut()
	b.signIn("editor")
	check("/desk")
	check("/drafts/new")
	check(fmt.Sprintf("/drafts/%d", editing), "#tab-comments", "#tab-quotes")
}
