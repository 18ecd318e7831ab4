package anchor_test

import (
	"errors"
	"math"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/copydesk/copydesk/internal/anchor"
)

// FuzzLocate builds a selector on text and re-anchors it in newText. Whatever the texts, Locate
// must not panic, must return a range inside newText whose code points are the returned Exact,
// must keep the selector's Exact, in NFC, unless the words moved, must find an unchanged text
// where it left it, and must agree with LocateAll.
func FuzzLocate(f *testing.F) {
	f.Add("The council approved the budget on Tuesday.", "After a night, the council approved the budget on Tuesday.", 12, 30)
	f.Add("The council approved the annual budget on Tuesday.", "The council approved the yearly budget on Tuesday.", 12, 37)
	f.Add("Mayor says the plan will fail.", "Snow fell on the hills.", 11, 14)
	f.Add("Café 👍🏽 niño budget vote", "¡Olé! Café 👍🏽 niño budget votes", 12, 23)
	f.Add("echo echo echo echo echo", "x echo echo echo echo", 10, 14)
	f.Add("abc", "", 0, 3)
	f.Add("a\xffb\xfe", "\xffa\xffb\xfe", 1, 3)
	f.Fuzz(func(t *testing.T, text, newText string, start, end int) {
		sel, err := anchor.New(text, start, end)
		if err != nil {
			t.Skip()
		}
		if got := anchor.Locate(text, sel); got != (anchor.Result{Start: start, End: end, Exact: sel.Exact, Status: anchor.Exact, Next: sel}) {
			t.Fatalf("Locate in unchanged text = %+v, want [%d,%d) %q exact", got, start, end, sel.Exact)
		}
		got := anchor.Locate(newText, sel)
		if all := anchor.LocateAll(newText, []anchor.Selector{sel}); len(all) != 1 || all[0] != got {
			t.Fatalf("LocateAll = %+v, Locate = %+v", all, got)
		}
		runes := []rune(newText)
		switch got.Status {
		case anchor.Detached:
			if got != (anchor.Result{Exact: sel.Exact, Status: anchor.Detached}) {
				t.Fatalf("detached result %+v keeps a position or loses the quote %q", got, sel.Exact)
			}
			return
		case anchor.Exact:
			if norm.NFC.String(got.Exact) != norm.NFC.String(sel.Exact) {
				t.Fatalf("exact result %q differs from the selector's %q", got.Exact, sel.Exact)
			}
		case anchor.Moved:
			if norm.NFC.String(got.Exact) == norm.NFC.String(sel.Exact) {
				t.Fatalf("moved result keeps the selector's words %q", got.Exact)
			}
		default:
			t.Fatalf("unknown status in %+v", got)
		}
		if got.Start < 0 || got.Start >= got.End || got.End > len(runes) {
			t.Fatalf("range [%d,%d) outside %d code points", got.Start, got.End, len(runes))
		}
		if s := string(runes[got.Start:got.End]); s != got.Exact {
			t.Fatalf("text at [%d,%d) is %q, result says %q", got.Start, got.End, s, got.Exact)
		}
		if next, _ := anchor.New(newText, got.Start, got.End); got.Next != next {
			t.Fatalf("next selector %+v, want %+v", got.Next, next)
		}
	})
}

// FuzzResolve checks that Resolve never panics, that a range it returns holds the quote, and
// that it reports a missing quote as missing and an unqualified repeated one as ambiguous.
func FuzzResolve(f *testing.F) {
	f.Add("Alice paid the bill. Bob paid the bill.", "paid the bill", "Bob ", "")
	f.Add("Alice paid the bill. Bob paid the bill.", "paid the bill", "", "")
	f.Add("👍🏽 Café", "é", "", "")
	f.Add("aaa", "aa", "", "a")
	f.Add("a\xffb", "\xfe", "", "")
	f.Fuzz(func(t *testing.T, text, exact, prefix, suffix string) {
		start, end, err := anchor.Resolve(text, exact, prefix, suffix)
		// Invalid UTF-8 decodes to U+FFFD on both sides, so compare decoded texts.
		runes, quote := []rune(text), string([]rune(exact))
		switch {
		case exact == "":
			if !errors.Is(err, anchor.ErrInvalidSpan) {
				t.Fatalf("empty quote: err = %v, want ErrInvalidSpan", err)
			}
		case errors.Is(err, anchor.ErrNotFound):
			if strings.Contains(string(runes), quote) {
				t.Fatalf("ErrNotFound but %q contains %q", text, exact)
			}
		case errors.Is(err, anchor.ErrAmbiguous):
			if occurrences(string(runes), quote) == 1 {
				t.Fatalf("ErrAmbiguous but %q occurs once in %q", exact, text)
			}
		case err != nil:
			t.Fatalf("unexpected error %v", err)
		default:
			if start < 0 || start >= end || end > len(runes) || string(runes[start:end]) != quote {
				t.Fatalf("Resolve = [%d,%d), which does not hold %q in %q", start, end, exact, text)
			}
			if prefix == "" && suffix == "" && occurrences(string(runes), quote) > 1 {
				t.Fatalf("Resolve picked one of several %q without context", exact)
			}
		}
	})
}

// FuzzPick holds Pick to Resolve: it answers with the range it was given only where that
// range holds the words between their context, and otherwise exactly as Resolve does.
func FuzzPick(f *testing.F) {
	f.Add("Alice paid the bill. Bob paid the bill.", "paid the bill", "Bob ", ".", 6, 19)
	f.Add("Alice paid the bill. Bob paid the bill.", "paid the bill", "", "", 25, 38)
	f.Add("👍🏽 Café", "é", "Caf", "", 6, 7)
	f.Add("aaa", "aa", "", "a", 1, 3)
	f.Add("a\xffb", "\xfe", "", "", 1, 2)
	f.Add("abc de", "abc", "", "de", math.MaxInt-3, math.MaxInt)
	f.Fuzz(func(t *testing.T, text, exact, prefix, suffix string, start, end int) {
		gotStart, gotEnd, err := anchor.Pick(text, exact, prefix, suffix, start, end)
		runes, quote := []rune(text), []rune(exact)
		pre, suf := []rune(prefix), []rune(suffix)
		holds := exact != "" && start >= len(pre) && start <= len(runes) && end >= start && end-start == len(quote) &&
			len(runes)-end >= len(suf) && string(runes[start-len(pre):end+len(suf)]) == string(pre)+string(quote)+string(suf)
		if holds {
			if err != nil || gotStart != start || gotEnd != end {
				t.Fatalf("Pick = %d, %d, %v; the range [%d,%d) holds %q in its context", gotStart, gotEnd, err, start, end, exact)
			}
			return
		}
		wantStart, wantEnd, wantErr := anchor.Resolve(text, exact, prefix, suffix)
		if gotStart != wantStart || gotEnd != wantEnd || !sameError(err, wantErr) {
			t.Fatalf("Pick = %d, %d, %v; Resolve = %d, %d, %v", gotStart, gotEnd, err, wantStart, wantEnd, wantErr)
		}
	})
}

// sameError reports whether a and b are both nil or both wrap the same one of the package's
// errors.
func sameError(a, b error) bool {
	for _, e := range []error{anchor.ErrNotFound, anchor.ErrAmbiguous, anchor.ErrInvalidSpan} {
		if errors.Is(a, e) != errors.Is(b, e) {
			return false
		}
	}
	return (a == nil) == (b == nil)
}

// occurrences counts the places where sub occurs in s, overlapping ones included, as Resolve
// does: "aa" occurs twice in "aaa".
func occurrences(s, sub string) int {
	n := 0
	for i := strings.Index(s, sub); i >= 0; i = strings.Index(s, sub) {
		n++
		_, size := utf8.DecodeRuneInString(s[i:])
		s = s[i+size:]
	}
	return n
}
