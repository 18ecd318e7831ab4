package server

import (
	"net/url"
	"strconv"
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/copydesk/copydesk/internal/newsroom"
)

func (s *Server) checkQuotePage(c echo.Context) error {
	id, qid, err := draftAndQuote(c)
	if err != nil {
		return err
	}
	check := newsroom.QuoteCheck{Status: newsroom.QuoteStatus(c.FormValue("status")), Note: c.FormValue("note"), Source: c.FormValue("source"),
		QuoteRead: quoteRead(c)}
	q, err := s.store.CheckQuote(c.Request().Context(), id, qid, check)
	if err != nil {
		return s.refusedQuote(c, id, qid, err, "quote-", url.Values{"note": {check.Note}, "source": {check.Source}})
	}
	return s.afterAction(c, nil, quoteURL(id, qid), quoteNamed(q)+", marked "+string(check.Status)+".")
}

func (s *Server) waiveQuotePage(c echo.Context) error {
	id, qid, err := draftAndQuote(c)
	if err != nil {
		return err
	}
	n := newsroom.QuoteNote{Note: c.FormValue("note"), QuoteRead: quoteRead(c)}
	q, err := s.store.WaiveQuote(c.Request().Context(), id, qid, n)
	if err != nil {
		return s.refusedQuote(c, id, qid, err, "waive-", url.Values{"note": {n.Note}})
	}
	return s.afterAction(c, nil, quoteURL(id, qid), "Waiver recorded for "+lowerFirst(quoteNamed(q))+".")
}

func (s *Server) notQuotePage(c echo.Context) error {
	id, qid, err := draftAndQuote(c)
	if err != nil {
		return err
	}
	n := newsroom.QuoteNote{Note: c.FormValue("note"), QuoteRead: quoteRead(c)}
	q, err := s.store.MarkNotQuote(c.Request().Context(), id, qid, n)
	if err != nil {
		return s.refusedQuote(c, id, qid, err, "not-quote-", url.Values{"note": {n.Note}})
	}
	return s.afterAction(c, nil, quoteURL(id, qid), quoteNamed(q)+", marked as no quotation.")
}

// quoteNamed names quote q in a message, by its number and first words, as its row shows them:
// the message stands apart from the row, and the ledger may hold many.
func quoteNamed(q *newsroom.Quote) string {
	return "Quote #" + strconv.FormatInt(q.ID, 10) + ", “" + firstWords(q.Text) + "”"
}

// quoteRead is the quote as the page showed it to whoever sent the form: its words and speaker
// (the hidden fields text and speaker), each nil for a form without it. A browser sends each line
// break of a form's value as "\r\n", and a quote that runs over paragraphs holds the text's "\n".
func quoteRead(c echo.Context) newsroom.QuoteRead {
	var read newsroom.QuoteRead
	form, err := c.FormParams()
	if err != nil {
		return read
	}
	if form.Has("text") {
		words := strings.ReplaceAll(form.Get("text"), "\r\n", "\n")
		read.Text = &words
	}
	if form.Has("speaker") {
		speaker := form.Get("speaker")
		read.Speaker = &speaker
	}
	return read
}

// refusedQuote answers a form about quote qid (form is its name on the page without the quote's
// id) that the store refused. Refused because the quote's words or speaker changed since the page
// was opened, it is the page again, showing the quote as it is, with a message saying what it is
// now and the typing back in the form, which now carries that: nothing typed is lost, and sent
// again it is a verdict on what the checker has now seen. When the page no longer has that form
// for the quote (a waiver's quote the change took back to unchecked), the message says so and
// holds what was typed, to copy, and the quote's row is marked as retried instead ("row-quote-"
// and its id), so that the page's script shows the ledger as it is now, without the form. Any
// other refusal returns to the quote's row saying why, as afterAction does.
func (s *Server) refusedQuote(c echo.Context, id, qid int64, err error, form string, typed url.Values) error {
	change, ok := newsroom.QuoteChanged(err)
	if !ok {
		return s.afterAction(c, err, quoteURL(id, qid), "")
	}
	p, err := s.loadDraftPage(c, id)
	if err != nil {
		return err
	}
	now, check := change.Now()
	q := p.quote(qid)
	if q == nil || !p.QuoteForm(form, *q) {
		err = newsroom.Errorf(newsroom.ECONFLICT, "This quotation changed since you opened the page: %s, and %s; nothing was recorded.%s",
			now, quoteFormGone(form, q), typedToCopy(typed))
		return s.renderRefused(c, p, err, &retryForm{Form: "row-quote-" + strconv.FormatInt(qid, 10)})
	}
	next := "Check " + check + "."
	if strings.TrimSpace(typed.Get("note")+typed.Get("source")) != "" {
		next = "Your note is kept below; check " + check + "."
	}
	err = newsroom.Errorf(newsroom.ECONFLICT, "This quotation changed since you opened the page: %s. %s", now, next)
	return s.renderRefused(c, p, err, &retryForm{Form: form + strconv.FormatInt(qid, 10), Values: typed})
}

// QuoteForm reports whether the draft page shows the form named form (without the quote's id:
// "quote-", "not-quote-", "waive-") for quote q. The ledger's template and refusedQuote both ask
// it, so that a refusal never promises a form the page does not have.
func (p *draftPage) QuoteForm(form string, q newsroom.Quote) bool {
	switch form {
	case "quote-":
		return p.Perm.CheckQuotes
	case "not-quote-":
		return p.Perm.CheckQuotes && q.NotQuote == nil
	case "waive-":
		return p.Perm.WaiveQuotes && q.Status == newsroom.QuoteDisputed && q.Waiver == nil
	}
	return false
}

// RetryingQuote reports whether the page is shown again after one of quote qid's forms was
// refused, so that the ledger shows that form, which it folds away for a cleared quote, open.
func (p *draftPage) RetryingQuote(qid int64) bool {
	for _, form := range []string{"quote-", "not-quote-", "waive-"} {
		if p.Retrying(form + strconv.FormatInt(qid, 10)) {
			return true
		}
	}
	return false
}

// quote is the ledger's quote qid, or nil when the page does not list it.
func (p *draftPage) quote(qid int64) *newsroom.Quote {
	for i := range p.Quotes {
		if p.Quotes[i].ID == qid {
			return &p.Quotes[i]
		}
	}
	return nil
}

// quoteFormGone says why the page has no form named form for quote q (nil when the page does not
// list it).
func quoteFormGone(form string, q *newsroom.Quote) string {
	switch {
	case q == nil:
		return "it is no longer in the ledger"
	case form == "waive-" && q.Status != newsroom.QuoteDisputed:
		return "it is no longer disputed, so there is nothing to waive"
	case form == "waive-":
		return "it is already waived"
	case form == "not-quote-" && q.NotQuote != nil:
		return "it is already marked as no quotation"
	}
	return "you may no longer check it"
}

// typedToCopy is what the viewer typed in a quote form that the page no longer shows, as
// sentences of the message to copy it from; "" when nothing was typed.
func typedToCopy(typed url.Values) string {
	var s string
	for _, field := range []string{"note", "source"} {
		if v := strings.TrimSpace(typed.Get(field)); v != "" {
			s += " Your " + field + ": “" + v + "”."
		}
	}
	return s
}

// quoteURL is a quote's row on its draft's page, where a form about the quote returns, so that
// the viewer keeps their place in the ledger.
func quoteURL(id, qid int64) string {
	return draftURL(id) + "#quote-" + strconv.FormatInt(qid, 10)
}

func draftAndQuote(c echo.Context) (int64, int64, error) {
	id, err := idParam(c, "id")
	if err != nil {
		return 0, 0, err
	}
	qid, err := idParam(c, "qid")
	return id, qid, err
}

// commentPage creates a comment from the form: the words come from the selection script
// (exact, prefix, suffix, start, end), or, without JavaScript, from the exact words typed in.
func (s *Server) commentPage(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	nc := newsroom.NewComment{Field: c.FormValue("field"), Body: c.FormValue("body"),
		Quote: &newsroom.TextQuote{Exact: c.FormValue("exact"), Prefix: c.FormValue("prefix"), Suffix: c.FormValue("suffix")}}
	start, err1 := strconv.Atoi(c.FormValue("start"))
	end, err2 := strconv.Atoi(c.FormValue("end"))
	if err1 == nil && err2 == nil {
		nc.Start, nc.End = &start, &end
	}
	if _, err = s.store.CreateComment(c.Request().Context(), id, nc); fixable(err) {
		typed := url.Values{}
		for _, f := range []string{"field", "exact", "prefix", "suffix", "start", "end", "body"} {
			typed.Set(f, c.FormValue(f))
		}
		return s.refusedForm(c, id, err, &retryForm{Form: "comment", Values: typed})
	}
	return s.afterAction(c, err, draftURL(id)+shownQuery(c)+"#comments", "Comment added.")
}

func (s *Server) replyPage(c echo.Context) error {
	cid, err := idParam(c, "cid")
	if err != nil {
		return err
	}
	form, err := c.FormParams()
	if err != nil {
		return formError(err)
	}
	nr := newsroom.NewReply{Body: form.Get("body"), To: form["to"]}
	cm, err := s.store.Reply(c.Request().Context(), cid, nr)
	if err != nil {
		return s.refusedComment(c, err, &retryForm{Form: replyForm(cid), Values: url.Values{"body": {nr.Body}, "to": nr.To}})
	}
	return s.afterComment(c, cm, nil, "Reply added.")
}

// editCommentPage changes a comment's words. Refused because someone replied meanwhile, the
// comment's edit form is gone from the page, so the words typed come back in its reply form.
func (s *Server) editCommentPage(c echo.Context) error {
	cid, err := idParam(c, "cid")
	if err != nil {
		return err
	}
	body := c.FormValue("body")
	cm, err := s.store.EditComment(c.Request().Context(), cid, body)
	if err == nil {
		return s.afterComment(c, cm, nil, "Comment changed.")
	}
	retry := &retryForm{Form: "edit-comment-" + strconv.FormatInt(cid, 10), Values: url.Values{"body": {body}}}
	if newsroom.ErrorCode(err) == newsroom.ECONFLICT {
		retry.Form = replyForm(cid)
	}
	return s.refusedComment(c, err, retry)
}

// replyForm names the reply form of comment cid for a retryForm.
func replyForm(cid int64) string {
	return "reply-" + strconv.FormatInt(cid, 10)
}

// deleteCommentPage deletes a comment once the form's box confirming it is ticked.
func (s *Server) deleteCommentPage(c echo.Context) error {
	cid, err := idParam(c, "cid")
	if err != nil {
		return err
	}
	if c.FormValue("confirm") != "yes" {
		return s.afterComment(c, nil, newsroom.Errorf(newsroom.EINVALID, "tick the box to confirm: delete this comment"), "")
	}
	cm, err := s.store.DeleteComment(c.Request().Context(), cid)
	return s.afterComment(c, cm, err, "Comment deleted.")
}

func (s *Server) resolvePage(c echo.Context) error {
	cid, err := idParam(c, "cid")
	if err != nil {
		return err
	}
	cm, err := s.store.ResolveComment(c.Request().Context(), cid)
	return s.afterComment(c, cm, err, "Comment resolved.")
}

func (s *Server) reopenPage(c echo.Context) error {
	cid, err := idParam(c, "cid")
	if err != nil {
		return err
	}
	cm, err := s.store.ReopenComment(c.Request().Context(), cid)
	return s.afterComment(c, cm, err, "Comment reopened.")
}

// afterComment returns to the comment's draft, which the form names when the action failed and
// the comment was not returned, showing the resolved threads the form's page showed. A thread
// left resolved (just resolved, or replied to or changed while resolved) is shown there too: by
// its own link when the page showed no other resolved thread, or else with all of them, since a
// link shows one and the other may hold a reply being typed.
func (s *Server) afterComment(c echo.Context, cm *newsroom.Comment, err error, ok string) error {
	back, shown := "/desk", shownQuery(c)
	switch id, perr := strconv.ParseInt(c.FormValue("draft"), 10, 64); {
	case cm != nil && cm.Resolved && shown == "":
		back = newsroom.ThreadLink(cm.DraftID, cm.ID)
	case cm != nil && cm.Resolved:
		back = draftURL(cm.DraftID) + "?resolved=1#comment-" + strconv.FormatInt(cm.ID, 10)
	case cm != nil:
		back = draftURL(cm.DraftID) + shown + "#comments"
	case perr == nil:
		back = draftURL(id) + shown + "#comments"
	}
	return s.afterAction(c, err, back, ok)
}
