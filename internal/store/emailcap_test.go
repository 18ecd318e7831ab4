package store_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/copydesk/copydesk/internal/clock"
	"github.com/copydesk/copydesk/internal/newsroom"
	"github.com/copydesk/copydesk/internal/store"
)

// linkStep is one person asking for a link to an address after a while, and the code of the
// refusal they get ("" when the link goes), with its retry_after in seconds.
type linkStep struct {
	name  string
	as    string
	addr  string
	after time.Duration
	code  string
	wait  int
}

// runLinkSteps takes steps in order, each as a subtest, the people in them made writers first.
func runLinkSteps(t *testing.T, s *store.Store, clk *clock.Fake, steps []linkStep) {
	t.Helper()
	who := map[string]context.Context{}
	for _, st := range steps {
		if who[st.as] == nil {
			who[st.as], _ = mustUser(t, s, st.as, newsroom.RoleWriter)
		}
	}
	for _, st := range steps {
		t.Run(st.name, func(t *testing.T) {
			clk.Add(st.after)
			req, err := s.RequestEmailChange(who[st.as], st.addr, true)
			wantCode(t, err, st.code)
			var e *newsroom.Error
			if errors.As(err, &e) && e.Details["retry_after"] != st.wait {
				t.Fatalf("retry_after %v, want %d (%v)", e.Details["retry_after"], st.wait, err)
			}
			if err == nil && (req.Token == "" || req.Pending == nil || !strings.EqualFold(req.Pending.Address, st.addr)) {
				t.Fatalf("RequestEmailChange(%q) = %+v, want a link to mail", st.addr, req)
			}
		})
	}
}

// TestMailboxLinkCap: one mailbox is mailed at most EmailMailboxLinksPerHour links an hour,
// whoever asks, except that each account's first link to it in the hour always goes, so that
// no one can spend the cap to keep the mailbox's owner from their link. A request the cap
// refuses waits until its asker's own latest link to the mailbox leaves the hour, and counts
// against no one's hourly limit.
func TestMailboxLinkCap(t *testing.T) {
	if store.EmailMailboxLinksPerHour != 10 || store.EmailMailboxGap != 5*time.Minute || store.EmailLinksPerHour != 5 {
		t.Fatal("the steps are written for a cap of 10 links, a gap of 5 minutes and 5 links a person")
	}
	const box = "owner@example.org"
	clk := clock.NewFake(time.Date(2026, 12, 7, 9, 0, 0, 0, time.UTC))
	s := mustOpen(t, store.Options{Clock: clk})
	gap := store.EmailMailboxGap
	runLinkSteps(t, s, clk, []linkStep{
		{"GilFirst", "gil", box, 0, "", 0},
		{"AnnFirst", "ann", box, time.Minute, "", 0},
		{"BenFirst", "ben", box, 0, "", 0},
		{"CalFirst", "cal", box, 0, "", 0},
		{"AnnSecond", "ann", box, gap, "", 0},
		{"BenSecond", "ben", "Owner@Example.org", 0, "", 0},
		{"CalSecond", "cal", box, 0, "", 0},
		{"AnnThird", "ann", box, gap, "", 0},
		{"BenThird", "ben", box, 0, "", 0},
		{"AnnFourthReachesTheCap", "ann", box, gap, "", 0},
		{"ErrBenUntilHisLatestLeavesTheHour", "ben", box, 0, newsroom.ETOOMANY, 55 * 60},
		{"ErrPastTheCapInCapitals", "cal", "OWNER@example.org", 0, newsroom.ETOOMANY, 50 * 60},
		{"OwnerFirstGoesPastTheCap", "owner", box, 0, "", 0},
		{"DanFirstGoesPastTheCap", "dan", box, 0, "", 0},
		{"ErrOwnerWithinTheirGap", "owner", box, time.Minute, newsroom.ETOOMANY, 4 * 60},
		{"ErrOwnerSecondPastTheCap", "owner", box, 4 * time.Minute, newsroom.ETOOMANY, 55 * 60},
		{"ErrGilUntilHisOnlyLinkLeavesTheHour", "gil", box, 0, newsroom.ETOOMANY, 39 * 60},
		{"AnotherMailboxIsUncapped", "ben", "ben@example.org", 0, "", 0},
		{"BensRefusalSpentNothing", "ben", "ben2@example.org", 0, "", 0},
		{"ErrBensSixthLink", "ben", "ben3@example.org", 0, newsroom.ETOOMANY, 40 * 60},
		{"OthersKeepTheirHour", "eve", "eve@example.org", 0, "", 0},
		{"CapFreedAsTheHourPasses", "owner", box, 40 * time.Minute, "", 0},
	})
}

// TestMailboxCapRefusalKeepsItsWord: accounts that keep a mailbox's cap full, each asking again
// as its own link leaves the hour, cannot keep its owner, whose first link of the hour was
// spent, waiting past the time their refusal gave, nor spend the owner's own five links an hour
// by getting them refused again and again.
func TestMailboxCapRefusalKeepsItsWord(t *testing.T) {
	if store.EmailMailboxLinksPerHour != 10 || store.EmailMailboxGap != 5*time.Minute || store.EmailLinksPerHour != 5 {
		t.Fatal("the steps are written for a cap of 10 links, a gap of 5 minutes and 5 links a person")
	}
	const box = "owner@example.org"
	clk := clock.NewFake(time.Date(2026, 12, 7, 9, 0, 0, 0, time.UTC))
	s := mustOpen(t, store.Options{Clock: clk})
	var steps []linkStep
	for i := range store.EmailMailboxLinksPerHour {
		steps = append(steps, linkStep{fmt.Sprintf("Filler%dFirst", i), fmt.Sprintf("filler%d", i), box, time.Minute, "", 0})
	}
	steps = append(steps,
		linkStep{"OwnerFirstGoesPastTheCap", "owner", box, time.Minute, "", 0},
		linkStep{"ErrOwnerUntilTheirLinkLeavesTheHour", "owner", box, 6 * time.Minute, newsroom.ETOOMANY, 54 * 60},
	)
	for i, wait := range []int{49, 44, 39, 34} {
		steps = append(steps, linkStep{fmt.Sprintf("ErrOwnerAgain%d", i), "owner", box, 5 * time.Minute, newsroom.ETOOMANY, wait * 60})
	}
	steps = append(steps, linkStep{"OwnersRefusalsSpentNothing", "owner", "owner-other@example.org", 0, "", 0})
	for i := range store.EmailMailboxLinksPerHour {
		after := time.Minute
		if i == 0 {
			after = 24*time.Minute + 30*time.Second
		}
		steps = append(steps, linkStep{fmt.Sprintf("Filler%dRefillsTheCap", i), fmt.Sprintf("filler%d", i), box, after, "", 0})
		if i == 0 {
			steps = append(steps, linkStep{"ErrOwnerStillWaits", "owner", box, 30 * time.Second, newsroom.ETOOMANY, 9 * 60})
		}
	}
	steps = append(steps, linkStep{"OwnersLinkGoesWhenPromised", "owner", box, 30 * time.Second, "", 0})
	runLinkSteps(t, s, clk, steps)
}

// TestMailboxCapCountsSubAddresses: name+tag@ reaches name@'s inbox at most mail providers, so
// the cap counts every tag of one local part, however it is written, as one mailbox; another
// local part, or the same one at another domain, is another mailbox.
func TestMailboxCapCountsSubAddresses(t *testing.T) {
	clk := clock.NewFake(time.Date(2026, 12, 7, 9, 0, 0, 0, time.UTC))
	s := mustOpen(t, store.Options{Clock: clk})
	var steps []linkStep
	for i := range store.EmailMailboxLinksPerHour {
		who := fmt.Sprintf("p%d", i)
		steps = append(steps, linkStep{"Tag" + who, who, fmt.Sprintf("victim+%d@gmail.com", i), 0, "", 0})
	}
	steps = append(steps,
		linkStep{"ErrUntaggedPastTheCap", "p0", "victim@gmail.com", time.Minute, newsroom.ETOOMANY, 59 * 60},
		linkStep{"ErrAnotherTagPastTheCap", "p1", "victim+other@gmail.com", 0, newsroom.ETOOMANY, 59 * 60},
		linkStep{"ErrTagInCapitalsPastTheCap", "p2", "VICTIM+Z@GMAIL.COM", 0, newsroom.ETOOMANY, 59 * 60},
		linkStep{"ErrTwoTagsPastTheCap", "p3", "victim+a+b@gmail.com", 0, newsroom.ETOOMANY, 59 * 60},
		linkStep{"OwnerFirstGoesPastTheCap", "owner", "victim@gmail.com", 0, "", 0},
		linkStep{"AnotherLocalPartIsUncapped", "p4", "victimx@gmail.com", 0, "", 0},
		linkStep{"AnotherDomainIsUncapped", "p5", "victim+5@example.org", 0, "", 0},
	)
	runLinkSteps(t, s, clk, steps)
}
