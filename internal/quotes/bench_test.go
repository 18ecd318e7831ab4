package quotes_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/copydesk/copydesk/internal/quotes"
)

// benchBody builds a body of about 20,000 words and 500 quotes, mixing the forms Find meets in
// drafts: attributions before and after, pronouns, straight and single marks, nesting,
// apostrophes and quotes spanning paragraphs.
func benchBody() string {
	forms := []string{
		"Councillor Rosa Delgado%d arrived at the hearing on time and spoke to the committee about the budget for the coming year. “We will not accept cuts to the schools or the clinics this year,” she told reporters.",
		"The committee’s members listened politely and asked several questions about the plan. \"Nobody here wants the developers' tools to fail, and we’ll say so,\" said Mayor Ellery Ortiz%d.",
		"Ortiz%d emphasized the city’s record in the ’90s, declaring, “He called it ‘a disgrace,’ and I agree with every word of that.”",
		"White House deputy press secretary Anna Kelly%d praised the ‘robust cooperation’ that has led to the capture of cartel leaders and bolstered border security along the river.",
		"Delgado%d said: “We will keep fighting for the families of this city.\n“And we will win, because rock ’n’ roll never dies and the voters remember.”",
	}
	var b strings.Builder
	for i := 0; i < 500; i++ {
		fmt.Fprintf(&b, forms[i%len(forms)], i)
		b.WriteString(" Residents filled the hall, and many waited an hour to speak.\n")
	}
	return b.String()
}

// BenchmarkFind measures Find on a long body; it must stay well under a few milliseconds.
func BenchmarkFind(b *testing.B) {
	body := benchBody()
	qs, _ := quotes.Find(body)
	if len(qs) != 500 {
		b.Fatalf("the body has %d quotes, want 500", len(qs))
	}
	b.SetBytes(int64(len(body)))
	for b.Loop() {
		quotes.Find(body)
	}
	b.ReportMetric(float64(len(strings.Fields(body))), "words")
}

// titlesBody builds a body of about 22,000 words whose quotes are credited by a title or an age
// alone, each holder named with the title or the age earlier in the piece, as a long report of a
// summit or a trial is.
func titlesBody() string {
	forms := []string{
		"Home Secretary Yvette Cooper%d met police chiefs in the afternoon and set out the plan for the coming year. “This will not stand, and the officers involved will answer for it,” the Home Secretary said.",
		"Emma Raducanu%d, 21, beat the world number five in straight sets on a windy centre court. “I felt free out there and I enjoyed every minute of the match,” the 21-year-old said.",
		"Senate Majority Leader Chuck Schumer%d said on Tuesday that the bill was dead on arrival in the chamber. “We will not pass it, whatever the House sends us this week,” the Majority Leader told reporters.",
		"The Chief Constable of Greater Manchester Police, Stephen Watson%d, said officers had acted with great courage. “I am proud of every one of them,” the Chief Constable added.",
		"Professor Chris Whitty%d, the Chief Medical Officer, said the risk to the public was low. “Wash your hands and stay at home if you are ill,” the Chief Medical Officer said.",
	}
	var b strings.Builder
	for i := 0; i < 600; i++ {
		fmt.Fprintf(&b, forms[i%len(forms)], i)
		b.WriteString(" Reporters waited outside for an hour before the next statement came.\n")
	}
	return b.String()
}

// BenchmarkFindTitles measures Find on a long body whose speakers are found through the titles
// and ages written before them, which Find looks up for every such quote.
func BenchmarkFindTitles(b *testing.B) {
	body := titlesBody()
	qs, _ := quotes.Find(body)
	if len(qs) != 600 {
		b.Fatalf("the body has %d quotes, want 600", len(qs))
	}
	b.SetBytes(int64(len(body)))
	for b.Loop() {
		quotes.Find(body)
	}
	b.ReportMetric(float64(len(strings.Fields(body))), "words")
}
