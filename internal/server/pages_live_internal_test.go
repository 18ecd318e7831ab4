package server

import (
	"context"
	"io"
	"log/slog"
	"net/http/httptest"
	"strconv"
	"testing"
	"time"

	"golang.org/x/crypto/bcrypt"

	"github.com/copydesk/copydesk/internal/clock"
	"github.com/copydesk/copydesk/internal/newsroom"
	"github.com/copydesk/copydesk/internal/store"
	"github.com/copydesk/copydesk/internal/store/storetest"
)

// TestDraftPageEditing shows what the draft page is given for editing in place: the viewer's own
// working copy while they may edit the draft, and who else is editing it.
func TestDraftPageEditing(t *testing.T) {
	clk := clock.NewFake(time.Date(2025, 5, 7, 9, 0, 0, 0, time.UTC))
	st, err := store.Open(storetest.DSN(t), store.Options{PasswordCost: bcrypt.MinCost, Clock: clk})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	if _, err := st.Migrate(context.Background()); err != nil {
		t.Fatal(err)
	}
	s := New(st, Config{Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	as := func(name string, role newsroom.Role) context.Context {
		u, err := st.CreateUser(store.AsOperator(context.Background()), store.NewUser{Username: name, Name: name, Role: role, Password: "pw-" + name + "-staple"})
		if err != nil {
			t.Fatal(err)
		}
		return newsroom.WithUser(context.Background(), u)
	}
	writer, checker, editor := as("writer", newsroom.RoleWriter), as("checker", newsroom.RoleFactChecker), as("editor", newsroom.RoleEditor)
	d, err := st.CreateDraft(writer, newsroom.Text{Title: "T", Byline: "B", Brief: "Brief.", Body: "Body."})
	if err != nil {
		t.Fatal(err)
	}
	load := func(ctx context.Context) *draftPage {
		t.Helper()
		req := httptest.NewRequest("GET", "/drafts/"+strconv.FormatInt(d.ID, 10), nil).WithContext(ctx)
		p, err := s.loadDraftPage(s.echo.NewContext(req, httptest.NewRecorder()), d.ID)
		if err != nil {
			t.Fatal(err)
		}
		return p
	}
	keep := func(ctx context.Context, body string) {
		t.Helper()
		cur, _ := st.GetDraft(ctx, d.ID)
		if _, err := st.SaveWorkingCopy(ctx, d.ID, newsroom.WorkingCopy{BaseVersion: cur.Version, Text: newsroom.Text{Title: "T", Body: body}}); err != nil {
			t.Fatal(err)
		}
	}

	if p := load(writer); p.WorkingCopy != nil || len(p.Editors) != 0 {
		t.Fatalf("a draft nobody typed in: working copy %+v, editors %+v", p.WorkingCopy, p.Editors)
	}
	keep(writer, "The writer's typing.")
	if p := load(writer); p.WorkingCopy == nil || p.WorkingCopy.Text.Body != "The writer's typing." || len(p.Editors) != 0 {
		t.Fatalf("the writer's page: working copy %+v, editors %+v", p.WorkingCopy, p.Editors)
	}
	if p := load(editor); p.WorkingCopy != nil || len(p.Editors) != 1 || p.Editors[0].Person.Username != "writer" {
		t.Fatalf("the editor's page: working copy %+v, editors %+v; want the writer editing", p.WorkingCopy, p.Editors)
	}

	for _, step := range []struct {
		ctx    context.Context
		action newsroom.Action
	}{{writer, newsroom.ActionSubmit}, {checker, newsroom.ActionClear}} {
		if _, err := st.Transition(step.ctx, d.ID, newsroom.TransitionRequest{Action: step.action}); err != nil {
			t.Fatal(err)
		}
	}
	clk.Add(newsroom.EditingWindow)
	keep(editor, "The editor's typing.")
	if p := load(writer); p.WorkingCopy != nil || len(p.Editors) != 1 || p.Editors[0].Person.Username != "editor" {
		t.Fatalf("the writer's page in editing: working copy %+v, editors %+v; want none of theirs, the editor editing", p.WorkingCopy, p.Editors)
	}
	if p := load(editor); p.WorkingCopy == nil || p.WorkingCopy.Text.Body != "The editor's typing." || len(p.Editors) != 0 {
		t.Fatalf("the editor's page in editing: working copy %+v, editors %+v", p.WorkingCopy, p.Editors)
	}
}
