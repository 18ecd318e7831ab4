package newsroom

import "strings"

// PendingNote returns the note sent back with a piece that its viewer has yet to see acted on, or
// nil: the newest transition in audit (an entry that moved the piece from one stage to another),
// when it led into stage, carried a note and was taken by someone other than the viewer, and no
// version of the piece was saved after it. A save or a later transition is the writer acting on
// the note; a save kept unmerged after a conflict is not a version.
func PendingNote(audit []AuditEntry, revisions []Revision, stage Stage, viewerID int64) *AuditEntry {
	var last *AuditEntry
	for i := range audit {
		e := &audit[i]
		if e.From == "" || e.From == e.To {
			continue
		}
		if last == nil || e.At.After(last.At) || e.At.Equal(last.At) && e.ID > last.ID {
			last = e
		}
	}
	if last == nil || last.To != stage || strings.TrimSpace(last.Note) == "" || last.Actor.ID == viewerID {
		return nil
	}
	for _, r := range revisions {
		if !r.Unmerged && r.CreatedAt.After(last.At) {
			return nil
		}
	}
	return last
}
