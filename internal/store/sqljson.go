package store

import (
	"fmt"
	"strings"
	"time"

	"github.com/mattn/go-sqlite3"
)

// Some reads build their rows as JSON in SQL, to be decoded in Go: go-sqlite3 pays three cgo
// calls for every column of every row it returns, which was most of the time of reading a list.
// These name the SQL functions for it in the store's dialect, and read back the times such JSON
// holds.

// jsonObject is the function that builds a JSON object from its arguments taken in pairs, key
// and value. (draftReadSQL also gathers objects into arrays: json_group_array on SQLite,
// json_agg on PostgreSQL, which gives NULL over no rows where SQLite gives [].)
func (s *Store) jsonObject() string {
	if s.pg {
		return "json_build_object"
	}
	return "json_object"
}

// jsonTime reads a timestamp column as a JSON object built in SQL holds it, and returns the
// time.Time the driver would have scanned from the column itself. SQLite keeps the text
// go-sqlite3 wrote, read back as the driver reads it (see SQLiteTimestampFormats). PostgreSQL
// writes a timestamptz in ISO 8601 with its offset, which the store reads in UTC (see utcTimes).
func (s *Store) jsonTime(text string) (time.Time, error) {
	if s.pg {
		t, ok := parseTimeWithOffset(text, 'T')
		if !ok {
			var err error
			if t, err = time.Parse(time.RFC3339Nano, text); err != nil {
				return time.Time{}, fmt.Errorf("time %q: %w", text, err)
			}
		}
		return t.UTC(), nil
	}
	if t, ok := parseTimeWithOffset(text, ' '); ok {
		return t, nil
	}
	text = strings.TrimSuffix(text, "Z")
	for _, layout := range sqlite3.SQLiteTimestampFormats {
		if t, err := time.ParseInLocation(layout, text, time.UTC); err == nil {
			return t, nil
		}
	}
	return time.Time{}, fmt.Errorf("time %q is in no layout go-sqlite3 reads", text)
}

// jsonTimeOrNil is jsonTime for a column that may be NULL.
func (s *Store) jsonTimeOrNil(text *string) (*time.Time, error) {
	if text == nil {
		return nil, nil
	}
	t, err := s.jsonTime(*text)
	return &t, err
}

// parseTimeWithOffset reads text in the layout "2006-01-02 15:04:05.999999999-07:00", with sep
// between the date and the time, as time.ParseInLocation(layout, text, time.UTC) would: in UTC
// when the offset is zero, else in a fixed zone of the offset. It does in tens of nanoseconds
// what time.Parse does in hundreds, for the layout both databases write; ok is false for any
// other text, which the caller then parses with time.Parse.
func parseTimeWithOffset(text string, sep byte) (t time.Time, ok bool) {
	n := len(text)
	if n < 25 || text[4] != '-' || text[7] != '-' || text[10] != sep || text[13] != ':' || text[16] != ':' || text[n-3] != ':' {
		return t, false
	}
	digits := func(s string) (int, bool) {
		v := 0
		for i := 0; i < len(s); i++ {
			if s[i] < '0' || s[i] > '9' {
				return 0, false
			}
			v = v*10 + int(s[i]-'0')
		}
		return v, true
	}
	year, ok1 := digits(text[0:4])
	month, ok2 := digits(text[5:7])
	day, ok3 := digits(text[8:10])
	hour, ok4 := digits(text[11:13])
	minute, ok5 := digits(text[14:16])
	second, ok6 := digits(text[17:19])
	offHours, ok7 := digits(text[n-5 : n-3])
	offMinutes, ok8 := digits(text[n-2:])
	if !(ok1 && ok2 && ok3 && ok4 && ok5 && ok6 && ok7 && ok8) || month < 1 || month > 12 || day < 1 || day > 31 ||
		hour > 23 || minute > 59 || second > 59 || (text[n-6] != '+' && text[n-6] != '-') {
		return t, false
	}
	nanos := 0
	if frac := text[19 : n-6]; frac != "" {
		if frac[0] != '.' || len(frac) < 2 || len(frac) > 10 {
			return t, false
		}
		v, ok := digits(frac[1:])
		if !ok {
			return t, false
		}
		for i := len(frac) - 1; i < 9; i++ {
			v *= 10
		}
		nanos = v
	}
	offset := (offHours*60 + offMinutes) * 60
	if text[n-6] == '-' {
		offset = -offset
	}
	loc := time.UTC
	if offset != 0 {
		loc = time.FixedZone("", offset)
	}
	t = time.Date(year, time.Month(month), day, hour, minute, second, nanos, loc)
	return t, t.Day() == day
}
