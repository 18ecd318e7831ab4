package newsroom

// CheckManagerRemains refuses a change that takes away from user the power to manage users
// (manages before, not after) when it would leave the newsroom without anyone to, given how
// many active users may manage users now, before it. Without one, nobody could add users,
// change roles or reset passwords until the operator stepped in on the command line.
func CheckManagerRemains(managers int, user string, before, after bool) error {
	if before && !after && managers <= 1 {
		return Errorf(ECONFLICT, "%s is the last active admin: demoting or disabling them would leave the newsroom without one; make another admin first", user)
	}
	return nil
}
