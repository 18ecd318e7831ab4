package server_test

import (
	"fmt"
	"net/http"
	"reflect"
	"testing"
)

// TestSubmitNeedsWholePiece submits a draft that has only a title: the answer names every part
// it lacks, and the draft stays with its writer.
func TestSubmitNeedsWholePiece(t *testing.T) {
	a := newTestApp(t)
	res := a.do("writer", "POST", "/api/v1/drafts", `{"title":"Only a title","body":" \n "}`)
	wantStatus(t, res, http.StatusCreated)
	id := decode[struct{ ID int64 }](t, res).ID
	res = a.do("writer", "POST", fmt.Sprintf("/api/v1/drafts/%d/transitions", id), `{"action":"submit"}`)
	wantStatus(t, res, http.StatusUnprocessableEntity)
	e := decode[apiError](t, res).Error
	if e.Code != "invalid" || !reflect.DeepEqual(e.Details["missing"], []any{"byline", "brief", "body"}) {
		t.Fatalf("error = %+v, want invalid with details.missing [byline brief body]", e)
	}
	if got := decode[struct{ Stage string }](t, a.do("writer", "GET", fmt.Sprintf("/api/v1/drafts/%d", id), "")).Stage; got != "draft" {
		t.Fatalf("stage = %s after a refused submit", got)
	}
}
