package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/urfave/cli/v2"

	"chronicle/cmd/chronicle/ingest"
	"chronicle/parse"
)

// readArticles runs the input path alone (no tagging), with setup applied
// to the input before it is read, and returns the articles (bodies
// dropped), the stderr report and the exit status it maps to.
func readArticles(t *testing.T, stdin string, setup func(*input), args ...string) (arts []parse.Article, stderr string, code int) {
	t.Helper()
	var errb bytes.Buffer
	app := newApp(strings.NewReader(stdin), io.Discard, &errb)
	app.Commands = []*cli.Command{{
		Name:  "read",
		Flags: inputFlags(),
		Action: func(c *cli.Context) error {
			in, err := readInput(c)
			if err != nil {
				return err
			}
			if setup != nil {
				setup(in)
			}
			for a := range in.articles() {
				a.Body = ""
				arts = append(arts, a)
			}
			return in.report(c)
		},
	}}
	err := app.RunContext(context.Background(), append([]string{"chronicle", "read"}, args...))
	var ee *exitError
	switch {
	case err == nil:
	case errors.As(err, &ee):
		code = ee.code
	default:
		t.Fatalf("read: %v", err)
	}
	return arts, errb.String(), code
}

// describe renders an article's metadata for comparisons.
func describe(a parse.Article) string {
	pub := "undated"
	switch {
	case a.Undated:
	case a.DateOnly:
		pub = a.Published.Format(time.DateOnly)
	default:
		pub = a.Published.Format(time.RFC3339)
	}
	return fmt.Sprintf("%s | %s | %s | %s | %s | %s", a.Source, a.Outlet, pub, a.Loc, a.Title, a.URL)
}

func TestExpand(t *testing.T) {
	dir := t.TempDir()
	for _, f := range []string{
		"b/z.txt", "b/a.md", "a.html", "c/d/e.jsonl", "c/page.htm", "notes.markdown", "feed.ndjson",
		"list.csv", "meta.yaml", "image.png", ".hidden.txt", ".git/x.txt", "b/.cache/y.txt", "README",
	} {
		p := filepath.Join(dir, filepath.FromSlash(f))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	rel := func(ps []string) []string {
		var out []string
		for _, p := range ps {
			r, _ := filepath.Rel(dir, p)
			out = append(out, filepath.ToSlash(r))
		}
		return out
	}
	tests := []struct {
		name, arg string
		glob      bool
		want      []string
		err       string
	}{
		{name: "directory", arg: dir, want: []string{"a.html", "b/a.md", "b/z.txt", "c/d/e.jsonl", "c/page.htm", "feed.ndjson", "notes.markdown"}},
		{name: "file-any-extension", arg: filepath.Join(dir, "README"), want: []string{"README"}},
		{name: "manifest-named", arg: filepath.Join(dir, "list.csv"), want: []string{"list.csv"}},
		{name: "glob", arg: filepath.Join(dir, "*", "*.txt"), glob: true, want: []string{"b/z.txt"}},
		{name: "glob-of-dirs", arg: filepath.Join(dir, "[bc]"), glob: true, want: []string{"b/a.md", "b/z.txt", "c/d/e.jsonl", "c/page.htm"}},
		{name: "glob-off", arg: filepath.Join(dir, "*.html"), err: "no such file or directory; check the path"},
		{name: "missing", arg: filepath.Join(dir, "nope.txt"), glob: true, err: "no such file or directory; check the path"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := expand(tt.arg, tt.glob)
			if tt.err != "" {
				if err == nil || err.Error() != tt.arg+": "+tt.err {
					t.Fatalf("error %v, want %s: %s", err, tt.arg, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if r := rel(got); !slices.Equal(r, tt.want) {
				t.Errorf("got %q, want %q", r, tt.want)
			}
		})
	}
}

// TestManifestInput reads the CSV and YAML manifests in testdata/manifest:
// the files they list are read with the manifest's metadata in place of
// theirs.
func TestManifestInput(t *testing.T) {
	t.Chdir(filepath.Join("..", ".."))
	want := []string{
		"testdata/manifest/saved/brief.txt | Riverside Evening Post | 2025-12-04 | America/Chicago | Ukraine's negotiators prepare for Florida round | https://www.riversideeveningpost.example/2025/12/04/world/brief.html",
		// the file says Some Aggregator, 2025-12-01, UTC: the manifest wins
		"testdata/manifest/saved/wire-copy.txt | Northline Wire | 2025-12-03T09:12:00+03:00 | Europe/Moscow |  | ",
		// a saved page: its text and title, the manifest's time and zone
		"testdata/html/url-date-time.html | Riverside Evening Post | 2025-12-04T18:05:00-06:00 | America/Chicago | Ukraine's negotiators prepare for Florida round | https://www.riversideeveningpost.example/2025/12/04/world/ukraine-negotiators-prepare-florida-round.html",
	}
	for _, m := range []string{"testdata/manifest/articles.manifest.csv", "testdata/manifest/articles.yaml"} {
		t.Run(filepath.Base(m), func(t *testing.T) {
			arts, stderr, code := readArticles(t, "", nil, m)
			if stderr != "" || code != 0 {
				t.Fatalf("exit status %d, stderr:\n%s", code, stderr)
			}
			var got []string
			for _, a := range arts {
				got = append(got, describe(a))
			}
			if !slices.Equal(got, want) {
				t.Errorf("got:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
			}
		})
	}
}

// TestInputDefaults checks --published, --tz and --outlet on each kind of
// input that lacks them, and that what an input says beats the flags.
func TestInputDefaults(t *testing.T) {
	t.Chdir(filepath.Join("..", ".."))
	flags := []string{"--published", "2025-12-05", "--tz", "America/Chicago", "--outlet", "Flag Outlet"}
	tests := []struct {
		name  string
		args  []string
		stdin string
		want  []string
	}{
		{name: "text-without-front-matter", args: append(slices.Clone(flags), "-"), stdin: "The council met on Tuesday.\n",
			want: []string{"- | Flag Outlet | 2025-12-05 | America/Chicago |  | "}},
		{name: "front-matter-wins", args: append(slices.Clone(flags), "testdata/badinput/good/harbour.txt"),
			want: []string{"testdata/badinput/good/harbour.txt | The Harbour Letter | 2025-12-04 | Australia/Sydney | Europe moves on frozen assets | "}},
		{name: "jsonl-record-wins", args: append(slices.Clone(flags), "-"),
			stdin: `{"text":"The council met on Tuesday."}` + "\n" + `{"outlet":"Feed Outlet","published":"2025-12-01T10:00:00Z","timezone":"Asia/Tokyo","text":"x"}` + "\n",
			want:  []string{"-:1 | Flag Outlet | 2025-12-05 | America/Chicago |  | ", "-:2 | Feed Outlet | 2025-12-01T19:00:00+09:00 | Asia/Tokyo |  | "}},
		{name: "html-page-wins", args: append(slices.Clone(flags), "testdata/html/blog-wordpress.htm"),
			want: []string{"testdata/html/blog-wordpress.htm | The Harbour Letter | 2025-12-04T07:30:00+11:00 | UTC+11:00 | What the Kremlin meeting did not settle | https://harbourletter.example/2025/what-the-kremlin-meeting-did-not-settle/"}},
		{name: "html-date-from-url-zone-from-flag", args: append(slices.Clone(flags), "testdata/html/url-date-time.html"),
			want: []string{"testdata/html/url-date-time.html | Riverside Evening Post | 2025-12-04 | America/Chicago | Ukraine's negotiators prepare for Florida round | https://www.riversideeveningpost.example/2025/12/04/world/ukraine-negotiators-prepare-florida-round.html"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			arts, stderr, code := readArticles(t, tt.stdin, nil, tt.args...)
			if stderr != "" || code != 0 {
				t.Fatalf("exit status %d, stderr:\n%s", code, stderr)
			}
			var got []string
			for _, a := range arts {
				got = append(got, describe(a))
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("got:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}

// TestDecodePanic checks that a panic while reading one input becomes an
// error naming that input, and the inputs after it are still read.
func TestDecodePanic(t *testing.T) {
	t.Chdir(filepath.Join("..", ".."))
	setup := func(in *input) {
		in.decode = func(name string, f ingest.Format, data []byte, opts ingest.Options) ingest.Item {
			if strings.HasSuffix(name, "harbour.txt") {
				var m map[string]int
				m["boom"]++ // a nil-map write: a runtime panic
			}
			return ingest.Decode(name, f, data, opts)
		}
	}
	arts, stderr, code := readArticles(t, "", setup, "testdata/badinput/good")
	want := "error: testdata/badinput/good/harbour.txt: internal error while reading this input (assignment to entry in nil map); please report it with the file attached; the other inputs were processed\n"
	if stderr != want || code != 1 {
		t.Errorf("exit status %d, stderr:\n%s\nwant 1 and:\n%s", code, stderr, want)
	}
	if len(arts) != 1 || arts[0].Source != "testdata/badinput/good/northline.txt" {
		t.Errorf("articles %v, want northline.txt only", arts)
	}
}

// TestProgress checks that the progress bar stays off when stderr is not
// a terminal, and that a long run draws one.
func TestProgress(t *testing.T) {
	t.Run("not-a-terminal", func(t *testing.T) {
		f, err := os.Create(filepath.Join(t.TempDir(), "stderr"))
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		in := &input{c: cli.NewContext(&cli.App{ErrWriter: f}, nil, nil)}
		if p := in.progress(1000); p != nil {
			t.Errorf("progress bar on a file")
		}
		in = &input{c: cli.NewContext(&cli.App{ErrWriter: &bytes.Buffer{}}, nil, nil)}
		if p := in.progress(1000); p != nil {
			t.Errorf("progress bar on a buffer")
		}
	})
	tests := []struct {
		name              string
		sources, articles int
		want              string // in the drawn bar; "" for none
	}{
		{name: "few-sources", sources: 3, articles: 3},
		{name: "many-sources", sources: 200, articles: 200, want: "192 articles"},
		{name: "long-feed", sources: 1, articles: 500, want: "articles"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			p := &progress{w: &buf, sources: tt.sources}
			if tt.sources > progressMin {
				p.bar = p.newBar(int64(tt.sources), "0 articles")
			}
			for i := range tt.articles {
				p.article()
				if i < tt.sources {
					p.source()
				}
			}
			p.finish()
			if got := buf.String(); (tt.want == "") != (got == "") || !strings.Contains(got, tt.want) {
				t.Errorf("drew %q, want %q", got, tt.want)
			}
		})
	}
}

// TestStdinManifest pipes a CSV manifest in: its paths are relative to the
// working directory and its metadata replaces the file's.
func TestStdinManifest(t *testing.T) {
	t.Chdir(filepath.Join("..", ".."))
	stdin := "path,outlet,published,timezone\ntestdata/badinput/good/harbour.txt,Override Outlet,2025-12-05T10:00:00,Europe/Paris\n"
	arts, stderr, code := readArticles(t, stdin, nil, "-")
	if stderr != "" || code != 0 {
		t.Fatalf("exit status %d, stderr:\n%s", code, stderr)
	}
	want := "testdata/badinput/good/harbour.txt | Override Outlet | 2025-12-05T10:00:00+01:00 | Europe/Paris | Europe moves on frozen assets | "
	if len(arts) != 1 || describe(arts[0]) != want {
		var got []string
		for _, a := range arts {
			got = append(got, describe(a))
		}
		t.Errorf("got %q\nwant %q", got, want)
	}
}
