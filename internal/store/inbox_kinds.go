package store

import (
	"fmt"
	"time"

	"gorm.io/gorm"

	"github.com/copydesk/copydesk/internal/newsroom"
)

// The inbox's queries, one per kind of entry (see inbox.go).

// inboxAssigned lists the pieces assigned to u at the desk each is at now. An entry's key holds
// the audit id of the piece's latest move into the desk as well as when it was assigned, so that
// a piece that leaves the desk and comes back to the same person is a new entry: done with the
// first arrival is not done with the second.
func (s *Store) inboxAssigned(db *gorm.DB, u *newsroom.User) ([]newsroom.InboxEntry, error) {
	return s.inboxQuery(db, "assigned", `SELECT drafts.id AS draft_id, drafts.title, drafts.stage, assignments.assigned_by AS ref,
			users.name AS actor_name, assignments.assigned_at AS at,
			COALESCE((SELECT max(x.id) FROM audit x WHERE x.draft_id = drafts.id AND x.to_stage = drafts.stage
				AND x.from_stage <> x.to_stage), 0) AS ref2
		FROM assignments JOIN drafts ON drafts.id = assignments.draft_id AND drafts.stage = assignments.stage
		JOIN users ON users.id = assignments.assigned_by
		WHERE assignments.user_id = ? AND ?`, []any{u.ID, s.visible(u)},
		func(r inboxRow) newsroom.InboxEntry {
			reason := fmt.Sprintf("Assigned to you at %s by %s", s.stageLabel(newsroom.Stage(r.Stage)), r.ActorName)
			if r.Ref == u.ID {
				reason = fmt.Sprintf("You took it at %s", s.stageLabel(newsroom.Stage(r.Stage)))
			}
			return newsroom.InboxEntry{Entry: fmt.Sprintf("assigned:%d@%s@%d@%d", r.DraftID, r.Stage, r.At.Unix(), r.Ref2),
				Kind: newsroom.InboxAssigned, Reason: reason, At: r.At, Link: draftLink(r.DraftID, "")}
		})
}

// inboxReturned lists u's pieces that the newest step took back to the first stage with
// someone else's note, while they are still there.
func (s *Store) inboxReturned(db *gorm.DB, u *newsroom.User) ([]newsroom.InboxEntry, error) {
	return s.inboxQuery(db, "returned", `SELECT drafts.id AS draft_id, drafts.title, drafts.stage, audit.id AS ref,
			audit.note, audit.at, users.name AS actor_name
		FROM drafts JOIN audit ON audit.id = (SELECT max(x.id) FROM audit x
			WHERE x.draft_id = drafts.id AND x.from_stage <> '' AND x.from_stage <> x.to_stage)
		JOIN users ON users.id = audit.actor_id
		WHERE drafts.writer_id = ? AND drafts.stage = ? AND audit.to_stage = drafts.stage AND audit.note <> ''
			AND audit.actor_id <> ? AND ?`, []any{u.ID, s.policy.Initial(), u.ID, s.visible(u)},
		func(r inboxRow) newsroom.InboxEntry {
			return newsroom.InboxEntry{Entry: fmt.Sprintf("returned:%d", r.Ref), Kind: newsroom.InboxReturned,
				Reason: fmt.Sprintf("%s sent it back to you with a note", r.ActorName), Note: r.Note, At: r.At,
				Link: draftLink(r.DraftID, "notice")}
		})
}

// inboxQuotes lists, one entry a piece, the unchecked quotes that wait on u where the piece is
// now (policy.Waiting), on pieces assigned to u at that desk or to no one there. An entry's key holds the newest quote
// id the piece has ever had, checked or not, so that it only grows: a new quote is a new entry,
// while checking one (which may lower the newest unchecked id) never brings back a key marked
// done before. It counts the unchecked quotes first,
// from their own index, so that the archive's published pieces, where quotes may be checked but
// hardly any wait, are never read: the CROSS JOIN tells SQLite, which keeps no statistics, to
// start there (PostgreSQL reads it as a plain join and plans by its statistics).
func (s *Store) inboxQuotes(db *gorm.DB, u *newsroom.User) ([]newsroom.InboxEntry, error) {
	check := s.policy.Waiting(u)
	if check.Never() {
		return nil, nil
	}
	return s.inboxQuery(db, "quotes", `SELECT drafts.id AS draft_id, drafts.title, drafts.stage, drafts.updated_at AS at,
			waiting.n, waiting.first AS ref, (SELECT max(q.id) FROM quotes q WHERE q.draft_id = drafts.id) AS ref2
		FROM (SELECT draft_id, count(*) AS n, min(id) AS first FROM quotes
			WHERE status = 'unchecked' AND removed_at IS NULL GROUP BY draft_id) waiting
		CROSS JOIN drafts
		LEFT JOIN assignments ON assignments.draft_id = drafts.id AND assignments.stage = drafts.stage
		WHERE drafts.id = waiting.draft_id AND (assignments.user_id IS NULL OR assignments.user_id = ?) AND ? AND ?`, []any{u.ID, gorm.Expr(check.SQL, check.Args...), s.visible(u)},
		func(r inboxRow) newsroom.InboxEntry {
			reason := fmt.Sprintf("%d quotes wait for your check", r.N)
			if r.N == 1 {
				reason = "1 quote waits for your check"
			}
			return newsroom.InboxEntry{Entry: fmt.Sprintf("quotes:%d@%d", r.DraftID, r.Ref2), Kind: newsroom.InboxQuotes,
				Reason: reason, Count: r.N, At: r.At, Link: draftLink(r.DraftID, fmt.Sprintf("quote-%d", r.Ref))}
		})
}

// inboxThreads lists the open threads on u's pieces or with a reply addressed to u whose last
// word is someone else's, on the pieces sc names.
func (s *Store) inboxThreads(db *gorm.DB, u *newsroom.User, sc inboxScope) ([]newsroom.InboxEntry, error) {
	return s.inboxQuery(db, "threads", inboxThreadsSQL, s.inboxThreadsArgs(u, sc),
		func(r inboxRow) newsroom.InboxEntry {
			whose := "addressed to you"
			if r.Mine == 1 {
				whose = "on your piece"
			}
			at := r.At
			if r.ReplyAt != nil {
				at = *r.ReplyAt
			}
			return newsroom.InboxEntry{Entry: fmt.Sprintf("thread:%d@%d", r.Ref, r.Ref2), Kind: newsroom.InboxThreads, Thread: r.Ref,
				Reason: fmt.Sprintf("A thread %s on “%s” waits for your answer; %s wrote last", whose, r.Quote, r.ActorName),
				Note:   r.Note, At: at, Link: newsroom.ThreadLink(r.DraftID, r.Ref)}
		})
}

// inboxThreadsSQL reads the open threads waiting for a user: on their pieces (the first argument
// the writer, the second the pieces' condition) or with a reply addressed to them (the third the
// addressee, the fourth the replies' condition); the fifth and sixth are the user again, the
// seventh the drafts they may see.
const inboxThreadsSQL = `WITH waiting (id) AS (
			SELECT comments.id FROM drafts JOIN comments ON comments.draft_id = drafts.id AND comments.resolved_at IS NULL
			WHERE drafts.writer_id = ? AND ?
			UNION
			SELECT comment_replies.comment_id FROM reply_addressees
			JOIN comment_replies ON comment_replies.id = reply_addressees.reply_id
			WHERE reply_addressees.user_id = ? AND ?)
		SELECT drafts.id AS draft_id, drafts.title, drafts.stage, comments.id AS ref, comments.quote,
			COALESCE(newest.id, 0) AS ref2, CASE WHEN drafts.writer_id = ? THEN 1 ELSE 0 END AS mine,
			comments.created_at AS at, newest.created_at AS reply_at, users.name AS actor_name,
			COALESCE(newest.body, comments.body) AS note
		FROM waiting JOIN comments ON comments.id = waiting.id
		JOIN drafts ON drafts.id = comments.draft_id
		LEFT JOIN comment_replies newest ON newest.id = (SELECT max(r.id) FROM comment_replies r WHERE r.comment_id = comments.id)
		JOIN users ON users.id = COALESCE(newest.author_id, comments.author_id)
		WHERE comments.resolved_at IS NULL AND COALESCE(newest.author_id, comments.author_id) <> ? AND ?`

// inboxThreadsArgs are inboxThreadsSQL's arguments for u on the pieces sc names.
func (s *Store) inboxThreadsArgs(u *newsroom.User, sc inboxScope) []any {
	return []any{u.ID, sc.cond("drafts.id = ?"), u.ID,
		sc.cond("reply_addressees.reply_id IN (SELECT r.id FROM comment_replies r JOIN comments c ON c.id = r.comment_id WHERE c.draft_id = ?)"),
		u.ID, u.ID, s.visible(u)}
}

// mentionIn names where a mention was written, by the inbox query's N: a comment, a reply, a note.
var mentionIn = []string{"a comment", "a reply", "a note"}

// inboxMentions lists the mentions of u that still wait: in an open thread u has not replied to
// since, or in the note of the newest step, while the piece is where that step left it. A thread
// is one entry, its newest mention of u, however many of its replies mention u: an entry for
// each let a colleague who mentioned u in reply after reply (MaxReplies a thread) make u's inbox,
// and every page that counts it, heavier with each one. It reads inboxMentionsSQL. Narrowed to one
// piece, it lists that piece's mentions only.
func (s *Store) inboxMentions(db *gorm.DB, u *newsroom.User, sc inboxScope) ([]newsroom.InboxEntry, error) {
	return s.inboxQuery(db, "mentions", inboxMentionsSQL, s.inboxMentionsArgs(u, sc),
		func(r inboxRow) newsroom.InboxEntry {
			link := newsroom.ThreadLink(r.DraftID, r.Ref2)
			if r.Ref2 == 0 {
				link = draftLink(r.DraftID, "notice")
			}
			return newsroom.InboxEntry{Entry: fmt.Sprintf("mention:%d", r.Ref), Kind: newsroom.InboxMentions, Thread: r.Ref2,
				Reason: fmt.Sprintf("%s mentioned you in %s", r.ActorName, mentionIn[r.N]), Note: r.Note, At: r.At,
				Link: link}
		})
}

// inboxMentionsSQL reads the mentions of a user (the first, third and fifth arguments) that still
// wait, on the pieces the second and fourth arguments narrow it to (the same condition, true for
// every piece), and the drafts the sixth lets them see. It picks each thread's newest mention
// first, from mentions_user (for one piece from mentions_draft, so that the draft page's count
// reads none of the user's mentions elsewhere), and only then joins and checks it: testing every
// mention row against "is there a newer one in its thread" and "has u answered since" cost a
// thread's mentions times its mentions on PostgreSQL, seconds for an inbox of busy threads,
// where this costs each mention once and each thread's checks once.
const inboxMentionsSQL = `SELECT drafts.id AS draft_id, drafts.title, drafts.stage, mentions.id AS ref,
		COALESCE(mentions.comment_id, 0) AS ref2, mentions.created_at AS at, users.name AS actor_name,
		CASE WHEN mentions.audit_id IS NOT NULL THEN 2 WHEN mentions.reply_id IS NOT NULL THEN 1 ELSE 0 END AS n,
		COALESCE(comment_replies.body, comments.body, audit.note) AS note
	FROM (SELECT max(id) AS id FROM mentions WHERE user_id = ? AND comment_id IS NOT NULL AND ? GROUP BY comment_id
		UNION ALL SELECT id FROM mentions WHERE user_id = ? AND comment_id IS NULL AND ?) newest
	JOIN mentions ON mentions.id = newest.id
	JOIN drafts ON drafts.id = mentions.draft_id
	JOIN users ON users.id = mentions.author_id
	LEFT JOIN comments ON comments.id = mentions.comment_id
	LEFT JOIN comment_replies ON comment_replies.id = mentions.reply_id
	LEFT JOIN audit ON audit.id = mentions.audit_id
	WHERE (mentions.comment_id IS NULL OR comments.resolved_at IS NULL AND NOT EXISTS (SELECT 1 FROM comment_replies answer
			WHERE answer.comment_id = mentions.comment_id AND answer.author_id = ? AND answer.id > COALESCE(mentions.reply_id, 0)))
		AND (mentions.audit_id IS NULL OR audit.to_stage = drafts.stage AND NOT EXISTS (SELECT 1 FROM audit later
			WHERE later.draft_id = mentions.draft_id AND later.id > mentions.audit_id
				AND later.from_stage <> '' AND later.from_stage <> later.to_stage))
		AND ?`

// inboxMentionsArgs are inboxMentionsSQL's arguments for u on the pieces sc names.
func (s *Store) inboxMentionsArgs(u *newsroom.User, sc inboxScope) []any {
	piece := sc.cond("mentions.draft_id = ?")
	return []any{u.ID, piece, u.ID, piece, u.ID, s.visible(u)}
}

// inboxScheduled lists the pieces scheduled to go out today, in the newsroom's time zone, that
// u approved: u took a step into the stage the piece was scheduled from.
func (s *Store) inboxScheduled(db *gorm.DB, u *newsroom.User) ([]newsroom.InboxEntry, error) {
	if s.policy.Scheduled() == "" {
		return nil, nil
	}
	zone, err := s.timeZone(db)
	if err != nil {
		return nil, err
	}
	now := s.clock().In(zone)
	start := time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, zone)
	return s.inboxQuery(db, "scheduled", `SELECT drafts.id AS draft_id, drafts.title, drafts.stage, drafts.scheduled_at AS at
		FROM drafts
		WHERE drafts.stage = ? AND drafts.scheduled_at >= ? AND drafts.scheduled_at < ?
			AND EXISTS (SELECT 1 FROM audit sched JOIN audit step ON step.draft_id = sched.draft_id AND step.id < sched.id
				AND step.to_stage = sched.from_stage AND step.from_stage <> '' AND step.from_stage <> step.to_stage
				WHERE sched.draft_id = drafts.id AND sched.to_stage = drafts.stage AND step.actor_id = ?)
			AND ?`, []any{s.policy.Scheduled(), start.UTC(), start.AddDate(0, 0, 1).UTC(), u.ID, s.visible(u)},
		func(r inboxRow) newsroom.InboxEntry {
			return newsroom.InboxEntry{Entry: fmt.Sprintf("scheduled:%d@%d", r.DraftID, r.At.Unix()), Kind: newsroom.InboxScheduled,
				Reason: fmt.Sprintf("You approved it; it goes out today at %s", r.At.In(zone).Format("15:04 MST")), At: r.At,
				Link: draftLink(r.DraftID, "")}
		})
}
