package publish

import (
	"slices"
	"strings"
	"testing"
)

func TestSlug(t *testing.T) {
	long := strings.Repeat("Newsroom ", 20) // 20 words of 8 letters: 179 characters as a slug
	for _, tc := range []struct{ name, title, want string }{
		{"Seed", "Mexico’s Sheinbaum Rejects Trump’s Troop Offer to Battle Drug Cartels", "mexicos-sheinbaum-rejects-trumps-troop-offer-to-battle-drug-cartels"},
		{"Accents", "Café Müller’s Crème Brûlée in São Paulo", "cafe-mullers-creme-brulee-in-sao-paulo"},
		{"LettersWithoutDecomposition", "Straße, Æsop, Łódź and Øresund", "strasse-aesop-lodz-and-oresund"},
		{"CapitalSharpS", "STRAẞE, FUẞBALL: Straße", "strasse-fussball-strasse"},
		{"TurkishDottedAndDotlessI", "İstanbul’da IŞIK ve ılık İzmir", "istanbulda-isik-ve-ilik-izmir"},
		{"ASCIIApostrophe", "Don't Stop", "dont-stop"},
		{"QuotedWord", "Cartels as ‘terrorists’", "cartels-as-terrorists"},
		{"Punctuation", "U.S.-Mexico: Talks — “Robust”?! (2025)", "u-s-mexico-talks-robust-2025"},
		{"Digits", "7 Cafés, 1.5 m of Sidewalk", "7-cafes-1-5-m-of-sidewalk"},
		{"CompatibilityForms", "Ｆｕｌｌ-width ﬁnance", "full-width-finance"},
		{"SurroundingSpace", "  Leading and trailing  ", "leading-and-trailing"},
		{"EmojiOnly", "🔥🔥🚀", "_1f525-1f525-1f680"},
		{"Dots", "..", "_2e-2e"},
		{"Dot", ".", "_2e"},
		{"Dash", " — ", "_2014"},
		{"SymbolsDecomposed", "\u0041\u030a"[1:] + "!", "_30a-21"},
		{"Empty", "", "_"},
		{"Arabic", "مصر ترفض عرض القوات", "مصر-ترفض-عرض-القوات"},
		{"Hebrew", "ישראל: הבחירות נדחו", "ישראל-הבחירות-נדחו"},
		{"Greek", "Η Ελλάδα ψηφίζει, ΟΔΥΣΣΕΑΣ", "η-ελλάδα-ψηφίζει-οδυσσεας"},
		{"Cyrillic", "Новости дня: Москва", "новости-дня-москва"},
		{"Chinese", "中国经济增长放缓", "中国经济增长放缓"},
		{"Japanese", "東京の新しい市長", "東京の新しい市長"},
		{"Korean", "한국 뉴스", "한국-뉴스"},
		{"Devanagari", "हिन्दी समाचार: चुनाव", "हिन्दी-समाचार-चुनाव"},
		{"Mixed", "Café in Москва — 2025 🔥", "cafe-in-москва-2025"},
		{"PlusesEndingAName", "C++ and Disney+ Lead the A+ List", "c-plus-plus-and-disney-plus-lead-the-a-plus-list"},
		{"SharpEndingAName", "C#, F# and a Sonata in A#.", "c-sharp-f-sharp-and-a-sonata-in-a-sharp"},
		{"MarksThatJoinOrBeginWords", "#MeToo: 1+1, +44 and Issue#5", "metoo-1-1-44-and-issue-5"},
		{"LongNonLatinWord", strings.Repeat("中", 100), strings.Repeat("中", maxSlugLen)},
		{"LongTitle", long, strings.TrimSuffix(strings.Repeat("newsroom-", 9), "-")}, // 80 characters
		{"LongWord", strings.Repeat("a", 100), strings.Repeat("a", maxSlugLen)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := Slug(tc.title); got != tc.want {
				t.Errorf("Slug(%q) = %q, want %q", tc.title, got, tc.want)
			}
		})
	}
}

// TestLowerSlug: a slug typed or linked with capitals lowers to the slug Slug makes of the same
// words, with Slug's folds (ẞ to "ss", İ to "i"), not to one of its own that names no page; a
// slug without capitals, Slug's or one an article keeps from an older Slug, is its own.
func TestLowerSlug(t *testing.T) {
	for _, tc := range []struct{ name, slug, want string }{
		{"ASCII", "My-Slug", Slug("My slug")},
		{"CapitalSharpS", "FUẞBALL", Slug("Fußball")},
		{"SharpSAfterACapital", "Fußball", Slug("Fußball")},
		{"TurkishDottedI", "İstanbul", Slug("İstanbul")},
		{"TurkishCapitalWord", "İZMİR-IŞIK", Slug("İzmir ışık")},
		{"Accented", "MÉXICO", Slug("México")},
		{"Decomposed", "ME\u0301XICO", Slug("México")},
		{"LettersWithoutDecomposition", "ÆSOP-ŁÓDŹ", Slug("Æsop Łódź")},
		{"Greek", "ΟΔΥΣΣΕΑΣ", Slug("ΟΔΥΣΣΕΑΣ")},
		{"Cyrillic", "Москва", Slug("Москва")},
		{"FullWidth", "Ｆｕｌｌ", Slug("Full")},
		{"OlderArticleSlug", "straße-gesperrt", "straße-gesperrt"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := LowerSlug(tc.slug); got != tc.want {
				t.Errorf("LowerSlug(%q) = %q, want %q", tc.slug, got, tc.want)
			}
		})
	}
	for _, title := range []string{"Straße", "İstanbul’da IŞIK", "Η Ελλάδα ψηφίζει, ΟΔΥΣΣΕΑΣ", "हिन्दी समाचार: चुनाव", "مصر ترفض", "🔥", "C++ and C#", "Café in Москва"} {
		if s := Slug(title); LowerSlug(s) != s {
			t.Errorf("LowerSlug(%q) = %q, want the slug Slug made", s, LowerSlug(s))
		}
	}
}

// TestSymbolSlugs: text with no letter or digit gets a slug of its own characters, which no
// slug of words equals, and one within maxSlugLen however long the text.
func TestSymbolSlugs(t *testing.T) {
	slugs := map[string]string{}
	for _, text := range []string{"🔥", "💧", ".", "..", "—", "]]>", strings.Repeat("🔥", 20), strings.Repeat("🔥", 19) + "💧", "Article", "_2e"} {
		s := Slug(text)
		if other, ok := slugs[s]; ok {
			t.Errorf("Slug(%q) = Slug(%q) = %q", text, other, s)
		}
		if n := len([]rune(s)); n > maxSlugLen {
			t.Errorf("Slug(%q) is %d characters long", text, n)
		}
		slugs[s] = text
	}
}

func TestURLs(t *testing.T) {
	site := Site{BaseURL: "http://127.0.0.1:8080/"}
	want := map[string]string{
		"html":     "http://127.0.0.1:8080/articles/a-b",
		"text":     "http://127.0.0.1:8080/articles/a-b.txt",
		"markdown": "http://127.0.0.1:8080/articles/a-b.md",
		"ninjs":    "http://127.0.0.1:8080/articles/a-b.json",
		"brief":    "http://127.0.0.1:8080/briefs/a-b.txt",
	}
	got := URLs(site, "a-b")
	if len(got) != len(want) {
		t.Errorf("URLs has %d entries, want %d", len(got), len(want))
	}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("URLs[%q] = %q, want %q", k, got[k], v)
		}
	}
}

func TestContentHash(t *testing.T) {
	a := correctedArticle()
	h := a.ContentHash()
	if len(h) != 64 || strings.Trim(h, "0123456789abcdef") != "" {
		t.Fatalf("ContentHash = %q, want 64 lowercase hex digits", h)
	}
	same := a
	same.PublishedAt = a.PublishedAt.AddDate(0, 0, 1)
	same.Slug, same.Hash = "other-slug", "stale"
	if same.ContentHash() != h {
		t.Error("ContentHash changed with the publication time, slug or stored hash; it covers the text only")
	}
	for name, change := range map[string]func(*Article){
		"Title":          func(a *Article) { a.Title += "!" },
		"Byline":         func(a *Article) { a.Byline = "" },
		"Brief":          func(a *Article) { a.Brief += " " },
		"EditorComment":  func(a *Article) { a.EditorComment = "" },
		"Body":           func(a *Article) { a.Body = a.Body[:2] },
		"BodyJoined":     func(a *Article) { a.Body = []string{a.Body[0] + a.Body[1], a.Body[2]} },
		"TopicToBody":    func(a *Article) { a.Body, a.Topics = append(a.Body[:3:3], a.Topics[0]), a.Topics[1:] },
		"CorrectionNote": func(a *Article) { a.Corrections = []Correction{a.Corrections[0]} },
		"CorrectionDate": func(a *Article) { a.Corrections[1].At = a.Corrections[1].At.AddDate(0, 0, -1) },
	} {
		b := correctedArticle()
		change(&b)
		if b.ContentHash() == h {
			t.Errorf("ContentHash ignores a change of %s", name)
		}
	}
}

func TestArticleSlug(t *testing.T) {
	for _, tc := range []struct {
		name, title string
		id          int64
		want        string
	}{
		{"Title", "Новости дня", 7, "новости-дня"},
		{"EmojiOnly", "🔥🔥🚀", 42, "42"},
		{"PunctuationOnly", "?!…", 9, "9"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := ArticleSlug(tc.title, tc.id); got != tc.want {
				t.Errorf("ArticleSlug(%q, %d) = %q, want %q", tc.title, tc.id, got, tc.want)
			}
		})
	}
}

func TestDistinctTopics(t *testing.T) {
	for _, tc := range []struct {
		name         string
		topics, want []string
	}{
		{"None", []string{}, []string{}},
		{"AllDifferent", []string{"Mexico", "Economy"}, []string{"Mexico", "Economy"}},
		{"Repeated", []string{"Mexico", "Economy", "Mexico"}, []string{"Mexico", "Economy"}},
		{"CaseAndAccents", []string{"Mexico", "mexico", "MÉXICO", "México"}, []string{"Mexico"}},
		{"CapitalSharpS", []string{"Fußball", "FUẞBALL", "FUSSBALL"}, []string{"Fußball"}},
		{"FirstSpellingKept", []string{"México", "Mexico"}, []string{"México"}},
		{"PunctuationOnlyDiffers", []string{"C&A", "C-A", "c a"}, []string{"C&A"}},
		{"LanguagesNamedByTheirMarks", []string{"C", "C++", "C#", "c++"}, []string{"C", "C++", "C#"}},
		{"OtherScripts", []string{"経済", "经济", "経済"}, []string{"経済", "经济"}},
		{"NoLettersToldApartByText", []string{"🔥", "💧", "🔥"}, []string{"🔥", "💧"}},
		{"NoLettersBesideTheFallbackSlug", []string{"🔥", "Article"}, []string{"🔥", "Article"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := DistinctTopics(tc.topics); !slices.Equal(got, tc.want) {
				t.Errorf("DistinctTopics(%q) = %q, want %q", tc.topics, got, tc.want)
			}
		})
	}
}

// TestSlugURLs shows a non-Latin slug escaped where it becomes part of a URL.
func TestSlugURLs(t *testing.T) {
	got := URLs(testSite, Slug("Новости"))["html"]
	if want := "http://127.0.0.1:8080/articles/%D0%BD%D0%BE%D0%B2%D0%BE%D1%81%D1%82%D0%B8"; got != want {
		t.Errorf("URLs[html] = %q, want %q", got, want)
	}
}
