package server_test

import (
	"fmt"
	"html/template"
	"image/png"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/copydesk/copydesk/internal/newsroom"
)

func TestDraftImagePage(t *testing.T) {
	a := newTestApp(t)
	d := a.draft(newsroom.StageDraft)
	target := fmt.Sprintf("/drafts/%d/image", d.ID)
	typed := url.Values{"caption": {"Dawn on the quay."}, "credit": {"Ana Ruiz"}}

	t.Run("ErrMissingAltKeepsWhatWasTyped", func(t *testing.T) {
		res := a.postUpload("writer", target, typed, "quay.jpg", testJPEG(t, 800, 600))
		wantStatus(t, res, http.StatusUnprocessableEntity)
		body := res.Body.String()
		for _, want := range []string{"Describe the image in the alt text", `value="Dawn on the quay."`, `value="Ana Ruiz"`, `id="image-form"`} {
			if !strings.Contains(body, want) {
				t.Errorf("the page again lacks %q", want)
			}
		}
	})
	t.Run("ErrWrongTypeKeepsWhatWasTyped", func(t *testing.T) {
		fields := url.Values{"alt": {"Boats"}, "caption": {"Dawn on the quay."}}
		res := a.postUpload("writer", target, fields, "quay.jpg", []byte("<html>not an image</html>"))
		wantStatus(t, res, http.StatusUnsupportedMediaType)
		if body := res.Body.String(); !strings.Contains(body, "not a JPEG, PNG or WebP") || !strings.Contains(body, `value="Boats"`) {
			t.Errorf("the page again does not say why or lost the alt text")
		}
	})
	t.Run("ErrNotAllowed", func(t *testing.T) {
		res := a.postUpload("editor", target, url.Values{"alt": {"Boats"}}, "quay.jpg", testJPEG(t, 100, 100))
		wantStatus(t, res, http.StatusConflict)
	})
	t.Run("OK", func(t *testing.T) {
		fields := url.Values{"alt": {"Fishing boats at the quay"}, "caption": {"Dawn on the quay."}, "credit": {"Ana Ruiz"}}
		res := a.postUpload("writer", target, fields, "quay.png", testPNG(t, 800, 600))
		wantStatus(t, res, http.StatusSeeOther)
		page := a.page("writer", "GET", draftPath(d.ID), nil)
		wantStatus(t, page, http.StatusOK)
		body := page.Body.String()
		for _, want := range []string{`alt="Fishing boats at the quay"`, `srcset="/images/`, " 800w", "Ana Ruiz", "Replace image", "Remove image"} {
			if !strings.Contains(body, want) {
				t.Errorf("the draft page lacks %q", want)
			}
		}
		other := a.page("editor", "GET", draftPath(d.ID), nil)
		if !strings.Contains(other.Body.String(), `alt="Fishing boats at the quay"`) || strings.Contains(other.Body.String(), `id="image-form"`) {
			t.Error("an editor who may not edit the draft now should see the image and no upload form")
		}
	})
	t.Run("Remove", func(t *testing.T) {
		res := a.page("writer", "POST", target+"/remove", nil)
		wantStatus(t, res, http.StatusSeeOther)
		if body := a.page("writer", "GET", draftPath(d.ID), nil).Body.String(); strings.Contains(body, "Remove image") || !strings.Contains(body, "Upload image") {
			t.Error("the image is still on the draft page")
		}
	})
}

func draftPath(id int64) string { return fmt.Sprintf("/drafts/%d", id) }

func TestLogoAndFavicon(t *testing.T) {
	a := newTestApp(t)
	builtIn := a.getAs("", "/favicon.ico", nil)
	wantStatus(t, builtIn, http.StatusOK)
	wantIcon(t, builtIn, 32)
	wantIcon(t, a.getAs("", "/apple-touch-icon.png", nil), 180)

	wantStatus(t, a.page("editor", "GET", "/admin/logo", nil), http.StatusForbidden)
	wantStatus(t, a.postUpload("editor", "/admin/logo", url.Values{"alt": {"Gazette"}}, "logo.png", testPNG(t, 400, 100)), http.StatusForbidden)

	res := a.postUpload("admin", "/admin/logo", url.Values{}, "logo.png", testPNG(t, 400, 100))
	wantStatus(t, res, http.StatusUnprocessableEntity)
	if !strings.Contains(res.Body.String(), "alt text") {
		t.Error("a logo without alt text is refused without saying why")
	}
	res = a.postUpload("admin", "/admin/logo", url.Values{"alt": {"The Harbour Gazette"}}, "logo.png", testPNG(t, 400, 100))
	wantStatus(t, res, http.StatusSeeOther)

	page := a.page("admin", "GET", "/admin/logo", nil).Body.String()
	if !strings.Contains(page, `<img src="/images/`) {
		t.Error("the logo page does not show the new logo")
	}
	if !strings.Contains(a.page("admin", "GET", "/admin/settings", nil).Body.String(), `href="/admin/logo"`) {
		t.Error("the settings page does not link to the logo page")
	}
	fromLogo := a.getAs("", "/favicon.ico", nil)
	wantStatus(t, fromLogo, http.StatusOK)
	wantIcon(t, fromLogo, 32)
	if fromLogo.Header().Get("ETag") == builtIn.Header().Get("ETag") {
		t.Error("the favicon is still the built-in one after a logo was uploaded")
	}
	wantStatus(t, a.getAs("", "/favicon.ico", http.Header{"If-None-Match": {fromLogo.Header().Get("ETag")}}), http.StatusNotModified)
	if !strings.Contains(a.getAs("", "/", nil).Body.String(), `<link rel="icon" href="/favicon.ico"`) {
		t.Error("the front page does not name the favicon")
	}
}

// wantIcon checks that res holds a square PNG size pixels wide.
func wantIcon(t *testing.T, res interface{ Result() *http.Response }, size int) {
	t.Helper()
	r := res.Result()
	m, err := png.Decode(r.Body)
	if err != nil || r.Header.Get("Content-Type") != "image/png" {
		t.Fatalf("icon: %s, %v", r.Header.Get("Content-Type"), err)
	}
	if b := m.Bounds(); b.Dx() != size || b.Dy() != size {
		t.Fatalf("icon %d×%d, want %d×%d", b.Dx(), b.Dy(), size, size)
	}
}

// TestDraftImageErrorAtField: a refused upload says why beside the field it is about, which is
// marked invalid, named by the message and focused: the alt text left empty, or the file (not an
// image, or none chosen); the other fields keep what was typed and are not marked.
func TestDraftImageErrorAtField(t *testing.T) {
	a := newTestApp(t)
	d := a.draft(newsroom.StageDraft)
	target := fmt.Sprintf("/drafts/%d/image", d.ID)
	tests := []struct {
		name       string
		fields     url.Values
		file       []byte
		wantStatus int
		wantField  string
	}{
		{"NoAlt", url.Values{"caption": {"Dawn on the quay."}, "credit": {"Ana Ruiz"}}, testJPEG(t, 400, 300), http.StatusUnprocessableEntity, "alt"},
		{"NotAnImage", url.Values{"alt": {"Boats"}, "caption": {"Dawn on the quay."}, "credit": {"Ana Ruiz"}}, []byte("<html>not an image</html>"), http.StatusUnsupportedMediaType, "file"},
		{"AltTooLong", url.Values{"alt": {strings.Repeat("boats ", 60)}, "caption": {"Dawn on the quay."}, "credit": {"O'Brien & Sons"}}, testJPEG(t, 400, 300), http.StatusUnprocessableEntity, "alt"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := a.postUpload("writer", target, tt.fields, "quay.jpg", tt.file)
			wantStatus(t, res, tt.wantStatus)
			body := res.Body.String()
			form := body[strings.Index(body, `id="image-form"`):]
			form = form[:strings.Index(form, "</form>")]
			input := regexp.MustCompile(`<input[^>]*name="` + tt.wantField + `"[^>]*>`).FindString(form)
			for _, want := range []string{`aria-invalid="true"`, `aria-describedby="error-` + tt.wantField + `"`, "autofocus"} {
				if !strings.Contains(input, want) {
					t.Errorf("the %s field %s lacks %s", tt.wantField, input, want)
				}
			}
			if !regexp.MustCompile(`</label><p class="field-error" id="error-` + tt.wantField + `">[^<]+</p>`).MatchString(form) {
				t.Errorf("no message beside the %s field in the form:\n%s", tt.wantField, form)
			}
			if n := strings.Count(form, `aria-invalid="true"`); n != 1 {
				t.Errorf("%d fields marked invalid, want the %s field alone", n, tt.wantField)
			}
			for name, typed := range tt.fields {
				input := regexp.MustCompile(`<input[^>]*name="` + name + `"[^>]*>`).FindString(form)
				if want := `value="` + template.HTMLEscapeString(typed[0]) + `"`; !strings.Contains(input, want) {
					t.Errorf("the %s field %s lost what was typed, %q", name, input, typed[0])
				}
			}
		})
	}
	page := a.page("writer", "GET", draftPath(d.ID), nil)
	if strings.Contains(page.Body.String(), `class="field-error"`) {
		t.Error("the page shown afresh still marks a field")
	}
}
