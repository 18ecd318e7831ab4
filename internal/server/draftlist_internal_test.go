package server

import (
	"context"
	"io"
	"log/slog"
	"testing"

	"golang.org/x/crypto/bcrypt"

	"github.com/copydesk/copydesk/internal/newsroom"
	"github.com/copydesk/copydesk/internal/store"
	"github.com/copydesk/copydesk/internal/store/storetest"
)

// TestDraftsJSONNoticesChanges reads a page of stamps, then changes a draft and hides another
// before the drafts are read, as concurrent requests could: draftsJSON must say the page is no
// longer current rather than serve a draft that may not belong on it.
func TestDraftsJSONNoticesChanges(t *testing.T) {
	st, err := store.Open(storetest.DSN(t), store.Options{PasswordCost: bcrypt.MinCost})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	if _, err := st.Migrate(context.Background()); err != nil {
		t.Fatal(err)
	}
	// Each check starts with a new server, whose draft cache is empty: only drafts read anew
	// can have changed since the stamps (kept ones are served as the page listed them).
	fresh := func() *Server { return New(st, Config{Logger: slog.New(slog.NewTextHandler(io.Discard, nil))}) }
	as := func(name string, role newsroom.Role) context.Context {
		u, err := st.CreateUser(store.AsOperator(context.Background()), store.NewUser{Username: name, Name: name, Role: role, Password: "pw-" + name + "-staple"})
		if err != nil {
			t.Fatal(err)
		}
		return newsroom.WithUser(context.Background(), u)
	}
	writer, checker := as("writer", newsroom.RoleWriter), as("checker", newsroom.RoleFactChecker)
	var ids []int64
	for range 3 {
		d, err := st.CreateDraft(writer, newsroom.Text{Title: "T", Byline: "B", Brief: "Brief.", Body: "Body."})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := st.Transition(writer, d.ID, newsroom.TransitionRequest{Action: newsroom.ActionSubmit}); err != nil {
			t.Fatal(err)
		}
		ids = append(ids, d.ID)
	}
	stamps := func() []newsroom.DraftStamp {
		page, err := st.ListDraftStamps(checker, newsroom.DraftFilter{})
		if err != nil || len(page.Items) != 3 {
			t.Fatalf("stamps: %+v, %v", page, err)
		}
		return page.Items
	}
	if items, current, err := fresh().draftsJSON(checker, stamps()); err != nil || !current || len(items) != 3 {
		t.Fatalf("an unchanged page: %d items, current %v, %v", len(items), current, err)
	}
	changes := []struct {
		name   string
		change func() error
	}{
		{"moved on, still in sight", func() error {
			_, err := st.Transition(checker, ids[0], newsroom.TransitionRequest{Action: newsroom.ActionClear})
			return err
		}},
		{"sent back, out of sight", func() error {
			_, err := st.Transition(checker, ids[1], newsroom.TransitionRequest{Action: newsroom.ActionReturn, Note: "Check the brief."})
			return err
		}},
	}
	for _, c := range changes {
		page := stamps()
		if err := c.change(); err != nil {
			t.Fatal(err)
		}
		if _, current, err := fresh().draftsJSON(checker, page); err != nil || current {
			t.Fatalf("%s: current %v, %v", c.name, current, err)
		}
	}
}
