package server

import (
	"container/list"
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
	mu    sync.Mutex
	max   int
	size  int
	order list.List // of *draftJSON, most recently read first
	index map[int64]*list.Element
}

// draftJSON is one draft's encoding and the stamp it was encoded at, as stampTag writes it.
type draftJSON struct {
	id   int64
	tag  string
	body []byte
}

func newDraftJSONCache(max int) *draftJSONCache {
	return &draftJSONCache{max: max, index: map[int64]*list.Element{}}
}

// get returns the JSON kept for the draft st stamps, if it was encoded at that very stamp.
func (c *draftJSONCache) get(st newsroom.DraftStamp) ([]byte, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	el, ok := c.index[st.ID]
	if !ok {
		return nil, false
	}
	e := el.Value.(*draftJSON)
	if e.tag != stampTag(st) {
		return nil, false
	}
	c.order.MoveToFront(el)
	return e.body, true
}

// put keeps body as the JSON of the draft st stamps, in place of any older encoding of it, and
// makes room by dropping the drafts read least recently. A body larger than the whole cache is
// not kept.
func (c *draftJSONCache) put(st newsroom.DraftStamp, body []byte) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if len(body) > c.max {
		return
	}
	if el, ok := c.index[st.ID]; ok {
		c.remove(el)
	}
	c.index[st.ID] = c.order.PushFront(&draftJSON{id: st.ID, tag: stampTag(st), body: body})
	c.size += len(body)
	for c.size > c.max {
		c.remove(c.order.Back())
	}
}

func (c *draftJSONCache) remove(el *list.Element) {
	e := c.order.Remove(el).(*draftJSON)
	delete(c.index, e.id)
	c.size -= len(e.body)
}

// stampTag is a draft stamp as the tag its kept JSON is filed under. It names the draft too:
// two drafts saved in the same microsecond by one writer have stamps alike but for the id.
func stampTag(st newsroom.DraftStamp) string {
	// NUL never appears in a stored name (input with it is refused), so the tag is unambiguous.
	return strconv.FormatInt(st.ID, 10) + "\x00" + strconv.Itoa(st.Version) + "\x00" + string(st.Stage) + "\x00" + strconv.FormatInt(st.UpdatedAt.UnixNano(), 10) + "\x00" +
		strconv.FormatInt(st.Writer.ID, 10) + "\x00" + st.Writer.Username + "\x00" + st.Writer.Name
}
