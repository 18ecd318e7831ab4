package main

import (
	"io"
	"net/http"
	"path/filepath"
	"strings"
	"testing"
)

// TestServeSiteFlags: the site flags and their COPYDESK_* variables name the public site, and a
// bad one stops serve with a message naming what is wrong.
func TestServeSiteFlags(t *testing.T) {
	for _, tt := range []struct {
		name  string
		env   map[string]string
		flags []string
		want  string
	}{
		{"ErrLanguage", nil, []string{"--language", "english please"}, `site settings: "english please" is not a language tag`},
		{"ErrLanguageEnv", map[string]string{"COPYDESK_LANGUAGE": "english please"}, nil, `site settings: "english please" is not a language tag`},
		{"ErrBaseURL", nil, []string{"--base-url", "news.example"}, `site settings: the base URL "news.example" must be a full http or https address`},
		{"ErrBaseURLPath", nil, []string{"--base-url", "https://news.example/ledger"}, `site settings: the base URL "https://news.example/ledger" must not carry a path`},
		{"ErrLogo", nil, []string{"--site-logo", "javascript:alert(1)"}, `the logo "javascript:alert(1)" must be a full http or https address, or a path on the site`},
	} {
		t.Run(tt.name, func(t *testing.T) {
			vars := map[string]string{"COPYDESK_DB": filepath.Join(t.TempDir(), "news.db")}
			for k, v := range tt.env {
				vars[k] = v
			}
			r := runCmd(t, vars, "", append([]string{"serve", "--addr", "127.0.0.1:0"}, tt.flags...)...)
			if r.code != 1 || !strings.Contains(r.stderr, tt.want) {
				t.Fatalf("serve: %+v, want it to stop saying %q", r, tt.want)
			}
		})
	}
	url, stop := serveInProcess(t, map[string]string{"COPYDESK_DB": filepath.Join(t.TempDir(), "news.db"), "COPYDESK_SITE_NAME": "Env Courier"},
		"--addr", "127.0.0.1:0", "--language", "FR", "--site-description", "Les nouvelles.")
	res, err := http.Get(url + "/")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if code, out, _ := stop(); code != 0 || !strings.Contains(string(body), "<title>Env Courier</title>") || !strings.Contains(string(body), `<html lang="fr">`) {
		t.Fatalf("serve with site flags: exit %d, output %q, front page:\n%s", code, out, body)
	}
}
