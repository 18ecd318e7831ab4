package store_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/copydesk/copydesk/internal/clock"
	"github.com/copydesk/copydesk/internal/newsroom"
	"github.com/copydesk/copydesk/internal/store"
)

// TestRevocationEndsDevices: a password change, reset or setting by the operator, "sign out
// everywhere else", and disabling end the user's device cookies too, so that none of them passes the throttle of an
// address guessing at the password any more; a change or sign-out made from a browser keeps
// that browser's own.
func TestRevocationEndsDevices(t *testing.T) {
	tests := []struct {
		name     string
		revoke   func(f *newsroomFixture, sarah int64, this *store.WebSession) (string, error)
		keepThis bool
	}{
		{"ChangeFromThisBrowser", func(f *newsroomFixture, _ int64, this *store.WebSession) (string, error) {
			return "tulip-lantern", f.s.ChangePassword(f.writer, store.PasswordChange{Current: "pw-sarah-staple", New: "tulip-lantern", Keep: this.Cookie, Device: this.Device})
		}, true},
		{"ChangeOverTheAPI", func(f *newsroomFixture, _ int64, _ *store.WebSession) (string, error) {
			return "tulip-lantern", f.s.ChangePassword(f.writer, store.PasswordChange{Current: "pw-sarah-staple", New: "tulip-lantern"})
		}, false},
		{"SignOutEverywhereElse", func(f *newsroomFixture, _ int64, this *store.WebSession) (string, error) {
			_, err := f.s.RevokeOtherCredentials(f.writer, store.Presented{Kind: newsroom.CredentialSession, Secret: this.Cookie, Device: this.Device})
			return "pw-sarah-staple", err
		}, true},
		{"Reset", func(f *newsroomFixture, sarah int64, _ *store.WebSession) (string, error) {
			_, temporary, err := f.s.ResetPassword(f.admin, sarah)
			return temporary, err
		}, false},
		{"SetByTheOperator", func(f *newsroomFixture, _ int64, _ *store.WebSession) (string, error) {
			_, err := f.s.SetPassword(store.AsOperator(context.Background()), "sarah", "tulip-lantern")
			return "tulip-lantern", err
		}, false},
		{"Disable", func(f *newsroomFixture, sarah int64, _ *store.WebSession) (string, error) {
			off, on := true, false
			if _, err := f.s.UpdateUser(f.admin, sarah, store.UserChange{Disabled: &off}); err != nil {
				return "", err
			}
			_, err := f.s.UpdateUser(f.admin, sarah, store.UserChange{Disabled: &on})
			return "pw-sarah-staple", err
		}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			clk := clock.NewFake(time.Date(2025, 5, 7, 9, 0, 0, 0, time.UTC))
			f := newNewsroomAt(t, store.Options{Clock: clk})
			var browsers [2]*store.WebSession
			for i := range browsers {
				ws, err := f.s.SignIn(context.Background(), store.SignInRequest{Username: "sarah", Password: "pw-sarah-staple", Addr: owner})
				if err != nil {
					t.Fatal(err)
				}
				browsers[i] = ws
			}
			password, err := tt.revoke(f, newsroom.UserFrom(f.writer).ID, browsers[0])
			if err != nil {
				t.Fatal(err)
			}
			for range 5 {
				f.s.Login(context.Background(), store.SignInRequest{Username: "sarah", Password: "guess", Addr: guesser})
			}
			for i, want := range []bool{tt.keepThis, false} {
				_, err := f.s.SignIn(context.Background(), store.SignInRequest{Username: "sarah", Password: password, Addr: guesser, Device: browsers[i].Device})
				if passed := err == nil; passed != want {
					t.Errorf("browser %d's device cookie at the guesser's address: %v; want it to pass: %v", i, err, want)
				}
			}
		})
	}
}

// TestDevicesCapped: a user holds at most 50 device tokens; each sign-in without one makes one,
// and the oldest go first, so that a script signing in over the API every minute and never
// keeping its token leaves no pile of them. A token that went is throttled like none at all;
// the newest still lets its client in past a stranger's guesses at the username.
func TestDevicesCapped(t *testing.T) {
	f := newNewsroom(t)
	var devices []string
	for range 51 {
		_, _, device, err := f.s.Login(context.Background(), store.SignInRequest{Username: "sarah", Password: "pw-sarah-staple", Addr: owner})
		if err != nil {
			t.Fatal(err)
		}
		devices = append(devices, device)
	}
	for i := range 30 {
		f.s.Login(context.Background(), store.SignInRequest{Username: "sarah", Password: "guess", Addr: fmt.Sprintf("198.51.100.%d", i+1)})
	}
	for _, tt := range []struct {
		name, device string
		want         string
	}{
		{"Oldest", devices[0], newsroom.ETOOMANY},
		{"Newest", devices[50], ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, _, _, err := f.s.Login(context.Background(), store.SignInRequest{Username: "sarah", Password: "pw-sarah-staple", Addr: owner, Device: tt.device})
			if got := newsroom.ErrorCode(err); got != tt.want {
				t.Errorf("sign-in with the device token: %v, want code %q", err, tt.want)
			}
		})
	}
}

// TestScriptSignInsKeepTheBrowsersCookie: a script signing in over the API more than maxDevices
// times without sending its token back ends its own oldest tokens, never the user's browser
// cookie, so guesses at the password from elsewhere still never keep that browser out.
func TestScriptSignInsKeepTheBrowsersCookie(t *testing.T) {
	ctx := context.Background()
	f := newNewsroom(t)
	ws, err := f.s.SignIn(ctx, store.SignInRequest{Username: "sarah", Password: "pw-sarah-staple", Addr: owner})
	if err != nil {
		t.Fatal(err)
	}
	for range 51 {
		if _, _, _, err := f.s.Login(ctx, store.SignInRequest{Username: "sarah", Password: "pw-sarah-staple", Addr: "192.0.2.200"}); err != nil {
			t.Fatal(err)
		}
	}
	for i := range 30 {
		f.s.Login(ctx, store.SignInRequest{Username: "sarah", Password: "guess", Addr: fmt.Sprintf("198.51.100.%d", i+1)})
	}
	if _, err := f.s.SignIn(ctx, store.SignInRequest{Username: "sarah", Password: "pw-sarah-staple", Addr: owner, Device: ws.Device}); err != nil {
		t.Errorf("the browser's sign-in with its device cookie: %v", err)
	}
}
