package newsroom_test

import (
	"reflect"
	"testing"

	"github.com/copydesk/copydesk/internal/newsroom"
)

// TestJoinRefusals: the refusals of an action's gates become one, saying each in the gates'
// order, with the first's code and every detail (the first's where two give the same).
func TestJoinRefusals(t *testing.T) {
	quotes := newsroom.Errorf(newsroom.ECONFLICT, "cannot approve yet: quote #2 is unchecked").With("quotes", []int64{2})
	cleared := newsroom.Errorf(newsroom.ECONFLICT, "quote #3 is disputed").With("quotes", []int64{2, 3})
	comments := newsroom.Errorf(newsroom.ECONFLICT, "cannot approve: 1 unresolved comment").With("comments", []int64{7})
	missing := newsroom.Errorf(newsroom.EINVALID, "the piece has no byline yet").With("missing", []string{"byline"})
	tests := []struct {
		name     string
		in       []*newsroom.Error
		wantCode string
		wantMsg  string
		wantKeys map[string]any
	}{
		{"None", nil, "", "", nil},
		{"One", []*newsroom.Error{comments}, newsroom.ECONFLICT, "cannot approve: 1 unresolved comment", map[string]any{"comments": []int64{7}}},
		{"Two", []*newsroom.Error{quotes, comments}, newsroom.ECONFLICT,
			"cannot approve yet: quote #2 is unchecked. Also: cannot approve: 1 unresolved comment",
			map[string]any{"quotes": []int64{2}, "comments": []int64{7}}},
		{"FirstCodeWins", []*newsroom.Error{missing, quotes}, newsroom.EINVALID,
			"the piece has no byline yet. Also: cannot approve yet: quote #2 is unchecked",
			map[string]any{"missing": []string{"byline"}, "quotes": []int64{2}}},
		{"SameDetailKeepsTheFirst", []*newsroom.Error{quotes, cleared}, newsroom.ECONFLICT,
			"cannot approve yet: quote #2 is unchecked. Also: quote #3 is disputed", map[string]any{"quotes": []int64{2}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := newsroom.JoinRefusals(tt.in)
			if got := newsroom.ErrorCode(err); got != tt.wantCode {
				t.Fatalf("code %q, want %q", got, tt.wantCode)
			}
			if got := newsroom.ErrorMessage(err); got != tt.wantMsg {
				t.Fatalf("message %q, want %q", got, tt.wantMsg)
			}
			if err == nil {
				return
			}
			if got := err.(*newsroom.Error).Details; !reflect.DeepEqual(got, tt.wantKeys) {
				t.Fatalf("details %v, want %v", got, tt.wantKeys)
			}
		})
	}
}
