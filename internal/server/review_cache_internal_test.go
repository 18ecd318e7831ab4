package server

import (
	"context"
	"io"
	"log/slog"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/crypto/bcrypt"

	"github.com/copydesk/copydesk/internal/store"
	"github.com/copydesk/copydesk/internal/store/storetest"
)

// TestReviewPageCacheBoundsMemory: the read API keeps its answer to any topic and author asked
// for in the page cache, under a key holding them as typed, and the cache weighs an entry by its
// body alone. Anyone can so fill the server's memory far past PageCacheBytes with answers to
// topics that do not exist (each a 45-byte empty list under a key of kilobytes), and push out
// the pages readers share, which the public search was kept out of the cache to prevent.
// Right: what the cache holds, keys included, stays within PageCacheBytes, and a listing of a
// topic or author with no public piece is not kept (or is 404, as /topics/{slug} is).
func TestReviewPageCacheBoundsMemory(t *testing.T) {
	st, err := store.Open(storetest.DSN(t), store.Options{PasswordCost: bcrypt.MinCost})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	if _, err := st.Migrate(context.Background()); err != nil {
		t.Fatal(err)
	}
	const limit = 256 << 10
	s := New(st, Config{Logger: slog.New(slog.NewTextHandler(io.Discard, nil)), PageCacheBytes: limit})
	junk := strings.Repeat("x", 4000)
	for i := range 500 {
		rec := httptest.NewRecorder()
		s.Handler().ServeHTTP(rec, httptest.NewRequest("GET", "/api/v1/articles?topic="+junk+strconv.Itoa(i), nil))
		if rec.Code != 200 && rec.Code != 404 {
			t.Fatalf("status %d", rec.Code)
		}
	}
	if held := heldBytes(s.cache); held > limit {
		t.Errorf("the page cache holds %d bytes of keys and bodies for topics that do not exist, past its cap of %d", held, limit)
	}
}
