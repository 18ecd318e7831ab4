package server_test

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"regexp"
	"strings"
	"sync"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/openapi3filter"
	"github.com/getkin/kin-openapi/routers"

	"github.com/copydesk/copydesk/internal/newsroom"
)

// apiPrefix is where the document's server puts its paths.
const apiPrefix = "/api/v1"

var (
	openAPIOnce sync.Once
	openAPIDoc  *openapi3.T
	openAPIErr  error
)

// loadOpenAPI loads and validates the embedded document once per test binary.
func loadOpenAPI(t testing.TB) *openapi3.T {
	t.Helper()
	openAPIOnce.Do(func() {
		data, err := os.ReadFile("openapi.json")
		if err != nil {
			openAPIErr = err
			return
		}
		loader := openapi3.NewLoader()
		doc, err := loader.LoadFromData(data)
		if err != nil {
			openAPIErr = fmt.Errorf("loading openapi.json: %w", err)
			return
		}
		if err := doc.Validate(loader.Context); err != nil {
			openAPIErr = fmt.Errorf("openapi.json is not a valid OpenAPI document: %w", err)
			return
		}
		openAPIDoc = doc
	})
	if openAPIErr != nil {
		t.Fatal(openAPIErr)
	}
	return openAPIDoc
}

var echoParam = regexp.MustCompile(`:([a-z]+)`)

// TestOpenAPIDocument checks that the document is OpenAPI 3.1 and that the server serves
// exactly the embedded file.
func TestOpenAPIDocument(t *testing.T) {
	doc := loadOpenAPI(t)
	if !strings.HasPrefix(doc.OpenAPI, "3.1.") {
		t.Fatalf("openapi = %q, want 3.1.x", doc.OpenAPI)
	}
	a := newTestApp(t)
	res := a.do("", "GET", "/api/v1/openapi.json", "")
	wantStatus(t, res, http.StatusOK)
	file, _ := os.ReadFile("openapi.json")
	if !bytes.Equal(res.Body.Bytes(), file) {
		t.Fatal("GET /api/v1/openapi.json differs from openapi.json")
	}
	if ct := res.Header().Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
		t.Fatalf("Content-Type = %q", ct)
	}
}

// TestOpenAPIRoutes checks that the router's /api/v1 routes and the document's operations are
// the same set, so neither can gain a route the other lacks.
func TestOpenAPIRoutes(t *testing.T) {
	doc := loadOpenAPI(t)
	a := newTestApp(t)
	routes := map[string]bool{}
	for _, r := range a.server.Handler().Routes() {
		if !strings.HasPrefix(r.Path, apiPrefix+"/") || strings.HasSuffix(r.Path, "*") || r.Method == "echo_route_not_found" {
			continue
		}
		routes[r.Method+" "+echoParam.ReplaceAllString(strings.TrimPrefix(r.Path, apiPrefix), "{$1}")] = true
	}
	documented := map[string]bool{}
	for path, item := range doc.Paths.Map() {
		for method := range item.Operations() {
			documented[method+" "+path] = true
		}
	}
	for k := range routes {
		if !documented[k] {
			t.Errorf("route %s is not in openapi.json", k)
		}
	}
	for k := range documented {
		if !routes[k] {
			t.Errorf("openapi.json documents %s, which is not a route", k)
		}
	}
	if len(routes) < 20 {
		t.Fatalf("found only %d /api/v1 routes: %v", len(routes), routes)
	}
}

// validateResponse checks one answer of the API against the document: the route must be
// documented, its status listed for the operation, and its body valid against the schema.
// The route is found by the server's own router, so the check covers exactly what was served.
func validateResponse(t testing.TB, a *testApp, req *http.Request, res *httptest.ResponseRecorder) {
	t.Helper()
	if err := checkResponse(a, req, res); err != nil {
		t.Errorf("%s %s → %d does not match openapi.json: %v\nbody: %s", req.Method, req.URL, res.Code, err, res.Body.String())
	}
}

// openAPIRoute finds the documented operation of a request with the server's router, and its
// path parameters.
func openAPIRoute(a *testApp, req *http.Request) (*routers.Route, map[string]string, error) {
	doc := loadOpenAPI(a.t)
	e := a.server.Handler()
	c := e.NewContext(req, nil)
	e.Router().Find(req.Method, req.URL.Path, c)
	if !strings.HasPrefix(c.Path(), apiPrefix+"/") {
		return nil, nil, fmt.Errorf("no /api/v1 route matches (router path %q)", c.Path())
	}
	path := echoParam.ReplaceAllString(strings.TrimPrefix(c.Path(), apiPrefix), "{$1}")
	item := doc.Paths.Value(path)
	if item == nil || item.GetOperation(req.Method) == nil {
		return nil, nil, fmt.Errorf("%s %s is not documented", req.Method, path)
	}
	params := map[string]string{}
	for i, name := range c.ParamNames() {
		params[name] = c.ParamValues()[i]
	}
	return &routers.Route{Spec: doc, Server: doc.Servers[0], Path: path, PathItem: item, Method: req.Method, Operation: item.GetOperation(req.Method)}, params, nil
}

func checkResponse(a *testApp, req *http.Request, res *httptest.ResponseRecorder) error {
	route, params, err := openAPIRoute(a, req)
	if err != nil {
		return err
	}
	opts := &openapi3filter.Options{IncludeResponseStatus: true, MultiError: true, AuthenticationFunc: openapi3filter.NoopAuthenticationFunc}
	in := &openapi3filter.RequestValidationInput{Request: req, PathParams: params, Route: route, Options: opts}
	return openapi3filter.ValidateResponse(context.Background(), &openapi3filter.ResponseValidationInput{
		RequestValidationInput: in, Status: res.Code, Header: res.Header(), Body: io.NopCloser(bytes.NewReader(res.Body.Bytes())), Options: opts,
	})
}

// validateRequest checks that a request the server accepted is one the document allows, so the
// documented request bodies and parameters are not stricter than the server.
func validateRequest(t testing.TB, a *testApp, req *http.Request) {
	t.Helper()
	route, params, err := openAPIRoute(a, req)
	if err != nil {
		t.Errorf("%s %s: %v", req.Method, req.URL, err)
		return
	}
	opts := &openapi3filter.Options{MultiError: true, AuthenticationFunc: openapi3filter.NoopAuthenticationFunc}
	if err := openapi3filter.ValidateRequest(context.Background(), &openapi3filter.RequestValidationInput{Request: req, PathParams: params, Route: route, Options: opts}); err != nil {
		t.Errorf("%s %s was accepted by the server but not by openapi.json: %v", req.Method, req.URL, err)
	}
}

// TestValidateResponseCatchesDrift makes sure the validation can fail: a draft missing fields,
// an undocumented status and an error without a code are all refused.
func TestValidateResponseCatchesDrift(t *testing.T) {
	loadOpenAPI(t)
	a := newTestApp(t)
	d := a.draft(newsroom.StageDraft)
	url := fmt.Sprintf("/api/v1/drafts/%d", d.ID)
	tests := []struct {
		name   string
		status int
		body   string
	}{
		{"MissingFields", 200, `{"id":1,"title":"x"}`},
		{"UnknownField", 200, strings.Replace(a.do("writer", "GET", url, "").Body.String(), `{"id"`, `{"secret":"x","id"`, 1)},
		{"NestedWrongType", 200, strings.Replace(a.do("writer", "GET", url, "").Body.String(), `"username":"writer"`, `"username":5`, 1)},
		{"MalformedStage", 200, strings.Replace(a.do("writer", "GET", url, "").Body.String(), `"stage":"draft"`, `"stage":"Limbo!"`, 1)},
		{"UndocumentedStatus", 418, `{"error":{"code":"invalid","message":"teapot"}}`},
		{"ErrorWithoutCode", 404, `{"error":{"message":"gone"}}`},
		{"UnknownErrorCode", 404, `{"error":{"code":"gone","message":"gone"}}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := httptest.NewRecorder()
			res.Header().Set("Content-Type", "application/json")
			res.WriteHeader(tt.status)
			res.WriteString(tt.body)
			if err := checkResponse(a, httptest.NewRequest("GET", url, nil), res); err == nil {
				t.Fatalf("%s passed validation", tt.body)
			}
		})
	}
	t.Run("OK", func(t *testing.T) {
		req := httptest.NewRequest("GET", url, nil)
		validateResponse(t, a, req, a.do("writer", "GET", url, ""))
	})
}

// TestOpenAPIScenarios sends every /api/v1 route at least one request that succeeds and one
// that fails, and validates every answer against the document (and every accepted request too).
func TestOpenAPIScenarios(t *testing.T) {
	loadOpenAPI(t)
	a := newTestApp(t)
	a.tokens["forged"] = "not-a-token"
	seed, err := os.ReadFile("testdata/seed.txt")
	if err != nil {
		t.Fatal(err)
	}
	hook, err := a.store.CreateWebhook(ctxAs(a, "admin"), newsroom.NewWebhook{Name: "Chat", URL: "https://chat.example.com/hook"})
	if err != nil {
		t.Fatal(err)
	}
	draft := a.draft(newsroom.StageDraft)
	checking := a.draft(newsroom.StageFactCheck)
	editing := a.draft(newsroom.StageEditing)
	approved := a.draft(newsroom.StageApproved)
	later := a.draft(newsroom.StageApproved)
	stale := a.draft(newsroom.StageDraft)
	unfinished, err := a.store.CreateDraft(ctxAs(a, "writer"), newsroom.Text{Title: "No byline yet", Body: "One paragraph."})
	if err != nil {
		t.Fatal(err)
	}
	ids := map[string]string{
		"{unfinished}": fmt.Sprint(unfinished.ID), "{draft}": fmt.Sprint(draft.ID), "{checking}": fmt.Sprint(checking.ID), "{editing}": fmt.Sprint(editing.ID),
		"{approved}": fmt.Sprint(approved.ID), "{later}": fmt.Sprint(later.ID),
		"{quote}": fmt.Sprint(a.firstQuote(checking.ID)), "{equote}": fmt.Sprint(a.firstQuote(editing.ID)),
		"{comment}": fmt.Sprint(a.comment(draft.ID)), "{stale}": fmt.Sprint(stale.ID),
		"{quiet}": fmt.Sprint(a.comment(draft.ID)), "{gone}": fmt.Sprint(a.comment(draft.ID)),
		"{unmerged}": fmt.Sprint(a.staleSave(stale.ID, "Lost the race.")),
		"{other}":    fmt.Sprint(a.users["other"].ID), "{admin}": fmt.Sprint(a.users["admin"].ID),
		"{factchecker}": fmt.Sprint(a.users["factchecker"].ID),
	}
	told, err := a.store.Notifications(ctxAs(a, "writer"), false, 0, 1)
	if err != nil || len(told.Notifications) == 0 {
		t.Fatalf("the writer was told nothing: %+v, %v", told, err)
	}
	ids["{notification}"], ids["{webhook}"] = fmt.Sprint(told.Notifications[0].ID), fmt.Sprint(hook.ID)
	change, err := a.store.RequestEmailChange(ctxAs(a, "factchecker"), "fc@example.org", true)
	if err != nil {
		t.Fatal(err)
	}
	ids["{emailtoken}"] = change.Token
	a.tokens["leaving"] = a.login("admin")
	ids["{spare}"] = a.spareCredential("admin")
	type scenario struct {
		name        string
		actor       string
		method, url string
		body        string
		wantStatus  int
	}
	const tooBig = newsroom.MaxTextBytes + 1
	scenarios := []scenario{
		{"OpenAPI", "", "GET", "/api/v1/openapi.json", "", 200},
		{"OpenAPIBadToken", "forged", "GET", "/api/v1/openapi.json", "", 401},
		{"Workflow", "factchecker", "GET", "/api/v1/workflow", "", 200},
		{"WorkflowAnonymous", "", "GET", "/api/v1/workflow", "", 401},
		{"Inbox", "writer", "GET", "/api/v1/inbox", "", 200},
		{"InboxAnonymous", "", "GET", "/api/v1/inbox", "", 401},
		{"InboxDone", "writer", "POST", "/api/v1/inbox/done", `{"entry":"thread:{quiet}@0"}`, 204},
		{"InboxDoneAgain", "writer", "POST", "/api/v1/inbox/done", `{"entry":"thread:{quiet}@0"}`, 404},
		{"InboxDoneEmpty", "writer", "POST", "/api/v1/inbox/done", `{"entry":""}`, 422},
		{"Login", "", "POST", "/api/v1/login", `{"username":"editor","password":"pw-editor-staple"}`, 200},
		{"LoginWrongPassword", "", "POST", "/api/v1/login", `{"username":"editor","password":"nope"}`, 401},
		{"LoginMalformed", "", "POST", "/api/v1/login", `{"username":`, 400},
		{"Credentials", "admin", "GET", "/api/v1/me/credentials", "", 200},
		{"CredentialsAnonymous", "", "GET", "/api/v1/me/credentials", "", 401},
		{"RevokeCredential", "admin", "DELETE", "/api/v1/me/credentials/{spare}", "", 204},
		{"RevokeCredentialAgain", "admin", "DELETE", "/api/v1/me/credentials/{spare}", "", 404},
		{"RevokeCredentialNoSuchKind", "admin", "DELETE", "/api/v1/me/credentials/device-1", "", 404},
		{"RevokeOthers", "other", "POST", "/api/v1/me/credentials/revoke-others", "", 200},
		{"RevokeOthersAnonymous", "", "POST", "/api/v1/me/credentials/revoke-others", "", 401},
		{"NotificationPrefs", "writer", "GET", "/api/v1/me/notifications", "", 200},
		{"NotificationPrefsAnonymous", "", "GET", "/api/v1/me/notifications", "", 401},
		{"SetNotificationPrefs", "writer", "PUT", "/api/v1/me/notifications", `{"email":["mentioned","assigned"],"digest":true}`, 200},
		{"SetNotificationPrefsUnknownKind", "writer", "PUT", "/api/v1/me/notifications", `{"email":["gossip"],"digest":false}`, 422},
		{"SetNotificationPrefsHalf", "writer", "PUT", "/api/v1/me/notifications", `{"digest":false}`, 422},
		{"Email", "writer", "GET", "/api/v1/me/email", "", 200},
		{"EmailAnonymous", "", "GET", "/api/v1/me/email", "", 401},
		{"SetEmailNone", "writer", "PUT", "/api/v1/me/email", `{"email":""}`, 200},
		{"SetEmailNoMailServer", "writer", "PUT", "/api/v1/me/email", `{"email":"writer@example.org"}`, 409},
		{"SetEmailInvalid", "writer", "PUT", "/api/v1/me/email", `{"email":"writer"}`, 422},
		{"ConfirmEmailOfAnother", "writer", "POST", "/api/v1/me/email/confirm", `{"token":"{emailtoken}"}`, 404},
		{"ConfirmEmail", "factchecker", "POST", "/api/v1/me/email/confirm", `{"token":"{emailtoken}"}`, 200},
		{"ConfirmEmailAgain", "factchecker", "POST", "/api/v1/me/email/confirm", `{"token":"{emailtoken}"}`, 409},
		{"CancelEmail", "writer", "DELETE", "/api/v1/me/email/pending", "", 204},
		{"CancelEmailAnonymous", "", "DELETE", "/api/v1/me/email/pending", "", 401},
		{"Logout", "leaving", "POST", "/api/v1/logout", "", 204},
		{"LogoutAgain", "leaving", "POST", "/api/v1/logout", "", 401},
		{"List", "writer", "GET", "/api/v1/drafts?stage=draft&limit=1", "", 200},
		{"ListFactChecker", "factchecker", "GET", "/api/v1/drafts?q=draft", "", 200},
		{"ListAnonymous", "", "GET", "/api/v1/drafts", "", 401},
		{"ListBadLimit", "writer", "GET", "/api/v1/drafts?limit=0", "", 422},
		{"ListFull", "writer", "GET", "/api/v1/drafts?view=full&limit=2", "", 200},
		{"ListBadView", "writer", "GET", "/api/v1/drafts?view=bodies", "", 422},
		{"Create", "writer", "POST", "/api/v1/drafts", `{"title":"Fresh","byline":"W","brief":"B","body":"p1\np2","topics":["a"]}`, 201},
		{"CreateMinimal", "writer", "POST", "/api/v1/drafts", `{"title":"Only a title"}`, 201},
		{"CreateForbidden", "editor", "POST", "/api/v1/drafts", `{"title":"x"}`, 403},
		{"CreateUnknownField", "writer", "POST", "/api/v1/drafts", `{"title":"x","y":1}`, 400},
		{"CreateTooLong", "writer", "POST", "/api/v1/drafts", `{"title":"` + strings.Repeat("t", 301) + `"}`, 422},
		{"CreateTooLarge", "writer", "POST", "/api/v1/drafts", `{"title":"` + strings.Repeat("t", tooBig) + `"}`, 413},
		{"Get", "writer", "GET", "/api/v1/drafts/{draft}", "", 200},
		{"GetOtherWriter", "other", "GET", "/api/v1/drafts/{draft}", "", 404},
		{"GetNotANumber", "writer", "GET", "/api/v1/drafts/abc", "", 400},
		{"Save", "writer", "PUT", "/api/v1/drafts/{draft}", `{"body":"Body with a “quote”.\nMore.","version":1}`, 200},
		{"SaveStale", "writer", "PUT", "/api/v1/drafts/{draft}", `{"body":"Body with a “quote”.\nLess.","version":1}`, 409},
		{"SaveStaleMerged", "writer", "PUT", "/api/v1/drafts/{draft}", `{"title":"Won the race","version":1}`, 200},
		{"SaveWrongStage", "editor", "PUT", "/api/v1/drafts/{draft}", `{"title":"x","version":2}`, 409},
		{"History", "writer", "GET", "/api/v1/drafts/{draft}/history", "", 200},
		{"HistoryOther", "other", "GET", "/api/v1/drafts/{draft}/history", "", 404},
		{"HistoryPage", "writer", "GET", "/api/v1/drafts/{stale}/history?limit=1&unmerged_text=1", "", 200},
		{"HistoryBadCursor", "writer", "GET", "/api/v1/drafts/{stale}/history?cursor=nope", "", 422},
		{"Unmerged", "writer", "GET", "/api/v1/drafts/{stale}/unmerged/{unmerged}", "", 200},
		{"UnmergedMissing", "writer", "GET", "/api/v1/drafts/{stale}/unmerged/1", "", 404},
		{"WorkingCopyNone", "writer", "GET", "/api/v1/drafts/{stale}/working-copy", "", 404},
		{"SaveWorkingCopy", "writer", "PUT", "/api/v1/drafts/{stale}/working-copy", `{"base_version":1,"text":{"title":"","body":"Typing…","topics":["a"]}}`, 200},
		{"SaveWorkingCopyTooLong", "writer", "PUT", "/api/v1/drafts/{stale}/working-copy", `{"base_version":1,"text":{"title":"` + strings.Repeat("t", 301) + `"}}`, 422},
		{"SaveWorkingCopyFactChecker", "factchecker", "PUT", "/api/v1/drafts/{checking}/working-copy", `{"base_version":1,"text":{}}`, 403},
		{"WorkingCopy", "writer", "GET", "/api/v1/drafts/{stale}/working-copy", "", 200},
		{"Live", "editor", "GET", "/api/v1/drafts/{stale}/live", "", 200},
		{"LiveOther", "other", "GET", "/api/v1/drafts/{stale}/live", "", 404},
		{"DiscardWorkingCopyKeptSince", "writer", "DELETE", "/api/v1/drafts/{stale}/working-copy?saved_at=2001-01-01T00:00:00Z", "", 409},
		{"DiscardWorkingCopyNotATime", "writer", "DELETE", "/api/v1/drafts/{stale}/working-copy?saved_at=yesterday", "", 422},
		{"DiscardWorkingCopy", "writer", "DELETE", "/api/v1/drafts/{stale}/working-copy", "", 204},
		{"DiscardWorkingCopyOther", "other", "DELETE", "/api/v1/drafts/{stale}/working-copy", "", 404},
		{"SetImage", "writer", "POST", "/api/v1/drafts/{stale}/image", imageForm(t, "A quay at dawn", "photo.jpg", testJPEG(t, 400, 300)), 201},
		{"SetImageNoAlt", "writer", "POST", "/api/v1/drafts/{stale}/image", imageForm(t, " ", "photo.jpg", testJPEG(t, 400, 300)), 422},
		{"GetWithImage", "writer", "GET", "/api/v1/drafts/{stale}", "", 200},
		{"RemoveImage", "writer", "DELETE", "/api/v1/drafts/{stale}/image", "", 204},
		{"RemoveImageOther", "other", "DELETE", "/api/v1/drafts/{stale}/image", "", 404},
		{"RestoreImage", "writer", "POST", "/api/v1/drafts/{stale}/image/restore", "", 200},
		{"RestoreImageAgain", "writer", "POST", "/api/v1/drafts/{stale}/image/restore", "", 409},
		{"RemoveImageAgain", "writer", "DELETE", "/api/v1/drafts/{stale}/image", "", 204},
		{"Revision", "writer", "GET", "/api/v1/drafts/{draft}/revisions/2", "", 200},
		{"RevisionMissing", "writer", "GET", "/api/v1/drafts/{draft}/revisions/99", "", 404},
		{"Diff", "writer", "GET", "/api/v1/drafts/{draft}/diff?from=1&to=2", "", 200},
		{"DiffNoVersions", "writer", "GET", "/api/v1/drafts/{draft}/diff", "", 422},
		{"Quotes", "factchecker", "GET", "/api/v1/drafts/{checking}/quotes", "", 200},
		{"QuotesHidden", "factchecker", "GET", "/api/v1/drafts/{draft}/quotes", "", 404},
		{"QuoteEvents", "factchecker", "GET", "/api/v1/drafts/{checking}/quotes/{quote}/events?limit=1", "", 200},
		{"QuoteEventsBadCursor", "factchecker", "GET", "/api/v1/drafts/{checking}/quotes/{quote}/events?cursor=nope", "", 422},
		{"CheckQuote", "factchecker", "PUT", "/api/v1/drafts/{checking}/quotes/{quote}", `{"status":"verified","source":"tape"}`, 200},
		{"CheckQuoteOnItsWords", "factchecker", "PUT", "/api/v1/drafts/{checking}/quotes/{quote}", `{"status":"verified","text":"quote","speaker":""}`, 200},
		{"CheckQuoteForAnotherSpeaker", "factchecker", "PUT", "/api/v1/drafts/{checking}/quotes/{quote}", `{"status":"verified","text":"quote","speaker":"Ann Lee"}`, 409},
		{"CheckQuoteOnOtherWords", "factchecker", "PUT", "/api/v1/drafts/{checking}/quotes/{quote}", `{"status":"verified","text":"a quote"}`, 409},
		{"CheckQuoteBadStatus", "factchecker", "PUT", "/api/v1/drafts/{checking}/quotes/{quote}", `{"status":"maybe"}`, 422},
		{"CheckQuoteWriter", "writer", "PUT", "/api/v1/drafts/{checking}/quotes/{quote}", `{"status":"verified"}`, 403},
		{"NotQuote", "factchecker", "POST", "/api/v1/drafts/{checking}/quotes/{quote}/not-quote", `{"note":"A ship's name"}`, 200},
		{"NotQuoteOnOtherWords", "factchecker", "POST", "/api/v1/drafts/{checking}/quotes/{quote}/not-quote", `{"note":"A ship's name","text":"a quote"}`, 409},
		{"NotQuoteWithoutNote", "factchecker", "POST", "/api/v1/drafts/{checking}/quotes/{quote}/not-quote", `{"note":" "}`, 422},
		{"NotQuoteWriter", "writer", "POST", "/api/v1/drafts/{checking}/quotes/{quote}/not-quote", `{"note":"n"}`, 403},
		{"DisputeQuote", "editor", "PUT", "/api/v1/drafts/{editing}/quotes/{equote}", `{"status":"disputed","note":"No tape"}`, 200},
		{"WaiveOnOtherWords", "editor", "POST", "/api/v1/drafts/{editing}/quotes/{equote}/waive", `{"note":"Second source","text":"a quote"}`, 409},
		{"Waive", "editor", "POST", "/api/v1/drafts/{editing}/quotes/{equote}/waive", `{"note":"Second source","text":"quote"}`, 200},
		{"WaiveWriter", "writer", "POST", "/api/v1/drafts/{editing}/quotes/{equote}/waive", `{"note":"n"}`, 403},
		{"Comments", "writer", "GET", "/api/v1/drafts/{draft}/comments", "", 200},
		{"CommentsOther", "other", "GET", "/api/v1/drafts/{draft}/comments", "", 404},
		{"Comment", "editor", "POST", "/api/v1/drafts/{draft}/comments", `{"field":"body","quote":{"exact":"quote"},"body":"Source?"}`, 201},
		{"CommentRange", "editor", "POST", "/api/v1/drafts/{draft}/comments", `{"field":"title","start":0,"end":1,"body":"Shorter?"}`, 201},
		{"CommentBadField", "editor", "POST", "/api/v1/drafts/{draft}/comments", `{"field":"footer","quote":{"exact":"x"},"body":"?"}`, 422},
		{"CommentQuoteTooLong", "editor", "POST", "/api/v1/drafts/{draft}/comments", `{"field":"body","quote":{"exact":"` + strings.Repeat("a", 2001) + `"},"body":"?"}`, 422},
		{"CommentWriter", "writer", "POST", "/api/v1/drafts/{draft}/comments", `{"field":"body","quote":{"exact":"quote"},"body":"?"}`, 403},
		{"Reply", "writer", "POST", "/api/v1/comments/{comment}/replies", `{"body":"Fixed."}`, 201},
		{"ReplyOther", "other", "POST", "/api/v1/comments/{comment}/replies", `{"body":"Hi"}`, 404},
		{"ReplyAddressed", "editor", "POST", "/api/v1/comments/{comment}/replies", `{"body":"See above.","to":["writer"]}`, 201},
		{"ReplyToOneWhoCannotSee", "editor", "POST", "/api/v1/comments/{comment}/replies", `{"body":"See above.","to":["factchecker"]}`, 422},
		{"ReplyToAsManyAsMay", "editor", "POST", "/api/v1/comments/{comment}/replies",
			`{"body":"See above.","to":[` + strings.Repeat(`"writer",`, newsroom.MaxAddressees-1) + `"writer"]}`, 201},
		{"ReplyToTooMany", "editor", "POST", "/api/v1/comments/{comment}/replies",
			`{"body":"See above.","to":[` + strings.Repeat(`"writer",`, newsroom.MaxAddressees) + `"writer"]}`, 422},
		{"EditComment", "editor", "PATCH", "/api/v1/comments/{quiet}", `{"body":"Check the name."}`, 200},
		{"EditCommentNotAuthor", "writer", "PATCH", "/api/v1/comments/{quiet}", `{"body":"Mine."}`, 403},
		{"EditCommentAfterReply", "editor", "PATCH", "/api/v1/comments/{comment}", `{"body":"Changed my mind."}`, 409},
		{"DeleteCommentNotAuthor", "writer", "DELETE", "/api/v1/comments/{gone}", "", 403},
		{"DeleteComment", "editor", "DELETE", "/api/v1/comments/{gone}", "", 204},
		{"DeleteCommentAfterReply", "editor", "DELETE", "/api/v1/comments/{comment}", "", 409},
		{"Resolve", "editor", "POST", "/api/v1/comments/{comment}/resolve", "", 200},
		{"ResolveForbidden", "factchecker", "POST", "/api/v1/comments/{comment}/resolve", "", 404},
		{"Reopen", "editor", "POST", "/api/v1/comments/{comment}/reopen", "", 200},
		{"ReopenOpen", "editor", "POST", "/api/v1/comments/{comment}/reopen", "", 409},
		{"Submit", "writer", "POST", "/api/v1/drafts/{draft}/transitions", `{"action":"submit"}`, 200},
		{"SubmitAgain", "writer", "POST", "/api/v1/drafts/{draft}/transitions", `{"action":"submit"}`, 409},
		{"ReturnWithoutNote", "factchecker", "POST", "/api/v1/drafts/{draft}/transitions", `{"action":"return"}`, 422},
		{"Return", "factchecker", "POST", "/api/v1/drafts/{draft}/transitions", `{"action":"return","note":"Sources?"}`, 200},
		{"SubmitUnfinished", "writer", "POST", "/api/v1/drafts/{unfinished}/transitions", `{"action":"submit"}`, 422},
		{"TransitionUnknown", "writer", "POST", "/api/v1/drafts/{draft}/transitions", `{"action":"bless"}`, 422},
		{"Assign", "editor", "PUT", "/api/v1/drafts/{checking}/assignees/fact_check", `{"user_id":{factchecker}}`, 200},
		{"AssignNotADesk", "editor", "PUT", "/api/v1/drafts/{checking}/assignees/draft", `{"user_id":{factchecker}}`, 422},
		{"Unassign", "editor", "DELETE", "/api/v1/drafts/{checking}/assignees/fact_check", "", 200},
		{"UnassignFactChecker", "factchecker", "DELETE", "/api/v1/drafts/{checking}/assignees/fact_check", "", 403},
		{"Claim", "factchecker", "PUT", "/api/v1/drafts/{checking}/assignees/fact_check", `{"user_id":{factchecker}}`, 200},
		{"ListMine", "factchecker", "GET", "/api/v1/drafts?assignee=me", "", 200},
		{"ListBadAssignee", "factchecker", "GET", "/api/v1/drafts?assignee=someone", "", 422},
		{"SetDeadline", "editor", "PUT", "/api/v1/drafts/{checking}/deadlines", `{"stage":"","due_at":"2026-03-30T17:00:00+01:00"}`, 200},
		{"ClearDeadline", "editor", "PUT", "/api/v1/drafts/{checking}/deadlines", `{"stage":"fact_check","due_at":null}`, 200},
		{"ListDue", "editor", "GET", "/api/v1/drafts?stage=fact_check", "", 200},
		{"SetDeadlineWriter", "writer", "PUT", "/api/v1/drafts/{checking}/deadlines", `{"due_at":"2026-03-30T17:00:00Z"}`, 403},
		{"SetClaim", "editor", "PUT", "/api/v1/drafts/{checking}/claim", `{"claim":"Crime doubled.","claimed_by":"City Hall","claimant_kind":"organization","rating":"false","claim_date":"2026-11-30","claim_url":"https://example.org/"}`, 200},
		{"SetClaimWriter", "writer", "PUT", "/api/v1/drafts/{checking}/claim", `{"claim":"Crime doubled.","claimed_by":"City Hall","rating":"false"}`, 403},
		{"SetClaimBadRating", "editor", "PUT", "/api/v1/drafts/{checking}/claim", `{"claim":"Crime doubled.","claimed_by":"City Hall","rating":"pants_on_fire"}`, 422},
		{"ClearClaim", "editor", "DELETE", "/api/v1/drafts/{checking}/claim", "", 200},
		{"ClearClaimWriter", "writer", "DELETE", "/api/v1/drafts/{checking}/claim", "", 403},
		{"Budget", "editor", "GET", "/api/v1/budget?from=2026-03-30&days=7", "", 200},
		{"BudgetWriter", "writer", "GET", "/api/v1/budget", "", 403},
		{"BudgetBadDays", "editor", "GET", "/api/v1/budget?days=3", "", 422},
		{"Publish", "editor", "POST", "/api/v1/drafts/{approved}/publish", "", 200},
		{"PublishAgain", "editor", "POST", "/api/v1/drafts/{approved}/publish", `{}`, 409},
		{"Schedule", "editor", "POST", "/api/v1/drafts/{later}/publish", `{"at":"2999-01-01T00:00:00Z"}`, 200},
		{"PublishWriter", "writer", "POST", "/api/v1/drafts/{draft}/publish", `{}`, 403},
		{"Correct", "editor", "POST", "/api/v1/articles/a-draft/corrections", `{"note":"Spelling fixed.","body":"Body with a “quote”, corrected."}`, 201},
		{"CorrectNewQuote", "editor", "POST", "/api/v1/articles/a-draft/corrections", `{"note":"A quote added.","body":"Body with a “quote”.\nShe said “never”."}`, 409},
		{"CorrectEmptyBody", "editor", "POST", "/api/v1/articles/a-draft/corrections", `{"note":"Emptied.","body":" "}`, 422},
		{"CorrectNoNote", "editor", "POST", "/api/v1/articles/a-draft/corrections", `{"note":" "}`, 422},
		{"CorrectUnknown", "editor", "POST", "/api/v1/articles/no-such-piece/corrections", `{"note":"n"}`, 404},
		{"Articles", "", "GET", "/api/v1/articles", "", 200},
		{"ArticlesByTopicAndAuthor", "", "GET", "/api/v1/articles?topic=mexico&author=sarah-johnson&page=1", "", 200},
		{"ArticlesPastTheEnd", "", "GET", "/api/v1/articles?page=9", "", 200},
		{"ArticlesBadPage", "", "GET", "/api/v1/articles?page=0", "", 422},
		{"ArticlesBadToken", "forged", "GET", "/api/v1/articles", "", 401},
		{"Article", "", "GET", "/api/v1/articles/a-draft", "", 200},
		{"ArticleUnknown", "", "GET", "/api/v1/articles/no-such-piece", "", 404},
		{"Import", "editor", "POST", "/api/v1/import?author=writer", string(seed), 201},
		{"ImportNotHouseFormat", "editor", "POST", "/api/v1/import?author=writer", "just a line", 422},
		{"ImportWriter", "writer", "POST", "/api/v1/import?author=writer", string(seed), 403},
		// These sign users out, so they come last.
		{"ChangePassword", "writer", "POST", "/api/v1/me/password", `{"current":"pw-writer-staple","new":"tulip-lantern"}`, 204},
		{"ChangePasswordWrongCurrent", "writer", "POST", "/api/v1/me/password", `{"current":"nope","new":"lantern-tulip"}`, 422},
		{"ChangePasswordCommon", "editor", "POST", "/api/v1/me/password", `{"current":"pw-editor-staple","new":"password1"}`, 422},
		{"ChangePasswordAnonymous", "", "POST", "/api/v1/me/password", `{"current":"x","new":"tulip-lantern"}`, 401},
		{"ResetPassword", "admin", "POST", "/api/v1/users/{other}/password-reset", "", 200},
		{"ResetPasswordEditor", "editor", "POST", "/api/v1/users/{other}/password-reset", "", 403},
		{"ResetOwnPassword", "admin", "POST", "/api/v1/users/{admin}/password-reset", "", 409},
		{"ResetPasswordUnknown", "admin", "POST", "/api/v1/users/9999/password-reset", "", 404},
		{"Notifications", "writer", "GET", "/api/v1/notifications?unread=1&limit=5&before=0", "", 200},
		{"NotificationsBadUnread", "writer", "GET", "/api/v1/notifications?unread=maybe", "", 422},
		{"ReadNotification", "writer", "POST", "/api/v1/notifications/{notification}/read", "", 200},
		{"ReadNotificationOfAnother", "editor", "POST", "/api/v1/notifications/{notification}/read", "", 404},
		{"ReadAllNotifications", "writer", "POST", "/api/v1/notifications/read-all", "", 200},
		{"ReadAllNotificationsAnonymous", "", "POST", "/api/v1/notifications/read-all", "", 401},
		{"DraftNotifications", "writer", "GET", "/api/v1/drafts/{draft}/notifications", "", 200},
		{"DraftNotificationsFactChecker", "factchecker", "GET", "/api/v1/drafts/{checking}/notifications", "", 403},
		{"Webhooks", "admin", "GET", "/api/v1/webhooks", "", 200},
		{"WebhooksEditor", "editor", "GET", "/api/v1/webhooks", "", 403},
		{"CreateWebhook", "admin", "POST", "/api/v1/webhooks", `{"name":"Site","url":"https://site.example.com/hook","kinds":["published"]}`, 201},
		{"CreateWebhookFTP", "admin", "POST", "/api/v1/webhooks", `{"name":"Site","url":"ftp://site.example.com/hook"}`, 422},
		{"PauseWebhook", "admin", "PATCH", "/api/v1/webhooks/{webhook}", `{"active":false}`, 200},
		{"PauseWebhookUnknown", "admin", "PATCH", "/api/v1/webhooks/9999", `{"active":false}`, 404},
		{"WebhookDeliveries", "admin", "GET", "/api/v1/webhooks/{webhook}/deliveries", "", 200},
		{"WebhookDeliveriesEditor", "editor", "GET", "/api/v1/webhooks/{webhook}/deliveries", "", 403},
		{"DeleteWebhook", "admin", "DELETE", "/api/v1/webhooks/{webhook}", "", 204},
		{"DeleteWebhookAgain", "admin", "DELETE", "/api/v1/webhooks/{webhook}", "", 404},
	}
	covered := map[string][2]bool{} // operation → {success seen, error seen}
	for _, sc := range scenarios {
		t.Run(sc.name, func(t *testing.T) {
			url, body := sc.url, sc.body
			for k, v := range ids {
				url, body = strings.ReplaceAll(url, k, v), strings.ReplaceAll(body, k, v)
			}
			ctype := "application/json"
			if strings.HasPrefix(url, "/api/v1/import") {
				ctype = "text/plain; charset=utf-8"
			} else if strings.HasSuffix(url, "/image") {
				ctype = imageFormType
			}
			res := a.send(sc.actor, sc.method, url, ctype, body, nil)
			wantStatus(t, res, sc.wantStatus)
			req := httptest.NewRequest(sc.method, url, strings.NewReader(body))
			if body != "" {
				req.Header.Set("Content-Type", ctype)
			}
			validateResponse(t, a, req, res)
			route, _, err := openAPIRoute(a, req)
			if err != nil {
				t.Fatal(err)
			}
			key := route.Method + " " + route.Path
			seen := covered[key]
			if res.Code < 300 {
				seen[0] = true
				validateRequest(t, a, req)
			} else {
				seen[1] = true
			}
			covered[key] = seen
		})
	}
	for path, item := range openAPIDoc.Paths.Map() {
		for method := range item.Operations() {
			key := method + " " + path
			if seen := covered[key]; !seen[0] || !seen[1] {
				t.Errorf("%s needs a scenario that succeeds and one that fails (have %v)", key, seen)
			}
		}
	}
}

// docRouteCell is one route cell of docs/api.md's table: "`GET /api/v1/x`", "`GET`, `POST
// /api/v1/x`" (methods sharing a path) or "`POST /api/v1/x/a`, `/b`" (a sibling path).
var docRouteCell = regexp.MustCompile("^\\| (`[^|]*`) \\|")

// docRouteParam is a path parameter, whatever the prose or the document names it.
var docRouteParam = regexp.MustCompile(`\{[a-z_]+\}`)

// TestAPIDocRoutes checks that docs/api.md's table of routes names every operation of the
// document and no other, so that a reader of the prose meets every route the contract has.
func TestAPIDocRoutes(t *testing.T) {
	doc := loadOpenAPI(t)
	data, err := os.ReadFile("../../docs/api.md")
	if err != nil {
		t.Fatal(err)
	}
	listed := map[string]bool{}
	for _, line := range strings.Split(string(data), "\n") {
		m := docRouteCell.FindStringSubmatch(line)
		if m == nil {
			continue
		}
		var methods []string
		var last string
		for _, item := range strings.Split(m[1], ", ") {
			item = strings.Trim(item, "`")
			method, path, ok := strings.Cut(item, " ")
			switch {
			case !ok && strings.HasPrefix(item, "/"):
				path = last[:strings.LastIndex(last, "/")] + item
			case !ok:
				methods = append(methods, item)
				continue
			default:
				methods = append(methods, method)
			}
			path, _, _ = strings.Cut(strings.TrimPrefix(path, apiPrefix), "?")
			for _, method := range methods {
				listed[method+" "+docRouteParam.ReplaceAllString(path, "{}")] = true
			}
			last = path
		}
	}
	documented := map[string]bool{}
	for path, item := range doc.Paths.Map() {
		for method := range item.Operations() {
			documented[method+" "+docRouteParam.ReplaceAllString(path, "{}")] = true
		}
	}
	for k := range documented {
		if !listed[k] {
			t.Errorf("docs/api.md's routes do not list %s", k)
		}
	}
	for k := range listed {
		if !documented[k] {
			t.Errorf("docs/api.md lists %s, which openapi.json does not document", k)
		}
	}
}

// TestOpenAPIParagraphCap checks that the document states the paragraph cap wherever a body is
// sent, as docs/api.md does: a client reading only the schemas would otherwise learn of it from
// a 422. Every field that takes a body names the cap and that a body stored over it is held only
// to the paragraphs it had; the workflow's gates say that they do not count paragraphs again.
func TestOpenAPIParagraphCap(t *testing.T) {
	doc := loadOpenAPI(t)
	limit := grouped(newsroom.MaxParagraphs) + " paragraphs"
	body := func(schema string) string {
		return doc.Components.Schemas[schema].Value.Properties["body"].Value.Description
	}
	tests := []struct {
		name, text string
		want       []string
	}{
		{"Text", body("Text"), []string{limit}},
		{"WorkingText", body("WorkingText"), []string{limit, "than the body it replaces"}},
		{"DraftUpdate", body("DraftUpdate"), []string{limit, "than the body it replaces"}},
		{"Correction", body("Correction"), []string{limit, "than the body it replaces"}},
		{"Gates", doc.Paths.Value("/drafts/{id}/transitions").Post.Description, []string{limit}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, w := range tt.want {
				if !strings.Contains(tt.text, w) {
					t.Errorf("%q does not say %q", tt.text, w)
				}
			}
		})
	}
}
