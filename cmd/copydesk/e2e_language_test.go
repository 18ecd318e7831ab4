package main

import (
	"fmt"
	"net/http"
	"net/url"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestBrowserRightToLeft writes a piece in Arabic in headless Chromium, sets its language with
// the draft page's control, publishes it, and reads both pages right to left: the title and
// paragraphs run from the right, and a paragraph's full stop sits at its left end, where Arabic
// ends a line.
func TestBrowserRightToLeft(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test")
	}
	b := startBrowser(t, "writer", "factchecker", "editor")
	tokens := map[string]string{}
	for _, u := range []string{"writer", "factchecker", "editor"} {
		var session struct{ Token string }
		if code := b.apiStatus("", "POST", "/api/v1/login", map[string]string{"username": u, "password": "pw-" + u + "-staple"}, &session); code != http.StatusOK {
			t.Fatalf("sign-in of %s: %d", u, code)
		}
		tokens[u] = session.Token
	}
	var d struct{ ID int64 }
	title := "مصر ترفض عرض القوات الأمريكية"
	b.apiStatus(tokens["writer"], "POST", "/api/v1/drafts", map[string]any{"title": title, "byline": "سارة أحمد",
		"brief": "رفضت الرئيسة عرض القوات، وأكدت السيادة.", "body": "رفضت الرئيسة عرضاً لإرسال قوات إلى البلاد.\nوقالت إن التعاون ممكن في تبادل المعلومات."}, &d)
	draftPage := fmt.Sprintf("%s/drafts/%d", b.base, d.ID)

	b.signIn("writer")
	b.run(chromedp.Navigate(draftPage+"?edit=1"), chromedp.WaitVisible(`input[name=language]`, chromedp.ByQuery),
		chromedp.SendKeys(`input[name=language]`, "ar", chromedp.ByQuery))
	b.submit(`#edit-save`)
	b.run(chromedp.Navigate(draftPage), chromedp.WaitVisible(`#text`, chromedp.ByQuery))
	if got := b.text(`.ws-field-language p`); got != "ar" {
		t.Fatalf("the draft page shows the language %q, want ar", got)
	}
	b.wantRightToLeft(`.ws-title .field-text`, `.ws-field-body .field-text p`)
	b.shotWidths("draft-arabic")

	path := fmt.Sprintf("/api/v1/drafts/%d", d.ID)
	for _, step := range []struct{ who, action string }{{"writer", "submit"}, {"factchecker", "clear"}, {"editor", "approve"}} {
		if code := b.apiStatus(tokens[step.who], "POST", path+"/transitions", map[string]string{"action": step.action}, nil); code != http.StatusOK {
			t.Fatalf("%s %s: %d", step.who, step.action, code)
		}
	}
	var pub struct{ Slug string }
	if code := b.apiStatus(tokens["editor"], "POST", path+"/publish", nil, &pub); code != http.StatusOK {
		t.Fatalf("publish: %d", code)
	}
	b.run(chromedp.Navigate(b.base+"/articles/"+url.PathEscape(pub.Slug)), chromedp.WaitVisible(`article.story`, chromedp.ByQuery))
	b.wantRightToLeft(`article.story h1`, `article.story .brief`, `article.story p[dir=auto]:not(.byline):not(.brief)`)
	b.shotWidths("article-arabic")
	b.run(chromedp.Navigate(b.base+"/"), chromedp.WaitVisible(`ol.briefs`, chromedp.ByQuery))
	b.wantRightToLeft(`li.brief h2`)
	b.shotWidths("front-arabic")
}

// wantRightToLeft checks that each element the selectors find lays out right to left, and that
// its last character (a full stop or a letter) is drawn left of its first.
func (b *browser) wantRightToLeft(selectors ...string) {
	b.t.Helper()
	for _, sel := range selectors {
		var got struct {
			Direction string
			LastLeft  bool
		}
		b.run(chromedp.Evaluate(fmt.Sprintf(`(() => {
			const el = document.querySelector(%q);
			const text = el.firstChild.nodeType === 3 ? el.firstChild : el.firstChild.firstChild;
			const range = document.createRange();
			range.setStart(text, 0); range.setEnd(text, 1);
			const first = range.getBoundingClientRect();
			range.setStart(text, text.length - 1); range.setEnd(text, text.length);
			const last = range.getBoundingClientRect();
			return {direction: getComputedStyle(el).direction, lastLeft: last.left < first.left};
		})()`, sel), &got))
		if got.Direction != "rtl" || !got.LastLeft {
			b.t.Errorf("%s: direction %q, last character left of the first %v; want rtl, true", sel, got.Direction, got.LastLeft)
		}
	}
}
