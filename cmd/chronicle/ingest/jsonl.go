package ingest

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"iter"
	"maps"
	"strconv"
	"strings"
	"unicode/utf8"

	"chronicle/parse"
)

// record is one line of a JSON Lines feed.
type record struct {
	Outlet    string `json:"outlet"`
	URL       string `json:"url"`
	Published string `json:"published"`
	Timezone  string `json:"timezone"`
	Title     string `json:"title"`
	Text      string `json:"text"`
	HTML      string `json:"html"`
}

// JSONL streams a JSON Lines feed: one article per line, an object with
// outlet, url, published, timezone, title and text (or html, a saved page
// whose text is extracted as by [HTML]). Each article is named FILE:LINE.
// The feed is read one line at a time, so memory is bounded by the longest
// line, not the file. Blank lines are skipped; a line that is not a valid
// record yields an Item with Err and the next line is read. The values of
// opts.Override (a manifest row) take precedence over the record's.
func JSONL(name string, r io.Reader, opts Options) iter.Seq[Item] {
	if opts.zones == nil {
		opts.zones = zoneCache{}
	}
	return func(yield func(Item) bool) {
		opts.arena = &textArena{}
		br := bufio.NewReaderSize(r, 64<<10)
		var buf []byte
		off := 0 // of the line in the file
		for lineNo := 1; ; lineNo++ {
			// A line that fits in br's buffer is decoded where it is
			// (jsonlItem keeps no reference to it); a longer one is put
			// together in buf.
			line, err := br.ReadSlice('\n')
			if err == bufio.ErrBufferFull {
				buf = append(buf[:0], line...)
				for err == bufio.ErrBufferFull {
					line, err = br.ReadSlice('\n')
					buf = append(buf, line...)
				}
				line = buf
			}
			if len(bytes.TrimSpace(line)) > 0 {
				if !yield(jsonlItem(name, lineNo, off, line, opts)) {
					return
				}
			}
			off += len(line)
			if err == io.EOF {
				return
			}
			if err != nil {
				yield(Item{Article: parse.Article{Source: name}, Err: &parse.Error{File: name, Pos: parse.Pos{Line: lineNo, Col: 1}, Msg: fmt.Sprintf("read error: %v", err), Hint: "check the file"}})
				return
			}
			if cap(buf) > 1<<20 {
				buf = nil // do not keep one huge line's buffer for the rest of the file
			}
		}
	}
}

// jsonlItem decodes one line of a feed; a panic becomes the line's error.
func jsonlItem(name string, lineNo, lineOff int, line []byte, opts Options) Item {
	line = bytes.TrimRight(line, "\r\n")
	return recordItem(name, name+":"+strconv.Itoa(lineNo), line, func(col int) parse.Pos {
		return parse.Pos{Line: lineNo, Col: col, Offset: lineOff + col - 1}
	}, opts)
}

// recordItem decodes one feed record, the JSON object in line, as the
// article src. at maps a 1-based byte position in line to its position
// in the file. A panic becomes the record's error.
func recordItem(name, src string, line []byte, at func(col int) parse.Pos, opts Options) (it Item) {
	defer func() {
		if r := recover(); r != nil {
			it = Item{Article: parse.Article{Source: src}, Err: Panic(src, r)}
		}
	}()
	fail := func(col int, msg, hint string) Item {
		return Item{Article: parse.Article{Source: src}, Err: &parse.Error{File: name, Pos: at(col), Msg: msg, Hint: hint}}
	}
	var rec record
	var cols metaCols
	fast := fastRecordIn(line, &rec, opts.arena, &cols)
	if !fast {
		rec = record{}
		if it, failed := decodeRecord(line, &rec, fail); failed {
			return it
		}
	}
	m := &Meta{Outlet: rec.Outlet, URL: rec.URL, Published: rec.Published, Timezone: rec.Timezone, Title: rec.Title, At: make(map[string]Ref, 5)}
	// Only a value that is given has a place to point at (and the search
	// for a key that is not there would read the whole line).
	// (fastRecordIn found the columns on its way.)
	for i, v := range [...]*string{&m.Outlet, &m.URL, &m.Published, &m.Timezone, &m.Title} {
		if *v != "" {
			col := cols[i]
			if !fast {
				col = valueCol(line, metaKeys[i])
			}
			m.At[metaKeys[i]] = Ref{File: name, Pos: at(col)}
		}
	}
	if ov := opts.Override; ov != nil {
		m = overlay(m, ov)
	}
	var warns []error
	if w := checkUTF8(name, line, fast); w != nil {
		rel := w.Pos.Offset
		w.Pos = at(rel + 1)
		w.Msg = strings.Replace(w.Msg, fmt.Sprintf(" at offset %d", rel), fmt.Sprintf(" at offset %d", w.Pos.Offset), 1)
		warns = append(warns, w)
	}
	o := Options{Defaults: opts.Defaults, Override: m, zones: opts.zones}
	switch {
	case strings.TrimSpace(rec.HTML) != "" && strings.TrimSpace(rec.Text) == "":
		it = HTML(src, []byte(rec.HTML), o)
	case strings.TrimSpace(rec.Text) != "":
		it = textRecord(src, rec.Text, fast, o)
		if it.Err == nil && it.Article.Undated {
			it.warn(&parse.Error{File: name, Pos: at(1), Msg: "no publication date: relative dates are left unresolved", Hint: `add "published": "2025-12-03" to the record or pass --published`, Err: parse.ErrNoPubDate})
		}
	default:
		return fail(1, "the record has no text", `give the article in "text" (plain text) or "html" (a saved page)`)
	}
	it.Warnings = append(warns, it.Warnings...)
	return it
}

// checkUTF8 is parse.CheckUTF8, skipped for a line fastRecord accepted
// (valid is true): such a line is valid UTF-8.
func checkUTF8(name string, line []byte, valid bool) *parse.Error {
	if valid {
		return nil
	}
	return parse.CheckUTF8(name, line)
}

// decodeRecord decodes a record line with encoding/json: the reference
// for [fastRecord], and the decoder of every line it does not accept. It
// returns the line's error item, made with fail, and true when the line
// is not a record.
func decodeRecord(line []byte, rec *record, fail func(col int, msg, hint string) Item) (Item, bool) {
	dec := json.NewDecoder(bytes.NewReader(line))
	if err := dec.Decode(rec); err != nil {
		var se *json.SyntaxError
		var te *json.UnmarshalTypeError
		switch {
		case errors.As(err, &se):
			return fail(max(1, int(se.Offset)), fmt.Sprintf("invalid JSON: %v", se), "write one JSON object per line"), true
		case errors.As(err, &te) && te.Field == "":
			return fail(1, fmt.Sprintf("the line is a JSON %s, not an object", te.Value), `write one object per line: {"outlet": …, "published": …, "text": …}`), true
		case errors.As(err, &te):
			return fail(valueCol(line, te.Field), fmt.Sprintf("%s must be a string, not a JSON %s", te.Field, te.Value), `quote the value, e.g. "published": "2025-12-03"`), true
		case err == io.ErrUnexpectedEOF:
			return fail(len(line)+1, "invalid JSON: the object is not closed", "write one complete JSON object per line"), true
		}
		return fail(1, fmt.Sprintf("invalid JSON: %v", err), "write one JSON object per line"), true
	}
	if dec.More() {
		return fail(int(dec.InputOffset())+1, "more than one JSON value on the line", "write one JSON object per line"), true
	}
	return Item{}, false
}

// JSON reads a .json file holding one record object or an array of
// them; each record is named FILE:LINE after the line where its object
// starts. Unlike [JSONL] the file is read whole, so big feeds belong in
// JSON Lines.
func JSON(name string, data []byte, opts Options) iter.Seq[Item] {
	if opts.zones == nil {
		opts.zones = zoneCache{}
	}
	return func(yield func(Item) bool) {
		at := func(base int) func(col int) parse.Pos {
			return func(col int) parse.Pos { return parse.PosAt(data, base+col-1) }
		}
		fail := func(off int, msg string) {
			yield(Item{Article: parse.Article{Source: name}, Err: &parse.Error{File: name, Pos: parse.PosAt(data, off), Msg: msg,
				Hint: `give an array of objects such as {"outlet": …, "published": …, "text": …}, or one object per line (.jsonl)`}})
		}
		start := skipSpace(data, 0)
		if len(bytes.TrimSpace(data)) == 0 {
			yield(Item{Article: parse.Article{Source: name}, Err: &parse.Error{File: name, Msg: "the file is empty", Hint: "give a JSON array of articles", Err: parse.ErrEmpty}})
			return
		}
		if data[start] == '{' {
			yield(recordItem(name, name, data[start:], at(start), opts))
			return
		}
		dec := json.NewDecoder(bytes.NewReader(data))
		if tok, err := dec.Token(); err != nil || tok != json.Delim('[') {
			fail(start, "not a JSON array or object")
			return
		}
		for dec.More() {
			off := skipSpace(data, int(dec.InputOffset()))
			var raw json.RawMessage
			if err := dec.Decode(&raw); err != nil {
				var se *json.SyntaxError
				if errors.As(err, &se) && se.Offset > 0 && int(se.Offset) <= len(data) {
					// a Decoder counts the bytes before the bad token
					off = int(se.Offset)
					for off+1 < len(data) && strings.IndexByte(" \t\r\n", data[off]) >= 0 {
						off++
					}
				}
				fail(off, fmt.Sprintf("invalid JSON: %v", err))
				return
			}
			src := fmt.Sprintf("%s:%d", name, parse.PosAt(data, off).Line)
			if !yield(recordItem(name, src, raw, at(off), opts)) {
				return
			}
		}
	}
}

// skipSpace returns the offset of the first byte at or after off that is
// not JSON white space or a comma.
func skipSpace(data []byte, off int) int {
	for off < len(data) && strings.IndexByte(" \t\r\n,\xef\xbb\xbf", data[off]) >= 0 {
		off++
	}
	return min(off, max(len(data)-1, 0))
}

// valueCol returns the 1-based column of the value of key in a JSON line
// (1 when the key is not found).
func valueCol(line []byte, key string) int {
	i := bytes.Index(line, []byte(`"`+key+`"`))
	if i < 0 {
		return 1
	}
	j := i + len(key) + 2
	for j < len(line) && (line[j] == ' ' || line[j] == ':' || line[j] == '\t') {
		j++
	}
	return j + 1
}

// textRecord builds an article from a feed record's plain text; valid
// tells that the text is known to be valid UTF-8 (fastRecord checked it).
func textRecord(src, text string, valid bool, opts Options) Item {
	var it Item
	def := opts.Defaults
	a := &it.Article
	body := text
	if !valid && !utf8.ValidString(body) { // a decoded JSON string always is; ValidString is the faster check
		body = strings.ToValidUTF8(body, "\uFFFD")
	}
	a.Source, a.Body, a.Outlet, a.Loc = src, body, def.Outlet, def.Loc
	switch {
	case opts.Override.Published != "":
	case !def.Published.IsZero():
		a.Published, a.Loc, a.DateOnly = def.DefaultPublication(a.Loc)
	default:
		a.Undated = true
	}
	it.PubAt = Ref{File: src}
	it.override(opts.Override, opts.zones)
	return it
}

// overlay returns base with the non-empty values of top (and their
// positions) taking precedence.
func overlay(base, top *Meta) *Meta {
	m := *base
	m.At = maps.Clone(base.At)
	if m.At == nil {
		m.At = map[string]Ref{}
	}
	set := func(dst *string, v, key string) {
		if v != "" {
			*dst = v
			m.At[key] = top.At[key]
		}
	}
	set(&m.Outlet, top.Outlet, "outlet")
	set(&m.URL, top.URL, "url")
	set(&m.Published, top.Published, "published")
	set(&m.Timezone, top.Timezone, "timezone")
	set(&m.Title, top.Title, "title")
	return &m
}
