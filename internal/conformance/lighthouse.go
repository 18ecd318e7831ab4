package conformance

import (
	"encoding/json"
	"fmt"
	"math"
	"os"
	"os/exec"
	"sort"
	"strings"
	"testing"
)

// Scores are a page's Lighthouse results: each category's score out of 100, the audits that
// failed, as "id: title", and the URL of the page audited, after any redirect.
type Scores struct {
	Category map[string]int
	Failed   []string
	URL      string
}

// lighthouseReport is the part of Lighthouse's JSON report that Scores reads.
type lighthouseReport struct {
	Categories map[string]struct {
		Score     *float64
		AuditRefs []struct{ ID string }
	}
	Audits map[string]struct {
		Title            string
		Score            *float64
		ScoreDisplayMode string
	}
	RuntimeError      *struct{ Code, Message string }
	FinalDisplayedURL string `json:"finalDisplayedUrl"`
}

// Lighthouse audits the page at url in the given categories ("seo", "accessibility"…), in
// Debian's Chromium, headless.
func Lighthouse(t testing.TB, url string, categories ...string) Scores {
	t.Helper()
	return LighthouseWith(t, url, nil, categories...)
}

// LighthouseWith is Lighthouse sending header with every request the page makes: a Cookie, say,
// for a page that needs a signed-in viewer.
func LighthouseWith(t testing.TB, url string, header map[string]string, categories ...string) Scores {
	t.Helper()
	node := need(t, "node", command("node"), "apt-get install nodejs")
	cli := need(t, "lighthouse", npmFile("lighthouse", "cli", "index.js"), "npm install lighthouse")
	chrome := need(t, "chromium", command("chromium"), "apt-get install chromium")
	args := []string{cli, url, "--only-categories=" + strings.Join(categories, ","), "--output=json", "--output-path=stdout",
		"--quiet", "--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage"}
	if len(header) > 0 {
		extra, err := json.Marshal(header)
		if err != nil {
			t.Fatalf("conformance: lighthouse's headers: %v", err)
		}
		args = append(args, "--extra-headers="+string(extra))
	}
	cmd := exec.Command(node, args...)
	cmd.Env = append(os.Environ(), "CHROME_PATH="+chrome)
	var stderr strings.Builder
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("conformance: lighthouse %s: %v: %s", url, err, stderr.String())
	}
	var rep lighthouseReport
	if err := json.Unmarshal(out, &rep); err != nil {
		t.Fatalf("conformance: lighthouse's report does not parse: %v", err)
	}
	if rep.RuntimeError != nil && rep.RuntimeError.Code != "" {
		t.Fatalf("conformance: lighthouse %s: %s: %s", url, rep.RuntimeError.Code, rep.RuntimeError.Message)
	}
	return scores(rep)
}

// scores reads the categories' scores and the failed audits out of a report. An audit counts as
// failed when it is scored (not manual, informative or not applicable) below full marks.
func scores(rep lighthouseReport) Scores {
	s := Scores{Category: map[string]int{}}
	seen := map[string]bool{}
	for name, cat := range rep.Categories {
		if cat.Score != nil {
			s.Category[name] = int(math.Round(*cat.Score * 100))
		}
		for _, ref := range cat.AuditRefs {
			a, ok := rep.Audits[ref.ID]
			scored := a.ScoreDisplayMode == "binary" || a.ScoreDisplayMode == "numeric"
			if ok && scored && a.Score != nil && *a.Score < 1 && !seen[ref.ID] {
				seen[ref.ID] = true
				s.Failed = append(s.Failed, fmt.Sprintf("%s: %s", ref.ID, a.Title))
			}
		}
	}
	sort.Strings(s.Failed)
	s.URL = rep.FinalDisplayedURL
	return s
}
