package store

import (
	"encoding/base64"
	"strconv"
	"strings"
	"time"

	"github.com/copydesk/copydesk/internal/newsroom"
)

// encodeCursor makes the opaque "next" value of a draft list: the last item's change time and id.
func encodeCursor(at time.Time, id int64) string {
	return encodePair(at.UnixMicro(), id)
}

func decodeCursor(c string) (time.Time, int64, error) {
	micros, id, err := decodePair(c)
	if err != nil {
		return time.Time{}, 0, err
	}
	return time.UnixMicro(micros).UTC(), id, nil
}

// encodePair makes an opaque cursor of two numbers, each naming where a list goes on.
func encodePair(a, b int64) string {
	raw := strconv.FormatInt(a, 10) + ":" + strconv.FormatInt(b, 10)
	return base64.RawURLEncoding.EncodeToString([]byte(raw))
}

func decodePair(c string) (int64, int64, error) {
	bad := newsroom.Errorf(newsroom.EINVALID, "invalid cursor")
	raw, err := base64.RawURLEncoding.DecodeString(c)
	if err != nil {
		return 0, 0, bad
	}
	as, bs, ok := strings.Cut(string(raw), ":")
	if !ok {
		return 0, 0, bad
	}
	a, err1 := strconv.ParseInt(as, 10, 64)
	b, err2 := strconv.ParseInt(bs, 10, 64)
	if err1 != nil || err2 != nil {
		return 0, 0, bad
	}
	return a, b, nil
}
