package newsroom

import (
	"strings"
	"unicode"

	"github.com/rivo/uniseg"
)

// The steps of a piece's history that change its lead image. Their notes name the images they
// took away and put in place (ImageNote), so the history says who changed a colleague's image,
// to what, and when.
const (
	StepSetImage     = "set_image"     // an image was uploaded to a piece that had none
	StepReplaceImage = "replace_image" // an image was uploaded in place of the piece's image
	StepRemoveImage  = "remove_image"  // the piece's image was taken away
	StepRestoreImage = "restore_image" // the image last taken away was brought back
)

// The lengths, in characters as a reader counts them (grapheme clusters: a flag, an emoji of
// joined ones, a letter with its marks), an image is named by in a history: its file's name as kept, and
// its alt text as quoted there (the whole of it stays with the image).
const (
	MaxImageFileName = 120
	maxImageNoteAlt  = 80
)

// ImageStep reports whether step changes a piece's lead image: its note finishes the history's
// sentence ("Replaced the lead image photo.jpg with harbour.png") rather than being quoted.
func ImageStep(step string) bool {
	switch step {
	case StepSetImage, StepReplaceImage, StepRemoveImage, StepRestoreImage:
		return true
	}
	return false
}

// ImageFileName cleans what an uploader's browser called an image's file into the name a
// history shows: the last part of any path, composed (NFC), without control, noncharacter or
// invisible characters (a bidirectional override could make "gpj.exe" read as "exe.jpg") but for
// the joiners U+200C and U+200D, which Persian, Indic scripts and emoji spell words with, its
// spaces trimmed, and cut in the middle to MaxImageFileName characters so its extension stays.
func ImageFileName(raw string) string {
	if i := strings.LastIndexAny(raw, `/\`); i >= 0 {
		raw = raw[i+1:]
	}
	clean := strings.Map(func(r rune) rune {
		if r == unicode.ReplacementChar || unicode.IsControl(r) || isNoncharacter(r) || invisible(r) && !joiner(r) {
			return -1
		}
		if unicode.IsSpace(r) {
			return ' '
		}
		return r
	}, strings.ToValidUTF8(raw, ""))
	return clipMiddle(strings.TrimSpace(Composed(clean)), MaxImageFileName)
}

// ImageLabel is how a history names an image: its file's name, if it has one, and its alt text
// quoted and cut to maxImageNoteAlt characters, `harbour.png (“Boats at dusk”)`, between U+2068
// FIRST STRONG ISOLATE and U+2069 POP DIRECTIONAL ISOLATE, so that a right-to-left name or alt
// text keeps to its label in the note's sentence, and a page can find each label to isolate it.
func ImageLabel(fileName, alt string) string {
	quoted := "“" + clipEnd(alt, maxImageNoteAlt) + "”"
	if fileName != "" {
		quoted = fileName + " (" + quoted + ")"
	}
	return "\u2068" + quoted + "\u2069"
}

// ImageNote is the note of an image step: the label of the image it took away (gone) and of the
// one it put in its place (put), each "" for none, in the words that follow the step's.
func ImageNote(step, gone, put string) string {
	switch {
	case step == StepReplaceImage:
		return gone + " with " + put
	case step == StepRestoreImage && gone != "":
		return put + " in place of " + gone
	case step == StepRemoveImage:
		return gone
	}
	return put
}

// joiner reports whether r is U+200C ZERO WIDTH NON-JOINER or U+200D ZERO WIDTH JOINER.
func joiner(r rune) bool { return r == '\u200C' || r == '\u200D' }

// graphemes splits s into its grapheme clusters (UAX #29), the characters a reader sees, so that
// a cut keeps a flag's two letters, an emoji's joined parts and a letter's marks together.
// golang.org/x/text has no grapheme segmentation; github.com/rivo/uniseg implements UAX #29 and
// its tests, without dependencies of its own.
func graphemes(s string) []string {
	var out []string
	state := -1
	for s != "" {
		var c string
		c, s, _, state = uniseg.FirstGraphemeClusterInString(s, state)
		out = append(out, c)
	}
	return out
}

// clipEnd cuts s to max characters, the last of them an ellipsis, and closes the embeddings and
// isolates s or its cut leaves open before it (see closeDirections).
func clipEnd(s string, max int) string {
	g := graphemes(s)
	if len(g) <= max {
		return closeDirections(s)
	}
	return closeDirections(strings.TrimSpace(strings.Join(g[:max-1], ""))) + "…"
}

// clipMiddle cuts s to max characters by taking out its middle for an ellipsis, so that its end
// (a file's extension) stays.
func clipMiddle(s string, max int) string {
	g := graphemes(s)
	if len(g) <= max {
		return s
	}
	tail := max / 3
	return strings.Join(g[:max-1-tail], "") + "…" + strings.Join(g[len(g)-tail:], "")
}
