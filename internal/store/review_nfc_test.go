package store_test

import (
	"testing"

	"golang.org/x/text/unicode/norm"

	"github.com/copydesk/copydesk/internal/newsroom"
)

// decomposed is "Café Pérez" typed as letters and separate accents (NFD), as some keyboards
// and pasted text give it.
const decomposed = "Cafe\u0301 Pe\u0301rez"

// TestReviewImageTextIsNFC: issue 17 has text normalised to NFC when stored, and a draft's text
// is (newsroom.Text.Normalize), but a lead image's alt text, caption and credit are only
// trimmed (ImageText.Trimmed), so they are stored and published decomposed: the same caption
// typed two ways is two strings in the page, the feed, ninjs and JSON-LD. Right: NFC, as the
// draft's text.
func TestReviewImageTextIsNFC(t *testing.T) {
	f := newNewsroom(t)
	d := f.draftIn(t, newsroom.StageDraft)
	img, err := f.s.SetDraftImage(f.writer, d.ID, upload(t, 700, 400, newsroom.ImageText{Alt: decomposed, Caption: decomposed, Credit: decomposed}, false))
	if err != nil {
		t.Fatal(err)
	}
	for name, got := range map[string]string{"alt": img.Alt, "caption": img.Caption, "credit": img.Credit} {
		if !norm.NFC.IsNormalString(got) {
			t.Errorf("the image's %s is stored as %+q, not NFC", name, got)
		}
	}
}

// TestReviewSiteSettingsAreNFC: the site's name, description and footer are saved as typed
// (SiteSettings.Normalize trims them but does not compose them), so a decomposed name titles
// every page, the feed and JSON-LD decomposed. Right: NFC, as every other stored text.
func TestReviewSiteSettingsAreNFC(t *testing.T) {
	f := newNewsroom(t)
	if err := f.s.SaveSiteSettings(f.admin, newsroom.SiteSettings{Name: decomposed, Description: decomposed, Footer: []string{decomposed}}); err != nil {
		t.Fatal(err)
	}
	got, err := f.s.SiteSettings(f.writer)
	if err != nil {
		t.Fatal(err)
	}
	for name, v := range map[string]string{"name": got.Name, "description": got.Description, "footer": got.Footer[0]} {
		if !norm.NFC.IsNormalString(v) {
			t.Errorf("the site's %s is stored as %+q, not NFC", name, v)
		}
	}
}

// TestReviewSetLogoIsHeard: SetLogo changes the site.logo setting, which every public page's
// JSON-LD publisher and the favicon are made from, but records no event, so no server (this one
// or another, through CatchUp) drops its kept site settings and pages. Right: one
// settings_changed event by the admin, as SaveSiteSettings records.
func TestReviewSetLogoIsHeard(t *testing.T) {
	f := newNewsroom(t)
	l := listen(f.s)
	if _, err := f.s.SetLogo(f.admin, upload(t, 400, 100, newsroom.ImageText{Alt: "The Harbour Gazette"}, true)); err != nil {
		t.Fatal(err)
	}
	evs := l.take()
	if len(evs) != 1 || evs[0].Kind != newsroom.EventSettingsChanged {
		t.Fatalf("events after a logo upload = %+v, want one settings_changed", evs)
	}
}
