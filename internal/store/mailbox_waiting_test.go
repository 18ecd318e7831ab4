package store_test

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/copydesk/copydesk/internal/clock"
	"github.com/copydesk/copydesk/internal/newsroom"
	"github.com/copydesk/copydesk/internal/store"
)

// TestMailboxWaitingLinkHoldsNothing: a link waiting to be confirmed keeps an address from no
// one, not even for a moment, even when its asker renews it or is disabled: the owner may ask for
// it at once, an admin may set it and add a user with it, and the waiting link then ends, its
// asker told that another account has the address.
func TestMailboxWaitingLinkHoldsNothing(t *testing.T) {
	tests := []struct {
		name string
		// renew is how often the squatter asks again before the address is taken; disable says
		// whether an admin disables the squatter first.
		renew   int
		disable bool
		take    func(t *testing.T, s *store.Store, addr string) (*newsroom.User, error)
	}{
		{"OwnerAsksAndConfirms", 0, false, ownerTakes},
		{"OwnerAsksAfterRenewals", 3, false, ownerTakes},
		{"AdminSets", 0, false, adminSets},
		{"AdminSetsAfterRenewals", 3, false, adminSets},
		{"AdminSetsSquatterDisabled", 0, true, adminSets},
		{"UserAdd", 0, false, adminAdds},
		{"UserAddAfterRenewals", 3, false, adminAdds},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			clk := clock.NewFake(time.Date(2026, 12, 7, 9, 0, 0, 0, time.UTC))
			s := mustOpen(t, store.Options{Clock: clk})
			alice, au := mustUser(t, s, "alice", newsroom.RoleWriter)
			const addr = "bob@example.org"
			req, err := s.RequestEmailChange(alice, addr, true)
			if err != nil {
				t.Fatal(err)
			}
			for range tt.renew {
				clk.Add(47 * time.Hour)
				if req, err = s.RequestEmailChange(alice, addr, true); err != nil {
					t.Fatal(err)
				}
			}
			if tt.disable {
				yes := true
				adm, _ := mustUser(t, s, "adm", newsroom.RoleAdmin)
				if _, err := s.UpdateUser(adm, au.ID, store.UserChange{Disabled: &yes}); err != nil {
					t.Fatal(err)
				}
			}
			got, err := tt.take(t, s, addr)
			if err != nil {
				t.Fatalf("taking the address a colleague waits for: %v", err)
			}
			if got.Email != addr {
				t.Fatalf("address now %q, want %q", got.Email, addr)
			}
			if tt.disable {
				return
			}
			_, err = s.ConfirmEmail(alice, req.Token)
			wantCode(t, err, newsroom.ECONFLICT)
			if p, err := s.PendingEmail(alice); err != nil || p != nil {
				t.Fatalf("alice's link still waits: %+v %v", p, err)
			}
			clk.Add(store.EmailMailboxGap)
			_, err = s.RequestEmailChange(alice, addr, true)
			wantCode(t, err, newsroom.ECONFLICT)
		})
	}
}

func ownerTakes(t *testing.T, s *store.Store, addr string) (*newsroom.User, error) {
	bob, _ := mustUser(t, s, "bob", newsroom.RoleWriter)
	req, err := s.RequestEmailChange(bob, addr, true)
	if err != nil {
		return nil, err
	}
	set, err := s.ConfirmEmail(bob, req.Token)
	return set.User, err
}

func adminSets(t *testing.T, s *store.Store, addr string) (*newsroom.User, error) {
	_, bob := mustUser(t, s, "bob", newsroom.RoleWriter)
	set, err := s.SetEmail(store.AsOperator(t.Context()), bob.ID, addr)
	return set.User, err
}

func adminAdds(t *testing.T, s *store.Store, addr string) (*newsroom.User, error) {
	return s.CreateUser(store.AsOperator(t.Context()), store.NewUser{Username: "bob", Role: newsroom.RoleWriter,
		Password: "pw-bob-staple", Email: addr})
}

// TestMailboxFirstToConfirm: when several accounts' links to one mailbox wait (one person's link
// holds no one else's up), whoever confirms first has it, in any spelling, and the
// others' links end with a 409; a confirmed address still refuses the others when its holder is
// disabled.
func TestMailboxFirstToConfirm(t *testing.T) {
	tests := []struct {
		name    string
		addrs   []string
		confirm int
	}{
		{"FirstAskedConfirmsFirst", []string{"news@example.org", "news@example.org", "news@example.org"}, 0},
		{"LastAskedConfirmsFirst", []string{"news@example.org", "news@example.org", "news@example.org"}, 2},
		{"OtherSpellings", []string{"news@example.org", "NEWS@Example.ORG", "News@example.org"}, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			clk := clock.NewFake(time.Date(2026, 12, 7, 9, 0, 0, 0, time.UTC))
			s := mustOpen(t, store.Options{Clock: clk})
			var people []context.Context
			var ids []int64
			var reqs []store.EmailRequest
			for i, addr := range tt.addrs {
				ctx, u := mustUser(t, s, fmt.Sprintf("person%d", i), newsroom.RoleWriter)
				r, err := s.RequestEmailChange(ctx, addr, true)
				if err != nil {
					t.Fatalf("person%d asks for %s while another waits: %v", i, addr, err)
				}
				people, ids, reqs = append(people, ctx), append(ids, u.ID), append(reqs, r)
			}
			set, err := s.ConfirmEmail(people[tt.confirm], reqs[tt.confirm].Token)
			if err != nil {
				t.Fatalf("the first to confirm: %v", err)
			}
			if want := reqs[tt.confirm].Pending.Address; set.User.Email != want {
				t.Fatalf("address now %q, want %q", set.User.Email, want)
			}
			for i := range people {
				if i == tt.confirm {
					continue
				}
				_, err := s.ConfirmEmail(people[i], reqs[i].Token)
				wantCode(t, err, newsroom.ECONFLICT)
				if !strings.Contains(err.Error(), "another account") {
					t.Fatalf("person%d is told %v, want that another account has it", i, err)
				}
			}
			yes := true
			adm, _ := mustUser(t, s, "adm", newsroom.RoleAdmin)
			if _, err := s.UpdateUser(adm, ids[tt.confirm], store.UserChange{Disabled: &yes}); err != nil {
				t.Fatal(err)
			}
			other := (tt.confirm + 1) % len(people)
			clk.Add(store.EmailMailboxGap)
			_, err = s.RequestEmailChange(people[other], tt.addrs[other], true)
			wantCode(t, err, newsroom.ECONFLICT)
		})
	}
}

// TestMailboxProbeIsLimited: asking for addresses tells whether another account holds one no
// faster than links can be mailed: once a person's hourly links are spent, a held address is
// refused as a free one is, and each refusal of a held address spends one of them.
func TestMailboxProbeIsLimited(t *testing.T) {
	const held = "ceo.private@example.org"
	tests := []struct {
		name string
		// before are the addresses asked for first, each answered as beforeCode.
		before     []string
		beforeCode string
		addr, code string
	}{
		{"HeldAfterLimit", linksTo("eve%d@example.org"), "", "CEO.Private@example.org", newsroom.ETOOMANY},
		{"FreeAfterLimit", linksTo("eve%d@example.org"), "", "nobody@example.org", newsroom.ETOOMANY},
		{"RefusalsSpendTheLimit", slices.Repeat([]string{held}, store.EmailLinksPerHour), newsroom.ECONFLICT, "nobody@example.org", newsroom.ETOOMANY},
		{"HeldWithinLimit", nil, "", held, newsroom.ECONFLICT},
		{"FreeWithinLimit", nil, "", "nobody@example.org", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			clk := clock.NewFake(time.Date(2026, 12, 7, 9, 0, 0, 0, time.UTC))
			s := mustOpen(t, store.Options{Clock: clk})
			eve, _ := mustUser(t, s, "eve", newsroom.RoleWriter)
			_, chief := mustUser(t, s, "chief", newsroom.RoleWriter)
			if _, err := s.SetEmail(store.AsOperator(t.Context()), chief.ID, held); err != nil {
				t.Fatal(err)
			}
			for _, addr := range tt.before {
				_, err := s.RequestEmailChange(eve, addr, true)
				wantCode(t, err, tt.beforeCode)
			}
			_, err := s.RequestEmailChange(eve, tt.addr, true)
			wantCode(t, err, tt.code)
			if err != nil && strings.Contains(err.Error(), "chief") {
				t.Fatalf("the refusal names the holder: %v", err)
			}
		})
	}
}

// linksTo is EmailLinksPerHour addresses made from format.
func linksTo(format string) []string {
	var out []string
	for i := range store.EmailLinksPerHour {
		out = append(out, fmt.Sprintf(format, i))
	}
	return out
}

// TestMailboxSpellings: one mailbox written in another Unicode form, in capitals, or with its
// international domain in ASCII (IDNA) or Unicode is the same mailbox: refused while another
// account holds it, however it is given, and given one person's link at most once in the gap,
// however they ask for it; another letter is another mailbox. What was typed is kept.
func TestMailboxSpellings(t *testing.T) {
	const held = "jos\u00e9@b\u00fccher.example"
	tests := []struct {
		name, addr, code string
	}{
		{"ErrSame", held, newsroom.ECONFLICT},
		{"ErrDecomposedLocal", "jose\u0301@b\u00fccher.example", newsroom.ECONFLICT},
		{"ErrDecomposedDomain", "jos\u00e9@bu\u0308cher.example", newsroom.ECONFLICT},
		{"ErrASCIIDomain", "jos\u00e9@xn--bcher-kva.example", newsroom.ECONFLICT},
		{"ErrCapitals", "JOS\u00c9@B\u00dcCHER.EXAMPLE", newsroom.ECONFLICT},
		{"ErrCapitalsDecomposed", "JOSE\u0301@XN--BCHER-KVA.example", newsroom.ECONFLICT},
		{"OtherLocal", "jose@b\u00fccher.example", ""},
		{"OtherDomain", "jos\u00e9@bucher.example", ""},
	}
	for _, way := range []string{"Request", "SetEmail", "CreateUser"} {
		for _, tt := range tests {
			t.Run(way+"/"+tt.name, func(t *testing.T) {
				s := mustOpen(t, store.Options{})
				op := store.AsOperator(t.Context())
				_, holder := mustUser(t, s, "holder", newsroom.RoleWriter)
				if _, err := s.SetEmail(op, holder.ID, held); err != nil {
					t.Fatal(err)
				}
				ctx, u := mustUser(t, s, "other", newsroom.RoleWriter)
				var err error
				var kept string
				switch way {
				case "Request":
					var r store.EmailRequest
					if r, err = s.RequestEmailChange(ctx, tt.addr, true); err == nil {
						kept = r.Pending.Address
					}
				case "SetEmail":
					var set store.EmailSet
					if set, err = s.SetEmail(op, u.ID, tt.addr); err == nil {
						kept = set.User.Email
					}
				case "CreateUser":
					var nu *newsroom.User
					if nu, err = s.CreateUser(op, store.NewUser{Username: "added", Role: newsroom.RoleWriter, Password: "pw-added-staple", Email: tt.addr}); err == nil {
						kept = nu.Email
					}
				}
				wantCode(t, err, tt.code)
				if err == nil && kept != tt.addr {
					t.Fatalf("kept %q, want %q as typed", kept, tt.addr)
				}
			})
		}
	}
	t.Run("GapAcrossSpellings", func(t *testing.T) {
		s := mustOpen(t, store.Options{})
		first, _ := mustUser(t, s, "first", newsroom.RoleWriter)
		second, _ := mustUser(t, s, "second", newsroom.RoleWriter)
		if _, err := s.RequestEmailChange(first, "jos\u00e9@b\u00fccher.example", true); err != nil {
			t.Fatal(err)
		}
		_, err := s.RequestEmailChange(first, "jose\u0301@xn--bcher-kva.example", true)
		wantCode(t, err, newsroom.ETOOMANY)
		_, err = s.RequestEmailChange(second, "JOSE\u0301@xn--bcher-kva.example", true)
		wantCode(t, err, "")
	})
	// One's own address in another spelling is one's own again: it mails nothing, spends none
	// of the hour's links, and ends the link waiting for another address.
	t.Run("OwnInAnotherSpelling", func(t *testing.T) {
		s := mustOpen(t, store.Options{})
		ctx, u := mustUser(t, s, "owner", newsroom.RoleWriter)
		if _, err := s.SetEmail(store.AsOperator(t.Context()), u.ID, "jos\u00e9@b\u00fccher.example"); err != nil {
			t.Fatal(err)
		}
		if _, err := s.RequestEmailChange(ctx, "new@example.org", true); err != nil {
			t.Fatal(err)
		}
		r, err := s.RequestEmailChange(ctx, "JOSE\u0301@xn--bcher-kva.example", true)
		if err != nil || r.Token != "" || r.Pending != nil {
			t.Fatalf("asking for one's own address in another spelling = %+v, %v; want nothing mailed", r, err)
		}
		if p, err := s.PendingEmail(ctx); err != nil || p != nil {
			t.Fatalf("the link to new@example.org still waits: %+v, %v", p, err)
		}
	})
}
