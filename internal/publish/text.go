package publish

import "bytes"

// lineWriter writes one field per line, each ended by "\n" and kept to one line by oneLine.
type lineWriter struct{ bytes.Buffer }

// line writes one field as one line.
func (w *lineWriter) line(s string) {
	w.WriteString(oneLine(s))
	w.WriteByte('\n')
}

// lines writes each item as a line of its own.
func (w *lineWriter) lines(list []string) {
	for _, s := range list {
		w.line(s)
	}
}

// Text renders the article in the house text format that Parse reads: title, an empty line,
// byline, date, "Brief" and the brief, the body one paragraph per line, "Topics" and the topics,
// then, only when there is a comment, "Editor's Comments" and the comment, only when there are
// corrections, "Corrections" and one "May 8, 2025: note" line each, newest first, and last the
// site's footer lines. Every line, the last included, ends with "\n". The Topics heading stays
// when there are none: the newsroom's seed files, which define the format, have it so.
func Text(site Site, a Article) []byte {
	var w lineWriter
	w.header(site, a)
	w.lines(a.Body)
	w.line(headingTopics)
	w.lines(a.Topics)
	if a.EditorComment != "" {
		w.line(headingComment)
		w.line(a.EditorComment)
	}
	w.corrections(site, a)
	w.lines(site.Footer)
	return w.Bytes()
}

// BriefText renders the brief on its own: the house format's first six lines (title, an empty
// line, byline, date, "Brief", the brief), the Corrections section when there is one, and last
// the article's URL.
func BriefText(site Site, a Article) []byte {
	var w lineWriter
	w.header(site, a)
	w.corrections(site, a)
	w.line(URLs(site, a.Slug)["html"])
	return w.Bytes()
}

// header writes the lines the article and its brief share, from the title to the brief.
func (w *lineWriter) header(site Site, a Article) {
	w.line(a.Title)
	w.line("")
	w.line(a.Byline)
	w.line(site.day(a.firstPublished()))
	w.line(headingBrief)
	w.line(a.Brief)
}

// corrections writes the Corrections section, or nothing, so a text without corrections keeps
// the seed's exact layout.
func (w *lineWriter) corrections(site Site, a Article) {
	if len(a.Corrections) == 0 {
		return
	}
	w.line(headingCorrections)
	for _, c := range a.Corrections {
		w.line(site.correction(c))
	}
}
