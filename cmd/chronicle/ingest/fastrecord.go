package ingest

import (
	"bytes"
	"encoding/binary"
	"unicode/utf16"
	"unicode/utf8"
	"unsafe"
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
	var cols metaCols
	return fastRecordIn(line, rec, nil, &cols)
}

// metaCols are the columns valueCol gives for the keys of metaKeys in a
// line, 0 for 1 (the key is not found).
type metaCols [len(metaKeys)]int

// metaKeys are the keys of a record whose values have a position.
var metaKeys = [...]string{"outlet", "url", "published", "timezone", "title"}

// fastRecordIn is fastRecord with the escaped text of the record (the
// "text" value) decoded into arena (a nil arena allocates it alone),
// which also sets cols.
func fastRecordIn(line []byte, rec *record, arena *textArena, cols *metaCols) bool {
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
		cols.note(line, i+1, j)
		dst, known := rec.field(line[i+1 : j])
		if !known {
			return false
		}
		i = skipJSONSpace(line, j+1)
		if i >= len(line) || line[i] != ':' {
			return false
		}
		i = skipJSONSpace(line, i+1)
		var a *textArena
		if dst == &rec.Text {
			a = arena
		}
		s, n, ok := fastString(line[i:], dst != nil, a)
		if !ok {
			return false
		}
		if dst != nil {
			*dst = s
		}
		cols.note(line, i+1, i+n-1)
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

// note sets the column of each key of metaKeys that is not set yet and
// whose valueCol finds it at the end of line[start:end], the raw text of
// a string that fastRecordIn accepted (line[end] is its closing quote).
// valueCol finds the first "key" (in quotes) in the line. In a line that
// fastRecordIn accepts, a quote that follows a letter of a key can only
// close a string, and every quote inside a string is escaped; so the
// first "key" ends the first string whose text is key or ends with a
// quote and key.
func (c *metaCols) note(line []byte, start, end int) {
	raw := line[start:end]
	for k, key := range metaKeys {
		if c[k] != 0 || len(raw) < len(key) || string(raw[len(raw)-len(key):]) != key ||
			len(raw) > len(key) && raw[len(raw)-len(key)-1] != '"' {
			continue
		}
		j := end + 1
		for j < len(line) && (line[j] == ' ' || line[j] == ':' || line[j] == '\t') {
			j++
		}
		c[k] = j + 1
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
// a string fastRecord accepts (see there). An escaped string is decoded
// into arena when it is not nil.
func fastString(b []byte, keep bool, arena *textArena) (s string, n int, ok bool) {
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
	if !plainText(raw) {
		return "", 0, false
	}
	escaped := bytes.IndexByte(raw, '\\') >= 0
	if !escaped {
		if !keep {
			return "", end + 1, true
		}
		return string(raw), end + 1, true
	}
	// The decoded string is never longer than raw.
	var sb []byte
	if keep {
		sb = arena.alloc(len(raw))
	}
	for len(raw) > 0 {
		k := bytes.IndexByte(raw, '\\')
		if k < 0 {
			if keep {
				sb = append(sb, raw...)
			}
			break
		}
		if keep {
			sb = append(sb, raw[:k]...)
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
				sb = utf8.AppendRune(sb, r)
			}
			raw = raw[6:]
			continue
		default:
			return "", 0, false
		}
		if keep {
			sb = append(sb, c)
		}
		raw = raw[2:]
	}
	return arena.done(sb), end + 1, true
}

// arenaSlab is the size of the blocks a textArena hands out strings from.
const arenaSlab = 256 << 10

// textArena hands out the bytes of decoded strings from blocks of
// arenaSlab bytes, so that a feed's texts are not allocated one by one.
// Each string's bytes are written once, by the decoder, then only read:
// a block is never reused, and lives until the last string in it is
// dropped (a feed's articles are dropped in order, so memory stays
// bounded by a few blocks). A nil *textArena allocates each string alone.
// One arena is used by one goroutine.
type textArena struct {
	buf []byte // the current block: len bytes used
}

// alloc returns an empty slice with room for n bytes, to be filled by
// appending at most n bytes and passed to done.
func (a *textArena) alloc(n int) []byte {
	if a == nil || n > arenaSlab/8 {
		return make([]byte, 0, n)
	}
	if cap(a.buf)-len(a.buf) < n {
		a.buf = make([]byte, 0, arenaSlab)
	}
	return a.buf[len(a.buf) : len(a.buf) : len(a.buf)+n]
}

// done returns the string of b, the slice from alloc filled, and gives the
// room left in it back to the arena.
func (a *textArena) done(b []byte) string {
	if len(b) == 0 {
		return ""
	}
	if a != nil && len(a.buf) < cap(a.buf) && unsafe.SliceData(a.buf[len(a.buf):cap(a.buf)]) == unsafe.SliceData(b) {
		a.buf = a.buf[:len(a.buf)+len(b)]
	}
	return unsafe.String(unsafe.SliceData(b), len(b))
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

// plainText reports whether b is valid UTF-8 without a byte below 0x20,
// which a JSON string may not hold unescaped. Runs of ASCII are tested
// eight bytes at a time: x - 0x20 in each byte sets no high bit, and x
// has none, exactly when every byte of x is in 0x20..0x7f (a byte below
// 0x20 sets its high bit in x - 0x20, and only a borrow from such a byte
// runs on). A multi-byte UTF-8 sequence holds no byte below 0x80.
func plainText(b []byte) bool {
	const lo, hi = 0x2020202020202020, 0x8080808080808080
	for len(b) > 0 {
		for len(b) >= 32 {
			c := b[:32:32]
			w := binary.LittleEndian.Uint64(c[0:8])
			x := binary.LittleEndian.Uint64(c[8:16])
			y := binary.LittleEndian.Uint64(c[16:24])
			z := binary.LittleEndian.Uint64(c[24:32])
			if ((w-lo)|w|(x-lo)|x|(y-lo)|y|(z-lo)|z)&hi != 0 {
				break
			}
			b = b[32:]
		}
		if len(b) >= 8 {
			if x := binary.LittleEndian.Uint64(b[:8]); ((x-lo)|x)&hi == 0 {
				b = b[8:]
				continue
			}
		}
		if len(b) == 0 {
			break
		}
		if c := b[0]; c < utf8.RuneSelf {
			if c < ' ' {
				return false
			}
			b = b[1:]
			continue
		}
		r, n := utf8.DecodeRune(b)
		if r == utf8.RuneError && n == 1 {
			return false
		}
		b = b[n:]
	}
	return true
}
