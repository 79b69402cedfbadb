package render

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"io"
	"strings"
	"time"
	"unicode/utf8"

	"chronicle/parse"
	"chronicle/timeline"
)

// ICS writes the timeline as an iCalendar file (RFC 5545): one VEVENT per
// event, and one per dated mention that is in no event (page furniture,
// durations and vague values left out).
//
// Values of a day or coarser are all-day events (DTSTART;VALUE=DATE, DTEND
// the exclusive end: a month runs from its first day to the first day of
// the next); clock times are UTC date-times. An event is TENTATIVE when it
// is in a conflict, approximate ("about"), or coarser than a day;
// otherwise CONFIRMED. UIDs are derived from the data (event id, date and
// mentions' articles and offsets), and DTSTAMP is the latest publication
// time of the input, so the same input gives the same bytes. Lines end in
// CRLF and are folded at 75 octets; text values escape \ ; , and newlines.
func ICS(w io.Writer, tl *timeline.Timeline) error {
	bw := bufio.NewWriter(w)
	cw := &contentWriter{w: bw}
	stamp := dtstamp(tl)
	cw.line("BEGIN:VCALENDAR")
	cw.line("VERSION:2.0")
	cw.line("PRODID:-//chronicle//news timeline//EN")
	cw.line("CALSCALE:GREGORIAN")
	cw.line("METHOD:PUBLISH")
	cw.line("X-WR-CALNAME:" + icsText("chronicle timeline"))
	for _, e := range tl.Events {
		if e.When.IsZero() {
			continue
		}
		var quotes []string
		var ids []string
		for _, mi := range e.Mentions {
			if mi < 0 || mi >= len(tl.Mentions) {
				continue
			}
			m := tl.Mentions[mi]
			src := tl.Sources[m.Doc]
			quotes = append(quotes, OneLine(src.Outlet)+" (published "+Published(src)+"): "+OneLine(Marked(m)))
			ids = append(ids, src.Source, itoa(m.Span.Start))
		}
		summary := OneLine(e.Label)
		if summary == "" {
			summary = "Event " + e.ID
		}
		desc := strings.Join(quotes, "\n")
		if len(e.Conflict) > 0 {
			desc = "Dating conflict (" + strings.Join(e.Conflict, ", ") + ").\n" + desc
		}
		cw.event(icsEvent{
			uid: uid("event", e.ID, e.When.Start.Format(time.RFC3339), strings.Join(ids, "\x00")), stamp: stamp,
			when: e.When, summary: summary, desc: desc, categories: e.Outlets,
			tentative: len(e.Conflict) > 0 || uncertain(e.When),
		})
	}
	for i, m := range tl.Mentions {
		if m.Event != "" || !placed(&tl.Mentions[i]) {
			continue
		}
		src := tl.Sources[m.Doc]
		cw.event(icsEvent{
			uid: uid("mention", src.Source, itoa(m.Span.Start), itoa(m.Span.End)), stamp: stamp,
			when: m.When, summary: OneLine(src.Outlet) + ": " + OneLine(m.Text),
			desc:       OneLine(src.Outlet) + " (published " + Published(src) + "): " + OneLine(Marked(m)) + "\nValue " + m.TIMEX + " (" + m.When.Gran.String() + ")",
			categories: []string{src.Outlet}, tentative: len(m.Conflicts) > 0 || uncertain(m.When),
		})
	}
	cw.line("END:VCALENDAR")
	if cw.err != nil {
		return cw.err
	}
	return bw.Flush()
}

type icsEvent struct {
	uid, stamp    string
	when          parse.Interval
	summary, desc string
	categories    []string
	tentative     bool
}

func uncertain(iv parse.Interval) bool {
	return iv.Approx || iv.Gran == parse.GranUnknown || iv.Gran > parse.GranDay
}

func uid(parts ...string) string {
	h := sha256.Sum256([]byte(strings.Join(parts, "\x1f")))
	return hex.EncodeToString(h[:16]) + "@chronicle"
}

// dtstamp is the latest publication time in the input, in UTC: the data's
// own "as of" time (RFC 5545 requires a DTSTAMP; the clock would make
// reruns differ).
func dtstamp(tl *timeline.Timeline) string {
	var last time.Time
	for _, s := range tl.Sources {
		if !s.Undated && s.Published.After(last) {
			last = s.Published
		}
	}
	if last.IsZero() {
		last = time.Unix(0, 0)
	}
	return last.UTC().Format("20060102T150405Z")
}

// contentWriter writes RFC 5545 content lines: CRLF, folded at 75 octets
// without splitting a UTF-8 sequence.
type contentWriter struct {
	w   *bufio.Writer
	err error
}

func (c *contentWriter) line(s string) {
	if c.err != nil {
		return
	}
	limit := 75
	for len(s) > limit {
		cut := limit
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut--
		}
		c.write(s[:cut])
		c.write("\r\n ")
		s = s[cut:]
		limit = 74 // the leading space of a continuation line counts
	}
	c.write(s)
	c.write("\r\n")
}

func (c *contentWriter) write(s string) {
	if c.err == nil {
		_, c.err = c.w.WriteString(s)
	}
}

func (c *contentWriter) event(e icsEvent) {
	c.line("BEGIN:VEVENT")
	c.line("UID:" + e.uid)
	c.line("DTSTAMP:" + e.stamp)
	if e.when.Gran == parse.GranUnknown || e.when.Gran >= parse.GranDay {
		c.line("DTSTART;VALUE=DATE:" + e.when.Start.Format("20060102"))
		end := e.when.End
		if !end.After(e.when.Start) || end.Format("20060102") == e.when.Start.Format("20060102") {
			end = e.when.Start.AddDate(0, 0, 1)
		}
		c.line("DTEND;VALUE=DATE:" + end.Format("20060102"))
	} else {
		c.line("DTSTART:" + e.when.Start.UTC().Format("20060102T150405Z"))
		c.line("DTEND:" + e.when.End.UTC().Format("20060102T150405Z"))
	}
	c.line("SUMMARY:" + icsText(e.summary))
	if e.desc != "" {
		c.line("DESCRIPTION:" + icsText(e.desc))
	}
	if len(e.categories) > 0 {
		cats := make([]string, len(e.categories))
		for i, s := range e.categories {
			cats[i] = icsText(OneLine(s))
		}
		c.line("CATEGORIES:" + strings.Join(cats, ","))
	}
	if e.tentative {
		c.line("STATUS:TENTATIVE")
	} else {
		c.line("STATUS:CONFIRMED")
	}
	c.line("TRANSP:TRANSPARENT")
	c.line("END:VEVENT")
}

// icsText escapes an RFC 5545 TEXT value: backslash, semicolon, comma and
// newlines; other control characters are dropped.
func icsText(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		switch ch := s[i]; ch {
		case '\\', ';', ',':
			b.WriteByte('\\')
			b.WriteByte(ch)
		case '\n':
			b.WriteString(`\n`)
		case '\r':
			if i+1 < len(s) && s[i+1] == '\n' {
				continue
			}
			b.WriteString(`\n`)
		default:
			if ch < 0x20 && ch != '\t' || ch == 0x7f {
				continue
			}
			b.WriteByte(ch)
		}
	}
	return b.String()
}
