package ingest

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"chronicle/parse"
)

func TestJSONLFeed(t *testing.T) {
	f, err := os.Open(filepath.Join("..", "..", "..", "testdata", "jsonl", "feed.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	type want struct{ source, outlet, title, url, pub, zone, body string }
	wants := []want{
		{"feed.jsonl:1", "Northline Wire", "Kremlin talks end without deal", "https://www.northlinewire.example/world/a1", "2025-12-03T09:12:00+03:00", "Europe/Moscow",
			"Five hours of talks between Vladimir Putin and two U.S. envoys ended without a breakthrough, a Kremlin aide said on Wednesday.\n\nThe envoys are expected to meet Rustem Umerov in Florida on Thursday."},
		{"feed.jsonl:2", "Harbour Letter", "What the meeting did not settle", "https://harbourletter.example/2025/b2/", "2025-12-04", "Australia/Sydney",
			"Overnight our time, the two American envoys sat down with Vladimir Putin for about five hours. The Kremlin said on Wednesday that no compromise had been found.\n\nThe envoys are due in Florida later this week.\n"},
		{"feed.jsonl:3", "Plains Courier", "Café owners and the war", "", "2025-12-04", "America/Chicago",
			"Café owners in Kyiv said on Tuesday that power cuts had eased this week."},
	}
	var got []want
	for it := range JSONL("feed.jsonl", f, Options{}) {
		if it.Err != nil || len(it.Warnings) > 0 {
			t.Errorf("%s: error %v, warnings %v", it.Article.Source, it.Err, it.Warnings)
		}
		a := it.Article
		got = append(got, want{a.Source, a.Outlet, a.Title, a.URL, published(a), a.Loc.String(), a.Body})
	}
	if len(got) != len(wants) {
		t.Fatalf("%d articles, want %d: %+v", len(got), len(wants), got)
	}
	for i := range wants {
		t.Run(wants[i].source, func(t *testing.T) {
			if got[i] != wants[i] {
				t.Errorf("got  %+v\nwant %+v", got[i], wants[i])
			}
		})
	}
}

// TestJSONLProblems checks that a bad line is reported at its line and
// column and the lines around it are still read.
func TestJSONLProblems(t *testing.T) {
	good := `{"outlet":"A","published":"2025-12-03","timezone":"UTC","text":"Talks ended on Tuesday."}`
	tests := []struct {
		name, line string
		opts       Options
		err        string
		warnings   []string
		pub        string
	}{
		{name: "syntax", line: `{"outlet":"A","text":"x",}`, err: `f.jsonl:2:26: invalid JSON: invalid character '}' looking for beginning of object key string; write one JSON object per line`},
		{name: "not-closed", line: `{"outlet":"A","text":"x"`, err: `f.jsonl:2:25: invalid JSON: the object is not closed; write one complete JSON object per line`},
		{name: "type", line: `{"outlet":"A","published":20251203,"text":"x"}`, err: `f.jsonl:2:27: published must be a string, not a JSON number; quote the value, e.g. "published": "2025-12-03"`},
		{name: "two-values", line: `{"text":"x"} {"text":"y"}`, err: `f.jsonl:2:14: more than one JSON value on the line; write one JSON object per line`},
		{name: "no-text", line: `{"outlet":"A","published":"2025-12-03"}`, err: `f.jsonl:2:1: the record has no text; give the article in "text" (plain text) or "html" (a saved page)`},
		{name: "array", line: `["text"]`, err: `f.jsonl:2:1: the line is a JSON array, not an object; write one object per line: {"outlet": …, "published": …, "text": …}`},
		{name: "bad-zone", line: `{"published":"2025-12-03","timezone":"CEST","text":"x"}`, err: `f.jsonl:2:38: unknown time zone "CEST"; use an IANA name such as Europe/Berlin or America/New_York`},
		{name: "bad-date", line: `{"published": "3 Dec 2025","text":"x"}`, err: `f.jsonl:2:15: invalid publication date "3 Dec 2025"; write a date (2025-12-03) or an RFC 3339 time (2025-12-03T14:05:00-05:00)`},
		{name: "undated", line: `{"outlet":"A","text":"Talks ended on Tuesday."}`, pub: "undated",
			warnings: []string{`f.jsonl:2:1: no publication date: relative dates are left unresolved; add "published": "2025-12-03" to the record or pass --published`}},
		{name: "undated-default", line: `{"outlet":"A","text":"Talks ended on Tuesday."}`, pub: "2025-12-03",
			opts: Options{Defaults: parse.ReadOptions{Published: time.Date(2025, 12, 3, 0, 0, 0, 0, time.UTC)}}},
		{name: "bad-utf8", line: "{\"published\":\"2025-12-03\",\"text\":\"caf\xe9 on Tuesday\"}", pub: "2025-12-03",
			warnings: []string{`f.jsonl:2:38: invalid UTF-8 (byte 0xe9 at offset 127) replaced with U+FFFD; save the file as UTF-8`}},
		{name: "manifest-overrides", line: `{"published":"bad","timezone":"CEST","outlet":"A","text":"x"}`, pub: "2025-12-04",
			opts: Options{Override: &Meta{Published: "2025-12-04", Timezone: "Asia/Tokyo"}}},
		{name: "crlf", line: "{\"published\":\"2025-12-03\",\"text\":\"x\"}\r", pub: "2025-12-03"},
		{name: "long-line", line: `{"published":"2025-12-03","text":"` + strings.Repeat("Talks went on. ", 20000) + `"}`, pub: "2025-12-03"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			feed := good + "\n" + tt.line + "\n\n" + good + "\n"
			var items []Item
			for it := range JSONL("f.jsonl", strings.NewReader(feed), tt.opts) {
				items = append(items, it)
			}
			if len(items) != 3 {
				t.Fatalf("%d items, want 3", len(items))
			}
			for _, i := range []int{0, 2} {
				if items[i].Err != nil || items[i].Article.Source != fmt.Sprintf("f.jsonl:%d", 1+3*i/2) {
					t.Errorf("good line %d: %s, %v", i, items[i].Article.Source, items[i].Err)
				}
			}
			it := items[1]
			if got := fmt.Sprint(it.Err); tt.err != "" || it.Err != nil {
				if got != tt.err {
					t.Fatalf("error:\n%s\nwant:\n%s", got, tt.err)
				}
				return
			}
			if got := strings.Join(errStrings(it.Warnings), "\n"); got != strings.Join(tt.warnings, "\n") {
				t.Errorf("warnings:\n%s\nwant:\n%s", got, strings.Join(tt.warnings, "\n"))
			}
			if published(it.Article) != tt.pub {
				t.Errorf("published %s, want %s", published(it.Article), tt.pub)
			}
			if it.Article.Source != "f.jsonl:2" {
				t.Errorf("source %q", it.Article.Source)
			}
		})
	}
}

// countingReader counts the bytes read from it (atomically: the parallel
// reader reads on its own goroutine).
type countingReader struct {
	r io.Reader
	n atomic.Int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n.Add(int64(n))
	return n, err
}

// load returns the bytes read so far.
func (c *countingReader) load() int64 { return c.n.Load() }

// TestJSONLStreams checks that a feed is read line by line: when the
// first article is handed out, only a small part of a 50 MB feed has been
// read, and stopping early reads no further.
func TestJSONLStreams(t *testing.T) {
	line := `{"outlet":"A","published":"2025-12-03","timezone":"UTC","text":"` + strings.Repeat("The talks ended on Tuesday without a deal. ", 24) + `"}` + "\n"
	n := 50 << 20 / len(line)
	r := &countingReader{r: io.LimitReader(repeatReader(line), int64(n*len(line)))}
	count := 0
	for it := range JSONL("big.jsonl", r, Options{}) {
		if it.Err != nil {
			t.Fatal(it.Err)
		}
		count++
		if count == 1 && r.load() > 256<<10 {
			t.Fatalf("read %d bytes before the first article: the feed is not streamed", r.load())
		}
		if count == 1000 {
			break
		}
	}
	if max := int64(1000*len(line) + 128<<10); r.load() > max {
		t.Errorf("read %d bytes for 1000 articles of %d bytes", r.load(), len(line))
	}
}

// repeatReader yields s forever.
func repeatReader(s string) io.Reader {
	return &repeater{s: s}
}

type repeater struct {
	s   string
	off int
}

func (r *repeater) Read(p []byte) (int, error) {
	n := 0
	for n < len(p) {
		c := copy(p[n:], r.s[r.off:])
		n += c
		r.off = (r.off + c) % len(r.s)
	}
	return n, nil
}

func TestJSON(t *testing.T) {
	tests := []struct {
		name, data string
		want       []string // source | outlet | published, or the error
	}{
		{name: "array", data: "[\n  {\"outlet\": \"A\", \"published\": \"2025-12-03\",\n   \"text\": \"Talks ended on Tuesday.\"},\n  {\"outlet\": \"B\",\n   \"published\": \"2025-12-04\", \"text\": \"x\"}\n]\n",
			want: []string{"f.json:2 | A | 2025-12-03", "f.json:4 | B | 2025-12-04"}},
		{name: "object", data: `{"outlet":"A","published":"2025-12-03","text":"x"}`, want: []string{"f.json | A | 2025-12-03"}},
		{name: "bad-zone-pretty", data: "[{\"text\": \"x\",\n  \"timezone\": \"CEST\"}]",
			want: []string{`f.json:2:15: unknown time zone "CEST"; use an IANA name such as Europe/Berlin or America/New_York`}},
		{name: "not-json", data: "outlet: A\n", want: []string{`f.json:1:1: not a JSON array or object; give an array of objects such as {"outlet": …, "published": …, "text": …}, or one object per line (.jsonl)`}},
		{name: "broken-array", data: "[{\"text\":\"x\",\"published\":\"2025-12-03\"}, {\"text\": }]",
			want: []string{"f.json:1 |  | 2025-12-03", `f.json:1:50: invalid JSON: invalid character '}' looking for beginning of value; give an array of objects such as {"outlet": …, "published": …, "text": …}, or one object per line (.jsonl)`}},
		{name: "empty", data: " \n", want: []string{"f.json: the file is empty; give a JSON array of articles"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for it := range JSON("f.json", []byte(tt.data), Options{}) {
				if it.Err != nil {
					got = append(got, it.Err.Error())
					continue
				}
				got = append(got, fmt.Sprintf("%s | %s | %s", it.Article.Source, it.Article.Outlet, published(it.Article)))
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("got:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}

// TestFastRecord checks which lines the fast decoder takes (the others go
// to encoding/json) and what it makes of them.
func TestFastRecord(t *testing.T) {
	tests := []struct {
		name string
		line string
		ok   bool
		want record
	}{
		{"feed record", `{"outlet":"A","url":"u","published":"2025-12-03","timezone":"Europe/Berlin","title":"T","text":"x"}`, true,
			record{Outlet: "A", URL: "u", Published: "2025-12-03", Timezone: "Europe/Berlin", Title: "T", Text: "x"}},
		{"white space and an unknown key", " {\t\"id\" : \"7\", \"html\":\"<p>\" }\r\n", true, record{HTML: "<p>"}},
		{"empty object", `{}`, true, record{}},
		{"escapes", `{"text":"a\"b\\c\/d\n\u00e9\u2028"}`, true, record{Text: "a\"b\\c/d\né\u2028"}},
		{"escaped backslash before the quote", `{"text":"a\\","title":"t"}`, true, record{Text: `a\`, Title: "t"}},
		{"last key wins", `{"text":"a","text":"b"}`, true, record{Text: "b"}},
		{"key in another case", `{"Text":"a"}`, false, record{}},
		{"escaped key", `{"te\u0078t":"a"}`, false, record{}},
		{"number", `{"text":"a","published":20251203}`, false, record{}},
		{"null", `{"text":null}`, false, record{}},
		{"nested", `{"text":"a","meta":{"x":"y"}}`, false, record{}},
		{"surrogate pair", `{"text":"\ud83d\ude00"}`, false, record{}},
		{"invalid UTF-8", "{\"text\":\"caf\xe9\"}", false, record{}},
		{"raw control character", "{\"text\":\"a\tb\"}", false, record{}},
		{"invalid escape", `{"text":"\'"}`, false, record{}},
		{"second value", `{"text":"a"} {}`, false, record{}},
		{"trailing comma", `{"text":"a",}`, false, record{}},
		{"not closed", `{"text":"a"`, false, record{}},
		{"array", `["a"]`, false, record{}},
		{"byte order mark", "\xef\xbb\xbf{\"text\":\"a\"}", false, record{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var rec record
			ok := fastRecord([]byte(tt.line), &rec)
			if ok != tt.ok {
				t.Fatalf("fastRecord(%q) ok = %v, want %v", tt.line, ok, tt.ok)
			}
			if ok && rec != tt.want {
				t.Fatalf("fastRecord(%q) = %+v, want %+v", tt.line, rec, tt.want)
			}
		})
	}
}

// TestJSONLKeepsNoLine reads feeds whose lines are decoded in the
// reader's buffer (short lines) or put together (lines longer than the
// buffer) and checks every article once the whole feed is read: none
// shares memory with a line read later.
func TestJSONLKeepsNoLine(t *testing.T) {
	long := func(w string) string { return strings.Repeat(w+" went on. ", 10000) }
	tests := []struct {
		name  string
		texts []string
	}{
		{"short lines", []string{"First on Monday.", "Second on Tuesday.", "Third\non Wednesday."}},
		{"long and short lines", []string{"Short on Monday.", long("Talks"), "Short on Friday.", long("Fighting"), long("Voting"), "Last."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var feed strings.Builder
			for _, text := range tt.texts {
				fmt.Fprintf(&feed, "{\"published\":\"2025-12-03\",\"title\":%q,\"text\":%q}\n", text[:5], text)
			}
			var items []Item
			for it := range JSONL("f.jsonl", strings.NewReader(feed.String()), Options{}) {
				items = append(items, it)
			}
			if len(items) != len(tt.texts) {
				t.Fatalf("%d articles, want %d", len(items), len(tt.texts))
			}
			for i, it := range items {
				if it.Err != nil {
					t.Fatalf("line %d: %v", i+1, it.Err)
				}
				if it.Article.Body != tt.texts[i] || it.Article.Title != tt.texts[i][:5] {
					t.Errorf("line %d: title %q, body %.40q…, want %q, %.40q…", i+1, it.Article.Title, it.Article.Body, tt.texts[i][:5], tt.texts[i])
				}
			}
		})
	}
}
