package newsroom

import "time"

// WorkingCopy is one user's unsaved typing in a draft, kept on the server so that they can go on
// from another machine. It is not a revision: it records nothing in the history, only its user
// reads it, and their next save of the draft clears it. BaseVersion is the version the typing
// started from; Text is what was typed, as sent (it is normalized when it is saved).
type WorkingCopy struct {
	DraftID     int64     `json:"draft_id"`
	BaseVersion int       `json:"base_version"`
	Text        Text      `json:"text"`
	SavedAt     time.Time `json:"saved_at"`
}

// EditingWindow is how long after a user last saved their working copy of a draft they still
// count as editing it: a page saves one every few seconds while its viewer types.
const EditingWindow = 30 * time.Second

// Editor is someone else editing a draft now: At is when their working copy was last saved.
type Editor struct {
	Person Person    `json:"person"`
	At     time.Time `json:"at"`
}

// LiveState is what a draft's page polls for: the draft's stage and version, when the draft last
// changed (a save or a workflow action) and who saved that version, whether the viewer may edit
// it in that stage, and who else is editing it. A page shown at another stage offers forms the
// stage no longer allows, so the stage lets it say so before the viewer's next save is refused.
type LiveState struct {
	Stage     Stage     `json:"stage"`
	Editable  bool      `json:"editable"`
	Version   int       `json:"version"`
	UpdatedAt time.Time `json:"updated_at"`
	UpdatedBy *Person   `json:"updated_by"`
	Editors   []Editor  `json:"editors"`
}
