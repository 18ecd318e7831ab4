package server

import (
	"bytes"
	"strconv"
	"sync"

	json "github.com/goccy/go-json"
	"github.com/labstack/echo/v4"
)

// jsonSerializer writes JSON answers whole, with their Content-Length, where Echo's default
// streams them: a draft is larger than net/http's 2 kB buffer, so it went out in chunks that
// every client had to reassemble. Request bodies are read by bindJSON, not by this.
type jsonSerializer struct {
	echo.DefaultJSONSerializer
}

// jsonBuffers are reused between answers; one grown past maxPooledJSON is let go.
var jsonBuffers = sync.Pool{New: func() any { return new(bytes.Buffer) }}

const maxPooledJSON = 1 << 20

// Serialize encodes v, as encoding/json does, then sends it.
func (jsonSerializer) Serialize(c echo.Context, v any, indent string) error {
	b := jsonBuffers.Get().(*bytes.Buffer)
	defer func() {
		if b.Cap() <= maxPooledJSON {
			b.Reset()
			jsonBuffers.Put(b)
		}
	}()
	enc := json.NewEncoder(b)
	if indent != "" {
		enc.SetIndent("", indent)
	}
	if err := enc.Encode(v); err != nil {
		return err
	}
	c.Response().Header().Set(echo.HeaderContentLength, strconv.Itoa(b.Len()))
	_, err := c.Response().Write(b.Bytes())
	return err
}
