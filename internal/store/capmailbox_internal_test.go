package store

import "testing"

// TestCapMailbox: the cap's mailbox is mailbox() with any "+tag" cut from the local part, and only
// from the local part.
func TestCapMailbox(t *testing.T) {
	for _, c := range []struct{ addr, want string }{
		{"ana@example.org", "ana@example.org"},
		{"ana+news@example.org", "ana@example.org"},
		{"Ana+News@Example.ORG", "ana@example.org"},
		{"ana+a+b@example.org", "ana@example.org"},
		{"ana+@example.org", "ana@example.org"},
		{"+tag@example.org", "@example.org"},
		{"ana@xn--bcher-kva.example", "ana@xn--bcher-kva.example"},
		{"ana+x@bücher.example", "ana@xn--bcher-kva.example"},
		{"ana.b@example.org", "ana.b@example.org"},
	} {
		t.Run(c.addr, func(t *testing.T) {
			if got := capMailbox(c.addr); got != c.want {
				t.Fatalf("capMailbox(%q) = %q, want %q", c.addr, got, c.want)
			}
		})
	}
}
