package newsroom_test

import (
	"strings"
	"testing"

	"github.com/copydesk/copydesk/internal/newsroom"
)

func TestImageTextCheck(t *testing.T) {
	for _, tc := range []struct {
		name      string
		text      newsroom.ImageText
		wantField string
	}{
		{"OK", newsroom.ImageText{Alt: "A crowd on the quay at dawn", Caption: "The ferry's last run.", Credit: "Ana Ruiz"}, ""},
		{"OKAltOnly", newsroom.ImageText{Alt: "A map of the bay"}, ""},
		{"ErrNoAlt", newsroom.ImageText{Caption: "Nice"}, "alt"},
		{"ErrBlankAlt", newsroom.ImageText{Alt: " \t "}, "alt"},
		{"ErrLongAlt", newsroom.ImageText{Alt: strings.Repeat("a", newsroom.MaxAlt+1)}, "alt"},
		{"ErrLongCaption", newsroom.ImageText{Alt: "x", Caption: strings.Repeat("c", newsroom.MaxCaption+1)}, "caption"},
		{"ErrCreditNewline", newsroom.ImageText{Alt: "x", Credit: "Ana\nRuiz"}, "credit"},
		{"ErrAltNUL", newsroom.ImageText{Alt: "x\x00"}, "alt"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := tc.text.Check()
			if tc.wantField == "" {
				if err != nil {
					t.Fatal(err)
				}
				return
			}
			e, ok := err.(*newsroom.Error)
			if !ok || e.Code != newsroom.EINVALID || e.Details["field"] != tc.wantField {
				t.Fatalf("got %v, want EINVALID on %s", err, tc.wantField)
			}
		})
	}
}
