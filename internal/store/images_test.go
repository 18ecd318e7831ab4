package store_test

import (
	"bytes"
	"context"
	"image"
	"image/color"
	"image/png"
	"strings"
	"testing"

	"github.com/copydesk/copydesk/internal/imaging"
	"github.com/copydesk/copydesk/internal/newsroom"
	"github.com/copydesk/copydesk/internal/store"
)

// upload makes a checked w × h upload with its sizes (and icons, for a logo), as the server does.
func upload(t testing.TB, w, h int, text newsroom.ImageText, icons bool) store.NewImage {
	t.Helper()
	m := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			m.Set(x, y, color.RGBA{R: byte(x), G: byte(y), B: 90, A: 255})
		}
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, m); err != nil {
		t.Fatal(err)
	}
	img, err := imaging.Decode(buf.Bytes(), imaging.DefaultLimits)
	if err != nil {
		t.Fatal(err)
	}
	sizes, err := img.Variants(imaging.LeadWidths)
	if err != nil {
		t.Fatal(err)
	}
	up := store.NewImage{Text: text, Hash: img.Hash, Width: img.Width, Height: img.Height, Sizes: sizes}
	if icons {
		for _, n := range []int{32, 180} {
			v, err := img.Icon(n)
			if err != nil {
				t.Fatal(err)
			}
			up.Icons = append(up.Icons, v)
		}
	}
	return up
}

func hashOf(path string) string {
	return strings.TrimSuffix(strings.TrimSuffix(strings.TrimPrefix(path, "/images/"), ".jpg"), ".png")
}

func TestDraftImage(t *testing.T) {
	f := newNewsroom(t)
	anon := context.Background()
	text := newsroom.ImageText{Alt: "  Boats in the harbour  ", Caption: "Low tide.", Credit: "Ana Ruiz"}
	d := f.draftIn(t, newsroom.StageDraft)

	for _, tc := range []struct {
		name string
		ctx  context.Context
		text newsroom.ImageText
		want string
	}{
		{"ErrOtherWriter", f.other, text, newsroom.ENOTFOUND},
		{"ErrEditorInDraftStage", f.editor, text, newsroom.ECONFLICT},
		{"ErrSignedOut", anon, text, newsroom.EUNAUTHORIZED},
		{"ErrNoAlt", f.writer, newsroom.ImageText{Caption: "No alt"}, newsroom.EINVALID},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := f.s.SetDraftImage(tc.ctx, d.ID, upload(t, 700, 400, tc.text, false))
			wantCode(t, err, tc.want)
		})
	}

	img, err := f.s.SetDraftImage(f.writer, d.ID, upload(t, 700, 400, text, false))
	if err != nil {
		t.Fatal(err)
	}
	if img.Alt != "Boats in the harbour" || img.Credit != "Ana Ruiz" || len(img.Variants) != 3 || img.Variants[0].Width != 320 || img.Variants[2].Width != 700 {
		t.Fatalf("SetDraftImage = %+v", img)
	}
	got, err := f.s.DraftImage(f.editor, d.ID)
	if err != nil || got == nil || got.ID != img.ID {
		t.Fatalf("DraftImage = %+v, %v", got, err)
	}
	hash := hashOf(img.Variants[1].Path)

	t.Run("DraftImageFileOnlyToWhoSeesTheDraft", func(t *testing.T) {
		if file, err := f.s.ImageFile(f.writer, hash); err != nil || file.ContentType != imaging.JPEG || imaging.Sniff(file.Data) != imaging.JPEG || file.Hash != hash {
			t.Fatalf("ImageFile as writer = %s %s, %v", file.ContentType, file.Hash, err)
		}
		for _, ctx := range []context.Context{anon, f.other, f.checker} {
			_, err := f.s.ImageFile(ctx, hash)
			wantCode(t, err, newsroom.ENOTFOUND)
		}
	})

	t.Run("PublishedWithItsImage", func(t *testing.T) {
		d = f.walk(t, d, newsroom.StagePublished)
		a, err := f.s.PublicArticle(anon, "draft-in-draft")
		if err != nil {
			t.Fatal(err)
		}
		if a.Image == nil || a.Image.Alt != "Boats in the harbour" || a.Image.Caption != "Low tide." || len(a.Image.Variants) != 3 || a.Image.Variants[1].Path != img.Variants[1].Path {
			t.Fatalf("PublicArticle image = %+v", a.Image)
		}
		if _, err := f.s.ImageFile(anon, hash); err != nil {
			t.Fatalf("ImageFile of a published piece, signed out: %v", err)
		}
		_, err = f.s.SetDraftImage(f.writer, d.ID, upload(t, 300, 300, text, false))
		wantCode(t, err, newsroom.ECONFLICT)
	})

	t.Run("Remove", func(t *testing.T) {
		e := f.draftIn(t, newsroom.StageDraft)
		if _, err := f.s.SetDraftImage(f.writer, e.ID, upload(t, 200, 100, text, false)); err != nil {
			t.Fatal(err)
		}
		wantCode(t, f.s.RemoveDraftImage(f.other, e.ID), newsroom.ENOTFOUND)
		if err := f.s.RemoveDraftImage(f.writer, e.ID); err != nil {
			t.Fatal(err)
		}
		if got, err := f.s.DraftImage(f.writer, e.ID); err != nil || got != nil {
			t.Fatalf("DraftImage after remove = %+v, %v", got, err)
		}
		wantCode(t, f.s.RemoveDraftImage(f.writer, e.ID), "")
		e = f.walk(t, e, newsroom.StagePublished)
		a, err := f.s.PublicArticles(anon, 10)
		if err != nil || a[0].Slug != "draft-in-draft-2" || a[0].Image != nil {
			t.Fatalf("a piece published without an image: %+v, %v", a, err)
		}
	})

	t.Run("UndoRemoveAndReplace", func(t *testing.T) {
		e := f.draftIn(t, newsroom.StageDraft)
		set := func(w int) *newsroom.Image {
			t.Helper()
			img, err := f.s.SetDraftImage(f.writer, e.ID, upload(t, w, 100, text, false))
			if err != nil {
				t.Fatal(err)
			}
			return img
		}
		want := func(lead, removed *newsroom.Image) {
			t.Helper()
			for _, c := range []struct {
				name string
				get  func(context.Context, int64) (*newsroom.Image, error)
				want *newsroom.Image
			}{{"DraftImage", f.s.DraftImage, lead}, {"RemovedDraftImage", f.s.RemovedDraftImage, removed}} {
				got, err := c.get(f.writer, e.ID)
				if err != nil || (got == nil) != (c.want == nil) || got != nil && (got.ID != c.want.ID || got.Alt != "Boats in the harbour" || got.Credit != "Ana Ruiz") {
					t.Fatalf("%s = %+v, %v; want %+v", c.name, got, err, c.want)
				}
			}
		}
		wantCode(t, restoreErr(f.s.RestoreDraftImage(f.writer, e.ID, nil)), newsroom.ECONFLICT)
		first := set(200)
		wantCode(t, restoreErr(f.s.RestoreDraftImage(f.writer, e.ID, nil)), newsroom.ECONFLICT)
		if err := f.s.RemoveDraftImage(f.writer, e.ID); err != nil {
			t.Fatal(err)
		}
		want(nil, first)
		_, err := f.s.RemovedDraftImage(f.other, e.ID)
		wantCode(t, err, newsroom.ENOTFOUND)
		wantCode(t, restoreErr(f.s.RestoreDraftImage(f.other, e.ID, &store.ImageUndo{Image: first.ID})), newsroom.ENOTFOUND)
		if back, err := f.s.RestoreDraftImage(f.writer, e.ID, &store.ImageUndo{Image: first.ID}); err != nil || back == nil || back.ID != first.ID {
			t.Fatalf("restoring image %d brought back %+v, %v", first.ID, back, err)
		}
		want(first, nil)
		wantCode(t, restoreErr(f.s.RestoreDraftImage(f.writer, e.ID, &store.ImageUndo{Image: first.ID})), newsroom.ECONFLICT)

		// An upload after a removal takes the removed image's place: an undo from a page
		// shown before it never replaces the upload.
		if err := f.s.RemoveDraftImage(f.writer, e.ID); err != nil {
			t.Fatal(err)
		}
		second := set(300)
		want(second, nil)
		wantCode(t, restoreErr(f.s.RestoreDraftImage(f.writer, e.ID, &store.ImageUndo{Image: first.ID})), newsroom.ECONFLICT)

		// A replacement keeps the image it replaces, which a restore brings back, and a
		// second restore undoes the first; one named after another replacement is refused.
		third := set(400)
		want(third, second)
		wantCode(t, restoreErr(f.s.RestoreDraftImage(f.writer, e.ID, &store.ImageUndo{Image: first.ID, Lead: third.ID})), newsroom.ECONFLICT)
		want(third, second)
		// A page that saw the removal of second with no lead is older than the upload of
		// third: its Undo names the image it brings back rightly, and the lead wrongly.
		wantCode(t, restoreErr(f.s.RestoreDraftImage(f.writer, e.ID, &store.ImageUndo{Image: second.ID})), newsroom.ECONFLICT)
		if _, err := f.s.RestoreDraftImage(f.writer, e.ID, &store.ImageUndo{Image: second.ID, Lead: third.ID}); err != nil {
			t.Fatal(err)
		}
		want(second, third)
		if _, err := f.s.RestoreDraftImage(f.writer, e.ID, nil); err != nil {
			t.Fatal(err)
		}
		want(third, second)

		// A page shown with third as the lead and second taken away, before a colleague's
		// Undo and a new upload left second taken away again under a newer lead: the old
		// page's Undo names both ids it saw, and the lead has changed, so it is refused.
		if _, err := f.s.RestoreDraftImage(f.writer, e.ID, &store.ImageUndo{Image: second.ID, Lead: third.ID}); err != nil {
			t.Fatal(err)
		}
		want(second, third)
		fourth := set(500)
		want(fourth, second)
		wantCode(t, restoreErr(f.s.RestoreDraftImage(f.writer, e.ID, &store.ImageUndo{Image: second.ID, Lead: third.ID})), newsroom.ECONFLICT)
		want(fourth, second)
	})
}

func TestLogo(t *testing.T) {
	f := newNewsroom(t)
	anon := context.Background()
	text := newsroom.ImageText{Alt: "The Harbour Gazette"}
	_, err := f.s.SetLogo(f.editor, upload(t, 400, 100, text, true))
	wantCode(t, err, newsroom.EFORBIDDEN)
	_, err = f.s.SiteIcon(anon, 32)
	wantCode(t, err, newsroom.ENOTFOUND)

	path, err := f.s.SetLogo(f.admin, upload(t, 400, 100, text, true))
	if err != nil {
		t.Fatal(err)
	}
	set, err := f.s.Setting(anon, store.SettingLogo)
	if err != nil || set.Value != path || !strings.HasPrefix(path, "/images/") {
		t.Fatalf("logo setting = %q, %v; path %q", set.Value, err, path)
	}
	if _, err := f.s.ImageFile(anon, hashOf(path)); err != nil {
		t.Fatalf("the logo is not public: %v", err)
	}
	for _, size := range []int{32, 180} {
		icon, err := f.s.SiteIcon(anon, size)
		if err != nil || icon.ContentType != imaging.PNG {
			t.Fatalf("SiteIcon(%d) = %s, %v", size, icon.ContentType, err)
		}
		m, err := png.Decode(bytes.NewReader(icon.Data))
		if err != nil || m.Bounds().Dx() != size || m.Bounds().Dy() != size {
			t.Fatalf("SiteIcon(%d) decodes as %v, %v", size, m.Bounds(), err)
		}
	}

	t.Run("LogoElsewhereHasNoIcon", func(t *testing.T) {
		if err := f.s.SetSetting(f.admin, store.SettingLogo, "https://cdn.example.com/logo.png"); err != nil {
			t.Fatal(err)
		}
		_, err := f.s.SiteIcon(anon, 32)
		wantCode(t, err, newsroom.ENOTFOUND)
	})
}

// restoreErr is the error of a RestoreDraftImage, for wantCode.
func restoreErr(_ *newsroom.Image, err error) error { return err }
