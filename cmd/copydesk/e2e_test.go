package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/copydesk/copydesk/internal/demo"
	"github.com/copydesk/copydesk/internal/newsroom"
	"github.com/copydesk/copydesk/internal/store"
)

// chromium finds a Chromium to drive. Missing, it is installed where that is possible (as root,
// with apt-get); otherwise the test is skipped, except under CI, where a missing browser fails.
func chromium(t *testing.T) string {
	t.Helper()
	find := func() string {
		for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
			if p, err := exec.LookPath(name); err == nil {
				return p
			}
		}
		return ""
	}
	if p := find(); p != "" {
		return p
	}
	if os.Geteuid() == 0 {
		t.Log("Chromium is missing; installing Debian's chromium package")
		for _, args := range [][]string{{"update"}, {"install", "-y", "chromium"}} {
			cmd := exec.Command("apt-get", args...)
			cmd.Env = append(os.Environ(), "DEBIAN_FRONTEND=noninteractive")
			if out, err := cmd.CombinedOutput(); err != nil {
				t.Logf("apt-get %s: %v\n%s", strings.Join(args, " "), err, out)
				break
			}
		}
		if p := find(); p != "" {
			return p
		}
	}
	if os.Getenv("CI") == "true" {
		t.Fatal("the browser test needs Chromium, and it could not be installed")
	}
	t.Skip("browser test skipped: Chromium is not installed (apt-get install chromium)")
	return ""
}

// browser is one headless Chromium on the test server, saving a screenshot of each page.
type browser struct {
	t     *testing.T
	ctx   context.Context
	base  string
	shots string
	n     int
	// db is the path of the server's SQLite database, for a test that writes what no page can
	// write in its time, such as a quote's 300,000th check.
	db string
}

func (b *browser) run(actions ...chromedp.Action) {
	b.t.Helper()
	if err := chromedp.Run(b.ctx, actions...); err != nil {
		b.t.Fatal(err)
	}
}

// shot saves a full-page screenshot, numbered in the order the test took them, and checks the
// page's accessibility, so that every page a walk shows is checked at the widths it is shown.
func (b *browser) shot(name string) {
	b.t.Helper()
	b.accessible(name)
	var png []byte
	b.run(chromedp.FullScreenshot(&png, 100)) // quality 100 makes a PNG
	b.n++
	if err := os.WriteFile(filepath.Join(b.shots, fmt.Sprintf("%02d-%s.png", b.n, name)), png, 0o644); err != nil {
		b.t.Fatal(err)
	}
}

// settle waits until the workspace's threads stop moving: it places them again after a thread
// opens or a panel changes, a frame or a debounce later, and a click aimed at where a button was
// before that lands beside it. Outside the workspace it returns at once.
func (b *browser) settle() {
	b.t.Helper()
	const layout = `JSON.stringify([window.scrollY].concat(Array.from(document.querySelectorAll("#threads .comment, #side details")).map(e => [e.getBoundingClientRect().top, e.offsetHeight])))`
	last := ""
	for deadline := time.Now().Add(3 * time.Second); time.Now().Before(deadline); time.Sleep(150 * time.Millisecond) {
		var now string
		if err := chromedp.Run(b.ctx, chromedp.Evaluate(layout, &now)); err != nil {
			return
		}
		if now == last {
			return
		}
		last = now
	}
}

// submit clicks a button that posts a form and waits for the page the post leads to, or, for a
// form the draft page sends in the background, for its outcome in the page's status region.
//
// The page is not changed before the click: a status message cleared to tell the next one
// apart moved the workspace's threads up a debounce later, under a click Chromium had aimed
// at where the button was, and on a loaded machine the click ticked the checkbox below it.
// The old page is marked instead, and its status region watched for what it says next.
func (b *browser) submit(sel string) {
	b.t.Helper()
	b.settle()
	b.run(chromedp.Evaluate(`document.body.dataset.stale = "1"; window.copydeskStatus = false;
		document.querySelectorAll("#ws-status, #ws-side-status").forEach(s => new MutationObserver(() => { window.copydeskStatus = true; })
			.observe(s, { childList: true, characterData: true, subtree: true }))`, nil),
		chromedp.Click(sel, chromedp.ByQuery))
	// The new page is ready when it is loaded and unmarked, or the old one when it has said
	// how the form went and is no longer busy. While the browser navigates, evaluating may
	// fail, so failures until the deadline are retried.
	for deadline := time.Now().Add(15 * time.Second); time.Now().Before(deadline); time.Sleep(30 * time.Millisecond) {
		var fresh bool
		err := chromedp.Run(b.ctx, chromedp.Evaluate(`document.readyState === "complete" && !!document.body &&
			(!document.body.dataset.stale || (window.copydeskStatus === true && !document.querySelector("[aria-busy]")))`, &fresh))
		if err == nil && fresh {
			return
		}
	}
	var state string
	_ = chromedp.Run(b.ctx, chromedp.Evaluate(`JSON.stringify({url: location.href, said: window.copydeskStatus,
		busy: !!document.querySelector("[aria-busy]"), focus: document.activeElement && document.activeElement.outerHTML.slice(0, 120)})`, &state))
	b.shot("no-new-page")
	b.t.Fatalf("no new page after clicking %s: the page is %s", sel, state)
}

func (b *browser) text(sel string) string {
	b.t.Helper()
	var s string
	b.run(chromedp.Text(sel, &s, chromedp.ByQuery))
	return s
}

func (b *browser) signIn(user string) {
	b.t.Helper()
	b.run(chromedp.Navigate(b.base+"/login"), chromedp.WaitVisible(`input[name=username]`, chromedp.ByQuery),
		chromedp.SendKeys(`input[name=username]`, user, chromedp.ByQuery),
		chromedp.SendKeys(`input[name=password]`, "pw-"+user+"-staple", chromedp.ByQuery))
	b.submit(`form[action="/login"] button[type=submit]`)
	if got := b.text(`nav.app .who`); !strings.Contains(strings.ToLower(got), user) {
		b.t.Fatalf("signed in as %q, want %s", got, user)
	}
}

func (b *browser) signOut() {
	b.t.Helper()
	b.submit(`nav.app form button`)
}

func (b *browser) flash() string {
	b.t.Helper()
	return b.text(`.flash`)
}

// TestBrowserWorkflow drives the whole workflow in headless Chromium: a writer writes a draft
// with two quotes and submits it; a fact-checker verifies them and clears it; an editor selects
// a phrase, comments on it and requests changes; the writer edits and answers; the editor
// resolves, approves and publishes; the public page shows the article and none of the comments.
func TestBrowserWorkflow(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test")
	}
	b := startBrowser(t, "writer", "factchecker", "editor")

	// The writer writes a draft with two quotes and submits it.
	b.signIn("writer")
	b.shot("writer-desk")
	b.run(chromedp.Navigate(b.base+"/drafts/new"), chromedp.WaitVisible(`input[name=title]`, chromedp.ByQuery),
		chromedp.SendKeys(`input[name=title]`, "Harbour council backs ferry plan", chromedp.ByQuery),
		chromedp.SendKeys(`input[name=byline]`, "Sarah Johnson", chromedp.ByQuery),
		chromedp.SendKeys(`textarea[name=brief]`, "The council voted for the ferry.", chromedp.ByQuery),
		chromedp.SetValue(`textarea[name=body]`, "The harbour council voted 7 to 2 for the new ferry on Tuesday night.\n“We waited ten years for this,” said Mayor Ana Ruiz.\nThe opposition called it “a floating white elephant” and promised a review.", chromedp.ByQuery))
	b.shot("new-draft")
	b.submit(`form[action="/drafts"] button[type=submit]`)
	var draftURL string
	b.run(chromedp.Location(&draftURL))
	if !regexp.MustCompile(`/drafts/\d+$`).MatchString(draftURL) {
		t.Fatalf("after creating a draft the browser is at %s", draftURL)
	}
	if n := b.count(`mark.quote-unchecked`); n != 2 {
		t.Fatalf("%d unchecked quotes marked, want 2", n)
	}
	b.submit(`button[value=submit]`)
	if got := b.text(`.meta .stage`); got != "Fact-check" {
		t.Fatalf("stage after submit = %q", got)
	}
	b.shot("writer-submitted")
	b.signOut()

	// The fact-checker verifies both quotes and clears the draft.
	b.signIn("factchecker")
	b.shot("factcheck-desk")
	b.run(chromedp.Navigate(draftURL), chromedp.WaitVisible(`#quotes`, chromedp.ByQuery))
	for i := 1; i <= 2; i++ {
		b.run(chromedp.SendKeys(fmt.Sprintf(`#quotes li:nth-of-type(%d) input[name=source]`, i), "council recording", chromedp.ByQuery))
		b.submit(fmt.Sprintf(`#quotes li:nth-of-type(%d) button[value=verified]`, i))
	}
	if n := b.count(`mark.quote-verified`); n != 2 {
		t.Fatalf("%d verified quotes marked, want 2", n)
	}
	b.shot("factcheck-verified")
	b.submit(`button[value=clear]`)
	if got := b.text(`.meta .stage`); got != "Editing" {
		t.Fatalf("stage after clear = %q", got)
	}
	b.signOut()

	// The editor selects a phrase, comments on it and requests changes.
	b.signIn("editor")
	b.run(chromedp.Navigate(draftURL), chromedp.WaitVisible(`#comment-form`, chromedp.ByQuery))
	b.selectWords("body", "7 to 2")
	b.run(chromedp.Click(`.ws-pop`, chromedp.ByQuery))
	if start := b.value(`#comment-form input[name=start]`); start != "26" || b.value(`#comment-form input[name=exact]`) != "7 to 2" {
		t.Fatalf("selection gave start %q, exact %q", start, b.value(`#comment-form input[name=exact]`))
	}
	b.run(chromedp.SendKeys(`#comment-form textarea[name=body]`, "Was it 7 to 2 or 6 to 3? The minutes differ.", chromedp.ByQuery))
	b.submit(`#comment-form button[type=submit]`)
	if got := b.text(`mark.commented`); got != "7 to 2" {
		t.Fatalf("highlighted words = %q", got)
	}
	b.shot("editor-commented")
	b.run(chromedp.SendKeys(`form.action:has(button[value=request_changes]) textarea[name=note]`, "Check the vote count.", chromedp.ByQuery))
	b.submit(`button[value=request_changes]`)
	b.signOut()

	// The writer edits the draft, answers the comment and submits again.
	b.signIn("writer")
	b.run(chromedp.Navigate(draftURL), chromedp.WaitVisible(`#edit`, chromedp.ByQuery))
	b.edit()
	b.run(chromedp.SetValue(`#edit textarea[name=body]`, "The harbour council voted 7 to 2, the minutes show, for the new ferry on Tuesday night.\n“We waited ten years for this,” said Mayor Ana Ruiz.\nThe opposition called it “a floating white elephant” and promised a review.", chromedp.ByQuery))
	b.submit(`#edit button[type=submit]`)
	if got := b.flash(); got != "Saved." {
		t.Fatalf("after saving: %q", got)
	}
	b.run(chromedp.Focus(`#comments article.comment`, chromedp.ByQuery),
		chromedp.SendKeys(`#comments form input[name=body]`, "7 to 2: the minutes confirm it.", chromedp.ByQuery))
	b.submit(`#comments form button`)
	b.shot("writer-answered")
	b.submit(`button[value=submit]`)
	b.signOut()

	// The fact-checker finds the quotes unchanged, still verified, and clears again.
	b.signIn("factchecker")
	b.run(chromedp.Navigate(draftURL+"#quotes"), chromedp.WaitVisible(`#quotes`, chromedp.ByQuery))
	if n := b.count(`mark.quote-verified`); n != 2 {
		t.Fatalf("after the edit %d quotes are verified, want 2", n)
	}
	b.submit(`button[value=clear]`)
	b.signOut()

	// The editor resolves the comment, approves and publishes.
	b.signIn("editor")
	b.run(chromedp.Navigate(draftURL), chromedp.WaitVisible(`#comments`, chromedp.ByQuery), chromedp.Focus(`#comments article.comment`, chromedp.ByQuery))
	if got := b.text(`#comments .reply`); !strings.Contains(got, "the minutes confirm it") {
		t.Fatalf("reply shown as %q", got)
	}
	b.submit(`#comments form[action$="/resolve"] button`)
	b.submit(`button[value=approve]`)
	b.shot("editor-approved")
	b.submit(`#publish button[type=submit]`)
	m2 := regexp.MustCompile(`/articles/([a-z0-9-]+)`).FindStringSubmatch(b.flash())
	if m2 == nil {
		t.Fatalf("after publishing: %q", b.flash())
	}
	b.shot("editor-published")

	// The public page shows the article and none of the comments.
	b.run(chromedp.Navigate(b.base+"/articles/"+m2[1]), chromedp.WaitVisible(`h1`, chromedp.ByQuery))
	page := b.text(`body`)
	if b.text(`h1`) != "Harbour council backs ferry plan" || !strings.Contains(page, "the minutes show") {
		t.Fatalf("public page:\n%s", page)
	}
	for _, secret := range []string{"The minutes differ", "minutes confirm it", "council recording", "Check the vote count"} {
		if strings.Contains(page, secret) {
			t.Fatalf("the public page shows %q", secret)
		}
	}
	b.shot("public-article")
}

func (b *browser) count(sel string) int {
	b.t.Helper()
	var n int
	b.run(chromedp.Evaluate(fmt.Sprintf(`document.querySelectorAll(%q).length`, sel), &n))
	return n
}

func (b *browser) value(sel string) string {
	b.t.Helper()
	var v string
	b.run(chromedp.Value(sel, &v, chromedp.ByQuery))
	return v
}

// startBrowser starts the real server on a new database with one user per name given, each
// named for their role (writer, factchecker, editor, admin) and signing in with "pw-NAME-staple",
// and a headless Chromium to drive it. It skips or fails as chromium says.
func startBrowser(t *testing.T, users ...string) *browser {
	t.Helper()
	return startWorkflowBrowser(t, "", users...)
}

// startWorkflowBrowser is startBrowser on the workflow file in policyDir ("" for the default),
// whose roles the users may hold.
func startWorkflowBrowser(t *testing.T, policyDir string, users ...string) *browser {
	t.Helper()
	return serveBrowser(t, policyDir, func(st *store.Store) {
		for _, name := range users {
			u := store.NewUser{Username: name, Name: strings.ToUpper(name[:1]) + name[1:], Role: newsroom.Role(name), Password: "pw-" + name + "-staple"}
			if _, err := st.CreateUser(store.AsOperator(context.Background()), u); err != nil {
				t.Fatal(err)
			}
		}
	})
}

// startDemoBrowser is startBrowser on the demo newsroom `copydesk demo` makes: its users, one
// a role named for it, sign in as startBrowser's do, and its sample piece waits in Draft.
func startDemoBrowser(t *testing.T) *browser {
	t.Helper()
	return serveBrowser(t, "", func(st *store.Store) {
		op := store.AsOperator(context.Background())
		creds, err := demo.Seed(op, st)
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range creds {
			if _, err := st.SetPassword(op, c.Username, "pw-"+c.Username+"-staple"); err != nil {
				t.Fatal(err)
			}
		}
	})
}

// serveBrowser starts the real server on a new database, filled first by seed, and a headless
// Chromium to drive it. It skips or fails as chromium says.
func serveBrowser(t *testing.T, policyDir string, seed func(*store.Store)) *browser {
	t.Helper()
	chrome := chromium(t)
	db := filepath.Join(t.TempDir(), "e2e.db")
	st, _, err := openStore(context.Background(), db, policyDir)
	if err != nil {
		t.Fatal(err)
	}
	seed(st)
	st.Close()
	m := &Main{Addr: "127.0.0.1:0", DBPath: db, PolicyDir: policyDir, Logger: slog.New(slog.NewTextHandler(io.Discard, nil))}
	if err := m.Run(context.Background()); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { m.Close() })

	shots := os.Getenv("COPYDESK_SCREENSHOTS")
	if shots == "" {
		shots, err = os.MkdirTemp("", "copydesk-screenshots-")
		if err != nil {
			t.Fatal(err)
		}
	}
	if err := os.MkdirAll(shots, 0o755); err != nil {
		t.Fatal(err)
	}
	t.Logf("screenshots of every page are in %s", shots)
	return &browser{t: t, ctx: startChromium(t, chrome), base: m.URL(), shots: shots, db: db}
}

// startChromium starts a headless Chromium of its own, stopped when the test ends, and gives
// the context that drives it.
func startChromium(t *testing.T, chrome string) context.Context {
	t.Helper()
	opts := append(chromedp.DefaultExecAllocatorOptions[:], chromedp.ExecPath(chrome), chromedp.NoSandbox, chromedp.DisableGPU,
		chromedp.Flag("disable-background-networking", true), chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true), chromedp.Flag("disable-quic", true), chromedp.WindowSize(1200, 900))
	alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	t.Cleanup(cancelAlloc)
	ctx, cancel := chromedp.NewContext(alloc)
	t.Cleanup(cancel)
	ctx, cancelTimeout := context.WithTimeout(ctx, 3*time.Minute)
	t.Cleanup(cancelTimeout)
	return ctx
}

// shotWidths saves the page as it shows at a desktop width (1280 px) and at a phone's (390 px).
func (b *browser) shotWidths(name string) {
	b.t.Helper()
	for _, w := range []int64{1280, 390} {
		b.run(chromedp.EmulateViewport(w, 900))
		b.shot(fmt.Sprintf("%s-%d", name, w))
	}
	b.run(chromedp.EmulateViewport(1280, 900))
}

// TestBrowserAccounts drives the account pages in headless Chromium: an admin resets the
// writer's password and reads the temporary one; the writer signs in with it, is held to the
// password form until they choose their own, and then, on their account page, revokes the API
// token a program of theirs signed in with.
func TestBrowserAccounts(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test")
	}
	b := startBrowser(t, "writer", "admin")
	b.signIn("admin")
	b.run(chromedp.Navigate(b.base+"/admin/users"), chromedp.WaitVisible(`table`, chromedp.ByQuery))
	b.shotWidths("admin-users")
	b.submit(`form[action$="/password-reset"] button`)
	temporary := b.text(`code.secret`)
	if len(temporary) < 12 {
		t.Fatalf("temporary password %q", temporary)
	}
	b.shotWidths("admin-temporary-password")
	b.signOut()

	b.run(chromedp.Navigate(b.base+"/login"), chromedp.WaitVisible(`input[name=username]`, chromedp.ByQuery),
		chromedp.SendKeys(`input[name=username]`, "writer", chromedp.ByQuery),
		chromedp.SendKeys(`input[name=password]`, temporary, chromedp.ByQuery))
	b.submit(`form[action="/login"] button[type=submit]`)
	b.run(chromedp.Navigate(b.base+"/desk"), chromedp.WaitVisible(`form[action="/account/password"]`, chromedp.ByQuery))
	if got := b.text(`.warning`); !strings.Contains(got, "Choose a password of your own") {
		t.Fatalf("after signing in with a temporary password, the desk shows %q", got)
	}
	b.shotWidths("writer-must-change-password")
	b.run(chromedp.SendKeys(`input[name=current]`, temporary, chromedp.ByQuery),
		chromedp.SendKeys(`input[name=new]`, "harbour ferry lantern", chromedp.ByQuery),
		chromedp.SendKeys(`input[name=repeat]`, "harbour ferry lantern", chromedp.ByQuery))
	b.submit(`form[action="/account/password"] button[type=submit]`)
	if got := b.flash(); !strings.Contains(got, "Password changed") {
		t.Fatalf("after changing the password: %q", got)
	}

	res, err := http.Post(b.base+"/api/v1/login", "application/json", strings.NewReader(`{"username":"writer","password":"harbour ferry lantern"}`))
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusOK {
		t.Fatalf("API sign-in with the new password: %d", res.StatusCode)
	}
	b.run(chromedp.Navigate(b.base+"/account"), chromedp.WaitVisible(`table.credentials`, chromedp.ByQuery))
	b.shotWidths("writer-account")
	if n := b.count(`table.credentials tbody tr`); n != 2 {
		t.Fatalf("the account page lists %d credentials, want this browser's session and the new token", n)
	}
	b.submit(`form[action^="/account/revoke/"] button`)
	if n := b.count(`table.credentials tbody tr`); n != 1 {
		t.Fatalf("after revoking the token the account page lists %d credentials, want 1", n)
	}
}

// TestBrowserBriefAgainstBody shows the fact-checker, in headless Chromium, a draft whose brief
// words a quote otherwise than its body and gives a figure the body does not.
func TestBrowserBriefAgainstBody(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test")
	}
	b := startBrowser(t, "writer", "factchecker")
	b.signIn("writer")
	b.run(chromedp.Navigate(b.base+"/drafts/new"), chromedp.WaitVisible(`input[name=title]`, chromedp.ByQuery),
		chromedp.SendKeys(`input[name=title]`, "Harbour council backs ferry plan", chromedp.ByQuery),
		chromedp.SendKeys(`input[name=byline]`, "Sarah Johnson", chromedp.ByQuery),
		chromedp.SetValue(`textarea[name=brief]`, "The council voted 7 to 2 for a $1.2 million ferry. “We waited twenty years for this,” said the mayor.", chromedp.ByQuery),
		chromedp.SetValue(`textarea[name=body]`, "The harbour council voted 7 to 2 for the new ferry on Tuesday night.\n“We waited ten years for this,” said Mayor Ana Ruiz.", chromedp.ByQuery))
	b.submit(`form[action="/drafts"] button[type=submit]`)
	b.submit(`button[value=submit]`)
	var draftURL string
	b.run(chromedp.Location(&draftURL))
	b.signOut()

	b.signIn("factchecker")
	b.run(chromedp.Navigate(draftURL), chromedp.WaitVisible(`#brief-check`, chromedp.ByQuery))
	got := b.text(`#brief-check`)
	for _, want := range []string{"“We waited twenty years for this,”", "“We waited ten years for this,”", "“$1.2 million”"} {
		if !strings.Contains(got, want) {
			t.Errorf("the brief check says %q, want %s", got, want)
		}
	}
	b.shotWidths("brief-against-body")
}
