package store

import (
	"database/sql"
	"encoding/json"
	"errors"
	"slices"
	"time"

	"gorm.io/gorm"

	"github.com/copydesk/copydesk/internal/newsroom"
	"github.com/copydesk/copydesk/internal/policy"
)

// The transactional outbox: Store.tx turns the events its transaction recorded into the
// notifications and deliveries they cause, in the same transaction, so that a change and the
// word of it commit together or not at all. Events read from other processes (CatchUp) are
// never planned again: only the transaction that recorded an event plans it.

// notificationRow is one row of the notifications table (migration 00015).
type notificationRow struct {
	ID        int64
	UserID    int64
	EventID   int64
	Kind      string
	DraftID   int64
	ActorID   int64
	Subject   string
	Link      string
	CreatedAt time.Time
	ReadAt    *time.Time
}

func (notificationRow) TableName() string { return "notifications" }

// deliveryRow is one row of the deliveries table: a message in the outbox.
type deliveryRow struct {
	ID             int64
	Channel        string
	NotificationID *int64
	WebhookID      *int64
	EventID        int64
	DraftID        int64
	Recipient      string
	Payload        string
	Status         string
	Attempts       int
	NextAt         time.Time
	LeaseUntil     *time.Time
	LeasedBy       string
	LastError      string
	CreatedAt      time.Time
	SentAt         *time.Time
	RepeatKey      string // see repeatKey
}

func (deliveryRow) TableName() string { return "deliveries" }

// Delivery statuses.
const (
	deliveryPending = "pending"
	deliverySent    = "sent"
	deliveryFailed  = "failed"
	deliveryDigest  = "digest"
)

// recipientRow is what the outbox needs of a person it tells: whether they may see the piece,
// their email address, and which kinds they want by email (notification_prefs; no row means
// every kind, no digest).
type recipientRow struct {
	ID       int64
	Role     string
	Disabled bool
	Email    string
	Kinds    *string
	Digest   *bool
}

// wantsEmail reports whether r wants notices of kind by email.
func (r recipientRow) wantsEmail(kind newsroom.NotificationKind) bool {
	if r.Email == "" {
		return false
	}
	if r.Kinds == nil {
		return true
	}
	var kinds []newsroom.NotificationKind
	return json.Unmarshal([]byte(*r.Kinds), &kinds) == nil && slices.Contains(kinds, kind)
}

// emailPayload is an email delivery's payload: the contract with the email channel.
type emailPayload struct {
	Subject string `json:"subject"`
	Text    string `json:"text"`
	Link    string `json:"link"`
}

// WebhookPayload is the JSON body posted to a webhook: Slack-compatible (text is what a chat
// shows), with the event's facts beside it for a program. Link is a path until the webhook
// channel makes it absolute with the site's base URL. People, in a mention's post, counts the
// people the comment, reply or note mentioned at once, of whom it is the one post, less those
// holdRepeats took out; EventID is then the mention of the first it counts.
type WebhookPayload struct {
	Text    string `json:"text"`
	Event   string `json:"event"`
	Kind    string `json:"kind"`
	EventID int64  `json:"event_id"`
	DraftID int64  `json:"draft_id"`
	Title   string `json:"title"`
	Link    string `json:"link"`
	Actor   string `json:"actor"`
	People  int    `json:"people,omitempty"`
}

// outboxWebhook is an active webhook as the outbox reads it.
type outboxWebhook struct {
	ID    int64
	Name  string
	Kinds string
}

// wants reports whether the webhook takes notices of kind: every kind when its list is empty.
func (w outboxWebhook) wants(kind newsroom.NotificationKind) bool {
	var kinds []newsroom.NotificationKind
	if json.Unmarshal([]byte(w.Kinds), &kinds) != nil {
		return false
	}
	return len(kinds) == 0 || slices.Contains(kinds, kind)
}

// planOutbox works out the notifications and deliveries that the events evs cause, reading
// what it needs inside tx, before writeEvents; their write then only inserts, in few statements,
// once writeEvents has given the events their ids (see outbox.write). On PostgreSQL
// writeEvents holds a lock to its commit, so the reads stay outside it. It stamps the quote of a
// dispute it tells someone of, in the app, by email or to a webhook (see quoteFacts), in tx as
// well, so that the stamp commits with the telling; a dispute nobody hears of starts no quiet.
// Events that tell nobody (saves above all) cost nothing here.
func (s *Store) planOutbox(tx *gorm.DB, evs []newsroom.Event) (*outbox, error) {
	o := &outbox{}
	loaded := false
	for i := range evs {
		e := &evs[i]
		if e.DraftID == 0 || !newsroom.Notifies(*e) {
			continue
		}
		f, stage, err := s.noticeFacts(tx, *e)
		if err != nil {
			return nil, err
		}
		head, ok := newsroom.Headline(*e, f)
		if !ok {
			continue
		}
		if !loaded {
			if o.hooks, err = activeWebhooks(tx); err != nil {
				return nil, err
			}
			loaded = true
		}
		notices, posts := len(o.notices), len(o.posts)
		if err := s.notify(tx, o, e, f, stage, newsroom.PlanNotices(*e, f)); err != nil {
			return nil, err
		}
		o.postToWebhooks(e, f, head)
		told := len(o.notices) > notices || len(o.posts) > posts
		if head.Kind == newsroom.NotifyDisputed && told {
			if err := execRaw(tx, "UPDATE quotes SET dispute_told_at = ?, dispute_told_by = ? WHERE id = ?", s.clock(), e.ActorID, e.Ref); err != nil {
				return nil, err
			}
		}
	}
	if err := s.holdRepeats(tx, o); err != nil {
		return nil, err
	}
	o.dropRedundant()
	if err := foldBursts(tx, o, s.clock()); err != nil {
		return nil, err
	}
	return o, nil
}

// dropRedundant keeps one notice per person and place where the transaction's events told them
// more than once (a new thread that mentions the piece's writer): the one that says most (see
// newsroom.Outranks), so that one comment makes one notification and one email. A kept notice
// whose email holdRepeats took out takes the email of one it drops: the person would have had
// that one without the @name, so it goes as that kind's email goes (see emailKind).
func (o *outbox) dropRedundant() {
	type place struct {
		user int64
		link string
	}
	best := map[place]newsroom.NotificationKind{}
	for _, n := range o.notices {
		at := place{n.row.UserID, n.row.Link}
		if k, ok := best[at]; !ok || newsroom.Outranks(newsroom.NotificationKind(n.row.Kind), k) {
			best[at] = newsroom.NotificationKind(n.row.Kind)
		}
	}
	lent := map[place]outboxNotice{}
	o.notices = slices.DeleteFunc(o.notices, func(n outboxNotice) bool {
		at := place{n.row.UserID, n.row.Link}
		drop := newsroom.Outranks(best[at], newsroom.NotificationKind(n.row.Kind))
		if drop && n.email != nil {
			lent[at] = n
		}
		return drop
	})
	for i := range o.notices {
		n := &o.notices[i]
		if l, ok := lent[place{n.row.UserID, n.row.Link}]; ok && n.held {
			n.email, n.emailKind = l.email, newsroom.NotificationKind(l.row.Kind)
		}
	}
}

// outbox is what one transaction's events put in the outbox. Each entry points at its event,
// whose id and time writeEvents fills in before write reads them.
type outbox struct {
	hooks   []outboxWebhook
	notices []outboxNotice
	posts   []outboxPost
}

// outboxNotice is one person told in the app, and by email when email is set: notice and facts
// are what it was planned from, and into, when set, the unread notification it folds into
// (see foldBursts). held is set when holdRepeats took out its email; emailKind, when set, is
// the kind of the notice dropRedundant dropped for it whose email it took, and waiting the
// id of the email of the same repeat that still waits to go, which that email folds into.
type outboxNotice struct {
	ev        *newsroom.Event
	row       notificationRow
	email     *deliveryRow
	notice    newsroom.Notice
	facts     newsroom.NoticeFacts
	into      *burst
	held      bool
	emailKind newsroom.NotificationKind
	waiting   int64
}

// outboxPost is one post to a webhook of event ev, and, for a mention, of more: the mentions of
// the other people the same comment, reply or note mentioned at once (see postToWebhooks). head
// and facts are what its payload's text is made from.
type outboxPost struct {
	ev      *newsroom.Event
	more    []*newsroom.Event
	row     deliveryRow
	payload WebhookPayload
	head    newsroom.Notice
	facts   newsroom.NoticeFacts
}

// finished is p's payload as posted: a mention's counts the people it tells of.
func (p outboxPost) finished() WebhookPayload {
	pl := p.payload
	pl.EventID = p.ev.ID
	if p.head.Kind == newsroom.NotifyMentioned {
		pl.People = 1 + len(p.more)
		pl.Text = newsroom.MentionedPeople(p.head, p.facts, pl.People).Subject
	}
	return pl
}

// sameMention reports whether mentions a and b were written at once, by one person in one
// comment, reply or note: one post tells of both.
func sameMention(a, b *newsroom.Event) bool {
	return a.Kind == newsroom.EventMentioned && b.Kind == newsroom.EventMentioned && a.DraftID == b.DraftID &&
		a.ActorID == b.ActorID && a.Ref == b.Ref && a.Action == b.Action
}

// repeatKeyRow is one row of delivery_repeat_keys (migration 00052): the key of a further person
// the mention posts of event EventID tell of (see holdRepeats), every webhook's when WebhookID is
// nil, else that webhook's only.
type repeatKeyRow struct {
	ID        int64
	EventID   int64
	WebhookID *int64
	RepeatKey string
	CreatedAt time.Time
}

func (repeatKeyRow) TableName() string { return "delivery_repeat_keys" }

// write inserts the notifications, or folds them into the unread ones foldBursts found, then
// the deliveries and the posts' repeat keys, outboxBatch rows a statement (an email that folds
// into one still waiting adds none), each stamped with its event's id and time; a new thread's
// email is due after newsroom.EmailHold.
func (o *outbox) write(tx *gorm.DB) error {
	if len(o.notices) == 0 && len(o.posts) == 0 {
		return nil
	}
	rows := make([]notificationRow, len(o.notices))
	var ds []deliveryRow
	for i, n := range o.notices {
		rows[i] = n.row
		rows[i].EventID, rows[i].CreatedAt = n.ev.ID, n.ev.At
		r := &rows[i]
		folded, err := n.into.fold(tx, r)
		if err != nil {
			return err
		}
		if !folded {
			if err := queryRowRaw(tx, insertNotificationSQL, r.UserID, r.EventID, r.Kind, r.DraftID, r.ActorID, r.Subject, r.Link, r.CreatedAt).Scan(&r.ID); err != nil {
				return err
			}
		}
		if n.email == nil {
			continue
		}
		if folded, err := n.into.foldEmail(tx); err != nil {
			return err
		} else if folded {
			continue
		}
		if folded, err := n.foldIntoWaiting(tx); err != nil {
			return err
		} else if folded {
			continue
		}
		kind := newsroom.NotificationKind(r.Kind)
		if n.emailKind != "" {
			kind = n.emailKind
		}
		d := stamped(*n.email, n.ev)
		d.NotificationID = &r.ID
		d.NextAt = d.NextAt.Add(newsroom.EmailHold(kind))
		ds = append(ds, d)
	}
	for _, p := range o.posts {
		p.row.Payload = mustJSON(p.finished())
		ds = append(ds, stamped(p.row, p.ev))
	}
	if len(ds) == 0 {
		return nil
	}
	if err := tx.CreateInBatches(&ds, outboxBatch).Error; err != nil {
		return err
	}
	keys := postRepeatKeys(o.posts)
	if len(keys) == 0 {
		return nil
	}
	return tx.CreateInBatches(&keys, outboxBatch).Error
}

// postRepeatKeys are the repeat keys of the further people posts tell of: once for all the
// webhooks posted of the same first event, as the key is the same whichever posted, so that a
// comment naming a thousand people to fifty webhooks writes a thousand rows, not fifty
// thousand. A key only some of them tell of (holdRepeats kept it from the others, which were
// posted of it lately) is written for each of those, with its webhook.
func postRepeatKeys(posts []outboxPost) []repeatKeyRow {
	byEvent := map[int64][]outboxPost{}
	var order []int64
	for _, p := range posts {
		if _, ok := byEvent[p.ev.ID]; !ok {
			order = append(order, p.ev.ID)
		}
		byEvent[p.ev.ID] = append(byEvent[p.ev.ID], p)
	}
	var keys []repeatKeyRow
	for _, id := range order {
		group := byEvent[id]
		told := map[string]int{}
		for _, p := range group {
			for _, k := range furtherKeys(p) {
				told[k]++
			}
		}
		for _, p := range group {
			for _, k := range furtherKeys(p) {
				row := repeatKeyRow{EventID: id, RepeatKey: k, CreatedAt: p.ev.At}
				switch {
				case told[k] < len(group):
					row.WebhookID = p.row.WebhookID
				case *p.row.WebhookID != *group[0].row.WebhookID:
					continue
				}
				keys = append(keys, row)
			}
		}
	}
	return keys
}

// furtherKeys are the repeat keys of the further people post p tells of.
func furtherKeys(p outboxPost) []string {
	var keys []string
	for _, e := range p.more {
		if newsroom.Repeats(*e) {
			keys = append(keys, repeatKey(e))
		}
	}
	return keys
}

// outboxBatch is how many deliveries, or repeat keys, one INSERT of write holds at most: a
// comment naming thousands of people writes a key for each, and one statement of them all
// could pass the bound variables a statement may have (32,766 on SQLite, 65,535 on
// PostgreSQL). 500 deliveries of 16 columns stay well inside both.
const outboxBatch = 500

// insertNotificationSQL writes one unread notification, run without GORM (see execRaw): most
// workflow actions tell someone, while they hold the writer.
const insertNotificationSQL = "INSERT INTO notifications (user_id, event_id, kind, draft_id, actor_id, subject, link, created_at) " +
	"VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id"

// stamped is d as caused by event e: due at once. Only a pending email or post has a repeat
// key: a digest's row is not an email of its own, before or after the digest went.
func stamped(d deliveryRow, e *newsroom.Event) deliveryRow {
	d.EventID, d.NextAt, d.CreatedAt = e.ID, e.At, e.At
	if d.Status == deliveryPending && newsroom.Repeats(*e) {
		d.RepeatKey = repeatKey(e)
	}
	return d
}

// notify adds the in-app notification of each notice whose person may see the piece, and the
// email delivery of those who want it by email.
func (s *Store) notify(tx *gorm.DB, o *outbox, e *newsroom.Event, f newsroom.NoticeFacts, stage newsroom.Stage, notices []newsroom.Notice) error {
	if len(notices) == 0 {
		return nil
	}
	ids := make([]int64, len(notices))
	for i, n := range notices {
		ids[i] = n.UserID
	}
	byID, err := recipients(tx, ids)
	if err != nil {
		return err
	}
	for _, n := range notices {
		p, ok := byID[n.UserID]
		if !ok || !s.policy.CanSee(&newsroom.User{ID: p.ID, Role: newsroom.Role(p.Role), Disabled: p.Disabled}, f.WriterID, stage) {
			continue
		}
		row := notificationRow{UserID: n.UserID, Kind: string(n.Kind), DraftID: e.DraftID, ActorID: e.ActorID, Subject: n.Subject, Link: n.Link}
		o.notices = append(o.notices, outboxNotice{ev: e, row: row, email: p.emailDelivery(e, n), notice: n, facts: f})
	}
	return nil
}

// emailDelivery is the email that tells r of notice n, or nil when r wants none of its kind:
// pending, or held for the digest of those who chose one.
func (r recipientRow) emailDelivery(e *newsroom.Event, n newsroom.Notice) *deliveryRow {
	if !r.wantsEmail(n.Kind) {
		return nil
	}
	status := deliveryPending
	if r.Digest != nil && *r.Digest {
		status = deliveryDigest
	}
	return &deliveryRow{Channel: newsroom.ChannelEmail, DraftID: e.DraftID, Recipient: r.Email,
		Payload: mustJSON(emailPayload{Subject: n.Subject, Text: n.Text, Link: n.Link}), Status: status}
}

// postToWebhooks adds one post of event e's headline to each webhook that takes its kind. A
// mention of someone written at once with one already posted (sameMention) joins that post
// instead, so that a comment naming dozens of people is one post to each webhook, not dozens
// of the same line.
func (o *outbox) postToWebhooks(e *newsroom.Event, f newsroom.NoticeFacts, head newsroom.Notice) {
	for _, h := range o.hooks {
		if !h.wants(head.Kind) {
			continue
		}
		if i := slices.IndexFunc(o.posts, func(p outboxPost) bool { return *p.row.WebhookID == h.ID && sameMention(p.ev, e) }); i >= 0 {
			o.posts[i].more = append(o.posts[i].more, e)
			continue
		}
		payload := WebhookPayload{Text: head.Subject, Event: string(e.Kind), Kind: string(head.Kind), DraftID: e.DraftID,
			Title: f.Title, Link: head.Link, Actor: f.Actor}
		row := deliveryRow{Channel: newsroom.ChannelWebhook, WebhookID: &h.ID, DraftID: e.DraftID, Recipient: h.Name, Status: deliveryPending}
		o.posts = append(o.posts, outboxPost{ev: e, row: row, payload: payload, head: head, facts: f})
	}
}

// noticeFacts reads what the planner needs to know of event e's piece, and the stage it stands
// in, inside tx: only what e's kind asks for.
func (s *Store) noticeFacts(tx *gorm.DB, e newsroom.Event) (newsroom.NoticeFacts, newsroom.Stage, error) {
	var f newsroom.NoticeFacts
	var stage string
	err := queryRowRaw(tx, noticeFactsSQL, e.ActorID, e.DraftID).Scan(&f.Title, &f.WriterID, &stage, &f.Actor)
	if errors.Is(err, sql.ErrNoRows) {
		err = nil
	}
	if err != nil {
		return newsroom.NoticeFacts{}, "", err
	}
	if st, ok := s.policy.Stage(e.Stage); ok {
		f.DeskLabel = st.Label
	}
	switch e.Kind {
	case newsroom.EventTransitioned:
		err = s.transitionFacts(tx, e, &f)
	case newsroom.EventCommented:
		if e.Action == "reply" {
			err = threadFacts(tx, e.Ref, &f)
		}
	case newsroom.EventQuoteChecked:
		err = s.quoteFacts(tx, e, &f)
	case newsroom.EventPublished, newsroom.EventReleased:
		err = s.approverFacts(tx, e.DraftID, &f)
	case newsroom.EventCorrected:
		if err = s.approverFacts(tx, e.DraftID, &f); err == nil {
			// The correction's public note, which its audit entry, written with it, holds.
			err = tx.Raw("SELECT note FROM audit WHERE draft_id = ? ORDER BY id DESC LIMIT 1", e.DraftID).Scan(&f.Note).Error
		}
	}
	return f, newsroom.Stage(stage), err
}

// noticeFactsSQL reads what every notice of a piece tells: its title, writer and stage, and who
// acted on it. planOutbox runs it, without GORM (see execRaw), for every event that may notify.
const noticeFactsSQL = "SELECT drafts.title, drafts.writer_id, drafts.stage, COALESCE(users.name, '') " +
	"FROM drafts LEFT JOIN users ON users.id = ? WHERE drafts.id = ?"

// transitionFacts reads the assignees of a piece that moved, and whether it went back to its
// writer (a step with a note into the workflow's first stage) with which note.
func (s *Store) transitionFacts(tx *gorm.DB, e newsroom.Event, f *newsroom.NoticeFacts) error {
	var rows []struct {
		Stage  string
		UserID int64
	}
	if err := tx.Raw("SELECT stage, user_id FROM assignments WHERE draft_id = ?", e.DraftID).Scan(&rows).Error; err != nil {
		return err
	}
	f.Assignees = make(map[newsroom.Stage]int64, len(rows))
	for _, r := range rows {
		f.Assignees[newsroom.Stage(r.Stage)] = r.UserID
	}
	a, ok := s.policy.Action(newsroom.Action(e.Action))
	if !ok || e.Stage != s.policy.Initial() || !a.Has(newsroom.GateNote) {
		return nil
	}
	f.Returned = true
	return tx.Raw("SELECT note FROM audit WHERE draft_id = ? ORDER BY id DESC LIMIT 1", e.DraftID).Scan(&f.Note).Error
}

// quoteFacts reads where the quote of a quote_checked event stands, and whether the actor's
// dispute of it was told within newsroom.DisputeQuiet: planOutbox stamps the quote with the time
// and the actor when it tells one, so that a verdict flipped back and forth is told once a
// quiet, on every channel alike, and another person's dispute is told as it comes. The draft's row
// lock (lockDraft), or SQLite's one writer, makes two servers' checks of a quote take turns, so
// the second reads the first's stamp.
func (s *Store) quoteFacts(tx *gorm.DB, e newsroom.Event, f *newsroom.NoticeFacts) error {
	var q struct {
		Status        newsroom.QuoteStatus
		DisputeToldAt *time.Time
		DisputeToldBy *int64
	}
	if err := tx.Raw("SELECT status, dispute_told_at, dispute_told_by FROM quotes WHERE id = ?", e.Ref).Scan(&q).Error; err != nil {
		return err
	}
	var by int64
	if q.DisputeToldBy != nil {
		by = *q.DisputeToldBy
	}
	f.QuoteStatus, f.DisputeToldLately = q.Status, newsroom.DisputeToldLately(q.DisputeToldAt, by, e.ActorID, s.clock())
	return nil
}

// threadFacts reads who is in thread commentID (its author and everyone who replied) and who
// its newest reply was addressed to.
func threadFacts(tx *gorm.DB, commentID int64, f *newsroom.NoticeFacts) error {
	err := tx.Raw(`SELECT author_id FROM comments WHERE id = ?
		UNION SELECT author_id FROM comment_replies WHERE comment_id = ?`, commentID, commentID).Scan(&f.Participants).Error
	if err != nil {
		return err
	}
	return tx.Raw(`SELECT user_id FROM reply_addressees WHERE reply_id =
		(SELECT MAX(id) FROM comment_replies WHERE comment_id = ?) ORDER BY user_id`, commentID).Scan(&f.Addressed).Error
}

// approverFacts reads who approved a piece: whoever moved it into a stage it is published from.
func (s *Store) approverFacts(tx *gorm.DB, draftID int64, f *newsroom.NoticeFacts) error {
	pub, ok := s.policy.Action(policy.ActionPublish)
	if !ok || len(pub.From) == 0 {
		return nil
	}
	args := []any{draftID}
	for _, st := range pub.From {
		args = append(args, string(st))
	}
	rows, err := queryRaw(tx, "SELECT DISTINCT actor_id FROM audit WHERE draft_id = ? AND to_stage IN ("+placeholders(len(pub.From))+
		") AND from_stage <> to_stage AND actor_id <> 0", args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return err
		}
		f.Approvers = append(f.Approvers, id)
	}
	return rows.Err()
}

// activeWebhooks reads the webhooks that take posts, by id.
func activeWebhooks(tx *gorm.DB) ([]outboxWebhook, error) {
	rows, err := queryRaw(tx, "SELECT id, name, kinds FROM webhooks WHERE active ORDER BY id")
	if err != nil {
		return nil, err
	}
	return scanAll(rows, func(h *outboxWebhook) error { return rows.Scan(&h.ID, &h.Name, &h.Kinds) })
}

// recipients reads, by their ids, the people ids names, with their email preferences.
func recipients(tx *gorm.DB, ids []int64) (map[int64]recipientRow, error) {
	args := make([]any, len(ids))
	for i, id := range ids {
		args[i] = id
	}
	rows, err := queryRaw(tx, `SELECT users.id, users.role, users.disabled, users.email, notification_prefs.email, notification_prefs.digest
		FROM users LEFT JOIN notification_prefs ON notification_prefs.user_id = users.id WHERE users.id IN (`+placeholders(len(ids))+")", args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	people := make(map[int64]recipientRow, len(ids))
	for rows.Next() {
		var p recipientRow
		if err := rows.Scan(&p.ID, &p.Role, &p.Disabled, &p.Email, &p.Kinds, &p.Digest); err != nil {
			return nil, err
		}
		people[p.ID] = p
	}
	return people, rows.Err()
}
