package newsroom

// CheckCorrectionNote checks the public note of a correction, which tells readers what was
// corrected: not blank, within MaxNote, and, since every public format carries it, without the
// characters a piece's text may not hold (see checkControls). Its line breaks pass: every format
// writes the note on one line, each break as a space.
func CheckCorrectionNote(note string) error {
	if err := requireNote(note, "a correction needs a public note saying what was corrected"); err != nil {
		return err
	}
	return checkControls("the correction's note", lineBreaks.Replace(note), false)
}
