package main

import (
	"fmt"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestBrowserUsersFieldsNamed opens the admin's list of users at a desktop's width and a phone's:
// every box and choice in it shows what it is for, under the column's heading or, on a phone,
// where the table is a card a user and its headings are hidden, in the card itself, so that an
// empty email box is not taken for a name or a password.
func TestBrowserUsersFieldsNamed(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test")
	}
	b := startBrowser(t, "writer", "admin")
	b.signIn("admin")
	for _, w := range []int64{1280, 390} {
		b.run(chromedp.EmulateViewport(w, 900), chromedp.Navigate(b.base+"/admin/users"), chromedp.WaitVisible(`table.users`, chromedp.ByQuery))
		var unnamed []string
		b.run(chromedp.Evaluate(`(() => {
			const heads = [...document.querySelectorAll("table.users thead th")];
			const out = [];
			document.querySelectorAll("table.users tbody td").forEach(td => {
				const control = td.querySelector("input:not([type=hidden]), select, textarea");
				if (!control || !control.checkVisibility()) return;
				const head = heads[td.cellIndex];
				const shown = head.checkVisibility() || getComputedStyle(td, "::before").content.includes(head.textContent);
				if (!shown) out.push(control.getAttribute("aria-label"));
			});
			return out;
		})()`, &unnamed))
		if len(unnamed) > 0 {
			t.Errorf("at %d px these show nothing saying what they are: %v", w, unnamed)
		}
		if b.count(`table.users tbody input[name=email]`) == 0 {
			t.Fatalf("at %d px the list of users has no email box", w)
		}
		b.shot(fmt.Sprintf("users-named-%d", w))
	}
}
