package policy_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/copydesk/copydesk/internal/newsroom"
	"github.com/copydesk/copydesk/internal/policy"
)

// TestAssignDefault checks, for every role and stage of the default workflow, who may be
// assigned a piece there, who may claim it, and who may assign others.
func TestAssignDefault(t *testing.T) {
	p := defaultPolicy(t)
	if got, want := p.Desks(), []newsroom.Stage{"fact_check", "editing", "approved"}; !slices.Equal(got, want) {
		t.Fatalf("Desks = %v, want %v", got, want)
	}
	holds := map[newsroom.Role][]newsroom.Stage{
		"factchecker": {"fact_check"},
		"editor":      {"editing", "approved"},
	}
	assigns := map[newsroom.Role]bool{"editor": true}
	for _, role := range roles {
		for _, stage := range stages {
			t.Run(string(role)+"/"+string(stage), func(t *testing.T) {
				u := user(role)
				want := slices.Contains(holds[role], stage)
				if got := p.MayHold(u, someone, stage); got != want {
					t.Errorf("MayHold = %v, want %v", got, want)
				}
				if got := p.MayClaim(u, someone, stage); got != want {
					t.Errorf("MayClaim = %v, want %v", got, want)
				}
				if got := p.MayAssign(u, someone); got != assigns[role] {
					t.Errorf("MayAssign = %v, want %v", got, assigns[role])
				}
			})
		}
	}
	for _, role := range roles {
		t.Run(string(role)+"/WorksDesks", func(t *testing.T) {
			if got, want := p.WorksDesks(user(role)), len(holds[role]) > 0 || assigns[role]; got != want {
				t.Errorf("WorksDesks = %v, want %v", got, want)
			}
		})
	}
	t.Run("DisabledHoldsNothing", func(t *testing.T) {
		if p.MayHold(&newsroom.User{ID: me, Role: "factchecker", Disabled: true}, someone, "fact_check") {
			t.Error("a disabled fact-checker may hold the fact-check desk")
		}
	})
}

// TestCheckAssign checks the refusals an assignment meets, by code: one who may not assign gets
// EFORBIDDEN whoever they name, never a refusal that tells users apart.
func TestCheckAssign(t *testing.T) {
	p := defaultPolicy(t)
	editor := &newsroom.User{ID: 1, Role: "editor", Name: "Ed"}
	checker := &newsroom.User{ID: 2, Role: "factchecker", Name: "Fay"}
	writer := &newsroom.User{ID: 3, Role: "writer", Name: "Wyn"}
	tests := []struct {
		name   string
		actor  *newsroom.User
		desk   newsroom.Stage
		holder *newsroom.User
		want   string
	}{
		{"EditorAssignsChecker", editor, "fact_check", checker, ""},
		{"EditorAssignsThemselves", editor, "editing", editor, ""},
		{"EditorUnassigns", editor, "fact_check", nil, ""},
		{"CheckerClaims", checker, "fact_check", checker, ""},
		{"NotADesk", editor, "draft", checker, newsroom.EINVALID},
		{"UnknownStage", editor, "limbo", checker, newsroom.EINVALID},
		{"WrongRoleForDesk", editor, "editing", checker, newsroom.EINVALID},
		{"WriterCannotHold", editor, "fact_check", writer, newsroom.EINVALID},
		{"CheckerAssignsEditor", checker, "editing", editor, newsroom.EFORBIDDEN},
		{"CheckerUnassigns", checker, "fact_check", nil, newsroom.EFORBIDDEN},
		{"CheckerClaimsOtherDesk", checker, "editing", checker, newsroom.EINVALID},
		{"WriterAssignsWriter", writer, "fact_check", &newsroom.User{ID: 4, Role: "writer", Name: "Hidden"}, newsroom.EFORBIDDEN},
		{"WriterAssignsChecker", writer, "fact_check", checker, newsroom.EFORBIDDEN},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := p.CheckAssign(tt.actor, 9, tt.desk, tt.holder)
			if got := newsroom.ErrorCode(err); got != tt.want {
				t.Fatalf("CheckAssign = %v, want code %q", err, tt.want)
			}
		})
	}
}

// TestCheckDeadline checks who may set due times, and on what.
func TestCheckDeadline(t *testing.T) {
	p := defaultPolicy(t)
	for _, role := range roles {
		for _, stage := range []newsroom.Stage{"", "fact_check", "limbo"} {
			want := ""
			switch {
			case stage == "limbo":
				want = newsroom.EINVALID
			case role != "editor":
				want = newsroom.EFORBIDDEN
			}
			err := p.CheckDeadline(user(role), someone, stage)
			if got := newsroom.ErrorCode(err); got != want {
				t.Errorf("CheckDeadline(%s, %q) = %v, want %q", role, stage, err, want)
			}
		}
	}
}

// TestParseAssign checks the assign key's mistakes, by line.
func TestParseAssign(t *testing.T) {
	tests := []struct {
		name, old, new, want string
	}{
		{"UnknownRole", "      writer: [title]\n", "      writer: [title]\n    assign: [ghost]\n", `tiny.yaml:9: stage draft assign: unknown role "ghost"`},
		{"Own", "      writer: [title]\n", "      writer: [title]\n    assign: [writer:own]\n", `tiny.yaml:9: stage draft assign: "writer:own": a desk is worked on anyone's piece`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := strings.Replace(tiny, tt.old, tt.new, 1)
			_, err := policy.Parse("tiny.yaml", []byte(src))
			if err == nil || !strings.HasPrefix(err.Error(), tt.want) {
				t.Errorf("Parse: %v\nwant an error starting %q", err, tt.want)
			}
		})
	}
	src := strings.Replace(tiny, "      writer: [title]\n", "      writer: [title]\n    assign: [writer]\n", 1)
	p, err := policy.Parse("tiny.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if !p.IsDesk("draft") || p.IsDesk("published") {
		t.Errorf("Desks = %v, want [draft]", p.Desks())
	}
}

func TestUnderWayDefault(t *testing.T) {
	want := []newsroom.Stage{"draft", "fact_check", "editing", "approved", "scheduled"}
	if got := defaultPolicy(t).UnderWay(); !slices.Equal(got, want) {
		t.Fatalf("UnderWay = %v, want %v", got, want)
	}
}

// TestReaches: a piece anywhere under way, spiked too (restore starts it over), can come to every
// desk; a published piece comes to none, and a custom workflow's dead end stops where it ends.
func TestReaches(t *testing.T) {
	p := defaultPolicy(t)
	tests := []struct {
		from, to newsroom.Stage
		want     bool
	}{
		{"draft", "draft", true},
		{"draft", "editing", true},
		{"approved", "fact_check", true},
		{"scheduled", "editing", true},
		{"spiked", "editing", true},
		{"published", "editing", false},
		{"published", "draft", false},
		{"published", "published", true},
		{"editing", "nowhere", false},
	}
	for _, tt := range tests {
		if got := p.Reaches(tt.from, tt.to); got != tt.want {
			t.Errorf("Reaches(%s, %s) = %v, want %v", tt.from, tt.to, got, tt.want)
		}
	}
}
