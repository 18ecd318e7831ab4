package store_test

import (
	"context"
	"testing"
	"time"

	"github.com/copydesk/copydesk/internal/newsroom"
)

// TestDraftLanguage follows a piece's language from a save to its publication: canonical when
// stored, refused when it is no language, kept when a save leaves it out, and copied into the
// snapshot readers see.
func TestDraftLanguage(t *testing.T) {
	f := newNewsroom(t)
	str := func(s string) *string { return &s }
	d, err := f.s.CreateDraft(f.writer, sampleText("مصر ترفض عرض القوات"))
	if err != nil || d.Language != "" {
		t.Fatalf("CreateDraft = %+v, %v; want no language (the site's)", d, err)
	}
	t.Run("Canonical", func(t *testing.T) {
		got, err := f.s.UpdateDraft(f.writer, d.ID, newsroom.DraftUpdate{Language: str("AR-eg"), Version: d.Version})
		if err != nil || got.Language != "ar-EG" {
			t.Fatalf("UpdateDraft(language AR-eg) = %+v, %v; want ar-EG", got, err)
		}
		d = got
	})
	t.Run("Refused", func(t *testing.T) {
		_, err := f.s.UpdateDraft(f.writer, d.ID, newsroom.DraftUpdate{Language: str("Arabic!"), Version: d.Version})
		wantCode(t, err, newsroom.EINVALID)
	})
	t.Run("KeptBySaves", func(t *testing.T) {
		got, err := f.s.UpdateDraft(f.writer, d.ID, newsroom.DraftUpdate{Brief: str("موجز."), Version: d.Version})
		if err != nil || got.Language != "ar-EG" {
			t.Fatalf("UpdateDraft(brief) = %+v, %v; want the language kept", got, err)
		}
		if again, err := f.s.GetDraft(f.writer, d.ID); err != nil || again.Language != "ar-EG" {
			t.Fatalf("GetDraft = %+v, %v", again, err)
		}
		d = got
	})
	t.Run("Published", func(t *testing.T) {
		d = f.walk(t, d, newsroom.StageApproved)
		pub, err := f.s.Publish(f.editor, d.ID, time.Time{}, 0)
		if err != nil {
			t.Fatal(err)
		}
		a, err := f.s.PublicArticle(context.Background(), pub.Slug)
		if err != nil || a.Language != "ar-EG" {
			t.Fatalf("PublicArticle = %+v, %v; want language ar-EG", a, err)
		}
	})
}

// TestTextStoredNFC saves text typed with separate accents (NFD) and finds it stored composed.
func TestTextStoredNFC(t *testing.T) {
	f := newNewsroom(t)
	const nfd, nfc = "Cafe\u0301 Mu\u0308ller", "Café Müller"
	d, err := f.s.CreateDraft(f.writer, sampleText(nfd))
	if err != nil || d.Title != nfc {
		t.Fatalf("CreateDraft(NFD title) = %q, %v; want %q", d.Title, err, nfc)
	}
	body := nfd + " opened.\n\nSecond paragraph."
	d, err = f.s.UpdateDraft(f.writer, d.ID, newsroom.DraftUpdate{Body: &body, Version: d.Version})
	if err != nil || d.Body != nfc+" opened.\nSecond paragraph." {
		t.Fatalf("UpdateDraft(NFD body) = %q, %v", d.Body, err)
	}
	c, err := f.s.CreateComment(f.editor, d.ID, newsroom.NewComment{Field: "body", Quote: &newsroom.TextQuote{Exact: nfd}, Body: "Is " + nfd + " right?"})
	if err != nil || c.Body != "Is "+nfc+" right?" || c.Quote != nfc {
		t.Fatalf("CreateComment(NFD quote and body) = %+v, %v", c, err)
	}
	c, err = f.s.Reply(f.writer, c.ID, newsroom.NewReply{Body: "Yes, " + nfd + "."})
	if err != nil || c.Replies[0].Body != "Yes, "+nfc+"." {
		t.Fatalf("Reply(NFD) = %+v, %v", c, err)
	}
}
