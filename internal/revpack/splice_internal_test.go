package revpack

import (
	"bytes"
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
		{"Truncated", good, good[:len(good)-20]},
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
