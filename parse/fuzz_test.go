package parse_test

import (
	"errors"
	"io/fs"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"chronicle/parse"
	"chronicle/seeds"
)

// fuzzSeeds adds the embedded seed articles and a few hand-made edge cases
// to a fuzz corpus.
func fuzzSeeds(f *testing.F, extra ...string) {
	fsys := seeds.FS()
	names, _ := fs.Glob(fsys, "*.txt")
	for _, n := range names {
		data, err := fs.ReadFile(fsys, n)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	for _, s := range extra {
		f.Add([]byte(s))
	}
}

// FuzzReadArticle feeds arbitrary bytes to the front-matter reader. It
// must never panic; an error must be a *parse.Error pointing inside the
// input; a decoded article's body must be the input's tail from
// BodyOffset on (made valid UTF-8) and it must have a zone.
func FuzzReadArticle(f *testing.F) {
	fuzzSeeds(f,
		"",
		"---\n",
		"---\n---\n",
		"\xef\xbb\xbf---\noutlet: X\npublished: 2025-12-03\ntimezone: Europe/Berlin\n---\nBody\n",
		"---\r\noutlet: X\r\npublished: 2025-12-03T10:00:00+01:00\r\n---\r\nBody on Friday.\r\n",
		"---\noutlet: \"unterminated\npublished: 2025-12-03\n---\nx",
		"---\n  indented: first\n---\n",
		"---\noutlet: a\noutlet: b\n---\n",
		"---\ntimezone: CEST\npublished: 2025-12-03\n---\nx",
		"---\npublished: 2025-13-45\n---\nx",
		"---\nnote: long\n  folded value\n...\nbody",
		"no front matter at all, just text on Monday.",
		"---\noutlet: 'it''s'\ntitle: \"caf\\u00e9\" # comment\n---\n\xff\xfe bad bytes",
		"\x00\x01\x02binary",
	)
	opts := parse.ReadOptions{}
	f.Fuzz(func(t *testing.T, data []byte) {
		a, err := parse.ReadArticle("in.txt", data, opts)
		if err != nil {
			var pe *parse.Error
			if !errors.As(err, &pe) {
				t.Fatalf("error %v (%T) is not a *parse.Error", err, err)
			}
			if pe.File != "in.txt" {
				t.Fatalf("error names %q, want in.txt", pe.File)
			}
			if pe.Pos.Offset < 0 || pe.Pos.Offset > len(data) || pe.Pos.Line < 0 || pe.Pos.Col < 0 {
				t.Fatalf("error position %+v outside the %d-byte input", pe.Pos, len(data))
			}
			if pe.Pos.Line > 0 && pe.Pos.Col < 1 {
				t.Fatalf("error position %+v has a line but no column", pe.Pos)
			}
			if !strings.HasPrefix(err.Error(), "in.txt") || !utf8.ValidString(err.Error()) {
				t.Fatalf("error text %q", err.Error())
			}
			if !errors.Is(err, parse.ErrNoPubDate) {
				return
			}
			if !a.Undated {
				t.Fatalf("ErrNoPubDate but article not Undated")
			}
		}
		if a.BodyOffset < 0 || a.BodyOffset > len(data) {
			t.Fatalf("BodyOffset %d outside the %d-byte input", a.BodyOffset, len(data))
		}
		if want := strings.ToValidUTF8(string(data[a.BodyOffset:]), "\uFFFD"); a.Body != want {
			t.Fatalf("body is not the input from offset %d", a.BodyOffset)
		}
		if !utf8.ValidString(a.Body) {
			t.Fatalf("body is not valid UTF-8")
		}
		if a.Loc == nil {
			t.Fatalf("article has no zone")
		}
		if a.BodyLine < 1 {
			t.Fatalf("BodyLine %d", a.BodyLine)
		}
		for _, s := range []string{a.Outlet, a.Title, a.URL, a.Dateline, a.Note} {
			if !utf8.ValidString(s) {
				t.Fatalf("front matter value %q is not valid UTF-8", s)
			}
		}
		if !a.Undated && a.Published.IsZero() {
			t.Fatalf("dated article without a publication time")
		}
	})
}

// FuzzExtract runs the tagger on arbitrary bodies and checks the span
// invariants every consumer relies on: spans inside the body, on UTF-8
// boundaries, inside their sentence, Text equal to the spanned bytes, and
// mentions sorted by position.
func FuzzExtract(f *testing.F) {
	fsys := seeds.FS()
	names, _ := fs.Glob(fsys, "*.txt")
	for _, n := range names {
		data, err := fs.ReadFile(fsys, n)
		if err != nil {
			f.Fatal(err)
		}
		a, err := parse.ReadArticle(n, data, parse.ReadOptions{})
		if err != nil {
			f.Fatal(err)
		}
		f.Add(a.Body, uint8(0), false)
	}
	for _, s := range []string{
		"",
		"On Friday.",
		"He resigned on Friday and will meet on Thursday, Dec. 4, 2025 at 4.20pm ET.",
		"last month; next year; this week; earlier this week; later this month; in November",
		"three-and-a-half year war, nearly four years, five-hour, Five hours, 0117 GMT",
		"Mr. Smith said Wednesday\u00a0that\u2028it was 3 p.m. on 12/03/2025.\n\nIn February 2022",
		"\xff\xfe\xfd invalid \xc3 utf-8 Monday",
		"Monday Tuesday Wednesday Thursday Friday Saturday Sunday",
		strings.Repeat("on Friday ", 200),
	} {
		f.Add(s, uint8(1), false)
		f.Add(s, uint8(2), true)
	}
	zones := []string{"UTC", "America/New_York", "Australia/Sydney", "Europe/Moscow", "Pacific/Kiritimati"}
	locs := make([]*time.Location, len(zones))
	for i, z := range zones {
		l, err := time.LoadLocation(z)
		if err != nil {
			f.Fatal(err)
		}
		locs[i] = l
	}
	ex := parse.NewExtractor(parse.Options{})
	f.Fuzz(func(t *testing.T, body string, zone uint8, undated bool) {
		body = strings.ToValidUTF8(body, "\uFFFD") // readers guarantee valid UTF-8
		loc := locs[int(zone)%len(locs)]
		a := &parse.Article{
			Source: "fuzz.txt", Outlet: "Fuzz", Body: body, Loc: loc,
			Published: time.Date(2025, 12, 3, 0, 0, 0, 0, loc), DateOnly: true, Undated: undated,
		}
		ms := ex.Extract(a)
		for i, m := range ms {
			s, sent := m.Span, m.Sentence
			if s.Start < 0 || s.End > len(body) || s.Start > s.End {
				t.Fatalf("mention %d %v: span outside the %d-byte body", i, m, len(body))
			}
			if !boundary(body, s.Start) || !boundary(body, s.End) {
				t.Fatalf("mention %d %v: span not on UTF-8 boundaries", i, m)
			}
			if sent.Start < 0 || sent.End > len(body) || sent.Start > s.Start || s.End > sent.End {
				t.Fatalf("mention %d %v: span not inside its sentence %v", i, m, sent)
			}
			if m.Text != body[s.Start:s.End] {
				t.Fatalf("mention %d: Text %q but the span holds %q", i, m.Text, body[s.Start:s.End])
			}
		}
		if !slices.IsSortedFunc(ms, func(a, b parse.Mention) int {
			if a.Span.Start != b.Span.Start {
				return a.Span.Start - b.Span.Start
			}
			return a.Span.End - b.Span.End
		}) {
			t.Fatalf("mentions not sorted by position: %v", ms)
		}
	})
}

// boundary reports whether off is a rune boundary of s.
func boundary(s string, off int) bool {
	return off == len(s) || utf8.RuneStart(s[off])
}
