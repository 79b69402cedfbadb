package parse

import (
	"bytes"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// Article is one news article: its body and the publication context every
// relative expression in it is resolved against.
type Article struct {
	Source   string // the input's name as given (file name, "-", manifest entry)
	Outlet   string
	Title    string
	URL      string
	Dateline string
	Note     string

	// Published is the publication time in Loc. When DateOnly is true only
	// the day is known and Published is midnight of that day in Loc: no hour
	// is invented.
	Published time.Time
	DateOnly  bool
	// Undated is true when the publication date is unknown: relative
	// expressions are then left unresolved.
	Undated bool
	Loc     *time.Location

	Body string // the text after the front matter, unchanged

	// BodyOffset and BodyLine locate the body inside the original input
	// (byte offset, 1-based line) so errors can point into the file.
	BodyOffset int
	BodyLine   int
}

// PubDay returns the publication day [00:00, next 00:00) in the article's
// zone: the anchor of every relative expression.
func (a *Article) PubDay() Interval {
	start := a.pubDayStart()
	return Interval{Start: start, End: start.AddDate(0, 0, 1), Gran: GranDay}
}

// pubDayStart is PubDay().Start: midnight of the publication day in the
// article's zone (the date computed once, no end of day).
func (a *Article) pubDayStart() time.Time {
	y, m, d := a.Published.In(a.loc()).Date()
	return time.Date(y, m, d, 0, 0, 0, 0, a.loc())
}

func (a *Article) loc() *time.Location {
	if a.Loc == nil {
		return time.UTC
	}
	return a.Loc
}

// Pos is a position in an input file: 1-based line and column (in bytes,
// like the Go tools) and the byte offset.
type Pos struct {
	Line, Col, Offset int
}

// Error is a problem with an input: where it is, what is wrong and what
// to do about it. Error() renders "file:line:col: msg; hint".
type Error struct {
	File string
	Pos  Pos
	Msg  string
	Hint string
	Err  error // a sentinel such as ErrNoPubDate, for errors.Is
}

// Error renders "file:line:col: msg; hint".
func (e *Error) Error() string { return e.Where() + ": " + e.What() }

// Where renders the position: "file:line:col", or "file" when the
// problem concerns the whole input.
func (e *Error) Where() string {
	if e.Pos.Line > 0 {
		return fmt.Sprintf("%s:%d:%d", e.File, e.Pos.Line, e.Pos.Col)
	}
	return e.File
}

// What renders the problem and its fix: "msg; hint".
func (e *Error) What() string {
	if e.Hint == "" {
		return e.Msg
	}
	return e.Msg + "; " + e.Hint
}

// Unwrap returns the sentinel, if any.
func (e *Error) Unwrap() error { return e.Err }

// Sentinel errors for errors.Is.
var (
	ErrNoPubDate      = errors.New("no publication date")
	ErrBadPubDate     = errors.New("invalid publication date")
	ErrBadZone        = errors.New("unknown time zone")
	ErrBadFrontMatter = errors.New("malformed front matter")
	ErrEmpty          = errors.New("empty article")
	ErrBinary         = errors.New("binary input")
	ErrBadUTF8        = errors.New("invalid UTF-8")
)

// PosAt converts a byte offset in data to a 1-based line and column.
func PosAt(data []byte, off int) Pos {
	if off > len(data) {
		off = len(data)
	}
	line := 1 + bytes.Count(data[:off], []byte{'\n'})
	col := off - (bytes.LastIndexByte(data[:off], '\n') + 1) + 1
	return Pos{Line: line, Col: col, Offset: off}
}

// FrontMatter holds the raw key/value pairs of an article's front matter,
// in document order, with where each value starts.
type FrontMatter struct {
	Keys   []string
	Values map[string]string
	At     map[string]Pos // position of each value (for error messages)
}

// frontMatterKeys lists, for each key ReadArticle uses, the spellings it
// accepts, preferred first: Markdown tools write "date" (Jekyll, Hugo) and
// feeds "pubdate" or "headline".
var frontMatterKeys = []struct {
	key     string
	aliases []string
}{
	{"outlet", []string{"outlet", "publisher", "site_name"}},
	{"title", []string{"title", "headline"}},
	{"published", []string{"published", "date", "publishdate", "publish_date", "pubdate", "published_at", "datetime"}},
	{"timezone", []string{"timezone", "tz", "time_zone", "zone"}},
	{"url", []string{"url", "link", "canonical"}},
	{"dateline", []string{"dateline"}},
	{"note", []string{"note", "notes"}},
}

// canonicalize files the values of accepted aliases under their key (the
// first spelling present wins) and rejects a misspelt published or
// timezone key, which would otherwise be ignored and change every date
// in the article.
func (fm *FrontMatter) canonicalize(name string) error {
	known := map[string]bool{}
	for _, k := range frontMatterKeys {
		for _, a := range k.aliases {
			known[a] = true
		}
		if _, ok := fm.Values[k.key]; ok {
			continue
		}
		for _, a := range k.aliases[1:] {
			if v, ok := fm.Values[a]; ok {
				fm.Values[k.key], fm.At[k.key] = v, fm.At[a]
				break
			}
		}
	}
	for _, want := range []string{"published", "timezone"} {
		if _, ok := fm.Values[want]; ok {
			continue
		}
		for _, k := range fm.Keys {
			if !known[k] && len(k) >= 5 && editDistance(k, want) <= 2 {
				p := fm.At[k]
				return &Error{File: name, Pos: Pos{Line: p.Line, Col: 1, Offset: p.Offset - p.Col + 1}, Msg: fmt.Sprintf("unknown key %q", k), Hint: fmt.Sprintf("did you mean %s?", want), Err: ErrBadFrontMatter}
			}
		}
	}
	return nil
}

// editDistance is the Levenshtein distance between two short strings.
func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// ReadOptions supplies defaults for what an article does not say.
type ReadOptions struct {
	Published time.Time      // used when the front matter has no published
	Loc       *time.Location // used when the front matter has no timezone
	Outlet    string         // used when the front matter has no outlet

	// Ignore lists front matter keys whose values are disregarded, so
	// that the defaults above apply: the caller has better ones (a
	// manifest row that overrides the file).
	Ignore []string
}

// DefaultPublication places o.Published, the publication time for inputs
// that give none, in loc (in its own zone when loc is nil), and reports
// whether only its day is known: a default at midnight is a date.
func (o ReadOptions) DefaultPublication(loc *time.Location) (pub time.Time, zone *time.Location, dateOnly bool) {
	if loc == nil {
		loc = o.Published.Location()
	}
	pub = o.Published.In(loc)
	return pub, loc, pub.Hour() == 0 && pub.Minute() == 0 && pub.Second() == 0
}

// ReadArticle decodes an article: optional YAML front matter between
// "---" lines (keys outlet, title, published, timezone, url, dateline,
// note, with common aliases such as date and tz; scalar values, optionally
// quoted), then the body, kept byte for byte. published is a date (2025-12-03) or an RFC 3339 time; a date-only
// value has no hour. timezone is an IANA name; without one the zone of an
// RFC 3339 offset is used, then opts.Loc, then UTC.
//
// Errors are *Error values naming name:line:col. A missing publication
// date is not an error when opts.Published is set; without either the
// article is returned with Undated set together with an error wrapping
// ErrNoPubDate, so callers may choose to keep it.
func ReadArticle(name string, data []byte, opts ReadOptions) (Article, error) {
	a := Article{Source: name}
	if len(bytes.TrimSpace(data)) == 0 {
		return a, &Error{File: name, Msg: "the file is empty", Hint: "give an article with front matter and a body", Err: ErrEmpty}
	}
	if looksBinary(data) {
		return a, &Error{File: name, Msg: "the file looks binary, not text", Hint: "give UTF-8 text, HTML or JSON Lines", Err: ErrBinary}
	}
	fm, bodyOff, err := SplitFrontMatter(name, data)
	if err != nil {
		return a, err
	}
	if err := fm.canonicalize(name); err != nil {
		return a, err
	}
	for _, k := range opts.Ignore {
		delete(fm.Values, k)
	}
	a.BodyOffset = bodyOff
	a.BodyLine = PosAt(data, bodyOff).Line
	a.Body = string(data[bodyOff:])
	if !utf8.ValidString(a.Body) {
		a.Body = strings.ToValidUTF8(a.Body, "\uFFFD")
	}
	a.Outlet = fm.Values["outlet"]
	if a.Outlet == "" {
		a.Outlet = opts.Outlet
	}
	a.Title = fm.Values["title"]
	a.URL = fm.Values["url"]
	a.Dateline = fm.Values["dateline"]
	a.Note = fm.Values["note"]

	errAt := func(key, msg, hint string, sentinel error) *Error {
		p, ok := fm.At[key]
		if !ok {
			p = Pos{Line: 1, Col: 1}
		}
		return &Error{File: name, Pos: p, Msg: msg, Hint: hint, Err: sentinel}
	}
	loc := opts.Loc
	if tz, ok := fm.Values["timezone"]; ok && tz != "" {
		l, err := LoadZone(tz)
		if err != nil {
			return a, errAt("timezone", fmt.Sprintf("unknown time zone %q", tz), "use an IANA name such as Europe/Berlin or America/New_York", ErrBadZone)
		}
		loc = l
	}
	pub, hasPub := fm.Values["published"]
	switch {
	case hasPub && pub != "":
		t, dateOnly, err := ParsePublished(pub, loc)
		if err != nil {
			return a, errAt("published", fmt.Sprintf("invalid publication date %q", pub), "write a date (2025-12-03) or an RFC 3339 time (2025-12-03T14:05:00-05:00)", ErrBadPubDate)
		}
		if loc == nil {
			loc = OffsetZone(t)
		}
		a.Published, a.DateOnly = t.In(loc), dateOnly
	case !opts.Published.IsZero():
		a.Published, loc, a.DateOnly = opts.DefaultPublication(loc)
	default:
		if loc == nil {
			loc = time.UTC
		}
		a.Loc = loc
		a.Undated = true
		e := errAt("published", "no publication date: relative dates are left unresolved", "add `published: 2025-12-03` to the front matter or pass --published", ErrNoPubDate)
		if _, ok := fm.At["published"]; !ok {
			e.Pos = Pos{Line: 1, Col: 1}
		}
		return a, e
	}
	if loc == nil {
		loc = time.UTC
	}
	a.Loc = loc
	return a, nil
}

// OffsetZone returns the zone of a time that carries only a UTC offset
// (as RFC 3339 times do) as a fixed zone named "UTC+03:00", or UTC for a
// zero offset, so that the zone has a printable name.
func OffsetZone(t time.Time) *time.Location {
	_, off := t.Zone()
	if off == 0 {
		return time.UTC
	}
	sign, a := '+', off
	if off < 0 {
		sign, a = '-', -off
	}
	return time.FixedZone(fmt.Sprintf("UTC%c%02d:%02d", sign, a/3600, a%3600/60), off)
}

// LoadZone loads an IANA zone by name. "UTC" and "Z" are accepted; names
// such as "CEST" or "EST5EDT"-style abbreviations are not, because the same
// abbreviation means different offsets in different countries.
func LoadZone(name string) (*time.Location, error) {
	switch name {
	case "UTC", "Z", "Etc/UTC", "GMT":
		return time.UTC, nil
	case "Local", "":
		return nil, fmt.Errorf("zone %q is not allowed", name)
	}
	if !strings.Contains(name, "/") {
		return nil, fmt.Errorf("zone %q is not an IANA name", name)
	}
	return time.LoadLocation(name)
}

// ParsePublished parses a publication date: 2006-01-02 (date only,
// midnight in loc), or an RFC 3339 time with or without seconds. A time
// without offset is read in loc (UTC when loc is nil).
func ParsePublished(s string, loc *time.Location) (t time.Time, dateOnly bool, err error) {
	s = strings.TrimSpace(s)
	if loc == nil {
		loc = time.UTC
	}
	// the date-only layout parses exactly ten bytes (four-digit year,
	// two-digit month and day): anything else would only fail there,
	// and a failed parse allocates its error
	if len(s) == len("2006-01-02") {
		if t, err := time.ParseInLocation("2006-01-02", s, loc); err == nil {
			return t, true, nil
		}
	}
	for _, layout := range []string{time.RFC3339Nano, "2006-01-02T15:04Z07:00", "2006-01-02 15:04:05Z07:00", "2006-01-02 15:04Z07:00"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t, false, nil
		}
	}
	for _, layout := range []string{"2006-01-02T15:04:05", "2006-01-02T15:04", "2006-01-02 15:04:05", "2006-01-02 15:04"} {
		if t, err := time.ParseInLocation(layout, s, loc); err == nil {
			return t, false, nil
		}
	}
	return time.Time{}, false, fmt.Errorf("cannot parse %q as a date or RFC 3339 time", s)
}

// SplitFrontMatter separates the front matter from the body. Data that
// does not start with a "---" line has no front matter and is all body.
// It returns the decoded keys and the byte offset where the body starts
// (just after the closing "---" or "..." line). Values that are not valid
// UTF-8 are decoded with U+FFFD replacement ([CheckUTF8] reports where).
// It runs in time linear in the size of the front matter.
func SplitFrontMatter(name string, data []byte) (FrontMatter, int, error) {
	fm := FrontMatter{Values: map[string]string{}, At: map[string]Pos{}}
	start := 0
	if bytes.HasPrefix(data, []byte("\xef\xbb\xbf")) {
		start = 3
	}
	first, _, _ := cutLine(data[start:])
	if strings.TrimRight(string(first), " \t\r") != "---" {
		return fm, 0, nil
	}
	// line is the 1-based number of the line starting at off; positions
	// are computed from it so no step rescans the input.
	line := 2
	off := start + len(first) + 1
	at := func(lineStart, o int) Pos { return Pos{Line: line, Col: o - lineStart + 1, Offset: o} }
	for ; ; line++ {
		if off >= len(data) {
			return fm, 0, &Error{File: name, Pos: Pos{Line: 1, Col: start + 1, Offset: start}, Msg: "front matter is not closed", Hint: "end it with a line holding only ---", Err: ErrBadFrontMatter}
		}
		raw, _, _ := cutLine(data[off:])
		next := min(off+len(raw)+1, len(data))
		text := strings.TrimRight(string(raw), "\r")
		trimmed := strings.TrimSpace(text)
		switch {
		case trimmed == "---" || trimmed == "...":
			return fm, next, nil
		case trimmed == "" || strings.HasPrefix(trimmed, "#"):
		case text[0] == ' ' || text[0] == '\t':
			// continuation of a folded value
			if len(fm.Keys) == 0 {
				return fm, 0, &Error{File: name, Pos: at(off, off), Msg: "indented line before any key", Hint: "front matter lines look like `key: value`", Err: ErrBadFrontMatter}
			}
			k := fm.Keys[len(fm.Keys)-1]
			fm.Values[k] = strings.TrimSpace(fm.Values[k] + " " + strings.ToValidUTF8(trimmed, "\uFFFD"))
		default:
			colon := strings.IndexByte(text, ':')
			if colon <= 0 {
				return fm, 0, &Error{File: name, Pos: at(off, off), Msg: fmt.Sprintf("expected `key: value`, found %q", clip(text, 40)), Hint: "write one `key: value` per line, or close the front matter with ---", Err: ErrBadFrontMatter}
			}
			key := strings.ToLower(strings.TrimSpace(text[:colon]))
			rest := text[colon+1:]
			lead := len(rest) - len(strings.TrimLeft(rest, " \t"))
			valAt := at(off, off+colon+1+lead)
			if key == "" || strings.ContainsAny(key, " \t\"'") {
				return fm, 0, &Error{File: name, Pos: at(off, off), Msg: fmt.Sprintf("expected `key: value`, found %q", clip(text, 40)), Hint: "keys are single words such as outlet, published, timezone", Err: ErrBadFrontMatter}
			}
			val, err := unquote(strings.TrimSpace(rest))
			if err != nil {
				return fm, 0, &Error{File: name, Pos: valAt, Msg: fmt.Sprintf("value of %s: %v", key, err), Hint: "close the quote, or leave the value unquoted", Err: ErrBadFrontMatter}
			}
			if _, dup := fm.Values[key]; dup {
				return fm, 0, &Error{File: name, Pos: at(off, off), Msg: fmt.Sprintf("key %q appears twice", key), Hint: "keep one of them", Err: ErrBadFrontMatter}
			}
			fm.Keys = append(fm.Keys, key)
			fm.Values[key] = strings.ToValidUTF8(val, "\uFFFD")
			fm.At[key] = valAt
		}
		off = next
	}
}

// CheckUTF8 reports the first invalid UTF-8 sequence in data as a warning
// naming its line, column and byte offset, or nil when data is valid.
// Readers decode such input with U+FFFD replacement; the warning says
// where the damage is.
func CheckUTF8(name string, data []byte) *Error {
	if utf8.Valid(data) {
		return nil
	}
	first, n := -1, 0
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size == 1 {
			if first < 0 {
				first = i
			}
			n++
		}
		i += size
	}
	msg := fmt.Sprintf("invalid UTF-8 (byte 0x%02x at offset %d", data[first], first)
	if n > 1 {
		msg += fmt.Sprintf(", %d bad bytes in all", n)
	}
	msg += ") replaced with U+FFFD"
	return &Error{File: name, Pos: PosAt(data, first), Msg: msg, Hint: "save the file as UTF-8", Err: ErrBadUTF8}
}

func cutLine(b []byte) (line, rest []byte, found bool) {
	i := bytes.IndexByte(b, '\n')
	if i < 0 {
		return b, nil, false
	}
	return b[:i], b[i+1:], true
}

func unquote(v string) (string, error) {
	if v == "" {
		return "", nil
	}
	end := -1 // index of the closing quote
	switch v[0] {
	case '"':
		for i := 1; i < len(v); i++ {
			if v[i] == '\\' {
				i++
			} else if v[i] == '"' {
				end = i
				break
			}
		}
		if end < 0 {
			return "", errors.New("unterminated double quote")
		}
	case '\'':
		for i := 1; i < len(v); i++ {
			if v[i] == '\'' {
				if i+1 < len(v) && v[i+1] == '\'' {
					i++
					continue
				}
				end = i
				break
			}
		}
		if end < 0 {
			return "", errors.New("unterminated single quote")
		}
	default:
		// strip a trailing comment " # ..."
		if i := strings.Index(v, " #"); i >= 0 {
			v = strings.TrimSpace(v[:i])
		}
		return v, nil
	}
	if rest := strings.TrimSpace(v[end+1:]); rest != "" && rest[0] != '#' {
		return "", fmt.Errorf("text after the closing quote: %q", clip(rest, 20))
	}
	if v[0] == '\'' {
		return strings.ReplaceAll(v[1:end], "''", "'"), nil
	}
	s, err := strconv.Unquote(v[:end+1])
	if err != nil {
		return "", errors.New("bad escape in double-quoted string")
	}
	return s, nil
}

func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n] + "…"
}

// looksBinary reports whether data has NUL bytes or mostly control bytes in
// its first kilobyte.
func looksBinary(data []byte) bool {
	head := data
	if len(head) > 1024 {
		head = head[:1024]
	}
	if bytes.IndexByte(head, 0) >= 0 {
		return true
	}
	ctl := 0
	for _, c := range head {
		if c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' {
			ctl++
		}
	}
	return ctl*10 > len(head)
}
