package newsroom_test

import (
	"reflect"
	"runtime"
	"strings"
	"testing"

	"github.com/copydesk/copydesk/internal/newsroom"
)

// allocated returns the bytes f allocates.
func allocated(f func()) uint64 {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	f()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

// TestTextNormalizeMemory holds what Normalize allocates to a few times the size of the text it
// is given, however that text is cut into lines: a signed-in user may send about 5 MB of it (see
// MaxTextBytes), and a body of a million one-letter lines, or of blank ones, took 40 to 60 bytes
// a byte when every line was made a string of its own before the blank ones were dropped.
func TestTextNormalizeMemory(t *testing.T) {
	const size = 4 << 20
	tests := []struct {
		name string
		text func(n int) newsroom.Text
	}{
		{"ShortParagraphs", func(n int) newsroom.Text { return newsroom.Text{Title: "T", Body: strings.Repeat("a\n", n/2)} }},
		{"BlankLines", func(n int) newsroom.Text { return newsroom.Text{Title: "T", Body: strings.Repeat("\n", n)} }},
		{"WindowsLineEnds", func(n int) newsroom.Text { return newsroom.Text{Title: "T", Body: strings.Repeat("a\r\n", n/3)} }},
		{"LongParagraphs", func(n int) newsroom.Text {
			return newsroom.Text{Title: "T", Body: strings.Repeat(strings.Repeat("word ", 200)+"\n", n/1001)}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := tt.text(size)
			var out newsroom.Text
			got := allocated(func() { out = in.Normalize() })
			if limit := uint64(6 * size); got > limit {
				t.Fatalf("Normalize allocated %d bytes for a %d-byte body (%.1f a byte), want at most %d", got, len(in.Body), float64(got)/float64(len(in.Body)), limit)
			}
			if strings.Contains(out.Body, "\n\n") || strings.HasPrefix(out.Body, "\n") || strings.ContainsRune(out.Body, '\r') {
				t.Fatalf("Normalize left a blank line or a \\r in the body: %q…", out.Body[:min(len(out.Body), 40)])
			}
		})
	}
}

// TestTextNormalizeNormalCopiesNothing: a text already normal is its own normal form, and
// Normalize returns its fields without copying them, allocating at most the list of topics.
// Every save normalizes the text it saves and the draft's own, which is already normal, three
// times in all; each of them copied a 10 kB body three times, 90 kB more for the collector.
func TestTextNormalizeNormalCopiesNothing(t *testing.T) {
	para := strings.Repeat("The council’s “plan” for Café Müller holds, said Rosa Delgado. ", 30)
	tests := []struct {
		name string
		text newsroom.Text
	}{
		{"Body", newsroom.Text{Title: "Floods", Body: para + "\n" + para + "\n" + para, Topics: []string{}}},
		{"EveryField", newsroom.Text{Title: "Floods", Byline: "Rosa Delgado", Brief: "A brief.", Body: para, Topics: []string{"Rivers", "Mexico City"}, EditorComment: "Checked."}},
		{"RightToLeft", newsroom.Text{Title: "\u200fשלום עולם", Body: "مصر ترفض عرض القوات\n" + para, Topics: []string{}}},
		{"IndentedLines", newsroom.Text{Title: "T", Body: "  indented\n\tand tabbed", Topics: []string{}}},
		{"Empty", newsroom.Text{Topics: []string{}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.text.Normalize(); !reflect.DeepEqual(got, tt.text) {
				t.Fatalf("Normalize() = %+q\nwant it unchanged", got)
			}
			want := 0.0
			if len(tt.text.Topics) > 0 {
				want = 1
			}
			if got := testing.AllocsPerRun(20, func() { tt.text.Normalize() }); got > want {
				t.Fatalf("Normalize of a normal text allocated %v times, want at most %v", got, want)
			}
		})
	}
}
