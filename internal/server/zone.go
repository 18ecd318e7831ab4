package server

import (
	"context"
	"slices"
	"strings"
	"time"

	"github.com/copydesk/copydesk/internal/newsroom"
)

// The layouts pages show and read times in, in the newsroom's time zone: with the zone's
// abbreviation, so nobody takes a London time for UTC; and as a datetime-local input holds it.
const (
	zoneTime  = "Mon Jan 2, 2006 15:04 MST"
	zoneClock = "15:04 MST"
	inputTime = "2006-01-02T15:04"
)

// zone is the newsroom's time zone for a page: the one place server views learn it (see
// view.Zone). A database that cannot say gives UTC, and the error goes to the log, so a page
// still shows with its times marked UTC.
func (s *Server) zone(ctx context.Context) *time.Location {
	loc, err := s.store.TimeZone(ctx)
	if err != nil {
		s.log.WarnContext(ctx, "time zone", "err", err)
	}
	if loc == nil {
		return time.UTC
	}
	return loc
}

// dueView is a due time as a list shows it: in the newsroom's zone, and whether it is soon or
// overdue ("" when neither, or when there is no due time).
type dueView struct {
	When  string
	Clock string // the time of day alone, for a list already headed by the day
	Input string
	State newsroom.DueState
}

// Local writes t in the newsroom's time zone, with the zone's abbreviation.
func (v view) Local(t time.Time) string { return t.In(v.zone()).Format(zoneTime) }

// ZoneName is the newsroom's time zone by its IANA name, for a page's script to write times in
// it as Local does.
func (v view) ZoneName() string { return v.zone().String() }

// Due is how a list shows the due time due (nil: none) at the moment the page was made.
func (v view) Due(due *time.Time) dueView { return dueIn(due, v.zone(), v.Now) }

// dueIn is how a list shows the due time due (nil: none) in zone at now.
func dueIn(due *time.Time, zone *time.Location, now time.Time) dueView {
	if due == nil {
		return dueView{}
	}
	local := due.In(zone)
	return dueView{When: local.Format(zoneTime), Clock: local.Format(zoneClock), Input: local.Format(inputTime), State: newsroom.DueStateAt(due, now)}
}

func (v view) zone() *time.Location {
	if v.Zone == nil {
		return time.UTC
	}
	return v.Zone
}

// parseLocal reads a datetime-local input's value, the time what names ("due time"), as a time
// in zone; "" is no time (nil). A clock time the zone skips (the hour lost when clocks go
// forward) is refused rather than moved, since time.ParseInLocation would silently store it an
// hour early. A clock time the zone shows twice (the hour, or half hour, repeated when clocks go
// back) is the first of the two, as pages then show it with the zone's abbreviation (EDT rather
// than EST); see secondReading for the other.
func parseLocal(what, value string, zone *time.Location) (*time.Time, error) {
	if value == "" {
		return nil, nil
	}
	t, err := time.ParseInLocation(inputTime, value, zone)
	if err != nil {
		return nil, newsroom.Errorf(newsroom.EINVALID, "give the %s as a date and time (%s), such as 2026-03-30T17:00", what, zone)
	}
	rs := readings(t, value)
	if len(rs) == 0 {
		return nil, newsroom.Errorf(newsroom.EINVALID, "%s does not exist in %s: the clocks skip that hour; give a time before or after it",
			strings.Replace(value, "T", " ", 1), zone)
	}
	return &rs[0], nil
}

// readings are the times, in order, at which t's zone shows the clock time value, t being one
// reading of it as time.ParseInLocation gives it: none when the zone skips it, two when it shows
// it twice. The other readings are found through the zone's offsets in the periods either side of
// t's, so a change of half an hour or two counts as one of an hour does.
func readings(t time.Time, value string) []time.Time {
	_, off := t.Zone()
	start, end := t.ZoneBounds()
	candidates := []time.Time{t}
	if !start.IsZero() {
		_, before := start.Add(-time.Nanosecond).Zone()
		candidates = append(candidates, t.Add(time.Duration(off-before)*time.Second))
	}
	if !end.IsZero() {
		_, after := end.Zone()
		candidates = append(candidates, t.Add(time.Duration(off-after)*time.Second))
	}
	var rs []time.Time
	for _, c := range candidates {
		if c.Format(inputTime) == value && !slices.ContainsFunc(rs, c.Equal) {
			rs = append(rs, c)
		}
	}
	slices.SortFunc(rs, func(a, b time.Time) int { return a.Compare(b) })
	return rs
}

// secondReading is t, a time parseLocal read, as the second of the two times its clock time
// names when the zone shows it twice and now is past the moment the clocks went back: someone who
// types a time then means the repeat they are in, not the pass that has gone. Otherwise it is t.
func secondReading(t, now time.Time) time.Time {
	rs := readings(t, t.Format(inputTime))
	if len(rs) < 2 {
		return t
	}
	if _, back := rs[0].ZoneBounds(); back.IsZero() || now.Before(back) {
		return t
	}
	return rs[len(rs)-1]
}
