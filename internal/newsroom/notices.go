package newsroom

import (
	"fmt"
	"slices"
	"strings"
	"time"
)

// NoticeFacts is what the planner needs to know about an event's piece besides the event: who
// wrote it, who acted, who is assigned where, and the thread, quote or note the event is about.
// The store reads them in the event's transaction.
type NoticeFacts struct {
	Title    string
	WriterID int64
	// Actor is the acting user's name ("" for the server).
	Actor string
	// DeskLabel is the label of the stage the piece stands in after the event ("Fact-check").
	DeskLabel string
	// Assignees is the piece's assignee at each desk.
	Assignees map[Stage]int64
	// Returned says a transition sent the piece back to its writer, with Note.
	Returned bool
	Note     string
	// Participants are the thread's author and everyone who replied in it; Addressed the
	// people the newest reply was addressed to.
	Participants []int64
	Addressed    []int64
	// QuoteStatus is where the quote of a quote_checked event stands now, and DisputeToldLately
	// whether the actor's dispute of it was told within DisputeQuiet (see DisputeToldLately).
	QuoteStatus       QuoteStatus
	DisputeToldLately bool
	// Approvers are the people who approved the piece.
	Approvers []int64
}

// Notice is one person to be told of an event, and what to tell them: Subject is one plain line
// naming the actor, the piece and what happened; Text adds the note where there is one; Link is
// the path of the exact place (the thread, the quote).
type Notice struct {
	UserID  int64
	Kind    NotificationKind
	Subject string
	Text    string
	Link    string
}

// PlanNotices decides who is told of event e and why, from the facts about its piece: the
// assignee at the desk a piece arrives at, the writer of a piece sent back (with its note),
// commented on, with a quote disputed, gone public or corrected in public (and whoever
// approved it), the assignee of
// an assignment, the people in a thread that has a new reply, and the person mentioned. The
// actor is never told of their own act, and nobody is told twice of one event.
func PlanNotices(e Event, f NoticeFacts) []Notice {
	head, ok := Headline(e, f)
	if !ok {
		return nil
	}
	var out []Notice
	seen := map[int64]bool{e.ActorID: true, 0: true}
	add := func(kind NotificationKind, subject string, ids ...int64) {
		for _, id := range ids {
			if seen[id] {
				continue
			}
			seen[id] = true
			out = append(out, Notice{UserID: id, Kind: kind, Subject: subject, Text: textOf(subject, f, kind), Link: head.Link})
		}
	}
	who, title := actorName(f), quoted(f.Title)
	switch head.Kind {
	case NotifyArrived:
		add(NotifyArrived, head.Subject, f.Assignees[e.Stage])
	case NotifyReturned:
		add(NotifyReturned, fmt.Sprintf("%s sent %s back to you%s", who, title, noteLine(f.Note)), f.WriterID)
	case NotifyCommented, NotifyDisputed:
		add(head.Kind, head.Subject, f.WriterID)
	case NotifyAssigned:
		add(NotifyAssigned, fmt.Sprintf("%s assigned you %s at %s", who, title, f.DeskLabel), e.SubjectID)
	case NotifyMentioned:
		add(NotifyMentioned, fmt.Sprintf("%s mentioned you on %s", who, title), e.SubjectID)
	case NotifyReplied:
		add(NotifyReplied, fmt.Sprintf("%s addressed you in a thread on %s", who, title), f.Addressed...)
		add(NotifyReplied, head.Subject, f.Participants...)
	case NotifyPublished:
		add(NotifyPublished, head.Subject, f.WriterID)
		add(NotifyPublished, head.Subject, f.Approvers...)
	}
	return out
}

// Headline is event e as one line for everyone at once (a chat channel's webhook): its kind,
// subject and link, with no recipient. ok is false for an event nobody is told of (a save, a
// resolved thread, a check that disputes nothing, a dispute of a quote whose dispute was told
// within DisputeQuiet).
func Headline(e Event, f NoticeFacts) (n Notice, ok bool) {
	title, who := quoted(f.Title), actorName(f)
	n.Link = NoticeLink(e)
	switch {
	case e.Kind == EventTransitioned && f.Returned:
		n.Kind, n.Subject = NotifyReturned, fmt.Sprintf("%s sent %s back to its writer%s", who, title, noteLine(f.Note))
	case e.Kind == EventTransitioned:
		n.Kind, n.Subject = NotifyArrived, fmt.Sprintf("%s moved %s to %s", who, title, f.DeskLabel)
	case e.Kind == EventAssigned && e.Action == "assign":
		n.Kind, n.Subject = NotifyAssigned, fmt.Sprintf("%s assigned %s at %s", who, title, f.DeskLabel)
	case e.Kind == EventCommented && e.Action == "comment":
		n.Kind, n.Subject = NotifyCommented, fmt.Sprintf("%s commented on %s", who, title)
	case e.Kind == EventCommented && e.Action == "reply":
		n.Kind, n.Subject = NotifyReplied, fmt.Sprintf("%s replied in a thread on %s", who, title)
	case e.Kind == EventMentioned:
		n.Kind, n.Subject = NotifyMentioned, fmt.Sprintf("%s mentioned someone on %s", who, title)
	case e.Kind == EventQuoteChecked && e.Action == "check" && f.QuoteStatus == QuoteDisputed && !f.DisputeToldLately:
		n.Kind, n.Subject = NotifyDisputed, fmt.Sprintf("%s disputed a quote in %s", who, title)
	case e.Kind == EventPublished:
		n.Kind, n.Subject = NotifyPublished, fmt.Sprintf("%s published %s", who, title)
	case e.Kind == EventReleased:
		n.Kind, n.Subject = NotifyPublished, fmt.Sprintf("%s went public as %s scheduled it", title, who)
	case e.Kind == EventCorrected:
		n.Kind, n.Subject = NotifyPublished, fmt.Sprintf("%s published a correction to %s%s", who, title, noteLine(f.Note))
	default:
		return Notice{}, false
	}
	n.Text = textOf(n.Subject, f, n.Kind)
	return n, true
}

// MentionedPeople is head, the headline of a mention, as the headline of the people one comment,
// reply or note mentioned at once: a webhook is posted of them once, counting them, as one
// post each would let a comment naming dozens of people post dozens of the same line. It names
// none of them, as the headline of one does not.
func MentionedPeople(head Notice, f NoticeFacts, people int) Notice {
	if people <= 1 {
		return head
	}
	head.Subject = fmt.Sprintf("%s mentioned %d people on %s", actorName(f), people, quoted(f.Title))
	head.Text = textOf(head.Subject, f, head.Kind)
	return head
}

// Notifies reports whether event e may tell anyone anything, so that the store reads no facts
// for the others: a save above all, and a desk left to nobody, of which a disabled user's
// thousands come at once.
func Notifies(e Event) bool {
	if e.Kind == EventAssigned {
		return e.Action == StepAssign
	}
	return slices.Contains([]EventKind{EventTransitioned, EventCommented, EventMentioned,
		EventQuoteChecked, EventPublished, EventReleased, EventCorrected}, e.Kind)
}

// DisputeQuiet is how long after a person's dispute of a quote is told another dispute of the
// same quote by the same person is told to nobody: a fact-checker, or a script with their token,
// flipping one verdict between verified and disputed would otherwise send the writer a
// notification and an email, and every webhook a post, for each flip. The first dispute is told
// at once, and one after the quiet is told again; a dispute of another quote, or by someone
// else, is told as it comes.
const DisputeQuiet = 10 * time.Minute

// DisputeToldLately reports whether actor's dispute of a quote made at now repeats the one last
// told of it, at told by toldBy (told is nil when none has been told since the quote's words or
// speaker last changed): whether it is the same person's, within DisputeQuiet of it. Another
// person's dispute is a finding of its own, and is news whenever it comes. A told time a little
// after now (another server's clock running ahead) is within; one more than DisputeQuiet after
// now is disregarded, or a server whose clock ran far ahead would silence the others' disputes of
// the quote for as long as it ran ahead.
func DisputeToldLately(told *time.Time, toldBy, actor int64, now time.Time) bool {
	return told != nil && toldBy == actor && now.Before(told.Add(DisputeQuiet)) && !told.After(now.Add(DisputeQuiet))
}

// NoticeLink is the path of the exact place event e is about: the thread, the quote, or the
// piece's history (for a transition or a note's mention).
func NoticeLink(e Event) string {
	base := fmt.Sprintf("/drafts/%d", e.DraftID)
	switch {
	case (e.Kind == EventCommented || e.Kind == EventMentioned) && e.Ref != 0:
		return ThreadLink(e.DraftID, e.Ref)
	case e.Kind == EventQuoteChecked && e.Ref != 0:
		return fmt.Sprintf("%s#quote-%d", base, e.Ref)
	case e.Kind == EventTransitioned || e.Kind == EventMentioned:
		return base + "#history"
	}
	return base
}

// ThreadLink is the path of comment thread commentID on draft draftID's page. It names the thread
// in the query as well as in the fragment, which the server never sees: the page folds resolved
// threads and shows in full the one a link names, so that a link reaches its thread, resolved or
// not, with or without the page's script.
func ThreadLink(draftID, commentID int64) string {
	return fmt.Sprintf("/drafts/%d?comment=%d#comment-%d", draftID, commentID, commentID)
}

// textOf is a notice's text: its subject, and the note a returned piece came back with.
func textOf(subject string, f NoticeFacts, kind NotificationKind) string {
	if kind == NotifyReturned && strings.TrimSpace(f.Note) != "" {
		return subject + ", with this note: “" + strings.TrimSpace(f.Note) + "”"
	}
	return subject
}

// noteLine is a note as the end of a one-line subject: its first line, cut to 100 characters,
// after a colon; nothing when there is no note. A note is not held to the direction rule, and
// the cut may leave an embedding open, so the line is isolated (see Isolated).
func noteLine(note string) string {
	line, _, _ := strings.Cut(strings.TrimSpace(note), "\n")
	line = strings.TrimSpace(line)
	if line == "" {
		return ""
	}
	if r := []rune(line); len(r) > 100 {
		line = string(r[:99]) + "…"
	}
	return ": “" + Isolated(line) + "”"
}

// actorName is who acted, in words. Like a title (see quoted) it is isolated when it was stored
// before the direction rule.
func actorName(f NoticeFacts) string {
	if f.Actor == "" {
		return "Copydesk"
	}
	return Isolated(f.Actor)
}

// quoted is a piece's title in quotation marks, or "a piece without a title". A subject is
// plain text, in an email's header, a webhook's message and the notifications page, so a title
// stored before the direction rule is isolated (see Isolated) rather than left to turn the
// words after it.
func quoted(title string) string {
	if strings.TrimSpace(title) == "" {
		return "a piece without a title"
	}
	return "“" + Isolated(strings.TrimSpace(title)) + "”"
}

// noticeRank orders the kinds one change can tell a person of twice about the same place: a
// comment that mentions the piece's writer is a new thread on their piece and a mention too.
// A mention says more than an answer, which says more than a new thread; kinds not ranked
// here are never redundant.
var noticeRank = map[NotificationKind]int{NotifyCommented: 1, NotifyReplied: 2, NotifyMentioned: 3}

// Outranks reports whether a notice of kind a makes one of kind b redundant, when one change
// tells the same person both about the same place.
func Outranks(a, b NotificationKind) bool {
	return noticeRank[b] > 0 && noticeRank[a] > noticeRank[b]
}

// BurstHold is how long the email of a new thread waits before it goes, so that the threads
// one person opens on one piece in a short while go as one email (see Burst).
const BurstHold = 5 * time.Minute

// Bursts reports whether notices of kind fold into the person's unread one of the same piece
// by the same actor rather than adding another: new threads, which one person can open by the
// hundred on one piece. Replies, mentions and the workflow's steps each say something of their own.
func Bursts(kind NotificationKind) bool { return kind == NotifyCommented }

// EmailHold is how long the email of a notice of kind waits before it goes: BurstHold for the
// kinds that fold (see Bursts), none for the others.
func EmailHold(kind NotificationKind) time.Duration {
	if Bursts(kind) {
		return BurstHold
	}
	return 0
}

// Burst is notice n, of a new thread, as the one notice of n new threads by the same actor on
// the piece: it counts them and links to the piece's threads, as no one thread is the place.
// One thread is n as it is.
func Burst(n Notice, e Event, f NoticeFacts, threads int) Notice {
	if threads <= 1 {
		return n
	}
	n.Subject = fmt.Sprintf("%s made %d new comments on %s", actorName(f), threads, quoted(f.Title))
	n.Text = textOf(n.Subject, f, n.Kind)
	n.Link = fmt.Sprintf("/drafts/%d#comments", e.DraftID)
	return n
}

// RepeatQuiet is how long after a person was emailed of a mention or an assignment (and a
// webhook posted of it) the same one again is held from their email and the webhook: taking an
// @name out of a comment and putting it back, deleting a comment and writing it again, or
// leaving a desk to nobody and assigning it again would otherwise send them an email, and every
// webhook a post, for each round. The notification is written every time, as it comes.
const RepeatQuiet = time.Hour

// commentSteps are the steps whose mention is in a comment or a reply rather than in a
// transition's note.
var commentSteps = []string{"comment", "reply", StepEditComment}

// Repeats reports whether event e is one whose email and webhook post are held within
// RepeatQuiet of the last of the same: a mention in a comment or a reply (a transition's note is
// told every time, as the step it goes with is), or an assignment. The same one is the same
// kind by the same actor to the same person on the same piece, and for an assignment at the
// same desk; a mention in another thread of the piece is the same one.
func Repeats(e Event) bool {
	switch e.Kind {
	case EventMentioned:
		return slices.Contains(commentSteps, e.Action)
	case EventAssigned:
		return e.Action == StepAssign
	}
	return false
}
