package store

import (
	"bytes"
	"context"
	"database/sql"
	"fmt"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	json "github.com/goccy/go-json"

	"github.com/copydesk/copydesk/internal/newsroom"
	"github.com/copydesk/copydesk/internal/policy"
)

// SummaryPageJSON is a page of draft summaries as the API sends it: Items is the elements of
// the JSON array of newsroom.DraftSummary, joined by commas, byte for byte what encoding/json
// writes for them, after whatever the buffer it was appended to held (see DraftSummariesJSON);
// Next is the cursor, as in newsroom.DraftSummaryPage.
type SummaryPageJSON struct {
	Items []byte
	Next  string
}

// summaryJSONSQLite and summaryJSONPostgres are the SQL expressions, one per dialect, that
// write a row of drafts, their writers and summaryJoinsSQL as the JSON object of its
// newsroom.DraftSummary but for its times, keys in the struct's order, followed by its due time
// (empty for none), its creation and its last change as the database writes them, each after
// a unit separator (0x1F, which JSON text never holds unescaped). The desk queue spent a third
// of its time decoding the summary objects SQL built and encoding them again; with these only
// the three times are read and written in Go (see appendSummary), as jsonTime reads them. On
// SQLite, json_object writes the object in one buffer (building it with || cost twice the
// query); PostgreSQL's json_build_object puts spaces around its colons, so there the object is
// put together with ||.
const (
	summaryJSONSQLite = `json_object('id', drafts.id, 'title', drafts.title, 'byline', drafts.byline, 'language', drafts.language, ` +
		`'stage', drafts.stage, 'version', drafts.version, ` +
		`'writer', json_object('id', drafts.writer_id, 'username', users.username, 'name', users.name), ` +
		`'assignee', CASE WHEN holds.user_id IS NOT NULL THEN json_object('id', holds.user_id, 'username', holders.username, 'name', holders.name) END)` +
		` || char(31) || COALESCE(stage_due.due_at, piece_due.due_at, '') || char(31) || drafts.created_at || char(31) || drafts.updated_at`
	summaryJSONPostgres = `'{"id":' || drafts.id || ',"title":' || to_json(drafts.title) || ',"byline":' || to_json(drafts.byline) || ` +
		`',"language":' || to_json(drafts.language) || ',"stage":' || to_json(drafts.stage) || ',"version":' || drafts.version || ` +
		`',"writer":{"id":' || drafts.writer_id || ',"username":' || to_json(users.username) || ',"name":' || to_json(users.name) || ` +
		`'},"assignee":' || CASE WHEN holds.user_id IS NULL THEN 'null' ELSE '{"id":' || holds.user_id || ` +
		`',"username":' || to_json(holders.username) || ',"name":' || to_json(holders.name) || '}' END || '}'` +
		` || chr(31) || COALESCE(btrim(to_json(COALESCE(stage_due.due_at, piece_due.due_at))::text, '"'), '')` +
		` || chr(31) || btrim(to_json(drafts.created_at)::text, '"') || chr(31) || btrim(to_json(drafts.updated_at)::text, '"')`
)

// summaryJSON is the dialect's summary expression (see summaryJSONSQLite).
func (s *Store) summaryJSON() string {
	if s.pg {
		return summaryJSONPostgres
	}
	return summaryJSONSQLite
}

// DraftSummariesJSON returns the page ListDraftSummaries would, as the JSON the API sends of
// it, written by SQL but for the times instead of decoded and encoded again. A page with a text
// that is not UTF-8 is read through ListDraftSummaries and encoded in Go, so that the bytes are
// the same either way. The page is appended to dst, so that a caller can write every page
// through one buffer it keeps. On SQLite a page is served again while the database has not
// changed since it was read (see summaryCache): a desk's queue is asked for by every editor
// who looks at it, and changes far less often.
func (s *Store) DraftSummariesJSON(ctx context.Context, f newsroom.DraftFilter, dst []byte) (*SummaryPageJSON, error) {
	u, err := actor(ctx)
	if err != nil {
		return nil, err
	}
	query, args, err := s.summaryPageQuery(u, &f)
	if err != nil {
		return nil, err
	}
	if s.summaries == nil {
		return s.summaryPage(ctx, f, query, args, dst)
	}
	db, err := s.r.DB()
	if err != nil {
		return nil, internal("list draft summaries", err)
	}
	gen, err := s.summaries.generation(s.readContext(ctx), db)
	if err != nil {
		return nil, internal("list draft summaries", err)
	}
	key := summaryKey(query, args)
	if page, ok := s.summaries.get(key, gen, dst); ok {
		return page, nil
	}
	page, err := s.summaryPage(ctx, f, query, args, dst)
	if err == nil {
		s.summaries.put(key, gen, page.Items[len(dst):], page.Next)
	}
	return page, err
}

// summaryPage reads the page of summaries query selects with args (see summaryPageQuery) and
// appends it to dst.
func (s *Store) summaryPage(ctx context.Context, f newsroom.DraftFilter, query string, args []any, dst []byte) (*SummaryPageJSON, error) {
	rows, err := s.queryPrepared(ctx, query, args...)
	if err != nil {
		return nil, internal("list draft summaries", err)
	}
	defer rows.Close()
	page := &SummaryPageJSON{Items: slices.Grow(dst, f.Limit*summaryBytes)}
	var row sql.RawBytes
	var id int64
	var updated, lastUpdated []byte
	for n := 1; rows.Next(); n++ {
		if err := rows.Scan(&row); err != nil {
			return nil, internal("list draft summaries", err)
		}
		if n > f.Limit {
			at, err := s.jsonTime(string(lastUpdated))
			if err != nil {
				return nil, internal("list draft summaries", err)
			}
			page.Next = encodeCursor(at, id)
			break
		}
		if n > 1 {
			page.Items = append(page.Items, ',')
		}
		if page.Items, id, updated, err = s.appendSummary(page.Items, row); err != nil {
			return nil, internal("list draft summaries", err)
		}
		lastUpdated = append(lastUpdated[:0], updated...)
	}
	if err := rows.Err(); err != nil {
		return nil, internal("list draft summaries", err)
	}
	// The rows go back to the pool before the fallback reads again.
	rows.Close()
	if !utf8.Valid(page.Items[len(dst):]) {
		return s.summariesEncoded(ctx, f, dst)
	}
	return page, nil
}

// summaryPageQuery writes the query of DraftSummariesJSON's page with its arguments: what
// draftPage builds, with summaryJSON's column and summaryJoinsSQL's joins, written without GORM,
// whose building of it was a sixth of the queue's handler. It settles f.Limit. Its text changes
// only with the shape of the page (which filters are set, how many stages each list names), so
// each of the few texts is prepared once (see queryPrepared).
func (s *Store) summaryPageQuery(u *newsroom.User, f *newsroom.DraftFilter) (string, []any, error) {
	conds, err := s.pageConditions(u, f)
	if err != nil {
		return "", nil, err
	}
	var b strings.Builder
	b.WriteString("SELECT " + s.summaryJSON() + " FROM drafts JOIN users ON users.id = drafts.writer_id " + summaryJoinsSQL + " WHERE ")
	var args []any
	for i, c := range conds {
		if i > 0 {
			b.WriteString(" AND ")
		}
		args = writeCondition(&b, args, c)
	}
	b.WriteString(" ORDER BY " + newestFirst + " LIMIT ?")
	return b.String(), append(args, f.Limit+1), nil
}

// writeCondition writes c's SQL to b in parentheses, each ? whose argument is a list written as
// GORM writes it, (?,?,…) with a ? for each element, and returns args with c's arguments
// appended, lists spread. A list is any slice but []byte, which is one value, as in GORM, since
// c is also written for GORM's Where (see policy.Condition); an empty list is (NULL), which
// matches nothing.
func writeCondition(b *strings.Builder, args []any, c policy.Condition) []any {
	b.WriteByte('(')
	next := 0
	for i := 0; i < len(c.SQL); i++ {
		if c.SQL[i] != '?' {
			b.WriteByte(c.SQL[i])
			continue
		}
		arg := c.Args[next]
		next++
		list := reflect.ValueOf(arg)
		if _, blob := arg.([]byte); blob || list.Kind() != reflect.Slice {
			b.WriteByte('?')
			args = append(args, arg)
			continue
		}
		b.WriteByte('(')
		if list.Len() == 0 {
			b.WriteString("NULL")
		}
		for j := range list.Len() {
			if j > 0 {
				b.WriteByte(',')
			}
			b.WriteByte('?')
			args = append(args, list.Index(j).Interface())
		}
		b.WriteByte(')')
	}
	b.WriteByte(')')
	return args
}

// summaryBytes is about the size of a summary's JSON, to make room for a page at once.
const summaryBytes = 320

// appendSummary appends the JSON of the summary whose row (see summaryJSONSQLite) is row to
// dst, with its times written as time.Time's MarshalJSON writes the times jsonTime reads, and
// returns it with the summary's id and its last change as the database wrote it, what its
// cursor is made of.
func (s *Store) appendSummary(dst, row []byte) (_ []byte, id int64, updated []byte, err error) {
	object, rest, _ := bytes.Cut(row, []byte{0x1F})
	due, rest, _ := bytes.Cut(rest, []byte{0x1F})
	created, updated, ok := bytes.Cut(rest, []byte{0x1F})
	head, _, _ := bytes.Cut(object, []byte{','})
	if id, err = strconv.ParseInt(string(bytes.TrimPrefix(head, []byte(`{"id":`))), 10, 64); err != nil || !ok || !bytes.HasSuffix(object, []byte{'}'}) {
		return dst, 0, nil, fmt.Errorf("a summary row of %d bytes is not an object and three times", len(row))
	}
	dst = append(appendHTMLSafe(dst, object[:len(object)-1]), `,"due_at":`...)
	if len(due) == 0 {
		dst = append(dst, "null"...)
	} else if dst, err = s.appendJSONTime(dst, due); err != nil {
		return dst, id, nil, fmt.Errorf("summary of draft %d: %w", id, err)
	}
	if dst, err = s.appendJSONTime(append(dst, `,"created_at":`...), created); err != nil {
		return dst, id, nil, fmt.Errorf("summary of draft %d: %w", id, err)
	}
	if dst, err = s.appendJSONTime(append(dst, `,"updated_at":`...), updated); err != nil {
		return dst, id, nil, fmt.Errorf("summary of draft %d: %w", id, err)
	}
	return append(dst, '}'), id, updated, nil
}

// appendJSONTime appends the time the database wrote as text, read as jsonTime reads it, as
// time.Time's MarshalJSON writes it (quoted AppendText). A time in UTC in the layout both
// databases write, whose fraction ends in no zero, is that text with a T and a Z, and is
// written so without being read: reading and writing every time was most of the rest of a page.
func (s *Store) appendJSONTime(dst, text []byte) ([]byte, error) {
	sep := byte(' ')
	if s.pg {
		sep = 'T'
	}
	n := len(text)
	if n >= 25 && bytes.HasSuffix(text, []byte("+00:00")) && (n == 25 || text[n-7] != '0') {
		if _, ok := parseTimeWithOffset(string(text), sep); ok {
			dst = append(append(append(dst, '"'), text[:10]...), 'T')
			return append(append(dst, text[11:n-6]...), 'Z', '"'), nil
		}
	}
	t, err := s.jsonTime(string(text))
	if err != nil {
		return dst, err
	}
	dst, err = t.AppendText(append(dst, '"'))
	return append(dst, '"'), err
}

// summariesEncoded is DraftSummariesJSON read through ListDraftSummaries and encoded in Go.
func (s *Store) summariesEncoded(ctx context.Context, f newsroom.DraftFilter, dst []byte) (*SummaryPageJSON, error) {
	page, err := s.ListDraftSummaries(ctx, f)
	if err != nil {
		return nil, err
	}
	out := &SummaryPageJSON{Items: dst, Next: page.Next}
	for i := range page.Items {
		item, err := json.Marshal(&page.Items[i])
		if err != nil {
			return nil, internal("list draft summaries", err)
		}
		if i > 0 {
			out.Items = append(out.Items, ',')
		}
		out.Items = append(out.Items, item...)
	}
	return out, nil
}

// appendHTMLSafe appends JSON text src to dst with <, >, &, U+2028 and U+2029 escaped as
// encoding/json escapes them in strings; SQL's JSON quoting leaves them as they are. Outside
// strings the JSON of a summary holds none of them.
func appendHTMLSafe(dst, src []byte) []byte {
	if bytes.IndexByte(src, '<') < 0 && bytes.IndexByte(src, '>') < 0 && bytes.IndexByte(src, '&') < 0 && bytes.IndexByte(src, 0xE2) < 0 {
		return append(dst, src...)
	}
	for i := 0; i < len(src); i++ {
		switch c := src[i]; {
		case c == '<':
			dst = append(dst, `\u003c`...)
		case c == '>':
			dst = append(dst, `\u003e`...)
		case c == '&':
			dst = append(dst, `\u0026`...)
		case c == 0xE2 && i+2 < len(src) && src[i+1] == 0x80 && (src[i+2] == 0xA8 || src[i+2] == 0xA9):
			dst = append(dst, `\u202`...)
			dst = append(dst, "89"[src[i+2]-0xA8])
			i += 2
		default:
			dst = append(dst, c)
		}
	}
	return dst
}
