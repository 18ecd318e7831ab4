package server_test

import (
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/url"
	"os"
	"strings"
	"testing"

	"github.com/copydesk/copydesk/internal/newsroom"
	"github.com/copydesk/copydesk/internal/server"
)

// publishSeed imports the seed, takes it through the workflow and publishes it now, returning
// its slug.
func publishSeed(t *testing.T, a *testApp) string {
	t.Helper()
	seed, err := os.ReadFile("testdata/seed.txt")
	if err != nil {
		t.Fatal(err)
	}
	d := importAndApprove(t, a, string(seed))
	res := a.do("editor", "POST", fmt.Sprintf("/api/v1/drafts/%d/publish", d.ID), "")
	wantStatus(t, res, 200)
	return decode[pubResponse](t, res).Slug
}

// siteForm is the site settings page's form filled in as an admin would.
func siteForm() url.Values {
	return url.Values{"name": {"The Ledger"}, "base_url": {"https://news.example.org/"}, "logo": {"/static/logo.png"},
		"language": {"en-gb"}, "description": {"News from the valley."}, "footer": {"Thanks for reading the Ledger.\r\nTell a friend."}}
}

// TestSiteSettingsPage: an admin saves the site settings on the page, and the very next public
// page, feed, text and ninjs answer carry them, under new ETags; a refused setting shows the
// page again with what was typed and why, and changes nothing.
func TestSiteSettingsPage(t *testing.T) {
	a := newTestApp(t)
	slug := publishSeed(t, a)
	wantStatus(t, a.page("editor", "GET", "/admin/site", nil), http.StatusForbidden)
	wantStatus(t, a.page("editor", "POST", "/admin/site", siteForm()), http.StatusForbidden)
	wantBody(t, a.page("admin", "GET", "/admin/settings", nil), `<a href="/admin/site">Site</a>`)
	wantBody(t, a.page("admin", "GET", "/admin/site", nil), "The public site is <strong>Copydesk</strong>",
		"Like this article? Share it with your friends!")
	before := a.do("", "GET", "/articles/"+slug, "")
	wantBody(t, before, "<title>Mexico’s Sheinbaum", "· Copydesk</title>")

	if got := flashOf(a.page("admin", "POST", "/admin/site", siteForm())); got != "Site settings saved. The public pages show them now." {
		t.Fatalf("flash %q", got)
	}
	wantBody(t, a.page("admin", "GET", "/admin/site", nil), `value="The Ledger"`, `value="en-GB"`, "Tell a friend.</textarea>")
	outputs := []struct{ url, want string }{
		{"/articles/" + slug, `<html lang="en-GB">`},
		{"/articles/" + slug, "· The Ledger</title>"},
		{"/articles/" + slug, `"url":"https://news.example.org/"`},
		{"/articles/" + slug, "<p>Tell a friend.</p>"},
		{"/", "<title>The Ledger</title>"},
		{"/feed.atom", "<title>The Ledger briefs</title>"},
		{"/feed.atom", "https://news.example.org/articles/" + slug},
		{"/articles/" + slug + ".txt", "Thanks for reading the Ledger.\nTell a friend."},
		{"/articles/" + slug + ".json", `"name": "The Ledger"`},
		{"/articles/" + slug + ".json", `"language": "en-GB"`},
	}
	for _, o := range outputs {
		res := a.do("", "GET", o.url, "")
		wantStatus(t, res, http.StatusOK)
		if !strings.Contains(res.Body.String(), o.want) {
			t.Errorf("%s lacks %q after the settings changed:\n%s", o.url, o.want, res.Body.String())
		}
	}
	after := a.do("", "GET", "/articles/"+slug, "")
	if after.Header().Get("ETag") == before.Header().Get("ETag") {
		t.Fatal("the article kept its ETag when the site settings changed")
	}
	if strings.Contains(a.do("", "GET", "/articles/"+slug+".txt", "").Body.String(), "Like this article?") {
		t.Fatal("the text still closes with the default footer")
	}

	bad := []struct{ name, field, value, want string }{
		{"ErrLanguage", "language", "english", "Not saved: &#34;english&#34; is not a language tag"},
		{"ErrBaseURL", "base_url", "news.example.org", "Not saved: the base URL &#34;news.example.org&#34; must be a full http or https address"},
		{"ErrEmptyName", "name", "  ", "Not saved: give the site a name"},
	}
	for _, tt := range bad {
		t.Run(tt.name, func(t *testing.T) {
			form := siteForm()
			form.Set("description", "Typed, not saved.")
			form.Set(tt.field, tt.value)
			res := a.page("admin", "POST", "/admin/site", form)
			wantStatus(t, res, http.StatusUnprocessableEntity)
			wantBody(t, res, tt.want, "Typed, not saved.")
			set, err := a.store.SiteSettings(ctxAs(a, "admin"))
			if err != nil || set.Name != "The Ledger" || set.Language != "en-GB" || set.Description != "News from the valley." {
				t.Fatalf("after a refused save the settings are %+v, %v", set, err)
			}
		})
	}
}

// TestSiteSettingsFlagsWin: the command line's settings win over the page's field by field, and
// the page shows them read-only, while the fields they leave free are saved and used.
func TestSiteSettingsFlagsWin(t *testing.T) {
	a := newTestApp(t)
	a.server = server.New(a.store, server.Config{Logger: slog.New(slog.NewTextHandler(io.Discard, nil)),
		Site: newsroom.SiteSettings{Name: "Flag Times", BaseURL: "https://flag.example"}})
	slug := publishSeed(t, a)
	page := a.page("admin", "GET", "/admin/site", nil)
	wantBody(t, page, "Name: <strong>Flag Times</strong> <span class=\"hint\">set by --site-name</span>",
		"set by --base-url", `<input name="language"`)
	if got := flashOf(a.page("admin", "POST", "/admin/site", siteForm())); !strings.HasPrefix(got, "Site settings saved.") {
		t.Fatalf("flash %q", got)
	}
	res := a.do("", "GET", "/articles/"+slug, "")
	wantBody(t, res, "· Flag Times</title>", `"url":"https://flag.example/"`, `<html lang="en-GB">`, "<p>Tell a friend.</p>")
}

// TestSiteSettingsFollowOtherServers saves the site settings through another server's store on
// the same database: this server keeps its cached pages until it reads that server's events,
// and then shows the new name on the front page, the article and the feed.
func TestSiteSettingsFollowOtherServers(t *testing.T) {
	a := newTestApp(t)
	slug := publishSeed(t, a)
	urls := []string{"/", "/articles/" + slug, "/feed.atom"}
	for _, u := range urls {
		wantBody(t, a.do("", "GET", u, ""), "Copydesk")
	}
	if err := otherServer(t, a).SaveSiteSettings(ctxAs(a, "admin"), newsroom.SiteSettings{Name: "Elsewhere Gazette"}); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(a.do("", "GET", "/", "").Body.String(), "Elsewhere Gazette") {
		t.Fatal("the front page changed before the server read the other's events: the settings were read per request")
	}
	catchUp(t, a)
	for _, u := range urls {
		if res := a.do("", "GET", u, ""); !strings.Contains(res.Body.String(), "Elsewhere Gazette") {
			t.Errorf("%s does not show the name another server saved:\n%s", u, res.Body.String())
		}
	}
}

// TestPublicDatesInNewsroomZone: public pages show their dates in the newsroom's time zone, and
// a new zone set on the settings page shows on the very next request.
func TestPublicDatesInNewsroomZone(t *testing.T) {
	a := newTestApp(t)
	slug := publishSeed(t, a)
	wantBody(t, a.do("", "GET", "/articles/"+slug, ""), `Z">`)
	wantStatus(t, a.page("admin", "POST", "/admin/settings", url.Values{"time_zone": {"Asia/Tokyo"}}), http.StatusSeeOther)
	for _, u := range []string{"/articles/" + slug, "/"} {
		wantBody(t, a.do("", "GET", u, ""), `&#43;09:00">`)
	}
}
