package newsroom_test

import (
	"reflect"
	"testing"

	"github.com/copydesk/copydesk/internal/newsroom"
)

func TestNotificationPrefs(t *testing.T) {
	def := newsroom.DefaultNotificationPrefs()
	for _, c := range newsroom.EmailChoices {
		if !def.Wants(c.Kind) {
			t.Errorf("by default %s is not wanted by email", c.Kind)
		}
	}
	if def.Digest {
		t.Error("by default the digest is on")
	}
	tests := []struct {
		name    string
		in      newsroom.NotificationPrefs
		want    newsroom.NotificationPrefs
		wantErr bool
	}{
		{"NoneChosen", newsroom.NotificationPrefs{}, newsroom.NotificationPrefs{Email: []newsroom.NotificationKind{}}, false},
		{"PageOrderNoRepeats", newsroom.NotificationPrefs{Email: []newsroom.NotificationKind{"published", "assigned", "published"}, Digest: true},
			newsroom.NotificationPrefs{Email: []newsroom.NotificationKind{"assigned", "published"}, Digest: true}, false},
		{"ErrUnknownKind", newsroom.NotificationPrefs{Email: []newsroom.NotificationKind{"assigned", "everything"}}, newsroom.NotificationPrefs{}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := tt.in.Normalize()
			if (err != nil) != tt.wantErr {
				t.Fatalf("Normalize() error = %v, want error %v", err, tt.wantErr)
			}
			if err == nil && !reflect.DeepEqual(got, tt.want) {
				t.Fatalf("Normalize() = %+v, want %+v", got, tt.want)
			}
			if err == nil && got.Wants(newsroom.NotifyMentioned) {
				t.Fatal("mentions are wanted though not chosen")
			}
		})
	}
}
