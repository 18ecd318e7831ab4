package newsroom

// Stage is where a draft stands in the workflow.
type Stage string

// The stages a draft passes through.
const (
	StageDraft     Stage = "draft"
	StageFactCheck Stage = "fact_check"
	StageEditing   Stage = "editing"
	StageApproved  Stage = "approved"
	StageScheduled Stage = "scheduled"
	StagePublished Stage = "published"
	StageSpiked    Stage = "spiked"
)

// Stages lists every stage in workflow order.
var Stages = []Stage{StageDraft, StageFactCheck, StageEditing, StageApproved, StageScheduled, StagePublished, StageSpiked}

// ParseStage checks that s names a stage.
func ParseStage(s string) (Stage, error) {
	for _, st := range Stages {
		if string(st) == s {
			return st, nil
		}
	}
	return "", Errorf(EINVALID, "unknown stage %q", s)
}

// Action is a workflow step that moves a draft from one stage to another.
type Action string

// The workflow actions.
const (
	ActionSubmit         Action = "submit"
	ActionReturn         Action = "return"
	ActionClear          Action = "clear"
	ActionRequestChanges Action = "request_changes"
	ActionRecheck        Action = "recheck"
	ActionApprove        Action = "approve"
	ActionReopen         Action = "reopen"
	ActionSpike          Action = "spike"
	ActionPublish        Action = "publish"
	ActionSchedule       Action = "schedule"
	ActionUnschedule     Action = "unschedule"
	ActionRelease        Action = "release"
)

// transition is one row of the workflow table: an action, the stages it may start from, where it
// leads, and whether the actor must say why.
type transition struct {
	from         []Stage
	to           Stage
	noteRequired bool
}

// workflow is the state machine: the single place that says which stage allows which action.
// Who may take an action is Casbin's answer (see internal/authz), not this table's.
var workflow = map[Action]transition{
	ActionSubmit:         {from: []Stage{StageDraft}, to: StageFactCheck},
	ActionReturn:         {from: []Stage{StageFactCheck}, to: StageDraft, noteRequired: true},
	ActionClear:          {from: []Stage{StageFactCheck}, to: StageEditing},
	ActionRequestChanges: {from: []Stage{StageEditing}, to: StageDraft, noteRequired: true},
	ActionRecheck:        {from: []Stage{StageEditing}, to: StageFactCheck},
	ActionApprove:        {from: []Stage{StageEditing}, to: StageApproved},
	ActionReopen:         {from: []Stage{StageApproved}, to: StageEditing},
	ActionSpike:          {from: []Stage{StageDraft, StageFactCheck, StageEditing, StageApproved, StageScheduled}, to: StageSpiked},
	ActionPublish:        {from: []Stage{StageApproved}, to: StagePublished},
	ActionSchedule:       {from: []Stage{StageApproved}, to: StageScheduled},
	ActionUnschedule:     {from: []Stage{StageScheduled}, to: StageApproved},
	// ActionRelease is the server's own: it makes a scheduled piece public when its time comes.
	ActionRelease: {from: []Stage{StageScheduled}, to: StagePublished},
}

// Actions lists every workflow action in table order.
var Actions = []Action{
	ActionSubmit, ActionReturn, ActionClear, ActionRequestChanges, ActionRecheck,
	ActionApprove, ActionReopen, ActionSpike, ActionPublish, ActionSchedule, ActionUnschedule, ActionRelease,
}

// ParseAction checks that s names a workflow action.
func ParseAction(s string) (Action, error) {
	if _, ok := workflow[Action(s)]; ok {
		return Action(s), nil
	}
	return "", Errorf(EINVALID, "unknown action %q", s)
}

// Next returns the stage that action leads to from stage from. It fails with ECONFLICT when the
// action is not allowed from that stage, and with EINVALID when the action needs a note and has
// none.
func Next(from Stage, action Action, note string) (Stage, error) {
	t, ok := workflow[action]
	if !ok {
		return "", Errorf(EINVALID, "unknown action %q", action)
	}
	if !allowedFrom(t, from) {
		return "", Errorf(ECONFLICT, "cannot %s a draft in stage %s", action, from)
	}
	if t.noteRequired && isBlank(note) {
		return "", Errorf(EINVALID, "%s needs a note saying why", action)
	}
	return t.to, nil
}

// Allowed reports whether action may be taken from stage from, ignoring notes.
func Allowed(from Stage, action Action) bool {
	t, ok := workflow[action]
	return ok && allowedFrom(t, from)
}

func allowedFrom(t transition, from Stage) bool {
	for _, s := range t.from {
		if s == from {
			return true
		}
	}
	return false
}

// EditableStage returns the stage in which a role may change a draft's text: writers in draft,
// editors in editing. Other roles never edit, and ok is false.
func EditableStage(r Role) (s Stage, ok bool) {
	switch r {
	case RoleWriter:
		return StageDraft, true
	case RoleEditor:
		return StageEditing, true
	}
	return "", false
}

// TransitionRequest is a workflow action as a user asks for it. Force approves over unresolved
// comments; it needs a note.
type TransitionRequest struct {
	Action Action `json:"action"`
	Note   string `json:"note"`
	Force  bool   `json:"force"`
}

// Permissions says what a user may do to a draft right now: the answer of the state machine
// and the policy together, which the pages use to show only the forms that would succeed.
type Permissions struct {
	Actions          []Action // workflow actions open now (publish and scheduling are in Publish)
	Edit             bool
	SetEditorComment bool
	CheckQuotes      bool
	WaiveQuotes      bool
	Comment          bool
	Reply            bool
	Publish          bool
}
