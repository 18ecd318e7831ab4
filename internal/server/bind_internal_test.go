package server

import (
	"strings"
	"testing"
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
