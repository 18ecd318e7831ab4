package server

import (
	"bytes"
	"io"
	"math"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/copydesk/copydesk/internal/newsroom"
)

func TestLongList(t *testing.T) {
	items := func(n int, item string) string { return strings.TrimSuffix(strings.Repeat(item+",", n), ",") }
	tests := []struct {
		name string
		json string
		want bool
	}{
		{"Empty", `{}`, false},
		{"ListAtTheCap", `{"topics":[` + items(10, `"t"`) + `]}`, false},
		{"ListOverTheCap", `{"topics":[` + items(11, `"t"`) + `]}`, true},
		{"ObjectOverTheCap", `{"urls":{` + items(11, `"a":"b"`) + `}}`, true},
		{"NestedOverTheCap", `{"a":[[` + items(11, `1`) + `]]}`, true},
		{"CommasInAString", `{"body":"` + strings.Repeat(",", 50) + `"}`, false},
		{"EscapedQuoteInAString", `{"body":"\",` + strings.Repeat(",", 50) + `"}`, false},
		{"EscapedBackslashEndsAString", `{"a":["\\",` + items(10, `1`) + `]}`, true},
		{"ItemsOfSeveralLists", `{"a":[` + items(10, `1`) + `],"b":[` + items(10, `1`) + `]}`, false},
		{"DeeperThanTheDecoderTakes", strings.Repeat("[", 20000) + items(20, "1"), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := longList([]byte(tt.json), 10); got != tt.want {
				t.Fatalf("longList(%.60s…) = %v, want %v", tt.json, got, tt.want)
			}
		})
	}
}

// TestReadBody: a request body is read whole, and a signed-in user's that declares its length
// up to presizedBody is read into a single buffer of that size, as every save's is; a body that
// declares more than it sends, or nothing, is read as it comes, and so is an anonymous client's
// whatever it declares: a declared length it never sends must not hold a presized buffer.
func TestReadBody(t *testing.T) {
	save := []byte(`{"body":"` + strings.Repeat("The council met on Tuesday. ", 400) + `","version":3}`)
	writer := &newsroom.User{ID: 1, Name: "Writer", Role: newsroom.RoleWriter}
	tests := []struct {
		name       string
		user       *newsroom.User
		body       []byte
		declared   int64
		wantAllocs float64
		wantBytes  int
	}{
		{"DeclaredSave", writer, save, int64(len(save)), 1, 2 * len(save)},
		{"DeclaredEmpty", writer, nil, 0, 1, 1024},
		{"DeclaredOverPresized", writer, bytes.Repeat([]byte("a"), presizedBody+1000), presizedBody + 1000, 2, 4 * presizedBody},
		{"DeclaredMoreThanSent", writer, save, 2 * presizedBody, 1, 2 * presizedBody},
		{"Undeclared", writer, save, -1, math.Inf(1), 8 * len(save)},
		{"AnonymousDeclaresMoreThanSent", nil, []byte(`{}`), presizedBody, 2, 2048},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := bytes.NewReader(tt.body)
			req := httptest.NewRequest("PUT", "/api/v1/drafts/1", nil)
			if tt.user != nil {
				req = req.WithContext(newsroom.WithUser(req.Context(), tt.user))
			}
			req.Body, req.ContentLength = io.NopCloser(r), tt.declared
			var got []byte
			var err error
			allocs := testing.AllocsPerRun(10, func() {
				r.Reset(tt.body)
				got, err = readBody(req)
			})
			if err != nil || !bytes.Equal(got, tt.body) {
				t.Fatalf("readBody = %d bytes, %v; want the %d bytes sent", len(got), err, len(tt.body))
			}
			if allocs > tt.wantAllocs {
				t.Fatalf("readBody allocated %v times, want at most %v", allocs, tt.wantAllocs)
			}
			if c := cap(got); c > tt.wantBytes {
				t.Fatalf("readBody held a buffer of %d bytes for %d sent, want at most %d", c, len(tt.body), tt.wantBytes)
			}
		})
	}
}
