package revpack_test

import (
	"bytes"
	"errors"
	"math/rand/v2"
	"reflect"
	"runtime"
	"strings"
	"testing"

	"github.com/copydesk/copydesk/internal/newsroom"
	"github.com/copydesk/copydesk/internal/revpack"
)

// randomText returns a text of random fields: empty, tiny, unicode or long.
func randomText(rng *rand.Rand) newsroom.Text {
	t := newsroom.Text{Title: randomField(rng), Byline: randomField(rng), Brief: randomField(rng),
		Body: randomField(rng), EditorComment: randomField(rng), Topics: []string{}}
	for range rng.IntN(4) {
		t.Topics = append(t.Topics, randomField(rng))
	}
	return t
}

var pieces = []string{"", "a", "é", "naïve café", "日本語の記事", "🗞️ news", "the council met on Tuesday", "\n", "“quoted,” she said"}

func randomField(rng *rand.Rand) string {
	var b strings.Builder
	for range rng.IntN(3) * rng.IntN(200) {
		b.WriteString(pieces[rng.IntN(len(pieces))])
		b.WriteByte(' ')
	}
	return b.String()
}

// edit changes one field of t a little, as a save does.
func edit(rng *rand.Rand, t newsroom.Text) newsroom.Text {
	t.Topics = append([]string{}, t.Topics...)
	switch rng.IntN(4) {
	case 0:
		t.Title = randomField(rng)
	case 1:
		t.Topics = append(t.Topics, randomField(rng))
	default:
		at := rng.IntN(len(t.Body) + 1)
		t.Body = t.Body[:at] + randomField(rng) + t.Body[at:]
	}
	return t
}

func TestMarshalRoundTrip(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for range 500 {
		want := randomText(rng)
		got, err := revpack.Unmarshal(revpack.Marshal(want))
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("got %+v, want %+v", got, want)
		}
	}
}

// TestChainRoundTrip packs a random history as a store does, in chains, and rebuilds every
// revision from its chain.
func TestChainRoundTrip(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	text := randomText(rng)
	var chain [][]byte
	var prev []byte
	for i := range 400 {
		if i > 0 {
			text = edit(rng, text)
		}
		raw := revpack.Marshal(text)
		if i%7 == 0 {
			chain = [][]byte{revpack.Keyframe(raw)}
		} else {
			chain = append(chain, revpack.Delta(prev, raw))
		}
		prev = raw
		got, err := revpack.Rebuild(chain, revpack.Sum(raw))
		if err != nil {
			t.Fatalf("revision %d: %v", i, err)
		}
		if !reflect.DeepEqual(got, text) {
			t.Fatalf("revision %d: got %+v, want %+v", i, got, text)
		}
	}
}

// TestDeltaIsSmall packs a sentence typed into a long text (a splice) and a paragraph that
// repeats what the text already says (a zstd delta, which finds it): each costs a few bytes.
func TestDeltaIsSmall(t *testing.T) {
	sentence := "The council met on Tuesday to vote on the budget for the coming year. "
	body := strings.Repeat(sentence, 160)
	prev := revpack.Marshal(newsroom.Text{Title: "Budget", Body: body, Topics: []string{}})
	for _, tc := range []struct {
		name  string
		added string
	}{
		{"SentenceTyped", "A new sentence. "},
		{"ParagraphRepeated", strings.Repeat(sentence, 10)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			raw := revpack.Marshal(newsroom.Text{Title: "Budget", Body: body[:5000] + tc.added + body[5000:], Topics: []string{}})
			if d := revpack.Delta(prev, raw); len(d) > 64 {
				t.Fatalf("a delta adding %d bytes to a %d-byte text is %d bytes", len(tc.added), len(raw), len(d))
			}
		})
	}
}

// TestPackingKeepsItsEncoders packs a delta after two garbage collections: the encoder it
// packs with is one kept from before, not a new one of several megabytes.
func TestPackingKeepsItsEncoders(t *testing.T) {
	body := strings.Repeat("The council met on Tuesday to vote on the budget for the coming year. ", 160)
	prev := revpack.Marshal(newsroom.Text{Title: "Budget", Body: body, Topics: []string{}})
	// A paragraph's change, which a zstd delta packs.
	raw := revpack.Marshal(newsroom.Text{Title: "Budget", Body: strings.Repeat("A new sentence. ", 40) + body, Topics: []string{}})
	revpack.Delta(prev, raw)
	runtime.GC()
	runtime.GC()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	revpack.Delta(prev, raw)
	runtime.ReadMemStats(&after)
	if n := after.TotalAlloc - before.TotalAlloc; n > 256<<10 {
		t.Fatalf("a delta of a %d-byte text after a collection allocated %d bytes", len(raw), n)
	}
}

// TestLongTextRoundTrip packs a text longer than the encoders' window whole, and a sentence and
// a paragraph added to it as deltas (a splice and a zstd delta), and unpacks them.
func TestLongTextRoundTrip(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	words := make([]string, 300_000)
	for i := range words {
		words[i] = pieces[rng.IntN(len(pieces))]
	}
	prevText := newsroom.Text{Title: "Long", Body: strings.Join(words, " "), Topics: []string{}}
	prev := revpack.Marshal(prevText)
	if len(prev) < 2<<20 {
		t.Fatalf("the text is %d bytes, not longer than the window", len(prev))
	}
	for _, added := range []string{"A new sentence. ", strings.Repeat("A new sentence. ", 40)} {
		text := prevText
		text.Body = added + prevText.Body
		raw := revpack.Marshal(text)
		got, err := revpack.Rebuild([][]byte{revpack.Keyframe(prev), revpack.Delta(prev, raw)}, revpack.Sum(raw))
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, text) {
			t.Fatalf("the long text came back changed after %d bytes were added", len(added))
		}
	}
}

func TestUnpackRefuses(t *testing.T) {
	a := revpack.Marshal(newsroom.Text{Title: "A", Body: "one two three", Topics: []string{}})
	b := revpack.Marshal(newsroom.Text{Title: "B", Body: "one two three four", Topics: []string{}})
	long := revpack.Marshal(newsroom.Text{Title: "A", Body: strings.Repeat("one two three ", 400), Topics: []string{}})
	for _, kind := range []struct {
		name        string
		delta, prev []byte
	}{
		{"Splice", revpack.Delta(a, b), a},
		// A whole new body is more than a splice carries.
		{"ZstdDelta", revpack.Delta(a, long), a},
	} {
		delta, prev := kind.delta, kind.prev
		for _, tc := range []struct {
			name         string
			packed, prev []byte
		}{
			{"Empty", nil, nil},
			{"UnknownKind", append([]byte{'X'}, delta[1:]...), prev},
			{"DeltaWithoutPrevious", delta, nil},
			{"DeltaAgainstAnotherText", delta, b},
			{"Truncated", delta[:len(delta)-3], prev},
			{"KindOnly", delta[:1], prev},
			{"BytesAfter", append(append([]byte{}, delta...), 0), prev},
		} {
			t.Run(kind.name+"/"+tc.name, func(t *testing.T) {
				if _, err := revpack.Unpack(tc.packed, tc.prev); !errors.Is(err, revpack.ErrCorrupt) {
					t.Fatalf("err = %v, want ErrCorrupt", err)
				}
			})
		}
		t.Run(kind.name+"/ChainWithoutKeyframe", func(t *testing.T) {
			if _, err := revpack.Rebuild([][]byte{delta}, 0); !errors.Is(err, revpack.ErrCorrupt) {
				t.Fatalf("err = %v, want ErrCorrupt", err)
			}
		})
	}
}

// TestRebuildRefusesAnotherText changes one byte of a delta's own bytes, which still unpacks
// against the text before: the chain's last checksum refuses what it makes.
func TestRebuildRefusesAnotherText(t *testing.T) {
	a := revpack.Marshal(newsroom.Text{Title: "A", Body: "one two three", Topics: []string{}})
	b := revpack.Marshal(newsroom.Text{Title: "A", Body: "one two three four", Topics: []string{}})
	delta := revpack.Delta(a, b)
	if got, err := revpack.Rebuild([][]byte{revpack.Keyframe(a), delta}, revpack.Sum(b)); err != nil || !reflect.DeepEqual(revpack.Marshal(got), b) {
		t.Fatalf("the chain rebuilt %+v, %v", got, err)
	}
	changed := append([]byte{}, delta...)
	changed[len(changed)-1] ^= 'f' ^ 'F'
	if raw, err := revpack.Unpack(changed, a); err != nil || bytes.Equal(raw, b) {
		t.Fatalf("the changed delta unpacks to %q, %v: it does not test the checksum", raw, err)
	}
	if _, err := revpack.Rebuild([][]byte{revpack.Keyframe(a), changed}, revpack.Sum(b)); !errors.Is(err, revpack.ErrCorrupt) {
		t.Fatalf("err = %v, want ErrCorrupt", err)
	}
}

func TestChainExtends(t *testing.T) {
	for _, tc := range []struct {
		name        string
		chain       revpack.Chain
		delta, text int
		want        bool
	}{
		{"ShortChain", revpack.Chain{Depth: 3, KeyBytes: 4000, Bytes: 5000}, 300, 12000, true},
		{"AtMaxDepth", revpack.Chain{Depth: revpack.MaxDepth, KeyBytes: 40000, Bytes: 41000}, 30, 12000, false},
		{"DeltasOutweighKeyframe", revpack.Chain{Depth: 3, KeyBytes: 4000, Bytes: 7900}, 200, 12000, false},
		{"DeltasEqualKeyframe", revpack.Chain{Depth: 3, KeyBytes: 4000, Bytes: 7900}, 100, 12000, true},
		{"HugeText", revpack.Chain{Depth: 3, KeyBytes: 400000, Bytes: 401000}, 100, 1200000, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := tc.chain.Extends(tc.delta, tc.text); got != tc.want {
				t.Fatalf("Extends = %v, want %v", got, tc.want)
			}
		})
	}
}

// FuzzUnpack feeds the decoder bad bytes: it must answer an error, never panic.
func FuzzUnpack(f *testing.F) {
	a := revpack.Marshal(newsroom.Text{Title: "A", Body: "one two three", Topics: []string{"x"}})
	b := revpack.Marshal(newsroom.Text{Title: "B", Body: "one two three four", Topics: []string{}})
	f.Add(revpack.Keyframe(a), false)
	f.Add(revpack.Delta(a, b), true)
	f.Add(revpack.Delta(a, revpack.Marshal(newsroom.Text{Body: strings.Repeat("four five six ", 400), Topics: []string{}})), true)
	f.Add([]byte{'K'}, false)
	f.Fuzz(func(t *testing.T, packed []byte, delta bool) {
		var prev []byte
		if delta {
			prev = a
		}
		raw, err := revpack.Unpack(packed, prev)
		if err != nil {
			return
		}
		if text, err := revpack.Unmarshal(raw); err == nil && !bytes.Equal(revpack.Marshal(text), raw) {
			t.Fatalf("Unmarshal accepted %q, which marshals otherwise", raw)
		}
	})
}

// TestMarshalKept: a kept marshalling is Marshal's bytes, one text after another and whatever the
// one before held, and once the first is released the next allocates no buffer of its own.
func TestMarshalKept(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for range 200 {
		text := randomText(rng)
		k := revpack.MarshalKept(text)
		if want := revpack.Marshal(text); !bytes.Equal(k.Bytes(), want) {
			t.Fatalf("MarshalKept(%+v) = %q; Marshal gives %q", text, k.Bytes(), want)
		}
		k.Release()
	}
	body := strings.Repeat("The council met on Tuesday to vote on the budget for the coming year. ", 160)
	text := newsroom.Text{Title: "Budget", Body: body, Topics: []string{"Council"}}
	revpack.MarshalKept(text).Release()
	if n := testing.AllocsPerRun(100, func() { revpack.MarshalKept(text).Release() }); n != 0 {
		t.Errorf("a kept marshalling of a %d-byte body allocates %v times after the one before was released; want none", len(body), n)
	}
}
