package main

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"

	"chronicle/parse"
	"chronicle/seeds"
	"chronicle/timeline"
)

// The acceptance test scores the embedded seeds against a copy of
// ../shared/seeds/gold.yaml (testdata/seeds-gold.yaml), the way the
// project's goldcheck.py does, and fails on any miss.

type goldQuote struct {
	Doc         string `yaml:"doc"`
	Quote       string `yaml:"quote"`
	Text        string `yaml:"text"`
	Value       string `yaml:"value"`
	Date        string `yaml:"date"`
	Duration    string `yaml:"duration"`
	Optional    bool   `yaml:"optional"`
	Boilerplate bool   `yaml:"boilerplate"`
}

type goldFile struct {
	Timexes []goldQuote `yaml:"timexes"`
	Events  []struct {
		ID       string      `yaml:"id"`
		Date     string      `yaml:"date"`
		Mentions []goldQuote `yaml:"mentions"`
	} `yaml:"events"`
	Conflicts []struct {
		ID    string      `yaml:"id"`
		Event string      `yaml:"event"`
		Sides []goldQuote `yaml:"sides"`
	} `yaml:"conflicts"`
	NotConflicts []struct {
		Summary string      `yaml:"summary"`
		Quotes  []goldQuote `yaml:"quotes"`
	} `yaml:"not_conflicts"`
}

// csvRow is one row of `chronicle csv`, by column name.
type csvRow map[string]string

func (r csvRow) span() (int, int) {
	s, _ := strconv.Atoi(r["start"])
	e, _ := strconv.Atoi(r["end"])
	return s, e
}

// runCLI runs chronicle with args and returns stdout; it fails the test on
// a non-zero exit status.
func runCLI(t *testing.T, args ...string) []byte {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(context.Background(), append([]string{"chronicle"}, args...), strings.NewReader(""), &out, &errb)
	if code != 0 {
		t.Fatalf("chronicle %v: exit %d\n%s", args, code, errb.String())
	}
	return out.Bytes()
}

func readCSV(t *testing.T, data []byte) []csvRow {
	t.Helper()
	recs, err := csv.NewReader(bytes.NewReader(data)).ReadAll()
	if err != nil {
		t.Fatalf("csv output does not parse: %v", err)
	}
	if len(recs) == 0 {
		t.Fatal("csv output has no header")
	}
	var rows []csvRow
	for _, rec := range recs[1:] {
		r := csvRow{}
		for i, h := range recs[0] {
			r[h] = rec[i]
		}
		rows = append(rows, r)
	}
	return rows
}

// seedBodies returns each seed's body (the text after the front matter).
func seedBodies(t *testing.T) map[string]string {
	t.Helper()
	bodies := map[string]string{}
	names, _ := fs.Glob(seeds.FS(), "*.txt")
	for _, n := range names {
		data, err := fs.ReadFile(seeds.FS(), n)
		if err != nil {
			t.Fatal(err)
		}
		a, err := parse.ReadArticle(n, data, parse.ReadOptions{})
		if err != nil {
			t.Fatal(err)
		}
		bodies[n] = a.Body
	}
	return bodies
}

// locate returns the byte span of q.Text inside the unique q.Quote (the
// whole quote when Text is empty).
func locate(t *testing.T, bodies map[string]string, q goldQuote) (int, int) {
	t.Helper()
	body, ok := bodies[q.Doc]
	if !ok {
		t.Fatalf("gold names unknown doc %q", q.Doc)
	}
	if strings.Count(body, q.Quote) != 1 {
		t.Fatalf("gold quote %q is not unique in %s", q.Quote, q.Doc)
	}
	i := strings.Index(body, q.Quote)
	if q.Text == "" {
		return i, i + len(q.Quote)
	}
	j := strings.Index(q.Quote, q.Text)
	if j < 0 {
		t.Fatalf("gold text %q not in quote %q", q.Text, q.Quote)
	}
	return i + j, i + j + len(q.Text)
}

func TestSeedsAcceptance(t *testing.T) {
	data, err := os.ReadFile("../../testdata/seeds-gold.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var gold goldFile
	if err := yaml.Unmarshal(data, &gold); err != nil {
		t.Fatal(err)
	}
	bodies := seedBodies(t)
	rows := readCSV(t, runCLI(t, "csv"))
	at := func(q goldQuote) []csvRow {
		s, e := locate(t, bodies, q)
		var hits []csvRow
		for _, r := range rows {
			rs, re := r.span()
			if r["source"] == q.Doc && rs < e && s < re {
				hits = append(hits, r)
			}
		}
		return hits
	}

	// Timexes.
	required, requiredOK, optFound, optOK, leaks := 0, 0, 0, 0, 0
	for _, tx := range gold.Timexes {
		hits := at(tx)
		name := fmt.Sprintf("%s %q", tx.Doc, tx.Quote)
		if tx.Boilerplate {
			if len(hits) > 0 {
				leaks++
				t.Errorf("boilerplate reached the timeline: %s", name)
			}
			continue
		}
		right := slices.ContainsFunc(hits, func(r csvRow) bool { return r["value"] == tx.Value })
		var got []string
		for _, h := range hits {
			got = append(got, h["expression"]+"="+h["value"])
		}
		switch {
		case tx.Optional && len(hits) > 0:
			optFound++
			if right {
				optOK++
			} else {
				t.Errorf("optional timex wrong: %s: want %s, got %v", name, tx.Value, got)
			}
		case !tx.Optional:
			required++
			if right {
				requiredOK++
			} else {
				t.Errorf("timex missed or wrong: %s: want %s, got %v", name, tx.Value, got)
			}
		}
	}

	// Events: all mentions of a gold event in one event, whose consensus
	// date is the gold date; each mention's own value agrees with the date
	// the gold gives it (its interval contains that day, so "earlier this
	// week" may date a Tuesday event).
	tl := seedTimeline(t)
	eventWhen := map[string]parse.Interval{}
	for _, ev := range tl.Events {
		eventWhen[ev.ID] = ev.When
	}
	eventsOK := 0
	for _, ev := range gold.Events {
		ids := map[string]bool{}
		ok := true
		for _, m := range ev.Mentions {
			hits := at(m)
			if len(hits) == 0 {
				ids[""] = true
				continue
			}
			want := ev.Date
			if m.Date != "" {
				want = m.Date
			}
			for _, h := range hits {
				ids[h["event"]] = true
				if h["value"] != want && !(h["date"] <= want && want < h["until"]) {
					ok = false
					t.Errorf("event %s: %s %q dated %s, want %s", ev.ID, m.Doc, m.Quote, h["value"], want)
				}
			}
		}
		if len(ids) != 1 || ids[""] {
			ok = false
			t.Errorf("event %s not merged into one event: ids %v", ev.ID, slices.Sorted(maps.Keys(ids)))
		} else {
			for id := range ids {
				if got := eventWhen[id].TIMEX(); got != ev.Date {
					ok = false
					t.Errorf("event %s (%s) has consensus date %q, want %s", ev.ID, id, got, ev.Date)
				}
			}
		}
		if ok {
			eventsOK++
		}
	}

	// Conflicts.
	var conflicts []struct {
		ID    string `json:"id"`
		Kind  string `json:"kind"`
		Sides []struct {
			Source     string `json:"source"`
			Start, End int
		} `json:"sides"`
	}
	if err := json.Unmarshal(runCLI(t, "conflicts", "--format", "json"), &conflicts); err != nil {
		t.Fatalf("conflicts json: %v", err)
	}
	hitsSide := func(ci int, q goldQuote) bool {
		s, e := locate(t, bodies, q)
		for _, sd := range conflicts[ci].Sides {
			if sd.Source == q.Doc && sd.Start < e && s < sd.End {
				return true
			}
		}
		return false
	}
	// The kind each gold conflict must carry: the follow-up meeting is a
	// date disagreement (or, read as a plan that moved, an update); the war's
	// length is a duration against a date.
	wantKind := map[string][]string{
		"follow-up-meeting-date": {"date", "updated"},
		"war-length":             {"duration"},
	}
	conflictsOK := 0
	for _, gc := range gold.Conflicts {
		found := false
		for ci := range conflicts {
			vals := map[string]bool{}
			for _, sd := range gc.Sides {
				if hitsSide(ci, sd) {
					vals[sd.Date+sd.Duration] = true
				}
			}
			if len(vals) >= 2 {
				found = true
				if want := wantKind[gc.ID]; want != nil && !slices.Contains(want, conflicts[ci].Kind) {
					t.Errorf("conflict %s flagged as kind %q, want one of %v", gc.ID, conflicts[ci].Kind, want)
				}
			}
		}
		if found {
			conflictsOK++
		} else {
			t.Errorf("conflict %s not flagged", gc.ID)
		}
	}
	falseFlags := 0
	for _, nc := range gold.NotConflicts {
		for ci := range conflicts {
			n := 0
			for _, q := range nc.Quotes {
				if hitsSide(ci, q) {
					n++
				}
			}
			if n >= min(2, len(nc.Quotes)) {
				falseFlags++
				t.Errorf("false conflict %s: %s", conflicts[ci].ID, nc.Summary)
				break
			}
		}
	}
	t.Logf("seeds: timex %d/%d required right, optional %d/%d right; events merged %d/%d; conflicts %d/%d; false flags %d; boilerplate leaks %d",
		requiredOK, required, optOK, optFound, eventsOK, len(gold.Events), conflictsOK, len(gold.Conflicts), falseFlags, leaks)
}

// seedTimeline builds the seeds' timeline in-process, as the commands do.
func seedTimeline(t *testing.T) *timeline.Timeline {
	t.Helper()
	var arts []parse.Article
	names, _ := fs.Glob(seeds.FS(), "*.txt")
	for _, n := range names {
		data, _ := fs.ReadFile(seeds.FS(), n)
		a, err := parse.ReadArticle(n, data, parse.ReadOptions{})
		if err != nil {
			t.Fatal(err)
		}
		arts = append(arts, a)
	}
	tl, err := timeline.Build(context.Background(), parse.NewExtractor(parse.Options{}), slices.Values(arts), timeline.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return tl
}
