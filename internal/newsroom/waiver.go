package newsroom

// A waiver lets an editor publish despite a disputed quote. It needs two things: a quote that is
// disputed, since an unchecked one must be checked and a verified or unverifiable one holds
// nothing back that a waiver could lift, and a note saying why, which the ledger's history keeps.

// CheckWaiverNote checks the note of a waiver: not blank, and within MaxNote.
func CheckWaiverNote(note string) error {
	return requireNote(note, "a waiver needs a note saying why")
}

// CheckWaivable refuses a waiver of quote id, whose status is status, unless it is disputed.
func CheckWaivable(id int64, status QuoteStatus) error {
	if status != QuoteDisputed {
		return Errorf(ECONFLICT, "only a disputed quote can be waived; quote %d is %s", id, status)
	}
	return nil
}
