package server_test

import (
	"net/http"
	"strings"
	"testing"
)

// TestSiteNameLinks shows that the site name in the header takes a signed-in viewer to the desk,
// and anyone else to the front page.
func TestSiteNameLinks(t *testing.T) {
	a := newTestApp(t)
	tests := []struct {
		name, actor, url, want string
	}{
		{"SignedIn", "writer", "/account", `<header class="site"><a href="/desk">`},
		{"SignedOut", "", "/login", `<header class="site"><a href="/">`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := a.page(tt.actor, "GET", tt.url, nil)
			wantStatus(t, res, http.StatusOK)
			wantBody(t, res, tt.want)
		})
	}
}

// TestUsersTableHeaders shows that every column of the admin's users table is named.
func TestUsersTableHeaders(t *testing.T) {
	a := newTestApp(t)
	res := a.page("admin", "GET", "/admin/users", nil)
	wantStatus(t, res, http.StatusOK)
	if strings.Contains(res.Body.String(), "<th></th>") {
		t.Fatal("the users table has a header cell with no name")
	}
	wantBody(t, res, "<th>Actions</th>")
}

// TestPhoneRuleHidesOnlyTheDesksColumn shows that at phone width only the desk's list loses its
// fourth column: the users table's actions and the account page's columns stay.
func TestPhoneRuleHidesOnlyTheDesksColumn(t *testing.T) {
	a := newTestApp(t)
	res := a.send("", "GET", "/static/style.css", "", "", nil)
	wantStatus(t, res, http.StatusOK)
	css := res.Body.String()
	if strings.Contains(css, "table:not(") {
		t.Fatal("a phone rule still hides a column of every table but one")
	}
	wantBody(t, res, "table.drafts th:nth-child(4), table.drafts td:nth-child(4) { display: none; }")
}
