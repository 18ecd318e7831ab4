package main

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// deskNewsroom is a newsroom's busy day, seeded over the API: two fact-checkers and two editors,
// pieces at every stage, some held by each, some in the pools, some sent back.
type deskNewsroom struct {
	ids   map[string]int64 // username → user id, title → draft id
	token map[string]string
}

// login signs user in over the API, keeping their token and id.
func (n *deskNewsroom) login(b *browser, user string) {
	var in struct {
		Token string
		User  struct{ ID int64 }
	}
	b.api("", "POST", "/api/v1/login", `{"username":"`+user+`","password":"pw-`+user+`-staple"}`, &in)
	n.token[user], n.ids[user] = in.Token, in.User.ID
}

// send sends body as JSON to the API as user, decoding the answer into v; any answer but a
// success fails the test.
func (n *deskNewsroom) send(b *browser, user, method, path string, body, v any) {
	b.t.Helper()
	if code := b.apiStatus(n.token[user], method, path, body, v); code/100 != 2 {
		b.t.Fatalf("%s %s as %s: %d", method, path, user, code)
	}
}

// piece has the writer write a piece (with a quote when quoted) and send it to fact-check.
func (n *deskNewsroom) piece(b *browser, title string, quoted bool) int64 {
	body := "The harbour council voted 7 to 2 for the ferry on Tuesday night."
	if quoted {
		body += "\n“We waited ten years for this,” said Mayor Ana Ruiz."
	}
	var d struct{ ID int64 }
	n.send(b, "writer", "POST", "/api/v1/drafts", map[string]any{"title": title, "byline": "Sarah Johnson",
		"brief": "The council voted for the ferry.", "body": body}, &d)
	b.api(n.token["writer"], "POST", fmt.Sprintf("/api/v1/drafts/%d/transitions", d.ID), `{"action":"submit"}`, nil)
	return d.ID
}

// act has user take action on piece id.
func (n *deskNewsroom) act(b *browser, user string, id int64, action, note string) {
	n.send(b, user, "POST", fmt.Sprintf("/api/v1/drafts/%d/transitions", id), map[string]any{"action": action, "note": note}, nil)
}

// assign gives piece id's desk at stage to user, as the editor.
func (n *deskNewsroom) assign(b *browser, id int64, stage, user string) {
	n.send(b, "editor", "PUT", fmt.Sprintf("/api/v1/drafts/%d/assignees/%s", id, stage), map[string]any{"user_id": n.ids[user]}, nil)
}

// seedDesks fills the newsroom: at fact-check ten in the pool, four held by the fact-checker and
// four by Fran; at editing six in the pool, three held by the editor and three by the chief;
// three sent back to the writer; two approved, held by the editor.
func seedDesks(b *browser) *deskNewsroom {
	b.t.Helper()
	b.addUser("fran", "factchecker")
	b.addUser("chief", "editor")
	n := &deskNewsroom{ids: map[string]int64{}, token: map[string]string{}}
	for _, u := range []string{"writer", "factchecker", "fran", "editor", "chief"} {
		n.login(b, u)
	}
	for i := range 10 {
		n.piece(b, fmt.Sprintf("Pool piece %d", i+1), true)
	}
	for i := range 4 {
		title := fmt.Sprintf("Fiona's piece %d", i+1)
		n.ids[title] = n.piece(b, title, true)
		n.assign(b, n.ids[title], "fact_check", "factchecker")
		n.assign(b, n.piece(b, fmt.Sprintf("Fran's piece %d", i+1), true), "fact_check", "fran")
	}
	editing := func(title, holder string) int64 {
		id := n.piece(b, title, false)
		n.act(b, "factchecker", id, "clear", "")
		if holder != "" {
			n.assign(b, id, "editing", holder)
		}
		return id
	}
	for i := range 6 {
		editing(fmt.Sprintf("Editing pool %d", i+1), "")
	}
	for i := range 3 {
		editing(fmt.Sprintf("Ed's piece %d", i+1), "editor")
		editing(fmt.Sprintf("Chief's piece %d", i+1), "chief")
	}
	for i := range 3 {
		n.act(b, "factchecker", n.piece(b, fmt.Sprintf("Sent back %d", i+1), false), "return", "Who said this?")
	}
	for i := range 2 {
		id := editing(fmt.Sprintf("Approved %d", i+1), "editor")
		n.act(b, "editor", id, "approve", "")
		n.assign(b, id, "approved", "editor")
	}
	return n
}

// addUser has the admin add a user with role, who signs in with "pw-NAME-staple".
func (b *browser) addUser(name, role string) {
	b.t.Helper()
	b.signIn("admin")
	b.run(chromedp.Navigate(b.base+"/admin/users"), chromedp.WaitVisible(`form[action="/admin/users"]`, chromedp.ByQuery),
		chromedp.SendKeys(`form[action="/admin/users"] input[name=username]`, name, chromedp.ByQuery),
		chromedp.SendKeys(`form[action="/admin/users"] input[name=name]`, strings.ToUpper(name[:1])+name[1:], chromedp.ByQuery),
		chromedp.SetValue(`form[action="/admin/users"] select[name=role]`, role, chromedp.ByQuery),
		chromedp.SendKeys(`form[action="/admin/users"] input[name=password]`, "pw-"+name+"-staple", chromedp.ByQuery))
	b.submit(`form[action="/admin/users"] button[type=submit]`)
	if got := b.flash(); got != "User "+name+" added." {
		b.t.Fatalf("adding %s: %q", name, got)
	}
	b.signOut()
}

// TestBrowserDesks walks a busy newsroom's desks and inboxes, at 1280 and 390 px, as a
// fact-checker and as an editor (two of each, pieces at every stage, some held by each, some in
// the pools, some sent back), and asks each what waits on them now. The fact-checker's inbox
// marks the piece due in three hours as due soon; the editor's lists what is the editor's own,
// not the fact-checkers' pool at Fact-check (where editors may check quotes too). A fact-checker
// who verifies a piece's quote and clears it sees it leave their inbox and the count drop.
func TestBrowserDesks(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test")
	}
	b := startBrowser(t, "writer", "factchecker", "editor", "admin")
	n := seedDesks(b)
	due := time.Now().Add(3 * time.Hour).UTC().Format(time.RFC3339)
	n.send(b, "editor", "PUT", fmt.Sprintf("/api/v1/drafts/%d/deadlines", n.ids["Fiona's piece 2"]), map[string]any{"stage": "", "due_at": due}, nil)
	for _, who := range []string{"factchecker", "editor"} {
		b.signIn(who)
		b.run(chromedp.Navigate(b.base+"/desk"), chromedp.WaitVisible(`table.drafts`, chromedp.ByQuery))
		b.shotWidths(who + "-desk")
		b.run(chromedp.Navigate(b.base+"/desk?stage=&assignee=me"), chromedp.WaitVisible(`table.drafts`, chromedp.ByQuery))
		b.shotWidths(who + "-desk-mine")
		b.run(chromedp.Navigate(b.base+"/inbox"), chromedp.WaitVisible(`#inbox-assigned`, chromedp.ByQuery))
		b.shotWidths(who + "-inbox")
		b.signOut()
	}
	b.signIn("editor")
	b.run(chromedp.Navigate(b.base+"/inbox"), chromedp.WaitVisible(`#inbox-assigned`, chromedp.ByQuery))
	if got, groups := b.text(`.inbox-link b`), b.count(`.inbox-group`); got != "5" || groups != 2 || b.count(`#inbox-quotes`) != 0 {
		t.Errorf("the editor's inbox counts %s in %d groups, quotes %d; want their 5 pieces and their pool, no quotes at Fact-check:\n%s",
			got, groups, b.count(`#inbox-quotes`), b.text(`main`))
	}
	b.signOut()

	b.signIn("factchecker")
	b.run(chromedp.Navigate(b.base+"/inbox"), chromedp.WaitVisible(`#inbox-assigned`, chromedp.ByQuery))
	if b.count(`#inbox-assigned .due-soon`) != 1 || b.text(`#inbox-assigned .inbox-entry:has(.due-soon) .inbox-piece a`) != "Fiona's piece 2" {
		t.Errorf("the assigned pieces marked due soon are not Fiona's piece 2 alone:\n%s", b.text(`#inbox-assigned`))
	}
	before := b.text(`.inbox-link b`)
	first := b.text(`#inbox-assigned .inbox-piece a`)
	b.click(`#inbox-assigned .inbox-piece a`)
	b.submit(`#quotes button[value=verified]`)
	b.submit(`button[value=clear]`)
	b.shotWidths("factchecker-cleared")
	b.run(chromedp.Navigate(b.base+"/inbox"), chromedp.WaitVisible(`#inbox-assigned`, chromedp.ByQuery))
	if after := b.text(`.inbox-link b`); before != "18" || after != "16" || strings.Contains(b.text(`main`), first) {
		t.Errorf("after clearing %q the inbox counts %s (before %s), want 16 of 18 without it:\n%s", first, after, before, b.text(`main`))
	}
	b.shotWidths("factchecker-inbox-after")
}
