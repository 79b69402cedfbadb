package parse_test

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"chronicle/parse"
)

// TestReadArticle decodes articles with front matter and checks the
// metadata, the body and where the body starts.
func TestReadArticle(t *testing.T) {
	berlin := zone(t, "Europe/Berlin")
	tests := []struct {
		name string
		in   string
		opts parse.ReadOptions
		want string // outlet | title | url | published | zone | body line | body
	}{
		{name: "seed-style", in: "---\noutlet: Hürriyet Daily News (AFP)\ntitle: Trump says\npublished: 2025-12-03\ntimezone: America/New_York\ndateline: Washington\n---\nBody on Wednesday.\n",
			want: "Hürriyet Daily News (AFP) | Trump says |  | 2025-12-03 | America/New_York | 8 | Body on Wednesday.\n"},
		{name: "rfc3339-offset-no-zone", in: "---\npublished: 2025-12-03T14:05:00-05:00\n---\nx",
			want: " |  |  | 2025-12-03T14:05:00-05:00 | UTC-05:00 | 4 | x"},
		{name: "rfc3339-in-zone", in: "---\npublished: 2025-12-03T14:05:00Z\ntimezone: Europe/Berlin\n---\nx",
			want: " |  |  | 2025-12-03T15:05:00+01:00 | Europe/Berlin | 5 | x"},
		{name: "local-time-in-zone", in: "---\npublished: 2025-12-03 14:05\ntimezone: Europe/Berlin\n---\nx",
			want: " |  |  | 2025-12-03T14:05:00+01:00 | Europe/Berlin | 5 | x"},
		{name: "quoted-and-comments", in: "---\n# a comment\noutlet: \"Le \\\"Monde\\\"\"\ntitle: 'It''s over' # trailing\nurl: https://x.example/a#frag\npublished: '2025-12-03'\n---\nx",
			want: `Le "Monde" | It's over | https://x.example/a#frag | 2025-12-03 | UTC | 8 | x`},
		{name: "folded-value", in: "---\nnote: first\n  second\npublished: 2025-12-03\n---\nx",
			want: " |  |  | 2025-12-03 | UTC | 6 | x"},
		{name: "aliases", in: "---\nheadline: H\ndate: 2025-12-03\ntz: Asia/Tokyo\npublisher: P\n---\nx",
			want: "P | H |  | 2025-12-03 | Asia/Tokyo | 7 | x"},
		{name: "canonical-beats-alias", in: "---\ndate: 2020-01-01\npublished: 2025-12-03\n---\nx",
			want: " |  |  | 2025-12-03 | UTC | 5 | x"},
		{name: "crlf-and-bom", in: "\xef\xbb\xbf---\r\noutlet: X\r\npublished: 2025-12-03\r\n---\r\nBody\r\n",
			want: "X |  |  | 2025-12-03 | UTC | 5 | Body\r\n"},
		{name: "dots-close", in: "---\npublished: 2025-12-03\n...\nx",
			want: " |  |  | 2025-12-03 | UTC | 4 | x"},
		{name: "no-front-matter", in: "Just text on Monday.\n", opts: parse.ReadOptions{Published: time.Date(2025, 12, 3, 0, 0, 0, 0, berlin), Loc: berlin, Outlet: "Default"},
			want: "Default |  |  | 2025-12-03 | Europe/Berlin | 1 | Just text on Monday.\n"},
		{name: "defaults-do-not-override", in: "---\noutlet: X\npublished: 2025-12-04\ntimezone: Asia/Tokyo\n---\nx", opts: parse.ReadOptions{Published: time.Date(2025, 12, 3, 0, 0, 0, 0, berlin), Loc: berlin, Outlet: "Default"},
			want: "X |  |  | 2025-12-04 | Asia/Tokyo | 6 | x"},
		{name: "horizontal-rule-is-not-front-matter", in: "Title\n---\nBody", opts: parse.ReadOptions{Published: time.Date(2025, 12, 3, 0, 0, 0, 0, time.UTC)},
			want: " |  |  | 2025-12-03 | UTC | 1 | Title\n---\nBody"},
		{name: "invalid-utf8-replaced", in: "---\noutlet: Caf\xe9\npublished: 2025-12-03\n---\nna\xefve",
			want: "Caf\uFFFD |  |  | 2025-12-03 | UTC | 5 | na\uFFFDve"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := parse.ReadArticle("a.txt", []byte(tt.in), tt.opts)
			if err != nil {
				t.Fatal(err)
			}
			pub := a.Published.Format(time.RFC3339)
			if a.DateOnly {
				pub = a.Published.Format(time.DateOnly)
			}
			got := fmt.Sprintf("%s | %s | %s | %s | %s | %d | %s", a.Outlet, a.Title, a.URL, pub, a.Loc, a.BodyLine, a.Body)
			if got != tt.want {
				t.Errorf("got  %q\nwant %q", got, tt.want)
			}
			if a.Body != strings.ToValidUTF8(tt.in[a.BodyOffset:], "\uFFFD") {
				t.Errorf("body is not the input from offset %d", a.BodyOffset)
			}
		})
	}
}

// TestReadArticleErrors checks the whole message of each error, position
// and fix included, and its sentinel.
func TestReadArticleErrors(t *testing.T) {
	tests := []struct {
		name, in string
		want     string
		sentinel error
	}{
		{"empty", "", "a.txt: the file is empty; give an article with front matter and a body", parse.ErrEmpty},
		{"blank", " \n\t\n", "a.txt: the file is empty; give an article with front matter and a body", parse.ErrEmpty},
		{"binary", "\x00\x01PK\x03\x04", "a.txt: the file looks binary, not text; give UTF-8 text, HTML or JSON Lines", parse.ErrBinary},
		{"not-closed", "---\noutlet: X\n", "a.txt:1:1: front matter is not closed; end it with a line holding only ---", parse.ErrBadFrontMatter},
		{"not-closed-bom", "\xef\xbb\xbf---\noutlet: X\n", "a.txt:1:4: front matter is not closed; end it with a line holding only ---", parse.ErrBadFrontMatter},
		{"no-colon", "---\noutlet: X\npublished 2025-12-03\n---\n", "a.txt:3:1: expected `key: value`, found \"published 2025-12-03\"; write one `key: value` per line, or close the front matter with ---", parse.ErrBadFrontMatter},
		{"key-with-space", "---\nThe talks: went on\n---\n", "a.txt:2:1: expected `key: value`, found \"The talks: went on\"; keys are single words such as outlet, published, timezone", parse.ErrBadFrontMatter},
		{"indented-first", "---\n  outlet: X\n---\n", "a.txt:2:1: indented line before any key; front matter lines look like `key: value`", parse.ErrBadFrontMatter},
		{"unterminated-quote", "---\ntitle: \"Half\n---\n", "a.txt:2:8: value of title: unterminated double quote; close the quote, or leave the value unquoted", parse.ErrBadFrontMatter},
		{"text-after-quote", "---\ntitle: \"A\" B\n---\n", "a.txt:2:8: value of title: text after the closing quote: \"B\"; close the quote, or leave the value unquoted", parse.ErrBadFrontMatter},
		{"bad-escape", "---\ntitle: \"a\\qb\"\n---\n", "a.txt:2:8: value of title: bad escape in double-quoted string; close the quote, or leave the value unquoted", parse.ErrBadFrontMatter},
		{"duplicate", "---\noutlet: X\nOutlet: Y\n---\n", "a.txt:3:1: key \"outlet\" appears twice; keep one of them", parse.ErrBadFrontMatter},
		{"typo-published", "---\noutlet: X\npublised: 2025-12-03\n---\nx", "a.txt:3:1: unknown key \"publised\"; did you mean published?", parse.ErrBadFrontMatter},
		{"typo-timezone", "---\npublished: 2025-12-03\ntimezon: Europe/Berlin\n---\nx", "a.txt:3:1: unknown key \"timezon\"; did you mean timezone?", parse.ErrBadFrontMatter},
		{"zone-abbreviation", "---\npublished: 2025-12-03\ntimezone: CEST\n---\nx", "a.txt:3:11: unknown time zone \"CEST\"; use an IANA name such as Europe/Berlin or America/New_York", parse.ErrBadZone},
		{"zone-unknown", "---\npublished: 2025-12-03\ntimezone:   Europe/Atlantis\n---\nx", "a.txt:3:13: unknown time zone \"Europe/Atlantis\"; use an IANA name such as Europe/Berlin or America/New_York", parse.ErrBadZone},
		{"zone-local", "---\npublished: 2025-12-03\ntimezone: Local\n---\nx", "a.txt:3:11: unknown time zone \"Local\"; use an IANA name such as Europe/Berlin or America/New_York", parse.ErrBadZone},
		{"date-invalid", "---\npublished: 2025-02-30\n---\nx", "a.txt:2:12: invalid publication date \"2025-02-30\"; write a date (2025-12-03) or an RFC 3339 time (2025-12-03T14:05:00-05:00)", parse.ErrBadPubDate},
		{"date-words", "---\npublished: Dec 3, 2025\n---\nx", "a.txt:2:12: invalid publication date \"Dec 3, 2025\"; write a date (2025-12-03) or an RFC 3339 time (2025-12-03T14:05:00-05:00)", parse.ErrBadPubDate},
		{"no-date", "---\noutlet: X\n---\nx", "a.txt:1:1: no publication date: relative dates are left unresolved; add `published: 2025-12-03` to the front matter or pass --published", parse.ErrNoPubDate},
		{"empty-date", "---\npublished:\n---\nx", "a.txt:2:11: no publication date: relative dates are left unresolved; add `published: 2025-12-03` to the front matter or pass --published", parse.ErrNoPubDate},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := parse.ReadArticle("a.txt", []byte(tt.in), parse.ReadOptions{})
			if err == nil {
				t.Fatalf("no error, want %q", tt.want)
			}
			if err.Error() != tt.want {
				t.Errorf("error\n%s\nwant\n%s", err, tt.want)
			}
			if !errors.Is(err, tt.sentinel) {
				t.Errorf("error does not wrap %v", tt.sentinel)
			}
			if errors.Is(err, parse.ErrNoPubDate) && (!a.Undated || a.Body != "x" || a.Loc == nil) {
				t.Errorf("undated article not usable: %+v", a)
			}
		})
	}
}

func TestCheckUTF8(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"valid", "caf\u00e9\n", "<nil>"},
		{"latin1", "line one\ncaf\xe9 and na\xefve\n", "a.txt:2:4: invalid UTF-8 (byte 0xe9 at offset 12, 2 bad bytes in all) replaced with U+FFFD; save the file as UTF-8"},
		{"truncated", "ok \xe2\x82", "a.txt:1:4: invalid UTF-8 (byte 0xe2 at offset 3, 2 bad bytes in all) replaced with U+FFFD; save the file as UTF-8"},
		{"surrogate", "\xed\xa0\x80", "a.txt:1:1: invalid UTF-8 (byte 0xed at offset 0, 3 bad bytes in all) replaced with U+FFFD; save the file as UTF-8"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := parse.CheckUTF8("a.txt", []byte(tt.in))
			got := "<nil>"
			if err != nil {
				got = err.Error()
				if !errors.Is(err, parse.ErrBadUTF8) {
					t.Errorf("does not wrap ErrBadUTF8")
				}
			}
			if got != tt.want {
				t.Errorf("got  %s\nwant %s", got, tt.want)
			}
		})
	}
}

func TestPosAt(t *testing.T) {
	data := []byte("ab\ncd\n\nü x")
	tests := []struct {
		off  int
		want parse.Pos
	}{
		{0, parse.Pos{Line: 1, Col: 1, Offset: 0}},
		{2, parse.Pos{Line: 1, Col: 3, Offset: 2}},
		{3, parse.Pos{Line: 2, Col: 1, Offset: 3}},
		{6, parse.Pos{Line: 3, Col: 1, Offset: 6}},
		{10, parse.Pos{Line: 4, Col: 4, Offset: 10}}, // columns count bytes, like the Go tools
		{99, parse.Pos{Line: 4, Col: 5, Offset: 11}}, // clamped to the end
	}
	for _, tt := range tests {
		t.Run(fmt.Sprint(tt.off), func(t *testing.T) {
			if got := parse.PosAt(data, tt.off); got != tt.want {
				t.Errorf("PosAt(%d) = %+v, want %+v", tt.off, got, tt.want)
			}
		})
	}
}

// BenchmarkSplitFrontMatter reads a front matter of 100 000 keys: the time
// per key must not grow with the size (no rescans from the start).
func BenchmarkSplitFrontMatter(b *testing.B) {
	var sb strings.Builder
	sb.WriteString("---\n")
	for i := range 100000 {
		fmt.Fprintf(&sb, "key%d: value %d\n", i, i)
	}
	sb.WriteString("---\nbody\n")
	data := []byte(sb.String())
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, _, err := parse.SplitFrontMatter("a.txt", data); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/100000, "ns/key")
}

func zone(t *testing.T, name string) *time.Location {
	t.Helper()
	l, err := time.LoadLocation(name)
	if err != nil {
		t.Fatal(err)
	}
	return l
}

// TestParsePublishedDateOnlyLength checks the length gate of
// ParsePublished: the date-only layout parses no string that is not ten
// bytes long, so skipping it for other lengths changes no result.
func TestParsePublishedDateOnlyLength(t *testing.T) {
	inputs := []string{
		"2025-12-03", "2025-12-3", "2025-1-03", "25-12-03", "02025-12-03", "2025-12-031",
		"+2025-12-03", "-2025-12-03", "2025-12-03Z", "2025-12-03T10:00:00Z", "2025-12-03 10:00",
		"2025-12-03\x00", "2025-12-0\u0663", "\u0662025-12-03", "2025/12/03", "2025-13-03", "2025-02-30",
		"9999-12-31", "0000-01-01", "", "x",
	}
	for _, s := range inputs {
		t.Run(s, func(t *testing.T) {
			_, err := time.ParseInLocation("2006-01-02", s, time.UTC)
			if err == nil && len(s) != 10 {
				t.Fatalf("%q (%d bytes) parses as a date: the length gate would skip it", s, len(s))
			}
			got, dateOnly, gotErr := parse.ParsePublished(s, time.UTC)
			if (err == nil) != (dateOnly && gotErr == nil) {
				t.Fatalf("ParsePublished(%q) = %v, dateOnly %v, %v; date-only parse error %v", s, got, dateOnly, gotErr, err)
			}
		})
	}
}
