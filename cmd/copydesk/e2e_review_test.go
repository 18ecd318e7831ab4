package main

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestBrowserImportAndCommentChanges drives, in headless Chromium, an editor importing a
// house-format file from the desk, commenting on the new draft, changing the comment and then
// deleting it, confirming first.
func TestBrowserImportAndCommentChanges(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test")
	}
	seed, err := filepath.Abs(filepath.Join("..", "..", "internal", "server", "testdata", "seed.txt"))
	if err != nil {
		t.Fatal(err)
	}
	b := startBrowser(t, "writer", "editor")
	b.signIn("editor")
	b.run(chromedp.Navigate(b.base+"/desk"), chromedp.WaitVisible(`#import`, chromedp.ByQuery),
		chromedp.SetUploadFiles(`#import input[type=file]`, []string{seed}, chromedp.ByQuery),
		chromedp.SendKeys(`#import input[name=author]`, "writer", chromedp.ByQuery))
	b.shotWidths("desk-import")
	b.submit(`#import button[type=submit]`)
	if got := b.flash(); !strings.HasPrefix(got, "Imported “Mexico’s Sheinbaum") {
		t.Fatalf("after the import: %q", got)
	}

	b.run(chromedp.SendKeys(`#comment-form input[name=exact]`, "the delicate balance", chromedp.ByQuery),
		chromedp.SendKeys(`#comment-form textarea[name=body]`, "Whose balance?", chromedp.ByQuery))
	b.submit(`#comment-form button[type=submit]`)
	b.run(chromedp.Focus(`article.comment`, chromedp.ByQuery), chromedp.Click(`article.comment details.comment-change summary`, chromedp.ByQuery))
	b.settle()
	b.run(chromedp.SetValue(`article.comment form[action$="/edit"] textarea[name=body]`, "Whose balance, and who says so?", chromedp.ByQuery))
	b.shotWidths("comment-change")
	b.submit(`article.comment form[action$="/edit"] button[type=submit]`)
	if got := b.text(`article.comment .body`); !strings.Contains(got, "Whose balance, and who says so?") || !strings.Contains(got, "(edited ") {
		t.Fatalf("the edited comment reads %q", got)
	}
	b.run(chromedp.Focus(`article.comment`, chromedp.ByQuery), chromedp.Click(`article.comment details.comment-change summary`, chromedp.ByQuery))
	b.settle()
	b.run(chromedp.Click(`article.comment form[action$="/delete"] input[name=confirm]`, chromedp.ByQuery))
	b.submit(`article.comment form[action$="/delete"] button[type=submit]`)
	if got := b.flash(); got != "Comment deleted." {
		t.Fatalf("after deleting the comment: %q", got)
	}
	if n := b.count(`article.comment`); n != 0 {
		t.Fatalf("%d comments left after the delete", n)
	}
}
