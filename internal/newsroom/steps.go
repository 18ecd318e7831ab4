package newsroom

// The steps of a piece's history that are not the workflow's actions: the store writes them in
// the audit trail beside the actions, as it does StepRateClaim and the steps of who works a piece
// (StepAssign…), which pages tell in sentences of their own.
const (
	StepCreate         = "create"          // a writer started the piece
	StepImport         = "import"          // the piece came in from a file
	StepMerge          = "merge"           // a save made on an older version was merged with the newer
	StepCorrect        = "correct"         // a published piece was corrected, and republished
	StepHoldCorrection = "hold_correction" // a correction waits for its quotes' checks
	StepResolveComment = "resolve_comment"
	StepReopenComment  = "reopen_comment"
	StepEditComment    = "edit_comment"
	StepDeleteComment  = "delete_comment"
)

// stepWords are the history's words for each step that is not a workflow action.
var stepWords = map[string]string{
	StepCreate:         "Created",
	StepImport:         "Imported",
	StepMerge:          "Merged a save made on an older version",
	StepCorrect:        "Corrected after publishing",
	StepHoldCorrection: "Correction held until its quotes are checked",
	StepResolveComment: "Resolved a comment",
	StepReopenComment:  "Reopened a comment",
	StepEditComment:    "Edited a comment",
	StepDeleteComment:  "Deleted a comment",
	StepRateClaim:      "Changed the claim this piece checks",
	StepSetImage:       "Added the lead image",
	StepReplaceImage:   "Replaced the lead image",
	StepRemoveImage:    "Removed the lead image",
	StepRestoreImage:   "Restored the lead image",
}

// StepWords is how a piece's history says step, one of the steps that are not the workflow's
// actions, in plain words; false for any other name.
func StepWords(step string) (string, bool) {
	w, ok := stepWords[step]
	return w, ok
}
