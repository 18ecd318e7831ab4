package store

import (
	"context"
	"fmt"
	"sort"

	"github.com/copydesk/copydesk/internal/newsroom"
	"github.com/copydesk/copydesk/internal/policy"
)

// noticeLogLimit is the most entries of each channel a piece's notification log shows.
const noticeLogLimit = 200

// DraftNotifications returns the notification log of a draft, newest first: each person told in
// the app (delivered, or read), and each email and webhook post with how its delivery stands.
// Its writer may read it, and whoever the policy lets read every piece's (CanSeeNoticeLog);
// others get ENOTFOUND for a draft they cannot see and EFORBIDDEN for one they can. Only those
// who manage the newsroom (and set up its mail server and webhooks) read a failed send's error
// as it was; the others read what kind of failure it was (see plainError).
func (s *Store) DraftNotifications(ctx context.Context, draftID int64) ([]newsroom.NoticeLogEntry, error) {
	u, err := actor(ctx)
	if err != nil {
		return nil, err
	}
	db := s.read(ctx)
	v, err := s.findDraft(db, u, draftID)
	if err != nil {
		return nil, internal("notification log", err)
	}
	if !s.policy.CanSeeNoticeLog(u, v.Row.WriterID) {
		return nil, newsroom.Errorf(newsroom.EFORBIDDEN, "%s may not read this piece's notification log", s.policy.RoleWords(u.Role))
	}
	var ns []notificationRow
	if err := db.Where("draft_id = ?", draftID).Order("id DESC").Limit(noticeLogLimit).Find(&ns).Error; err != nil {
		return nil, internal("notification log", err)
	}
	var ds []deliveryRow
	if err := db.Where("draft_id = ?", draftID).Order("id DESC").Limit(noticeLogLimit).Find(&ds).Error; err != nil {
		return nil, internal("notification log", err)
	}
	ids := make([]int64, 0, len(ns))
	told := map[int64]notificationRow{}
	for _, n := range ns {
		ids = append(ids, n.UserID)
		told[n.ID] = n
	}
	names, err := people(db, ids)
	if err != nil {
		return nil, internal("notification log", err)
	}
	logs, err := deliveryLogs(db, ds)
	if err != nil {
		return nil, internal("notification log", err)
	}
	admin := s.policy.Can(u, policy.UserManage, 0)
	out := make([]newsroom.NoticeLogEntry, 0, len(ns)+len(ds))
	for _, n := range ns {
		p := names[n.UserID]
		status := "delivered"
		if n.ReadAt != nil {
			status = "read"
		}
		out = append(out, newsroom.NoticeLogEntry{At: n.CreatedAt, Channel: "app", Person: &p, Recipient: p.Name,
			Kind: newsroom.NotificationKind(n.Kind), Subject: n.Subject, Status: status})
	}
	for i, l := range logs {
		e := newsroom.NoticeLogEntry{At: l.CreatedAt, Channel: l.Channel, Recipient: l.Recipient, Subject: l.Subject, Status: l.Status,
			Attempts: len(l.Attempts), LastError: l.LastError}
		if !admin {
			e.LastError = plainError(l)
		}
		// An email names its person, not their address, which the log's readers need not know.
		if id := ds[i].NotificationID; id != nil {
			n := told[*id]
			p := names[n.UserID]
			e.Kind, e.Person, e.Recipient = newsroom.NotificationKind(n.Kind), &p, p.Name
		}
		out = append(out, e)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].At.After(out[j].At) })
	return out, nil
}

// plainError is a delivery's last error as anyone may read it. A send's error can name the
// recipient's address, the mail server or the webhook's URL, so it is told as whether the other
// side answered, and with what status. A note the worker wrote itself (why a delivery waits or
// was given up without a try) is not an attempt's error and names none of those: it is kept.
func plainError(l newsroom.DeliveryLog) string {
	if len(l.Attempts) == 0 || l.LastError == "" {
		return l.LastError
	}
	last := l.Attempts[len(l.Attempts)-1]
	if last.Error != l.LastError {
		return l.LastError
	}
	where := "the webhook"
	if l.Channel == newsroom.ChannelEmail {
		where = "the mail server"
	}
	if last.StatusCode != 0 {
		return fmt.Sprintf("%s answered %d", where, last.StatusCode)
	}
	return "could not reach " + where
}
