package render

import (
	"io"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"chronicle/parse"
)

// TimeMLOptions configures [TimeML].
type TimeMLOptions struct {
	// NoFurniture leaves out the mentions in page furniture (newsletter,
	// app and donation boilerplate). By default they are tagged: they are
	// time expressions of the text, which is what TimeML annotates.
	NoFurniture bool
}

// TimeML writes one article in the TempEval-3 TimeML format:
//
//	<?xml version="1.0" ?>
//	<TimeML>
//	<DCT><TIMEX3 tid="t0" type="DATE" value="2013-03-22" temporalFunction="false" functionInDocument="CREATION_TIME">2013-03-22</TIMEX3></DCT>
//	<TEXT>…</TEXT>
//	</TimeML>
//
// The DCT is the publication date (type DATE) or, when the article gives
// a time, the local time in its zone (type TIME, "2025-12-03T14:05:00");
// an undated article gets value "XXXX-XX-XX". TEXT holds the body
// unchanged, XML-escaped, with an inline <TIMEX3 tid type value [mod]
// [quant] [freq]> element around each mention. Removing the tags and
// unescaping gives the body back byte for byte: besides &amp; &lt; &gt;,
// carriage returns are written &#13; (XML readers would turn "\r\n" into
// "\n") and other control characters as numeric references.
//
// Mentions are taken in body order; one that overlaps or nests in an
// earlier (or, at the same start, a longer) mention is skipped, as are
// mentions with spans outside the body or not on character boundaries.
// tids are t1, t2, … in body order.
func TimeML(w io.Writer, a *parse.Article, ms []parse.Mention, opts TimeMLOptions) error {
	var b strings.Builder
	b.Grow(len(a.Body) + len(ms)*64 + 256)
	b.WriteString("<?xml version=\"1.0\" ?>\n<TimeML>\n<DCT><TIMEX3 tid=\"t0\" type=\"")
	typ, val := dctValue(a)
	b.WriteString(typ)
	b.WriteString("\" value=\"")
	b.WriteString(val)
	b.WriteString("\" temporalFunction=\"false\" functionInDocument=\"CREATION_TIME\">")
	b.WriteString(val)
	b.WriteString("</TIMEX3></DCT>\n<TEXT>")
	body := a.Body
	pos := 0
	for i, m := range TimeMLMentions(body, ms, opts) {
		escapeText(&b, body[pos:m.Span.Start])
		b.WriteString("<TIMEX3 tid=\"t")
		b.WriteString(strconv.Itoa(i + 1))
		b.WriteString("\" type=\"")
		b.WriteString(m.Kind.TIMEX3Type())
		b.WriteString("\" value=\"")
		escapeAttr(&b, m.TIMEX)
		b.WriteByte('"')
		for _, kv := range [...][2]string{{"mod", m.Mod}, {"quant", m.Quant}, {"freq", m.Freq}} {
			if kv[1] != "" {
				b.WriteByte(' ')
				b.WriteString(kv[0])
				b.WriteString("=\"")
				escapeAttr(&b, kv[1])
				b.WriteByte('"')
			}
		}
		b.WriteByte('>')
		escapeText(&b, body[m.Span.Start:m.Span.End])
		b.WriteString("</TIMEX3>")
		pos = m.Span.End
	}
	escapeText(&b, body[pos:])
	b.WriteString("</TEXT>\n</TimeML>\n")
	_, err := io.WriteString(w, b.String())
	return err
}

// TimeMLMentions returns the mentions [TimeML] writes, in body order:
// valid spans only, no overlaps, furniture left out if opts says so.
func TimeMLMentions(body string, ms []parse.Mention, opts TimeMLOptions) []parse.Mention {
	keep := make([]parse.Mention, 0, len(ms))
	for _, m := range ms {
		s, e := m.Span.Start, m.Span.End
		if s < 0 || e > len(body) || e <= s || (opts.NoFurniture && m.Furniture) {
			continue
		}
		if !utf8.RuneStart(body[s]) || (e < len(body) && !utf8.RuneStart(body[e])) {
			continue
		}
		keep = append(keep, m)
	}
	slices.SortStableFunc(keep, func(x, y parse.Mention) int {
		if x.Span.Start != y.Span.Start {
			return x.Span.Start - y.Span.Start
		}
		return y.Span.End - x.Span.End // the longer first
	})
	out := keep[:0]
	end := 0
	for _, m := range keep {
		if m.Span.Start < end {
			continue // overlaps or nests in the previous one
		}
		out = append(out, m)
		end = m.Span.End
	}
	return out
}

// dctValue returns the TIMEX3 type and value of the article's creation
// time.
func dctValue(a *parse.Article) (typ, val string) {
	if a.Undated || a.Published.IsZero() {
		return "DATE", "XXXX-XX-XX"
	}
	p := a.Published
	if a.Loc != nil {
		p = p.In(a.Loc)
	}
	if a.DateOnly {
		return "DATE", p.Format("2006-01-02")
	}
	return "TIME", p.Format("2006-01-02T15:04:05")
}

// escapeText writes s with &, <, > and control characters escaped.
func escapeText(b *strings.Builder, s string) {
	last := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		var rep string
		switch {
		case c == '&':
			rep = "&amp;"
		case c == '<':
			rep = "&lt;"
		case c == '>':
			rep = "&gt;"
		case c == '\r':
			rep = "&#13;"
		case c < 0x20 && c != '\n' && c != '\t', c == 0x7f:
			rep = "&#" + strconv.Itoa(int(c)) + ";"
		default:
			continue
		}
		b.WriteString(s[last:i])
		b.WriteString(rep)
		last = i + 1
	}
	b.WriteString(s[last:])
}

// escapeAttr writes an attribute value for a double-quoted attribute.
func escapeAttr(b *strings.Builder, s string) {
	last := 0
	for i := 0; i < len(s); i++ {
		var rep string
		switch s[i] {
		case '&':
			rep = "&amp;"
		case '<':
			rep = "&lt;"
		case '>':
			rep = "&gt;"
		case '"':
			rep = "&quot;"
		default:
			if s[i] < 0x20 {
				rep = "&#" + strconv.Itoa(int(s[i])) + ";"
				break
			}
			continue
		}
		b.WriteString(s[last:i])
		b.WriteString(rep)
		last = i + 1
	}
	b.WriteString(s[last:])
}
