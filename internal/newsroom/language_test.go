package newsroom

import "testing"

func TestCanonicalLanguage(t *testing.T) {
	for _, tc := range []struct {
		name, in, want string
		ok             bool
	}{
		{"Empty", "", "", true},
		{"Plain", "ar", "ar", true},
		{"Case", "EN-gb", "en-GB", true},
		{"Spaces", " he ", "he", true},
		{"Deprecated", "iw", "he", true},
		{"Script", "zh-hant-tw", "zh-Hant-TW", true},
		{"Undetermined", "und", "", false},
		{"NotATag", "English", "", false},
		{"Garbage", "e!", "", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := CanonicalLanguage(tc.in)
			if (err == nil) != tc.ok || got != tc.want {
				t.Fatalf("CanonicalLanguage(%q) = %q, %v; want %q, ok %v", tc.in, got, err, tc.want, tc.ok)
			}
			if err != nil && ErrorCode(err) != EINVALID {
				t.Errorf("error code = %s, want EINVALID", ErrorCode(err))
			}
		})
	}
}
