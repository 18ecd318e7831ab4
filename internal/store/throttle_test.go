package store_test

import (
	"context"
	"slices"
	"testing"
	"time"

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
	clk := &clock{now: time.Date(2025, 5, 7, 9, 0, 0, 0, time.UTC)}
	f := newNewsroomAt(t, store.Options{Now: clk.Now})
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
