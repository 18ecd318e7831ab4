package store_test

import (
	"context"
	"testing"
	"time"

	"github.com/copydesk/copydesk/internal/newsroom"
	"github.com/copydesk/copydesk/internal/publish"
)

func TestSetClaim(t *testing.T) {
	f := newNewsroom(t)
	claim := newsroom.Claim{Text: "Crime doubled last year.", ClaimedBy: "City Hall", ClaimantKind: newsroom.ClaimantOrganization,
		Rating: "mostly_false", Date: "2026-11-30", URL: "https://example.org/speech"}
	t.Run("OK", func(t *testing.T) {
		d := f.draftIn(t, newsroom.StageEditing)
		got, err := f.s.SetClaim(f.editor, newsroom.ClaimChange{DraftID: d.ID, Claim: &claim})
		if err != nil || got.Claim == nil || *got.Claim != claim {
			t.Fatalf("SetClaim = %+v, %v", got, err)
		}
		read, err := f.s.GetDraft(f.writer, d.ID)
		if err != nil || read.Claim == nil || *read.Claim != claim {
			t.Fatalf("GetDraft after SetClaim = %+v, %v", read, err)
		}
		cleared, err := f.s.SetClaim(f.editor, newsroom.ClaimChange{DraftID: d.ID})
		if err != nil || cleared.Claim != nil {
			t.Fatalf("SetClaim(nil) = %+v, %v", cleared, err)
		}
	})
	t.Run("Refused", func(t *testing.T) {
		d := f.draftIn(t, newsroom.StageEditing)
		for _, who := range []context.Context{f.writer, f.checker, f.admin} {
			_, err := f.s.SetClaim(who, newsroom.ClaimChange{DraftID: d.ID, Claim: &claim})
			if code := newsroom.ErrorCode(err); code != newsroom.EFORBIDDEN && code != newsroom.ENOTFOUND {
				t.Fatalf("SetClaim by a non-editor = %v, want refused", err)
			}
		}
		if read, _ := f.s.GetDraft(f.editor, d.ID); read.Claim != nil {
			t.Fatalf("a refused claim was stored: %+v", read.Claim)
		}
	})
	t.Run("Invalid", func(t *testing.T) {
		d := f.draftIn(t, newsroom.StageEditing)
		bad := claim
		bad.Rating = "pants_on_fire"
		_, err := f.s.SetClaim(f.editor, newsroom.ClaimChange{DraftID: d.ID, Claim: &bad})
		wantCode(t, err, newsroom.EINVALID)
	})
	t.Run("PublishedAndCorrected", func(t *testing.T) {
		d := f.draftIn(t, newsroom.StageApproved)
		if _, err := f.s.SetClaim(f.editor, newsroom.ClaimChange{DraftID: d.ID, Claim: &claim}); err != nil {
			t.Fatal(err)
		}
		pub, err := f.s.Publish(f.editor, d.ID, time.Time{}, 0)
		if err != nil {
			t.Fatal(err)
		}
		want := publish.ClaimReview{Claim: claim.Text, ClaimedBy: "City Hall", Rating: "Mostly false", ClaimedByOrganization: true,
			RatingValue: 2, WorstRating: 1, BestRating: 5, ClaimDate: "2026-11-30", ClaimURL: "https://example.org/speech"}
		a, err := f.s.PublicArticle(context.Background(), pub.Slug)
		if err != nil || a.Claim == nil || *a.Claim != want {
			t.Fatalf("PublicArticle claim = %+v, %v; want %+v", a.Claim, err, want)
		}
		if _, err := f.s.SetClaim(f.editor, newsroom.ClaimChange{DraftID: d.ID}); err != nil {
			t.Fatal(err)
		}
		if a, _ := f.s.PublicArticle(context.Background(), pub.Slug); a.Claim == nil {
			t.Fatal("clearing the draft's claim changed the published snapshot")
		}
		if _, err := f.s.Correct(f.editor, pub.Slug, newsroom.CorrectionRequest{Note: "This is no longer a fact-check."}); err != nil {
			t.Fatal(err)
		}
		if a, _ := f.s.PublicArticle(context.Background(), pub.Slug); a.Claim != nil {
			t.Fatalf("the correction kept the cleared claim: %+v", a.Claim)
		}
	})
}
