package newsroom

import (
	"slices"
	"strings"
	"testing"
	"time"
)

func TestPlanNotices(t *testing.T) {
	const writer, editor, checker, other, actor = 1, 2, 3, 4, 9
	facts := NoticeFacts{Title: "Flood defences", WriterID: writer, Actor: "Ana", DeskLabel: "Fact-check",
		Assignees: map[Stage]int64{"fact_check": checker, "editing": editor}, Participants: []int64{writer, other, actor},
		Addressed: []int64{editor}, QuoteStatus: QuoteDisputed, Approvers: []int64{editor}}
	ev := func(kind EventKind, action string, stage Stage, subject, ref int64) Event {
		return Event{ID: 7, Kind: kind, DraftID: 5, ActorID: actor, Action: action, Stage: stage, SubjectID: subject, Ref: ref}
	}
	with := func(change func(*NoticeFacts)) NoticeFacts {
		f := facts
		change(&f)
		return f
	}
	tests := []struct {
		name  string
		event Event
		facts NoticeFacts
		want  map[int64]NotificationKind
		link  string
		says  string
	}{
		{"ArrivedAtAssignedDesk", ev(EventTransitioned, "submit", "fact_check", 0, 0), facts, map[int64]NotificationKind{checker: NotifyArrived}, "/drafts/5#history", "Ana moved “Flood defences” to Fact-check"},
		{"ArrivedInThePool", ev(EventTransitioned, "clear", "approved", 0, 0), facts, map[int64]NotificationKind{}, "", ""},
		{"ArrivedByTheAssigneeThemself", ev(EventTransitioned, "submit", "fact_check", 0, 0), with(func(f *NoticeFacts) { f.Assignees = map[Stage]int64{"fact_check": actor} }), map[int64]NotificationKind{}, "", ""},
		{"Returned", ev(EventTransitioned, "return", "draft", 0, 0), with(func(f *NoticeFacts) { f.Returned, f.Note = true, "Source the mayor.\nAnd the rest." }),
			map[int64]NotificationKind{writer: NotifyReturned}, "/drafts/5#history", "Ana sent “Flood defences” back to you: “Source the mayor.”"},
		{"ReturnedByTheWriterThemself", ev(EventTransitioned, "return", "draft", 0, 0), with(func(f *NoticeFacts) { f.Returned, f.WriterID = true, actor }), map[int64]NotificationKind{}, "", ""},
		{"Assigned", ev(EventAssigned, "assign", "fact_check", checker, 0), facts, map[int64]NotificationKind{checker: NotifyAssigned}, "/drafts/5", "Ana assigned you “Flood defences” at Fact-check"},
		{"Claimed", ev(EventAssigned, "claim", "fact_check", actor, 0), facts, map[int64]NotificationKind{}, "", ""},
		{"Unassigned", ev(EventAssigned, "unassign", "fact_check", checker, 0), facts, map[int64]NotificationKind{}, "", ""},
		{"Commented", ev(EventCommented, "comment", "editing", 0, 11), facts, map[int64]NotificationKind{writer: NotifyCommented}, "/drafts/5?comment=11#comment-11", "Ana commented on “Flood defences”"},
		{"Replied", ev(EventCommented, "reply", "editing", 0, 11), facts, map[int64]NotificationKind{writer: NotifyReplied, other: NotifyReplied, editor: NotifyReplied}, "/drafts/5?comment=11#comment-11", ""},
		{"Resolved", ev(EventCommented, "resolve_comment", "editing", 0, 11), facts, map[int64]NotificationKind{}, "", ""},
		{"Mentioned", ev(EventMentioned, "comment", "editing", other, 11), facts, map[int64]NotificationKind{other: NotifyMentioned}, "/drafts/5?comment=11#comment-11", "Ana mentioned you on “Flood defences”"},
		{"MentionedInANote", ev(EventMentioned, "return", "draft", other, 0), facts, map[int64]NotificationKind{other: NotifyMentioned}, "/drafts/5#history", ""},
		{"QuoteDisputed", ev(EventQuoteChecked, "check", "fact_check", 0, 21), facts, map[int64]NotificationKind{writer: NotifyDisputed}, "/drafts/5#quote-21", "Ana disputed a quote in “Flood defences”"},
		{"QuoteDisputedAgainLately", ev(EventQuoteChecked, "check", "fact_check", 0, 21), with(func(f *NoticeFacts) { f.DisputeToldLately = true }), map[int64]NotificationKind{}, "", ""},
		{"QuoteVerified", ev(EventQuoteChecked, "check", "fact_check", 0, 21), with(func(f *NoticeFacts) { f.QuoteStatus = QuoteVerified }), map[int64]NotificationKind{}, "", ""},
		{"Published", ev(EventPublished, "publish", "published", 0, 0), facts, map[int64]NotificationKind{writer: NotifyPublished, editor: NotifyPublished}, "/drafts/5", "Ana published “Flood defences”"},
		{"PublishedByTheApprover", ev(EventPublished, "publish", "published", 0, 0), with(func(f *NoticeFacts) { f.Approvers = []int64{actor} }), map[int64]NotificationKind{writer: NotifyPublished}, "", ""},
		{"Released", ev(EventReleased, "release", "published", 0, 0), facts, map[int64]NotificationKind{writer: NotifyPublished, editor: NotifyPublished}, "", "“Flood defences” went public as Ana scheduled it"},
		{"Corrected", ev(EventCorrected, "correct", "published", 0, 0), with(func(f *NoticeFacts) { f.Note = "The vote was 6–3, not 7–2." }),
			map[int64]NotificationKind{writer: NotifyPublished, editor: NotifyPublished}, "/drafts/5", "Ana published a correction to “Flood defences”: “The vote was 6–3, not 7–2.”"},
		{"CorrectedByTheWriterThemself", ev(EventCorrected, "correct", "published", 0, 0), with(func(f *NoticeFacts) { f.WriterID, f.Approvers = actor, nil }), map[int64]NotificationKind{}, "", ""},
		{"Saved", ev(EventSaved, "save", "draft", 0, 0), facts, map[int64]NotificationKind{}, "", ""},
		{"StoredOpenDirectionsIsolated", ev(EventCommented, "comment", "editing", 0, 11), with(func(f *NoticeFacts) { f.Title, f.Actor = "\u202bשיטפון", "\u202eanA" }),
			map[int64]NotificationKind{writer: NotifyCommented}, "/drafts/5?comment=11#comment-11", "\u2068\u202eanA\u2069 commented on “\u2068\u202bשיטפון\u2069”"},
		{"ClosedDirectionsAsTheyAre", ev(EventCommented, "comment", "editing", 0, 11), with(func(f *NoticeFacts) { f.Title = "\u2067שיטפון\u2069\u200f" }),
			map[int64]NotificationKind{writer: NotifyCommented}, "/drafts/5?comment=11#comment-11", "Ana commented on “\u2067שיטפון\u2069\u200f”"},
		{"ReturnedWithAnOpenNote", ev(EventTransitioned, "return", "draft", 0, 0), with(func(f *NoticeFacts) { f.Returned, f.Note = true, "\u202bמקור, please" }),
			map[int64]NotificationKind{writer: NotifyReturned}, "/drafts/5#history", "Ana sent “Flood defences” back to you: “\u2068\u202bמקור, please\u2069”"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := PlanNotices(tt.event, tt.facts)
			kinds := map[int64]NotificationKind{}
			for _, n := range got {
				if _, twice := kinds[n.UserID]; twice {
					t.Errorf("user %d told twice: %+v", n.UserID, got)
				}
				kinds[n.UserID] = n.Kind
				if tt.link != "" && n.Link != tt.link {
					t.Errorf("link = %q, want %q", n.Link, tt.link)
				}
				if tt.says != "" && n.Subject != tt.says {
					t.Errorf("subject = %q, want %q", n.Subject, tt.says)
				}
				if strings.Contains(n.Subject, "\n") {
					t.Errorf("subject %q is more than one line", n.Subject)
				}
			}
			if len(kinds) != len(tt.want) {
				t.Fatalf("told %v, want %v", kinds, tt.want)
			}
			for id, k := range tt.want {
				if kinds[id] != k {
					t.Errorf("user %d told %q, want %q", id, kinds[id], k)
				}
			}
		})
	}
}

func TestPlanNoticesAddressedReadsPersonal(t *testing.T) {
	f := NoticeFacts{Title: "Budget", WriterID: 1, Actor: "Ana", Participants: []int64{1}, Addressed: []int64{2}}
	got := PlanNotices(Event{Kind: EventCommented, Action: "reply", DraftID: 3, ActorID: 9, Ref: 4}, f)
	i := slices.IndexFunc(got, func(n Notice) bool { return n.UserID == 2 })
	if i < 0 || got[i].Subject != "Ana addressed you in a thread on “Budget”" {
		t.Fatalf("addressee's notice = %+v", got)
	}
}

func TestHeadlineReturnedCarriesTheNote(t *testing.T) {
	f := NoticeFacts{Title: "Budget", Actor: "Ana", Returned: true, Note: "Check the totals."}
	n, ok := Headline(Event{Kind: EventTransitioned, Action: "return", DraftID: 3}, f)
	if !ok || n.Kind != NotifyReturned || !strings.Contains(n.Subject, "“Check the totals.”") || !strings.Contains(n.Text, "Check the totals.") {
		t.Fatalf("Headline = %+v, %v", n, ok)
	}
}

// BenchmarkPlanNotifications plans a reply in a thread of five people, one of them addressed.
func BenchmarkPlanNotifications(b *testing.B) {
	f := NoticeFacts{Title: "Flood defences", WriterID: 1, Actor: "Ana", Participants: []int64{1, 2, 3, 4, 9}, Addressed: []int64{5}}
	e := Event{ID: 7, Kind: EventCommented, Action: "reply", DraftID: 5, ActorID: 9, Ref: 11}
	for b.Loop() {
		if len(PlanNotices(e, f)) != 5 {
			b.Fatal("wrong plan")
		}
	}
}

// TestDisputeToldLately holds the quiet after a told dispute: the same person's dispute of the
// same quote within DisputeQuiet of it repeats it; one at or after its end, another person's,
// or one of a quote never told disputed, is news; a told time up to DisputeQuiet ahead of now
// (another server's clock) is within the quiet, and one further ahead is disregarded.
func TestDisputeToldLately(t *testing.T) {
	now := time.Date(2026, 12, 7, 12, 0, 0, 0, time.UTC)
	at := func(d time.Duration) *time.Time {
		t := now.Add(d)
		return &t
	}
	const checker, editor = 7, 8
	tests := []struct {
		name   string
		told   *time.Time
		toldBy int64
		want   bool
	}{
		{"NeverTold", nil, 0, false},
		{"ToldJustNow", at(0), checker, true},
		{"ToldAMinuteAgo", at(-time.Minute), checker, true},
		{"ToldJustInsideTheQuiet", at(-DisputeQuiet + time.Nanosecond), checker, true},
		{"ToldAQuietAgo", at(-DisputeQuiet), checker, false},
		{"ToldLongAgo", at(-24 * time.Hour), checker, false},
		{"ToldByAClockAhead", at(time.Minute), checker, true},
		{"ToldByAClockAQuietAhead", at(DisputeQuiet), checker, true},
		{"ToldByAClockMoreThanAQuietAhead", at(DisputeQuiet + time.Nanosecond), checker, false},
		{"ToldByAClockAnHourAhead", at(time.Hour), checker, false},
		{"AnotherToldJustNow", at(0), editor, false},
		{"AnotherToldAMinuteAgo", at(-time.Minute), editor, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := DisputeToldLately(tt.told, tt.toldBy, checker, now); got != tt.want {
				t.Errorf("DisputeToldLately(%v, %d, %d, %v) = %v, want %v", tt.told, tt.toldBy, checker, now, got, tt.want)
			}
		})
	}
}

// TestOutranks: of the notices one change makes about one place, a mention outranks an answer,
// which outranks a new thread; other kinds never make each other redundant.
func TestOutranks(t *testing.T) {
	tests := []struct {
		a, b NotificationKind
		want bool
	}{
		{NotifyMentioned, NotifyCommented, true},
		{NotifyMentioned, NotifyReplied, true},
		{NotifyReplied, NotifyCommented, true},
		{NotifyCommented, NotifyMentioned, false},
		{NotifyMentioned, NotifyMentioned, false},
		{NotifyMentioned, NotifyDisputed, false},
		{NotifyAssigned, NotifyArrived, false},
	}
	for _, tt := range tests {
		if got := Outranks(tt.a, tt.b); got != tt.want {
			t.Errorf("Outranks(%s, %s) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
}

// TestBurst holds the notice of several new threads by one person: it counts them and links to
// the piece's threads; one thread is told as it was planned, and only new threads fold or wait.
func TestBurst(t *testing.T) {
	e := Event{Kind: EventCommented, Action: "comment", DraftID: 7, Ref: 12}
	f := NoticeFacts{Title: "Flood defences", Actor: "Ana"}
	one := Notice{UserID: 3, Kind: NotifyCommented, Subject: "Ana commented on “Flood defences”", Text: "Ana commented on “Flood defences”", Link: "/drafts/7#comment-12"}
	tests := []struct {
		name          string
		threads       int
		subject, link string
	}{
		{"One", 1, "Ana commented on “Flood defences”", "/drafts/7#comment-12"},
		{"Two", 2, "Ana made 2 new comments on “Flood defences”", "/drafts/7#comments"},
		{"Many", 500, "Ana made 500 new comments on “Flood defences”", "/drafts/7#comments"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Burst(one, e, f, tt.threads)
			if got.Subject != tt.subject || got.Text != tt.subject || got.Link != tt.link || got.UserID != 3 || got.Kind != NotifyCommented {
				t.Fatalf("Burst(%d) = %+v", tt.threads, got)
			}
		})
	}
	for _, kind := range []NotificationKind{NotifyAssigned, NotifyArrived, NotifyReturned, NotifyCommented,
		NotifyReplied, NotifyMentioned, NotifyDisputed, NotifyPublished} {
		want := kind == NotifyCommented
		if Bursts(kind) != want || (EmailHold(kind) == BurstHold) != want || (EmailHold(kind) == 0) == want {
			t.Errorf("%s: Bursts %v, EmailHold %v", kind, Bursts(kind), EmailHold(kind))
		}
	}
}

// TestMentionedPeople counts the people one comment mentioned in its headline, naming none.
func TestMentionedPeople(t *testing.T) {
	e := Event{Kind: EventMentioned, Action: "comment", DraftID: 7, Ref: 12, SubjectID: 3}
	f := NoticeFacts{Title: "Flood defences", Actor: "Ana"}
	head, ok := Headline(e, f)
	if !ok {
		t.Fatal("a mention has no headline")
	}
	tests := []struct {
		name    string
		people  int
		subject string
	}{
		{"One", 1, "Ana mentioned someone on “Flood defences”"},
		{"Two", 2, "Ana mentioned 2 people on “Flood defences”"},
		{"Many", 500, "Ana mentioned 500 people on “Flood defences”"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := MentionedPeople(head, f, tt.people)
			if got.Subject != tt.subject || got.Text != tt.subject || got.Link != head.Link || got.Kind != NotifyMentioned {
				t.Fatalf("MentionedPeople(%d) = %+v", tt.people, got)
			}
		})
	}
}

// TestRepeats names the events whose email and webhook post are held when they repeat: a
// mention in a comment, an edit of one or a reply, and an assignment; not a mention in a
// transition's note, nor a desk left to nobody, nor anything else.
func TestRepeats(t *testing.T) {
	for _, tt := range []struct {
		name string
		e    Event
		want bool
	}{
		{"MentionInANewThread", Event{Kind: EventMentioned, Action: "comment", Ref: 3}, true},
		{"MentionInAnEditedComment", Event{Kind: EventMentioned, Action: StepEditComment, Ref: 3}, true},
		{"MentionInAReply", Event{Kind: EventMentioned, Action: "reply", Ref: 3}, true},
		{"MentionInATransitionNote", Event{Kind: EventMentioned, Action: "return"}, false},
		{"Assignment", Event{Kind: EventAssigned, Action: StepAssign}, true},
		{"DeskLeftToNobody", Event{Kind: EventAssigned, Action: StepUnassign}, false},
		{"DueTime", Event{Kind: EventAssigned, Action: StepDue}, false},
		{"NewThread", Event{Kind: EventCommented, Action: "comment", Ref: 3}, false},
		{"Reply", Event{Kind: EventCommented, Action: "reply", Ref: 3}, false},
		{"Transition", Event{Kind: EventTransitioned, Action: "submit"}, false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if got := Repeats(tt.e); got != tt.want {
				t.Errorf("Repeats(%+v) = %v, want %v", tt.e, got, tt.want)
			}
		})
	}
}
