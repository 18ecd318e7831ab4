package store_test

import (
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/copydesk/copydesk/internal/newsroom"
)

// TestPieceGate holds every gate from submit on to a whole piece: a title, byline, brief and
// body, and no line the house text format would read as a heading.
func TestPieceGate(t *testing.T) {
	f := newNewsroom(t)
	t.Run("Submit", func(t *testing.T) {
		tests := []struct {
			name     string
			text     newsroom.Text
			detail   string
			want     []string
			contains string
		}{
			{"NoByline", newsroom.Text{Title: "T", Brief: "Brief.", Body: "Body."}, "missing", []string{"byline"}, "no byline yet"},
			{"NoBriefNorBody", newsroom.Text{Title: "T", Byline: "B", Body: " \n\t"}, "missing", []string{"brief", "body"}, "no brief and body yet"},
			{"TitleOnly", newsroom.Text{Title: "T"}, "missing", []string{"byline", "brief", "body"}, "no byline, brief and body yet"},
			{"BodyHeading", newsroom.Text{Title: "T", Byline: "B", Brief: "Brief.", Body: "One.\nTopics\nEditor's Comments"}, "headings",
				[]string{`body paragraph 2 is "Topics"`, `body paragraph 3 is "Editor's Comments"`}, "reword it"},
			{"TopicHeading", newsroom.Text{Title: "T", Byline: "B", Brief: "Brief.", Body: "One.", Topics: []string{"Topics", "Editor's Comments"}}, "headings",
				[]string{`topic 2 is "Editor's Comments"`}, "as a heading"},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				d, err := f.s.CreateDraft(f.writer, tt.text)
				if err != nil {
					t.Fatalf("an unfinished draft can be saved: %v", err)
				}
				_, err = f.s.Transition(f.writer, d.ID, newsroom.TransitionRequest{Action: newsroom.ActionSubmit})
				var e *newsroom.Error
				if !errors.As(err, &e) || e.Code != newsroom.EINVALID || !reflect.DeepEqual(e.Details[tt.detail], tt.want) || !strings.Contains(e.Message, tt.contains) {
					t.Fatalf("submit = %v (details %v), want invalid with %s %q", err, e, tt.detail, tt.want)
				}
				if got, _ := f.s.GetDraft(f.writer, d.ID); got.Stage != newsroom.StageDraft {
					t.Fatalf("the refused draft moved to %s", got.Stage)
				}
			})
		}
	})
	// A draft that got past submit before the rule, its byline lost, is stopped at its next gate.
	t.Run("LaterGates", func(t *testing.T) {
		tests := []struct {
			stage  newsroom.Stage
			action newsroom.Action
		}{
			{newsroom.StageFactCheck, newsroom.ActionClear},
			{newsroom.StageEditing, newsroom.ActionApprove},
			{newsroom.StageApproved, newsroom.ActionPublish},
			{newsroom.StageApproved, newsroom.ActionSchedule},
		}
		for _, tt := range tests {
			t.Run(string(tt.action), func(t *testing.T) {
				d := f.draftIn(t, tt.stage)
				if _, err := f.s.DB().Exec("UPDATE drafts SET byline = '', brief = ' ' WHERE id = $1", d.ID); err != nil {
					t.Fatal(err)
				}
				var err error
				switch tt.action {
				case newsroom.ActionClear:
					_, err = f.s.Transition(f.checker, d.ID, newsroom.TransitionRequest{Action: tt.action})
				case newsroom.ActionSchedule:
					_, err = f.s.Publish(f.editor, d.ID, time.Now().Add(time.Hour), 0)
				default:
					_, err = f.s.Transition(f.editor, d.ID, newsroom.TransitionRequest{Action: tt.action})
				}
				var e *newsroom.Error
				if !errors.As(err, &e) || e.Code != newsroom.EINVALID || !reflect.DeepEqual(e.Details["missing"], []string{"byline", "brief"}) {
					t.Fatalf("%s = %v, want invalid naming the byline and the brief", tt.action, err)
				}
			})
		}
	})
	t.Run("Correction", func(t *testing.T) {
		d := f.draftIn(t, newsroom.StageApproved)
		pub, err := f.s.Publish(f.editor, d.ID, time.Time{}, 0)
		if err != nil {
			t.Fatal(err)
		}
		for body, detail := range map[string]string{" \n ": "missing", "One.\nTopics": "headings"} {
			_, err := f.s.Correct(f.editor, pub.Slug, newsroom.CorrectionRequest{Body: &body, Note: "A correction."})
			var e *newsroom.Error
			if !errors.As(err, &e) || e.Code != newsroom.EINVALID || e.Details[detail] == nil {
				t.Errorf("Correct(%q) = %v, want invalid with %s", body, err, detail)
			}
		}
		// A piece published before the rule without a byline can still have its body corrected.
		if _, err := f.s.DB().Exec("UPDATE drafts SET byline = '' WHERE id = $1", d.ID); err != nil {
			t.Fatal(err)
		}
		body := "Corrected."
		if _, err := f.s.Correct(f.editor, pub.Slug, newsroom.CorrectionRequest{Body: &body, Note: "A correction."}); err != nil {
			t.Fatalf("correcting a legacy piece: %v", err)
		}
	})
}
