package store_test

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/copydesk/copydesk/internal/clock"
	"github.com/copydesk/copydesk/internal/newsroom"
	"github.com/copydesk/copydesk/internal/store"
)

// signInStep is one sign-in of a throttling scenario: who signs in with what, from where, with
// which device cookie (the name under which an earlier step kept it, or ""), the error code it
// must get ("" for success), and the name to keep the device cookie it gets under.
type signInStep struct {
	name, user, password, addr, device string
	want, keep                         string
}

// runSignInSteps signs in step by step on a clock that stands still, so no wait runs out.
func runSignInSteps(t *testing.T, steps []signInStep) {
	t.Helper()
	clk := clock.NewFake(time.Date(2025, 5, 7, 9, 0, 0, 0, time.UTC))
	f := newNewsroomAt(t, store.Options{Clock: clk})
	devices := map[string]string{}
	for _, st := range steps {
		ws, err := f.s.SignIn(context.Background(), store.SignInRequest{Username: st.user, Password: st.password, Addr: st.addr, Device: devices[st.device]})
		if got := newsroom.ErrorCode(err); got != st.want {
			t.Fatalf("%s: error code = %q (%v), want %q", st.name, got, err, st.want)
		}
		if st.keep != "" {
			devices[st.keep] = ws.Device
		}
	}
}

const (
	guesser = "198.51.100.66"
	owner   = "203.0.113.10"
)

// sixGuesses are six wrong passwords for sarah from the guesser's address: the sixth must wait.
var sixGuesses = []signInStep{
	{"Guess1", "sarah", "guess", guesser, "", newsroom.EUNAUTHORIZED, ""},
	{"Guess2", "sarah", "guess", guesser, "", newsroom.EUNAUTHORIZED, ""},
	{"Guess3", "Sarah", "guess", guesser, "", newsroom.EUNAUTHORIZED, ""},
	{"Guess4", "sarah", "guess", guesser, "", newsroom.EUNAUTHORIZED, ""},
	{"Guess5", "sarah", "guess", guesser, "", newsroom.EUNAUTHORIZED, ""},
	{"Guess6", "sarah", "guess", guesser, "", newsroom.ETOOMANY, ""},
}

// TestThrottleSparesOwner: six wrong guesses at someone's password from one address slow that
// address down, for that user and for every other, but do not lock the owner out elsewhere.
func TestThrottleSparesOwner(t *testing.T) {
	runSignInSteps(t, slices.Concat(sixGuesses, []signInStep{
		{"OwnerFromElsewhere", "sarah", "pw-sarah-staple", owner, "", "", ""},
		{"OwnerAgain", "sarah", "pw-sarah-staple", owner, "", "", ""},
		{"GuesserStillSlowed", "sarah", "guess", guesser, "", newsroom.ETOOMANY, ""},
		{"GuesserSlowedForOthers", "otto", "guess", guesser, "", newsroom.ETOOMANY, ""},
	}))
}

// TestDeviceCookie: a browser that signed in as sarah before passes the throttle of the
// address her password is being guessed from, with the device cookie it got then; the cookie
// is good once, for sarah only, and guesses made with it are slowed per device.
func TestDeviceCookie(t *testing.T) {
	steps := slices.Concat([]signInStep{{"OwnerSignsIn", "sarah", "pw-sarah-staple", owner, "", "", "laptop"}}, sixGuesses, []signInStep{
		{"OwnerAtGuessersAddress", "sarah", "pw-sarah-staple", guesser, "", newsroom.ETOOMANY, ""},
		{"OwnerMistypesWithDevice", "sarah", "pw-Sarah-staple", guesser, "laptop", newsroom.EUNAUTHORIZED, ""},
		{"OwnerWithDevice", "sarah", "pw-sarah-staple", guesser, "laptop", "", "laptop2"},
		{"ReplacedDevice", "sarah", "pw-sarah-staple", guesser, "laptop", newsroom.ETOOMANY, ""},
		{"DeviceForAnotherUser", "otto", "pw-otto-staple", guesser, "laptop2", newsroom.ETOOMANY, ""},
		{"GuesserStillSlowed", "sarah", "guess", guesser, "", newsroom.ETOOMANY, ""},
	})
	for range 5 {
		steps = append(steps, signInStep{"StolenDeviceGuess", "sarah", "guess", guesser, "laptop2", newsroom.EUNAUTHORIZED, ""})
	}
	steps = append(steps,
		signInStep{"StolenDeviceSlowed", "sarah", "guess", guesser, "laptop2", newsroom.ETOOMANY, ""},
		signInStep{"OwnerElsewhereStill", "sarah", "pw-sarah-staple", owner, "", "", ""},
	)
	runSignInSteps(t, steps)
}

// TestThrottleAcrossAddresses: 200 wrong guesses at sarah's password, each from another
// address, are refused after the allowance of the address's /64 when they all come from one,
// and after the allowance of sarah's own counter (20) when they come from anywhere. Meanwhile
// her browser with its device cookie signs her in at once, and otto is not slowed at all; only
// a new browser of hers waits while the guessing goes on.
func TestThrottleAcrossAddresses(t *testing.T) {
	tests := []struct {
		name          string
		addr          func(i int) string
		free          int
		newBrowserErr string
	}{
		{"OneIPv6Slash64", func(i int) string { return fmt.Sprintf("2001:db8:1:2:%x::%x", i, i+1) }, 5, ""},
		{"UnrelatedAddresses", func(i int) string {
			if i%2 == 0 {
				return fmt.Sprintf("10.%d.%d.1", i/256, i%256)
			}
			return fmt.Sprintf("2001:db8:%x::1", i)
		}, 20, newsroom.ETOOMANY},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			steps := []signInStep{{"OwnerSignsIn", "sarah", "pw-sarah-staple", owner, "", "", "laptop"}}
			for i := range 200 {
				want := newsroom.EUNAUTHORIZED
				if i >= tt.free {
					want = newsroom.ETOOMANY
				}
				steps = append(steps, signInStep{fmt.Sprintf("Guess%d", i+1), "sarah", "guess", tt.addr(i), "", want, ""})
				if i == 100 {
					steps = append(steps, signInStep{"OwnerWithDeviceMeanwhile", "sarah", "pw-sarah-staple", tt.addr(i), "laptop", "", "laptop"})
				}
			}
			runSignInSteps(t, append(steps,
				signInStep{"OwnerWithDevice", "sarah", "pw-sarah-staple", owner, "laptop", "", ""},
				signInStep{"OwnerNewBrowser", "sarah", "pw-sarah-staple", owner, "", tt.newBrowserErr, ""},
				signInStep{"SomeoneElse", "otto", "pw-otto-staple", "192.0.2.44", "", "", ""},
			))
		})
	}
}

// TestThrottlePerUserWaits: once sarah's own counter has used its allowance, guesses from ever
// new addresses wait twice as long each time, up to 15 minutes.
func TestThrottlePerUserWaits(t *testing.T) {
	clk := clock.NewFake(time.Date(2025, 5, 7, 9, 0, 0, 0, time.UTC))
	f := newNewsroomAt(t, store.Options{Clock: clk})
	var waits []int
	for i := 0; i < 60 && len(waits) < 13; i++ {
		_, _, _, err := f.s.Login(context.Background(), store.SignInRequest{Username: "sarah", Password: "guess", Addr: fmt.Sprintf("10.0.%d.%d", i/256, i%256)})
		var e *newsroom.Error
		if !errors.As(err, &e) || e.Code == newsroom.EUNAUTHORIZED {
			continue
		}
		secs, _ := e.Details["retry_after"].(int)
		if e.Code != newsroom.ETOOMANY || secs <= 0 {
			t.Fatalf("guess %d: %v, retry_after %v", i+1, err, e.Details)
		}
		if len(waits) == 0 && i != 20 {
			t.Fatalf("the first wait came at guess %d, want 21", i+1)
		}
		waits = append(waits, secs)
		clk.Add(time.Duration(secs) * time.Second)
	}
	if want := []int{1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 900, 900, 900}; !slices.Equal(waits, want) {
		t.Fatalf("waits = %v, want %v", waits, want)
	}
}

// TestNewPasswordClearsSignInWaits: a user whom guesses from many addresses have made wait the
// longest, 15 minutes at each try, signs in at once with the password an admin's reset or the
// operator gave them.
func TestNewPasswordClearsSignInWaits(t *testing.T) {
	for _, how := range []string{"AdminReset", "OperatorSetsIt"} {
		t.Run(how, func(t *testing.T) {
			clk := clock.NewFake(time.Date(2025, 5, 7, 9, 0, 0, 0, time.UTC))
			f := newNewsroomAt(t, store.Options{Clock: clk})
			signIn := func(user, pw, addr string) error {
				_, err := f.s.SignIn(context.Background(), store.SignInRequest{Username: user, Password: pw, Addr: addr})
				return err
			}
			// Guesses from ever new addresses, each after the wait the last one was told,
			// until the wait is the longest.
			for i := 0; ; i++ {
				var e *newsroom.Error
				if err := signIn("sarah", "guess", fmt.Sprintf("10.0.%d.%d", i/256, i%256)); errors.As(err, &e) && e.Code == newsroom.ETOOMANY {
					secs, _ := e.Details["retry_after"].(int)
					if secs >= 900 {
						break
					}
					clk.Add(time.Duration(secs) * time.Second)
				}
				if i > 100 {
					t.Fatal("the guesses never made sarah wait 15 minutes")
				}
			}
			if got := newsroom.ErrorCode(signIn("sarah", "pw-sarah-staple", owner)); got != newsroom.ETOOMANY {
				t.Fatalf("before the new password sarah's own sign-in got %q, want %q", got, newsroom.ETOOMANY)
			}
			pw := "a-new-horse-battery-staple"
			if how == "AdminReset" {
				_, temporary, err := f.s.ResetPassword(f.admin, newsroom.UserFrom(f.writer).ID)
				if err != nil {
					t.Fatal(err)
				}
				pw = temporary
			} else if _, err := f.s.SetPassword(store.AsOperator(context.Background()), "sarah", pw); err != nil {
				t.Fatal(err)
			}
			if err := signIn("sarah", pw, owner); err != nil {
				t.Fatalf("with the new password sarah's sign-in got %v", err)
			}
		})
	}
}
