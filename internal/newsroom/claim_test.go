package newsroom

import (
	"errors"
	"strings"
	"testing"
)

func TestRatingScale(t *testing.T) {
	tests := []struct {
		key, label string
		value      int
	}{
		{"false", "False", 1},
		{"mostly_false", "Mostly false", 2},
		{"half_true", "Half true", 3},
		{"mostly_true", "Mostly true", 4},
		{"true", "True", 5},
	}
	if len(Ratings) != len(tests) {
		t.Fatalf("the scale has %d steps, want %d", len(Ratings), len(tests))
	}
	for i, tt := range tests {
		t.Run(tt.key, func(t *testing.T) {
			r, ok := RatingOf(tt.key)
			if !ok || r.Label != tt.label || r.Value != tt.value {
				t.Fatalf("RatingOf(%q) = %+v, %v; want %s at %d", tt.key, r, ok, tt.label, tt.value)
			}
			if Ratings[i] != r {
				t.Errorf("step %d of the scale is %+v, want %+v (worst first)", i, Ratings[i], r)
			}
		})
	}
	for _, key := range []string{"", "False", "pants_on_fire", "3"} {
		if r, ok := RatingOf(key); ok {
			t.Errorf("RatingOf(%q) = %+v, want no such rating", key, r)
		}
	}
}

func TestClaimValidate(t *testing.T) {
	ok := Claim{Text: "Crime doubled last year.", ClaimedBy: "A. Mayor", Rating: "false"}
	with := func(f func(*Claim)) Claim { c := ok; f(&c); return c }
	tests := []struct {
		name    string
		claim   Claim
		wantErr string
	}{
		{"OK", ok, ""},
		{"OKWithDateAndLink", with(func(c *Claim) { c.Date, c.URL = "2026-11-30", "https://example.org/speech" }), ""},
		{"OKOrganization", with(func(c *Claim) { c.ClaimantKind = ClaimantOrganization }), ""},
		{"NoClaim", with(func(c *Claim) { c.Text = " \n " }), "the claim is required"},
		{"LongClaim", with(func(c *Claim) { c.Text = strings.Repeat("é", MaxClaim+1) }), "the claim is required"},
		{"NoClaimant", with(func(c *Claim) { c.ClaimedBy = "" }), "who made the claim"},
		{"UnknownKind", with(func(c *Claim) { c.ClaimantKind = "robot" }), "claimant_kind"},
		{"NoRating", with(func(c *Claim) { c.Rating = "" }), "the rating must be"},
		{"UnknownRating", with(func(c *Claim) { c.Rating = "pants_on_fire" }), "the rating must be"},
		{"BadDate", with(func(c *Claim) { c.Date = "30/11/2026" }), "YYYY-MM-DD"},
		{"ScriptLink", with(func(c *Claim) { c.URL = "javascript:alert(1)" }), "web address"},
		{"RelativeLink", with(func(c *Claim) { c.URL = "/speech" }), "web address"},
		{"BellInClaim", with(func(c *Claim) { c.Text = "Crime doubled\a" }), "the claim must not contain the control character U+0007"},
		{"EscapeInClaimant", with(func(c *Claim) { c.ClaimedBy = "A. Mayor\x1b[31m" }), "who made the claim must not contain the control character U+001B"},
		{"NoncharacterInClaim", with(func(c *Claim) { c.Text = "Crime\uffff doubled" }), "the claim must not contain the noncharacter U+FFFF"},
		{"AstralNoncharacterInClaimant", with(func(c *Claim) { c.ClaimedBy = "A.\U0010fffe Mayor" }), "who made the claim must not contain the noncharacter U+10FFFE"},
		{"TabInClaim", with(func(c *Claim) { c.Text = "Crime\tdoubled" }), ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.claim.Normalize().Validate()
			if tt.wantErr == "" {
				if err != nil {
					t.Fatalf("Validate: %v", err)
				}
				return
			}
			var e *Error
			if !errors.As(err, &e) || e.Code != EINVALID || !strings.Contains(e.Message, tt.wantErr) {
				t.Fatalf("Validate = %v, want EINVALID containing %q", err, tt.wantErr)
			}
		})
	}
	if got := (Claim{Text: " a\nb ", ClaimedBy: "x", Rating: "true"}).Normalize(); got.Text != "a b" || got.ClaimantKind != ClaimantPerson {
		t.Errorf("Normalize = %+v, want one line and a person", got)
	}
}
