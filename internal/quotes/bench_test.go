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
