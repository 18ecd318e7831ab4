package newsroom_test

import (
	"testing"

	"github.com/copydesk/copydesk/internal/newsroom"
)

func TestCheckAdminRemains(t *testing.T) {
	admin := newsroom.User{Username: "ada", Role: newsroom.RoleAdmin}
	disabled := admin
	disabled.Disabled = true
	demoted := admin
	demoted.Role = newsroom.RoleEditor
	writer := newsroom.User{Username: "sarah", Role: newsroom.RoleWriter}
	promoted := writer
	promoted.Role = newsroom.RoleAdmin
	tests := []struct {
		name          string
		admins        int
		before, after newsroom.User
		wantConflict  bool
	}{
		{"DemoteLastAdmin", 1, admin, demoted, true},
		{"DisableLastAdmin", 1, admin, disabled, true},
		{"DemoteOneOfTwo", 2, admin, demoted, false},
		{"DisableOneOfTwo", 2, admin, disabled, false},
		{"KeepLastAdmin", 1, admin, admin, false},
		{"EnableAdmin", 0, disabled, admin, false},
		{"PromoteWriter", 1, writer, promoted, false},
		{"ChangeWriter", 1, writer, writer, false},
		{"DemoteDisabledAdmin", 1, disabled, newsroom.User{Username: "ada", Role: newsroom.RoleWriter, Disabled: true}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := newsroom.CheckAdminRemains(tt.admins, tt.before, tt.after)
			if got := newsroom.ErrorCode(err) == newsroom.ECONFLICT; got != tt.wantConflict || (err != nil && !got) {
				t.Fatalf("CheckAdminRemains(%d, %+v, %+v) = %v, want conflict %v", tt.admins, tt.before, tt.after, err, tt.wantConflict)
			}
		})
	}
}
