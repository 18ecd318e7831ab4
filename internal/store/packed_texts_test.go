package store_test

import (
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"

	"github.com/copydesk/copydesk/internal/newsroom"
	"github.com/copydesk/copydesk/internal/worddiff"
)

// randomEdit changes text as one save might: a paragraph inserted, deleted or rewritten, the
// title, brief or topics changed, the body made huge or tiny, in prose with unicode.
func randomEdit(rng *rand.Rand, t newsroom.Text) newsroom.Text {
	paras := strings.Split(t.Body, "\n")
	at := rng.IntN(len(paras))
	switch op := rng.IntN(20); {
	case op < 5:
		paras = append(paras[:at], append([]string{unicodeProse(rng, 40+rng.IntN(600))}, paras[at:]...)...)
	case op < 8 && len(paras) > 1:
		paras = append(paras[:at], paras[at+1:]...)
	case op < 12:
		paras[at] = unicodeProse(rng, 40+rng.IntN(600))
	case op < 14:
		t.Title = unicodeProse(rng, 1+rng.IntN(80))
	case op < 16:
		t.Brief = []string{"", unicodeProse(rng, 1+rng.IntN(200))}[rng.IntN(2)]
	case op < 18:
		t.Topics = []string{}
		for range rng.IntN(4) {
			t.Topics = append(t.Topics, unicodeProse(rng, 1+rng.IntN(20)))
		}
	case op < 19:
		paras = []string{unicodeProse(rng, 1+rng.IntN(3))}
	default:
		paras = nil
		for range 300 {
			paras = append(paras, unicodeProse(rng, 600))
		}
	}
	t.Body = strings.Join(paras, "\n")
	return t
}

// unicodeWords are the words of random prose. Its curly mark is an apostrophe, not a quotation:
// a long random body with a quotation every few words would hold more than a piece may (see
// newsroom.MaxQuotes).
var unicodeWords = strings.Fields("the council said budget vote naïve café Zürich São Paulo 東京 報道 Москва новости " +
	"مدينة 🗞️ the ’90s — résumé week year mayor")

// unicodeProse returns about n bytes of words, trimmed to a one-line field.
func unicodeProse(rng *rand.Rand, n int) string {
	var b strings.Builder
	for b.Len() < n {
		b.WriteString(unicodeWords[rng.IntN(len(unicodeWords))])
		b.WriteByte(' ')
	}
	return strings.TrimSpace(b.String())
}

// TestRevisionsRoundTrip saves a randomised history, with stale saves merged, through the store,
// and reads every revision back as it was saved, byte for byte: each packed as a keyframe or a
// delta, across many chains.
func TestRevisionsRoundTrip(t *testing.T) {
	f := newNewsroom(t)
	rng := rand.New(rand.NewPCG(29, 2026))
	text := newsroom.Text{Title: "Round trip", Body: unicodeProse(rng, 600), Topics: []string{}}
	d, err := f.s.CreateDraft(f.writer, text)
	if err != nil {
		t.Fatal(err)
	}
	saved := map[int]newsroom.Text{d.Version: d.Text()}
	for i := range 300 {
		upd := newsroom.DraftUpdate{Version: d.Version}
		next := randomEdit(rng, d.Text())
		if i%10 == 9 && d.Version > 1 {
			// A stale save of the title alone, made on the version before, merges.
			upd.Version--
			upd.Title = &next.Title
		} else {
			upd.Title, upd.Brief, upd.Body, upd.Topics = &next.Title, &next.Brief, &next.Body, &next.Topics
		}
		got, err := f.s.UpdateDraft(f.writer, d.ID, upd)
		if newsroom.ErrorCode(err) == newsroom.ECONFLICT {
			continue
		} else if err != nil {
			t.Fatalf("save %d: %v", i, err)
		}
		d = got
		saved[d.Version] = d.Text()
	}
	var keyframes, deltas, merged int
	err = f.s.DB().QueryRow("SELECT SUM(CASE WHEN packed_from = version THEN 1 ELSE 0 END), SUM(CASE WHEN packed_from < version THEN 1 ELSE 0 END), "+
		"COUNT(merged_with) FROM revisions WHERE draft_id = $1", d.ID).Scan(&keyframes, &deltas, &merged)
	if err != nil || len(saved) < 250 || keyframes < 5 || deltas < 150 || merged < 10 {
		t.Fatalf("%d versions of 300 saves: %d keyframes, %d deltas, %d merged (%v)", len(saved), keyframes, deltas, merged, err)
	}
	for v, want := range saved {
		r, err := f.s.Revision(f.writer, d.ID, v)
		if err != nil {
			t.Fatalf("version %d: %v", v, err)
		}
		if !reflect.DeepEqual(*r.Text, want) {
			t.Fatalf("version %d reads back otherwise than it was saved:\n got %+v\nwant %+v", v, *r.Text, want)
		}
	}
}

// TestDiffAcrossKeyframe diffs versions on either side of a keyframe, and across a whole chain:
// the word diff is the one of the texts as they were saved.
func TestDiffAcrossKeyframe(t *testing.T) {
	f := newNewsroom(t)
	rng := rand.New(rand.NewPCG(5, 8))
	d, err := f.s.CreateDraft(f.writer, newsroom.Text{Title: "Diffed", Body: unicodeProse(rng, 2000), Topics: []string{"Budget"}})
	if err != nil {
		t.Fatal(err)
	}
	saved := map[int]newsroom.Text{1: d.Text()}
	key := 0
	for key == 0 || d.Version < key+1 {
		body := d.Body + "\n" + unicodeProse(rng, 400)
		if d, err = f.s.UpdateDraft(f.writer, d.ID, newsroom.DraftUpdate{Body: &body, Version: d.Version}); err != nil {
			t.Fatal(err)
		}
		saved[d.Version] = d.Text()
		if err := f.s.DB().QueryRow("SELECT COALESCE(MIN(version), 0) FROM revisions WHERE draft_id = $1 AND version > 1 AND packed_from = version", d.ID).Scan(&key); err != nil {
			t.Fatal(err)
		}
	}
	for _, pair := range [][2]int{{key - 1, key}, {key, key + 1}, {1, key + 1}, {key + 1, 1}} {
		diff, err := f.s.Diff(f.writer, d.ID, pair[0], pair[1])
		if err != nil {
			t.Fatal(err)
		}
		from, to := saved[pair[0]], saved[pair[1]]
		for field, want := range map[string][]worddiff.Chunk{"title": worddiff.Words(from.Title, to.Title), "body": worddiff.Words(from.Body, to.Body),
			"topics": worddiff.Words(strings.Join(from.Topics, "\n"), strings.Join(to.Topics, "\n"))} {
			got := diff.Fields[field]
			if len(got) != len(want) {
				t.Fatalf("diff %v of %s: %d chunks, want %d", pair, field, len(got), len(want))
			}
			for i := range want {
				if got[i].Op != string(want[i].Op) || got[i].Text != want[i].Text {
					t.Fatalf("diff %v of %s, chunk %d: %+v, want %+v", pair, field, i, got[i], want[i])
				}
			}
		}
	}
}
