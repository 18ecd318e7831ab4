package revpack

import (
	"bytes"
	"encoding/binary"
	"strings"
	"testing"

	"github.com/copydesk/copydesk/internal/newsroom"
)

// TestDeltaKind checks which kind Delta packs each change as, and that each unpacks to the text.
func TestDeltaKind(t *testing.T) {
	para := strings.Repeat("The council met on Tuesday to vote on the budget for the coming year. ", 9)
	body := strings.Repeat(para+"\n\n", 16)
	prev := newsroom.Text{Title: "Budget", Byline: "Rosa Delgado", Body: body, Topics: []string{"City Hall"}}
	rewritten := strings.Repeat("Residents packed the hall to ask why the rates would rise again. ", 9)
	tests := []struct {
		name string
		edit func(t newsroom.Text) newsroom.Text
		want byte
	}{
		{"NothingChanged", func(t newsroom.Text) newsroom.Text { return t }, kindSplice},
		{"WordsTypedMidBody", func(t newsroom.Text) newsroom.Text {
			t.Body = t.Body[:5000] + "Late figures " + t.Body[5000:]
			return t
		}, kindSplice},
		{"WordOfTheSameLength", func(t newsroom.Text) newsroom.Text {
			t.Body = t.Body[:5000] + strings.Replace(t.Body[5000:], "Tuesday", "Mondays", 1)
			return t
		}, kindSplice},
		{"SentenceCutAtStart", func(t newsroom.Text) newsroom.Text { t.Body = t.Body[71:]; return t }, kindSplice},
		{"SentenceRewritten", func(t newsroom.Text) newsroom.Text {
			t.Body = strings.Replace(t.Body, para[:70], rewritten[:65], 1)
			return t
		}, kindSplice},
		// A paragraph of new words is past spliceMax: zstd finds them in the text before.
		{"ParagraphRewritten", func(t newsroom.Text) newsroom.Text {
			t.Body = strings.Replace(t.Body, para, rewritten, 1)
			return t
		}, kindDelta},
		{"TitleBylineAndTopic", func(t newsroom.Text) newsroom.Text {
			t.Title, t.Byline, t.Topics = "Budget vote", "Rosa Delgado and Sam Okafor", []string{"City Hall", "Budget"}
			return t
		}, kindSplice},
		{"BriefWritten", func(t newsroom.Text) newsroom.Text { t.Brief = "The council votes."; return t }, kindSplice},
		{"EditsFarApart", func(t newsroom.Text) newsroom.Text {
			t.Body = "Update: " + t.Body[:9000] + "and then " + t.Body[9000:]
			return t
		}, kindDelta},
		{"BodyRewritten", func(t newsroom.Text) newsroom.Text {
			t.Body = strings.Repeat(rewritten+"\n\n", 16)
			return t
		}, kindDelta},
		{"BodyEmptied", func(t newsroom.Text) newsroom.Text { t.Body = ""; return t }, kindSplice},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, b := Marshal(prev), Marshal(tt.edit(prev))
			d := Delta(a, b)
			if d[0] != tt.want {
				t.Fatalf("packed as %q, want %q", d[0], tt.want)
			}
			got, err := Unpack(d, a)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got, b) {
				t.Fatalf("unpacked %d bytes, not the %d packed", len(got), len(b))
			}
		})
	}
}

// TestSpliceNeedsMarshalledTexts packs bytes Marshal did not write, a length in more bytes than
// it needs included, as a zstd delta, which needs no fields.
func TestSpliceNeedsMarshalledTexts(t *testing.T) {
	good := Marshal(newsroom.Text{Title: "A", Body: "one two three", Topics: []string{}})
	padded := append([]byte{0x81, 0x00}, good[2:]...) // the title's length, 1, in two bytes
	for _, tc := range []struct {
		name      string
		prev, raw []byte
	}{
		{"PreviousNotMarshalled", padded, good},
		{"NextNotMarshalled", good, padded},
		{"Truncated", good, good[:len(good)-3]},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d := Delta(tc.prev, tc.raw)
			if d[0] != kindDelta {
				t.Fatalf("packed as %q, want a zstd delta", d[0])
			}
			if got, err := Unpack(d, tc.prev); err != nil || !bytes.Equal(got, tc.raw) {
				t.Fatalf("unpacked %q, %v", got, err)
			}
		})
	}
}

// TestSpliceCompressesWhatShrinks packs new bytes that compress in a zstd frame, and a few typed
// words as they are: each is the smaller form.
func TestSpliceCompressesWhatShrinks(t *testing.T) {
	prev := Marshal(newsroom.Text{Title: "Budget", Body: "The council met on Tuesday.", Topics: []string{}})
	for _, tc := range []struct {
		name  string
		added string
		form  byte
	}{
		{"Chant", strings.Repeat("la ", 150), spliceZstd},
		{"Words", "Late figures ", spliceRaw},
	} {
		t.Run(tc.name, func(t *testing.T) {
			raw := Marshal(newsroom.Text{Title: "Budget", Body: "The council met " + tc.added + "on Tuesday.", Topics: []string{}})
			d := Delta(prev, raw)
			// The kind, the checksum, the parts changed, the body's three lengths.
			lengths := binary.AppendUvarint(binary.AppendUvarint(binary.AppendUvarint(nil, 16), 11), uint64(len(tc.added)))
			head := 1 + 4 + 1 + len(lengths)
			if d[0] != kindSplice || d[head] != tc.form {
				t.Fatalf("packed %q as kind %q, form %d; want a splice, form %d", tc.added, d[0], d[head], tc.form)
			}
			if got, err := Unpack(d, prev); err != nil || !bytes.Equal(got, raw) {
				t.Fatalf("unpacked %q, %v", got, err)
			}
		})
	}
}

func TestCommonEnds(t *testing.T) {
	tests := []struct {
		a, b          string
		before, after int
	}{
		{"", "", 0, 0},
		{"same", "same", 4, 0},
		{"a a ", "a ", 2, 0},
		{"a ", "a a ", 2, 0},
		{"abcXYZdef", "abcdef", 3, 3},
		{"abcdef", "abcXYZdef", 3, 3},
		{"the council met", "the mayor met", 4, 4},
		{"0123456789abcdefX", "0123456789abcdefY", 16, 0},
		{"aaaa", "aa", 2, 0},
		{"xab", "yab", 0, 2},
	}
	for _, tt := range tests {
		before, after := commonEnds([]byte(tt.a), []byte(tt.b))
		if before != tt.before || after != tt.after {
			t.Errorf("commonEnds(%q, %q) = %d, %d; want %d, %d", tt.a, tt.b, before, after, tt.before, tt.after)
		}
	}
}
