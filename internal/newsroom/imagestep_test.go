package newsroom_test

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/copydesk/copydesk/internal/newsroom"
)

func TestImageFileName(t *testing.T) {
	long := strings.Repeat("harbour-", 40) + "dusk.png"
	for _, tc := range []struct {
		name, raw, want string
	}{
		{"Plain", "harbour.png", "harbour.png"},
		{"UnixPath", "/home/ana/Pictures/harbour.png", "harbour.png"},
		{"WindowsPath", `C:\Users\ana\harbour.png`, "harbour.png"},
		{"Spaces", "  old   pier.jpg ", "old   pier.jpg"},
		{"Controls", "pier\x00\r\n.jpg", "pier.jpg"},
		{"BidiOverride", "harbour\u202egpj.exe", "harbourgpj.exe"},
		{"Noncharacter", "pier\uFFFE.jpg", "pier.jpg"},
		{"InvalidUTF8", "pier\xff.jpg", "pier.jpg"},
		{"Decomposed", "cafe\u0301.jpg", "café.jpg"},
		{"NonJoiner", "می\u200cخواهم.jpg", "می\u200cخواهم.jpg"},
		{"Joiner", "👩\u200d💻.jpg", "👩\u200d💻.jpg"},
		{"ZeroWidthSpace", "pier\u200b.jpg", "pier.jpg"},
		{"Markup", "<img src=x onerror=alert(1)>.png", "<img src=x onerror=alert(1)>.png"},
		{"Empty", "", ""},
		{"OnlyPath", "photos/", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := newsroom.ImageFileName(tc.raw); got != tc.want {
				t.Errorf("ImageFileName(%q) = %q, want %q", tc.raw, got, tc.want)
			}
		})
	}
	t.Run("LongKeepsItsExtension", func(t *testing.T) {
		got := newsroom.ImageFileName(long)
		if n := utf8.RuneCountInString(got); n != newsroom.MaxImageFileName {
			t.Errorf("%d characters, want %d: %q", n, newsroom.MaxImageFileName, got)
		}
		if !strings.HasPrefix(got, "harbour-") || !strings.HasSuffix(got, "dusk.png") || !strings.Contains(got, "…") {
			t.Errorf("cut to %q", got)
		}
	})
}

func TestImageNote(t *testing.T) {
	old := newsroom.ImageLabel("photo.jpg", "The old pier")
	boats := newsroom.ImageLabel("harbour.png", "Boats at dusk")
	iso := func(label string) string { return "\u2068" + label + "\u2069" }
	for _, tc := range []struct {
		name, step, gone, put, want string
	}{
		{"Set", newsroom.StepSetImage, "", boats, iso("harbour.png (“Boats at dusk”)")},
		{"Replace", newsroom.StepReplaceImage, old, boats, iso("photo.jpg (“The old pier”)") + " with " + iso("harbour.png (“Boats at dusk”)")},
		{"Remove", newsroom.StepRemoveImage, old, "", iso("photo.jpg (“The old pier”)")},
		{"RestoreOverNone", newsroom.StepRestoreImage, "", old, iso("photo.jpg (“The old pier”)")},
		{"RestoreOverAnother", newsroom.StepRestoreImage, boats, old, iso("photo.jpg (“The old pier”)") + " in place of " + iso("harbour.png (“Boats at dusk”)")},
		{"NoFileName", newsroom.StepRemoveImage, newsroom.ImageLabel("", "The old pier"), "", iso("“The old pier”")},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := newsroom.ImageNote(tc.step, tc.gone, tc.put); got != tc.want {
				t.Errorf("ImageNote = %q, want %q", got, tc.want)
			}
		})
	}
	t.Run("LongAltCut", func(t *testing.T) {
		got := newsroom.ImageLabel("a.png", strings.Repeat("word ", newsroom.MaxAlt/5))
		if n := utf8.RuneCountInString(got); n > 100 || !strings.HasSuffix(got, "…”)\u2069") {
			t.Errorf("%d characters: %q", n, got)
		}
	})
}

// TestImageCutsWholeCharacters: a file's name cut in the middle and an alt text cut at its end
// keep every character a reader sees whole: a flag's two letters, an emoji's joined parts, a
// letter and its vowel sign or virama.
func TestImageCutsWholeCharacters(t *testing.T) {
	for _, tc := range []struct{ name, unit string }{
		{"Flag", "🇺🇸"},
		{"OtherFlag", "🇦🇺"},
		{"JoinedEmoji", "👩\u200d💻"},
		{"VowelSign", "कि"},
		{"NonspacingVowelSign", "कु"},
		{"ViramaAndNonJoiner", "क्\u200c"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			whole := func(part, s string) {
				if s == "" || strings.Repeat(tc.unit, len(s)/len(tc.unit)) != s {
					t.Errorf("the %s %+q is not whole %+q", part, s, tc.unit)
				}
			}
			name := newsroom.ImageFileName(strings.Repeat(tc.unit, newsroom.MaxImageFileName) + ".jpeg")
			head, tail, ok := strings.Cut(name, "…")
			if !ok || !strings.HasSuffix(tail, ".jpeg") {
				t.Fatalf("the name cut to %+q", name)
			}
			whole("name's start", head)
			whole("name's end", strings.TrimSuffix(tail, ".jpeg"))
			label := newsroom.ImageLabel("", strings.Repeat(tc.unit, newsroom.MaxAlt))
			alt, _, ok := strings.Cut(strings.Trim(label, "\u2068\u2069“”"), "…")
			if !ok {
				t.Fatalf("the alt text cut to %+q", label)
			}
			whole("alt text", alt)
		})
	}
}

// TestImageLabelKeepsDirections: an alt text cut inside an isolate or embedding it opens, or one
// stored leaving one open, is closed within its label, so the note keeps the rule for a line and
// the words and labels after it read as they would alone.
func TestImageLabelKeepsDirections(t *testing.T) {
	pad := strings.Repeat("a", 75)
	for _, tc := range []struct{ name, alt string }{
		{"IsolateOverCut", pad + "\u2067שלום עולם\u2069"},
		{"FirstStrongOverCut", pad + "\u2068שלום עולם\u2069"},
		{"EmbeddingOverCut", pad + "\u202bשלום עולם\u202c"},
		{"NestedOverCut", pad + "\u2067ש\u202bלום עולם\u202c\u2069"},
		{"OpenUncut", "pier \u2067שלום"},
		{"StrayCloser", "pier\u2069 \u202c"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			put := newsroom.ImageLabel("boats.png", "Boats")
			note := newsroom.ImageNote(newsroom.StepReplaceImage, newsroom.ImageLabel("pier.jpg", tc.alt), put)
			if err := newsroom.CheckLine("note", note, newsroom.MaxNote); err != nil {
				t.Errorf("%+q: %v", note, err)
			}
			if !strings.HasPrefix(note, "\u2068pier.jpg (“") || !strings.HasSuffix(note, "”)\u2069 with "+put) {
				t.Errorf("the labels are not kept apart: %+q", note)
			}
		})
	}
}
