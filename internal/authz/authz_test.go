package authz_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/copydesk/copydesk/internal/authz"
	"github.com/copydesk/copydesk/internal/newsroom"
	"github.com/copydesk/copydesk/policies"
)

// TestPolicyMatrix checks every role × named action × relation against the foundation issue's
// table. A named action missing from the table fails the test.
func TestPolicyMatrix(t *testing.T) {
	a, err := authz.Default()
	if err != nil {
		t.Fatal(err)
	}
	const (
		W, F, E, A = newsroom.RoleWriter, newsroom.RoleFactChecker, newsroom.RoleEditor, newsroom.RoleAdmin
	)
	// allow lists, per action, the roles allowed on any draft and the roles allowed only as owner.
	type allow struct{ any, owner []newsroom.Role }
	table := map[string]allow{
		authz.DraftCreate:                               {any: []newsroom.Role{W}},
		authz.DraftEdit:                                 {any: []newsroom.Role{E}, owner: []newsroom.Role{W}},
		authz.DraftSetEditorComment:                     {any: []newsroom.Role{E}},
		authz.DraftImport:                               {any: []newsroom.Role{E, A}},
		authz.UserManage:                                {any: []newsroom.Role{A}},
		authz.Transition(newsroom.ActionSubmit):         {owner: []newsroom.Role{W}},
		authz.Transition(newsroom.ActionReturn):         {any: []newsroom.Role{F}},
		authz.Transition(newsroom.ActionClear):          {any: []newsroom.Role{F}},
		authz.Transition(newsroom.ActionRequestChanges): {any: []newsroom.Role{E}},
		authz.Transition(newsroom.ActionRecheck):        {any: []newsroom.Role{E}},
		authz.Transition(newsroom.ActionApprove):        {any: []newsroom.Role{E}},
		authz.Transition(newsroom.ActionReopen):         {any: []newsroom.Role{E}},
		authz.Transition(newsroom.ActionSpike):          {any: []newsroom.Role{E}},
		authz.Transition(newsroom.ActionPublish):        {any: []newsroom.Role{E}},
		authz.Transition(newsroom.ActionSchedule):       {any: []newsroom.Role{E}},
		authz.Transition(newsroom.ActionUnschedule):     {any: []newsroom.Role{E}},
		authz.Transition(newsroom.ActionRelease):        {},
		authz.ArticleCorrect:                            {any: []newsroom.Role{E}},
		authz.QuoteCheck:                                {any: []newsroom.Role{F, E}},
		authz.QuoteWaive:                                {any: []newsroom.Role{E}},
		authz.CommentCreate:                             {any: []newsroom.Role{F, E}},
		authz.CommentReply:                              {any: []newsroom.Role{F, E}, owner: []newsroom.Role{W}},
		authz.CommentResolve:                            {any: []newsroom.Role{E}, owner: []newsroom.Role{W}},
	}
	for _, act := range newsroom.Actions {
		if _, ok := table[authz.Transition(act)]; !ok {
			t.Fatalf("workflow action %s has no row in the policy table", act)
		}
	}
	has := func(rs []newsroom.Role, r newsroom.Role) bool {
		for _, x := range rs {
			if x == r {
				return true
			}
		}
		return false
	}
	for act, al := range table {
		for _, role := range newsroom.Roles {
			u := &newsroom.User{ID: 7, Role: role}
			wantOther := has(al.any, role)
			wantOwner := wantOther || has(al.owner, role)
			if got := a.Can(u, act, 7); got != wantOwner {
				t.Errorf("%s %s own draft: got %v, want %v", role, act, got, wantOwner)
			}
			if got := a.Can(u, act, 8); got != wantOther {
				t.Errorf("%s %s other's draft: got %v, want %v", role, act, got, wantOther)
			}
			u.Disabled = true
			if a.Can(u, act, 7) {
				t.Errorf("disabled %s may %s", role, act)
			}
		}
	}
	// A comment's author may resolve it whatever their role allows otherwise.
	for _, role := range newsroom.Roles {
		want := role == F || role == E
		if got := a.CanAs(&newsroom.User{Role: role}, authz.CommentResolve, authz.RelAuthor); got != want {
			t.Errorf("%s resolving own comment: got %v, want %v", role, got, want)
		}
	}
	if a.Can(nil, authz.DraftCreate, 0) {
		t.Error("anonymous may create a draft")
	}
	if err := a.Check(&newsroom.User{Role: W}, authz.UserManage, 0); newsroom.ErrorCode(err) != newsroom.EFORBIDDEN {
		t.Errorf("Check = %v, want EFORBIDDEN", err)
	}
}

// TestFromDir shows that an operator's policy files replace the embedded ones.
func TestFromDir(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "model.conf"), []byte(policies.Model), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "policy.csv"), []byte("p, writer, draft:publish, owner\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	a, err := authz.FromDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	if !a.Can(&newsroom.User{ID: 1, Role: newsroom.RoleWriter}, authz.Transition(newsroom.ActionPublish), 1) {
		t.Error("custom policy: writer may not publish own draft")
	}
	if a.Can(&newsroom.User{ID: 1, Role: newsroom.RoleEditor}, authz.Transition(newsroom.ActionPublish), 1) {
		t.Error("custom policy: editor still may publish")
	}
	if _, err := authz.FromDir(t.TempDir()); err == nil {
		t.Error("FromDir on an empty directory: want an error")
	}
}
