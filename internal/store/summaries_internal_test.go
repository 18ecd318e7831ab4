package store

import (
	"context"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"gorm.io/gorm"

	"github.com/copydesk/copydesk/internal/newsroom"
	"github.com/copydesk/copydesk/internal/policy"
)

// TestQueueReadsItsIndexAlone checks SQLite's plan of a desk's queue, the first page of one
// stage's summaries as an editor lists them, as the pages read it and as the API does: the
// drafts are read from the covering index of migration 00031 alone, in its order (no sort),
// and every join is a lookup by key, so the bodies' overflow pages are never read.
func TestQueueReadsItsIndexAlone(t *testing.T) {
	s, err := Open(filepath.Join(t.TempDir(), "queue.db"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := s.Migrate(context.Background()); err != nil {
		t.Fatal(err)
	}
	u, err := s.CreateUser(AsOperator(context.Background()), NewUser{Username: "ed", Role: newsroom.RoleEditor, Password: "pw-ed-staple"})
	if err != nil {
		t.Fatal(err)
	}
	ctx := newsroom.WithUser(context.Background(), u)
	q, err := s.draftPage(ctx, &newsroom.DraftFilter{Stage: newsroom.StageEditing})
	if err != nil {
		t.Fatal(err)
	}
	var rows []map[string]any
	stmt := s.summarized(q).Session(&gorm.Session{DryRun: true}).Find(&rows).Statement
	raw, args, err := s.summaryPageQuery(u, &newsroom.DraftFilter{Stage: newsroom.StageEditing})
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name  string
		query string
		args  []any
	}{
		{"Summaries", stmt.SQL.String(), stmt.Vars},
		{"JSON", raw, args},
	} {
		t.Run(tc.name, func(t *testing.T) {
			steps := queryPlan(t, s, tc.query, tc.args...)
			if len(steps) == 0 || !strings.Contains(steps[0], "drafts USING COVERING INDEX drafts_stage_updated") {
				t.Fatalf("the queue's plan does not read drafts from the covering index first:\n%s", strings.Join(steps, "\n"))
			}
			for _, step := range steps[1:] {
				if !strings.HasPrefix(step, "SEARCH ") {
					t.Fatalf("the queue's plan has a step that is no lookup by key:\n%s", strings.Join(steps, "\n"))
				}
			}
		})
	}
}

// TestWriteConditionSpreadsLists checks that writeCondition writes a condition as GORM's Where
// would: every slice but []byte spread into one ? per element, an empty one as (NULL), and any
// other argument, []byte included, as one ?.
func TestWriteConditionSpreadsLists(t *testing.T) {
	tests := []struct {
		name     string
		cond     policy.Condition
		wantSQL  string
		wantArgs []any
	}{
		{"Strings", policy.Condition{SQL: "drafts.stage IN ?", Args: []any{[]string{"draft", "editing"}}},
			"(drafts.stage IN (?,?))", []any{"draft", "editing"}},
		{"NamedStrings", policy.Condition{SQL: "drafts.stage IN ?", Args: []any{[]newsroom.Stage{newsroom.StageEditing}}},
			"(drafts.stage IN (?))", []any{newsroom.StageEditing}},
		{"Numbers", policy.Condition{SQL: "drafts.writer_id IN ?", Args: []any{[]int64{3, 5, 8}}},
			"(drafts.writer_id IN (?,?,?))", []any{int64(3), int64(5), int64(8)}},
		{"Empty", policy.Condition{SQL: "drafts.stage IN ?", Args: []any{[]string{}}},
			"(drafts.stage IN (NULL))", nil},
		{"ScalarAndList", policy.Condition{SQL: "(drafts.writer_id = ? AND drafts.stage IN ?)", Args: []any{int64(7), []string{"draft"}}},
			"((drafts.writer_id = ? AND drafts.stage IN (?)))", []any{int64(7), "draft"}},
		{"Bytes", policy.Condition{SQL: "drafts.body = ?", Args: []any{[]byte("text")}},
			"(drafts.body = ?)", []any{[]byte("text")}},
		{"NoArguments", policy.Condition{SQL: "1 = 0"}, "(1 = 0)", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var b strings.Builder
			args := writeCondition(&b, []any{"before"}, tt.cond)
			want := append([]any{"before"}, tt.wantArgs...)
			if b.String() != tt.wantSQL || !reflect.DeepEqual(args, want) {
				t.Fatalf("writeCondition = %q %#v; want %q %#v", b.String(), args, tt.wantSQL, want)
			}
		})
	}
}
