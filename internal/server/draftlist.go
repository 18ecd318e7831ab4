package server

import (
	"bufio"
	"context"
	"net/http"
	"strconv"
	"sync"

	json "github.com/goccy/go-json"
	"github.com/labstack/echo/v4"

	"github.com/copydesk/copydesk/internal/newsroom"
)

// draftJSONBytes caps the encoded drafts the draft list keeps: room for the first pages of
// every desk's queues (a page of 50 drafts of 1,500 words is about 550 kB).
const draftJSONBytes = 8 << 20

// writeBuffers are the buffers a draft list is written through, so that half a megabyte of
// JSON leaves in a few large writes without being gathered into one slice first.
var writeBuffers = sync.Pool{New: func() any { return bufio.NewWriterSize(nil, 64<<10) }}

// writeDraftList answers with a page of drafts as {"items": [drafts], "next": cursor}. A page
// holds 50 whole drafts, and encoding them was most of the request's time, so each draft's
// JSON is kept under its stamp (see newsroom.DraftStamp): the page is read as stamps, and
// only drafts that are not kept or that changed since are read and encoded.
func (s *Server) writeDraftList(c echo.Context, f newsroom.DraftFilter) error {
	ctx := c.Request().Context()
	page, err := s.store.ListDraftStamps(ctx, f)
	if err != nil {
		return err
	}
	items, current, err := s.draftsJSON(ctx, page.Items)
	if err != nil {
		return err
	}
	cursor := page.Next
	if !current {
		// A draft changed between reading the page and reading the draft, so the draft as read
		// may no longer belong on this page: read the page again in one query, as it is now. The
		// query reads at most the stamps' page and the draft after it (which tells whether a page
		// follows), each with its text, and ListDrafts cuts the page again by that text as it is
		// now, so the page's text stays within newsroom.MaxListBytes of the answer even if a draft
		// grew meanwhile.
		f.Limit = len(page.Items)
		full, err := s.store.ListDrafts(ctx, f)
		if err != nil {
			return err
		}
		if items, err = s.encodeDrafts(full.Items); err != nil {
			return err
		}
		cursor = full.Next
	}
	return writeItems(c, items, cursor)
}

// pageBuffers hold the pages of summaries writeSummaries writes, each page's JSON appended to
// one kept from an earlier page: a page is about 16 kB, made and dropped once a request.
var pageBuffers = sync.Pool{New: func() any { return new([]byte) }}

// writeSummaries answers with the page of draft summaries f selects, as {"items": [summaries],
// "next": cursor}, the summaries' JSON as the store joined it.
func (s *Server) writeSummaries(c echo.Context, f newsroom.DraftFilter) error {
	buf := pageBuffers.Get().(*[]byte)
	page, err := s.store.DraftSummariesJSON(c.Request().Context(), f, (*buf)[:0])
	if err != nil {
		pageBuffers.Put(buf)
		return err
	}
	err = writeItems(c, [][]byte{page.Items}, page.Next)
	if cap(page.Items) <= maxPooledJSON {
		*buf = page.Items
		pageBuffers.Put(buf)
	}
	return err
}

// writeItems answers with {"items": [items], "next": cursor}, the items' JSON joined by commas:
// the bytes c.JSON would send of such a page, written through a pooled buffer, so that a page
// leaves in a few large writes without being gathered into one slice first.
func writeItems(c echo.Context, items [][]byte, cursor string) error {
	next, err := json.Marshal(cursor)
	if err != nil {
		return err
	}
	size := len(`{"items":[],"next":}`+"\n") + len(next)
	for i, item := range items {
		size += len(item) + min(i, 1)
	}
	h := c.Response().Header()
	h.Set(echo.HeaderContentType, echo.MIMEApplicationJSON)
	h.Set(echo.HeaderContentLength, strconv.Itoa(size))
	c.Response().WriteHeader(http.StatusOK)
	w := writeBuffers.Get().(*bufio.Writer)
	defer writeBuffers.Put(w)
	w.Reset(c.Response())
	w.WriteString(`{"items":[`)
	for i, item := range items {
		if i > 0 {
			w.WriteByte(',')
		}
		w.Write(item)
	}
	w.WriteString(`],"next":`)
	w.Write(next)
	w.WriteString("}\n")
	err = w.Flush()
	w.Reset(nil)
	return err
}

// draftsJSON returns the JSON of the drafts stamped, in order, from the kept encodings where
// they are current and read anew where not. It reports current false when a draft read anew
// no longer has its stamp, or can no longer be seen: it changed after the stamps were read.
func (s *Server) draftsJSON(ctx context.Context, stamps []newsroom.DraftStamp) ([][]byte, bool, error) {
	items := make([][]byte, len(stamps))
	var missing []int64
	for i, st := range stamps {
		if body, ok := s.draftJSON.get(st); ok {
			items[i] = body
		} else {
			missing = append(missing, st.ID)
		}
	}
	if len(missing) == 0 {
		return items, true, nil
	}
	drafts, err := s.store.DraftsByID(ctx, missing)
	if err != nil {
		return nil, false, err
	}
	encoded, err := s.encodeDrafts(drafts)
	if err != nil {
		return nil, false, err
	}
	read := make(map[string][]byte, len(drafts))
	for i := range drafts {
		read[stampTag(drafts[i].Stamp())] = encoded[i]
	}
	for i, st := range stamps {
		if items[i] == nil {
			if items[i] = read[stampTag(st)]; items[i] == nil {
				return nil, false, nil
			}
		}
	}
	return items, true, nil
}

// encodeDrafts returns the drafts' JSON, in order, and keeps each under its stamp.
func (s *Server) encodeDrafts(drafts []newsroom.Draft) ([][]byte, error) {
	items := make([][]byte, len(drafts))
	for i := range drafts {
		body, err := json.Marshal(&drafts[i])
		if err != nil {
			return nil, err
		}
		items[i] = body
		s.draftJSON.put(drafts[i].Stamp(), body)
	}
	return items, nil
}
