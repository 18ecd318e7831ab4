package main

import (
	"fmt"
	"strings"

	"github.com/chromedp/chromedp"
)

// pieceWords selects the piece's own words on an app page: its title, brief, body and editor's
// comments as the draft page shows and edits them, the quotations the ledger lists, the words a
// comment is on, the brief's quotes set against the body's, the text a comparison of versions or
// a quote's history shows, both sides of a conflict and its merge, and an unmerged save's text.
// They read as the document; the rest is the interface.
const pieceWords = `.ws-title, .ws-text .field-text, .ws-text textarea:is([name=title], [name=brief], [name=body], [name=editor_comment]),
	ol.quotes blockquote, .comment .on .quoted, .brief-quote dd, .diff-text, .old-words,
	.sides p:not(.empty), .merged p, fieldset.conflict details p, fieldset.conflict textarea, .draft-text p:not(.muted)`

// typefaces is what the page's type says of it: the family its body is set in, the elements
// whose family differs from it though they are the interface, the elements of the piece's words
// not set in a serif, and how many elements of the piece's words it shows. An element counts
// when it shows words of its own or is a control; code keeps its monospace. A button among the
// piece's words (the Comment control at a selection) is the interface's.
type typefaces struct {
	Root   string
	Chrome []string
	Words  []string
	Pieces int
}

func (b *browser) typefaces() typefaces {
	b.t.Helper()
	var tf typefaces
	b.run(chromedp.Evaluate(fmt.Sprintf(`(() => {
		const words = %q, family = e => getComputedStyle(e).fontFamily, root = family(document.body);
		const serif = f => /(^|,\s*)serif$/.test(f.trim());
		const name = e => e.tagName.toLowerCase() + (e.id ? "#" + e.id : "") + (typeof e.className === "string" && e.className.trim() ? "." + e.className.trim().replace(/\s+/g, ".") : "");
		const out = {Root: root, Chrome: [], Words: [], Pieces: 0};
		for (const e of document.body.querySelectorAll("*")) {
			const r = e.getBoundingClientRect();
			if (r.width === 0 || r.height === 0 || e.closest("code, pre, kbd, samp")) continue;
			const own = e.matches("button, input, select, textarea") || Array.from(e.childNodes).some(n => n.nodeType === Node.TEXT_NODE && n.textContent.trim());
			if (!own) continue;
			const f = family(e);
			if (e.closest(words) && !e.matches("button")) {
				out.Pieces++;
				if (!serif(f)) out.Words.push(name(e) + " in " + f);
			} else if (f !== root) {
				out.Chrome.push(name(e) + " in " + f);
			}
		}
		return out;
	})()`, pieceWords), &tf))
	return tf
}

// checkType fails the test where an app page mixes its interface's typeface with another, or
// sets the piece's words in other than a serif, or where a public page leaves its serif: the
// newsroom's pages read as Google Docs does, the public site as a newspaper.
func (b *browser) checkType(where string, public, piece bool) {
	b.t.Helper()
	tf := b.typefaces()
	sans := strings.HasSuffix(tf.Root, "sans-serif")
	switch {
	case public && sans:
		b.t.Errorf("%s: the public page is set in %s, not its serif", where, tf.Root)
	case public:
	case !sans:
		b.t.Errorf("%s: the app page is set in %s, not a sans-serif", where, tf.Root)
	default:
		if len(tf.Chrome) > 0 {
			b.t.Errorf("%s: these are the interface, set in %s, but are not: %v", where, tf.Root, tf.Chrome)
		}
		if len(tf.Words) > 0 {
			b.t.Errorf("%s: these are the piece's words, but not in a serif: %v", where, tf.Words)
		}
		if piece && tf.Pieces == 0 {
			b.t.Errorf("%s: the piece's words are not on the page", where)
		}
	}
}
