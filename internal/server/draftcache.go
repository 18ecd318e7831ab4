package server

import (
	"strconv"
	"sync"

	"github.com/copydesk/copydesk/internal/newsroom"
)

// draftJSONCache keeps each draft's JSON for the draft list, filed under the draft's stamp (see
// newsroom.DraftStamp). A stamp names one state of a draft for good, so an entry is served only
// to a request that listed the same stamp, and the cache never needs clearing: a draft that
// changed gets a new stamp and its old JSON is replaced or falls out. It holds at most max bytes
// of JSON and lets the draft read least recently go first.
type draftJSONCache struct {
	mu     sync.Mutex
	drafts *lru[int64, draftJSON]
}

// draftJSON is one draft's encoding and the stamp it was encoded at, as stampTag writes it.
type draftJSON struct {
	tag  string
	body []byte
}

func newDraftJSONCache(max int) *draftJSONCache {
	return &draftJSONCache{drafts: newLRU[int64](max, func(e draftJSON) int { return len(e.body) })}
}

// get returns the JSON kept for the draft st stamps, if it was encoded at that very stamp.
func (c *draftJSONCache) get(st newsroom.DraftStamp) ([]byte, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	// A kept encoding of another stamp is no read of this one: it is looked at, not touched.
	if e, ok := c.drafts.peek(st.ID); !ok || e.tag != stampTag(st) {
		return nil, false
	}
	e, _ := c.drafts.get(st.ID)
	return e.body, true
}

// put keeps body as the JSON of the draft st stamps, in place of any older encoding of it, and
// makes room by dropping the drafts read least recently. A body larger than the whole cache is
// not kept.
func (c *draftJSONCache) put(st newsroom.DraftStamp, body []byte) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.drafts.put(st.ID, draftJSON{tag: stampTag(st), body: body})
}

// stampTag is a draft stamp as the tag its kept JSON is filed under. It names the draft too:
// two drafts saved in the same microsecond by one writer have stamps alike but for the id.
func stampTag(st newsroom.DraftStamp) string {
	// NUL never appears in a stored name (input with it is refused), so the tag is unambiguous.
	return strconv.FormatInt(st.ID, 10) + "\x00" + strconv.Itoa(st.Version) + "\x00" + string(st.Stage) + "\x00" + strconv.FormatInt(st.UpdatedAt.UnixNano(), 10) + "\x00" +
		strconv.FormatInt(st.Writer.ID, 10) + "\x00" + st.Writer.Username + "\x00" + st.Writer.Name
}
