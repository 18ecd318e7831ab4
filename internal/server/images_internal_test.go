package server

import (
	"context"
	"net/http/httptest"
	"testing"

	"github.com/labstack/echo/v4"

	"github.com/copydesk/copydesk/internal/imaging"
	"github.com/copydesk/copydesk/internal/newsroom"
)

// TestUploadWaitEndsWithRequest: an upload whose request ends while it waits for one of the
// node's decoding places is told so as a request ended (499), not as a fault of the server.
func TestUploadWaitEndsWithRequest(t *testing.T) {
	for range cap(decoding) {
		decoding <- struct{}{}
	}
	t.Cleanup(func() {
		for range cap(decoding) {
			<-decoding
		}
	})
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	req := httptest.NewRequest("POST", "/api/v1/drafts/1/image", nil).WithContext(ctx)
	c := echo.New().NewContext(req, httptest.NewRecorder())
	_, err := makeImage(c, newsroom.ImageText{Alt: "A quay"}, nil, imaging.LeadWidths)
	if code := newsroom.ErrorCode(err); code != newsroom.ECANCELED {
		t.Fatalf("a wait cut short by its request gives %q (%v), want %q", code, err, newsroom.ECANCELED)
	}
}
