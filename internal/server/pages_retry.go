package server

import (
	"errors"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/copydesk/copydesk/internal/newsroom"
)

// retryForm is a form of the draft page that the store refused, shown again with what the viewer
// typed in it: Form names the form ("correct", "edit-comment-3", "reply-3") and Values holds the
// fields to put back, as they were sent. Field, if set, names the field the refusal is about,
// for the form to put its message beside.
type retryForm struct {
	Form   string
	Values url.Values
	Field  string
}

// Typed is what the viewer typed in field of form when the page is shown again after that form
// was refused with the field among those put back; otherwise it is fallback.
func (p *draftPage) Typed(form, field, fallback string) string {
	if !p.Retrying(form) || !p.Retry.Values.Has(field) {
		return fallback
	}
	return p.Retry.Values.Get(field)
}

// Retrying reports whether the page is shown again after form was refused.
func (p *draftPage) Retrying(form string) bool {
	return p.Retry != nil && p.Retry.Form == form
}

// RefusedField is the field of form a refusal is about when the page is shown again after that
// form was refused, or "".
func (p *draftPage) RefusedField(form string) string {
	if !p.Retrying(form) {
		return ""
	}
	return p.Retry.Field
}

// Picked reports whether value was among the values sent in field of form when the page is shown
// again after that form was refused; otherwise it is fallback.
func (p *draftPage) Picked(form, field, value string, fallback bool) bool {
	if !p.Retrying(form) {
		return fallback
	}
	return slices.Contains(p.Retry.Values[field], value)
}

// refusedForm answers a form of draft id's page that the store refused for a reason the viewer
// can fix: the page again, with the refusal's status and message and what the viewer typed back
// in the form (retry), so that nothing typed is lost. Any other error goes to the error handler.
func (s *Server) refusedForm(c echo.Context, id int64, err error, retry *retryForm) error {
	code := newsroom.ErrorCode(err)
	switch code {
	case newsroom.EINVALID, newsroom.ECONFLICT, newsroom.EFORBIDDEN, newsroom.EUNSUPPORTED, newsroom.ETOOLARGE:
	default:
		return err
	}
	p, lerr := s.loadDraftPage(c, id)
	if lerr != nil {
		return lerr
	}
	return s.renderRefused(c, p, err, retry)
}

// renderRefused is refusedForm's answer once the page p is loaded: p with err's status and
// message, and retry, if not nil, the form shown again with what the viewer typed in it.
func (s *Server) renderRefused(c echo.Context, p *draftPage, err error, retry *retryForm) error {
	code := newsroom.ErrorCode(err)
	p.Retry = retry
	msg := newsroom.ErrorMessage(err)
	if retry != nil && strings.HasPrefix(retry.Form, "step-") {
		msg = withHowToAdd(err, p.Perm.Fields)
	}
	return s.render(c, statusOf[code], "draft", view{Title: p.Draft.Title, Error: msg, Data: p})
}

// withHowToAdd is err's message with, after the refusal of a step for the parts the piece lacks,
// how to add them (see howToAdd), in its place among the refusals a joined one says.
func withHowToAdd(err error, fields []string) string {
	var e *newsroom.Error
	if !errors.As(err, &e) {
		return newsroom.ErrorMessage(err)
	}
	parts := e.Parts
	if len(parts) == 0 {
		parts = []*newsroom.Error{e}
	}
	msgs := make([]string, len(parts))
	for i, r := range parts {
		msgs[i] = r.Message
		if how := howToAdd(r, fields); how != "" {
			msgs[i] += ": " + how
			if i == len(parts)-1 {
				msgs[i] += "."
			}
		}
	}
	return newsroom.JoinMessages(msgs)
}

// howToAdd is what a refusal of a step for the parts the piece lacks (e's detail "missing")
// adds for a viewer who may change fields: how to add them, when they may change every one.
func howToAdd(e *newsroom.Error, fields []string) string {
	missing, _ := e.Details["missing"].([]string)
	if len(missing) == 0 {
		return ""
	}
	for _, f := range missing {
		if !slices.Contains(fields, f) {
			return ""
		}
	}
	if len(missing) == 1 {
		return "add it with Edit, then try again"
	}
	return "add them with Edit, then try again"
}

// fixable reports whether err refuses a form for something the viewer can change in it (a name,
// a missing note, the text moved on), rather than for who they are: only then is the form worth
// showing again with what they typed; a refusal of the viewer goes back as a flash.
func fixable(err error) bool {
	code := newsroom.ErrorCode(err)
	return code == newsroom.EINVALID || code == newsroom.ECONFLICT
}

// refusedComment answers a form of a comment's thread that the store refused: the draft's page
// again with what was typed (see refusedForm), or, when the form names no draft, as afterComment
// does.
func (s *Server) refusedComment(c echo.Context, err error, retry *retryForm) error {
	id, perr := strconv.ParseInt(c.FormValue("draft"), 10, 64)
	if perr != nil {
		return s.afterComment(c, nil, err, "")
	}
	return s.refusedForm(c, id, err, retry)
}
