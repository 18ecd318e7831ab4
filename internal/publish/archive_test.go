package publish

import (
	"slices"
	"testing"
)

func TestPagePath(t *testing.T) {
	tests := []struct {
		path string
		n    int
		want string
	}{
		{"/", 1, "/"},
		{"/", 2, "/page/2"},
		{"/topics/mexico", 1, "/topics/mexico"},
		{"/topics/mexico", 3, "/topics/mexico/page/3"},
	}
	for _, tt := range tests {
		if got := PagePath(tt.path, tt.n); got != tt.want {
			t.Errorf("PagePath(%q, %d) = %q, want %q", tt.path, tt.n, got, tt.want)
		}
	}
}

// TestNewsLanguage writes a piece's language as Google News takes it: an ISO 639 code, zh-cn
// or zh-tw.
func TestPageJumps(t *testing.T) {
	tests := []struct {
		name    string
		n, last int
		want    []int
	}{
		{"OnePage", 1, 1, nil},
		{"TwoPages", 2, 2, []int{1, 2}},
		{"FrontOf34", 1, 34, []int{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 20, 30, 34}},
		{"LastOf34", 34, 34, []int{1, 10, 20, 30, 31, 32, 33, 34}},
		{"Middle", 347, 400, []int{1, 100, 200, 300, 310, 320, 330, 340, 341, 342, 343, 344, 345, 346, 347, 348, 349, 350, 360, 370, 380, 390, 400}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := pageJumps(tt.n, tt.last); !slices.Equal(got, tt.want) {
				t.Errorf("pageJumps(%d, %d) = %v, want %v", tt.n, tt.last, got, tt.want)
			}
		})
	}
	// From the front page, every page of a listing of 9,999 pages is four clicks away at most.
	const last = 9999
	clicks := map[int]int{1: 0}
	for queue := []int{1}; len(queue) > 0; queue = queue[1:] {
		for _, p := range pageJumps(queue[0], last) {
			if _, seen := clicks[p]; !seen {
				clicks[p] = clicks[queue[0]] + 1
				queue = append(queue, p)
			}
		}
	}
	for p := 1; p <= last; p++ {
		if c, ok := clicks[p]; !ok || c > 4 {
			t.Fatalf("page %d is %d clicks from the first (reached: %v), want at most 4", p, c, ok)
		}
	}
}

func TestNewsLanguage(t *testing.T) {
	tests := []struct{ site, piece, want string }{
		{"", "", "en"},
		{"fr", "", "fr"},
		{"en", "pt-BR", "pt"},
		{"en", "ES", "es"},
		{"en", "zh-Hans", "zh-cn"},
		{"en", "zh-Hant-TW", "zh-tw"},
		{"en", "zh-TW", "zh-tw"},
		{"en", "zh", "zh-cn"},
	}
	for _, tt := range tests {
		if got := newsLanguage(Site{Language: tt.site}, Article{Language: tt.piece}); got != tt.want {
			t.Errorf("newsLanguage(site %q, piece %q) = %q, want %q", tt.site, tt.piece, got, tt.want)
		}
	}
}
