package parse

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"sort"
	"strings"
	"testing"
	"time"
)

var meantimeErrors = flag.Bool("meantime.errors", false, "log every miss, spurious match and wrong value on the MEANTIME dev set")

type mtTimex struct {
	Start, End        int
	Text, Type, Value string
	IsDCT             bool `json:"is_dct"`
}

type mtDoc struct {
	ID, Topic, Title, Text, URL string
	DCT                         string `json:"dct"`
	Timexes                     []mtTimex
	AnnotatedEnd                int `json:"annotated_end"`
}

const meantimeDev = "../testdata/meantime/dev.jsonl"

func loadMeantime(tb testing.TB) []mtDoc {
	tb.Helper()
	f, err := os.Open(meantimeDev)
	if err != nil {
		tb.Fatalf("dev data missing: %v", err)
	}
	defer f.Close()
	var docs []mtDoc
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<24)
	for sc.Scan() {
		var d mtDoc
		if err := json.Unmarshal(sc.Bytes(), &d); err != nil {
			tb.Fatal(err)
		}
		docs = append(docs, d)
	}
	if err := sc.Err(); err != nil {
		tb.Fatal(err)
	}
	return docs
}

// byteOffsets maps code-point offsets to byte offsets.
func byteOffsets(text string) []int {
	b := make([]int, 0, len(text)+1)
	for i := range text {
		b = append(b, i)
	}
	return append(b, len(text))
}

// mtArticle builds the article of a dev document: DCT as a date-only
// publication day in UTC.
func mtArticle(tb testing.TB, d mtDoc) Article {
	pub, err := time.ParseInLocation("2006-01-02", d.DCT, time.UTC)
	if err != nil {
		tb.Fatalf("%s: bad dct %q", d.ID, d.DCT)
	}
	return Article{Source: d.ID, Published: pub, DateOnly: true, Loc: time.UTC, Body: d.Text}
}

// mtScore holds TempEval-3 style timex counts.
type mtScore struct {
	gold, sys       int
	strict, relaxed int // matched pairs
	valueOK, typeOK int // among relaxed matches
	errs            []string
}

func (s mtScore) prf(tp int) (p, r, f float64) {
	if s.sys > 0 {
		p = float64(tp) / float64(s.sys)
	}
	if s.gold > 0 {
		r = float64(tp) / float64(s.gold)
	}
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	return 100 * p, 100 * r, 100 * f
}

// scoreMeantime tags every dev document and compares the annotated region
// with the gold timexes: strict = same span; relaxed = overlapping spans;
// value F1 counts relaxed matches whose value is right (TempEval-3).
func scoreMeantime(tb testing.TB, x *Extractor, docs []mtDoc) mtScore {
	var s mtScore
	for _, d := range docs {
		bo := byteOffsets(d.Text)
		end := bo[min(d.AnnotatedEnd, len(bo)-1)]
		a := mtArticle(tb, d)
		var sys []Mention
		for _, m := range x.Extract(&a) {
			if m.Span.End <= end {
				sys = append(sys, m)
			}
		}
		type g struct {
			s, e int
			t    mtTimex
		}
		var gold []g
		for _, t := range d.Timexes {
			if t.End <= d.AnnotatedEnd {
				gold = append(gold, g{bo[t.Start], bo[t.End], t})
			}
		}
		s.gold += len(gold)
		s.sys += len(sys)
		used := make([]bool, len(sys))
		ctx := func(a, b int) string {
			lo, hi := max(0, a-30), min(len(d.Text), b+30)
			return strings.ReplaceAll(d.Text[lo:a]+"["+d.Text[a:b]+"]"+d.Text[b:hi], "\n", "|")
		}
		for _, gg := range gold {
			best := -1
			for i, m := range sys {
				if used[i] || m.Span.End <= gg.s || m.Span.Start >= gg.e {
					continue
				}
				if best < 0 || (m.Span.Start == gg.s && m.Span.End == gg.e) {
					best = i
				}
			}
			if best < 0 {
				s.errs = append(s.errs, fmt.Sprintf("MISS  %s %-9s %-14s %s", d.ID, gg.t.Type, gg.t.Value, ctx(gg.s, gg.e)))
				continue
			}
			used[best] = true
			m := sys[best]
			s.relaxed++
			if m.Span.Start == gg.s && m.Span.End == gg.e {
				s.strict++
			} else {
				s.errs = append(s.errs, fmt.Sprintf("SPAN  %s gold %q sys %q   %s", d.ID, gg.t.Text, m.Text, ctx(gg.s, gg.e)))
			}
			if m.TIMEX == gg.t.Value {
				s.valueOK++
			} else {
				s.errs = append(s.errs, fmt.Sprintf("VALUE %s %q gold %s sys %s (%s, %s %s)  %s", d.ID, gg.t.Text, gg.t.Value, m.TIMEX, m.Rule, m.Tense, m.Signal, ctx(gg.s, gg.e)))
			}
			if strings.EqualFold(m.Kind.TIMEX3Type(), gg.t.Type) {
				s.typeOK++
			}
		}
		for i, m := range sys {
			if !used[i] {
				s.errs = append(s.errs, fmt.Sprintf("SPUR  %s %s %s (%s)  %s", d.ID, m.Kind.TIMEX3Type(), m.TIMEX, m.Rule, ctx(m.Span.Start, m.Span.End)))
			}
		}
	}
	sort.Strings(s.errs)
	return s
}

// Floors: raised as the tagger improves; the target is 85/85.
const (
	floorStrictF1 = 91.0
	floorValueF1  = 86.0
)

func TestMeantimeDev(t *testing.T) {
	docs := loadMeantime(t)
	if len(docs) != 60 {
		t.Fatalf("got %d dev documents, want 60", len(docs))
	}
	x := NewExtractor(Options{})
	s := scoreMeantime(t, x, docs)
	sp, sr, sf := s.prf(s.strict)
	rp, rr, rf := s.prf(s.relaxed)
	vp, vr, vf := s.prf(s.valueOK)
	t.Logf("MEANTIME dev: gold %d, system %d", s.gold, s.sys)
	t.Logf("strict  P %.1f R %.1f F1 %.1f", sp, sr, sf)
	t.Logf("relaxed P %.1f R %.1f F1 %.1f", rp, rr, rf)
	t.Logf("value   P %.1f R %.1f F1 %.1f (value accuracy %.1f%%, type accuracy %.1f%% of relaxed matches)", vp, vr, vf, 100*float64(s.valueOK)/float64(max(1, s.relaxed)), 100*float64(s.typeOK)/float64(max(1, s.relaxed)))
	if *meantimeErrors {
		for _, e := range s.errs {
			t.Log(e)
		}
	}
	if sf < floorStrictF1 {
		t.Errorf("strict F1 %.1f below floor %.1f", sf, floorStrictF1)
	}
	if vf < floorValueF1 {
		t.Errorf("value F1 %.1f below floor %.1f", vf, floorValueF1)
	}
}
