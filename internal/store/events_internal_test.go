package store

import (
	"bytes"
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/copydesk/copydesk/internal/newsroom"
)

// TestListenerPanicIsLogged checks that a listener's panic leaves the change it heard of
// committed and answered, and is logged, with the event and the panic, in the store's own
// logger (Options.Logger), which copydesk serve makes the logger of --log-level.
func TestListenerPanicIsLogged(t *testing.T) {
	var logged bytes.Buffer
	s := openLogged(t, &logged)
	s.Subscribe(func(e newsroom.Event) { panic("listener out of order") })
	ctx := AsOperator(context.Background())
	u, err := s.CreateUser(ctx, NewUser{Username: "nadia", Role: newsroom.RoleAdmin, Password: "pw-nadia-staple"})
	if err != nil {
		t.Fatalf("a listener's panic failed the change it heard of: %v", err)
	}
	users, err := s.Users(newsroom.WithUser(ctx, u))
	if err != nil {
		t.Fatal(err)
	}
	if !slices.ContainsFunc(users, func(x newsroom.User) bool { return x.ID == u.ID }) {
		t.Fatalf("user %d is not there after the listener panicked: %+v", u.ID, users)
	}
	if out := logged.String(); !strings.Contains(out, `"level":"ERROR","msg":"an event listener panicked"`) || !strings.Contains(out, "listener out of order") {
		t.Fatalf("logged %q; want the listener's panic as a JSON error line", out)
	}
}
