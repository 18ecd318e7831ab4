package server

import (
	"bytes"
	"crypto/rand"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/labstack/echo/v4"

	"github.com/copydesk/copydesk/internal/newsroom"
	"github.com/copydesk/copydesk/internal/policy"
	"github.com/copydesk/copydesk/internal/publish"
	"github.com/copydesk/copydesk/internal/store"
)

// draftPage is everything the draft page shows. History is one page of the draft's history,
// the one Cursor names ("" for the newest).
type draftPage struct {
	Draft    *newsroom.Draft
	Saved    *newsroom.Revision // the draft's version as saved: by whom and when, without its text
	Perm     newsroom.Permissions
	Fields   []fieldView
	Quotes   []newsroom.Quote    // the ledger panel's quotes: all of them, or those of QuoteKind
	Kind     newsroom.QuoteKind  // the kind the ledger panel shows, "" for every kind
	Brief    newsroom.BriefCheck // the brief's quotes and numbers that the body does not back
	Comments []commentView
	Threads  []commentGroup       // the comments, those on words still in the text first
	Notice   *newsroom.AuditEntry // the note sent back with the piece, until the viewer acts on it
	Live     *liveLinks           // where readers find the piece, once they can
	History  *newsroom.History
	Cursor   string
	Form     newsroom.Text // the edit form's values: the draft, or what the user sent
	Editing  bool          // whether the text shows as the edit form (?edit=1, or a save that failed)
	Based    int           // the version the edit form's text is based on: the draft's, or the one sent
	Refused  bool          // whether the edit form shows a save the server refused, so its text is not saved
	// Invalid names the field a refused save is about, for the form to tie the message to it.
	Invalid  string
	Language string // the language the edit form shows after a refused save: what the user sent
	// LanguageWas is, after a refused save, the language the form showed before the user's edit
	// (see updateFromForm).
	LanguageWas string
	Limits      map[string]int // each field's limit in characters, for the edit form's counters
	Diff        *newsroom.Diff
	From, To    int

	QuoteHistory    map[int64][]newsroom.QuoteEvent // each quote's latest ledger events, oldest first
	QuoteOlder      map[int64]int                   // how many older events each quote has than it shows
	QuoteParagraphs map[int64]int                   // each quote's paragraph as readers number it, from 1

	WorkingCopy *newsroom.WorkingCopy // the viewer's own unsaved typing, when they may edit now
	Editors     []newsroom.Editor     // who else is editing the draft now
	Retry       *retryForm            // a refused form shown again with what the viewer typed in it
	NoticeLog   *noticeLog            // who was told what of the piece, when the viewer may read it
	Work        *workPanel            // who holds each desk of the piece and when it is due
	MayClaim    bool                  // whether the viewer may mark the piece as the fact-check of a claim
	Image       *newsroom.Image       // the piece's lead image, or nil
	Removed     *newsroom.Image       // the lead image last removed or replaced, which Undo brings back, when the viewer may

	// Folded is how many resolved threads the page leaves out of Comments, behind the control
	// that shows them, and Unfolded how many it shows; AllShown is whether it shows every one.
	// FoldedIDs are the ids of those it leaves out, by which the workspace's script tells a
	// thread folded from one deleted.
	Folded, Unfolded int
	AllShown         bool
	FoldedIDs        []int64
	// Shown is the query that shows the resolved threads the page shows ("resolved=1",
	// "comment=ID" or ""), which its comment forms send (as shown) for the page they return to.
	Shown string
}

// noticeLog is a piece's notification log as the History tab shows it.
type noticeLog struct {
	Entries []newsroom.NoticeLogEntry
}

// newDraftForm is the new-draft form: its text, and the token that makes one draft of it however
// often it is sent (see Store.CreateDraftOnce).
type newDraftForm struct {
	Text  newsroom.Text
	Token string
	// Invalid names the field a refusal is about, for the form to tie the message to it.
	Invalid string
}

func (s *Server) newDraftPage(c echo.Context) error {
	return s.render(c, http.StatusOK, "new", view{Title: "New draft", Data: newDraftForm{Token: formToken()}})
}

// createDraftPage makes the draft the new-draft form sends, once: the same form sent again
// shows the draft it made, saying so (and so, like "Draft created.", answering the send of the
// copy the browser kept of the form). A refused form is shown again with its text and a new token, so that
// sending it again is a new form. A form from before the token (a page open since before the
// server was upgraded) makes its draft as it did.
func (s *Server) createDraftPage(c echo.Context) error {
	text, err := textFromForm(c)
	token, made := c.FormValue("form_token"), true
	var d *newsroom.Draft
	switch {
	case err != nil:
	case token != "":
		d, made, err = s.store.CreateDraftOnce(c.Request().Context(), token, text)
	default:
		d, err = s.store.CreateDraft(c.Request().Context(), text)
	}
	if code := newsroom.ErrorCode(err); code == newsroom.EINVALID || code == newsroom.ECONFLICT {
		return s.render(c, statusOf[code], "new", view{Title: "New draft", Error: newsroom.ErrorMessage(err), Data: newDraftForm{Text: text, Token: formToken(), Invalid: invalidField(err)}})
	} else if err != nil {
		return err
	}
	if made {
		flash(c, "Draft created.")
	} else {
		flash(c, "This form had already created this draft.")
	}
	return redirect(c, draftURL(d.ID))
}

// invalidField is the field a refusal names in its detail "field", or "" when it names none.
func invalidField(err error) string {
	var e *newsroom.Error
	if !errors.As(err, &e) {
		return ""
	}
	field, _ := e.Details["field"].(string)
	return field
}

// formToken is a new random token for a form that creates something once.
func formToken() string {
	return rand.Text()
}

func (s *Server) showDraft(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	p, err := s.loadDraftPage(c, id)
	if err != nil {
		return err
	}
	return s.render(c, http.StatusOK, "draft", view{Title: p.Draft.Title, Data: p})
}

// draftPageHistory is how many revisions and audit entries the draft page shows at a time.
const draftPageHistory = 20

// loadDraftPage gathers the draft, what the viewer may do, its ledger, comments and history,
// and the diff the viewer asked for.
func (s *Server) loadDraftPage(c echo.Context, id int64) (*draftPage, error) {
	ctx := c.Request().Context()
	u := newsroom.UserFrom(ctx)
	d, err := s.store.GetDraft(ctx, id)
	if err != nil {
		return nil, err
	}
	p := &draftPage{Draft: d, Perm: s.store.Permissions(u, d), Form: d.Text(), Limits: fieldLimits}
	p.Editing, p.Based = c.QueryParam("edit") != "" && len(p.Perm.Fields) > 0, d.Version
	if p.Quotes, err = s.store.Quotes(ctx, id); err != nil {
		return nil, err
	}
	p.Brief = newsroom.CheckBrief(d.Text(), p.Quotes)
	shown := threadsShown(c)
	comments, resolved, err := s.store.PageComments(ctx, id, shown)
	if err != nil {
		return nil, err
	}
	if p.Comments, err = s.commentViews(ctx, u, d, comments); err != nil {
		return nil, err
	}
	unfolded := map[int64]bool{}
	for _, cm := range comments {
		if cm.Resolved {
			unfolded[cm.ID] = true
			p.Shown = "comment=" + strconv.FormatInt(cm.ID, 10)
		}
	}
	for _, rid := range resolved {
		if !unfolded[rid] {
			p.FoldedIDs = append(p.FoldedIDs, rid)
		}
	}
	p.AllShown, p.Folded, p.Unfolded = shown.All, len(p.FoldedIDs), len(unfolded)
	if shown.All {
		p.Shown = "resolved=1"
	}
	p.Threads = commentGroups(p.Comments)
	if p.Notice, err = s.store.PendingNote(ctx, id); err != nil {
		return nil, err
	}
	if p.Work, err = s.loadWork(ctx, u, d); err != nil {
		return nil, err
	}
	if p.Image, err = s.store.DraftImage(ctx, id); err != nil {
		return nil, err
	}
	if p.Perm.Image {
		if p.Removed, err = s.store.RemovedDraftImage(ctx, id); err != nil {
			return nil, err
		}
	}
	if p.Live, err = s.liveLinksFor(c, d); err != nil {
		return nil, err
	}
	p.MayClaim = s.store.Policy().Can(u, policy.DraftClaim, d.Writer.ID)
	p.Cursor = c.QueryParam("history")
	if p.History, err = s.store.History(ctx, id, newsroom.HistoryFilter{Limit: draftPageHistory, Cursor: p.Cursor}); err != nil {
		return nil, err
	}
	if p.QuoteHistory, p.QuoteOlder, err = s.quoteHistory(ctx, id, p.History, p.Cursor); err != nil {
		return nil, err
	}
	// The history's first page holds the version as saved; an older page of it does not.
	if p.Saved = savedVersion(p.History.Revisions, d.Version); p.Saved == nil {
		if p.Saved, err = s.store.RevisionSaved(ctx, id, d.Version); err != nil {
			return nil, err
		}
	}
	if s.store.Policy().CanSeeNoticeLog(u, d.Writer.ID) {
		p.NoticeLog = &noticeLog{}
		if p.NoticeLog.Entries, err = s.store.DraftNotifications(ctx, id); err != nil {
			return nil, err
		}
	}
	p.QuoteParagraphs = d.Text().QuoteParagraphs(p.Quotes)
	p.Fields = fieldViews(d.Text(), p.Quotes, comments)
	if err := s.loadEditing(ctx, p); err != nil {
		return nil, err
	}
	if kind := c.QueryParam("quotes"); kind != "" {
		if p.Kind, err = newsroom.ParseQuoteKind(kind); err != nil {
			return nil, err
		}
		p.Quotes = newsroom.QuotesOfKind(p.Quotes, p.Kind)
	}
	p.To, p.From = d.Version, max(1, d.Version-1)
	if c.QueryParam("to") != "" || c.QueryParam("from") != "" {
		p.From, _ = strconv.Atoi(c.QueryParam("from"))
		p.To, _ = strconv.Atoi(c.QueryParam("to"))
	}
	if p.From >= 1 && p.To >= 1 && p.From != p.To {
		if p.Diff, err = s.store.Diff(ctx, id, p.From, p.To); err != nil && newsroom.ErrorCode(err) != newsroom.ENOTFOUND {
			return nil, err
		}
	}
	return p, nil
}

// threadsShown is which resolved threads the draft page shows in full: all of them with
// ?resolved=1, or the one a link names with ?comment=ID (a notice's, the inbox's). Answering a
// comment form refused, it is those the form's page showed (its field shown), or else the
// thread the form is about (/comments/ID/…), so that the form comes back with what was typed.
func threadsShown(c echo.Context) store.ThreadsShown {
	q := c.QueryParams()
	if c.Request().Method == http.MethodPost {
		q, _ = url.ParseQuery(c.FormValue("shown"))
	}
	shown := store.ThreadsShown{All: q.Get("resolved") != ""}
	var err error
	if shown.One, err = strconv.ParseInt(q.Get("comment"), 10, 64); err != nil {
		shown.One, _ = strconv.ParseInt(c.Param("cid"), 10, 64)
	}
	return shown
}

// shownQuery is the query, with its "?", that shows again the resolved threads a comment form's
// page showed (see threadsShown), or "" for none.
func shownQuery(c echo.Context) string {
	switch shown := threadsShown(c); {
	case shown.All:
		return "?resolved=1"
	case shown.One > 0 && c.Param("cid") != strconv.FormatInt(shown.One, 10):
		return "?comment=" + strconv.FormatInt(shown.One, 10)
	}
	return ""
}

// FoldedList is FoldedIDs as the fold's data-folded gives them: ids apart by spaces.
func (p *draftPage) FoldedList() string {
	ids := make([]string, len(p.FoldedIDs))
	for i, id := range p.FoldedIDs {
		ids[i] = strconv.FormatInt(id, 10)
	}
	return strings.Join(ids, " ")
}

// CommentCount is the number of the draft's threads, those shown and those folded.
func (p *draftPage) CommentCount() int { return len(p.Comments) + p.Folded }

// ThreadsWaiting is the number of the page's threads that wait for the viewer's answer, which
// the Comments tab says, as the Quotes tab says the quotes left to check.
func (p *draftPage) ThreadsWaiting() int {
	n := 0
	for _, c := range p.Comments {
		if c.Waits {
			n++
		}
	}
	return n
}

// ActionsUsable reports whether the page's actions area holds anything the viewer can use: a
// workflow action, publishing, a correction, a desk to claim, assigning or due times, or the
// claim the piece checks. A phone shows that area after the text, and the Actions link over the
// text leads there whenever it does.
func (p *draftPage) ActionsUsable() bool {
	if len(p.Perm.Actions) > 0 || p.Perm.Publish || p.MayClaim || (p.Live != nil && p.Live.MayCorrect) {
		return true
	}
	w := p.Work
	return w != nil && (w.MayAssign || w.MayDeadline || slices.ContainsFunc(w.Desks, func(d deskSlot) bool { return d.MayClaim }))
}

// QuotesToCheck is the number of the ledger panel's quotes that wait for the viewer's check:
// unchecked and taken for quotations, where the viewer may check quotes; none otherwise. The
// Quotes tab says it, and a side pane with any opens on that tab.
func (p *draftPage) QuotesToCheck() int {
	if !p.Perm.CheckQuotes {
		return 0
	}
	n := 0
	for _, q := range p.Quotes {
		if q.Status == newsroom.QuoteUnchecked && q.NotQuote == nil {
			n++
		}
	}
	return n
}

// unmergedPage shows the text of one unmerged save, for its author to recover.
func (s *Server) unmergedPage(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	rid, err := idParam(c, "rid")
	if err != nil {
		return err
	}
	r, err := s.store.UnmergedRevision(c.Request().Context(), id, rid)
	if err != nil {
		return err
	}
	return s.render(c, http.StatusOK, "unmerged", view{Title: "Unmerged save", Data: r})
}

func (s *Server) editDraftPage(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	text, err := textFromForm(c)
	version, _ := strconv.Atoi(c.FormValue("version"))
	var upd newsroom.DraftUpdate
	if err == nil {
		upd, err = updateFromForm(c, &text, version)
	}
	var d *newsroom.Draft
	if err == nil {
		d, err = s.store.UpdateDraft(c.Request().Context(), id, upd)
	}
	if to := conflictURL(id, err); to != "" {
		warn(c, "Not saved yet: your save was based on an older version. Your text is kept.")
		return redirect(c, to)
	}
	switch newsroom.ErrorCode(err) {
	case "":
		flash(c, s.savedMessage(c, d, version, "Saved."))
		return redirect(c, draftURL(id))
	case newsroom.EINVALID, newsroom.ECONFLICT, newsroom.EFORBIDDEN:
		// Show the page again with the viewer's text in the form, so nothing typed is lost.
		p, lerr := s.loadDraftPage(c, id)
		if lerr != nil {
			return lerr
		}
		// The form keeps the version its text was based on, so that saving it again is never
		// taken for a save of a newer version.
		p.Form, p.Editing, p.Based, p.Refused, p.Invalid = text, len(p.Perm.Fields) > 0, version, true, invalidField(err)
		p.Language, p.LanguageWas = c.FormValue("language"), c.FormValue("language_was")
		msg := newsroom.ErrorMessage(err)
		switch {
		case !p.Editing && newsroom.ErrorCode(err) == newsroom.ECONFLICT:
			// The piece moved on while the viewer typed, to a stage where they may not edit (the
			// policy's conflict; a viewer who may edit it nowhere is forbidden): the page has no
			// form to put the text back in, so it shows the text on its own (see "unsaved" in
			// draft.html).
			msg = "Not saved: the piece moved to " + s.label(p.Draft.Stage) + ", where you cannot edit it. Your text is below."
		case !p.Editing:
			msg += ". Your text is below."
		}
		return s.render(c, http.StatusConflict, "draft", view{Title: p.Draft.Title, Error: msg, Data: p})
	}
	return err
}

func (s *Server) transitionPage(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	version, _ := strconv.Atoi(c.FormValue("version"))
	req := newsroom.TransitionRequest{Action: newsroom.Action(c.FormValue("action")), Note: c.FormValue("note"), Force: c.FormValue("force") == "on", Version: version}
	if err := s.unconfirmed(c, id, req.Action); err != nil {
		return s.afterAction(c, err, draftURL(id), "")
	}
	d, err := s.store.Transition(c.Request().Context(), id, req)
	if err == nil {
		// An action can take a piece out of its actor's sight (a fact-checker returning it to its
		// writer): its page would then be "not found", so the desk is where they go on.
		// The message names the piece there, which the desk lists among others.
		u := newsroom.UserFrom(c.Request().Context())
		done := s.store.Policy().Done(u, d, req.Action, strings.TrimSpace(req.Note) != "")
		if !s.store.Policy().CanSee(u, d.Writer.ID, d.Stage) {
			return s.afterAction(c, nil, "/desk", "“"+d.Title+"”: "+lowerFirst(done))
		}
		return s.afterAction(c, nil, draftURL(id), done)
	}
	if fixable(err) {
		return s.refusedForm(c, id, err, &retryForm{Form: "step-" + string(req.Action), Values: url.Values{"note": {req.Note}}})
	}
	return s.afterAction(c, err, draftURL(id), "")
}

// unconfirmed refuses a page's form for an action the workflow asks to confirm (it says confirm:)
// when the form's box was not ticked, once the viewer may take the action at all: otherwise the
// store's refusal, which the caller gets next, says why.
func (s *Server) unconfirmed(c echo.Context, id int64, action newsroom.Action) error {
	a, ok := s.store.Policy().Action(action)
	if !ok || a.Confirm == "" || c.FormValue("confirm") == "yes" {
		return nil
	}
	d, err := s.store.GetDraft(c.Request().Context(), id)
	if err != nil {
		return nil
	}
	if _, err := s.store.Policy().Step(newsroom.UserFrom(c.Request().Context()), d, action); err != nil {
		return nil
	}
	return newsroom.Errorf(newsroom.EINVALID, "tick the box to confirm: %s", a.Confirm)
}

func (s *Server) publishPage(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	var at time.Time
	action := policy.ActionPublish
	// The time to publish is read, as due times are, in the newsroom's time zone. A time already
	// gone is refused: the store would take it as a backdated publication, at once, where the
	// editor chose to wait (the API's at, by contrast, may backdate on purpose).
	zone := s.zone(c.Request().Context())
	// A time typed beside "publish now" is a wish to wait that the choice left unsaid (the
	// time's field is reached without ticking its choice): publishing at once would break it.
	if c.FormValue("when") != "schedule" && strings.TrimSpace(c.FormValue("at")) != "" {
		err := newsroom.Errorf(newsroom.EINVALID, "not published: a time to publish is given, but “publish now” is chosen; choose “schedule for” to publish at that time, or clear the time to publish now")
		return s.refusedForm(c, id, err, &retryForm{Form: "publish", Values: url.Values{"when": {"now"}, "at": {c.FormValue("at")}}})
	}
	if c.FormValue("when") == "schedule" {
		t, err := parseLocal("time to publish", c.FormValue("at"), zone)
		if err == nil && t == nil {
			err = newsroom.Errorf(newsroom.EINVALID, "give the time to publish as a date and time (%s)", zone)
		} else if err == nil && !t.After(s.store.Now()) {
			// In the hour the clocks repeat, a time typed during its second pass means that pass.
			if *t = secondReading(*t, s.store.Now()); !t.After(s.store.Now()) {
				err = newsroom.Errorf(newsroom.EINVALID, "the time to publish, %s, has passed: choose a later one, or publish now", t.In(zone).Format(zoneTime))
			}
		}
		if err != nil {
			return s.refusedForm(c, id, err, &retryForm{Form: "publish", Values: url.Values{"when": {"schedule"}, "at": {c.FormValue("at")}}})
		}
		at, action = *t, policy.ActionSchedule
	}
	if err := s.unconfirmed(c, id, action); err != nil {
		return s.afterAction(c, err, draftURL(id), "")
	}
	version, _ := strconv.Atoi(c.FormValue("version"))
	pub, err := s.store.Publish(c.Request().Context(), id, at, version)
	if fixable(err) {
		// A refusal the editor can answer (the piece was saved over since they read it) keeps
		// the choice and the time they typed, as a refused action keeps its note.
		return s.refusedForm(c, id, err, &retryForm{Form: "publish", Values: url.Values{"when": {c.FormValue("when")}, "at": {c.FormValue("at")}}})
	} else if err != nil {
		return s.afterAction(c, err, draftURL(id), "")
	}
	if s.store.Policy().IsScheduled(pub.Stage) {
		return s.afterAction(c, nil, draftURL(id), "Scheduled for "+pub.PublishedAt.In(zone).Format(zoneTime)+".")
	}
	article := publish.URLs(s.site(), pub.Slug)["html"]
	flashLink(c, article)
	return s.afterAction(c, nil, draftURL(id), "Published: readers see it at "+article+".")
}

// previewDraft shows the article exactly as publishing it now would, under a banner that says it
// is a preview and leads back to the draft.
func (s *Server) previewDraft(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	d, err := s.store.GetDraft(c.Request().Context(), id)
	if err != nil {
		return err
	}
	a := store.ArticleOf(d.Text())
	a.Slug, a.PublishedAt, a.Language = publish.ArticleSlug(d.Title, d.ID), s.store.Now(), d.Language
	a.Claim = store.ClaimReview(d.Claim)
	img, err := s.store.DraftImage(c.Request().Context(), id)
	if err != nil {
		return err
	}
	a.Image = store.PublishedImage(img)
	var b bytes.Buffer
	if err := publish.HTML(&b, s.site(), a); err != nil {
		return err
	}
	page, err := markPreview(b.Bytes(), draftURL(id))
	if err != nil {
		return err
	}
	c.Response().Header().Set("Cache-Control", "no-store")
	return c.HTMLBlob(http.StatusOK, page)
}

// afterAction ends a form post: back to the page with a message, or with the reason the action
// was refused. Errors that are not the viewer's to fix go to the error handler.
func (s *Server) afterAction(c echo.Context, err error, back, ok string) error {
	switch newsroom.ErrorCode(err) {
	case "":
		flash(c, ok)
	case newsroom.EINVALID, newsroom.ECONFLICT, newsroom.EFORBIDDEN, newsroom.ETOOMANY:
		warn(c, "Not done: "+newsroom.ErrorMessage(err))
	default:
		return err
	}
	return redirect(c, back)
}

// savedVersion is version as revs, a page of a draft's history, holds it: who saved it and
// when; nil when the page does not hold it.
func savedVersion(revs []newsroom.Revision, version int) *newsroom.Revision {
	for i := range revs {
		if !revs[i].Unmerged && revs[i].Version == version {
			return &revs[i]
		}
	}
	return nil
}

// ProblemText says a quote problem as the page shows it, counting as a reader does: paragraphs
// and the characters in them from 1. The quote finder's message, which the API gives, counts both
// from 0.
func (p *draftPage) ProblemText(pr newsroom.QuoteProblem) string {
	from0 := fmt.Sprintf("paragraph %d at position %d", pr.Paragraph, pr.Position)
	return strings.Replace(pr.Message, from0, fmt.Sprintf("paragraph %d at character %d", pr.Paragraph+1, pr.Position+1), 1)
}

// fieldLimits are the house limits of the fields the edit form counts (see newsroom.Validate).
var fieldLimits = map[string]int{
	"title": newsroom.MaxTitle, "byline": newsroom.MaxByline, "brief": newsroom.MaxBrief,
	"body": newsroom.MaxBody, "editor_comment": newsroom.MaxEditorComment,
}

// EditBody is the body as the edit form shows it: its paragraphs separated by a blank line, as
// they are spaced in the text.
func (p *draftPage) EditBody() string { return strings.ReplaceAll(p.Form.Body, "\n", "\n\n") }

// textFromForm reads a draft's text from a form. The body's paragraphs may be separated by blank
// lines, as the edit form shows them; the text keeps one paragraph per line. Topics of more lines
// than any list a request may hold (maxListItems, as in JSON) are refused before they are split,
// each of them a string, to be refused for their number: the text comes back with the error, its
// topics the lines as typed in one, so that the form shown again loses nothing typed.
func textFromForm(c echo.Context) (newsroom.Text, error) {
	text := newsroom.Text{Title: c.FormValue("title"), Byline: c.FormValue("byline"), Brief: c.FormValue("brief"),
		Body: paragraphs(c.FormValue("body")), EditorComment: c.FormValue("editor_comment")}
	lines, n := c.FormValue("topics"), 0
	for t := range strings.SplitSeq(lines, "\n") {
		if strings.TrimSpace(t) != "" {
			n++
		}
	}
	if n > maxListItems {
		text.Topics = []string{formLineEnds.Replace(lines)}
		return text, newsroom.Errorf(newsroom.EINVALID, "at most %d topics, got %d", newsroom.MaxTopics, n).With("field", "topics")
	}
	text.Topics = make([]string, 0, n)
	for t := range strings.SplitSeq(lines, "\n") {
		if t = strings.TrimSpace(t); t != "" {
			text.Topics = append(text.Topics, t)
		}
	}
	return text, nil
}

// paragraphs is a body typed into a form with one paragraph per line: its lines, whatever they
// end in, without the blank ones between them.
func paragraphs(body string) string {
	return newsroom.NonBlankLines(formLineEnds.Replace(body))
}

// formLineEnds turns the line ends a browser may send into "\n".
var formLineEnds = strings.NewReplacer("\r\n", "\n", "\r", "\n")

// updateFromForm is the change an edit form asks for. The form carries only the fields the
// viewer may edit in the draft's stage, so the fields it does not carry are left as they are.
// The page's script adds working_copy, the working copy its typing was last kept as on the
// server ("" for none), so that the save drops that copy and not one another tab kept since.
func updateFromForm(c echo.Context, text *newsroom.Text, version int) (newsroom.DraftUpdate, error) {
	posted := func(field string) bool {
		_, ok := c.Request().PostForm[field]
		return ok
	}
	upd := newsroom.DraftUpdate{Version: version}
	if posted("title") {
		upd.Title = &text.Title
	}
	if posted("byline") {
		upd.Byline = &text.Byline
	}
	if posted("brief") {
		upd.Brief = &text.Brief
	}
	if posted("body") {
		upd.Body = &text.Body
	}
	if posted("topics") {
		upd.Topics = &text.Topics
	}
	if posted("editor_comment") {
		upd.EditorComment = &text.EditorComment
	}
	// The form posts the language it showed with the one it sends: the save sets the language
	// only when the user changed it, so that a save made on an older version does not put back
	// the language that version had over one someone set since.
	if lang := c.FormValue("language"); posted("language") && (!posted("language_was") || lang != c.FormValue("language_was")) {
		upd.Language = &lang
	}
	at, named, err := savedAtParam(c, "working_copy")
	if named {
		upd.WorkingCopy = &at
	}
	return upd, err
}

// lowerFirst is s, a sentence, to follow a colon: its first letter in lower case.
func lowerFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToLower(r)) + s[n:]
}

func draftURL(id int64) string { return "/drafts/" + strconv.FormatInt(id, 10) }

func (s *Server) label(v any) string { return labelOf(s.store.Policy(), v) }

// queryString builds a query from key, value pairs, leaving out empty values.
func queryString(kv ...string) string {
	q := url.Values{}
	for i := 0; i+1 < len(kv); i += 2 {
		if kv[i+1] != "" {
			q.Set(kv[i], kv[i+1])
		}
	}
	return q.Encode()
}
