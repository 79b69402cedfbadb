package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/urfave/cli/v2"
)

// chronicleRun runs the command line in-process and returns what it wrote
// and its exit status.
func chronicleRun(t *testing.T, stdin string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	var out, errb bytes.Buffer
	code = run(context.Background(), append([]string{"chronicle"}, args...), strings.NewReader(stdin), &out, &errb)
	return out.String(), errb.String(), code
}

// usedSources runs the input path alone (no tagging) and returns the
// sources of the articles it hands on, in order.
func usedSources(t *testing.T, stdin string, args ...string) []string {
	t.Helper()
	var got []string
	app := newApp(strings.NewReader(stdin), io.Discard, io.Discard)
	app.Commands = []*cli.Command{{
		Name:  "sources",
		Flags: inputFlags(),
		Action: func(c *cli.Context) error {
			in, err := readInput(c)
			if err != nil {
				return err
			}
			for a := range in.articles() {
				got = append(got, a.Source)
			}
			return nil
		},
	}}
	if err := app.RunContext(context.Background(), append([]string{"chronicle", "sources"}, args...)); err != nil {
		var ee *exitError
		if !errors.As(err, &ee) || ee.code != 2 {
			t.Fatalf("sources: %v", err)
		}
	}
	return got
}

// csvRows parses CSV output into rows keyed by source, with the columns
// that depend on the other articles (event, conflict) blanked.
func csvRows(t *testing.T, out string) map[string][]string {
	t.Helper()
	recs, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil {
		t.Fatalf("CSV output: %v\n%s", err, out)
	}
	if len(recs) == 0 {
		t.Fatalf("no CSV header")
	}
	col := map[string]int{}
	for i, h := range recs[0] {
		col[h] = i
	}
	rows := map[string][]string{}
	for _, r := range recs[1:] {
		r[col["event"]], r[col["conflict"]] = "", ""
		rows[r[col["source"]]] = append(rows[r[col["source"]]], strings.Join(r, "\x1f"))
	}
	return rows
}

// TestBadInput runs chronicle over the bad-input corpus in
// testdata/badinput: each case mixes good articles with bad ones and
// checks the exact stderr, the exit status, that exactly the good articles
// were used, and that their CSV rows are the rows each gives when read
// alone.
func TestBadInput(t *testing.T) {
	t.Chdir(filepath.Join("..", ".."))
	const (
		dir   = "testdata/badinput/"
		good1 = dir + "good/harbour.txt"
		good2 = dir + "good/northline.txt"
		sum1  = "chronicle: 1 input problem(s); the other articles were processed\n"
	)
	goods := []string{good1, good2}
	tests := []struct {
		name   string
		args   []string
		stdin  string
		stderr string
		code   int
		used   []string // articles used, in order
	}{{
		name:   "empty",
		args:   []string{dir + "good", dir + "empty"},
		stderr: "error: " + dir + "empty/blank.md: the file is empty; give an article with front matter and a body\n" + "error: " + dir + "empty/empty.txt: the file is empty; give an article with front matter and a body\n" + "chronicle: 2 input problem(s); the other articles were processed\n",
		code:   1, used: goods,
	}, {
		name:   "binary",
		args:   []string{good1, dir + "binary/photo.txt", good2},
		stderr: "error: " + dir + "binary/photo.txt: the file looks binary, not text; give UTF-8 text, HTML or JSON Lines\n" + sum1,
		code:   1, used: goods,
	}, {
		name:   "invalid-utf8",
		args:   []string{good1, dir + "utf8/latin1.txt", good2},
		stderr: "warning: " + dir + "utf8/latin1.txt:3:11: invalid UTF-8 (byte 0xe9 at offset 41, 2 bad bytes in all) replaced with U+FFFD; save the file as UTF-8\n",
		code:   0, used: []string{good1, dir + "utf8/latin1.txt", good2},
	}, {
		name: "invalid-utf8-strict",
		args: []string{"--strict", good1, dir + "utf8/latin1.txt", good2},
		stderr: "error: " + dir + "utf8/latin1.txt:3:11: invalid UTF-8 (byte 0xe9 at offset 41, 2 bad bytes in all) replaced with U+FFFD; save the file as UTF-8\n" +
			sum1,
		code: 1, used: goods,
	}, {
		name:   "utf16",
		args:   []string{dir + "utf16/windows.txt", good1},
		stderr: "warning: " + dir + "utf16/windows.txt: the file is UTF-16; decoded; save it as UTF-8\n",
		code:   0, used: []string{dir + "utf16/windows.txt", good1},
	}, {
		name: "front-matter",
		args: []string{dir + "frontmatter", dir + "good"},
		stderr: "error: " + dir + "frontmatter/bad-quote.txt:2:9: value of outlet: unterminated double quote; close the quote, or leave the value unquoted\n" +
			"error: " + dir + "frontmatter/dup-key.txt:4:1: key \"published\" appears twice; keep one of them\n" +
			"error: " + dir + "frontmatter/no-colon.txt:3:1: expected `key: value`, found \"published 2025-12-04\"; write one `key: value` per line, or close the front matter with ---\n" +
			"error: " + dir + "frontmatter/unclosed.txt:5:1: expected `key: value`, found \"Umerov prepared on Thursday for the Flor…\"; write one `key: value` per line, or close the front matter with ---\n" +
			"chronicle: 4 input problem(s); the other articles were processed\n",
		code: 1, used: goods,
	}, {
		name: "unknown-zone",
		args: []string{dir + "zone", dir + "good"},
		stderr: "error: " + dir + "zone/cest.txt:4:11: unknown time zone \"CEST\"; use an IANA name such as Europe/Berlin or America/New_York\n" +
			"error: " + dir + "zone/nowhere.txt:4:11: unknown time zone \"Europe/Atlantis\"; use an IANA name such as Europe/Berlin or America/New_York\n" +
			"chronicle: 2 input problem(s); the other articles were processed\n",
		code: 1, used: goods,
	}, {
		name: "bad-date",
		args: []string{dir + "date", dir + "good"},
		stderr: "error: " + dir + "date/bad-date.txt:3:12: invalid publication date \"2025-13-45\"; write a date (2025-12-03) or an RFC 3339 time (2025-12-03T14:05:00-05:00)\n" +
			"error: " + dir + "date/words.txt:3:12: invalid publication date \"December 3, 2025\"; write a date (2025-12-03) or an RFC 3339 time (2025-12-03T14:05:00-05:00)\n" +
			"chronicle: 2 input problem(s); the other articles were processed\n",
		code: 1, used: goods,
	}, {
		name:   "undated",
		args:   []string{dir + "undated/no-date.txt", dir + "good"},
		stderr: "warning: " + dir + "undated/no-date.txt:1:1: no publication date: relative dates are left unresolved; add `published: 2025-12-03` to the front matter or pass --published\n",
		code:   0, used: []string{dir + "undated/no-date.txt", good1, good2},
	}, {
		name: "undated-default",
		args: []string{"--published", "2025-12-04", "--tz", "America/Chicago", dir + "undated/no-date.txt", dir + "good"},
		code: 0, used: []string{dir + "undated/no-date.txt", good1, good2},
	}, {
		name:   "future",
		args:   []string{dir + "good", dir + "future"},
		stderr: "warning: " + dir + "future/typo-year.txt:3:12: publication date 2095-12-04 is in the future; check the year; relative dates are resolved against it as given\n",
		code:   0, used: []string{good1, good2, dir + "future/typo-year.txt"},
	}, {
		name:   "future-strict",
		args:   []string{"--strict", dir + "good", dir + "future"},
		stderr: "error: " + dir + "future/typo-year.txt:3:12: publication date 2095-12-04 is in the future; check the year; relative dates are resolved against it as given\n" + sum1,
		code:   1, used: goods,
	}, {
		name:   "duplicate",
		args:   []string{dir + "duplicate", dir + "good"},
		stderr: "warning: " + dir + "duplicate/copy-b.txt: same outlet and text as " + dir + "duplicate/copy-a.txt; kept once; remove one of the copies\n",
		code:   0, used: []string{dir + "duplicate/copy-a.txt", good1, good2},
	}, {
		name:   "duplicate-strict",
		args:   []string{"--strict", dir + "duplicate", dir + "good"},
		stderr: "error: " + dir + "duplicate/copy-b.txt: same outlet and text as " + dir + "duplicate/copy-a.txt; kept once; remove one of the copies\n" + sum1,
		code:   1, used: []string{dir + "duplicate/copy-a.txt", good1, good2},
	}, {
		name:   "same-file-twice",
		args:   []string{good1, dir + "good"},
		stderr: "warning: " + good1 + ": same outlet and text as " + good1 + "; kept once; remove one of the copies\n",
		code:   0, used: goods,
	}, {
		name: "html",
		args: []string{dir + "html", good1},
		stderr: "error: " + dir + "html/consent.html: no article text found in the page; save the article page itself (not a consent, login or index page)\n" +
			"warning: " + dir + "html/undated.html: no publication date in the page or its URL: relative dates are left unresolved; pass --published, or list the page in a manifest with its date\n" + sum1,
		code: 1, used: []string{dir + "html/undated.html", good1},
	}, {
		name: "jsonl",
		args: []string{dir + "jsonl/feed.jsonl", good2},
		stderr: "error: " + dir + "jsonl/feed.jsonl:2:86: invalid JSON: invalid character '}' looking for beginning of object key string; write one JSON object per line\n" +
			"error: " + dir + "jsonl/feed.jsonl:3:69: unknown time zone \"Central\"; use an IANA name such as Europe/Berlin or America/New_York\n" +
			"chronicle: 2 input problem(s); the other articles were processed\n",
		code: 1, used: []string{dir + "jsonl/feed.jsonl:1", dir + "jsonl/feed.jsonl:4", good2},
	}, {
		name: "manifest",
		args: []string{dir + "manifest/list.manifest.csv", good1},
		stderr: "error: " + dir + "manifest/list.manifest.csv:3:1: no saved copy given for https://plainscourier.example/2025/12/05/next; save the page and give its file in the path column (chronicle does not fetch URLs)\n" +
			"error: " + dir + "manifest/list.manifest.csv:4:1: " + dir + "manifest/saved/missing.txt: no such file or directory; paths are relative to the manifest's directory\n" +
			"error: " + dir + "manifest/list.manifest.csv:5:44: unknown time zone \"Mars/Olympus\"; use an IANA name such as Europe/Berlin or America/New_York\n" +
			"chronicle: 3 input problem(s); the other articles were processed\n",
		code: 1, used: []string{dir + "manifest/saved/brief.txt", good1},
	}, {
		name:   "missing-file",
		args:   []string{good1, dir + "no-such-file.txt", good2},
		stderr: "error: " + dir + "no-such-file.txt: no such file or directory; check the path\n" + sum1,
		code:   1, used: goods,
	}, {
		name:  "stdin-jsonl",
		args:  []string{"-", good1},
		stdin: `{"outlet":"Lakeside Times","published":"2025-12-03","timezone":"America/Chicago","text":"A Kremlin aide said early Wednesday that no compromise had been found."}` + "\n",
		code:  0, used: []string{"-:1", good1},
	}, {
		name:  "stdin-html",
		args:  []string{"--tz", "America/Chicago", "-"},
		stdin: `<!DOCTYPE html><html><head><meta property="article:published_time" content="2025-12-04T08:00:00-06:00"><meta property="og:site_name" content="Plains Courier"></head><body><article><p>The two envoys who met Vladimir Putin on Tuesday will meet Ukraine's negotiator in Florida on Thursday, officials said.</p></article></body></html>`,
		code:  0, used: []string{"-"},
	}, {
		name:   "stdin-empty",
		args:   []string{"-", good1},
		stderr: "error: -: the file is empty; give an article with front matter and a body\n" + sum1,
		code:   1, used: []string{good1},
	}, {
		name:   "usage-bad-tz",
		args:   []string{"--tz", "Mars/Base", good1},
		stderr: "chronicle: --tz \"Mars/Base\": unknown time zone; use an IANA name such as Europe/Berlin\n",
		code:   2,
	}, {
		name:   "usage-flag-after-files",
		args:   []string{good1, "--tz", "UTC"},
		stderr: "chronicle: --tz: flags go before the files: chronicle csv [options] FILE...\n",
		code:   2,
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, stderr, code := chronicleRun(t, tt.stdin, append([]string{"csv", "--all"}, tt.args...)...)
			if stderr != tt.stderr {
				t.Errorf("stderr:\n%s\nwant:\n%s", stderr, tt.stderr)
			}
			if code != tt.code {
				t.Errorf("exit status %d, want %d", code, tt.code)
			}
			if tt.code == 2 {
				return
			}
			if used := usedSources(t, tt.stdin, tt.args...); !slices.Equal(used, tt.used) {
				t.Errorf("articles used:\n%q\nwant:\n%q", used, tt.used)
			}
			// Each good article file gives the same rows as when read alone.
			rows := csvRows(t, out)
			manifest := slices.ContainsFunc(tt.args, func(a string) bool { return strings.HasSuffix(a, ".csv") || strings.HasSuffix(a, ".yaml") })
			flags := slices.DeleteFunc(slices.Clone(tt.args), func(a string) bool { return strings.HasPrefix(a, dir) || a == "-" })
			for _, src := range tt.used {
				if _, err := os.Stat(src); err != nil || manifest {
					continue // a line of a feed, stdin, or a manifest entry
				}
				alone, _, code := chronicleRun(t, "", append(append([]string{"csv", "--all"}, flags...), src)...)
				if code != 0 {
					t.Errorf("%s alone: exit status %d", src, code)
				}
				if want := csvRows(t, alone)[src]; !slices.Equal(rows[src], want) {
					t.Errorf("%s: %d rows in the mixed run, %d alone:\n%q\nwant:\n%q", src, len(rows[src]), len(want), rows[src], want)
				}
			}
		})
	}
}

// TestManyFiles reads a directory of 3000 small articles: all are used,
// nothing is printed on stderr (no progress bar when stderr is not a
// terminal), and every article gives its row.
func TestManyFiles(t *testing.T) {
	dir := t.TempDir()
	const n = 3000
	var want []string
	for i := range n {
		sub := filepath.Join(dir, fmt.Sprintf("d%02d", i%30))
		if i < 30 {
			if err := os.Mkdir(sub, 0o755); err != nil {
				t.Fatal(err)
			}
		}
		name := filepath.Join(sub, fmt.Sprintf("a%04d.txt", i))
		body := fmt.Sprintf("---\noutlet: Outlet %d\npublished: 2025-12-%02d\ntimezone: UTC\n---\nThe council met on Tuesday.\n", i, 1+i%28)
		if err := os.WriteFile(name, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		want = append(want, name)
	}
	slices.Sort(want)
	if got := usedSources(t, "", dir); !slices.Equal(got, want) {
		t.Fatalf("%d articles used, want %d (first %q)", len(got), len(want), got[:min(3, len(got))])
	}
	out, stderr, code := chronicleRun(t, "", "csv", "--all", dir)
	if stderr != "" || code != 0 {
		t.Fatalf("exit status %d, stderr:\n%s", code, stderr)
	}
	rows := csvRows(t, out)
	one := csvRows(t, mustRun(t, "csv", "--all", want[0]))[want[0]]
	if len(one) > 0 {
		// the tagger finds "Tuesday": every file must give its row
		for _, f := range want {
			if len(rows[f]) != len(one) {
				t.Fatalf("%s: %d rows, want %d", f, len(rows[f]), len(one))
			}
		}
	}
}

// TestBigFile reads a 50 MB article (generated, not committed): it is read
// whole (one article), its dated sentences at both ends are found at the
// right offsets, and nothing is reported.
func TestBigFile(t *testing.T) {
	dir := t.TempDir()
	name := filepath.Join(dir, "big.txt")
	f, err := os.Create(name)
	if err != nil {
		t.Fatal(err)
	}
	head := "---\noutlet: Big Outlet\npublished: 2025-12-03\ntimezone: UTC\n---\n"
	first := "The talks began on Tuesday.\n\n"
	last := "The envoys will meet on Thursday.\n"
	filler := strings.Repeat("The committee discussed the proposal at length and agreed to keep working on it. ", 12) + "\n\n"
	w := bufio.NewWriter(f)
	fmt.Fprint(w, head, first)
	size := len(first)
	for size < 50<<20 {
		w.WriteString(filler)
		size += len(filler)
	}
	w.WriteString(last)
	size += len(last)
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	outFile := filepath.Join(dir, "out.csv")
	_, stderr, code := chronicleRun(t, "", "csv", "--all", "-o", outFile, name)
	if stderr != "" || code != 0 {
		t.Fatalf("exit status %d, stderr:\n%s", code, stderr)
	}
	data, err := os.ReadFile(outFile)
	if err != nil {
		t.Fatal(err)
	}
	got := csvRows(t, string(data))[name]
	small := writeTemp(t, head+first+last)
	want := csvRows(t, mustRun(t, "csv", "--all", small))[small]
	if len(got) != len(want) {
		t.Fatalf("%d rows, want %d (as in the same text without the filler)", len(got), len(want))
	}
	// Rows match the small article's, with the offsets of the last
	// sentence shifted by the filler's length.
	shift := size - len(first) - len(last)
	for i := range want {
		g, w := strings.Split(got[i], "\x1f"), strings.Split(want[i], "\x1f")
		start, _ := strconv.Atoi(w[4])
		end, _ := strconv.Atoi(w[5])
		if start >= len(first) {
			start, end = start+shift, end+shift
		}
		w[0], w[4], w[5] = name, strconv.Itoa(start), strconv.Itoa(end)
		if !slices.Equal(g, w) {
			t.Errorf("row %d:\n%q\nwant\n%q", i, g, w)
		}
	}
}

func mustRun(t *testing.T, args ...string) string {
	t.Helper()
	out, stderr, code := chronicleRun(t, "", args...)
	if code != 0 {
		t.Fatalf("%v: exit status %d\n%s", args, code, stderr)
	}
	return out
}

func writeTemp(t *testing.T, s string) string {
	t.Helper()
	name := filepath.Join(t.TempDir(), "a.txt")
	if err := os.WriteFile(name, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
	return name
}

// TestWriteFileAtomic checks that a writer failing half way leaves the
// previous file untouched and no temporary file behind.
func TestWriteFileAtomic(t *testing.T) {
	tests := []struct {
		name  string
		write func(io.Writer) error
		want  string
		fail  bool
	}{
		{name: "ok", write: func(w io.Writer) error { _, err := io.WriteString(w, "new\n"); return err }, want: "new\n"},
		{name: "fails-half-way", fail: true, want: "old\n", write: func(w io.Writer) error {
			io.WriteString(w, strings.Repeat("partial ", 10000))
			return errors.New("disk full")
		}},
		{name: "panics", fail: true, want: "old\n", write: func(w io.Writer) error {
			io.WriteString(w, "partial")
			panic("boom")
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			name := filepath.Join(dir, "timeline.csv")
			if err := os.WriteFile(name, []byte("old\n"), 0o644); err != nil {
				t.Fatal(err)
			}
			err := func() (err error) {
				defer func() {
					if r := recover(); r != nil {
						err = fmt.Errorf("panic: %v", r)
					}
				}()
				return writeFileAtomic(name, tt.write)
			}()
			if (err != nil) != tt.fail {
				t.Fatalf("error %v, want failure %v", err, tt.fail)
			}
			data, rerr := os.ReadFile(name)
			if rerr != nil || string(data) != tt.want {
				t.Errorf("file holds %q (%v), want %q", data, rerr, tt.want)
			}
			entries, _ := os.ReadDir(dir)
			if len(entries) != 1 {
				var names []string
				for _, e := range entries {
					names = append(names, e.Name())
				}
				t.Errorf("directory holds %q, want only timeline.csv", names)
			}
		})
	}
}
