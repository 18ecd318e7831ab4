package newsroom

import "time"

// SettingTimeZone is the key of the newsroom's time zone among its settings: an IANA name such
// as Europe/London, in which pages show times and the story budget counts its days.
const SettingTimeZone = "time_zone"

// Setting is one of the newsroom's settings as an admin last set it.
type Setting struct {
	Key       string    `json:"key"`
	Value     string    `json:"value"`
	UpdatedBy int64     `json:"updated_by"`
	UpdatedAt time.Time `json:"updated_at"`
}

// ParseTimeZone checks that name is a time zone Go knows (an IANA name, or UTC) and loads it.
func ParseTimeZone(name string) (*time.Location, error) {
	if name == "" || name == "Local" {
		return nil, Errorf(EINVALID, "name a time zone, such as Europe/London or America/New_York")
	}
	loc, err := time.LoadLocation(name)
	if err != nil {
		return nil, Errorf(EINVALID, "%q is not a time zone: use an IANA name such as Europe/London or America/New_York", name)
	}
	return loc, nil
}
