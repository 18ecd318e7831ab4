package store_test

import (
	"context"
	"testing"

	"github.com/copydesk/copydesk/internal/newsroom"
	"github.com/copydesk/copydesk/internal/store"
	"github.com/copydesk/copydesk/internal/store/storetest"
)

// activeAdmins counts the newsroom's active admins, as the store has them now.
func activeAdmins(t *testing.T, s *store.Store, as context.Context) int {
	t.Helper()
	users, err := s.Users(as)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, u := range users {
		if s.Policy().Manages(u) {
			n++
		}
	}
	return n
}

// TestAdminsDemoteEachOther has two admins, each on a server of their own, demote or disable
// each other at the same moment, round after round: one of them wins, the other is refused, and
// the newsroom always keeps an active admin.
func TestAdminsDemoteEachOther(t *testing.T) {
	dsn := storetest.DSN(t)
	servers := []*store.Store{openMigrated(t, dsn, store.Options{}), openMigrated(t, dsn, store.Options{})}
	ada, adaUser := mustUser(t, servers[0], "ada", newsroom.RoleAdmin)
	bea, beaUser := mustUser(t, servers[0], "bea", newsroom.RoleAdmin)
	actors := []context.Context{ada, bea}
	targets := []*newsroom.User{beaUser, adaUser}
	editor, on := newsroom.RoleEditor, true
	changes := []store.UserChange{{Role: &editor}, {Disabled: &on}}
	for round := range 12 {
		// Each round pairs the changes differently: demote/demote, disable/demote, …
		picked := []store.UserChange{changes[round%2], changes[round/2%2]}
		errs := make([]error, 2)
		race(2, func(i int) {
			_, errs[i] = servers[i].UpdateUser(actors[i], targets[i].ID, picked[i])
		})
		won := 0
		for i, err := range errs {
			switch newsroom.ErrorCode(err) {
			case "":
				won = i
			case newsroom.ECONFLICT, newsroom.EFORBIDDEN:
			default:
				t.Fatalf("round %d: admin %d got %v", round, i, err)
			}
		}
		if errs[0] == nil && errs[1] == nil {
			t.Fatalf("round %d: both admins' changes went through", round)
		}
		if n := activeAdmins(t, servers[0], actors[won]); n != 1 {
			t.Fatalf("round %d: %d active admins after %v, want 1", round, n, errs)
		}
		admin, off := newsroom.RoleAdmin, false
		if _, err := servers[won].UpdateUser(actors[won], targets[won].ID, store.UserChange{Role: &admin, Disabled: &off}); err != nil {
			t.Fatalf("round %d: restoring the other admin: %v", round, err)
		}
	}
}

// TestUpdateUserRechecksTheActor shows the rules an admin's change meets inside its transaction,
// where the acting admin is read again: a request authenticated while its admin still was one.
func TestUpdateUserRechecksTheActor(t *testing.T) {
	s := mustOpen(t, store.Options{})
	ada, adaUser := mustUser(t, s, "ada", newsroom.RoleAdmin)
	bea, beaUser := mustUser(t, s, "bea", newsroom.RoleAdmin)
	_, sarah := mustUser(t, s, "sarah", newsroom.RoleWriter)
	writer, editor, admin, on := newsroom.RoleWriter, newsroom.RoleEditor, newsroom.RoleAdmin, true
	steps := []struct {
		name string
		as   context.Context
		id   int64
		ch   store.UserChange
		code string
	}{
		{"DemoteYourself", ada, adaUser.ID, store.UserChange{Role: &editor}, newsroom.ECONFLICT},
		{"DisableYourself", ada, adaUser.ID, store.UserChange{Disabled: &on}, newsroom.ECONFLICT},
		{"DemoteOneOfTwo", ada, beaUser.ID, store.UserChange{Role: &editor}, ""},
		// bea's request still carries her as an admin, as a session remembered for a moment would.
		{"DemotedAdminActs", bea, sarah.ID, store.UserChange{Role: &editor}, newsroom.EFORBIDDEN},
		{"LastAdmin", bea, adaUser.ID, store.UserChange{Disabled: &on}, newsroom.ECONFLICT},
		{"UnknownUser", ada, 9999, store.UserChange{Role: &writer}, newsroom.ENOTFOUND},
		{"PromoteAgain", ada, beaUser.ID, store.UserChange{Role: &admin}, ""},
		{"DisableOneOfTwo", bea, adaUser.ID, store.UserChange{Disabled: &on}, ""},
	}
	for _, st := range steps {
		_, err := s.UpdateUser(st.as, st.id, st.ch)
		if got := newsroom.ErrorCode(err); got != st.code {
			t.Fatalf("%s: error %v, want code %q", st.name, err, st.code)
		}
	}
	if n := activeAdmins(t, s, bea); n != 1 {
		t.Fatalf("%d active admins at the end, want 1", n)
	}
}

// TestPromotionAsksForANewPassword shows that a user made admin must choose a new password at
// once, since theirs may be shorter than an admin's must be, while one already an admin need not.
func TestPromotionAsksForANewPassword(t *testing.T) {
	s := mustOpen(t, store.Options{})
	ada, _ := mustUser(t, s, "ada", newsroom.RoleAdmin)
	_, bea := mustUser(t, s, "bea", newsroom.RoleAdmin)
	_, sarah := mustUser(t, s, "sarah", newsroom.RoleWriter)
	ws, err := s.SignIn(context.Background(), store.SignInRequest{Username: "sarah", Password: "pw-sarah-staple"})
	if err != nil {
		t.Fatal(err)
	}
	admin := newsroom.RoleAdmin
	for _, tt := range []struct {
		user *newsroom.User
		want bool
	}{{sarah, true}, {bea, false}} {
		u, err := s.UpdateUser(ada, tt.user.ID, store.UserChange{Role: &admin})
		if err != nil || u.MustChangePassword != tt.want {
			t.Fatalf("making %s admin: %+v, %v; want must_change_password %v", tt.user.Username, u, err, tt.want)
		}
	}
	if u, _, err := s.SessionUser(context.Background(), ws.Cookie); err != nil || !u.MustChangePassword {
		t.Fatalf("the promoted user's session: %+v, %v; want must_change_password", u, err)
	}
}
