package newsroom

// ActiveAdmin reports whether u can manage the newsroom: an admin who is not disabled.
func (u User) ActiveAdmin() bool {
	return u.Role == RoleAdmin && !u.Disabled
}

// CheckAdminRemains refuses a change that turns user from before into after when it would leave
// the newsroom without an active admin, given how many active admins there are now, before it.
// Without one, nobody could add users, change roles or reset passwords until the operator
// stepped in on the command line.
func CheckAdminRemains(activeAdmins int, before, after User) error {
	if before.ActiveAdmin() && !after.ActiveAdmin() && activeAdmins <= 1 {
		return Errorf(ECONFLICT, "%s is the last active admin: demoting or disabling them would leave the newsroom without one; make another admin first", before.Username)
	}
	return nil
}
