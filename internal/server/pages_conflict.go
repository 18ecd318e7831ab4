package server

import (
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/copydesk/copydesk/internal/merge"
	"github.com/copydesk/copydesk/internal/newsroom"
	"github.com/copydesk/copydesk/internal/store"
)

// conflictPage is what the conflict page shows: a stale save merged again with the version it
// crossed, field by field, each conflict beside the viewer's choice for it.
type conflictPage struct {
	*store.StaleSave
	Fields []conflictField
}

// conflictField is one field of the merge, with its label, in runs of merged paragraphs and
// conflicts.
type conflictField struct {
	Label string
	Parts []conflictPart
}

// conflictPart is a run of merged paragraphs or, when N is above 0, conflict number N: the
// paragraphs of its place in each text, the place in words, and the viewer's choice, what to
// keep and the words of their own edit.
type conflictPart struct {
	Paragraphs         []string
	N                  int
	Place              string
	Base, Theirs, Mine []string
	Keep, Edit         string
}

// conflictLabels are the headings of the merge's fields.
var conflictLabels = map[string]string{
	"title": "Title", "byline": "Byline", "brief": "Brief", "body": "Body", "editor_comment": "Editor's Comments",
}

// newConflictPage lays out a stale save's merge with the choices made so far (none on first
// showing, when each edit starts from the viewer's own words).
func newConflictPage(ss *store.StaleSave, choices []merge.Choice) *conflictPage {
	p := &conflictPage{StaleSave: ss}
	for _, f := range ss.Merge.Fields {
		field := conflictField{Label: conflictLabels[f.Name]}
		for _, part := range f.Parts {
			cp := conflictPart{Paragraphs: part.Paragraphs, N: part.Conflict}
			if part.Conflict > 0 {
				cf := ss.Merge.Conflicts[part.Conflict-1]
				cp.Place, cp.Edit = cf.Place, cf.Mine
				cp.Base, cp.Theirs, cp.Mine = paragraphsOf(cf.Base), paragraphsOf(cf.Theirs), paragraphsOf(cf.Mine)
				if part.Conflict <= len(choices) {
					cp.Keep, cp.Edit = choices[part.Conflict-1].Keep, choices[part.Conflict-1].Text
				}
			}
			field.Parts = append(field.Parts, cp)
		}
		if len(field.Parts) > 0 {
			p.Fields = append(p.Fields, field)
		}
	}
	return p
}

// paragraphsOf splits a conflict's text into its paragraphs.
func paragraphsOf(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(s, "\n")
}

// conflictsPage shows an unmerged save beside the version it crossed, for its author to settle.
func (s *Server) conflictsPage(c echo.Context) error {
	id, rid, err := unmergedParams(c)
	if err != nil {
		return err
	}
	ss, err := s.store.StaleSave(c.Request().Context(), id, rid)
	if err != nil {
		return toKeptText(c, id, rid, err)
	}
	return s.render(c, http.StatusOK, "conflict", view{Title: "Settle the conflicts", Data: newConflictPage(ss, nil)})
}

// toKeptText answers a stale save that cannot be merged to settle (store.StaleSave refuses one
// that outgrew a field as invalid) with the page of its kept text, saying why, so that its author
// can still copy what they typed; any other error is returned as it is.
func toKeptText(c echo.Context, id, rid int64, err error) error {
	if newsroom.ErrorCode(err) != newsroom.EINVALID {
		return err
	}
	warn(c, "Not merged: "+newsroom.ErrorMessage(err)+".")
	return redirect(c, fmt.Sprintf("%s/unmerged/%d", draftURL(id), rid))
}

// resolveConflictsPage saves the text the viewer's choices make of an unmerged save; the server
// builds it from the kept save, so no stale text is ever posted as current.
func (s *Server) resolveConflictsPage(c echo.Context) error {
	id, rid, err := unmergedParams(c)
	if err != nil {
		return err
	}
	ctx := c.Request().Context()
	version, _ := strconv.Atoi(c.FormValue("version"))
	choices := choicesFromForm(c)
	d, err := s.store.ResolveStaleSave(ctx, id, rid, version, choices)
	switch code := newsroom.ErrorCode(err); code {
	case "":
		flash(c, s.savedMessage(c, d, version, "Saved the merged text."))
		return redirect(c, draftURL(id))
	case newsroom.ECONFLICT, newsroom.EINVALID, newsroom.EFORBIDDEN:
		if to := conflictURL(id, err); to != "" {
			warn(c, "Not saved yet: the draft changed again in the same words. Choose again.")
			return redirect(c, to)
		}
		ss, lerr := s.store.StaleSave(ctx, id, rid)
		if lerr != nil {
			return toKeptText(c, id, rid, lerr)
		}
		status := statusOf[code]
		return s.render(c, status, "conflict", view{Title: "Settle the conflicts", Error: newsroom.ErrorMessage(err), Data: newConflictPage(ss, choices)})
	}
	return err
}

// unmergedParams reads a draft's id and an unmerged revision's id from the path.
func unmergedParams(c echo.Context) (id, rid int64, err error) {
	if id, err = idParam(c, "id"); err != nil {
		return 0, 0, err
	}
	rid, err = idParam(c, "rid")
	return id, rid, err
}

// choicesFromForm reads the choice made for each conflict: choice-N is theirs, mine or edit,
// and edit-N the viewer's own words. The form says how many conflicts it shows.
func choicesFromForm(c echo.Context) []merge.Choice {
	n, _ := strconv.Atoi(c.FormValue("conflicts"))
	n = max(0, min(n, len(c.Request().PostForm)))
	choices := make([]merge.Choice, n)
	for i := range choices {
		key := strconv.Itoa(i + 1)
		choices[i] = merge.Choice{Keep: c.FormValue("choice-" + key), Text: strings.ReplaceAll(c.FormValue("edit-"+key), "\r\n", "\n")}
	}
	return choices
}

// conflictURL is where a save refused as stale goes next: the page settling its conflicts, or,
// when it could not be merged at all, the page of its kept text; "" for any other refusal.
func conflictURL(id int64, err error) string {
	var e *newsroom.Error
	if !errors.As(err, &e) || e.Code != newsroom.ECONFLICT {
		return ""
	}
	rid, ok := e.Details["unmerged_revision"].(int64)
	if !ok {
		return ""
	}
	if _, merged := e.Details["conflicts"]; merged {
		return fmt.Sprintf("%s/unmerged/%d/merge", draftURL(id), rid)
	}
	return fmt.Sprintf("%s/unmerged/%d", draftURL(id), rid)
}

// savedMessage is the flash after a save made on version that saved d: plain when d is the next
// version, and naming whose version it was merged with when the draft had moved on.
func (s *Server) savedMessage(c echo.Context, d *newsroom.Draft, version int, plain string) string {
	if d.Version == version+1 {
		return plain
	}
	r, err := s.store.Revision(c.Request().Context(), d.ID, d.Version-1)
	if err != nil {
		return fmt.Sprintf("Saved, merged with version %d.", d.Version-1)
	}
	return fmt.Sprintf("Saved, merged with version %d by %s.", r.Version, r.Author.Name)
}
