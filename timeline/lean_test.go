package timeline

import (
	"context"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"
	"unsafe"

	"chronicle/parse"
)

// coverage returns n articles: the dev texts over and over, each round
// published a day or so later, in another zone, by another outlet (a
// story's coverage growing), so that events gather many reports and some
// disagree.
func coverage(t testing.TB, n int) []parse.Article {
	dev := loadDev(t)
	zones := []string{"UTC", "America/New_York", "Europe/Berlin", "Asia/Tokyo", "Australia/Sydney", "Asia/Kolkata"}
	arts := make([]parse.Article, n)
	for i := range arts {
		a := dev[i%len(dev)]
		r := i / len(dev)
		loc, err := time.LoadLocation(zones[r%len(zones)])
		if err != nil {
			t.Fatal(err)
		}
		p := a.Published.AddDate(0, 0, r%9)
		a.Source = fmt.Sprintf("%s-%d", a.Source, r)
		a.Outlet = fmt.Sprintf("Outlet %d", r%13)
		a.Loc = loc
		a.Published = time.Date(p.Year(), p.Month(), p.Day(), 0, 0, 0, 0, loc)
		arts[i] = a
	}
	return arts
}

// leanMentions reads all the mentions of a lean timeline back.
func leanMentions(t *testing.T, l *Lean, batch int) []Mention {
	t.Helper()
	var out []Mention
	if err := l.Scan(batch, func(first int, ms []Mention) error {
		if first != len(out) {
			t.Fatalf("batch at %d, want %d", first, len(out))
		}
		out = append(out, ms...)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	return out
}

// TestBuildLeanSameAsBuild checks that a lean build gives the mentions,
// events and conflicts of an in-memory build, for several worker counts,
// and leaves nothing in its directory.
func TestBuildLeanSameAsBuild(t *testing.T) {
	ex := parse.NewExtractor(parse.Options{})
	corpora := []struct {
		name string
		arts []parse.Article
	}{
		{"dev", loadDev(t)},
		{"coverage", coverage(t, 2400)},
	}
	for _, c := range corpora {
		want, err := Build(context.Background(), ex, slices.Values(c.arts), Options{Workers: 2})
		if err != nil {
			t.Fatal(err)
		}
		if c.name == "coverage" && (len(want.Conflicts) == 0 || len(want.Mentions) < 2*spoolBatch) {
			// the items and their tokens go to disk in batches of spoolBatch
			t.Fatalf("%s: %d conflicts, %d mentions: too few for the test", c.name, len(want.Conflicts), len(want.Mentions))
		}
		for _, workers := range []int{1, 2, 5} {
			t.Run(fmt.Sprintf("%s/workers=%d", c.name, workers), func(t *testing.T) {
				dir := t.TempDir()
				l, err := BuildLean(context.Background(), ex, slices.Values(c.arts), Options{Workers: workers, TempDir: dir})
				if err != nil {
					t.Fatal(err)
				}
				defer l.Close()
				if l.Mentions != nil {
					t.Error("a lean timeline holds its mentions in memory")
				}
				if l.Len() != len(want.Mentions) {
					t.Fatalf("%d mentions, want %d", l.Len(), len(want.Mentions))
				}
				got := leanMentions(t, l, 1000)
				for i := range got {
					sameMention(t, got[i], want.Mentions[i])
					if t.Failed() {
						t.Fatalf("mention %d differs", i)
					}
				}
				for _, i := range []int{0, len(got) / 2, len(got) - 1} {
					m, err := l.Mention(i)
					if err != nil {
						t.Fatal(err)
					}
					sameMention(t, m, want.Mentions[i])
				}
				// what Lean leaves out, and the rest as Build has it
				wantSrc := slices.Clone(want.Sources)
				for i := range wantSrc {
					wantSrc[i].Title, wantSrc[i].URL = "", ""
				}
				if !reflect.DeepEqual(l.Sources, wantSrc) {
					t.Error("sources differ (but for Title and URL)")
				}
				wantEv := slices.Clone(want.Events)
				for i := range wantEv {
					wantEv[i].Outlets = nil
				}
				if !reflect.DeepEqual(l.Events, wantEv) {
					t.Errorf("events differ (but for Outlets): %d vs %d", len(l.Events), len(wantEv))
				}
				wantC := slices.Clone(want.Conflicts)
				for i := range wantC {
					wantC[i].Summary = ""
				}
				if !reflect.DeepEqual(l.Conflicts, wantC) {
					t.Errorf("conflicts differ (but for Summary): %d vs %d", len(l.Conflicts), len(wantC))
				}
				if err := l.Close(); err != nil {
					t.Fatal(err)
				}
				assertEmpty(t, dir)
			})
		}
	}
}

// TestBuildLeanCancelled checks that a cancelled lean build returns the
// context's error and leaves no file behind.
func TestBuildLeanCancelled(t *testing.T) {
	dir := t.TempDir()
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	l, err := BuildLean(ctx, wordTagger, numbered(100, nil), Options{Workers: 2, TempDir: dir})
	if err != context.Canceled || l != nil {
		t.Fatalf("BuildLean = %v, %v; want nil, context.Canceled", l, err)
	}
	assertEmpty(t, dir)
}

// TestBuildLeanNoTempDir checks that a directory the spool cannot be
// created in is an error that names the directory and says what to do,
// not a panic.
func TestBuildLeanNoTempDir(t *testing.T) {
	missing := t.TempDir() + "/missing"
	l, err := BuildLean(context.Background(), wordTagger, numbered(3, nil), Options{TempDir: missing})
	if err == nil || l != nil {
		t.Fatalf("BuildLean in a missing directory = %v, %v; want an error", l, err)
	}
	for _, want := range []string{missing, "set TMPDIR"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q does not contain %q", err, want)
		}
	}
}

// TestItemSize keeps the merge's per-item memory in check: a run holds
// one item per dated mention, millions of them.
func TestItemSize(t *testing.T) {
	for _, c := range []struct {
		name string
		size uintptr
		max  uintptr
	}{
		{"item", unsafe.Sizeof(item{}), 64},
		{"postNode", unsafe.Sizeof(postNode{}), 16},
	} {
		t.Run(c.name, func(t *testing.T) {
			if c.size > c.max {
				t.Errorf("%s is %d bytes, want at most %d", c.name, c.size, c.max)
			}
		})
	}
}
