package server_test

import (
	"bytes"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"testing"
)

// TestImportFromDesk imports a house-format file through the desk's form, for those who may
// import, and keeps the reason on the desk when the store refuses it.
func TestImportFromDesk(t *testing.T) {
	a := newTestApp(t)
	seed, err := os.ReadFile("testdata/seed.txt")
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(a.page("writer", "GET", "/desk", nil).Body.String(), `action="/desk/import"`) {
		t.Fatal("a writer is offered the import form")
	}
	wantBody(t, a.page("editor", "GET", "/desk", nil), `action="/desk/import" enctype="multipart/form-data"`, `<input type="file" name="file"`)
	tests := []struct {
		name, actor, author string
		file                []byte
		wantStatus          int
		want                string
	}{
		{"NotInHouseFormat", "editor", "writer", []byte("Just a line.\n"), http.StatusUnprocessableEntity, "Not imported: not in the house format"},
		{"NoSuchWriter", "editor", "nobody", seed, http.StatusUnprocessableEntity, `<input name="author" value="nobody"`},
		{"NoFile", "editor", "writer", nil, http.StatusUnprocessableEntity, "Not imported: choose a file in the house format to import"},
		{"Writer", "writer", "writer", seed, http.StatusForbidden, "Not imported: "},
		{"Imported", "editor", "writer", seed, http.StatusSeeOther, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := uploadImport(t, a, tt.actor, tt.author, tt.file)
			wantStatus(t, res, tt.wantStatus)
			if tt.want != "" {
				wantBody(t, res, tt.want)
			}
			if tt.wantStatus == http.StatusSeeOther && !strings.HasPrefix(res.Header().Get("Location"), "/drafts/") {
				t.Fatalf("an import leads to %q", res.Header().Get("Location"))
			}
		})
	}
}

// uploadImport sends the desk's import form as actor's browser would: multipart, with the file
// (none when file is nil), the author and the CSRF token.
func uploadImport(t *testing.T, a *testApp, actor, author string, file []byte) *httptest.ResponseRecorder {
	t.Helper()
	cookie, csrf := a.session(actor)
	var body bytes.Buffer
	w := multipart.NewWriter(&body)
	w.WriteField("csrf", csrf)
	w.WriteField("author", author)
	if file != nil {
		part, err := w.CreateFormFile("file", "piece.txt")
		if err != nil {
			t.Fatal(err)
		}
		part.Write(file)
	}
	w.Close()
	req := httptest.NewRequest("POST", "/desk/import", &body)
	req.Header.Set("Content-Type", w.FormDataContentType())
	req.AddCookie(&http.Cookie{Name: a.cookiePrefix + "copydesk_session", Value: cookie})
	if device := a.devices[actor]; device != "" {
		req.AddCookie(&http.Cookie{Name: a.cookiePrefix + "copydesk_device", Value: device})
	}
	res := httptest.NewRecorder()
	a.server.Handler().ServeHTTP(res, req)
	return res
}
