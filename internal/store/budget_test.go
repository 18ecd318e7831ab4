package store_test

import (
	"testing"
	"time"

	"github.com/copydesk/copydesk/internal/clock"
	"github.com/copydesk/copydesk/internal/newsroom"
	"github.com/copydesk/copydesk/internal/store"
)

func TestTimeZoneSetting(t *testing.T) {
	f := newNewsroom(t)
	zone, err := f.s.TimeZone(f.editor)
	if err != nil || zone != time.UTC {
		t.Fatalf("TimeZone = %v, %v; want UTC by default", zone, err)
	}
	wantCode(t, f.s.SetTimeZone(f.editor, "Europe/London"), newsroom.EFORBIDDEN)
	wantCode(t, f.s.SetTimeZone(f.admin, "Mars/Olympus_Mons"), newsroom.EINVALID)
	if err := f.s.SetTimeZone(f.admin, "Europe/London"); err != nil {
		t.Fatal(err)
	}
	if zone, _ = f.s.TimeZone(f.writer); zone.String() != "Europe/London" {
		t.Fatalf("TimeZone = %v, want Europe/London", zone)
	}
	set, err := f.s.Setting(f.writer, newsroom.SettingTimeZone)
	if err != nil || set.UpdatedBy != me(f.admin).ID {
		t.Fatalf("Setting = %+v, %v; want it set by the admin", set, err)
	}
	if err := f.s.SetTimeZone(f.admin, "America/New_York"); err != nil {
		t.Fatalf("setting it again: %v", err)
	}
	if zone, _ = f.s.TimeZone(f.writer); zone.String() != "America/New_York" {
		t.Fatalf("TimeZone = %v, want America/New_York", zone)
	}

	t.Run("DefaultFromOptions", func(t *testing.T) {
		tokyo, _ := time.LoadLocation("Asia/Tokyo")
		g := newNewsroomAt(t, store.Options{TimeZone: tokyo})
		if zone, _ := g.s.TimeZone(g.writer); zone != tokyo {
			t.Fatalf("TimeZone = %v, want the option's Asia/Tokyo until an admin sets one", zone)
		}
	})
}

// TestBudgetAcrossDST groups a week's pieces by their day in Europe/London across the night
// the clocks go forward (29 March 2026, 01:00 UTC): a piece due at 23:30 UTC on the 29th is due
// at 00:30 on the 30th in London, and the week still has seven days.
func TestBudgetAcrossDST(t *testing.T) {
	clk := clock.NewFake(time.Date(2026, 3, 27, 12, 0, 0, 0, time.UTC))
	f := newNewsroomAt(t, store.Options{Clock: clk})
	if err := f.s.SetTimeZone(f.admin, "Europe/London"); err != nil {
		t.Fatal(err)
	}
	due := func(d *newsroom.Draft, stage newsroom.Stage, at time.Time) {
		t.Helper()
		if _, err := f.s.SetDeadline(f.editor, newsroom.DeadlineChange{DraftID: d.ID, Stage: stage, At: &at}); err != nil {
			t.Fatal(err)
		}
	}
	sat := f.draftIn(t, newsroom.StageFactCheck)   // due 23:30 GMT on Saturday the 28th
	sun := f.draftIn(t, newsroom.StageEditing)     // due 00:30 GMT on Sunday the 29th
	mon := f.draftIn(t, newsroom.StageFactCheck)   // due 00:30 BST on Monday the 30th
	staged := f.draftIn(t, newsroom.StageEditing)  // the piece on Friday, its editing on Tuesday
	later := f.draftIn(t, newsroom.StageFactCheck) // due after the week
	undated := f.draftIn(t, newsroom.StageDraft)
	f.draftIn(t, newsroom.StageSpiked) // neither due nor under way
	due(sat, "", time.Date(2026, 3, 28, 23, 30, 0, 0, time.UTC))
	due(sun, "", time.Date(2026, 3, 29, 0, 30, 0, 0, time.UTC))
	due(mon, "", time.Date(2026, 3, 29, 23, 30, 0, 0, time.UTC))
	due(staged, "", time.Date(2026, 3, 27, 9, 0, 0, 0, time.UTC))
	due(staged, newsroom.StageEditing, time.Date(2026, 3, 31, 9, 0, 0, 0, time.UTC))
	due(later, "", time.Date(2026, 4, 3, 0, 0, 0, 0, time.UTC))
	if _, err := f.s.Assign(f.editor, newsroom.Assignment{DraftID: mon.ID, Stage: newsroom.StageFactCheck, UserID: me(f.checker).ID}); err != nil {
		t.Fatal(err)
	}

	b, err := f.s.Budget(f.editor, "2026-03-27", 7)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string][]int64{"2026-03-28": {sat.ID}, "2026-03-29": {sun.ID}, "2026-03-30": {mon.ID}, "2026-03-31": {staged.ID}}
	if len(b.Dated) != 7 || b.Dated[0].Date != "2026-03-27" || b.Dated[6].Date != "2026-04-02" {
		t.Fatalf("days = %+v, want March 27 to April 2", b.Dated)
	}
	for _, day := range b.Dated {
		var ids []int64
		for _, r := range day.Items {
			ids = append(ids, r.ID)
		}
		if len(ids) != len(want[day.Date]) || len(ids) > 0 && ids[0] != want[day.Date][0] {
			t.Errorf("%s: %v, want %v", day.Date, ids, want[day.Date])
		}
	}
	if r := b.Dated[3].Items[0]; r.Assignee == nil || r.Assignee.ID != me(f.checker).ID || r.Due != newsroom.DueNone {
		t.Errorf("Monday's piece = %+v, want held by fiona and not yet due soon", r)
	}
	if len(b.Undated) != 1 || b.Undated[0].ID != undated.ID {
		t.Errorf("undated = %+v, want only draft %d", b.Undated, undated.ID)
	}

	t.Run("DueSoonAndOverdue", func(t *testing.T) {
		clk.Add(30 * time.Hour) // Saturday 18:00 GMT
		b, err := f.s.Budget(f.editor, "2026-03-28", 1)
		if err != nil {
			t.Fatal(err)
		}
		if r := b.Dated[0].Items[0]; r.Due != newsroom.DueIsSoon {
			t.Errorf("Saturday's piece is %q, want soon", r.Due)
		}
		clk.Add(6 * time.Hour)
		b, _ = f.s.Budget(f.editor, "2026-03-28", 1)
		if r := b.Dated[0].Items[0]; r.Due != newsroom.DueOverdue {
			t.Errorf("Saturday's piece is %q at midnight, want overdue", r.Due)
		}
	})
	t.Run("Refusals", func(t *testing.T) {
		_, err := f.s.Budget(f.writer, "", 1)
		wantCode(t, err, newsroom.EFORBIDDEN)
		_, err = f.s.Budget(f.editor, "", 3)
		wantCode(t, err, newsroom.EINVALID)
		_, err = f.s.Budget(f.editor, "March 3", 1)
		wantCode(t, err, newsroom.EINVALID)
	})
}

// TestBudgetLeavesOutPublishedAndSpiked holds that the budget's days list only pieces still under
// way: a piece published or spiked with its due time still set is no work to plan for.
func TestBudgetLeavesOutPublishedAndSpiked(t *testing.T) {
	clk := clock.NewFake(time.Date(2026, 3, 27, 12, 0, 0, 0, time.UTC))
	f := newNewsroomAt(t, store.Options{Clock: clk})
	at := time.Date(2026, 3, 28, 9, 0, 0, 0, time.UTC)
	var live int64
	for _, stage := range []newsroom.Stage{newsroom.StageEditing, newsroom.StageSpiked, newsroom.StagePublished} {
		d := f.draftIn(t, stage)
		if _, err := f.s.SetDeadline(f.editor, newsroom.DeadlineChange{DraftID: d.ID, At: &at}); err != nil {
			t.Fatalf("%s: %v", stage, err)
		}
		if stage == newsroom.StageEditing {
			live = d.ID
		}
	}
	b, err := f.s.Budget(f.editor, "2026-03-28", 1)
	if err != nil {
		t.Fatal(err)
	}
	if items := b.Dated[0].Items; len(items) != 1 || items[0].ID != live {
		t.Errorf("Saturday lists %+v, want only the piece in editing (%d)", items, live)
	}
}
