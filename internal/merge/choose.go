package merge

import "github.com/copydesk/copydesk/internal/newsroom"

// What a user may keep of a conflict.
const (
	KeepTheirs = "theirs"
	KeepMine   = "mine"
	KeepEdit   = "edit"
)

// Choice is what the user chose for one conflict: its theirs, its mine, or Text, the user's own
// words for the conflict's paragraphs.
type Choice struct {
	Keep string
	Text string
}

// Choose resolves every conflict by the user's choices, one per conflict in order, and returns
// the text they make. A missing or unknown choice is refused with EINVALID naming the conflict.
func (r *Result) Choose(choices []Choice) (newsroom.Text, error) {
	if len(choices) != len(r.Conflicts) {
		return newsroom.Text{}, newsroom.Errorf(newsroom.EINVALID, "choose what to keep for each of the %d conflicts", len(r.Conflicts))
	}
	texts := make([]string, len(choices))
	for i, ch := range choices {
		switch ch.Keep {
		case KeepTheirs:
			texts[i] = r.Conflicts[i].Theirs
		case KeepMine:
			texts[i] = r.Conflicts[i].Mine
		case KeepEdit:
			texts[i] = ch.Text
		default:
			return newsroom.Text{}, newsroom.Errorf(newsroom.EINVALID, "choose what to keep for conflict %d: theirs, yours or your edit", i+1)
		}
	}
	return r.Resolve(texts)
}
