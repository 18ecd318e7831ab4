package store_test

import (
	"fmt"
	"sync"
	"testing"

	"github.com/copydesk/copydesk/internal/newsroom"
	"github.com/copydesk/copydesk/internal/store"
)

// TestWebhookCapHoldsUnderConcurrentAdds checks that admins adding webhooks at the same time
// cannot pass newsroom.MaxWebhooks between them: with one place left, one add takes it and
// every other is refused with the limit, on PostgreSQL as on SQLite.
func TestWebhookCapHoldsUnderConcurrentAdds(t *testing.T) {
	s := mustOpen(t, store.Options{})
	admin, _ := mustUser(t, s, "root", newsroom.RoleAdmin)
	for i := range newsroom.MaxWebhooks - 1 {
		if _, err := s.CreateWebhook(admin, newsroom.NewWebhook{Name: fmt.Sprint("h", i), URL: fmt.Sprintf("https://chat.example.com/%d", i)}); err != nil {
			t.Fatal(err)
		}
	}
	const adds = 20
	errs := make([]error, adds)
	var wg sync.WaitGroup
	for i := range adds {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_, errs[i] = s.CreateWebhook(admin, newsroom.NewWebhook{Name: fmt.Sprint("r", i), URL: fmt.Sprintf("https://chat.example.com/r%d", i)})
		}()
	}
	wg.Wait()
	added := 0
	for i, err := range errs {
		switch code := newsroom.ErrorCode(err); {
		case err == nil:
			added++
		case code != newsroom.EINVALID:
			t.Errorf("add %d: %v (code %s); want the limit's %s", i, err, code, newsroom.EINVALID)
		}
	}
	if added != 1 {
		t.Errorf("%d of %d concurrent adds succeeded with one place left; want 1", added, adds)
	}
	hooks, err := s.Webhooks(admin)
	if err != nil || len(hooks) != newsroom.MaxWebhooks {
		t.Errorf("webhooks = %d, %v; want %d", len(hooks), err, newsroom.MaxWebhooks)
	}
}
