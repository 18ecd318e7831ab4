package server_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"

	"github.com/copydesk/copydesk/internal/newsroom"
)

// TestBadInput sends the API what clients get wrong, by mistake or on purpose, and checks each
// gets a clear error with the right status and code, never a 500.
func TestBadInput(t *testing.T) {
	a := newTestApp(t)
	d := a.draft(newsroom.StageDraft)
	fc := a.draft(newsroom.StageFactCheck)
	draft := fmt.Sprintf("/api/v1/drafts/%d", d.ID)
	quote := fmt.Sprintf("/api/v1/drafts/%d/quotes/%d", fc.ID, a.firstQuote(fc.ID))
	comment := fmt.Sprintf("/api/v1/comments/%d", a.comment(d.ID))
	long := func(n int) string { return strings.Repeat("é", n) } // code points, not bytes, count
	tests := []struct {
		name        string
		actor       string
		method, url string
		contentType string
		body        string
		wantStatus  int
		wantCode    string
	}{
		// Malformed JSON and wrong types: 400.
		{"MalformedJSON", "writer", "POST", "/api/v1/drafts", "", `{"title":`, 400, "malformed"},
		{"MalformedTrailingComma", "writer", "POST", "/api/v1/drafts", "", `{"title":"x",}`, 400, "malformed"},
		{"NotAnObject", "writer", "POST", "/api/v1/drafts", "", `["title"]`, 400, "malformed"},
		{"EmptyBody", "writer", "POST", "/api/v1/drafts", "", ``, 400, "malformed"},
		{"WrongTypeTitle", "writer", "POST", "/api/v1/drafts", "", `{"title":42}`, 400, "malformed"},
		{"WrongTypeTopics", "writer", "POST", "/api/v1/drafts", "", `{"title":"x","topics":"a,b"}`, 400, "malformed"},
		{"WrongTypeVersion", "writer", "PUT", draft, "", `{"title":"x","version":"1"}`, 400, "malformed"},
		{"WrongTypeForce", "editor", "POST", draft + "/transitions", "", `{"action":"approve","force":"yes"}`, 400, "malformed"},
		{"WrongTypeStart", "editor", "POST", draft + "/comments", "", `{"field":"body","start":"0","end":4,"body":"?"}`, 400, "malformed"},
		{"WrongTypeAt", "editor", "POST", draft + "/publish", "", `{"at":"tomorrow"}`, 400, "malformed"},
		// A body of another media type than the route takes: 415.
		{"FormForJSON", "writer", "POST", "/api/v1/drafts", "application/x-www-form-urlencoded", `title=x`, 415, "unsupported"},
		{"TextForJSON", "writer", "PUT", draft, "text/plain", `{"title":"x","version":1}`, 415, "unsupported"},
		{"JSONWithCharset", "writer", "POST", "/api/v1/drafts", "application/json; charset=utf-8", `{"title":"x"}`, 201, ""},
		{"JSONInCapitals", "writer", "POST", "/api/v1/drafts", "Application/JSON", `{"title":"x"}`, 201, ""},
		{"ImportNotText", "editor", "POST", "/api/v1/import?author=writer", "application/json", `{"title":"x"}`, 415, "unsupported"},
		// Unknown fields: 400, naming the field.
		{"UnknownFieldCreate", "writer", "POST", "/api/v1/drafts", "", `{"title":"x","stage":"published"}`, 400, "malformed"},
		{"UnknownFieldSave", "writer", "PUT", draft, "", `{"version":1,"writer_id":2}`, 400, "malformed"},
		{"UnknownFieldTransition", "writer", "POST", draft + "/transitions", "", `{"action":"submit","as":"editor"}`, 400, "malformed"},
		{"UnknownFieldLogin", "", "POST", "/api/v1/login", "", `{"username":"writer","password":"pw-writer-staple","role":"admin"}`, 400, "malformed"},
		{"UnknownFieldQuote", "factchecker", "PUT", quote, "", `{"status":"verified","checked_by":1}`, 400, "malformed"},
		// A key named twice in one object: 400. encoding/json would take the last, matching keys
		// whatever their case, so a check that read the first (a proxy's, a log's) saw another request.
		{"DuplicateKey", "writer", "POST", "/api/v1/drafts", "", `{"title":"Harbour","title":"Other"}`, 400, "malformed"},
		{"DuplicateKeyOtherCase", "writer", "PUT", draft, "", `{"version":1,"Version":99,"title":"x"}`, 400, "malformed"},
		{"DuplicateKeyEscaped", "writer", "POST", "/api/v1/drafts", "", `{"title":"a","\u0074itle":"b"}`, 400, "malformed"},
		{"DuplicateKeyLongS", "writer", "POST", "/api/v1/drafts", "", `{"title":"a","topics":[],"topic\u017f":["b"]}`, 400, "malformed"},
		{"DuplicateKeyLongSRaw", "writer", "POST", "/api/v1/drafts", "", `{"title":"a","topics":[],"topicſ":["b"]}`, 400, "malformed"},
		{"DuplicateKeyNested", "editor", "POST", draft + "/comments", "", `{"field":"body","quote":{"exact":"quote","exact":"other"},"body":"?"}`, 400, "malformed"},
		{"DuplicateKeyAfterBackslashes", "writer", "POST", "/api/v1/drafts", "", `{"title":"a\\\\","title":"b"}`, 400, "malformed"},
		{"KeyInsideValue", "writer", "POST", "/api/v1/drafts", "", `{"title":"say \"title\": \\","byline":"\"title\""}`, 201, ""},
		{"KeyAsValueTwice", "writer", "POST", "/api/v1/drafts", "", `{"title":"title","byline":"title","topics":["title","title"]}`, 201, ""},
		// Bodies over the limit: 413, whether the length is announced or not (see TestBodyLimitChunked).
		{"TooLarge", "writer", "POST", "/api/v1/drafts", "", `{"title":"x","body":"` + strings.Repeat("a", newsroom.MaxTextBytes) + `"}`, 413, "too_large"},
		{"TooLargeImport", "editor", "POST", "/api/v1/import?author=writer", "text/plain", strings.Repeat("a", newsroom.MaxTextBytes+1), 413, "too_large"},
		// Invalid UTF-8 and NUL bytes: 422, before encoding/json could turn them into U+FFFD.
		{"InvalidUTF8Title", "writer", "POST", "/api/v1/drafts", "", "{\"title\":\"caf\xe9\"}", 422, "invalid"},
		{"InvalidUTF8Key", "writer", "POST", "/api/v1/drafts", "", "{\"tit\xffle\":\"x\"}", 422, "invalid"},
		{"InvalidUTF8Save", "writer", "PUT", draft, "", "{\"body\":\"\xc3\x28\",\"version\":1}", 422, "invalid"},
		{"InvalidUTF8Comment", "editor", "POST", draft + "/comments", "", "{\"field\":\"body\",\"quote\":{\"exact\":\"quote\"},\"body\":\"\xed\xa0\x80\"}", 422, "invalid"},
		{"InvalidUTF8Login", "", "POST", "/api/v1/login", "", "{\"username\":\"\xff\",\"password\":\"x\"}", 422, "invalid"},
		{"InvalidUTF8Import", "editor", "POST", "/api/v1/import?author=writer", "text/plain", "Title \xff\n\nBy Me\nMay 7, 2025\n", 422, "invalid"},
		{"RawNUL", "writer", "POST", "/api/v1/drafts", "", "{\"title\":\"a\x00b\"}", 422, "invalid"},
		{"EscapedNULTitle", "writer", "POST", "/api/v1/drafts", "", `{"title":"a\u0000b"}`, 422, "invalid"},
		{"EscapedNULTopic", "writer", "POST", "/api/v1/drafts", "", `{"title":"x","topics":["a\u0000"]}`, 422, "invalid"},
		{"EscapedNULNote", "writer", "POST", draft + "/transitions", "", `{"action":"submit","note":"\u0000"}`, 422, "invalid"},
		{"EscapedNULComment", "editor", "POST", draft + "/comments", "", `{"field":"body","quote":{"exact":"quote"},"body":"x\u0000"}`, 422, "invalid"},
		{"EscapedNULReply", "writer", "POST", comment + "/replies", "", `{"body":"\u0000"}`, 422, "invalid"},
		{"EscapedNULQuoteSource", "factchecker", "PUT", quote, "", `{"status":"verified","source":"\u0000"}`, 422, "invalid"},
		{"EscapedNULLogin", "", "POST", "/api/v1/login", "", `{"username":"writer\u0000","password":"pw-writer"}`, 422, "invalid"},
		// A lone surrogate escape is valid JSON grammar, but encoding/json would store U+FFFD.
		{"LoneSurrogate", "writer", "POST", "/api/v1/drafts", "", `{"title":"\ud800"}`, 422, "invalid"},
		{"LoneLowSurrogate", "writer", "POST", "/api/v1/drafts", "", `{"title":"x\uDC00y"}`, 422, "invalid"},
		{"HighSurrogateThenLetter", "writer", "POST", "/api/v1/drafts", "", `{"title":"\ud800\u0041"}`, 422, "invalid"},
		{"SurrogateAtEnd", "writer", "POST", "/api/v1/drafts", "", `{"title":"x","brief":"\ud83d"}`, 422, "invalid"},
		{"LoneSurrogateInKey", "writer", "POST", "/api/v1/drafts", "", `{"ti\ud800tle":"x"}`, 422, "invalid"},
		{"SurrogatePair", "writer", "POST", "/api/v1/drafts", "", `{"title":"\ud83d\ude00"}`, 201, ""},
		{"EscapedBackslashThenU", "writer", "POST", "/api/v1/drafts", "", `{"title":"\\ud800\\u0000"}`, 201, ""},
		// Fields over their length limits (in code points): 422.
		{"TitleTooLong", "writer", "POST", "/api/v1/drafts", "", `{"title":"` + long(newsroom.MaxTitle+1) + `"}`, 422, "invalid"},
		{"TitleAtLimit", "writer", "POST", "/api/v1/drafts", "", `{"title":"` + long(newsroom.MaxTitle) + `"}`, 201, ""},
		{"BylineTooLong", "writer", "POST", "/api/v1/drafts", "", `{"title":"x","byline":"` + long(newsroom.MaxByline+1) + `"}`, 422, "invalid"},
		{"BriefTooLong", "writer", "POST", "/api/v1/drafts", "", `{"title":"x","brief":"` + long(newsroom.MaxBrief+1) + `"}`, 422, "invalid"},
		{"TooManyTopics", "writer", "POST", "/api/v1/drafts", "", `{"title":"x","topics":[` + strings.TrimSuffix(strings.Repeat(`"t",`, newsroom.MaxTopics+1), ",") + `]}`, 422, "invalid"},
		{"TopicTooLong", "writer", "POST", "/api/v1/drafts", "", `{"title":"x","topics":["` + long(newsroom.MaxTopic+1) + `"]}`, 422, "invalid"},
		{"SaveTitleTooLong", "writer", "PUT", draft, "", `{"title":"` + long(newsroom.MaxTitle+1) + `","version":1}`, 422, "invalid"},
		{"NoteTooLong", "writer", "POST", draft + "/transitions", "", `{"action":"submit","note":"` + long(newsroom.MaxNote+1) + `"}`, 422, "invalid"},
		{"CommentTooLong", "editor", "POST", draft + "/comments", "", `{"field":"body","quote":{"exact":"quote"},"body":"` + long(newsroom.MaxComment+1) + `"}`, 422, "invalid"},
		{"ReplyTooLong", "writer", "POST", comment + "/replies", "", `{"body":"` + long(newsroom.MaxComment+1) + `"}`, 422, "invalid"},
		{"QuoteNoteTooLong", "factchecker", "PUT", quote, "", `{"status":"disputed","note":"` + long(newsroom.MaxNote+1) + `"}`, 422, "invalid"},
		// Ids that cannot exist are not found; ids that are not numbers are malformed.
		{"NegativeID", "editor", "GET", "/api/v1/drafts/-1", "", "", 404, "not_found"},
		{"ZeroID", "editor", "GET", "/api/v1/drafts/0", "", "", 404, "not_found"},
		{"MaxInt64ID", "editor", "GET", "/api/v1/drafts/9223372036854775807", "", "", 404, "not_found"},
		{"OverflowID", "editor", "GET", "/api/v1/drafts/9223372036854775808", "", "", 404, "not_found"},
		{"HugeID", "editor", "PUT", "/api/v1/drafts/123456789012345678901234567890", "", `{"version":1}`, 404, "not_found"},
		{"NegativeVersion", "editor", "GET", draft + "/revisions/-2", "", "", 404, "not_found"},
		{"HugeVersion", "editor", "GET", draft + "/revisions/9223372036854775807", "", "", 404, "not_found"},
		{"NegativeQuote", "editor", "PUT", fmt.Sprintf("/api/v1/drafts/%d/quotes/-1", fc.ID), "", `{"status":"verified"}`, 404, "not_found"},
		{"NegativeComment", "editor", "POST", "/api/v1/comments/-7/resolve", "", "", 404, "not_found"},
		{"HugeComment", "editor", "POST", "/api/v1/comments/99999999999999999999/replies", "", `{"body":"x"}`, 404, "not_found"},
		{"FloatID", "editor", "GET", "/api/v1/drafts/1.5", "", "", 400, "malformed"},
		{"SQLInID", "editor", "GET", "/api/v1/drafts/1%20OR%201=1", "", "", 400, "malformed"},
		{"SQLInSlug", "editor", "POST", "/api/v1/articles/x'%20OR%20'1'='1/corrections", "", `{"note":"n"}`, 404, "not_found"},
		{"SQLInAuthor", "editor", "POST", "/api/v1/import?author=writer'--", "text/plain", "T\n\nB\nMay 7, 2025\nBrief\nb\np\nTopics\nEditor's Comments\nc\n", 422, "invalid"},
		{"BadLimit", "editor", "GET", "/api/v1/drafts?limit=-5", "", "", 422, "invalid"},
		{"HugeLimit", "editor", "GET", "/api/v1/drafts?limit=99999999999999999999", "", "", 422, "invalid"},
		{"BadCursor", "editor", "GET", "/api/v1/drafts?cursor=%27%3B%20DROP%20TABLE%20drafts", "", "", 422, "invalid"},
		{"DiffNotNumbers", "editor", "GET", draft + "/diff?from=a&to=b", "", "", 422, "invalid"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ct := tt.contentType
			if ct == "" {
				ct = "application/json"
			}
			res := a.send(tt.actor, tt.method, tt.url, ct, tt.body, nil)
			wantStatus(t, res, tt.wantStatus)
			if tt.wantCode != "" {
				e := decode[apiError](t, res)
				if e.Error.Code != tt.wantCode || e.Error.Message == "" {
					t.Fatalf("error = %+v, want code %q and a message", e.Error, tt.wantCode)
				}
			}
		})
	}
}

// TestWrongTypeMessage checks that a value of the wrong JSON type is named in JSON's words,
// the body as a whole included, and never by the Go type it would have been decoded into; and
// that a time that is not one says what a time looks like, never Go's layouts or methods.
func TestWrongTypeMessage(t *testing.T) {
	a := newTestApp(t)
	d := a.draft(newsroom.StageDraft)
	tests := []struct{ name, method, url, body, want string }{
		{"TimeNotString", "PUT", fmt.Sprintf("/api/v1/drafts/%d/deadlines", d.ID), `{"due_at":5}`, "times are strings in RFC 3339, such as 2026-03-30T17:00:00Z"},
		{"TimeNotRFC3339", "POST", fmt.Sprintf("/api/v1/drafts/%d/publish", d.ID), `{"at":"tomorrow"}`, `"tomorrow" is not a time: send one in RFC 3339, such as 2026-03-30T17:00:00Z`},
		{"TimeWithoutZone", "POST", fmt.Sprintf("/api/v1/drafts/%d/publish", d.ID), `{"at":"2026-03-30T17:00:00"}`, `"2026-03-30T17:00:00" is not a time: send one in RFC 3339, such as 2026-03-30T17:00:00Z`},
		{"BodyNotObject", "POST", "/api/v1/inbox/done", `[]`, "request body must be a JSON object, not array"},
		{"AnonymousStruct", "PUT", "/api/v1/me/notifications", `"x"`, "request body must be a JSON object, not string"},
		{"BodyNull", "PUT", "/api/v1/me/notifications", `null`, "request body must be a JSON object, not null"},
		{"OptionalBodyNull", "POST", fmt.Sprintf("/api/v1/drafts/%d/publish", d.ID), ` null `, "request body must be a JSON object, not null"},
		{"NamedSlice", "PUT", "/api/v1/me/notifications", `{"email":"x"}`, `field "email" must be array, not string`},
		{"Integer", "POST", "/api/v1/drafts", `{"title":"x","topics":[1]}`, `field "topics" must be string, not number`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := a.do("writer", tt.method, tt.url, tt.body)
			wantStatus(t, res, http.StatusBadRequest)
			if got := decode[apiError](t, res).Error.Message; got != tt.want {
				t.Errorf("message = %q, want %q", got, tt.want)
			}
		})
	}
}

// TestUnsupportedMediaType sends every operation that takes a body one of a media type it does
// not take, and one without any Content-Type: each answers 415, as the document says.
func TestUnsupportedMediaType(t *testing.T) {
	doc := loadOpenAPI(t)
	a := newTestApp(t)
	d := a.draft(newsroom.StageDraft)
	for path, item := range doc.Paths.Map() {
		for method, op := range item.Operations() {
			if op.RequestBody == nil {
				continue
			}
			url := apiPrefix + echoParamValue.ReplaceAllString(path, fmt.Sprint(d.ID))
			for _, ct := range []string{"application/xml", ""} {
				t.Run(method+" "+path+" "+ct, func(t *testing.T) {
					if strings.HasSuffix(path, "/import") && ct != "" {
						ct = "application/json"
					}
					req := httptest.NewRequest(method, url, strings.NewReader(`{"body":"x"}`))
					if ct != "" {
						req.Header.Set("Content-Type", ct)
					}
					req.Header.Set("Authorization", "Bearer "+a.tokens["editor"])
					res := httptest.NewRecorder()
					a.server.Handler().ServeHTTP(res, req)
					wantStatus(t, res, http.StatusUnsupportedMediaType)
					if e := decode[apiError](t, res); e.Error.Code != "unsupported" || !strings.Contains(e.Error.Message, "Content-Type") {
						t.Fatalf("error = %+v", e.Error)
					}
					validateResponse(t, a, req, res)
				})
			}
		}
	}
	t.Run("NoBodyNoType", func(t *testing.T) {
		res := a.send("writer", "POST", fmt.Sprintf("/api/v1/drafts/%d/transitions", d.ID), "", "", nil)
		wantStatus(t, res, http.StatusBadRequest)
	})
}

// echoParamValue matches a path parameter of the document, such as {id}.
var echoParamValue = regexp.MustCompile(`\{[a-z]+\}`)

// TestBodyLimitChunked sends a body over the limit with its Content-Length, and without one, as a
// chunked upload would: the server refuses the first before reading it and stops reading the
// second at the limit, and both are answered 413 saying what the limit is.
func TestBodyLimitChunked(t *testing.T) {
	a := newTestApp(t)
	body := `{"title":"x","body":"` + strings.Repeat("a", newsroom.MaxTextBytes) + `"}`
	for _, tt := range []struct {
		name   string
		length int64
	}{{"ContentLength", int64(len(body))}, {"Chunked", -1}} {
		t.Run(tt.name, func(t *testing.T) {
			res := a.framed("writer", "POST", "/api/v1/drafts", strings.NewReader(body), tt.length)
			wantStatus(t, res, http.StatusRequestEntityTooLarge)
			if got, want := decode[apiError](t, res).Error.Message, fmt.Sprintf("request body is larger than %d bytes", newsroom.MaxTextBytes); got != want {
				t.Errorf("message = %q, want %q", got, want)
			}
		})
	}
}

// TestHostileTextStoredVerbatim stores SQL and markup as a draft's text and gets exactly the same
// text back, with the database intact.
func TestHostileTextStoredVerbatim(t *testing.T) {
	a := newTestApp(t)
	in := map[string]any{
		"title":  `Robert'); DROP TABLE drafts;--`,
		"byline": `" OR "1"="1`,
		"brief":  `<script>alert(1)</script>`,
		"body":   "'; DELETE FROM audit; --\n<img src=x onerror=alert(1)>\n%_\\ LIKE '%'",
		"topics": []string{`1; UPDATE users SET role='admin'`, `</title><script>`},
	}
	body, _ := json.Marshal(in)
	res := a.do("writer", "POST", "/api/v1/drafts", string(body))
	wantStatus(t, res, http.StatusCreated)
	created := decode[newsroom.Draft](t, res)
	got := decode[newsroom.Draft](t, a.do("writer", "GET", fmt.Sprintf("/api/v1/drafts/%d", created.ID), ""))
	if got.Title != in["title"] || got.Byline != in["byline"] || got.Brief != in["brief"] || got.Body != in["body"] ||
		strings.Join(got.Topics, "|") != strings.Join(in["topics"].([]string), "|") {
		t.Fatalf("stored text differs:\n got %+v\nwant %+v", got, in)
	}
	res = a.do("writer", "GET", "/api/v1/drafts?q="+strings.ReplaceAll("DROP TABLE", " ", "%20"), "")
	wantStatus(t, res, http.StatusOK)
	if page := decode[newsroom.DraftPage](t, res); len(page.Items) != 1 || page.Items[0].ID != created.ID {
		t.Fatalf("search for the SQL text = %+v", page.Items)
	}
	for _, wildcard := range []string{"%25", "_"} { // LIKE wildcards match only themselves, and no title holds one
		res = a.do("writer", "GET", "/api/v1/drafts?q="+wildcard, "")
		wantStatus(t, res, http.StatusOK)
		if page := decode[newsroom.DraftPage](t, res); len(page.Items) != 0 {
			t.Fatalf("search for %s = %d drafts, want none", wildcard, len(page.Items))
		}
	}
	if u := a.users["writer"]; u.Role != newsroom.RoleWriter {
		t.Fatalf("writer's role = %s", u.Role)
	}
	wantStatus(t, a.do("writer", "POST", "/api/v1/drafts", `{"title":"still works"}`), http.StatusCreated)
}

// unescapedTag finds a "<" starting a tag that Markdown would pass through as HTML.
var unescapedTag = regexp.MustCompile(`(^|[^\\])<[a-z/!]`)

// TestScriptTitleIsTextEverywhere takes a draft titled with a script through the workflow to
// publication and checks that every public rendition shows the words as text: no byte sequence
// "<script>alert" a browser or feed reader would run, except in plain-text renditions, which
// are served as text/plain with nosniff.
func TestScriptTitleIsTextEverywhere(t *testing.T) {
	a := newTestApp(t)
	const evil = `<script>alert(1)</script>`
	in, _ := json.Marshal(map[string]any{
		"title": evil + ` & "Friends"`, "byline": `<b onmouseover=alert(2)>Me</b>`, "brief": evil,
		"body": "First " + evil + "\n<img src=x onerror=alert(3)>", "topics": []string{evil},
	})
	res := a.do("writer", "POST", "/api/v1/drafts", string(in))
	wantStatus(t, res, http.StatusCreated)
	d := decode[newsroom.Draft](t, res)
	for _, st := range []struct{ actor, action string }{{"writer", "submit"}, {"factchecker", "clear"}, {"editor", "approve"}} {
		if st.action == "clear" {
			a.verifyQuotes(d.ID)
		}
		wantStatus(t, a.do(st.actor, "POST", fmt.Sprintf("/api/v1/drafts/%d/transitions", d.ID), `{"action":"`+st.action+`"}`), http.StatusOK)
	}
	res = a.do("editor", "POST", fmt.Sprintf("/api/v1/drafts/%d/publish", d.ID), "")
	wantStatus(t, res, http.StatusOK)
	slug := decode[pubResponse](t, res).Slug
	if strings.ContainsAny(slug, `<>"&`) {
		t.Fatalf("slug %q", slug)
	}
	pages := []struct {
		url, contentType string
		plain            bool // served as text, not HTML: checked for markup a renderer would take as HTML
	}{
		{"/articles/" + slug, "text/html", false},
		{"/", "text/html", false},
		{"/feed.atom", "application/atom+xml", false},
		{"/articles/" + slug + ".json", "json", false},
		{"/articles/" + slug + ".md", "text/markdown", true},
		{"/articles/" + slug + ".txt", "text/plain", true},
		{"/briefs/" + slug + ".txt", "text/plain", true},
	}
	for _, p := range pages {
		t.Run(p.url, func(t *testing.T) {
			res := a.do("", "GET", p.url, "")
			wantStatus(t, res, http.StatusOK)
			if ct := res.Header().Get("Content-Type"); !strings.Contains(ct, p.contentType) {
				t.Fatalf("Content-Type = %q", ct)
			}
			if res.Header().Get("X-Content-Type-Options") != "nosniff" {
				t.Fatal("no nosniff: a browser might sniff the text as HTML")
			}
			raw := strings.ToLower(res.Body.String())
			switch {
			case strings.HasSuffix(p.url, ".md"):
				// Markdown passes raw HTML through to the page it renders, unless each "<" is
				// escaped: "\<script>" renders as the text "<script>".
				if m := unescapedTag.FindString(raw); m != "" {
					t.Fatalf("Markdown holds raw HTML %q:\n%s", m, raw)
				}
				return
			case p.plain:
				if !strings.Contains(raw, strings.ToLower(evil)) {
					t.Fatalf("plain text lost the title's words:\n%s", raw)
				}
				return
			}
			for _, bad := range []string{"<script>alert", "<img src=x", "<b onmouseover"} {
				if strings.Contains(raw, bad) {
					t.Errorf("%s holds executable %q:\n%s", p.url, bad, res.Body.String())
				}
			}
			// The only script elements are JSON-LD data blocks, which browsers never run.
			if n, ld := strings.Count(raw, "<script"), strings.Count(raw, `<script type="application/ld+json">`); n != ld {
				t.Errorf("%d <script elements, %d of them JSON-LD", n, ld)
			}
			if p.url == "/articles/"+slug && !strings.Contains(raw, `\u003cscript\u003ealert(1)`) {
				t.Errorf("the JSON-LD does not carry the title, escaped:\n%s", raw)
			}
			// The words are still there, escaped for the format.
			if !strings.Contains(raw, "alert(1)") {
				t.Errorf("the title's words are gone:\n%s", raw)
			}
		})
	}
}

// TestTimeOutOfRange sends due and publication times that fall outside the years 1 to 9999 once
// in UTC, which no JSON answer can carry: each is refused with 422 and nothing is stored, so the
// draft still answers, rather than failing with a 500 for everyone from then on.
func TestTimeOutOfRange(t *testing.T) {
	a := newTestApp(t)
	editing := a.draft(newsroom.StageEditing)
	approved := a.draft(newsroom.StageApproved)
	tests := []struct {
		name, method, url, body string
		draft                   int64
		wantStage               newsroom.Stage
	}{
		{"DueAfter9999", http.MethodPut, fmt.Sprintf("/api/v1/drafts/%d/deadlines", editing.ID), `{"stage":"editing","due_at":"9999-12-31T23:00:00-05:00"}`, editing.ID, newsroom.StageEditing},
		{"DueBeforeYear0", http.MethodPut, fmt.Sprintf("/api/v1/drafts/%d/deadlines", editing.ID), `{"stage":"editing","due_at":"0000-01-01T01:00:00+05:00"}`, editing.ID, newsroom.StageEditing},
		{"ScheduleAfter9999", http.MethodPost, fmt.Sprintf("/api/v1/drafts/%d/publish", approved.ID), `{"at":"9999-12-31T23:00:00-05:00"}`, approved.ID, newsroom.StageApproved},
		{"BackdateBeforeYear0", http.MethodPost, fmt.Sprintf("/api/v1/drafts/%d/publish", approved.ID), `{"at":"0000-01-01T01:00:00+05:00"}`, approved.ID, newsroom.StageApproved},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := a.do("editor", tt.method, tt.url, tt.body)
			wantStatus(t, res, http.StatusUnprocessableEntity)
			if e := decode[apiError](t, res).Error; e.Code != "invalid" || !strings.Contains(e.Message, "between the years 1 and 9999") {
				t.Errorf("error = %+v", e)
			}
			got := a.do("editor", http.MethodGet, fmt.Sprintf("/api/v1/drafts/%d", tt.draft), "")
			wantStatus(t, got, http.StatusOK)
			if d := decode[newsroom.Draft](t, got); d.Stage != tt.wantStage || len(d.Deadlines) != 0 {
				t.Errorf("draft = stage %s, deadlines %v; want stage %s and none", d.Stage, d.Deadlines, tt.wantStage)
			}
		})
	}
}
