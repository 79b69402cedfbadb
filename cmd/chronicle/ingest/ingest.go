// Package ingest decodes what a user can point chronicle at into
// articles: text or Markdown with front matter, saved HTML pages, JSON
// Lines feeds and manifests (CSV or YAML) that list files with metadata.
//
// Every decoder reports problems as *parse.Error values naming
// file:line:col, split into errors (the article cannot be used) and
// warnings (it is used, with a caveat the user should know about). No
// decoder panics on bad input: [Decode] turns a panic into an error for
// the one article that caused it.
package ingest

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"path"
	"strings"
	"time"
	"unicode/utf16"

	"chronicle/parse"
)

// Format is the kind of an input.
type Format int

// Input formats.
const (
	FormatText     Format = iota // text or Markdown, optional YAML front matter
	FormatHTML                   // a saved web page
	FormatJSONL                  // JSON Lines, one article per line
	FormatManifest               // CSV or YAML list of files with metadata
	FormatJSON                   // a JSON array of records (or one record)
)

// String names the format: text, html, jsonl, manifest or json.
func (f Format) String() string {
	switch f {
	case FormatHTML:
		return "html"
	case FormatJSONL:
		return "jsonl"
	case FormatManifest:
		return "manifest"
	case FormatJSON:
		return "json"
	}
	return "text"
}

// Meta is metadata that overrides what an input says about itself: a
// manifest row or a JSON Lines record. Empty fields override nothing.
type Meta struct {
	Outlet, URL, Published, Timezone, Title string

	// At locates each value given by key (outlet, url, published,
	// timezone, title) for error messages.
	At map[string]Ref
}

// Ref is where a value was written: a file and a position in it.
type Ref struct {
	File string
	Pos  parse.Pos
}

func (m *Meta) errAt(key, msg, hint string, sentinel error) *parse.Error {
	r := m.At[key]
	if r.File == "" {
		r.File = "(metadata)"
	}
	return &parse.Error{File: r.File, Pos: r.Pos, Msg: msg, Hint: hint, Err: sentinel}
}

// Options holds the defaults for what an input does not say (--published,
// --tz, --outlet) and, for entries of a manifest or records of a feed,
// the metadata that overrides it.
type Options struct {
	Defaults parse.ReadOptions
	Override *Meta

	zones zoneCache  // zones loaded so far in one feed (loading reads tzdata)
	arena *textArena // where one goroutine decodes a feed's texts (nil: one allocation each)
}

// zoneCache remembers the zones a feed names, so that a feed of thousands
// of records in one zone loads it once.
type zoneCache map[string]*time.Location

func (z zoneCache) load(name string) (*time.Location, error) {
	if l, ok := z[name]; ok {
		return l, nil
	}
	l, err := parse.LoadZone(name)
	if err == nil && z != nil {
		z[name] = l
	}
	return l, err
}

// Item is one decoded article, or the reason there is none.
type Item struct {
	Article  parse.Article
	Err      error   // the article cannot be used; Article is incomplete
	Warnings []error // the article is used, with these caveats

	// PubAt is where the publication date is written, for warnings about
	// it (the file alone when the date has no position, as in a page).
	PubAt Ref
}

func (it *Item) warn(err error) { it.Warnings = append(it.Warnings, err) }

// Sniff guesses the format of an input from its name and its first bytes:
// the extension decides when it is known (.html, .htm, .jsonl, .ndjson,
// .json, .csv, .yaml, .yml; .txt and .md are text), otherwise the content
// does (a leading '{' is JSON Lines, '[' a JSON array, a leading tag such
// as <!DOCTYPE or <html is HTML, a CSV header with a path column a
// manifest, anything else text).
func Sniff(name string, head []byte) Format {
	switch strings.ToLower(path.Ext(name)) {
	case ".html", ".htm", ".xhtml":
		return FormatHTML
	case ".jsonl", ".ndjson":
		return FormatJSONL
	case ".json":
		if h := bytes.TrimLeft(head, " \t\r\n\xef\xbb\xbf"); len(h) > 0 && h[0] == '[' {
			return FormatJSON
		}
		if bytes.Count(head, []byte("\n{")) > 0 {
			return FormatJSONL // JSON Lines named .json
		}
		return FormatJSON
	case ".csv", ".yaml", ".yml":
		return FormatManifest
	case ".txt", ".md", ".markdown", ".text":
		return FormatText
	}
	return SniffContent(head)
}

// SniffContent guesses the format from the first bytes alone (stdin).
func SniffContent(head []byte) Format {
	h := bytes.TrimLeft(bytes.TrimPrefix(head, []byte("\xef\xbb\xbf")), " \t\r\n")
	switch {
	case len(h) > 0 && h[0] == '{':
		if first, _, _ := bytes.Cut(h, []byte("\n")); len(bytes.TrimSpace(first)) == 1 {
			return FormatJSON // one pretty-printed object
		}
		return FormatJSONL
	case len(h) > 0 && h[0] == '[' && bytes.Contains(h[:min(len(h), 512)], []byte("{")):
		return FormatJSON
	case csvManifestHeader(h):
		return FormatManifest // a CSV manifest piped in: paths relative to the working directory
	case len(h) > 0 && h[0] == '<':
		l := bytes.ToLower(h[:min(len(h), 512)])
		for _, tag := range []string{"<!doctype html", "<html", "<head", "<body", "<article", "<meta", "<title", "<!--", "<div", "<p>", "<p "} {
			if bytes.Contains(l, []byte(tag)) {
				return FormatHTML
			}
		}
	}
	return FormatText
}

// Decode decodes one text or HTML article. A panic inside a decoder
// becomes the item's error: one bad input never stops the run.
func Decode(name string, f Format, data []byte, opts Options) (it Item) {
	defer func() {
		if r := recover(); r != nil {
			it = Item{Article: parse.Article{Source: name}, Err: Panic(name, r)}
		}
	}()
	switch f {
	case FormatHTML:
		return HTML(name, data, opts)
	default:
		return Text(name, data, opts)
	}
}

// Panic turns a recovered panic into an error for the input it happened
// on: the other inputs are still processed.
func Panic(name string, r any) *parse.Error {
	return &parse.Error{File: name, Msg: fmt.Sprintf("internal error while reading this input (%v)", r),
		Hint: "please report it with the file attached; the other inputs were processed"}
}

// Text decodes a text or Markdown article with optional front matter.
// A manifest row in opts.Override replaces the front matter's values: its
// zone also reads the file's date-only publication day in that zone.
func Text(name string, data []byte, opts Options) Item {
	var it Item
	if u, ok := fromUTF16(data); ok {
		data = u
		it.warn(&parse.Error{File: name, Msg: "the file is UTF-16; decoded", Hint: "save it as UTF-8"})
	}
	ro := opts.Defaults
	it.PubAt = Ref{File: name}
	if ov := opts.Override; ov != nil {
		if ov.Timezone != "" {
			loc, err := opts.zones.load(ov.Timezone)
			if err != nil {
				return Item{Article: parse.Article{Source: name}, Err: ov.errAt("timezone", fmt.Sprintf("unknown time zone %q", ov.Timezone), "use an IANA name such as Europe/Berlin or America/New_York", parse.ErrBadZone)}
			}
			ro.Loc = loc
			ro.Ignore = append(ro.Ignore, "timezone")
		}
		if ov.Published != "" {
			t, _, err := parse.ParsePublished(ov.Published, ro.Loc)
			if err != nil {
				return Item{Article: parse.Article{Source: name}, Err: ov.errAt("published", fmt.Sprintf("invalid publication date %q", ov.Published), "write a date (2025-12-03) or an RFC 3339 time (2025-12-03T14:05:00-05:00)", parse.ErrBadPubDate)}
			}
			ro.Published = t
			ro.Ignore = append(ro.Ignore, "published")
			it.PubAt = ov.At["published"]
		}
	}
	a, err := parse.ReadArticle(name, data, ro)
	it.Article = a
	if err != nil {
		if !isSentinel(err, parse.ErrNoPubDate) {
			it.Err = err
			return it
		}
		it.warn(err)
	}
	if fm, _, ferr := parse.SplitFrontMatter(name, data); ferr == nil && it.PubAt.File == name {
		if p, ok := fm.At["published"]; ok {
			it.PubAt.Pos = p
		}
	}
	if w := parse.CheckUTF8(name, data); w != nil {
		it.warn(w)
	}
	if ov := opts.Override; ov != nil {
		it.override(&Meta{Outlet: ov.Outlet, Title: ov.Title, URL: ov.URL, At: ov.At}, opts.zones)
	}
	return it
}

// override applies a manifest row or feed record to the item's article.
func (it *Item) override(m *Meta, zones zoneCache) {
	if err := applyOverride(&it.Article, m, zones); err != nil {
		it.Err = err
	}
	if m.Published != "" {
		it.PubAt = m.At["published"]
	}
}

// fromUTF16 decodes text that starts with a UTF-16 byte order mark (as
// Windows tools save "Unicode" text) to UTF-8.
func fromUTF16(data []byte) ([]byte, bool) {
	var order binary.ByteOrder
	switch {
	case bytes.HasPrefix(data, []byte{0xff, 0xfe}):
		order = binary.LittleEndian
	case bytes.HasPrefix(data, []byte{0xfe, 0xff}):
		order = binary.BigEndian
	default:
		return nil, false
	}
	data = data[2:]
	u := make([]uint16, len(data)/2)
	for i := range u {
		u[i] = order.Uint16(data[2*i:])
	}
	return []byte(string(utf16.Decode(u))), true
}

// applyOverride replaces the article's metadata with the non-empty values
// of m; a new zone re-reads a date-only publication day in that zone.
func applyOverride(a *parse.Article, m *Meta, zones zoneCache) error {
	if m.Outlet != "" {
		a.Outlet = m.Outlet
	}
	if m.Title != "" {
		a.Title = m.Title
	}
	if m.URL != "" {
		a.URL = m.URL
	}
	loc := a.Loc
	if m.Timezone != "" {
		l, err := zones.load(m.Timezone)
		if err != nil {
			return m.errAt("timezone", fmt.Sprintf("unknown time zone %q", m.Timezone), "use an IANA name such as Europe/Berlin or America/New_York", parse.ErrBadZone)
		}
		loc = l
		if !a.Published.IsZero() && m.Published == "" {
			p := a.Published
			if a.DateOnly {
				a.Published = time.Date(p.Year(), p.Month(), p.Day(), 0, 0, 0, 0, loc)
			} else {
				a.Published = p.In(loc)
			}
		}
	}
	if loc == nil {
		loc = time.UTC
	}
	a.Loc = loc
	if m.Published != "" {
		t, dateOnly, err := parse.ParsePublished(m.Published, loc)
		if err != nil {
			return m.errAt("published", fmt.Sprintf("invalid publication date %q", m.Published), "write a date (2025-12-03) or an RFC 3339 time (2025-12-03T14:05:00-05:00)", parse.ErrBadPubDate)
		}
		a.Published, a.DateOnly, a.Undated = t.In(loc), dateOnly, false
	}
	return nil
}

func isSentinel(err, target error) bool {
	pe, ok := err.(*parse.Error)
	return ok && pe.Err == target
}
