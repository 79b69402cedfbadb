package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/csv"
	"fmt"
	"io"
	"iter"
	"os"
	"runtime/debug"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/urfave/cli/v2"

	"chronicle/parse"
	"chronicle/parse/civil"
	"chronicle/render"
	"chronicle/timeline"
)

// tagFormats are the output formats of `chronicle tag`.
var tagFormats = []string{"timeml", "json", "jsonl", "csv"}

func tagCommand() *cli.Command {
	return &cli.Command{
		Name:  "tag",
		Usage: "find and resolve the time expressions of a text (TempEval-3 TimeML, JSON, JSON Lines or CSV)",
		Description: `Tags every article of the input (a file, a directory, - for stdin; no
argument: the embedded seeds). An article with front matter is resolved
against its own published date and timezone; a plain text needs --dct
(or --published), unless --no-resolve leaves relative values unresolved.

Formats:
  timeml  one TempEval-3 TimeML document per article: the text unchanged,
          XML-escaped, with inline <TIMEX3> elements (several articles:
          one document after the other)
  json    an array with one object per article and its mentions
  jsonl   one such object per line, written as each article is tagged
  csv     one row per mention (RFC 4180, header row)`,
		ArgsUsage: "[FILE|DIR|-]...",
		Flags: append(inputFlags(),
			&cli.StringFlag{Name: "dct", Usage: "document creation `DATE|TIME` for texts that give none (same as --published)"},
			&cli.StringFlag{Name: "format", Value: "timeml", Usage: "`FORMAT`: timeml, json, jsonl or csv"},
			&cli.BoolFlag{Name: "no-resolve", Usage: "leave relative expressions unresolved (X-filled values); no DCT needed"},
			&cli.BoolFlag{Name: "no-furniture", Usage: "leave out expressions in page furniture (newsletter, app and donation boilerplate)"},
			&cli.StringFlag{Name: "output", Aliases: []string{"o"}, Usage: "write to `FILE` (atomically) instead of stdout"},
		),
		Action: runTag,
	}
}

func runTag(c *cli.Context) error {
	format := c.String("format")
	if !validFormat(format) {
		return usageErr("--format %q: use timeml, json, jsonl or csv", format)
	}
	if dct := c.String("dct"); dct != "" {
		if p := c.String("published"); p != "" && p != dct {
			return usageErr("--dct %q and --published %q disagree; give one of them", dct, p)
		}
		if err := c.Set("published", dct); err != nil {
			return usageErr("--dct %q: %v", dct, err)
		}
	}
	noResolve := c.Bool("no-resolve")
	in, err := readInput(c)
	if err != nil {
		return err
	}
	ex := parse.NewExtractor(parse.Options{NoResolve: noResolve})
	bopts, tagErrs, err := buildOptions(c)
	if err != nil {
		return err
	}
	var undated error
	arts := func(yield func(parse.Article) bool) {
		for a := range in.articles() {
			if noResolve {
				a.Undated = true
			} else if a.Undated {
				undated = usageErr("%s: no publication date to resolve relative expressions against; pass --dct 2025-12-03 (or an RFC 3339 time), add `published:` front matter, or use --no-resolve", a.Source)
				return
			}
			if !yield(a) {
				return
			}
		}
	}
	opts := tagOptions{format: format, noFurniture: c.Bool("no-furniture"), build: bopts}
	defer raiseGC(streamGCPercent)()
	if err := writeOutput(c, c.String("output"), func(w io.Writer) error {
		return writeTagged(c, w, ex, arts, opts)
	}); err != nil {
		return err
	}
	if undated != nil {
		_ = finishBuild(c, in, *tagErrs)
		return undated
	}
	return finishBuild(c, in, *tagErrs)
}

func validFormat(f string) bool {
	for _, v := range tagFormats {
		if f == v {
			return true
		}
	}
	return false
}

type tagOptions struct {
	format      string
	noFurniture bool
	build       timeline.Options // workers and per-article error reporting
}

// writeTagged tags the articles and writes each as soon as it and every
// article before it are tagged: nothing but the articles in flight is
// held. The workers format each article's output; the caller's goroutine
// only writes it, in input order.
func writeTagged(c *cli.Context, w io.Writer, ex *parse.Extractor, arts iter.Seq[parse.Article], opts tagOptions) error {
	bw := bufio.NewWriterSize(w, 256<<10) // an article's output is often larger than w's buffer
	switch opts.format {
	case "csv":
		cw := csv.NewWriter(bw)
		if err := cw.Write(tagCSVColumns); err != nil {
			return err
		}
		cw.Flush()
		if err := cw.Error(); err != nil {
			return err
		}
	case "json":
		if _, err := io.WriteString(bw, "["); err != nil {
			return err
		}
	}
	n := 0
	err := mapFormatted(c.Context, ex, arts, opts.build, func(dst []byte, a *parse.Article, ms []parse.Mention) ([]byte, error) {
		return formatTagged(dst, a, ms, opts)
	}, func(out []byte) error {
		n++
		switch {
		case opts.format != "json":
		case n > 1:
			bw.WriteString(",\n")
		default:
			bw.WriteString("\n")
		}
		_, err := bw.Write(out)
		return err
	})
	if err != nil {
		return err
	}
	if opts.format == "json" {
		if _, err := io.WriteString(bw, "\n]\n"); err != nil {
			return err
		}
	}
	return bw.Flush()
}

// formatTagged formats one tagged article in opts.format: a TimeML
// document, CSV rows, or a JSON object (with a newline for jsonl; the
// caller adds the separators of a json array), appended to buf.
func formatTagged(buf []byte, a *parse.Article, ms []parse.Mention, opts tagOptions) ([]byte, error) {
	if opts.noFurniture {
		kept := ms[:0:0]
		for _, m := range ms {
			if !m.Furniture {
				kept = append(kept, m)
			}
		}
		ms = kept
	}
	switch opts.format {
	case "timeml":
		b := bytes.NewBuffer(buf)
		err := render.TimeML(b, a, ms, render.TimeMLOptions{})
		return b.Bytes(), err
	case "csv":
		b := bytes.NewBuffer(buf)
		cw := csv.NewWriter(b)
		if err := writeTagCSV(cw, a, ms); err != nil {
			return nil, err
		}
		cw.Flush()
		return b.Bytes(), cw.Error()
	}
	// The article's tagJSON (tagHead, then newMentionJSON of each
	// mention), encoded as json.Marshal would, one mention at a time.
	head := tagHead(a)
	data := appendTagHead(buf, &head)
	var zc zoneCache
	for i := range ms {
		if i > 0 {
			data = append(data, ',')
		}
		data = appendMention(data, &ms[i], &zc)
	}
	data = append(data, "]}"...)
	if opts.format == "jsonl" {
		data = append(data, '\n')
	}
	return data, nil
}

// appendTagHead appends the start of t as JSON, up to the '[' of its
// mentions.
func appendTagHead(b []byte, t *tagJSON) []byte {
	b = append(b, `{"source":`...)
	b = appendJSONString(b, t.Source)
	b = appendJSONField(b, `,"outlet":`, t.Outlet)
	b = appendJSONField(b, `,"title":`, t.Title)
	b = appendJSONField(b, `,"published":`, t.Published)
	b = append(b, `,"zone":`...)
	b = appendJSONString(b, t.Zone)
	return append(b, `,"mentions":[`...)
}

// appendMention appends the mentionJSON of m (newMentionJSON) as
// json.Marshal writes it, without making it: the dates are formatted
// straight into b, and no string is allocated. zc caches the zone
// offsets of the article's bounds.
func appendMention(b []byte, m *parse.Mention, zc *zoneCache) []byte {
	b = append(b, `{"text":`...)
	b = appendJSONString(b, m.Text)
	b = append(b, `,"start":`...)
	b = appendInt(b, m.Span.Start)
	b = append(b, `,"end":`...)
	b = appendInt(b, m.Span.End)
	b = append(b, `,"type":`...)
	b = appendJSONString(b, timex3Type(m.Kind))
	b = append(b, `,"value":`...)
	b = appendJSONString(b, m.TIMEX)
	b = appendJSONField(b, `,"mod":`, m.Mod)
	b = appendJSONField(b, `,"quant":`, m.Quant)
	b = appendJSONField(b, `,"freq":`, m.Freq)
	if iv := &m.When; !iv.IsZero() {
		// render.Bounds: days as dates, finer intervals as RFC 3339.
		day := iv.Gran == parse.GranUnknown || iv.Gran >= parse.GranDay
		b = appendBound(append(b, `,"date":"`...), iv.Start, day, zc)
		b = appendBound(append(b, `","until":"`...), iv.End, day, zc)
		b = appendJSONString(append(b, `","granularity":`...), iv.Gran.String())
	}
	if m.Tense != parse.TenseUnknown {
		b = appendJSONField(b, `,"tense":`, m.Tense.String())
	}
	b = appendJSONField(b, `,"signal":`, m.Signal)
	b = appendJSONField(b, `,"rule":`, m.Rule)
	if m.Furniture {
		b = append(b, `,"furniture":true`...)
	}
	b = append(b, `,"sentence_start":`...)
	b = appendInt(b, m.Sentence.Start)
	b = append(b, `,"sentence_end":`...)
	b = appendInt(b, m.Sentence.End)
	return append(b, '}')
}

// appendInt appends n in decimal, as strconv.AppendInt does.
func appendInt(b []byte, n int) []byte {
	if n < 0 || n >= 1e8 {
		return strconv.AppendInt(b, int64(n), 10)
	}
	var d [8]byte
	i := len(d)
	for n >= 100 {
		q := n / 100
		r := (n - q*100) * 2
		i -= 2
		d[i], d[i+1] = digitPairs[r], digitPairs[r+1]
		n = q
	}
	if n >= 10 {
		i -= 2
		d[i], d[i+1] = digitPairs[n*2], digitPairs[n*2+1]
	} else {
		i--
		d[i] = byte('0' + n)
	}
	return append(b, d[i:]...)
}

// digitPairs holds the two digits of 00 to 99.
const digitPairs = "00010203040506070809" + "10111213141516171819" + "20212223242526272829" + "30313233343536373839" +
	"40414243444546474849" + "50515253545556575859" + "60616263646566676869" + "70717273747576777879" +
	"80818283848586878889" + "90919293949596979899"

// append2 appends n, 0 to 99, as two digits.
func append2(b []byte, n int) []byte {
	return append(b, digitPairs[n*2], digitPairs[n*2+1])
}

// zoneCache remembers the zone periods of the last bounds formatted,
// most recent first: their location and civil.Period. An article's bounds fall mostly in one or two
// periods of its zone (winter and summer time), so they cost a zone
// lookup per period rather than one each.
type zoneCache [2]zonePeriod

// zonePeriod is a period of a location with one offset.
type zonePeriod struct {
	loc *time.Location
	civil.Period
}

// offset returns the offset east of UTC, in seconds, of t's zone at t,
// as t.Zone does; u is t.Unix().
func (z *zoneCache) offset(t time.Time, u int64) int {
	loc := t.Location()
	if p := &z[0]; loc == p.loc && p.Has(u) {
		return int(p.Off)
	}
	if p := z[1]; loc == p.loc && p.Has(u) {
		z[1], z[0] = z[0], p
		return int(p.Off)
	}
	p := civil.PeriodOf(t)
	if p.Has(u) {
		z[1], z[0] = z[0], zonePeriod{loc: loc, Period: p}
	}
	return int(p.Off)
}

// appendBound appends t as render.Bounds formats it: 2006-01-02 when day
// is set, else RFC 3339 (t.AppendFormat(b, time.RFC3339)). Neither
// contains a character JSON escapes. The date and time come from t's
// Unix seconds and zone offset by civil arithmetic: one cached zone
// lookup instead of one per call of a time.Time method.
func appendBound(b []byte, t time.Time, day bool, zc *zoneCache) []byte {
	u := t.Unix()
	// Years 0 to 9999 only: others are laid out by package time.
	const minUnix, maxUnix = -62167219200 + 86400, 253402300799 - 86400 // 0000-01-02, 9999-12-30
	if u < minUnix || u > maxUnix {
		if day {
			return t.AppendFormat(b, time.DateOnly)
		}
		return t.AppendFormat(b, time.RFC3339)
	}
	off := zc.offset(t, u)
	local := u + int64(off)
	days := civil.FloorDiv(local, 86400)
	secs := local - days*86400
	y, month, d := civil.Date(days)
	m := int(month)
	if y < 0 || y > 9999 { // an offset of days: not a real zone
		if day {
			return t.AppendFormat(b, time.DateOnly)
		}
		return t.AppendFormat(b, time.RFC3339)
	}
	b = append2(append2(b, y/100), y%100)
	b = append2(append(b, '-'), m)
	b = append2(append(b, '-'), d)
	if day {
		return b
	}
	s := int(secs)
	b = append2(append(b, 'T'), s/3600)
	b = append2(append(b, ':'), s/60%60)
	b = append2(append(b, ':'), s%60)
	if off == 0 {
		return append(b, 'Z')
	}
	zone := off / 60 // minutes, truncated as package time does
	if zone < 0 {
		b = append(b, '-')
		zone = -zone
	} else {
		b = append(b, '+')
	}
	if h := zone / 60; h > 99 { // not a real zone
		b = strconv.AppendInt(b, int64(h), 10)
	} else {
		b = append2(b, h)
	}
	return append2(append(b, ':'), zone%60)
}

// timex3Type is k.TIMEX3Type() without allocating for the four types.
func timex3Type(k parse.Kind) string {
	switch s := k.String(); s {
	case "date":
		return "DATE"
	case "time":
		return "TIME"
	case "duration":
		return "DURATION"
	case "set":
		return "SET"
	default:
		return strings.ToUpper(s)
	}
}

// appendJSONField appends key and s, an omitempty string field, unless s
// is empty.
func appendJSONField(b []byte, key, s string) []byte {
	if s == "" {
		return b
	}
	return appendJSONString(append(b, key...), s)
}

// appendJSONString appends s as a JSON string exactly as json.Marshal
// writes it: \b \f \n \r \t \" \\ escaped by name, other control
// characters and the HTML-sensitive <, > and & as \u00XX, U+2028 and
// U+2029 as \u2028 and \u2029, each invalid UTF-8 byte as \ufffd.
func appendJSONString(b []byte, s string) []byte {
	const hex = "0123456789abcdef"
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		// Skip 8 plain bytes at a time: none is '"', '&', '<', '>',
		// '\\', a control character or non-ASCII.
		for i+8 <= len(s) {
			p := s[i : i+8]
			w := uint64(p[0]) | uint64(p[1])<<8 | uint64(p[2])<<16 | uint64(p[3])<<24 |
				uint64(p[4])<<32 | uint64(p[5])<<40 | uint64(p[6])<<48 | uint64(p[7])<<56
			if jsonSpecial(w) != 0 {
				break
			}
			i += 8
		}
		if i >= len(s) {
			break
		}
		c := s[i]
		if jsonPlainTable[c] == '1' {
			i++
			continue
		}
		if c < utf8.RuneSelf {
			b = append(b, s[start:i]...)
			switch c {
			case '\\', '"':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xf])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
		case r == '\u2028' || r == '\u2029':
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hex[r&0xf])
		default:
			i += size
			continue
		}
		i += size
		start = i
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}

// jsonSpecial returns a non-zero mask if one of the 8 bytes of w (read
// little-endian) is not a plain ASCII byte for json.Marshal: '"', '&',
// '<', '>', '\\', below 0x20 or from 0x80. Its lowest set bit is in the
// first such byte; the bits above it may be false alarms.
func jsonSpecial(w uint64) uint64 {
	const ones = 0x0101010101010101
	q := w | 0x04*ones ^ '&'*ones // zero in the bytes '"' (0x22) and '&' (0x26)
	a := w | 0x02*ones ^ '>'*ones // '<' (0x3c) and '>' (0x3e)
	s := w ^ '\\'*ones
	return ((w-0x20*ones) & ^w | (q-ones) & ^q | (a-ones) & ^a | (s-ones) & ^s | w) & (0x80 * ones)
}

// jsonPlainTable is '1' at the bytes json.Marshal writes as they are
// (0x20 to 0x7f but for '"', '&', '<', '>' and '\\'), 64 bytes a line.
const jsonPlainTable = "0000000000000000000000000000000011011101111111111111111111110101" +
	"1111111111111111111111111111011111111111111111111111111111111111" +
	"0000000000000000000000000000000000000000000000000000000000000000" +
	"0000000000000000000000000000000000000000000000000000000000000000"

// tagJSON is one article of `tag --format json|jsonl`.
type tagJSON struct {
	Source    string        `json:"source"`
	Outlet    string        `json:"outlet,omitempty"`
	Title     string        `json:"title,omitempty"`
	Published string        `json:"published,omitempty"` // a date, or RFC 3339; empty when undated
	Zone      string        `json:"zone"`
	Mentions  []mentionJSON `json:"mentions"`
}

// mentionJSON is one mention; start/end are UTF-8 byte offsets into the
// body, date/until the bounds of the resolved interval (until exclusive).
type mentionJSON struct {
	Text          string `json:"text"`
	Start         int    `json:"start"`
	End           int    `json:"end"`
	Type          string `json:"type"`
	Value         string `json:"value"`
	Mod           string `json:"mod,omitempty"`
	Quant         string `json:"quant,omitempty"`
	Freq          string `json:"freq,omitempty"`
	Date          string `json:"date,omitempty"`
	Until         string `json:"until,omitempty"`
	Granularity   string `json:"granularity,omitempty"`
	Tense         string `json:"tense,omitempty"`
	Signal        string `json:"signal,omitempty"`
	Rule          string `json:"rule,omitempty"`
	Furniture     bool   `json:"furniture,omitempty"`
	SentenceStart int    `json:"sentence_start"`
	SentenceEnd   int    `json:"sentence_end"`
}

// tagHead is the article's tagJSON without its mentions.
func tagHead(a *parse.Article) tagJSON {
	src := timeline.NewDoc(a, nil).Source
	return tagJSON{Source: a.Source, Outlet: a.Outlet, Title: a.Title, Published: render.Published(src), Zone: src.Zone}
}

func newMentionJSON(m parse.Mention) mentionJSON {
	date, until := render.Bounds(m.When)
	mj := mentionJSON{
		Text: m.Text, Start: m.Span.Start, End: m.Span.End, Type: m.Kind.TIMEX3Type(), Value: m.TIMEX,
		Mod: m.Mod, Quant: m.Quant, Freq: m.Freq, Date: date, Until: until,
		Signal: m.Signal, Rule: m.Rule, Furniture: m.Furniture,
		SentenceStart: m.Sentence.Start, SentenceEnd: m.Sentence.End,
	}
	if !m.When.IsZero() {
		mj.Granularity = m.When.Gran.String()
	}
	if m.Tense != parse.TenseUnknown {
		mj.Tense = m.Tense.String()
	}
	return mj
}

// tagCSVColumns is the header of `tag --format csv`.
var tagCSVColumns = []string{"source", "outlet", "published", "expression", "start", "end", "type", "value", "mod", "quant", "freq",
	"date", "until", "granularity", "tense", "signal", "rule", "furniture", "sentence"}

func writeTagCSV(cw *csv.Writer, a *parse.Article, ms []parse.Mention) error {
	pub := render.Published(timeline.NewDoc(a, nil).Source)
	for _, m := range ms {
		mj := newMentionJSON(m)
		sentence := ""
		if m.Sentence.Start >= 0 && m.Sentence.End <= len(a.Body) && m.Sentence.Start <= m.Sentence.End {
			sentence = render.OneLine(a.Body[m.Sentence.Start:m.Sentence.End])
		}
		row := []string{a.Source, a.Outlet, pub, m.Text, strconv.Itoa(m.Span.Start), strconv.Itoa(m.Span.End), mj.Type, mj.Value,
			mj.Mod, mj.Quant, mj.Freq, mj.Date, mj.Until, mj.Granularity, mj.Tense, mj.Signal, mj.Rule, fmt.Sprint(m.Furniture), sentence}
		if err := cw.Write(row); err != nil {
			return err
		}
	}
	return nil
}

// streamGCPercent is the garbage collector's target (GOGC) while a
// command streams: it keeps only the articles in flight and the
// duplicate check's keys, about 12 MB of live heap on 10,000 articles,
// so the heap may grow to three times that before a collection instead
// of twice. That halves the collections and saves about 5% of the CPU
// time of `tag --format jsonl`, for a peak RSS of 58 MB instead of 48 MB
// on 10,000 articles (87 MB instead of 64 MB on 100,000).
const streamGCPercent = 200

// raiseGC sets the collector's target to percent, unless the GOGC
// environment variable sets it, and returns the function that puts the
// previous target back.
func raiseGC(percent int) (restore func()) {
	if os.Getenv("GOGC") != "" {
		return func() {}
	}
	old := debug.SetGCPercent(percent)
	return func() { debug.SetGCPercent(old) }
}

// mapFormatted tags the articles with [timeline.Map]: format, run in the
// workers, appends an article's output to a reused buffer, and write gets
// the outputs in input order on the caller's goroutine. A buffer is reused
// once write returns, so write must not keep it.
func mapFormatted(ctx context.Context, ex timeline.Tagger, arts iter.Seq[parse.Article], opts timeline.Options,
	format func(dst []byte, a *parse.Article, ms []parse.Mention) ([]byte, error), write func(out []byte) error) error {
	bufs := sync.Pool{New: func() any { return new([]byte) }}
	return timeline.Map(ctx, ex, arts, opts, func(a *parse.Article, ms []parse.Mention) (*[]byte, error) {
		buf := bufs.Get().(*[]byte)
		data, err := format((*buf)[:0], a, ms)
		*buf = data
		return buf, err
	}, func(buf *[]byte) error {
		err := write(*buf)
		if cap(*buf) <= 1<<20 { // do not keep one huge article's buffer
			bufs.Put(buf)
		}
		return err
	})
}
