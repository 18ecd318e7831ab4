package newsroom_test

import (
	"strings"
	"testing"

	"github.com/copydesk/copydesk/internal/newsroom"
)

func TestTextNormalize(t *testing.T) {
	in := newsroom.Text{Title: "  Title ", Body: "one\r\n\n  \ntwo\n", Topics: []string{" politics "}}
	got := in.Normalize()
	if got.Title != "Title" || got.Body != "one\ntwo" || got.Topics[0] != "politics" {
		t.Fatalf("Normalize() = %+v", got)
	}
	if ps := got.Paragraphs(); len(ps) != 2 || ps[1] != "two" {
		t.Fatalf("Paragraphs() = %q", ps)
	}
}

func TestTextValidate(t *testing.T) {
	ok := newsroom.Text{Title: "Mexico’s Sheinbaum — “no”", Body: "Café ünïcode 👍🏽"}
	tests := []struct {
		name    string
		mutate  func(*newsroom.Text)
		wantErr string
	}{
		{"OK", func(*newsroom.Text) {}, ""},
		{"EmptyTitle", func(x *newsroom.Text) { x.Title = "" }, "title must not be empty"},
		{"LongTitle", func(x *newsroom.Text) { x.Title = strings.Repeat("é", newsroom.MaxTitle+1) }, "title is 301 characters long"},
		{"TitleAtLimit", func(x *newsroom.Text) { x.Title = strings.Repeat("é", newsroom.MaxTitle) }, ""},
		{"InvalidUTF8", func(x *newsroom.Text) { x.Brief = "bad \xff byte" }, "brief is not valid UTF-8"},
		{"NUL", func(x *newsroom.Text) { x.Body = "a\x00b" }, "body must not contain NUL"},
		{"EmptyTopic", func(x *newsroom.Text) { x.Topics = []string{""} }, "topics must not be empty"},
		{"TooManyTopics", func(x *newsroom.Text) { x.Topics = make([]string, newsroom.MaxTopics+1) }, "at most 50 topics"},
		{"ScriptIsJustText", func(x *newsroom.Text) { x.Title = "<script>alert(1)</script>" }, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			x := ok
			tt.mutate(&x)
			err := x.Validate()
			if tt.wantErr == "" {
				if err != nil {
					t.Fatalf("Validate() = %v, want nil", err)
				}
				return
			}
			if newsroom.ErrorCode(err) != newsroom.EINVALID || !strings.Contains(newsroom.ErrorMessage(err), tt.wantErr) {
				t.Fatalf("Validate() = %v, want EINVALID containing %q", err, tt.wantErr)
			}
		})
	}
}
