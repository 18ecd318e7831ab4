package server

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/copydesk/copydesk/internal/newsroom"
)

func TestDraftJSONCache(t *testing.T) {
	at := time.Date(2025, 5, 7, 9, 0, 0, 0, time.UTC)
	stamp := func(id int64) newsroom.DraftStamp {
		return newsroom.DraftStamp{ID: id, Stage: newsroom.StageDraft, Version: 1, UpdatedAt: at, Writer: newsroom.Person{ID: 1, Username: "sarah", Name: "Sarah"}}
	}
	body := func(size int) []byte { return []byte(strings.Repeat("x", size)) }
	tests := []struct {
		name string
		run  func(c *draftJSONCache)
		want []int64 // drafts kept, most recently read first
		size int
	}{
		{"fits", func(c *draftJSONCache) {
			c.put(stamp(1), body(4))
			c.put(stamp(2), body(4))
		}, []int64{2, 1}, 8},
		{"least recently read goes first", func(c *draftJSONCache) {
			c.put(stamp(1), body(4))
			c.put(stamp(2), body(4))
			c.get(stamp(1))
			c.put(stamp(3), body(4))
		}, []int64{3, 1}, 8},
		{"a big draft pushes out several", func(c *draftJSONCache) {
			c.put(stamp(1), body(3))
			c.put(stamp(2), body(3))
			c.put(stamp(3), body(3))
			c.put(stamp(4), body(9))
		}, []int64{4}, 9},
		{"larger than the cache: not kept", func(c *draftJSONCache) {
			c.put(stamp(1), body(4))
			c.put(stamp(2), body(11))
		}, []int64{1}, 4},
		{"a new stamp replaces the old encoding", func(c *draftJSONCache) {
			c.put(stamp(1), body(4))
			c.put(stamp(2), body(4))
			newer := stamp(1)
			newer.Version = 2
			c.put(newer, body(6))
		}, []int64{1, 2}, 10},
		{"a miss on another stamp does not count as a read", func(c *draftJSONCache) {
			c.put(stamp(1), body(4))
			c.put(stamp(2), body(4))
			older := stamp(1)
			older.Stage = newsroom.StageFactCheck
			c.get(older)
			c.put(stamp(3), body(4))
		}, []int64{3, 2}, 8},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := newDraftJSONCache(10)
			tt.run(c)
			ids, size, ok := lruKeys(c.drafts)
			if !slices.Equal(ids, tt.want) || size != tt.size || !ok {
				t.Fatalf("kept %v (%d bytes, books agree %v), want %v (%d bytes)", ids, size, ok, tt.want, tt.size)
			}
		})
	}
}

// TestDraftJSONCacheServesOnlyItsStamp checks that a kept encoding is served for the stamp it
// was made at and for no other: every part of the stamp names a different state of the draft.
func TestDraftJSONCacheServesOnlyItsStamp(t *testing.T) {
	at := time.Date(2025, 5, 7, 9, 0, 0, 0, time.UTC)
	kept := newsroom.DraftStamp{ID: 1, Stage: newsroom.StageDraft, Version: 3, UpdatedAt: at, Writer: newsroom.Person{ID: 5, Username: "sarah", Name: "Sarah"}}
	c := newDraftJSONCache(1 << 10)
	c.put(kept, []byte(`{"id":1}`))
	if body, ok := c.get(kept); !ok || string(body) != `{"id":1}` {
		t.Fatalf("get(kept) = %q, %v", body, ok)
	}
	others := []struct {
		name   string
		change func(*newsroom.DraftStamp)
	}{
		{"Draft", func(st *newsroom.DraftStamp) { st.ID = 2 }},
		{"Stage", func(st *newsroom.DraftStamp) { st.Stage = newsroom.StageFactCheck }},
		{"Version", func(st *newsroom.DraftStamp) { st.Version = 4 }},
		{"UpdatedAt", func(st *newsroom.DraftStamp) { st.UpdatedAt = at.Add(time.Microsecond) }},
		{"WriterUsername", func(st *newsroom.DraftStamp) { st.Writer.Username = "sarah.j" }},
		{"WriterName", func(st *newsroom.DraftStamp) { st.Writer.Name = "Sarah Johnson" }},
	}
	for _, o := range others {
		t.Run(o.name, func(t *testing.T) {
			st := kept
			o.change(&st)
			if body, ok := c.get(st); ok {
				t.Fatalf("get(%+v) = %q, want a miss", st, body)
			}
		})
	}
}
