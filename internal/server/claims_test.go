package server_test

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/copydesk/copydesk/internal/newsroom"
)

// TestClaimPage marks a piece as a fact-check from the draft page, as an editor, and publishes
// it: the public page shows the verdict and carries ClaimReview JSON-LD. A writer sees the
// verdict on the draft page but no form, and is refused when posting one anyway.
func TestClaimPage(t *testing.T) {
	a := newTestApp(t)
	d := a.draft(newsroom.StageApproved)
	page := fmt.Sprintf("/drafts/%d", d.ID)
	form := func() url.Values {
		return url.Values{"claim": {"Crime doubled <last> year."}, "claimed_by": {"City Hall"}, "claimant_kind": {"organization"},
			"rating": {"mostly_false"}, "claim_date": {"2026-11-30"}, "claim_url": {"https://example.org/speech"}}
	}

	t.Run("WriterRefused", func(t *testing.T) {
		if res := a.page("writer", "GET", page, nil); strings.Contains(res.Body.String(), `action="`+page+`/claim"`) {
			t.Fatal("the writer is offered the fact-check form")
		}
		res := a.page("writer", "POST", page+"/claim", form())
		if res.Code == http.StatusSeeOther && !strings.Contains(flashOf(res), "may not") {
			t.Fatalf("the writer's fact-check was taken: %d %q", res.Code, flashOf(res))
		}
		if got, _ := a.store.GetDraft(ctxAs(a, "editor"), d.ID); got.Claim != nil {
			t.Fatalf("the writer set a claim: %+v", got.Claim)
		}
	})
	t.Run("RefusedKeepsTyping", func(t *testing.T) {
		bad := url.Values{"claim": {"Crime doubled."}, "claimed_by": {"City Hall"}, "rating": {"mostly_false"}, "claim_url": {"javascript:alert(1)"}}
		res := a.page("editor", "POST", page+"/claim", bad)
		wantStatus(t, res, http.StatusUnprocessableEntity)
		wantBody(t, res, "must be a web address", `value="javascript:alert(1)"`, `<details class="claim-form" open>`, `<option value="mostly_false" selected>`)
	})
	t.Run("EditorSets", func(t *testing.T) {
		res := a.page("editor", "POST", page+"/claim", form())
		wantStatus(t, res, http.StatusSeeOther)
		if !strings.HasPrefix(flashOf(res), "Fact-check saved") {
			t.Fatalf("flash = %q", flashOf(res))
		}
		res = a.page("writer", "GET", page, nil)
		wantBody(t, res, `<strong>Mostly false</strong>: “<span dir="auto">Crime doubled &lt;last&gt; year.</span>”, claimed by <span dir="auto">City Hall</span> on 2026-11-30`,
			`<bdi>Editor</bdi>: Changed the claim this piece checks`)
	})
	t.Run("Preview", func(t *testing.T) {
		res := a.page("editor", "GET", page+"/preview", nil)
		wantStatus(t, res, http.StatusOK)
		wantBody(t, res, `<p class="rating rating-2">Our rating: <strong>Mostly false</strong> (2 of 5)</p>`, `"@type":"ClaimReview"`)
	})
	t.Run("Published", func(t *testing.T) {
		res := a.do("editor", "POST", fmt.Sprintf("/api/v1/drafts/%d/publish", d.ID), "")
		wantStatus(t, res, http.StatusOK)
		slug := decode[struct {
			Slug string `json:"slug"`
		}](t, res).Slug
		res = a.send("", "GET", "/articles/"+slug, "", "", nil)
		wantStatus(t, res, http.StatusOK)
		wantBody(t, res, `<p class="rating rating-2">Our rating: <strong>Mostly false</strong> (2 of 5)</p>`,
			`"@type":"ClaimReview"`, `"claimReviewed":"Crime doubled \u003clast\u003e year."`, `"alternateName":"Mostly false"`)
	})
}
