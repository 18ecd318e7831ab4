package main

import (
	"fmt"
	"math/rand/v2"
	"strings"

	"github.com/copydesk/copydesk/internal/newsroom"
)

// The shape of every seeded draft: a body of about 1,500 words in 15 paragraphs, five of which
// hold one attributed quotation each.
const (
	paragraphs       = 15
	wordsPerPara     = 100
	quotesPerDraft   = 5
	commentsPerDraft = 20
	revisionsPer     = 5
)

// quoteParas are the paragraphs that carry a quotation.
var quoteParas = [quotesPerDraft]int{1, 4, 7, 10, 13}

// vocabulary is plain newsroom prose without apostrophes or quotation marks, so that the only
// quotations the finder sees are the five the generator puts in.
var vocabulary = strings.Fields(`the council city county state budget plan vote members residents
	hearing committee school clinic road bridge water tax rate funds report week year month
	officials mayor governor agency department board court judge police fire station hospital
	district housing rent market prices workers union contract strike talks deal proposal
	meeting public record data figures survey study analysis growth decline increase cut cost
	spending revenue deficit surplus project program service transit bus rail line route
	airport port river coast storm flood drought heat power grid energy solar wind gas oil
	election campaign candidate voters ballot turnout result poll district seat office term
	policy law bill measure rule change review audit inquiry investigation charge case trial
	said told added noted warned argued agreed rejected approved delayed announced expected
	would could might will should must may can did was were had has have is are be been
	new old large small local national regional federal public private early late long short
	first second third last next several many few most some every each other more less
	and but or so yet while after before during since until because although when where as
	in on at by for with from into over under between through across near about against
	a an this that these those its their our his her them they we he she it one two three
	four five ten hundred thousand million percent dollars hours days weeks months years
	morning evening night today tomorrow yesterday again still also only even just already`)

var givenNames = []string{"Rosa", "Ellery", "Anna", "Marcus", "Lena", "Tomas", "Priya", "Samuel", "Ines", "Daniel", "Keiko", "Omar"}
var surnames = []string{"Delgado", "Ortiz", "Kelly", "Brennan", "Novak", "Haddad", "Lindqvist", "Mensah", "Ferreira", "Okafor", "Tanaka", "Reyes"}
var topicPool = []string{"City Hall", "Budget", "Schools", "Transit", "Housing", "Health", "Courts", "Environment", "Elections", "Labor"}

// insertedSentence is what the save scenario adds to and takes from the start of the first
// paragraph, so that every quote and comment after it shifts.
const insertedSentence = "The council met again on Tuesday evening to review the figures. "

// piece is the generated text of one draft: its final text and the bodies of its earlier
// revisions.
type piece struct {
	text    newsroom.Text
	earlier [revisionsPer - 1]string // bodies of versions 1 … 4
}

// generate writes draft n's text. The same n always gives the same text.
func generate(n int, writerName string, withEditorComment bool) piece {
	r := rand.New(rand.NewPCG(uint64(n), 0x5eed))
	paras := make([]string, paragraphs)
	for i := range paras {
		paras[i] = paragraph(r, i, n)
	}
	p := piece{text: newsroom.Text{
		Title:  fmt.Sprintf("%s %s %s, report %d", capitalize(word(r)), word(r), word(r), n),
		Byline: writerName,
		Brief:  sentence(r, 30) + " " + sentence(r, 12),
		Body:   strings.Join(paras, "\n"),
		Topics: []string{topicPool[n%len(topicPool)], topicPool[(n+3)%len(topicPool)]},
	}}
	if withEditorComment {
		p.text.EditorComment = sentence(r, 25) + " " + sentence(r, 15)
	}
	// Each earlier version differs from the final text in one paragraph that carries no quote.
	for v := range p.earlier {
		old := append([]string(nil), paras...)
		i := 2 + 3*v
		old[i] = paragraph(r, i, n)
		p.earlier[v] = strings.Join(old, "\n")
	}
	return p
}

// paragraph writes about wordsPerPara words of sentences; a quote paragraph gets an attributed
// quotation in the middle.
func paragraph(r *rand.Rand, i, n int) string {
	var s []string
	words := 0
	for words < wordsPerPara {
		k := 8 + r.IntN(12)
		if isQuotePara(i) && len(s) == 2 {
			q := sentence(r, k)
			s = append(s, fmt.Sprintf("“%s,” said %s %s%d.", strings.TrimSuffix(q, "."),
				givenNames[r.IntN(len(givenNames))], surnames[r.IntN(len(surnames))], n))
			words += k + 3
			continue
		}
		s = append(s, sentence(r, k))
		words += k
	}
	return strings.Join(s, " ")
}

func isQuotePara(i int) bool {
	for _, q := range quoteParas {
		if q == i {
			return true
		}
	}
	return false
}

func sentence(r *rand.Rand, n int) string {
	w := make([]string, n)
	for i := range w {
		w[i] = word(r)
	}
	w[0] = capitalize(w[0])
	return strings.Join(w, " ") + "."
}

func word(r *rand.Rand) string { return vocabulary[r.IntN(len(vocabulary))] }

func capitalize(s string) string { return strings.ToUpper(s[:1]) + s[1:] }

// editedBody is the save scenario's other version of a body: insertedSentence added at the
// start, or taken away when it is there.
func editedBody(body string) string {
	if rest, ok := strings.CutPrefix(body, insertedSentence); ok {
		return rest
	}
	return insertedSentence + body
}
