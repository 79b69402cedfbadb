package render

import (
	"bytes"
	"context"
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
				t.Run(fmt.Sprintf("%s/all=%v/workers=%d", c.name, all, workers), func(t *testing.T) {
					dir := t.TempDir()
					l, err := timeline.BuildLean(context.Background(), ex, slices.Values(arts), timeline.Options{Workers: workers, TempDir: dir})
					if err != nil {
						t.Fatal(err)
					}
					defer l.Close()
					var got bytes.Buffer
					if err := CSVLean(&got, l, CSVOptions{All: all, Workers: workers}); err != nil {
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
