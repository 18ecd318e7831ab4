package newsroom

// Stage is where a draft stands in the workflow. The newsroom's workflow file names its stages
// (see internal/policy); the constants below are the default workflow's.
type Stage string

// The stages of the default workflow.
const (
	StageDraft     Stage = "draft"
	StageFactCheck Stage = "fact_check"
	StageEditing   Stage = "editing"
	StageApproved  Stage = "approved"
	StageScheduled Stage = "scheduled"
	StagePublished Stage = "published"
	StageSpiked    Stage = "spiked"
)

// Action is a workflow step that moves a draft from one stage to another. The workflow file
// names the actions; the constants below are the default workflow's.
type Action string

// The actions of the default workflow.
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

// TransitionRequest is a workflow action as a user asks for it. Force takes an action over
// unresolved comments; it needs a note. Version, when given, is the version of the draft the
// user read before acting (see CheckRead).
type TransitionRequest struct {
	Action  Action `json:"action"`
	Note    string `json:"note"`
	Force   bool   `json:"force"`
	Version int    `json:"version,omitempty"`
}

// CheckRead refuses, ECONFLICT, an action on a draft that its actor took having read version
// read of it, when current is its version now: an approval or a publication is of a text, and
// one decided on a version someone has saved over since would lock or publish words nobody who
// acted read. A request that names no version (read 0) is taken on whatever version is current;
// one below 0 names no version there could be, and is refused EINVALID.
func CheckRead(read, current int) error {
	if read < 0 {
		return Errorf(EINVALID, "the version you read is %d: versions start at 1", read).With("field", "version")
	}
	if read == 0 || read == current {
		return nil
	}
	return Errorf(ECONFLICT, "someone saved the piece while you read it (it is at version %d, you acted on version %d): read it again before you act on it",
		current, read).With("current_version", current)
}

// Offer is a workflow action as a page offers it: its label, whether it needs a note, whether
// it may be forced over open comments, and the question to confirm it with, if any.
type Offer struct {
	Action       Action
	Label        string
	NoteRequired bool
	Forceable    bool
	Confirm      string
	Explain      string // what happens next, in one line
	// More is whether a page offers the action folded with the rarely taken ones: a second way
	// back, or one asked to be confirmed that does not move the piece towards publication, when
	// another action is left in the row.
	More bool
}

// Permissions says what a user may do to a draft right now: the policy's answer, which the
// pages use to show only the forms that would succeed.
type Permissions struct {
	Actions     []Offer  // workflow actions open now (publishing and scheduling are in Publish)
	Fields      []string // the fields they may change (none: they may not edit it now)
	Image       bool     // they may set or remove the lead image
	CheckQuotes bool
	WaiveQuotes bool
	Comment     bool
	Reply       bool
	Publish     bool
	Schedule    bool
}
