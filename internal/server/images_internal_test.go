package server

import (
	"context"
	"errors"
	"net/http/httptest"
	"testing"

	"github.com/labstack/echo/v4"

	"github.com/copydesk/copydesk/internal/newsroom"
)

// TestMakeImageWaitsForAPlace shows an upload waits while every decoding place is taken, and gives
// up when its request ends rather than decoding anyway.
func TestMakeImageWaitsForAPlace(t *testing.T) {
	for range cap(decoding) {
		decoding <- struct{}{}
	}
	defer func() {
		for range cap(decoding) {
			<-decoding
		}
	}()
	ctx, cancel := context.WithCancel(context.Background())
	req := httptest.NewRequest("POST", "/", nil).WithContext(ctx)
	c := echo.New().NewContext(req, httptest.NewRecorder())
	done := make(chan error)
	go func() {
		_, err := makeImage(c, newsroom.ImageText{Alt: "x"}, []byte("not decoded"), []int{320})
		done <- err
	}()
	select {
	case err := <-done:
		t.Fatalf("makeImage did not wait for a place: %v", err)
	default:
	}
	cancel()
	if err := <-done; !errors.Is(err, context.Canceled) {
		t.Fatalf("makeImage after its request ended: %v, want context.Canceled", err)
	}
}
