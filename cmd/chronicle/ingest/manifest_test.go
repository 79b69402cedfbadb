package ingest

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"chronicle/parse"
)

func TestReadManifest(t *testing.T) {
	dir := filepath.Join("..", "..", "..", "testdata", "manifest")
	type entry struct{ path, outlet, published, timezone, title, url string }
	want := []entry{
		{filepath.Join(dir, "saved", "brief.txt"), "Riverside Evening Post", "2025-12-04", "America/Chicago", "Ukraine's negotiators prepare for Florida round", "https://www.riversideeveningpost.example/2025/12/04/world/brief.html"},
		{filepath.Join(dir, "saved", "wire-copy.txt"), "Northline Wire", "2025-12-03T09:12:00+03:00", "Europe/Moscow", "", ""},
		{filepath.Join(dir, "..", "html", "url-date-time.html"), "", "2025-12-04T18:05:00", "America/Chicago", "", ""},
	}
	for _, file := range []string{"articles.manifest.csv", "articles.yaml"} {
		t.Run(file, func(t *testing.T) {
			name := filepath.Join(dir, file)
			data, err := os.ReadFile(name)
			if err != nil {
				t.Fatal(err)
			}
			if !IsManifest(name, data) {
				t.Errorf("IsManifest(%s) = false", file)
			}
			entries, problems, err := ReadManifest(name, data)
			if err != nil || len(problems) > 0 {
				t.Fatalf("err %v, problems %v", err, problems)
			}
			var got []entry
			for _, e := range entries {
				m := e.Meta
				got = append(got, entry{e.Path, m.Outlet, m.Published, m.Timezone, m.Title, m.URL})
			}
			if fmt.Sprint(got) != fmt.Sprint(want) {
				t.Errorf("entries:\n%q\nwant:\n%q", got, want)
			}
		})
	}
}

func TestManifestProblems(t *testing.T) {
	tests := []struct {
		name, file, data string
		err              string
		problems         []string
		entries          int
	}{
		{name: "empty", file: "m.csv", data: "\n", err: "m.csv: the manifest is empty; list one file per line under a header such as path,outlet,published,timezone"},
		{name: "no-path-column", file: "m.csv", data: "url,outlet\nhttps://x.example/a,X\n", err: "m.csv:1:1: the manifest header has no path column; start the file with a header such as path,outlet,published,timezone,title,url"},
		{name: "bad-quote", file: "m.csv", data: "path,outlet\na.txt,\"X\n", err: `m.csv:2:10: invalid CSV: extraneous or missing " in quoted-field; quote fields that contain commas or quotes`},
		{name: "url-only", file: "m.csv", data: "path,url,outlet\n,https://x.example/a,X\nb.txt,,Y\n", entries: 1,
			problems: []string{"m.csv:2:1: no saved copy given for https://x.example/a; save the page and give its file in the path column (chronicle does not fetch URLs)"}},
		{name: "blank-and-comment-rows", file: "m.csv", data: "file,tz\n# a comment\n,\na.txt,UTC\n", entries: 1},
		{name: "yaml-not-list", file: "m.yaml", data: "path: a.txt\n", err: "m.yaml:1:1: the manifest is not a list of entries; write a YAML list: `- path: article.html` with optional outlet:, published:, timezone:, title:, url:"},
		{name: "yaml-syntax", file: "m.yaml", data: "- path: a.txt\n  outlet: [x\n", err: "m.yaml:1:1: invalid YAML: did not find expected ',' or ']'; write a list of entries, each with path: and optional outlet:, published:, timezone:, title:, url:"},
		{name: "yaml-nested-value", file: "m.yaml", data: "- path: a.txt\n  outlet:\n    name: X\n", err: "m.yaml:3:5: outlet must be a single value; write `key: value` on one line"},
		{name: "yaml-entry-not-mapping", file: "m.yml", data: "- a.txt\n", err: "m.yml:1:3: an entry is not a mapping; write each entry as `- path: FILE` followed by indented `key: value` lines"},
		{name: "yaml-no-path", file: "m.yaml", data: "- outlet: X\n- path: b.txt\n", entries: 1,
			problems: []string{"m.yaml:1:3: the entry names no file; fill in the path column"}},
		{name: "bad-utf8", file: "m.csv", data: "path,outlet\na.txt,Caf\xe9\n", entries: 1,
			problems: []string{"m.csv:2:10: invalid UTF-8 (byte 0xe9 at offset 21) replaced with U+FFFD; save the file as UTF-8"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			entries, problems, err := ReadManifest(tt.file, []byte(tt.data))
			if got := fmt.Sprint(err); tt.err != "" || err != nil {
				if got != tt.err {
					t.Fatalf("error:\n%s\nwant:\n%s", got, tt.err)
				}
				return
			}
			if got := strings.Join(errStrings(problems), "\n"); got != strings.Join(tt.problems, "\n") {
				t.Errorf("problems:\n%s\nwant:\n%s", got, strings.Join(tt.problems, "\n"))
			}
			if len(entries) != tt.entries {
				t.Errorf("%d entries, want %d", len(entries), tt.entries)
			}
		})
	}
}

func TestSniff(t *testing.T) {
	tests := []struct {
		name, head string
		want       Format
	}{
		{"a.html", "", FormatHTML},
		{"a.HTM", "", FormatHTML},
		{"a.jsonl", "", FormatJSONL},
		{"a.json", "[{\"text\":\"x\"}]", FormatJSON},
		{"a.json", "{\"text\":\"x\"}\n{\"text\":\"y\"}\n", FormatJSONL},
		{"-", "\n[\n  {\"text\": \"x\"}]", FormatJSON},
		{"-", "[citation needed] text", FormatText},
		{"-", "{\n  \"text\": \"x\"\n}\n", FormatJSON},
		{"-", "path,outlet,published\na.txt,X,2025-12-03\n", FormatManifest},
		{"-", "Path: the way ahead, he said\n", FormatText},
		{"a.manifest.csv", "", FormatManifest},
		{"a.yaml", "", FormatManifest},
		{"a.txt", "<html>", FormatText},
		{"-", "\xef\xbb\xbf  {\"text\": \"x\"}\n", FormatJSONL},
		{"-", "\n<!DOCTYPE html><html>", FormatHTML},
		{"-", "<p>Short note</p>", FormatHTML},
		{"-", "---\noutlet: X\n---\n", FormatText},
		{"-", "<3 not a tag", FormatText},
		{"-", "", FormatText},
	}
	for _, tt := range tests {
		t.Run(tt.name+"/"+tt.want.String(), func(t *testing.T) {
			if got := Sniff(tt.name, []byte(tt.head)); got != tt.want {
				t.Errorf("Sniff(%q, %q) = %v, want %v", tt.name, tt.head, got, tt.want)
			}
		})
	}
}

// TestTextOverride checks that a manifest row replaces what a text
// article's front matter says, even when the front matter is wrong.
func TestTextOverride(t *testing.T) {
	at := map[string]Ref{
		"published": {File: "m.csv", Pos: parse.Pos{Line: 2, Col: 20}},
		"timezone":  {File: "m.csv", Pos: parse.Pos{Line: 2, Col: 31}},
	}
	tests := []struct {
		name, file string
		ov         Meta
		want       string // outlet | published | zone, or the error
	}{
		{name: "fixes-bad-zone", file: "---\noutlet: A\npublished: 2025-12-03\ntimezone: CEST\n---\nx", ov: Meta{Timezone: "Europe/Berlin"},
			want: "A | 2025-12-03 | Europe/Berlin"},
		{name: "zone-rereads-date", file: "---\npublished: 2025-12-03\ntimezone: UTC\n---\nx", ov: Meta{Timezone: "Asia/Tokyo", Outlet: "M"},
			want: "M | 2025-12-03 | Asia/Tokyo"},
		{name: "zone-converts-instant", file: "---\npublished: 2025-12-03T10:00:00Z\n---\nx", ov: Meta{Timezone: "Asia/Tokyo"},
			want: " | 2025-12-03T19:00:00+09:00 | Asia/Tokyo"},
		{name: "supplies-date", file: "no front matter", ov: Meta{Published: "2025-12-04", Timezone: "America/Chicago"},
			want: " | 2025-12-04 | America/Chicago"},
		{name: "fixes-bad-date", file: "---\npublished: yesterday\n---\nx", ov: Meta{Published: "2025-12-04"},
			want: " | 2025-12-04 | UTC"},
		{name: "bad-override-date", file: "---\npublished: 2025-12-03\n---\nx", ov: Meta{Published: "04/12/2025"},
			want: `m.csv:2:20: invalid publication date "04/12/2025"; write a date (2025-12-03) or an RFC 3339 time (2025-12-03T14:05:00-05:00)`},
		{name: "bad-override-zone", file: "---\npublished: 2025-12-03\n---\nx", ov: Meta{Timezone: "EST"},
			want: `m.csv:2:31: unknown time zone "EST"; use an IANA name such as Europe/Berlin or America/New_York`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ov := tt.ov
			ov.At = at
			it := Text("a.txt", []byte(tt.file), Options{Override: &ov})
			got := ""
			if it.Err != nil {
				got = it.Err.Error()
			} else {
				got = fmt.Sprintf("%s | %s | %s", it.Article.Outlet, published(it.Article), it.Article.Loc)
				if len(it.Warnings) > 0 {
					t.Errorf("warnings %v", it.Warnings)
				}
			}
			if got != tt.want {
				t.Errorf("got  %s\nwant %s", got, tt.want)
			}
		})
	}
}
