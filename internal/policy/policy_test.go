package policy_test

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"gorm.io/driver/sqlite"
	"gorm.io/gorm"
	"gorm.io/gorm/logger"

	"github.com/copydesk/copydesk/internal/newsroom"
	"github.com/copydesk/copydesk/internal/policy"
	"github.com/copydesk/copydesk/policies"
)

// The users of these tests: me (id 1) asks about a draft written by me or by someone else (id 2).
const (
	me      int64 = 1
	someone int64 = 2
)

var (
	roles  = []newsroom.Role{"writer", "factchecker", "editor", "admin"}
	stages = []newsroom.Stage{"draft", "fact_check", "editing", "approved", "scheduled", "published", "spiked"}
)

func defaultPolicy(t testing.TB) *policy.Policy {
	t.Helper()
	p, err := policy.Default()
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func user(role newsroom.Role) *newsroom.User { return &newsroom.User{ID: me, Role: role} }

func draftBy(writer int64, stage newsroom.Stage) *newsroom.Draft {
	return &newsroom.Draft{ID: 7, Stage: stage, Writer: newsroom.Person{ID: writer}}
}

// owners names the two relations a user can have to a draft, by the writer's id.
var owners = map[string]int64{"owner": me, "other": someone}

// step is one allowed (role, relation, action, stage) of the default workflow, written out by
// hand from today's rules rather than read from the file.
type step struct {
	role   newsroom.Role
	own    bool // only on a draft the user wrote
	action newsroom.Action
	from   []newsroom.Stage
}

var defaultSteps = []step{
	{"writer", true, "submit", []newsroom.Stage{"draft"}},
	{"factchecker", false, "return", []newsroom.Stage{"fact_check"}},
	{"factchecker", false, "clear", []newsroom.Stage{"fact_check"}},
	{"editor", false, "request_changes", []newsroom.Stage{"editing"}},
	{"editor", false, "recheck", []newsroom.Stage{"editing"}},
	{"editor", false, "approve", []newsroom.Stage{"editing"}},
	{"editor", false, "reopen", []newsroom.Stage{"approved"}},
	{"editor", false, "publish", []newsroom.Stage{"approved"}},
	{"editor", false, "schedule", []newsroom.Stage{"approved"}},
	{"editor", false, "unschedule", []newsroom.Stage{"scheduled"}},
	{"editor", false, "spike", []newsroom.Stage{"draft", "fact_check", "editing", "approved", "scheduled"}},
	{"editor", false, "restore", []newsroom.Stage{"spiked"}},
}

var defaultActions = []newsroom.Action{"submit", "return", "clear", "request_changes", "recheck", "approve", "reopen", "spike", "publish", "schedule", "unschedule", "release", "restore"}

// TestStepDefault walks every role × stage × action × (owner, other) of the default workflow:
// Step allows exactly the steps above; otherwise it answers EFORBIDDEN when the role may take
// the action on such a draft in no stage and ECONFLICT when only the stage is wrong.
func TestStepDefault(t *testing.T) {
	p := defaultPolicy(t)
	for _, role := range roles {
		for rel, writer := range owners {
			for _, action := range defaultActions {
				somewhere := slices.ContainsFunc(defaultSteps, func(s step) bool {
					return s.role == role && s.action == action && (!s.own || rel == "owner")
				})
				for _, stage := range stages {
					allowed := slices.ContainsFunc(defaultSteps, func(s step) bool {
						return s.role == role && s.action == action && (!s.own || rel == "owner") && slices.Contains(s.from, stage)
					})
					want := ""
					switch {
					case somewhere && !allowed:
						want = newsroom.ECONFLICT
					case !somewhere:
						want = newsroom.EFORBIDDEN
					}
					a, err := p.Step(user(role), draftBy(writer, stage), action)
					if got := newsroom.ErrorCode(err); err == nil && want != "" || err != nil && got != want {
						t.Errorf("%s (%s) %s from %s: error %v (%q), want %q", role, rel, action, stage, err, got, want)
					}
					if err == nil && a.Name != action {
						t.Errorf("%s (%s) %s from %s: returned action %q", role, rel, action, stage, a.Name)
					}
				}
			}
		}
	}
	if _, err := p.Step(user("editor"), draftBy(someone, "approved"), "bless"); newsroom.ErrorCode(err) != newsroom.EINVALID {
		t.Errorf("an unknown action: %v, want %s", err, newsroom.EINVALID)
	}
	disabled := &newsroom.User{ID: me, Role: "editor", Disabled: true}
	if _, err := p.Step(disabled, draftBy(someone, "editing"), "approve"); err == nil {
		t.Error("a disabled editor may approve")
	}
}

// defaultSees is who sees what in the default workflow, by hand: writers their own drafts in
// every stage, fact-checkers every draft from fact_check to published, editors and admins all.
func defaultSees(role newsroom.Role, own bool, stage newsroom.Stage) bool {
	switch role {
	case "writer":
		return own
	case "factchecker":
		return slices.Contains([]newsroom.Stage{"fact_check", "editing", "approved", "scheduled", "published"}, stage)
	}
	return role == "editor" || role == "admin"
}

// draftsDB is a SQLite database with a drafts table of one draft per stage and writer (me and
// someone), the columns Visible's condition reads.
type draftsDB struct{ db *gorm.DB }

func openDraftsDB(t testing.TB) *draftsDB {
	t.Helper()
	db, err := gorm.Open(sqlite.Open(filepath.Join(t.TempDir(), "drafts.db")), &gorm.Config{Logger: logger.Discard})
	if err != nil {
		t.Fatal(err)
	}
	if err := db.Exec("CREATE TABLE drafts (id INTEGER PRIMARY KEY, writer_id INTEGER NOT NULL, stage TEXT NOT NULL)").Error; err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if sqlDB, err := db.DB(); err == nil {
			sqlDB.Close()
		}
	})
	return &draftsDB{db: db}
}

// fill replaces the drafts with one per stage of p and writer.
func (d *draftsDB) fill(t testing.TB, p *policy.Policy) {
	t.Helper()
	if err := d.db.Exec("DELETE FROM drafts").Error; err != nil {
		t.Fatal(err)
	}
	for _, s := range p.Stages() {
		for _, w := range []int64{me, someone} {
			if err := d.db.Exec("INSERT INTO drafts (writer_id, stage) VALUES (?, ?)", w, string(s.Name)).Error; err != nil {
				t.Fatal(err)
			}
		}
	}
}

// visible lists the drafts Visible(u) selects, as "writer/stage".
func (d *draftsDB) visible(t testing.TB, p *policy.Policy, u *newsroom.User) []string {
	t.Helper()
	return d.selects(t, p.Visible(u))
}

// selects lists the drafts cond selects, as "writer/stage".
func (d *draftsDB) selects(t testing.TB, cond policy.Condition) []string {
	t.Helper()
	var rows []struct {
		WriterID int64
		Stage    string
	}
	if err := d.db.Table("drafts").Select("writer_id, stage").Where(cond.SQL, cond.Args...).Find(&rows).Error; err != nil {
		t.Fatalf("%q %v: %v", cond.SQL, cond.Args, err)
	}
	out := make([]string, 0, len(rows))
	for _, r := range rows {
		out = append(out, fmt.Sprintf("%d/%s", r.WriterID, r.Stage))
	}
	slices.Sort(out)
	return out
}

// seen lists the drafts of draftsDB that CanSee lets u see, as "writer/stage".
func seen(p *policy.Policy, u *newsroom.User) []string {
	var out []string
	for _, s := range p.Stages() {
		for _, w := range []int64{me, someone} {
			if p.CanSee(u, w, s.Name) {
				out = append(out, fmt.Sprintf("%d/%s", w, s.Name))
			}
		}
	}
	slices.Sort(out)
	return out
}

// TestVisibleAgrees checks, for every role × stage × (owner, other) of the default workflow,
// that CanSee gives today's answers and that Visible's SQL, run against SQLite, selects exactly
// the drafts CanSee allows; a disabled user sees nothing either way.
func TestVisibleAgrees(t *testing.T) {
	p := defaultPolicy(t)
	db := openDraftsDB(t)
	db.fill(t, p)
	for _, role := range roles {
		u := user(role)
		for rel, writer := range owners {
			for _, stage := range stages {
				if got, want := p.CanSee(u, writer, stage), defaultSees(role, rel == "owner", stage); got != want {
					t.Errorf("CanSee(%s, %s, %s) = %v, want %v", role, rel, stage, got, want)
				}
			}
		}
		if sql, goes := db.visible(t, p, u), seen(p, u); !slices.Equal(sql, goes) {
			t.Errorf("%s: Visible selects %v, CanSee allows %v", role, sql, goes)
		}
		off := &newsroom.User{ID: me, Role: role, Disabled: true}
		if sql, goes := db.visible(t, p, off), seen(p, off); len(sql) != 0 || len(goes) != 0 {
			t.Errorf("a disabled %s: Visible selects %v, CanSee allows %v", role, sql, goes)
		}
	}
}

// TestWaitingAgrees checks, for every role of the default workflow, that Waiting's SQL selects
// exactly the drafts on which CheckQuotes lets the role check quotes, at a stage that is no desk
// or at a desk MayHold lets the role hold; a disabled user none.
func TestWaitingAgrees(t *testing.T) {
	p := defaultPolicy(t)
	db := openDraftsDB(t)
	db.fill(t, p)
	waits := func(u *newsroom.User) []string {
		var out []string
		for _, s := range p.Stages() {
			for _, w := range []int64{me, someone} {
				if p.CheckQuotes(u, draftBy(w, s.Name), false) == nil && (!s.Desk || p.MayHold(u, w, s.Name)) {
					out = append(out, fmt.Sprintf("%d/%s", w, s.Name))
				}
			}
		}
		slices.Sort(out)
		return out
	}
	for _, role := range roles {
		for _, u := range []*newsroom.User{user(role), {ID: me, Role: role, Disabled: true}} {
			cond := p.Waiting(u)
			if sql, goes := db.selects(t, cond), waits(u); !slices.Equal(sql, goes) || cond.Never() != (len(goes) == 0) {
				t.Errorf("%s (disabled %v): Waiting selects %v (never: %v), CheckQuotes and MayHold allow %v", role, u.Disabled, sql, cond.Never(), goes)
			}
		}
	}
}

// TestWaiting checks, for every role of the default workflow, the drafts whose unchecked quotes
// wait on it: where it may check quotes, but at a desk only if it works that desk, so that an
// editor's inbox does not list the fact-checkers' pool.
func TestWaiting(t *testing.T) {
	p := defaultPolicy(t)
	db := openDraftsDB(t)
	db.fill(t, p)
	tests := []struct {
		role newsroom.Role
		want []string
	}{
		{"writer", nil},
		{"factchecker", []string{"1/fact_check", "1/published", "2/fact_check", "2/published"}},
		{"editor", []string{"1/approved", "1/editing", "1/published", "2/approved", "2/editing", "2/published"}},
		{"admin", nil},
	}
	for _, tt := range tests {
		t.Run(string(tt.role), func(t *testing.T) {
			cond := p.Waiting(user(tt.role))
			if got := db.selects(t, cond); !slices.Equal(got, tt.want) || cond.Never() != (len(tt.want) == 0) {
				t.Errorf("Waiting selects %v (never: %v), want %v", got, cond.Never(), tt.want)
			}
			if got := db.selects(t, p.Waiting(&newsroom.User{ID: me, Role: tt.role, Disabled: true})); len(got) != 0 {
				t.Errorf("disabled: Waiting selects %v, want none", got)
			}
		})
	}
}

// TestFieldsDefault checks the fields each role may change in each stage of the default
// workflow: writers their own drafts' text in draft, editors everything in editing.
func TestFieldsDefault(t *testing.T) {
	p := defaultPolicy(t)
	text := []string{"title", "byline", "brief", "body", "topics"}
	for _, role := range roles {
		for rel, writer := range owners {
			for _, stage := range stages {
				var want []string
				switch {
				case role == "writer" && rel == "owner" && stage == "draft":
					want = text
				case role == "editor" && stage == "editing":
					want = append(slices.Clone(text), "editor_comment")
				}
				if got := p.Fields(user(role), draftBy(writer, stage)); !slices.Equal(got, want) {
					t.Errorf("Fields(%s, %s, %s) = %v, want %v", role, rel, stage, got, want)
				}
			}
		}
	}
}

// TestCheckImageDefault checks that whoever may edit a draft's text in its stage, and only they,
// may set its lead image, and that the refusal says whether the stage or the role is wrong.
func TestCheckImageDefault(t *testing.T) {
	p := defaultPolicy(t)
	for _, role := range roles {
		for rel, writer := range owners {
			for _, stage := range stages {
				want := ""
				switch {
				case role == "writer" && rel == "owner" && stage == "draft", role == "editor" && stage == "editing":
				case role == "editor", role == "writer" && rel == "owner":
					want = newsroom.ECONFLICT
				default:
					want = newsroom.EFORBIDDEN
				}
				d := draftBy(writer, stage)
				if got := newsroom.ErrorCode(p.CheckImage(user(role), d)); got != want {
					t.Errorf("CheckImage(%s, %s, %s) = %q, want %q", role, rel, stage, got, want)
				}
				if perm := p.Permissions(user(role), d); perm.Image != (want == "") {
					t.Errorf("Permissions(%s, %s, %s).Image = %v", role, rel, stage, perm.Image)
				}
			}
		}
	}
}

// TestCheckQuotesDefault checks who may check and waive quotes in each stage of the default
// workflow, and that the refusal says whether the stage or the role is wrong.
func TestCheckQuotesDefault(t *testing.T) {
	p := defaultPolicy(t)
	check := map[newsroom.Role][]newsroom.Stage{
		"factchecker": {"fact_check", "published"},
		"editor":      {"fact_check", "editing", "approved", "published"},
	}
	waive := map[newsroom.Role][]newsroom.Stage{"editor": {"fact_check", "editing", "approved", "published"}}
	for _, role := range roles {
		for _, stage := range stages {
			for _, tt := range []struct {
				waive bool
				may   map[newsroom.Role][]newsroom.Stage
			}{{false, check}, {true, waive}} {
				want := newsroom.EFORBIDDEN
				switch {
				case slices.Contains(tt.may[role], stage):
					want = ""
				case len(tt.may[role]) > 0:
					want = newsroom.ECONFLICT
				}
				err := p.CheckQuotes(user(role), draftBy(someone, stage), tt.waive)
				if got := newsroom.ErrorCode(err); err == nil && want != "" || err != nil && got != want {
					t.Errorf("CheckQuotes(%s, %s, waive %v) = %v, want %q", role, stage, tt.waive, err, want)
				}
			}
		}
	}
}

// tiny is the smallest workflow Parse accepts; the broken files below change one thing in it.
const tiny = `roles:
  writer:
    desk: [draft]
stages:
  draft:
    see: [writer]
    edit:
      writer: [title]
  published:
    kind: published
    see: [writer]
actions:
  publish:
    from: [draft]
    to: published
    by: [writer]
grants:
  draft:create: [writer]
`

// TestParseBroken checks that each kind of mistake in a workflow file stops Parse with an error
// that names the file and the line the mistake is on.
func TestParseBroken(t *testing.T) {
	if _, err := policy.Parse("tiny.yaml", []byte(tiny)); err != nil {
		t.Fatalf("the tiny workflow: %v", err)
	}
	tests := []struct {
		name     string
		old, new string
		want     string
	}{
		{"UnknownRole", "    see: [writer]\n    edit:", "    see: [writer, ghost]\n    edit:", `tiny.yaml:6: stage draft see: unknown role "ghost"`},
		{"StageNoActionReaches", "  published:\n", "  limbo:\n    see: [writer]\n  published:\n", "tiny.yaml:9: stage limbo: no action leads to it"},
		{"PublishedUnreachable", "    see: [writer]\nactions:\n  publish:\n    from: [draft]", "    see: [writer]\n  limbo:\n    see: [writer]\nactions:\n  loop:\n    from: [limbo]\n    to: limbo\n    by: [writer]\n  publish:\n    from: [limbo]", "tiny.yaml:9: stage published: no path of actions leads to it from draft"},
		{"UnknownGate", "    by: [writer]\n", "    by: [writer]\n    gates: [coffee]\n", `tiny.yaml:17: action publish: unknown gate "coffee"`},
		{"ActionWithoutRoles", "    by: [writer]\n", "", "tiny.yaml:13: action publish: no roles"},
		{"ActionWithEmptyBy", "    by: [writer]\n", "    by:\n", "tiny.yaml:13: action publish: no roles"},
		{"ActionWithEmptyFrom", "    from: [draft]\n", "    from:\n", "tiny.yaml:13: action publish: no from"},
		{"GrantWithNoRoles", "  draft:create: [writer]", "  draft:create:", "tiny.yaml:18: grants: draft:create: no roles"},
		{"UnknownField", "writer: [title]", "writer: [title, colour]", `tiny.yaml:8: stage draft edit: unknown field "colour"`},
		{"DuplicateKey", "    see: [writer]\n    edit:", "    see: [writer]\n    see: [writer]\n    edit:", `tiny.yaml:7: stage draft names "see" twice (first on line 6)`},
		{"NoPublishedStage", "    kind: published\n", "", "tiny.yaml:1: no stage is kind: published"},
		{"UnknownStageInAction", "    to: published", "    to: printed", `tiny.yaml:15: unknown stage "printed"`},
		{"UnknownSetting", "    desk: [draft]", "    desk: [draft]\n    colour: red", `tiny.yaml:4: role writer: unknown setting "colour"`},
		{"UnknownStageInDesk", "    desk: [draft]", "    desk: [draft,\n      printed]", `tiny.yaml:4: unknown stage "printed"`},
		{"UnknownGateOnItsLine", "    by: [writer]\n", "    by: [writer]\n    gates:\n      - note\n      - coffee\n", `tiny.yaml:19: action publish: unknown gate "coffee"`},
		{"FirstStagePublished", "  draft:\n    see", "  draft:\n    kind: published\n    see", "tiny.yaml:5: stage draft: new drafts start in the first stage"},
		{"EditPublished", "    kind: published\n    see: [writer]\n", "    kind: published\n    see: [writer]\n    edit:\n      writer: [body]\n", "tiny.yaml:13: stage published: a published piece's text is not edited"},
		{"OtherActionIntoPublished", "grants:", "  shortcut:\n    from: [draft]\n    to: published\n    by: [writer]\ngrants:", "tiny.yaml:17: action shortcut: only publish (and the system's release) lead to the published stage"},
		{"ActionOutOfPublished", "grants:", "  withdraw:\n    from: [published]\n    to: draft\n    by: [writer]\ngrants:", "tiny.yaml:17: action withdraw: nothing leads out of the published stage"},
		{"ActsWhereItCannotSee", "    see: [writer]\n    edit:\n      writer: [title]", "    see: [writer:own]\n    edit:\n      writer: [title]", "tiny.yaml:8: stage draft edit: writer does not see those drafts in stage draft"},
		{"DeskItCannotSee", "roles:\n  writer:\n    desk: [draft]", "roles:\n  boss:\n    desk: [published]\n  writer:\n    desk: [draft]", "tiny.yaml:3: role boss: its desk lists stage published, which it does not see"},
		{"OwnOnOwnerlessGrant", "  draft:create: [writer]", "  draft:create: [writer:own]", `tiny.yaml:18: grants draft:create: "writer:own": nobody owns`},
		{"NoteOnPublish", "    by: [writer]\n", "    by: [writer]\n    gates: [required_fields, note]\n", "tiny.yaml:13: action publish is taken with a time"},
		{"NobodyWrites", "grants:\n  draft:create: [writer]\n", "", "tiny.yaml:1: no role may write a draft"},
		{"ExplainOnTwoLines", "    by: [writer]\n", "    by: [writer]\n    explain: |\n      Readers see it.\n      At once.\n", "tiny.yaml:17: action publish: explain is one line"},
		{"ExplainTooLong", "    by: [writer]\n", "    by: [writer]\n    explain: " + strings.Repeat("very ", 41) + "\n", "tiny.yaml:17: action publish: explain is one line of at most 200 characters"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := strings.Replace(tiny, tt.old, tt.new, 1)
			if src == tiny {
				t.Fatalf("%q is not in the tiny workflow", tt.old)
			}
			_, err := policy.Parse("tiny.yaml", []byte(src))
			if err == nil || !strings.HasPrefix(err.Error(), tt.want) {
				t.Errorf("Parse: %v\nwant an error starting %q", err, tt.want)
			}
		})
	}
}

// FuzzParse feeds Parse variations of the default workflow: it must never panic, and a workflow
// it accepts must answer visibility the same way in Go and in SQL for users of every role.
func FuzzParse(f *testing.F) {
	f.Add([]byte(policies.Workflow))
	f.Add([]byte(tiny))
	db := openDraftsDB(f)
	f.Fuzz(func(t *testing.T, src []byte) {
		p, err := policy.Parse("fuzz.yaml", src)
		if err != nil {
			return
		}
		db.fill(t, p)
		for _, r := range p.Roles() {
			for _, u := range []*newsroom.User{{ID: me, Role: r.Name}, {ID: someone, Role: r.Name}, {ID: me, Role: r.Name, Disabled: true}} {
				if sql, goes := db.visible(t, p, u), seen(p, u); !slices.Equal(sql, goes) {
					t.Errorf("%s (user %d): Visible selects %v, CanSee allows %v", r.Name, u.ID, sql, goes)
				}
			}
		}
	})
}

// TestParseEmptySettings: a setting written with nothing after it, like "gates:", is a list of
// no names, as "gates: []" is; it is not one name that is empty.
func TestParseEmptySettings(t *testing.T) {
	src := strings.Replace(tiny, "    by: [writer]\n", "    by: [writer]\n    gates:\n", 1)
	p, err := policy.Parse("tiny.yaml", []byte(src))
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	if a, _ := p.Action(policy.ActionPublish); len(a.Gates) != 0 {
		t.Fatalf("publish has gates %v, want none", a.Gates)
	}
}

// TestActionNamesStayApart names workflow actions after the grants and the stages' rules
// (create, import, see, edit): taking such an action is all they give, never what the grant or
// rule of the same name does.
func TestActionNamesStayApart(t *testing.T) {
	src := strings.Replace(policies.Workflow, "\ngrants:", `
  create:
    from: [editing]
    to: editing
    by: [factchecker]
  import:
    from: [editing]
    to: editing
    by: [factchecker]
  see:
    from: [fact_check]
    to: fact_check
    by: [factchecker]
  edit:
    from: [fact_check]
    to: fact_check
    by: [factchecker]

grants:`, 1)
	p, err := policy.Parse("names.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	checker := &newsroom.User{ID: me, Role: newsroom.RoleFactChecker}
	if p.Can(checker, policy.DraftCreate, 0) || p.Can(checker, policy.DraftImport, 0) {
		t.Error("an action named create or import let a fact-checker write or import drafts")
	}
	for _, st := range []newsroom.Stage{newsroom.StageDraft, newsroom.StageSpiked} {
		if p.CanSee(checker, someone, st) {
			t.Errorf("an action named see let a fact-checker see drafts in %s", st)
		}
	}
	d := &newsroom.Draft{Stage: newsroom.StageFactCheck, Writer: newsroom.Person{ID: someone}}
	if fields := p.Fields(checker, d); len(fields) != 0 {
		t.Errorf("an action named edit let a fact-checker edit %v", fields)
	}
	if _, err := p.Step(checker, d, "edit"); err != nil {
		t.Errorf("the action named edit itself: %v", err)
	}
	writer := &newsroom.User{ID: me, Role: newsroom.RoleWriter}
	own := func(st newsroom.Stage) *newsroom.Draft {
		return &newsroom.Draft{Stage: st, Writer: newsroom.Person{ID: me}}
	}
	for _, c := range []struct {
		action newsroom.Action
		stage  newsroom.Stage
	}{{"create", newsroom.StageEditing}, {"import", newsroom.StageEditing}, {"see", newsroom.StageFactCheck}, {"edit", newsroom.StageFactCheck}} {
		if _, err := p.Step(writer, own(c.stage), c.action); newsroom.ErrorCode(err) != newsroom.EFORBIDDEN {
			t.Errorf("a writer took the fact-checkers' action %s on their own draft in %s: %v", c.action, c.stage, err)
		}
	}
}

// TestExplain checks the line each action shows under its button: the file's explain, or one
// saying which stage the piece moves to, by the stage's label.
func TestExplain(t *testing.T) {
	labelled := strings.Replace(tiny, "    kind: published\n", "    label: Live\n    kind: published\n", 1)
	explained := strings.Replace(tiny, "    by: [writer]\n", "    by: [writer]\n    explain: Readers see it at once.\n", 1)
	tests := []struct {
		name, src string
		action    newsroom.Action
		want      string
	}{
		{"DefaultWorkflow", policies.Workflow, "approve", "The piece is ready to publish or schedule, and its text is locked."},
		{"Restore", policies.Workflow, "restore", "The piece goes back to its writer as a draft."},
		{"NoExplain", tiny, "publish", "The piece moves to published."},
		{"NoExplainStageLabelled", labelled, "publish", "The piece moves to Live."},
		{"Explained", explained, "publish", "Readers see it at once."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := policy.Parse("workflow.yaml", []byte(tt.src))
			if err != nil {
				t.Fatal(err)
			}
			a, ok := p.Action(tt.action)
			if !ok || a.Explain != tt.want {
				t.Fatalf("explain of %s = %q, want %q", tt.action, a.Explain, tt.want)
			}
		})
	}
}

// TestCanSeeNoticeLogDefault holds who may read a draft's notification log: its writer, and
// editors and admins, never another writer or a fact-checker, nor a disabled user.
func TestCanSeeNoticeLogDefault(t *testing.T) {
	p := defaultPolicy(t)
	may := map[string][]newsroom.Role{"owner": {"writer", "factchecker", "editor", "admin"}, "other": {"editor", "admin"}}
	for rel, writer := range owners {
		for _, role := range roles {
			want := slices.Contains(may[rel], role)
			if got := p.CanSeeNoticeLog(user(role), writer); got != want {
				t.Errorf("CanSeeNoticeLog(%s, %s's draft) = %v, want %v", role, rel, got, want)
			}
		}
	}
	if p.CanSeeNoticeLog(&newsroom.User{ID: me, Role: "editor", Disabled: true}, someone) {
		t.Error("a disabled editor may read the log")
	}
}

// TestPermissionsMore: a page offers, among its main actions, each way forward and the way back
// that goes furthest back; a second way back and an action asked to be confirmed that does not
// move a piece towards publication (spiking) go under More, unless nothing would be left in the
// row. The ways forward lead the row, before the way back, whatever order the workflow declares
// them in. The workflows are the default one and the default one changed: a writer asked to
// confirm sending a piece on, and the ways back from Editing declared in the other order.
func TestPermissionsMore(t *testing.T) {
	src := string(policies.Workflow)
	confirmSubmit := strings.Replace(src, "    gates: [required_fields]\n  return:",
		"    gates: [required_fields]\n    confirm: Send it? You cannot edit it while it is checked.\n  return:", 1)
	requestChanges := src[strings.Index(src, "  request_changes:\n"):strings.Index(src, "  recheck:\n")]
	recheck := src[strings.Index(src, "  recheck:\n"):strings.Index(src, "  approve:\n")]
	recheckFirst := strings.Replace(src, requestChanges+recheck, recheck+requestChanges, 1)
	if confirmSubmit == src || recheckFirst == src {
		t.Fatal("the default workflow no longer has the actions these cases change")
	}
	for _, tc := range []struct {
		name       string
		src        string
		role       newsroom.Role
		writer     int64
		stage      newsroom.Stage
		main, more string
	}{
		{"Default", src, "writer", me, "draft", "submit", ""},
		{"Default", src, "factchecker", someone, "fact_check", "clear return", ""},
		{"Default", src, "editor", someone, "editing", "approve request_changes", "recheck spike"},
		{"Default", src, "editor", someone, "approved", "reopen", "spike"},
		{"Default", src, "editor", someone, "scheduled", "unschedule", "spike"},
		{"Default", src, "editor", someone, "spiked", "restore", ""},
		{"OnlyConfirmedLeft", src, "editor", someone, "draft", "spike", ""},
		{"OnlyConfirmedLeft", src, "editor", someone, "fact_check", "spike", ""},
		{"ConfirmedForward", confirmSubmit, "writer", me, "draft", "submit", ""},
		{"ConfirmedForward", confirmSubmit, "editor", someone, "draft", "spike", ""},
		{"WaysBackReordered", recheckFirst, "editor", someone, "editing", "approve request_changes", "recheck spike"},
	} {
		t.Run(fmt.Sprintf("%s/%s/%s", tc.name, tc.role, tc.stage), func(t *testing.T) {
			p, err := policy.Parse("workflow.yaml", []byte(tc.src))
			if err != nil {
				t.Fatal(err)
			}
			var main, more []string
			for _, o := range p.Permissions(user(tc.role), draftBy(tc.writer, tc.stage)).Actions {
				if o.More {
					more = append(more, string(o.Action))
				} else {
					main = append(main, string(o.Action))
				}
			}
			if got := strings.Join(main, " "); got != tc.main {
				t.Errorf("main actions %q, want %q", got, tc.main)
			}
			if got := strings.Join(more, " "); got != tc.more {
				t.Errorf("actions under More %q, want %q", got, tc.more)
			}
		})
	}
}
