package store

import (
	"sync"
	"testing"
	"time"

	"gorm.io/gorm"

	"github.com/copydesk/copydesk/internal/newsroom"
)

// TestCachedCredentialsDoNotQueueForTheWriter: many requests of one credential answered from
// memory, when its last recorded use is over lastUseEvery old, while another transaction holds
// the writer: one of them records the use and waits for the writer; every other is answered at
// once, rather than each queueing a write of its own behind the writer.
func TestCachedCredentialsDoNotQueueForTheWriter(t *testing.T) {
	f := newPlanFixture(t)
	ctx := t.Context()
	if err := f.s.CatchUp(ctx); err != nil {
		t.Fatal(err)
	}
	user := *newsroom.UserFrom(f.writer)
	now := f.s.clock()
	k := credentialKey(newsroom.CredentialToken, hashToken("secret"))
	_, gen, _ := f.s.creds.get(k, now)
	f.s.creds.remember(gen, k, credential{id: 1, user: user, expires: now.Add(time.Hour), lastUsed: now.Add(-2 * lastUseEvery)})
	lookup := func(string, time.Time) (credential, error) {
		t.Error("a remembered credential was looked up")
		return credential{}, nil
	}
	hold, held := make(chan struct{}), make(chan struct{})
	go f.s.tx(ctx, func(*gorm.DB) error { close(held); <-hold; return nil })
	<-held
	const n = 20
	answered := make(chan struct{}, n)
	var wg sync.WaitGroup
	for range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if _, err := f.s.remembered(ctx, newsroom.CredentialToken, "secret", lookup); err != nil {
				t.Error(err)
			}
			answered <- struct{}{}
		}()
	}
	deadline := time.After(10 * time.Second)
	for got := 0; got < n-1; got++ {
		select {
		case <-answered:
		case <-deadline:
			close(hold)
			wg.Wait()
			t.Fatalf("only %d of %d requests were answered while the writer was held", got, n)
		}
	}
	close(hold)
	wg.Wait()
}
