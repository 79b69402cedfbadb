package timeline

import (
	"context"
	"fmt"
	"maps"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"gopkg.in/yaml.v3"

	"chronicle/parse"
)

// The story tests run Merge on articles whose temporal expressions are
// given by a gold file (the seeds' gold.yaml format, plus `tense` and
// `mod` per timex and `kind` per conflict), so merging and conflict
// detection are tested apart from the tagger.

type goldFile struct {
	Timexes      []goldTimex    `yaml:"timexes"`
	Events       []goldEvent    `yaml:"events"`
	Conflicts    []goldConflict `yaml:"conflicts"`
	NotConflicts []goldNot      `yaml:"not_conflicts"`
}

type goldTimex struct {
	Doc         string `yaml:"doc"`
	Quote       string `yaml:"quote"`
	Text        string `yaml:"text"`
	Value       string `yaml:"value"`
	Tense       string `yaml:"tense"`
	Mod         string `yaml:"mod"`
	Optional    bool   `yaml:"optional"`
	Boilerplate bool   `yaml:"boilerplate"`
}

type goldRef struct {
	Doc   string `yaml:"doc"`
	Quote string `yaml:"quote"`
	Date  string `yaml:"date"`
}

type goldEvent struct {
	ID       string    `yaml:"id"`
	Date     string    `yaml:"date"`
	Mentions []goldRef `yaml:"mentions"`
}

type goldConflict struct {
	ID    string    `yaml:"id"`
	Kind  string    `yaml:"kind"`
	Sides []goldRef `yaml:"sides"`
}

type goldNot struct {
	Summary string    `yaml:"summary"`
	Quotes  []goldRef `yaml:"quotes"`
}

// story is a directory of articles with their gold.
type story struct {
	arts map[string]*parse.Article
	gold goldFile
}

func loadStory(t *testing.T, dir, goldPath string) *story {
	t.Helper()
	st := &story{arts: map[string]*parse.Article{}}
	raw, err := os.ReadFile(goldPath)
	if err != nil {
		t.Fatal(err)
	}
	if err := yaml.Unmarshal(raw, &st.gold); err != nil {
		t.Fatalf("%s: %v", goldPath, err)
	}
	files, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no articles in %s", dir)
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		a, err := parse.ReadArticle(filepath.Base(f), data, parse.ReadOptions{})
		if err != nil {
			t.Fatal(err)
		}
		st.arts[a.Source] = &a
	}
	return st
}

// locate returns the byte span of quote (or text inside it) in the body.
func (st *story) locate(t *testing.T, doc, quote, text string) parse.Span {
	t.Helper()
	a := st.arts[doc]
	if a == nil {
		t.Fatalf("gold names unknown doc %s", doc)
	}
	i := strings.Index(a.Body, quote)
	if i < 0 || strings.Count(a.Body, quote) != 1 {
		t.Fatalf("%s: quote %q not found exactly once", doc, quote)
	}
	if text == "" {
		return parse.Span{Start: i, End: i + len(quote)}
	}
	j := strings.Index(quote, text)
	if j < 0 {
		t.Fatalf("%s: text %q not in quote %q", doc, text, quote)
	}
	return parse.Span{Start: i + j, End: i + j + len(text)}
}

// sentenceAround returns the sentence containing sp: split at line breaks
// and at ". ", "? ", "! " after a lower-case word or a closing quote.
func sentenceAround(body string, sp parse.Span) parse.Span {
	isEnd := func(i int) bool { // a sentence ends after body[i]
		if body[i] == '\n' {
			return true
		}
		if (body[i] == '.' || body[i] == '?' || body[i] == '!') && i+1 < len(body) && body[i+1] == ' ' && i > 1 {
			prev := body[i-1]
			return prev >= 'a' && prev <= 'z' || prev == '"' || prev >= '0' && prev <= '9'
		}
		return false
	}
	s := sp.Start
	for s > 0 && !isEnd(s-1) {
		s--
	}
	for s < sp.Start && body[s] == ' ' {
		s++
	}
	e := sp.End
	for e < len(body) && !isEnd(e) {
		e++
	}
	if e < len(body) && body[e] != '\n' {
		e++
	}
	return parse.Span{Start: s, End: e}
}

var (
	reDay   = regexp.MustCompile(`^(\d{4})-(\d\d)-(\d\d)$`)
	reMonth = regexp.MustCompile(`^(\d{4})-(\d\d)$`)
	reWeek  = regexp.MustCompile(`^(\d{4})-W(\d\d)$`)
	reYear  = regexp.MustCompile(`^(\d{4})$`)
	reDur   = regexp.MustCompile(`^P(T?)([\d.]+)([YMWDH])$`)
)

// valueOf turns a TIMEX3 value into a parse.Value in loc.
func valueOf(t *testing.T, v string, loc *time.Location) parse.Value {
	t.Helper()
	atoi := func(s string) int { n, _ := strconv.Atoi(s); return n }
	switch {
	case reDay.MatchString(v):
		m := reDay.FindStringSubmatch(v)
		s := time.Date(atoi(m[1]), time.Month(atoi(m[2])), atoi(m[3]), 0, 0, 0, 0, loc)
		return parse.Value{Kind: parse.KindDate, TIMEX: v, When: parse.Interval{Start: s, End: s.AddDate(0, 0, 1), Gran: parse.GranDay}}
	case reMonth.MatchString(v):
		m := reMonth.FindStringSubmatch(v)
		s := time.Date(atoi(m[1]), time.Month(atoi(m[2])), 1, 0, 0, 0, 0, loc)
		return parse.Value{Kind: parse.KindDate, TIMEX: v, When: parse.Interval{Start: s, End: s.AddDate(0, 1, 0), Gran: parse.GranMonth}}
	case reWeek.MatchString(v):
		m := reWeek.FindStringSubmatch(v)
		jan4 := time.Date(atoi(m[1]), 1, 4, 0, 0, 0, 0, loc)
		wd := (int(jan4.Weekday()) + 6) % 7
		s := jan4.AddDate(0, 0, -wd+7*(atoi(m[2])-1))
		return parse.Value{Kind: parse.KindDate, TIMEX: v, When: parse.Interval{Start: s, End: s.AddDate(0, 0, 7), Gran: parse.GranWeek}}
	case reYear.MatchString(v):
		s := time.Date(atoi(v), 1, 1, 0, 0, 0, 0, loc)
		return parse.Value{Kind: parse.KindDate, TIMEX: v, When: parse.Interval{Start: s, End: s.AddDate(1, 0, 0), Gran: parse.GranYear}}
	case reDur.MatchString(v):
		m := reDur.FindStringSubmatch(v)
		amt, _ := strconv.ParseFloat(m[2], 64)
		unit := map[string]parse.Granularity{"Y": parse.GranYear, "M": parse.GranMonth, "W": parse.GranWeek, "D": parse.GranDay, "H": parse.GranHour}[m[3]]
		if m[1] == "T" && m[3] == "M" {
			unit = parse.GranMinute
		}
		return parse.Value{Kind: parse.KindDuration, TIMEX: v, Dur: parse.Duration{Amount: amt, Unit: unit}}
	case strings.HasPrefix(v, "XXXX"):
		return parse.Value{Kind: parse.KindSet, TIMEX: v}
	}
	return parse.Value{Kind: parse.KindDate, TIMEX: v}
}

// futureCue is a crude clause-level future test for gold files that give
// no tense.
var futureCue = regexp.MustCompile(`\b(will|'ll|shall|would|due to|set to|scheduled to|expected to|plans? to|are to|is to|could|as soon as|until|ahead of)\b`)

// docs builds the tagged documents from the gold timexes.
func (st *story) docs(t *testing.T) []Doc {
	t.Helper()
	byDoc := map[string][]parse.Mention{}
	for _, tx := range st.gold.Timexes {
		a := st.arts[tx.Doc]
		sp := st.locate(t, tx.Doc, tx.Quote, tx.Text)
		sent := sentenceAround(a.Body, sp)
		m := parse.Mention{Text: a.Body[sp.Start:sp.End], Span: sp, Sentence: sent, Value: valueOf(t, tx.Value, a.Loc), Furniture: tx.Boilerplate}
		m.Mod = tx.Mod
		switch tx.Tense {
		case "past":
			m.Tense = parse.TensePast
		case "future":
			m.Tense = parse.TenseFuture
		case "present":
			m.Tense = parse.TensePresent
		case "":
			pd := a.PubDay()
			switch {
			case !m.When.IsZero() && !m.When.Start.Before(pd.End):
				m.Tense = parse.TenseFuture
			case futureCue.MatchString(a.Body[sent.Start:sp.Start]):
				m.Tense = parse.TenseFuture
			case !m.When.IsZero() && !m.When.End.After(pd.Start):
				m.Tense = parse.TensePast
			}
		default:
			t.Fatalf("unknown tense %q", tx.Tense)
		}
		byDoc[tx.Doc] = append(byDoc[tx.Doc], m)
	}
	var out []Doc
	for _, name := range slices.Sorted(maps.Keys(st.arts)) {
		ms := byDoc[name]
		slices.SortFunc(ms, func(a, b parse.Mention) int { return a.Span.Start - b.Span.Start })
		out = append(out, NewDoc(st.arts[name], ms))
	}
	return out
}

// at returns the mentions of tl overlapping a gold reference.
func (st *story) at(t *testing.T, tl *Timeline, r goldRef) []int {
	t.Helper()
	sp := st.locate(t, r.Doc, r.Quote, "")
	var out []int
	for i, m := range tl.Mentions {
		if tl.Sources[m.Doc].Source == r.Doc && m.Span.Start < sp.End && sp.Start < m.Span.End {
			out = append(out, i)
		}
	}
	return out
}

// check scores a timeline against the story's gold the way goldcheck.py
// does, and returns the failures.
func (st *story) check(t *testing.T, tl *Timeline) []string {
	t.Helper()
	var fails []string
	evByID := map[string]Event{}
	for _, e := range tl.Events {
		evByID[e.ID] = e
	}
	for _, ge := range st.gold.Events {
		ids := map[string]bool{}
		for _, r := range ge.Mentions {
			ms := st.at(t, tl, r)
			if len(ms) == 0 {
				ids[""] = true
			}
			for _, i := range ms {
				ids[tl.Mentions[i].Event] = true
			}
		}
		if len(ids) != 1 || ids[""] {
			fails = append(fails, fmt.Sprintf("event %s not merged: %v", ge.ID, slices.Sorted(maps.Keys(ids))))
			continue
		}
		for id := range ids {
			if got := tl.Mentions[st.at(t, tl, ge.Mentions[0])[0]].TIMEX; ge.Date != "" && evByID[id].When.IsZero() {
				fails = append(fails, fmt.Sprintf("event %s has no date (first mention %s)", ge.ID, got))
			} else if ge.Date != "" && !sameDate(evByID[id].When, ge.Date) {
				fails = append(fails, fmt.Sprintf("event %s dated %s, want %s", ge.ID, evByID[id].When, ge.Date))
			}
		}
	}
	sideHits := func(c Conflict, r goldRef) bool {
		for _, i := range st.at(t, tl, r) {
			for _, s := range c.Sides {
				if s.Mention == i {
					return true
				}
			}
		}
		return false
	}
	for _, gc := range st.gold.Conflicts {
		ok := false
		for _, c := range tl.Conflicts {
			vals := map[string]bool{}
			for _, r := range gc.Sides {
				if sideHits(c, r) {
					vals[r.Date] = true
				}
			}
			if len(vals) >= 2 && (gc.Kind == "" || gc.Kind == c.Kind) {
				ok = true
			}
		}
		if !ok {
			fails = append(fails, "conflict not flagged: "+gc.ID+" (kind "+gc.Kind+")")
		}
	}
	for _, nc := range st.gold.NotConflicts {
		for _, c := range tl.Conflicts {
			k := 0
			for _, r := range nc.Quotes {
				if sideHits(c, r) {
					k++
				}
			}
			if k >= min(2, len(nc.Quotes)) {
				fails = append(fails, "false conflict "+c.ID+": "+nc.Summary)
				break
			}
		}
	}
	return fails
}

// sameDate compares an interval with a gold TIMEX date by its label.
func sameDate(iv parse.Interval, want string) bool {
	switch iv.Gran {
	case parse.GranDay:
		return iv.Start.Format("2006-01-02") == want
	case parse.GranMonth:
		return iv.Start.Format("2006-01") == want
	case parse.GranYear:
		return iv.Start.Format("2006") == want
	case parse.GranWeek:
		y, w := iv.Start.ISOWeek()
		return fmt.Sprintf("%d-W%02d", y, w) == want
	}
	return false
}

// stories lists the test stories: the seeds and the ones in testdata/stories.
func stories(t *testing.T) map[string][2]string {
	out := map[string][2]string{"seeds": {"../seeds", "../testdata/seeds-gold.yaml"}}
	dirs, err := filepath.Glob("../testdata/stories/*/gold.yaml")
	if err != nil {
		t.Fatal(err)
	}
	for _, g := range dirs {
		out[filepath.Base(filepath.Dir(g))] = [2]string{filepath.Dir(g), g}
	}
	return out
}

func TestStories(t *testing.T) {
	all := stories(t)
	if len(all) < 4 {
		t.Fatalf("want the seeds and at least three stories, have %d", len(all))
	}
	for _, name := range slices.Sorted(maps.Keys(all)) {
		t.Run(name, func(t *testing.T) {
			st := loadStory(t, all[name][0], all[name][1])
			tl, err := Merge(context.Background(), st.docs(t))
			if err != nil {
				t.Fatal(err)
			}
			for _, f := range st.check(t, tl) {
				t.Error(f)
			}
			if t.Failed() || testing.Verbose() {
				dumpTimeline(t, tl)
			}
		})
	}
}

// TestMergeOrderIndependent shuffles the articles: events, IDs and
// conflicts must come out the same.
func TestMergeOrderIndependent(t *testing.T) {
	all := stories(t)
	for _, name := range slices.Sorted(maps.Keys(all)) {
		t.Run(name, func(t *testing.T) {
			st := loadStory(t, all[name][0], all[name][1])
			docs := st.docs(t)
			want := fingerprint(t, docs)
			r := rand.New(rand.NewPCG(1, 2))
			for k := range 5 {
				sh := slices.Clone(docs)
				r.Shuffle(len(sh), func(i, j int) { sh[i], sh[j] = sh[j], sh[i] })
				if got := fingerprint(t, sh); got != want {
					t.Fatalf("shuffle %d changed the result:\n%s\nwant\n%s", k, got, want)
				}
			}
		})
	}
}

// fingerprint prints events and conflicts in terms of sources and
// offsets, not mention indexes.
func fingerprint(t *testing.T, docs []Doc) string {
	t.Helper()
	tl, err := Merge(context.Background(), slices.Clone(docs))
	if err != nil {
		t.Fatal(err)
	}
	ref := func(i int) string {
		m := tl.Mentions[i]
		return fmt.Sprintf("%s@%d", tl.Sources[m.Doc].Source, m.Span.Start)
	}
	var lines []string
	for _, e := range tl.Events {
		var ms []string
		for _, i := range e.Mentions {
			ms = append(ms, ref(i))
		}
		slices.Sort(ms)
		lines = append(lines, fmt.Sprintf("event %s %s %q support=%d outlets=%v %v conflicts=%v", e.ID, e.When, e.Label, e.Support, e.Outlets, ms, e.Conflict))
	}
	for _, c := range tl.Conflicts {
		var ss []string
		for _, s := range c.Sides {
			ss = append(ss, ref(s.Mention))
		}
		slices.Sort(ss)
		lines = append(lines, fmt.Sprintf("conflict %s %s %s %v %s", c.ID, c.Event, c.Kind, ss, c.Summary))
	}
	return strings.Join(lines, "\n")
}

func dumpTimeline(t *testing.T, tl *Timeline) {
	t.Helper()
	for _, e := range tl.Events {
		t.Logf("event %s %s %q support=%d", e.ID, e.When, e.Label, e.Support)
		for _, i := range e.Mentions {
			m := tl.Mentions[i]
			t.Logf("    %-22s %-12s %q  | %.90s", tl.Sources[m.Doc].Source, m.TIMEX, m.Text, m.Sentence)
		}
	}
	for _, c := range tl.Conflicts {
		t.Logf("conflict %s [%s]: %s", c.ID, c.Kind, c.Summary)
	}
}
