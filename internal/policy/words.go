package policy

import (
	"fmt"
	"strings"

	"github.com/copydesk/copydesk/internal/newsroom"
)

// The words the policy's refusals are written in: people by their role's label, steps and
// stages by theirs, and the other acts in plain words, so that a refusal a page shows reads as
// a sentence ("an editor cannot edit a draft at “Fact-check”") and not as the policy's names.

// actWords are the named acts outside the steps, as a refusal says them after "may not".
var actWords = map[string]string{
	DraftCreate:    "start drafts",
	DraftImport:    "import drafts",
	CommentCreate:  "comment",
	CommentReply:   "reply to comments",
	CommentResolve: "resolve comments",
	ArticleCorrect: "correct published pieces",
	UserManage:     "manage users",
	MetricsRead:    "read the metrics",
	DraftAssign:    "assign pieces",
	DraftDeadline:  "set due times",
	BudgetRead:     "read the story budget",
	SettingsManage: "change the newsroom's settings",
	DraftClaim:     "claim pieces",
	draftSee:       "see this piece",
	draftEdit:      "edit drafts",
	quoteCheck:     "check quotes",
	quoteWaive:     "waive disputed quotes",
	deskHold:       "hold a desk",
}

// forbidden is EFORBIDDEN for u, who may not do act.
func (p *Policy) forbidden(u *newsroom.User, act string) error {
	return newsroom.Errorf(newsroom.EFORBIDDEN, "%s may not %s", p.someone(u), p.doing(act))
}

// someone names u by their role, with its article: "an editor", "a fact-checker".
func (p *Policy) someone(u *newsroom.User) string {
	if u == nil {
		return "someone signed out"
	}
	return p.RoleWords(u.Role)
}

// RoleWords names one holder of role, with its article and in the workflow's words: "an
// editor", "a fact-checker".
func (p *Policy) RoleWords(role newsroom.Role) string {
	name := strings.ReplaceAll(string(role), "_", " ")
	if r, ok := p.Role(role); ok && r.Label != "" {
		name = strings.ToLower(r.Label)
	}
	return article(name) + " " + name
}

// doing says act after "may not": a step by its label, a field as changing it, the other acts
// in words.
func (p *Policy) doing(act string) string {
	if w, ok := actWords[act]; ok {
		return w
	}
	if name, ok := strings.CutPrefix(act, "step:"); ok {
		return "take the step " + p.stepWords(newsroom.Action(name))
	}
	if f, ok := strings.CutPrefix(act, "field:"); ok {
		return "change " + fieldWords(f)
	}
	return strings.ReplaceAll(act, ":", " ")
}

// stepWords names an action by its label, in quotation marks.
func (p *Policy) stepWords(action newsroom.Action) string {
	if a, ok := p.Action(action); ok && a.Label != "" {
		return "“" + a.Label + "”"
	}
	return "“" + string(action) + "”"
}

// StageWords names a stage by its label, in quotation marks.
func (p *Policy) StageWords(stage newsroom.Stage) string {
	if s, ok := p.Stage(stage); ok && s.Label != "" {
		return "“" + s.Label + "”"
	}
	return "“" + string(stage) + "”"
}

// fieldWords names a draft's field as a sentence does: "the brief", "the Editor's Comments".
func fieldWords(field string) string {
	if field == "editor_comment" {
		return "the Editor's Comments"
	}
	return "the " + strings.ReplaceAll(field, "_", " ")
}

// article is "an" before a word that sounds a vowel first, as far as its spelling says, and
// "a" before any other: "an editor", "a writer", "a user".
func article(word string) string {
	w := strings.ToLower(word)
	switch {
	case w == "":
		return "a"
	case strings.HasPrefix(w, "u") && !strings.HasPrefix(w, "us") && !strings.HasPrefix(w, "uni") && !strings.HasPrefix(w, "uti"),
		strings.ContainsRune("aeio", rune(w[0])), strings.HasPrefix(w, "hour"), strings.HasPrefix(w, "honest"):
		return "an"
	}
	return "a"
}

// conflictf is ECONFLICT in the policy's words: format's first verb is who u is.
func (p *Policy) conflictf(u *newsroom.User, format string, args ...any) error {
	return newsroom.Errorf(newsroom.ECONFLICT, "%s %s", p.someone(u), fmt.Sprintf(format, args...))
}
