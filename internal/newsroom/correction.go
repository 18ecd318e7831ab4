package newsroom

// CheckCorrectionNote checks the public note of a correction, which tells readers what was
// corrected: not blank, and within MaxNote.
func CheckCorrectionNote(note string) error {
	return requireNote(note, "a correction needs a public note saying what was corrected")
}
