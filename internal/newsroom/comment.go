package newsroom

import (
	"fmt"
	"strings"
	"time"

	"golang.org/x/text/unicode/norm"
)

// CommentFields are the fields a comment can sit on.
var CommentFields = []string{"title", "brief", "body", "editor_comment"}

// Field returns the text of one commentable field; the body is its paragraphs joined with "\n".
func (t Text) Field(name string) (string, error) {
	switch name {
	case "title":
		return t.Title, nil
	case "brief":
		return t.Brief, nil
	case "body":
		return t.Body, nil
	case "editor_comment":
		return t.EditorComment, nil
	}
	return "", Errorf(EINVALID, "field must be one of %s, not %q", strings.Join(CommentFields, ", "), name)
}

// MaxComment is the longest comment or reply, in code points.
const MaxComment = 10000

// MaxCommentQuote is the most code points a comment may be on. Every save finds each open
// comment's words again, and a longer quote makes that search slower for little use: a comment
// on more than a few paragraphs is a comment on the piece.
const MaxCommentQuote = 2000

// MaxOpenComments is the most open threads one piece may have, and MaxReplies the most replies
// one thread may have. A long piece worked hard by a whole desk has a few dozen threads and a
// long argument a few dozen replies; these are ten times that. Every open thread is found again
// on every save and shown on the draft page, so without a bound one person, or a faulty
// integration, could make a piece too slow to save and too heavy to open for everyone on it.
const (
	MaxOpenComments = 500
	MaxReplies      = 200
)

// CheckOpenComments refuses one more open thread on a piece that has open of them.
func CheckOpenComments(open int) error {
	if open >= MaxOpenComments {
		return Errorf(ECONFLICT, "this piece has %d open comments; resolve some before adding more", open)
	}
	return nil
}

// MaxThreads is the most threads one piece may ever hold, open and resolved, and MaxCommentText
// the most code points its comments, the words they are on and its replies may hold in all. The
// caps above bound what is open; these bound what a piece keeps, since a resolved thread is
// still read with every view of the draft, and without them 500 open threads of 200 replies of
// 10,000 characters, resolved and started again, let one person put gigabytes of text on a
// piece. A piece a whole desk worked for weeks holds a few hundred threads and some 100,000
// code points of them; these are several times that, and the draft page of a piece at both
// bounds still opens in a few seconds.
const (
	MaxThreads     = 2000
	MaxCommentText = 1000000
)

// CommentTotals is what a piece's comments hold: its threads, open and resolved, and the code
// points of their text, the words they are on and their replies.
type CommentTotals struct {
	Threads int64
	Text    int64
}

// CheckCommentTotals refuses a change that adds threads and text code points to a piece whose
// comments hold t, when it would take them past MaxThreads or MaxCommentText. A change that adds
// nothing is never refused, so that a piece over a bound can still be trimmed.
func CheckCommentTotals(t CommentTotals, threads, text int64) error {
	if threads > 0 && t.Threads+threads > MaxThreads {
		return Errorf(EINVALID, "this piece holds %d comments, open and resolved, the most one piece may; reply in one of its threads instead", t.Threads)
	}
	if text > 0 && t.Text+text > MaxCommentText {
		return Errorf(EINVALID, "this piece's comments and replies hold %d characters, and these %d would take them past %d, the most one piece may hold; say it in fewer words", t.Text, text, MaxCommentText)
	}
	return nil
}

// CheckReplies refuses one more reply in a thread that has replies of them.
func CheckReplies(replies int) error {
	if replies >= MaxReplies {
		return Errorf(ECONFLICT, "this thread has %d replies, the most it can hold; resolve it and start a new comment", replies)
	}
	return nil
}

// Anchor is where a comment's words are: a range of code points in the field's text (the body
// is its paragraphs joined with "\n") and the words there, in the text of version Version. An
// open comment follows its words through every save, so the current text holds them there too;
// a resolved one keeps the place it was resolved at, which later versions may fill with other
// words, until it is reopened and its words are found again; a detached one keeps the version
// its words were last in.
type Anchor struct {
	Start   int    `json:"start"`
	End     int    `json:"end"`
	Exact   string `json:"exact"`
	Version int    `json:"version"`
}

// Comment is an inline comment on a draft with its thread. Quote keeps the words as first
// commented, for display when the comment is detached (its words are gone) or moved (its words
// were edited and it followed them).
type Comment struct {
	ID         int64      `json:"id"`
	DraftID    int64      `json:"draft_id"`
	Field      string     `json:"field"`
	Body       string     `json:"body"`
	Anchor     Anchor     `json:"anchor"`
	Quote      string     `json:"quote"`
	Detached   bool       `json:"detached"`
	Moved      bool       `json:"moved"`
	Resolved   bool       `json:"resolved"`
	ResolvedBy *Person    `json:"resolved_by,omitempty"`
	ResolvedAt *time.Time `json:"resolved_at,omitempty"`
	Author     Person     `json:"author"`
	CreatedAt  time.Time  `json:"created_at"`
	EditedAt   *time.Time `json:"edited_at,omitempty"`
	Replies    []Reply    `json:"replies"`
}

// Reply is one message in a comment's thread, with the people it was addressed to.
type Reply struct {
	ID        int64     `json:"id"`
	Author    Person    `json:"author"`
	Body      string    `json:"body"`
	Addressed []Person  `json:"addressed"`
	CreatedAt time.Time `json:"created_at"`
}

// NewReply is what it takes to reply: the text, and the usernames of the people it is
// addressed to (none, or up to MaxAddressees who may see the draft).
type NewReply struct {
	Body string   `json:"body"`
	To   []string `json:"to"`
}

// MaxAddressees is the most usernames a reply may be addressed to: more than a desk holds, and
// few enough that looking each up and telling each stays small.
const MaxAddressees = 50

// Validate checks a reply: its text (see CheckCommentBody), and at most MaxAddressees names in
// To, each counted as sent, as the API document's maxItems counts them.
func (r NewReply) Validate() error {
	if err := CheckCommentBody(r.Body); err != nil {
		return err
	}
	if len(r.To) > MaxAddressees {
		return Errorf(EINVALID, "a reply can be addressed to at most %d people, got %d", MaxAddressees, len(r.To))
	}
	return nil
}

// CommentChange is a change a comment's author may make to it: CommentEdit or CommentDelete.
type CommentChange string

// The changes to a comment.
const (
	CommentEdit   CommentChange = "edit"
	CommentDelete CommentChange = "delete"
)

func (c CommentChange) past() string {
	if c == CommentEdit {
		return "edited"
	}
	return "deleted"
}

// CheckCommentChange says whether the user userID may make change to comment c: only its author
// may, and only until someone replies, since a reply answers the comment as it was.
func CheckCommentChange(c Comment, userID int64, change CommentChange) error {
	if c.Author.ID != userID {
		return Errorf(EFORBIDDEN, "only %s, who wrote comment %d, may %s it", c.Author.Name, c.ID, change)
	}
	if len(c.Replies) > 0 {
		return Errorf(ECONFLICT, "someone has replied to comment %d, so it can no longer be %s: reply in its thread instead", c.ID, change.past())
	}
	return nil
}

// TextQuote is a client's TextQuoteSelector: the exact words, with optional context.
type TextQuote struct {
	Exact  string `json:"exact"`
	Prefix string `json:"prefix"`
	Suffix string `json:"suffix"`
}

// NewComment is what it takes to comment: the field, the words (a quote, a range, or both,
// which must agree) and the comment itself.
type NewComment struct {
	Field string     `json:"field"`
	Quote *TextQuote `json:"quote"`
	Start *int       `json:"start"`
	End   *int       `json:"end"`
	Body  string     `json:"body"`
}

// Normalize puts the comment and the words it quotes in NFC, as a draft's text is (see
// Text.Normalize), so that quoted words typed with separate accents still find the text.
func (c NewComment) Normalize() NewComment {
	c.Body = Composed(c.Body)
	if c.Quote != nil {
		q := TextQuote{Exact: Composed(c.Quote.Exact), Prefix: Composed(c.Quote.Prefix), Suffix: Composed(c.Quote.Suffix)}
		c.Quote = &q
	}
	return c
}

// Composed returns text a person wrote in Unicode's composed form, NFC, the form every text is
// stored in.
func Composed(s string) string { return norm.NFC.String(s) }

// CheckCommentBody validates the text of a comment or reply.
func CheckCommentBody(body string) error {
	if isBlank(body) {
		return Errorf(EINVALID, "a comment needs some text")
	}
	return CheckString("body", body, MaxComment)
}

// CommentGate refuses action while comments are unresolved, unless the actor forces it with a
// note. The refusal says so in the words of the draft page's checkbox ("Approve over open
// comments"), which is the API's force.
func CommentGate(action Action, unresolved []Comment, force bool, note string) error {
	if len(unresolved) == 0 {
		return nil
	}
	if force {
		if isBlank(note) {
			return Errorf(EINVALID, "to %s over unresolved comments, give a note saying why", action)
		}
		return nil
	}
	parts := make([]string, len(unresolved))
	ids := make([]int64, len(unresolved))
	for i, c := range unresolved {
		parts[i] = fmt.Sprintf("#%d on %q", c.ID, ellipsis(c.Quote, 40))
		ids[i] = c.ID
	}
	count, them := "1 unresolved comment,", "it"
	if len(unresolved) > 1 {
		count, them = fmt.Sprintf("%d unresolved comments:", len(unresolved)), "them"
	}
	return Errorf(ECONFLICT, "cannot %s: %s %s (resolve %s, or %s over %s with a note saying why)",
		action, count, strings.Join(parts, "; "), them, action, them).With("comments", ids)
}

// Diff is the word-level difference of every field between two versions of a draft.
type Diff struct {
	From   int                `json:"from"`
	To     int                `json:"to"`
	Fields map[string][]Chunk `json:"fields"`
}

// Chunk is one run of a diff: "equal", "insert" or "delete".
type Chunk struct {
	Op   string `json:"op"`
	Text string `json:"text"`
}
