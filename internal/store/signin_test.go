package store_test

import (
	"context"
	"strings"
	"testing"

	"github.com/copydesk/copydesk/internal/newsroom"
	"github.com/copydesk/copydesk/internal/store"
)

// TestDisabledUserSignIn: a disabled user is told so only after giving the right password;
// a wrong one gets the same answer as anyone's wrong password.
func TestDisabledUserSignIn(t *testing.T) {
	f := newNewsroom(t)
	_, sarah, _ := f.s.Login(context.Background(), "sarah", "pw-sarah-staple", "")
	off := true
	if _, err := f.s.UpdateUser(f.admin, sarah.ID, store.UserChange{Disabled: &off}); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, password, wantCode, wantMessage string
	}{
		{"WrongPassword", "guess", newsroom.EUNAUTHORIZED, "wrong username or password"},
		{"RightPassword", "pw-sarah-staple", newsroom.EFORBIDDEN, "disabled"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := f.s.Login(context.Background(), "sarah", tt.password, "192.0.2.1")
			wantCode(t, err, tt.wantCode)
			if msg := newsroom.ErrorMessage(err); !strings.Contains(msg, tt.wantMessage) {
				t.Fatalf("message %q, want %q", msg, tt.wantMessage)
			}
		})
	}
}
