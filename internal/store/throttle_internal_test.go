package store

import (
	"testing"
	"time"
)

// TestThrottleRuleWait holds the waits of both rules: free failures, then doubling, capped.
func TestThrottleRuleWait(t *testing.T) {
	tests := []struct {
		name     string
		rule     throttleRule
		failures int
		want     time.Duration
	}{
		{"PerClientFree", perClient, 4, 0},
		{"PerClientFirstWait", perClient, 5, time.Second},
		{"PerClientDoubles", perClient, 8, 8 * time.Second},
		{"PerClientCapped", perClient, 14, 5 * time.Minute},
		{"PerUserFree", perUser, 19, 0},
		{"PerUserFirstWait", perUser, 20, time.Second},
		{"PerUserCapped", perUser, 30, 15 * time.Minute},
		{"PerUserAfterADayOfGuessing", perUser, 20 + 24*4, 15 * time.Minute},
		{"NoOverflow", perClient, 1 << 20, 5 * time.Minute},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.rule.wait(tt.failures); got != tt.want {
				t.Fatalf("wait(%d) = %v, want %v", tt.failures, got, tt.want)
			}
		})
	}
}

// TestAddressKey: an IPv4 address counts whole, an IPv6 address by its /64.
func TestAddressKey(t *testing.T) {
	tests := []struct {
		name, addr, want string
	}{
		{"IPv4Whole", "192.0.2.7", "192.0.2.7"},
		{"IPv4Mapped", "::ffff:192.0.2.7", "192.0.2.7"},
		{"IPv6BySlash64", "2001:db8:1:2:3:4:5:6", "2001:db8:1:2::/64"},
		{"IPv6SameSlash64", "2001:db8:1:2:ffff::1", "2001:db8:1:2::/64"},
		{"IPv6Zone", "fe80::1%eth0", "fe80::/64"},
		{"NotAnAddress", "unix-socket", "unix-socket"},
		{"None", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := addressKey(tt.addr); got != tt.want {
				t.Fatalf("addressKey(%q) = %q, want %q", tt.addr, got, tt.want)
			}
		})
	}
}
