package publish

import (
	"bytes"
	"encoding/xml"
	"fmt"
)

// marshalXML writes v as an XML document. Every feed and sitemap is written through it, so that
// none holds a character XML 1.0 forbids: a stored text may carry a noncharacter such as U+FFFE
// or a C0 control, which encoding/xml replaces in character data and attributes but writes as it
// is in CDATA (the Atom content), and one such character makes the whole document not XML. Each
// is replaced with U+FFFD, as encoding/xml does elsewhere, and so is any byte that is not UTF-8.
func marshalXML(what string, v any) ([]byte, error) {
	out, err := xml.MarshalIndent(v, "", "  ")
	if err != nil {
		return nil, fmt.Errorf("publish: %s: %w", what, err)
	}
	return append(append([]byte(xml.Header), bytes.Map(xmlChar, out)...), '\n'), nil
}

// xmlChar returns r when XML 1.0 allows it in a document (its Char production), and U+FFFD
// otherwise.
func xmlChar(r rune) rune {
	switch {
	case r == '\t' || r == '\n' || r == '\r',
		r >= 0x20 && r <= 0xD7FF,
		r >= 0xE000 && r <= 0xFFFD,
		r >= 0x10000 && r <= 0x10FFFF:
		return r
	}
	return '\uFFFD'
}
