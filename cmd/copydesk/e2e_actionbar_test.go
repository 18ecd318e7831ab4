package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// TestBrowserActionBarNoteGrows types a five-line reason into each note of the actions bar over
// the text, at a desktop's width: each box grows to show every line, not one line with the rest
// scrolled away inside it.
func TestBrowserActionBarNoteGrows(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test")
	}
	b := startBrowser(t, "writer", "factchecker", "editor")
	id := b.draftInEditing("The harbour council voted 7 to 2 for the new ferry on Tuesday night.")
	b.signIn("editor")
	b.run(chromedp.EmulateViewport(1280, 900), chromedp.Navigate(fmt.Sprintf("%s/drafts/%d", b.base, id)), chromedp.WaitVisible(`#text`, chromedp.ByQuery))
	n := b.count(`#actions textarea[name=note]`)
	if n == 0 {
		t.Fatal("the editor's actions have no note box to type a reason in")
	}
	b.run(chromedp.Evaluate(`document.querySelectorAll("#actions textarea[name=note]").forEach((e, i) => e.dataset.note = i)`, nil))
	for i := range n {
		sel := fmt.Sprintf(`#actions textarea[data-note="%d"]`, i)
		before := b.height(sel)
		b.run(chromedp.Click(sel, chromedp.ByQuery), chromedp.SendKeys(sel, "line one\nline two\nline three\nline four\nline five", chromedp.ByQuery))
		var box struct{ Client, Scroll, Height float64 }
		b.run(chromedp.Evaluate(fmt.Sprintf(`(() => { const e = document.querySelector(%q); return {Client: e.clientHeight, Scroll: e.scrollHeight, Height: e.getBoundingClientRect().height}; })()`, sel), &box))
		if box.Scroll > box.Client+1 || box.Height <= before {
			t.Errorf("note %d: after five lines the box is %.0f px tall (it was %.0f px) and its text %.0f px, scrolled inside it", i, box.Height, before, box.Scroll)
		}
	}
	b.shot("action-bar-note-five-lines")
}

// TestBrowserActionBarTabOrder walks each action of the bar over the text with Tab, at a
// desktop's width and a phone's: the keyboard goes through an action's note, button and check
// box in the order they show, never up to a control above one it has just left.
func TestBrowserActionBarTabOrder(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test")
	}
	b := startBrowser(t, "writer", "factchecker", "editor")
	id := b.draftInEditing("The harbour council voted 7 to 2 for the new ferry on Tuesday night.")
	b.signIn("editor")
	for _, w := range []int64{1280, 390} {
		b.run(chromedp.EmulateViewport(w, 900), chromedp.Navigate(fmt.Sprintf("%s/drafts/%d", b.base, id)), chromedp.WaitVisible(`#text`, chromedp.ByQuery))
		if b.count(`#actions form.action label.check`) == 0 {
			t.Fatal("no action of the editor's has a check box")
		}
		n := b.count(`#actions form.action`)
		for i := range n {
			b.run(chromedp.Evaluate(fmt.Sprintf(`document.querySelectorAll("#actions form.action")[%d].querySelector("[name=note]").focus()`, i), nil))
			var walk []struct {
				Name string
				Top  float64
			}
			for {
				var at struct {
					Name   string
					Top    float64
					Inside bool
				}
				b.run(chromedp.Evaluate(fmt.Sprintf(`(() => { const e = document.activeElement;
					return {Name: e.tagName.toLowerCase() + "[" + (e.name || "") + "]", Top: e.getBoundingClientRect().top + scrollY, Inside: document.querySelectorAll("#actions form.action")[%d].contains(e)}; })()`, i), &at))
				if !at.Inside {
					break
				}
				walk = append(walk, struct {
					Name string
					Top  float64
				}{at.Name, at.Top})
				b.run(chromedp.KeyEvent("\t"))
			}
			for k := 1; k < len(walk); k++ {
				if walk[k].Top < walk[k-1].Top-2 {
					t.Errorf("at %d px, action %d: Tab goes from %s (at %.0f px) up to %s (at %.0f px)", w, i, walk[k-1].Name, walk[k-1].Top, walk[k].Name, walk[k].Top)
				}
			}
		}
		b.shot(fmt.Sprintf("action-bar-tab-order-%d", w))
	}
}

// TestBrowserActionBarKeepsOpenForms opens every form folded in the actions bar (assigning and
// due times, the claim a piece checks) and sends a comment from the side pane, which brings the
// bar anew without leaving the page: the forms opened stay open.
func TestBrowserActionBarKeepsOpenForms(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test")
	}
	b := startBrowser(t, "writer", "factchecker", "editor")
	id := b.draftInEditing("The harbour council voted 7 to 2 for the new ferry on Tuesday night.")
	b.signIn("editor")
	b.run(chromedp.EmulateViewport(1280, 900), chromedp.Navigate(fmt.Sprintf("%s/drafts/%d", b.base, id)), chromedp.WaitVisible(`#comment-form`, chromedp.ByQuery))
	n := b.count(`#ws-actions details`)
	if n == 0 {
		t.Fatal("the editor's actions bar folds no form")
	}
	b.run(chromedp.Evaluate(`document.querySelectorAll("#ws-actions details > summary").forEach(s => s.click())`, nil))
	if open := b.count(`#ws-actions details[open]`); open != n {
		t.Fatalf("%d of the bar's %d folded forms opened", open, n)
	}
	b.run(chromedp.SetValue(`#comment-form input[name=exact]`, "7 to 2", chromedp.ByQuery),
		chromedp.SetValue(`#comment-form textarea[name=body]`, "Was it 7 to 2?", chromedp.ByQuery))
	b.submit(`#comment-form button[type=submit]`)
	if b.count(`#threads .comment`) == 0 {
		t.Fatal("the comment was not sent")
	}
	if open := b.count(`#ws-actions details[open]`); open != n {
		t.Errorf("after a comment sent from the side pane, %d of the %d forms opened in the actions bar are open", open, n)
	}
	b.shot("action-bar-open-after-comment")
}

// TestBrowserActionBarOneRow opens a piece in Editing as the editor, who has the most actions
// of anyone, at a desktop's width: the actions stand in one row, the rarely taken ones folded
// under More, which the keyboard opens and whose forms then show. On a phone each of them, More
// too, is a target a finger hits for sure.
func TestBrowserActionBarOneRow(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test")
	}
	b := startBrowser(t, "writer", "factchecker", "editor")
	id := b.draftInEditing("The harbour council voted 7 to 2 for the new ferry on Tuesday night.")
	b.signIn("editor")
	b.run(chromedp.EmulateViewport(1280, 900), chromedp.Navigate(fmt.Sprintf("%s/drafts/%d", b.base, id)), chromedp.WaitVisible(`#text`, chromedp.ByQuery))
	b.wantActionsInOneRow("the editor's in Editing")
	if b.count(`#actions button[name=do]`) < 4 {
		t.Fatalf("the editor has %d actions, not every one of them", b.count(`#actions button[name=do]`))
	}
	b.shot("action-bar-one-row-1280")
	if !b.has(`#actions details > summary`) {
		t.Fatal("the actions fold nothing under More")
	}
	b.run(chromedp.Focus(`#actions details > summary`, chromedp.ByQuery), chromedp.KeyEvent("\r"))
	if !b.has(`#actions details[open]`) {
		t.Fatal("Enter on More does not open it")
	}
	var outline string
	b.run(chromedp.Evaluate(`getComputedStyle(document.activeElement).outlineStyle`, &outline))
	if outline == "none" {
		t.Errorf("More, focused by the keyboard, shows no focus")
	}
	b.run(chromedp.KeyEvent("\t"))
	if !b.focusIn(`#actions details[open] form.action`) {
		t.Errorf("Tab from the opened More goes to %s, not to its first action", b.focusedName())
	}
	b.shot("action-bar-more-open-1280")
	b.run(chromedp.EmulateViewport(390, 900), chromedp.Reload(), chromedp.WaitVisible(`#text`, chromedp.ByQuery))
	b.settle()
	if small := b.smallTargets(); len(small) > 0 {
		t.Errorf("at 390 px these are smaller than 44 px: %v", small)
	}
	if out := b.outside(""); len(out) > 0 {
		t.Errorf("at 390 px these reach past the right edge: %v", out)
	}
	b.shot("action-bar-one-row-390")
	approved := b.approvedDraft("The harbour council voted 7 to 2 for the new ferry on Tuesday night.")
	b.run(chromedp.EmulateViewport(1280, 900), chromedp.Navigate(fmt.Sprintf("%s/drafts/%d", b.base, approved)), chromedp.WaitVisible(`#text`, chromedp.ByQuery))
	b.wantActionsInOneRow("the editor's once Approved")
	b.shot("action-bar-one-row-approved-1280")
}

// TestBrowserActionBarShortOfRoom opens a piece in Editing as the editor of the legal workflow
// changed so that a piece can go to legal from Editing too: four ways forward and back stand in
// the bar with More, more than a laptop's width holds with each note at its full width. At
// each width no control is painted over another and every note stays as wide as its narrowest,
// where what is typed in it shows.
func TestBrowserActionBarShortOfRoom(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test")
	}
	src, err := os.ReadFile("../../internal/policy/testdata/legal/workflow.yaml")
	if err != nil {
		t.Fatal(err)
	}
	const legal = "  send_to_legal:\n    label: Send to legal\n    from: [approved]\n"
	if !strings.Contains(string(src), legal) {
		t.Fatal("the legal workflow no longer sends a piece to legal from Approved")
	}
	dir := t.TempDir()
	wide := strings.Replace(string(src), legal, strings.Replace(legal, "[approved]", "[approved, editing]", 1), 1)
	if err := os.WriteFile(filepath.Join(dir, "workflow.yaml"), []byte(wide), 0o644); err != nil {
		t.Fatal(err)
	}
	b := startWorkflowBrowser(t, dir, "writer", "factchecker", "copyeditor", "editor")
	id := b.draftInEditing("The harbour council voted 7 to 2 for the new ferry on Tuesday night.")
	b.signIn("editor")
	for _, w := range []int64{1024, 1100, 1280} {
		b.run(chromedp.EmulateViewport(w, 900), chromedp.Navigate(fmt.Sprintf("%s/drafts/%d", b.base, id)), chromedp.WaitVisible(`#text`, chromedp.ByQuery))
		if n := b.count(`#actions > form.action`); n < 4 {
			t.Fatalf("the editor has %d actions in the bar, want the four ways forward and back", n)
		}
		b.settle()
		b.wantActionsClear(fmt.Sprintf("at %d px, the editor's", w))
		var scroll, client int64
		b.run(chromedp.Evaluate(`document.documentElement.scrollWidth`, &scroll), chromedp.Evaluate(`document.documentElement.clientWidth`, &client))
		if scroll > client {
			t.Errorf("at %d px the page is %d px wide, past the window's %d px", w, scroll, client)
		}
		b.shot(fmt.Sprintf("action-bar-short-of-room-%d", w))
	}
}

// wantActionsInOneRow checks that the workflow actions shown, their buttons and More, stand in
// one row: one line across the page crosses them all, the highest bottom being below the lowest
// top; and, by wantActionsClear, that none of their controls is painted over another.
func (b *browser) wantActionsInOneRow(name string) {
	b.t.Helper()
	b.settle()
	b.wantActionsClear(name)
	const row = `(() => { const r = [...document.querySelectorAll("#actions :is(button[name=do], summary)")].filter(e => e.checkVisibility()).map(e => e.getBoundingClientRect());
		return {N: r.length, Top: Math.max(...r.map(b => b.top)), Bottom: Math.min(...r.map(b => b.bottom))}; })()`
	var at struct {
		N           int
		Top, Bottom float64
	}
	b.run(chromedp.Evaluate(row, &at))
	if at.N < 2 {
		b.t.Errorf("%s actions show %d buttons, too few to stand in a row", name, at.N)
	}
	if at.Top >= at.Bottom {
		b.t.Errorf("%s actions stand in more than one row: the lowest starts at %.0f px, under the highest's end at %.0f px", name, at.Top, at.Bottom)
	}
}

// wantActionsClear checks that no control of the workflow actions shown (a note, a button, a
// check box, More) is painted over another, and that every note is at least as wide as its
// min-width, the narrowest at which what is typed in it shows.
func (b *browser) wantActionsClear(name string) {
	b.t.Helper()
	const clear = `(() => {
		const say = e => (e.closest("form.action")?.querySelector("button[name=do]")?.value || "more") + ":" + e.tagName.toLowerCase() + (e.name ? "[" + e.name + "]" : "");
		const cs = [...document.querySelectorAll("#actions :is(input:not([type=hidden]), textarea, button, summary)")].filter(e => e.checkVisibility());
		const bad = [];
		cs.forEach((e, i) => {
			const a = e.getBoundingClientRect();
			if (e.name === "note" && a.width < parseFloat(getComputedStyle(e).minWidth) - 0.5) {
				bad.push(say(e) + " is " + Math.round(a.width) + " px wide, under its " + getComputedStyle(e).minWidth);
			}
			cs.slice(i + 1).forEach(f => {
				const c = f.getBoundingClientRect();
				const x = Math.min(a.right, c.right) - Math.max(a.left, c.left), y = Math.min(a.bottom, c.bottom) - Math.max(a.top, c.top);
				if (x > 0.5 && y > 0.5) bad.push(say(e) + " and " + say(f) + " overlap by " + Math.round(x) + " x " + Math.round(y) + " px");
			});
		});
		return {N: cs.length, Bad: bad};
	})()`
	var got struct {
		N   int
		Bad []string
	}
	b.run(chromedp.Evaluate(clear, &got))
	if got.N == 0 {
		b.t.Errorf("%s actions show no control", name)
	}
	for _, s := range got.Bad {
		b.t.Errorf("%s actions: %s", name, s)
	}
}

// TestBrowserActionBarWithoutCalcSize opens the editor's actions at a desktop's width with the
// page's styles as a browser without CSS calc-size() reads them, Firefox and Safari today, which
// drop each declaration that uses it: the actions still stand in one row, and each note's box
// ends where its button begins, with no empty stretch between them.
func TestBrowserActionBarWithoutCalcSize(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test")
	}
	b := startBrowser(t, "writer", "factchecker", "editor")
	id := b.draftInEditing("The harbour council voted 7 to 2 for the new ferry on Tuesday night.")
	b.signIn("editor")
	for _, w := range []int64{1280, 1600} {
		b.run(chromedp.EmulateViewport(w, 900), chromedp.Navigate(fmt.Sprintf("%s/drafts/%d", b.base, id)), chromedp.WaitVisible(`#text`, chromedp.ByQuery))
		b.withoutCalcSize()
		b.wantActionsInOneRow(fmt.Sprintf("at %d px the editor's", w))
		b.wantNoteByButton(fmt.Sprintf("at %d px the editor's", w))
		b.shot(fmt.Sprintf("action-bar-no-calc-size-%d", w))
	}
}

// withoutCalcSize styles the page as a browser without CSS calc-size() would: every declaration
// of its style sheets that uses it is dropped, as a parser drops one it cannot read, the rest of
// each sheet standing in the order it was written.
func (b *browser) withoutCalcSize() {
	b.t.Helper()
	var dropped int
	b.run(chromedp.Evaluate(`(async () => {
		let dropped = 0;
		for (const link of document.querySelectorAll("link[rel=stylesheet]")) {
			const text = await (await fetch(link.href)).text();
			let n = 0;
			const read = text.replace(/\/\*[\s\S]*?\*\//g, "").replace(/[\w-]+\s*:[^;{}]*calc-size\([^;{}]*;?/g, () => { n++; return ""; });
			if (!n) continue;
			dropped += n;
			const sheet = new CSSStyleSheet();
			sheet.replaceSync(read);
			while (link.sheet.cssRules.length) link.sheet.deleteRule(0);
			for (const rule of sheet.cssRules) link.sheet.insertRule(rule.cssText, link.sheet.cssRules.length);
		}
		return dropped;
	})()`, &dropped, func(p *runtime.EvaluateParams) *runtime.EvaluateParams { return p.WithAwaitPromise(true) }))
	b.t.Logf("dropped %d declarations with calc-size()", dropped)
}

// wantNoteByButton checks that in each action of the row its note's box ends where its button
// begins, at the form's own column gap.
func (b *browser) wantNoteByButton(name string) {
	b.t.Helper()
	b.settle()
	var gaps []struct {
		Action     string
		Gap, Least float64
	}
	b.run(chromedp.Evaluate(`[...document.querySelectorAll("#actions > form.action")].filter(f => f.checkVisibility() && f.querySelector("[name=note]")).map(f => {
		const note = f.querySelector("[name=note]").getBoundingClientRect(), button = f.querySelector("button[name=do]").getBoundingClientRect();
		return {Action: f.querySelector("button[name=do]").value, Gap: button.left - note.right, Least: parseFloat(getComputedStyle(f).columnGap)};
	})`, &gaps))
	if len(gaps) == 0 {
		b.t.Errorf("%s actions have no note beside a button", name)
	}
	for _, g := range gaps {
		if g.Gap > g.Least+1 {
			b.t.Errorf("%s action %s: %.0f px stand empty between its note and its button, not its gap of %.0f px", name, g.Action, g.Gap, g.Least)
		}
	}
}
