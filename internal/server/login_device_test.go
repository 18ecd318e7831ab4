package server_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// TestLoginDeviceToken: a stranger who spreads failed sign-ins at a username over many
// addresses, each under its own limit, makes the username's own counter wait; an API client
// that sends back the device token its last sign-in as that user answered still signs in at
// once, as a browser with its device cookie does, and gets a new one that replaces it. A client
// without one, with one already used, or with another user's, waits with the stranger.
func TestLoginDeviceToken(t *testing.T) {
	a := newTestApp(t)
	type answer struct{ Token, Device string }
	login := func(user, password, device, addr string) (int, answer) {
		body, _ := json.Marshal(map[string]string{"username": user, "password": password, "device": device})
		req := httptest.NewRequest("POST", "/api/v1/login", strings.NewReader(string(body)))
		req.Header.Set("Content-Type", "application/json")
		req.RemoteAddr = addr + ":4000"
		res := httptest.NewRecorder()
		a.server.Handler().ServeHTTP(res, req)
		var out answer
		json.Unmarshal(res.Body.Bytes(), &out)
		return res.Code, out
	}
	const owner = "203.0.113.7"
	status, first := login("writer", "pw-writer-staple", "", owner)
	if status != http.StatusOK || first.Device == "" {
		t.Fatalf("the owner's first sign-in: %d, device %q", status, first.Device)
	}
	_, others := login("other", "pw-other-staple", "", owner)
	for i := range 30 {
		login("writer", "guess", "", fmt.Sprintf("198.51.100.%d", i+1))
	}
	tests := []struct {
		name, device string
		want         int
	}{
		{"NoDevice", "", http.StatusTooManyRequests},
		{"AnotherUsersDevice", others.Device, http.StatusTooManyRequests},
		{"OwnDevice", first.Device, http.StatusOK},
		{"UsedDevice", first.Device, http.StatusTooManyRequests},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			status, got := login("writer", "pw-writer-staple", tt.device, owner)
			if status != tt.want {
				t.Fatalf("sign-in: %d, want %d", status, tt.want)
			}
			if status == http.StatusOK && (got.Token == "" || got.Device == "" || got.Device == tt.device) {
				t.Errorf("answer %+v: want a token and a new device token", got)
			}
		})
	}
}
