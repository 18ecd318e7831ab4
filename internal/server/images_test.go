package server_test

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"hash/crc32"
	"image"
	"image/color"
	"image/gif"
	"image/jpeg"
	"image/png"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/copydesk/copydesk/internal/newsroom"
)

// imageFormType is the Content-Type of the forms imageForm writes.
const imageFormType = "multipart/form-data; boundary=copydesk-image-form"

// picture draws an opaque w × h test picture.
func picture(w, h int) *image.RGBA {
	m := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			m.Set(x, y, color.RGBA{R: byte(x), G: byte(y), B: 120, A: 255})
		}
	}
	return m
}

func testJPEG(t testing.TB, w, h int) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, picture(w, h), nil); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func testPNG(t testing.TB, w, h int) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := png.Encode(&buf, picture(w, h)); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// imageForm writes an upload form: the file under name, and the alt text.
func imageForm(t testing.TB, alt, name string, data []byte) string {
	return uploadForm(t, url.Values{"alt": {alt}}, name, data)
}

// uploadForm writes a multipart form of fields and, unless name is "", a file named name.
func uploadForm(t testing.TB, fields url.Values, name string, data []byte) string {
	t.Helper()
	var buf bytes.Buffer
	w := multipart.NewWriter(&buf)
	if err := w.SetBoundary("copydesk-image-form"); err != nil {
		t.Fatal(err)
	}
	for k, vs := range fields {
		for _, v := range vs {
			w.WriteField(k, v)
		}
	}
	if name != "" {
		part, err := w.CreateFormFile("file", name)
		if err != nil {
			t.Fatal(err)
		}
		part.Write(data)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

// postUpload posts a multipart form to an app page as actor, with their session and CSRF token.
func (a *testApp) postUpload(actor, target string, fields url.Values, name string, data []byte) *httptest.ResponseRecorder {
	a.t.Helper()
	cookie, csrf := a.session(actor)
	fields.Set("csrf", csrf)
	req := httptest.NewRequest(http.MethodPost, target, strings.NewReader(uploadForm(a.t, fields, name, data)))
	req.Header.Set("Content-Type", imageFormType)
	req.Header.Set("Accept", "text/html")
	req.AddCookie(&http.Cookie{Name: a.cookiePrefix + "copydesk_session", Value: cookie})
	rec := httptest.NewRecorder()
	a.server.Handler().ServeHTTP(rec, req)
	return rec
}

// getAs requests path as actor's browser (their session cookie), or signed out for "".
func (a *testApp) getAs(actor, path string, header http.Header) *httptest.ResponseRecorder {
	a.t.Helper()
	req := httptest.NewRequest(http.MethodGet, path, nil)
	for k, v := range header {
		req.Header[k] = v
	}
	if actor != "" {
		cookie, _ := a.session(actor)
		req.AddCookie(&http.Cookie{Name: a.cookiePrefix + "copydesk_session", Value: cookie})
	}
	rec := httptest.NewRecorder()
	a.server.Handler().ServeHTTP(rec, req)
	return rec
}

// hugePNG is a PNG whose header claims width × height pixels.
func hugePNG(t testing.TB, width, height uint32) []byte {
	out := testPNG(t, 1, 1)
	binary.BigEndian.PutUint32(out[16:], width)
	binary.BigEndian.PutUint32(out[20:], height)
	// The header chunk's checksum covers its type and data, so that the header reads as sound.
	binary.BigEndian.PutUint32(out[29:], crc32.ChecksumIEEE(out[12:29]))
	return out
}

func TestDraftImageAPI(t *testing.T) {
	a := newTestApp(t)
	d := a.draft(newsroom.StageDraft)
	path := fmt.Sprintf("/api/v1/drafts/%d/image", d.ID)
	var gifBuf bytes.Buffer
	gif.Encode(&gifBuf, picture(8, 8), nil)
	jpg := testJPEG(t, 1200, 800)
	tooLarge := append([]byte{0xFF, 0xD8, 0xFF}, make([]byte, 15<<20)...)
	for _, tc := range []struct {
		name       string
		actor      string
		body       string
		wantStatus int
		wantCode   string
		wantIn     string
	}{
		{"ErrMissingAlt", "writer", uploadForm(t, url.Values{"caption": {"Dawn."}}, "quay.jpg", jpg), 422, "invalid", "alt text"},
		{"ErrNoFile", "writer", uploadForm(t, url.Values{"alt": {"A quay"}}, "", nil), 422, "invalid", "choose an image"},
		{"ErrGIFNamedJPG", "writer", imageForm(t, "A quay", "quay.jpg", gifBuf.Bytes()), 415, "unsupported", "not a JPEG, PNG or WebP"},
		{"ErrHTMLNamedJPG", "writer", imageForm(t, "A quay", "quay.jpg", []byte("<html><script>alert(1)</script></html>")), 415, "unsupported", ""},
		{"ErrTruncated", "writer", imageForm(t, "A quay", "quay.jpg", jpg[:len(jpg)/3]), 422, "invalid", "cut short"},
		{"ErrTooManyPixels", "writer", imageForm(t, "A quay", "quay.png", hugePNG(t, 50_000, 50_000)), 422, "invalid", "40 megapixels"},
		{"ErrTooLarge", "writer", imageForm(t, "A quay", "quay.jpg", tooLarge), 413, "too_large", "15.0 MB"},
		{"ErrOtherWriter", "other", imageForm(t, "A quay", "quay.jpg", jpg), 404, "not_found", ""},
		{"ErrEditorInDraftStage", "editor", imageForm(t, "A quay", "quay.jpg", jpg), 409, "conflict", ""},
		{"PNGNamedJPG", "writer", imageForm(t, "A quay", "quay.jpg", testPNG(t, 500, 250)), 201, "", ""},
		{"OK", "writer", uploadForm(t, url.Values{"alt": {"Fishing boats at the quay"}, "caption": {"Dawn on the quay."}, "credit": {"Ana Ruiz"}}, "quay.jpg", jpg), 201, "", `"width":1200`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res := a.send(tc.actor, "POST", path, imageFormType, tc.body, nil)
			wantStatus(t, res, tc.wantStatus)
			if tc.wantCode != "" && !strings.Contains(res.Body.String(), `"code":"`+tc.wantCode+`"`) {
				t.Errorf("body %s, want code %s", res.Body, tc.wantCode)
			}
			if !strings.Contains(res.Body.String(), tc.wantIn) {
				t.Errorf("body %s, want %q in it", res.Body, tc.wantIn)
			}
		})
	}

	res := a.do("writer", "GET", fmt.Sprintf("/api/v1/drafts/%d", d.ID), "")
	wantStatus(t, res, http.StatusOK)
	got := decode[struct{ Image *newsroom.Image }](t, res).Image
	if got == nil || got.Alt != "Fishing boats at the quay" || got.Credit != "Ana Ruiz" || len(got.Variants) != 4 || got.Variants[3].Width != 1024 && got.Variants[3].Width != 1200 {
		t.Fatalf("GET draft image = %+v", got)
	}
	if w := got.Variants[len(got.Variants)-1].Width; w != 1200 {
		t.Fatalf("widest variant %d, want the original's 1200 (1600 would enlarge it)", w)
	}
	file := got.Variants[0].Path

	t.Run("DraftImageOnlyToWhoSeesTheDraft", func(t *testing.T) {
		wantStatus(t, a.getAs("", file, nil), http.StatusNotFound)
		wantStatus(t, a.getAs("other", file, nil), http.StatusNotFound)
		res := a.getAs("writer", file, nil)
		wantStatus(t, res, http.StatusOK)
		if cc := res.Header().Get("Cache-Control"); !strings.HasPrefix(cc, "private") {
			t.Errorf("a draft's image is cached as %q", cc)
		}
		if n := res.Header().Get("Content-Length"); n != strconv.Itoa(res.Body.Len()) {
			t.Errorf("a draft's image of %d bytes sent with Content-Length %q", res.Body.Len(), n)
		}
		wantStatus(t, a.getAs("", file, nil), http.StatusNotFound)
	})

	t.Run("UndoRemove", func(t *testing.T) {
		wantStatus(t, a.do("writer", "DELETE", path, ""), http.StatusNoContent)
		res := a.do("writer", "POST", path+"/restore", "")
		wantStatus(t, res, http.StatusOK)
		back := decode[newsroom.Image](t, res)
		if back.Alt != "Fishing boats at the quay" || back.Caption != "Dawn on the quay." || back.Credit != "Ana Ruiz" || back.Variants[0].Path != file {
			t.Fatalf("restored image = %+v", back)
		}
		wantStatus(t, a.do("writer", "POST", path+"/restore", ""), http.StatusConflict)
		wantStatus(t, a.do("other", "POST", path+"/restore", ""), http.StatusNotFound)

		// A client that names what it saw is refused when the draft's images have changed
		// since: here it saw a lead image that is not there.
		wantStatus(t, a.do("writer", "DELETE", path, ""), http.StatusNoContent)
		stale := fmt.Sprintf(`{"image":%d,"lead":%d}`, back.ID, back.ID)
		wantStatus(t, a.do("writer", "POST", path+"/restore", stale), http.StatusConflict)
		for _, bad := range []string{`{"image":0}`, `{"lead":3}`, fmt.Sprintf(`{"image":%d,"lead":-1}`, back.ID)} {
			wantStatus(t, a.do("writer", "POST", path+"/restore", bad), http.StatusUnprocessableEntity)
		}
		wantStatus(t, a.do("writer", "POST", path+"/restore", fmt.Sprintf(`{"image":%d,"lead":0}`, back.ID)), http.StatusOK)
	})

	t.Run("PublishedImageServedToAll", func(t *testing.T) {
		a.walkToPublished(d.ID)
		res := a.getAs("", file, nil)
		wantStatus(t, res, http.StatusOK)
		etag := res.Header().Get("ETag")
		if ct := res.Header().Get("Content-Type"); ct != "image/jpeg" {
			t.Errorf("Content-Type %q", ct)
		}
		if cc := res.Header().Get("Cache-Control"); cc != "public, max-age=31536000, immutable" {
			t.Errorf("Cache-Control %q", cc)
		}
		if !strings.Contains(file, strings.Trim(etag, `"`)) || len(etag) != 66 {
			t.Errorf("ETag %s is not the hash the path %s names", etag, file)
		}
		cached := a.getAs("", file, nil)
		if cached.Code != http.StatusOK || !bytes.Equal(cached.Body.Bytes(), res.Body.Bytes()) || cached.Header().Get("ETag") != etag {
			t.Errorf("served again from the cache: %d, %d bytes, ETag %s", cached.Code, cached.Body.Len(), cached.Header().Get("ETag"))
		}
		// Without a length, net/http sends a body larger than 2 kB in chunks.
		for _, r := range []*httptest.ResponseRecorder{res, cached} {
			if n := r.Header().Get("Content-Length"); n != strconv.Itoa(r.Body.Len()) {
				t.Errorf("an image of %d bytes sent with Content-Length %q", r.Body.Len(), n)
			}
		}
		again := a.getAs("", file, http.Header{"If-None-Match": {etag}})
		wantStatus(t, again, http.StatusNotModified)
		if again.Body.Len() != 0 {
			t.Error("a 304 with a body")
		}
		for _, out := range []struct{ path, want string }{
			{"/articles/a-draft", `<figure class="lead"><img src="/images/`},
			{"/articles/a-draft", `alt="Fishing boats at the quay"`},
			{"/articles/a-draft", `<meta property="og:image" content="`},
			{"/articles/a-draft.json", `"associations"`},
			{"/", `<img class="thumb" src="` + file + `"`},
			{"/feed.atom", `rel="enclosure"`},
		} {
			if body := a.getAs("", out.path, nil).Body.String(); !strings.Contains(body, out.want) {
				t.Errorf("%s lacks %s", out.path, out.want)
			}
		}
	})
	t.Run("PreviewShowsTheImage", func(t *testing.T) {
		e := a.draft(newsroom.StageDraft)
		res := a.send("writer", "POST", fmt.Sprintf("/api/v1/drafts/%d/image", e.ID), imageFormType, imageForm(t, "A gull on a post", "gull.jpg", testJPEG(t, 300, 200)), nil)
		wantStatus(t, res, http.StatusCreated)
		if body := a.page("writer", "GET", fmt.Sprintf("/drafts/%d/preview", e.ID), nil).Body.String(); !strings.Contains(body, `alt="A gull on a post"`) {
			t.Error("the preview does not show the draft's image")
		}
	})

	t.Run("NotFound", func(t *testing.T) {
		for _, p := range []string{"/images/" + strings.Repeat("0", 64) + ".jpg", "/images/../../etc/passwd", "/images/abc.gif"} {
			wantStatus(t, a.getAs("", p, nil), http.StatusNotFound)
		}
	})
}

// walkToPublished takes a draft from stage draft to published through the store.
func (a *testApp) walkToPublished(id int64) {
	a.t.Helper()
	for _, step := range []struct {
		actor  string
		action newsroom.Action
	}{{"writer", newsroom.ActionSubmit}, {"factchecker", newsroom.ActionClear}, {"editor", newsroom.ActionApprove}} {
		if step.action == newsroom.ActionClear {
			a.verifyQuotes(id)
		}
		if _, err := a.store.Transition(ctxAs(a, step.actor), id, newsroom.TransitionRequest{Action: step.action}); err != nil {
			a.t.Fatal(err)
		}
	}
	if _, err := a.store.Publish(ctxAs(a, "editor"), id, time.Time{}, 0); err != nil {
		a.t.Fatal(err)
	}
}
