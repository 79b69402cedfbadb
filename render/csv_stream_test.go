package render

import (
	"bytes"
	"context"
	"encoding/csv"
	"fmt"
	"maps"
	"slices"
	"testing"
	"time"

	"chronicle/parse"
	"chronicle/timeline"
)

// seedCoverage returns the seed articles, then n rounds of them as other
// outlets would print them: a day or so later, in another zone, so that
// events gather reports and some disagree.
func seedCoverage(t *testing.T, n int) []parse.Article {
	seeds := readSeeds(t)
	names := slices.Sorted(maps.Keys(seeds))
	zones := []string{"America/New_York", "Europe/Berlin", "Asia/Tokyo", "UTC", "Australia/Sydney"}
	var arts []parse.Article
	for r := 0; r <= n; r++ {
		for _, name := range names {
			a := seeds[name]
			if r > 0 {
				loc, err := time.LoadLocation(zones[r%len(zones)])
				if err != nil {
					t.Fatal(err)
				}
				p := a.Published.AddDate(0, 0, r%4)
				a.Source = fmt.Sprintf("%s-%d", name, r)
				a.Outlet = fmt.Sprintf("Outlet %d", r%7)
				a.Loc = loc
				a.Published = time.Date(p.Year(), p.Month(), p.Day(), 8+r%12, 0, 0, 0, loc)
			}
			arts = append(arts, a)
		}
	}
	return arts
}

// TestCSVLeanSameAsCSV checks that the CSV of a lean build is, byte for
// byte, the CSV of an in-memory build, for any number of workers, with and
// without page furniture.
func TestCSVLeanSameAsCSV(t *testing.T) {
	ex := parse.NewExtractor(parse.Options{})
	for _, c := range []struct {
		name   string
		rounds int
	}{{"seeds", 0}, {"coverage", 120}} {
		arts := seedCoverage(t, c.rounds)
		tl, err := timeline.Build(context.Background(), ex, slices.Values(arts), timeline.Options{})
		if err != nil {
			t.Fatal(err)
		}
		if c.name == "coverage" && (len(tl.Mentions) < 2*csvChunk*2 || len(tl.Conflicts) == 0) {
			t.Fatalf("%s: %d mentions, %d conflicts: too few to test batches and conflicts", c.name, len(tl.Mentions), len(tl.Conflicts))
		}
		for _, all := range []bool{false, true} {
			var want bytes.Buffer
			if err := CSV(&want, tl, CSVOptions{All: all, Workers: 1}); err != nil {
				t.Fatal(err)
			}
			for _, workers := range []int{1, 2, 3} {
				for _, ahead := range []bool{false, true} {
					t.Run(fmt.Sprintf("%s/all=%v/workers=%d/ahead=%v", c.name, all, workers, ahead), func(t *testing.T) {
						dir := t.TempDir()
						opts := timeline.Options{Workers: workers, TempDir: dir}
						// ahead: the rows are formatted while the events
						// are merged, as the csv command does
						var rows *CSVAhead
						if ahead {
							opts.Spooled = func(l *timeline.Lean) { rows = StartCSVLean(l, CSVOptions{All: all, Workers: workers}) }
						}
						l, err := timeline.BuildLean(context.Background(), ex, slices.Values(arts), opts)
						if err != nil {
							t.Fatal(err)
						}
						defer l.Close()
						var got bytes.Buffer
						if ahead {
							err = rows.Write(&got)
						} else {
							err = CSVLean(&got, l, CSVOptions{All: all, Workers: workers})
						}
						if err != nil {
							t.Fatal(err)
						}
						if !bytes.Equal(got.Bytes(), want.Bytes()) {
							t.Errorf("lean CSV differs (%d bytes, want %d)", got.Len(), want.Len())
						}
					})
				}
			}
		}
	}
}

// failWriter fails every write after the first n bytes.
type failWriter struct{ n int }

func (w *failWriter) Write(p []byte) (int, error) {
	if len(p) > w.n {
		return 0, fmt.Errorf("disk full")
	}
	w.n -= len(p)
	return len(p), nil
}

// TestCSVLeanWriteError checks that a failing writer stops the output
// with its error.
func TestCSVLeanWriteError(t *testing.T) {
	ex := parse.NewExtractor(parse.Options{})
	l, err := timeline.BuildLean(context.Background(), ex, slices.Values(seedCoverage(t, 40)), timeline.Options{TempDir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	if err := CSVLean(&failWriter{n: 1000}, l, CSVOptions{Workers: 2}); err == nil || err.Error() != "disk full" {
		t.Errorf("CSVLean to a failing writer: %v, want disk full", err)
	}
}

// TestAppendCSVField checks that a field is quoted as encoding/csv's
// Writer quotes it.
func TestAppendCSVField(t *testing.T) {
	for _, f := range []string{
		"", "plain", "two words", "a,b", `say "yes"`, `"`, `""`, "line\nbreak", "cr\rhere", "crlf\r\n",
		" leading space", "\tleading tab", "\u00a0leading no-break space", "\u2003em space", `\.`, `\..`,
		"trailing space ", "ünïcode, with comma", "end\n", "\n", "x\"\r\n\"y",
	} {
		t.Run(fmt.Sprintf("%q", f), func(t *testing.T) {
			var want bytes.Buffer
			cw := csv.NewWriter(&want)
			if err := cw.Write([]string{"a", f, "b"}); err != nil {
				t.Fatal(err)
			}
			cw.Flush()
			got := append(appendCSVField([]byte("a,"), f), ",b\n"...)
			if string(got) != want.String() {
				t.Errorf("appendCSVField = %q, want %q", got, want.String())
			}
		})
	}
}

// TestCSVAheadStop checks that a CSV started during a build can be
// stopped without being written, and that its goroutines end.
func TestCSVAheadStop(t *testing.T) {
	ex := parse.NewExtractor(parse.Options{})
	var rows *CSVAhead
	opts := timeline.Options{Workers: 2, TempDir: t.TempDir(), Spooled: func(l *timeline.Lean) {
		rows = StartCSVLean(l, CSVOptions{Workers: 2})
	}}
	l, err := timeline.BuildLean(context.Background(), ex, slices.Values(seedCoverage(t, 40)), opts)
	if err != nil {
		t.Fatal(err)
	}
	if rows == nil {
		t.Fatal("Options.Spooled was not called")
	}
	rows.Stop()
	rows.Stop() // twice is harmless
	if err := l.Close(); err != nil {
		t.Fatal(err)
	}
}
