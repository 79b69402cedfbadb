package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// troubledFeed writes a JSON Lines feed of n records with every kind of
// problem the input reports, spread over many of the parallel reader's
// batches: bad JSON, a record without text, duplicates (same outlet and
// text), a publication date in the future, an unknown zone, an invalid
// date, invalid UTF-8, blank and CRLF lines, lines longer than the read
// buffer and, when undated is set, a record without a publication date.
func troubledFeed(t *testing.T, n int, undated bool) string {
	t.Helper()
	zones := []string{"Europe/Berlin", "America/New_York", "Asia/Tokyo", "UTC", "Australia/Sydney"}
	sentences := []string{"Talks ended on Tuesday without a deal.", "The vote is due on 14 December 2025.", "Fighting resumed last week, officials said.",
		"Two days ago the envoy arrived.", "The summit was held in March 2024 and again this month.", "By Friday evening, nothing had changed."}
	var b strings.Builder
	text := func(i int) string {
		var s strings.Builder
		for j := range i%7 + 1 {
			s.WriteString(sentences[(i+j)%len(sentences)])
			s.WriteString(" ")
		}
		return s.String()
	}
	for i := range n {
		rec := map[string]string{
			"outlet":    "Outlet " + strconv.Itoa(i%13),
			"published": fmt.Sprintf("2025-12-%02dT%02d:30:00Z", i%28+1, i%24),
			"timezone":  zones[i%len(zones)],
			"title":     "Story " + strconv.Itoa(i),
			"text":      text(i),
		}
		end := "\n"
		switch {
		case i%53 == 7:
			b.WriteString("{\"outlet\": \"Broken\", \"text\": \n")
			continue
		case i%59 == 11:
			b.WriteString("\n   \n")
			continue
		case i%61 == 13:
			rec["text"] = ""
		case i%31 == 5 && i > 42:
			rec["outlet"] = "Outlet " + strconv.Itoa((i-42)%13) // a copy of record i-42, unless that one has a problem
			rec["title"] = "Copy"
		case i%37 == 3:
			rec["published"] = "2099-01-02"
		case i%41 == 9:
			rec["timezone"] = "Mars/Olympus"
		case i%43 == 17:
			rec["published"] = "2025-13-45"
		case i%47 == 19:
			rec["text"] += "caf\xe9 on Monday"
		case i%127 == 23:
			rec["text"] = strings.Repeat(text(i), 400) // longer than the 64 KB read buffer
		case i%71 == 29 && undated:
			delete(rec, "published")
		case i%5 == 2:
			end = "\r\n"
		}
		b.WriteString("{")
		first := true
		for _, k := range []string{"outlet", "url", "published", "timezone", "title", "text"} {
			v, ok := rec[k]
			if !ok {
				continue
			}
			if !first {
				b.WriteString(", ")
			}
			first = false
			fmt.Fprintf(&b, "%q: %s", k, jsonString(v))
		}
		b.WriteString("}" + end)
	}
	name := filepath.Join(t.TempDir(), "feed.jsonl")
	if err := os.WriteFile(name, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	return name
}

// TestStreamWorkers checks that the streaming commands write the same
// output and the same errors and warnings, in the same order, with the
// same exit status, whatever the number of workers (which also decode
// the feed), on a feed with every kind of problem.
func TestStreamWorkers(t *testing.T) {
	feed := troubledFeed(t, 300, false)
	undated := troubledFeed(t, 300, true)
	tests := []struct {
		name string
		args []string
	}{
		{"tag jsonl", []string{"tag", "--format", "jsonl", feed}},
		{"tag csv", []string{"tag", "--format", "csv", feed}},
		{"tag json strict", []string{"tag", "--format", "json", "--strict", feed}},
		{"tag undated", []string{"tag", "--format", "jsonl", undated}},
		{"tag undated with dct", []string{"tag", "--format", "jsonl", "--dct", "2025-12-03", undated}},
		{"json stream", []string{"json", "--format", "jsonl", "--stream", feed}},
		{"csv", []string{"csv", feed}},
		{"csv strict two feeds", []string{"csv", "--strict", feed, undated}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			run := func(workers int) string {
				args := append([]string{tt.args[0], "--workers", strconv.Itoa(workers)}, tt.args[1:]...)
				out, errs, code := runWith(t, "", args...)
				return fmt.Sprintf("exit %d\n%s\n--- stdout\n%s", code, errs, out)
			}
			want := run(1)
			if !strings.Contains(want, "error: ") || !strings.Contains(want, "warning: ") && !strings.Contains(tt.name, "strict") {
				t.Fatalf("the feed raises no errors or warnings:\n%.2000s", want)
			}
			for _, workers := range []int{2, 3, 7} {
				if got := run(workers); got != want {
					t.Fatalf("--workers %d differs from --workers 1:\n%s", workers, firstLineDiff(got, want))
				}
			}
		})
	}
}

// jsonString quotes s as a JSON string, escaping only quotes,
// backslashes and control characters: invalid UTF-8 stays as it is.
func jsonString(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '"' || c == '\\':
			b.WriteByte('\\')
			b.WriteByte(c)
		case c < ' ':
			fmt.Fprintf(&b, "\\u%04x", c)
		default:
			b.WriteByte(c)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// firstLineDiff shows the first line where got and want differ.
func firstLineDiff(got, want string) string {
	g, w := strings.Split(got, "\n"), strings.Split(want, "\n")
	for i := range max(len(g), len(w)) {
		var gl, wl string
		if i < len(g) {
			gl = g[i]
		}
		if i < len(w) {
			wl = w[i]
		}
		if gl != wl {
			return fmt.Sprintf("line %d:\n got  %.300q\n want %.300q", i+1, gl, wl)
		}
	}
	return "(none)"
}
