package ingest

import (
	"bytes"
	"encoding/binary"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// fastRecord decodes a feed line into rec exactly as encoding/json would,
// but only for the shape feeds are written in: one object, nothing but
// JSON white space around it, whose keys are plain ASCII without escapes
// and whose values are all strings that are valid UTF-8, with no control
// character, no invalid escape and no \u escape of a UTF-16 surrogate. A
// key that is not a record field is skipped, as encoding/json skips it,
// unless it matches a field but for case (encoding/json would fill the
// field). For any other line it reports false and leaves the line to
// encoding/json, which then gives the same record or the error.
//
// On success the line is valid UTF-8 as a whole: every byte outside the
// strings is ASCII.
//
// It does in one pass what encoding/json does in three (a Decoder reads
// the value, checks it, then decodes it) and copies each string once.
func fastRecord(line []byte, rec *record) bool {
	i := skipJSONSpace(line, 0)
	if i >= len(line) || line[i] != '{' {
		return false
	}
	i = skipJSONSpace(line, i+1)
	if i < len(line) && line[i] == '}' {
		return skipJSONSpace(line, i+1) == len(line)
	}
	for {
		if i >= len(line) || line[i] != '"' {
			return false
		}
		j := i + 1
		for j < len(line) && line[j] != '"' {
			if c := line[j]; c == '\\' || c < ' ' || c >= utf8.RuneSelf {
				return false
			}
			j++
		}
		if j >= len(line) {
			return false
		}
		dst, known := rec.field(line[i+1 : j])
		if !known {
			return false
		}
		i = skipJSONSpace(line, j+1)
		if i >= len(line) || line[i] != ':' {
			return false
		}
		i = skipJSONSpace(line, i+1)
		s, n, ok := fastString(line[i:], dst != nil)
		if !ok {
			return false
		}
		if dst != nil {
			*dst = s
		}
		i = skipJSONSpace(line, i+n)
		if i >= len(line) {
			return false
		}
		switch line[i] {
		case ',':
			i = skipJSONSpace(line, i+1)
		case '}':
			return skipJSONSpace(line, i+1) == len(line)
		default:
			return false
		}
	}
}

// recordKeys are the JSON keys of the fields of a record.
var recordKeys = [...]string{"outlet", "url", "published", "timezone", "title", "text", "html"}

// field returns the field that an ASCII key fills, or nil for a key that
// encoding/json skips. known is false for a key that matches a field only
// when case is ignored: encoding/json would fill that field (the last key
// wins among several that match), which fastRecord leaves to it.
func (rec *record) field(key []byte) (dst *string, known bool) {
	switch string(key) {
	case "outlet":
		return &rec.Outlet, true
	case "url":
		return &rec.URL, true
	case "published":
		return &rec.Published, true
	case "timezone":
		return &rec.Timezone, true
	case "title":
		return &rec.Title, true
	case "text":
		return &rec.Text, true
	case "html":
		return &rec.HTML, true
	}
	for _, k := range recordKeys {
		if bytes.EqualFold(key, []byte(k)) {
			return nil, false
		}
	}
	return nil, true
}

// skipJSONSpace returns the offset of the first byte at or after i that is
// not JSON white space.
func skipJSONSpace(b []byte, i int) int {
	for i < len(b) {
		switch b[i] {
		case ' ', '\t', '\r', '\n':
			i++
		default:
			return i
		}
	}
	return i
}

// fastString decodes the JSON string at the start of b as encoding/json
// does and returns it with its length in b (quotes included); with keep
// false it only checks the string. ok is false when b does not start with
// a string fastRecord accepts (see there).
func fastString(b []byte, keep bool) (s string, n int, ok bool) {
	if len(b) == 0 || b[0] != '"' {
		return "", 0, false
	}
	// Find the closing quote: the first one after an even run of
	// backslashes.
	end := 1
	for {
		k := bytes.IndexByte(b[end:], '"')
		if k < 0 {
			return "", 0, false
		}
		end += k
		bs := 0
		for bs < end-1 && b[end-1-bs] == '\\' {
			bs++
		}
		if bs%2 == 0 {
			break
		}
		end++
	}
	raw := b[1:end]
	// Escapes are ASCII, so raw is valid UTF-8 exactly when the text
	// between them is: encoding/json would replace invalid bytes.
	if hasControl(raw) || !utf8.Valid(raw) {
		return "", 0, false
	}
	escaped := bytes.IndexByte(raw, '\\') >= 0
	if !escaped {
		if !keep {
			return "", end + 1, true
		}
		return string(raw), end + 1, true
	}
	var sb strings.Builder
	if keep {
		sb.Grow(len(raw))
	}
	for len(raw) > 0 {
		k := bytes.IndexByte(raw, '\\')
		if k < 0 {
			if keep {
				sb.Write(raw)
			}
			break
		}
		if keep {
			sb.Write(raw[:k])
		}
		raw = raw[k:]
		if len(raw) < 2 {
			return "", 0, false
		}
		var c byte
		switch raw[1] {
		case '"', '\\', '/':
			c = raw[1]
		case 'b':
			c = '\b'
		case 'f':
			c = '\f'
		case 'n':
			c = '\n'
		case 'r':
			c = '\r'
		case 't':
			c = '\t'
		case 'u':
			r := hex4(raw)
			if r < 0 || utf16.IsSurrogate(r) {
				return "", 0, false
			}
			if keep {
				sb.WriteRune(r)
			}
			raw = raw[6:]
			continue
		default:
			return "", 0, false
		}
		if keep {
			sb.WriteByte(c)
		}
		raw = raw[2:]
	}
	return sb.String(), end + 1, true
}

// hex4 returns the code unit of a \uXXXX escape at the start of b, or -1.
func hex4(b []byte) rune {
	if len(b) < 6 || b[0] != '\\' || b[1] != 'u' {
		return -1
	}
	var r rune
	for _, c := range b[2:6] {
		switch {
		case '0' <= c && c <= '9':
			c -= '0'
		case 'a' <= c && c <= 'f':
			c = c - 'a' + 10
		case 'A' <= c && c <= 'F':
			c = c - 'A' + 10
		default:
			return -1
		}
		r = r*16 + rune(c)
	}
	return r
}

// hasControl reports whether b holds a byte below 0x20, which a JSON
// string may not hold unescaped. It tests eight bytes at a time: x - 0x20
// in each byte sets a byte's high bit, where x's is clear, exactly when
// some byte of x is below 0x20 (a borrow only runs on from such a byte).
func hasControl(b []byte) bool {
	for len(b) >= 8 {
		x := binary.LittleEndian.Uint64(b)
		if (x-0x2020202020202020)&^x&0x8080808080808080 != 0 {
			return true
		}
		b = b[8:]
	}
	for _, c := range b {
		if c < ' ' {
			return true
		}
	}
	return false
}
