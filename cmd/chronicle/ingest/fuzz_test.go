package ingest

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"chronicle/parse"
)

// FuzzHTML feeds arbitrary bytes to the HTML reader (page parsing, text
// extraction, metadata and date search). It must not panic, and a page it
// accepts must have valid UTF-8 text and a zone; its problems must be
// *parse.Error values naming the page.
func FuzzHTML(f *testing.F) {
	for _, name := range []string{"wire-jsonld.html", "blog-wordpress.htm", "url-date-time.html"} {
		data, err := os.ReadFile(filepath.Join("..", "..", "..", "testdata", "html", name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	for _, s := range []string{
		"",
		"<html>",
		"<p>" + strings.Repeat("word ", 20) + "</p>",
		`<script type="application/ld+json">{"@graph":[{"datePublished":"2025-12-03T09:12:00+03:00","publisher":[{"name":"X"}]}]}</script><article><p>` + strings.Repeat("Talks ended on Tuesday. ", 10) + "</p></article>",
		`<meta property="article:published_time" content="2025-12-03T25:99:00+99:00"><time datetime="2025-02-30">x</time><p>` + strings.Repeat("a ", 30) + "</p>",
		`<link rel="canonical" href="https://example.com/2025/12/04/x.html"><title>A - Example</title><div>` + strings.Repeat("<div>", 300) + "deep text here and more words to pass the minimum" + "</div>",
		"<html><meta charset=\"iso-8859-1\"><p>Caf\xe9 \xff\xfe on Monday and more words to make a paragraph of text</p>",
	} {
		f.Add([]byte(s))
	}
	opts := Options{Defaults: parse.ReadOptions{Loc: time.UTC}}
	f.Fuzz(func(t *testing.T, data []byte) {
		it := HTML("p.html", data, opts)
		for _, e := range append([]error{it.Err}, it.Warnings...) {
			if e == nil {
				continue
			}
			var pe *parse.Error
			if !errors.As(e, &pe) || !strings.HasPrefix(pe.File, "p.html") {
				t.Fatalf("problem %v (%T) does not name the page", e, e)
			}
		}
		if it.Err != nil {
			return
		}
		a := it.Article
		if !utf8.ValidString(a.Body) || !utf8.ValidString(a.Title) || !utf8.ValidString(a.Outlet) {
			t.Fatalf("invalid UTF-8 in the article")
		}
		if strings.TrimSpace(a.Body) == "" {
			t.Fatalf("accepted a page with no text")
		}
		if a.Loc == nil {
			t.Fatalf("no zone")
		}
		if !a.Undated && a.Published.IsZero() {
			t.Fatalf("dated article without a date")
		}
	})
}

// FuzzJSONL feeds arbitrary feeds to the JSON Lines and JSON array
// readers: no panic, every article is named after the file, every error
// points into the input, and the parallel JSON Lines reader yields the
// same items as the serial one.
func FuzzJSONL(f *testing.F) {
	data, err := os.ReadFile(filepath.Join("..", "..", "..", "testdata", "jsonl", "feed.jsonl"))
	if err != nil {
		f.Fatal(err)
	}
	f.Add(data)
	f.Add([]byte("{\"text\":\"x\"}\r\n\n{\"html\":\"<p>a b c d e f g h i</p>\",\"published\":\"2025-12-03T10:00:00\",\"timezone\":\"Asia/Tokyo\"}"))
	f.Add([]byte("{\"text\":1}\n[\"x\"]\n{\"text\":\"\xff\"} {}\n"))
	f.Add([]byte("[\n {\"text\": \"x\",\n  \"timezone\": \"CEST\"}, {\"text\": }]"))
	f.Fuzz(func(t *testing.T, data []byte) {
		check := func(name string, it Item) {
			if !strings.HasPrefix(it.Article.Source, name) {
				t.Fatalf("article named %q", it.Article.Source)
			}
			if it.Err == nil && (it.Article.Loc == nil || !utf8.ValidString(it.Article.Body)) {
				t.Fatalf("article %s without zone or with invalid text", it.Article.Source)
			}
			var pe *parse.Error
			if it.Err != nil && (!errors.As(it.Err, &pe) || pe.Pos.Offset > len(data)) {
				t.Fatalf("error %v does not point into the input", it.Err)
			}
		}
		var serial []string
		for it := range JSONL("f.jsonl", strings.NewReader(string(data)), Options{}) {
			check("f.jsonl", it)
			serial = append(serial, summary(it))
		}
		var parallel []string
		for s := range JSONLMap("f.jsonl", strings.NewReader(string(data)), Options{}, 3, summary) {
			parallel = append(parallel, s)
		}
		if !slices.Equal(parallel, serial) {
			t.Fatalf("JSONLMap and JSONL differ: %s", firstDiff(parallel, serial))
		}
		for it := range JSON("f.json", data, Options{}) {
			check("f.json", it)
		}
	})
}

// FuzzRecord checks the fast record decoder against encoding/json: a line
// it accepts must decode to the same record, without error and with
// nothing after the object, and be valid UTF-8.
func FuzzRecord(f *testing.F) {
	for _, s := range []string{
		`{"outlet":"A","url":"https://a.example/x","published":"2025-12-03","timezone":"Europe/Berlin","title":"T","text":"On Tuesday.\n\n\"Quoted\" \u00e9t\u00E9 \/ \\ \b\f\r\t"}`,
		` { "text" : "x" , "id" : "7" } `,
		`{"text":"x","Text":"y"}`,
		`{"text":"x","TEXT":1}`,
		`{"text":"x","text":"y"}`,
		`{"text":"\ud83d\ude00 \ud800 x"}`,
		`{"text":"\u0000\u001f"}`,
		"{\"text\":\"caf\xc3\xa9 \xff\"}",
		"{\"text\":\"a\tb\"}",
		`{"text":"x"} {}`,
		`{"text":"x",}`,
		`{}`,
		`{"text":null}`,
		`{"text":"\'"}`,
		`{"html":"<p>a</p>","published":"2025-12-03T10:00:00Z"}`,
		"{\"k\u212a\":\"x\",\"\u017ftext\":\"y\"}",
		`{"title":"see \"url\"","url" : "u","outlet":"title","text":"a\n\"outlet"}`,
		`{"x":"\\\"published","published":"p","timezone":"timezone","text":"x"}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, line []byte) {
		var fast record
		var cols metaCols
		if !fastRecordIn(line, &fast, &textArena{}, &cols) {
			if fastRecord(line, &fast) {
				t.Fatalf("fastRecord accepted %q, with an arena not", line)
			}
			return
		}
		for i, key := range metaKeys {
			if got, want := max(cols[i], 1), valueCol(line, key); got != want {
				t.Fatalf("fastRecordIn(%q) column of %s = %d, valueCol gives %d", line, key, got, want)
			}
		}
		var want record
		if _, failed := decodeRecord(line, &want, func(col int, msg, hint string) Item {
			t.Fatalf("fastRecord accepted %q, encoding/json: col %d: %s", line, col, msg)
			return Item{}
		}); failed {
			t.Fatalf("fastRecord accepted %q, encoding/json did not", line)
		}
		if fast != want {
			t.Fatalf("fastRecord(%q) = %+v, encoding/json gives %+v", line, fast, want)
		}
		if !utf8.Valid(line) {
			t.Fatalf("fastRecord accepted invalid UTF-8 %q", line)
		}
	})
}

// FuzzPlainText checks the eight-bytes-at-a-time test against a loop and
// utf8.Valid.
func FuzzPlainText(f *testing.F) {
	for _, s := range []string{"", "plain text", "tab\there", "0123456789abcdef\x1f", "\x7f\x80\xff\x20\x20\x20\x20\x20\x00", "        \x19       ",
		"caf\xc3\xa9 au lait, \xe2\x80\x9cquoted\xe2\x80\x9d and more text", "0123456789abcdef0123456789abcde\xc3", "\xef\xbf\xbd replacement", "\xed\xa0\x80 surrogate", "0123456789abcdef\x7f\x20"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		want := utf8.Valid(b)
		for _, c := range b {
			want = want && c >= ' '
		}
		if got := plainText(b); got != want {
			t.Fatalf("plainText(%q) = %v, want %v", b, got, want)
		}
	})
}
