package tempeval

import (
	"fmt"
	"io"
	"maps"
	"slices"
	"strings"
	"unicode/utf8"
)

// Counts are the raw numbers behind [Figures]. Counts on the gold side
// (recall) and on the system side (precision) differ only when figures
// are split by type: a gold DATE may be matched by a system DURATION.
type Counts struct {
	Gold   int `json:"gold"`   // gold timexes
	System int `json:"system"` // system timexes (inside the annotated region)
	// Matches counted by the gold timex's type (for recall) and by the
	// system timex's type (for precision).
	StrictGold  int `json:"strict_gold"`
	StrictSys   int `json:"strict_system"`
	RelaxedGold int `json:"relaxed_gold"`
	RelaxedSys  int `json:"relaxed_system"`
	TypeOK      int `json:"type_ok"`         // relaxed matches with the right type (by gold type)
	ValueOKGold int `json:"value_ok_gold"`   // relaxed matches with the right value (by gold type)
	ValueOKSys  int `json:"value_ok_system"` // the same, by system type
}

// Figures are the TempEval-3 timex figures, in percent.
type Figures struct {
	Counts
	StrictP   float64 `json:"strict_p"`
	StrictR   float64 `json:"strict_r"`
	StrictF1  float64 `json:"strict_f1"`
	RelaxedP  float64 `json:"relaxed_p"`
	RelaxedR  float64 `json:"relaxed_r"`
	RelaxedF1 float64 `json:"relaxed_f1"`
	// TypeAcc and ValueAcc are over the relaxed matches.
	TypeAcc  float64 `json:"type_accuracy"`
	ValueAcc float64 `json:"value_accuracy"`
	// ValueP, ValueR and ValueF1 are the TempEval-3 "value F1": a system
	// timex counts when it overlaps a gold timex and has its value
	// (P = right values / system timexes, R = right values / gold
	// timexes). Overall it equals RelaxedF1 × ValueAcc.
	ValueP  float64 `json:"value_p"`
	ValueR  float64 `json:"value_r"`
	ValueF1 float64 `json:"value_f1"`
}

// TypeFigures are the figures of one TIMEX3 type.
type TypeFigures struct {
	Type string `json:"type"`
	Figures
}

// Error kinds.
const (
	Missed   = "missed"   // a gold timex no system timex overlaps
	Spurious = "spurious" // a system timex that overlaps no gold timex
	Value    = "value"    // matched, wrong value
	Extent   = "extent"   // matched, but not with the same boundaries
	Type     = "type"     // matched, wrong type
)

// Error is one disagreement with the gold.
type Error struct {
	Doc     string `json:"doc"`
	Kind    string `json:"kind"`
	Gold    *Timex `json:"gold,omitempty"`
	System  *Timex `json:"system,omitempty"`
	Context string `json:"context"` // the text around, the expression in [brackets]
}

// Report is the result of [Score].
type Report struct {
	Docs    int           `json:"docs"`
	Overall Figures       `json:"overall"`
	Types   []TypeFigures `json:"types"` // sorted by type name
	Errors  []Error       `json:"errors"`
}

// Score compares predictions (by Doc.ID) with the gold of docs the way
// the TempEval-3 toolkit scores timexes: a strict match has the same
// boundaries, a relaxed match overlaps. Each gold timex is matched with
// at most one system timex and the other way round: gold timexes are
// taken in text order, each with the free overlapping system timex that
// shares the most bytes with it (an exact match first). Type and value
// accuracy are over relaxed matches; values compare as strings.
// Predictions starting at or after Doc.AnnotatedEnd, or outside the
// text, are dropped. Per-type figures count recall by the gold type and
// precision by the system type.
func Score(docs []Doc, predictions map[string][]Timex) Report {
	r := Report{Docs: len(docs)}
	var all Counts
	byType := map[string]*Counts{}
	typ := func(t string) *Counts {
		if t == "" {
			t = "NONE"
		}
		c, ok := byType[t]
		if !ok {
			c = &Counts{}
			byType[t] = c
		}
		return c
	}
	for _, d := range docs {
		var sys []Timex
		for _, p := range predictions[d.ID] {
			if p.Start < 0 || p.End > len(d.Text) || p.End <= p.Start || p.Start >= d.AnnotatedEnd {
				continue
			}
			sys = append(sys, p)
		}
		sortTimexes(sys)
		gold := d.Gold
		all.Gold += len(gold)
		all.System += len(sys)
		for _, g := range gold {
			typ(g.Type).Gold++
		}
		for _, s := range sys {
			typ(s.Type).System++
		}
		match := matchTimexes(gold, sys)
		used := make([]bool, len(sys))
		for gi, si := range match {
			g := gold[gi]
			if si < 0 {
				r.Errors = append(r.Errors, Error{Doc: d.ID, Kind: Missed, Gold: &gold[gi], Context: context(d.Text, g.Start, g.End)})
				continue
			}
			used[si] = true
			s := sys[si]
			gc, sc := typ(g.Type), typ(s.Type)
			all.RelaxedGold++
			all.RelaxedSys++
			gc.RelaxedGold++
			sc.RelaxedSys++
			if s.Start == g.Start && s.End == g.End {
				all.StrictGold++
				all.StrictSys++
				gc.StrictGold++
				sc.StrictSys++
			} else {
				r.Errors = append(r.Errors, Error{Doc: d.ID, Kind: Extent, Gold: &gold[gi], System: &sys[si], Context: context(d.Text, g.Start, g.End)})
			}
			if s.Type == g.Type {
				all.TypeOK++
				gc.TypeOK++
			} else {
				r.Errors = append(r.Errors, Error{Doc: d.ID, Kind: Type, Gold: &gold[gi], System: &sys[si], Context: context(d.Text, g.Start, g.End)})
			}
			if s.Value == g.Value {
				all.ValueOKGold++
				all.ValueOKSys++
				gc.ValueOKGold++
				sc.ValueOKSys++
			} else {
				r.Errors = append(r.Errors, Error{Doc: d.ID, Kind: Value, Gold: &gold[gi], System: &sys[si], Context: context(d.Text, g.Start, g.End)})
			}
		}
		for si, u := range used {
			if !u {
				r.Errors = append(r.Errors, Error{Doc: d.ID, Kind: Spurious, System: &sys[si], Context: context(d.Text, sys[si].Start, sys[si].End)})
			}
		}
	}
	r.Overall = figures(all)
	for _, t := range slices.Sorted(maps.Keys(byType)) {
		r.Types = append(r.Types, TypeFigures{Type: t, Figures: figures(*byType[t])})
	}
	return r
}

// matchTimexes returns, for each gold timex, the index of its system
// match or -1. Both slices are sorted by Start.
func matchTimexes(gold, sys []Timex) []int {
	match := make([]int, len(gold))
	used := make([]bool, len(sys))
	lo := 0
	for gi, g := range gold {
		match[gi] = -1
		for lo < len(sys) && sys[lo].End <= g.Start {
			lo++
		}
		best, bestOv, bestExact := -1, 0, false
		for si := lo; si < len(sys) && sys[si].Start < g.End; si++ {
			s := sys[si]
			if used[si] || s.End <= g.Start {
				continue
			}
			ov := min(s.End, g.End) - max(s.Start, g.Start)
			exact := s.Start == g.Start && s.End == g.End
			if ov > bestOv || (ov == bestOv && exact && !bestExact) {
				best, bestOv, bestExact = si, ov, exact
			}
		}
		if best >= 0 {
			used[best] = true
			match[gi] = best
		}
	}
	return match
}

func pct(n, d int) float64 {
	if d == 0 {
		return 0
	}
	return 100 * float64(n) / float64(d)
}

func f1(p, r float64) float64 {
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

func figures(c Counts) Figures {
	f := Figures{Counts: c}
	f.StrictP, f.StrictR = pct(c.StrictSys, c.System), pct(c.StrictGold, c.Gold)
	f.StrictF1 = f1(f.StrictP, f.StrictR)
	f.RelaxedP, f.RelaxedR = pct(c.RelaxedSys, c.System), pct(c.RelaxedGold, c.Gold)
	f.RelaxedF1 = f1(f.RelaxedP, f.RelaxedR)
	f.TypeAcc = pct(c.TypeOK, c.RelaxedGold)
	f.ValueAcc = pct(c.ValueOKGold, c.RelaxedGold)
	f.ValueP, f.ValueR = pct(c.ValueOKSys, c.System), pct(c.ValueOKGold, c.Gold)
	f.ValueF1 = f1(f.ValueP, f.ValueR)
	return f
}

// context returns the line around text[s:e] (at most 60 bytes on each
// side, cut at rune boundaries) with the expression in brackets.
func context(text string, s, e int) string {
	a := max(0, s-60)
	if i := strings.LastIndexByte(text[a:s], '\n'); i >= 0 {
		a += i + 1
	}
	for a < s && !utf8.RuneStart(text[a]) {
		a++
	}
	b := min(len(text), e+60)
	if i := strings.IndexByte(text[e:b], '\n'); i >= 0 {
		b = e + i
	}
	for b > e && b < len(text) && !utf8.RuneStart(text[b]) {
		b--
	}
	var sb strings.Builder
	if a > 0 && text[a-1] != '\n' {
		sb.WriteString("…")
	}
	sb.WriteString(text[a:s])
	sb.WriteByte('[')
	sb.WriteString(text[s:e])
	sb.WriteByte(']')
	sb.WriteString(text[e:b])
	if b < len(text) && text[b] != '\n' {
		sb.WriteString("…")
	}
	return sb.String()
}

// WriteText prints the figures as a table, one row overall and one per
// type, and with errors set every error, one per line.
func (r Report) WriteText(w io.Writer, errors bool) error {
	var b strings.Builder
	fmt.Fprintf(&b, "TempEval-3 timex evaluation: %d documents, %d gold timexes, %d system timexes\n\n", r.Docs, r.Overall.Gold, r.Overall.System)
	fmt.Fprintf(&b, "%-9s %5s %5s | %6s %6s %6s | %6s %6s %6s | %6s %6s | %6s %6s %6s\n",
		"", "gold", "sys", "str-P", "str-R", "str-F1", "rel-P", "rel-R", "rel-F1", "type", "value", "val-P", "val-R", "val-F1")
	row := func(name string, f Figures) {
		fmt.Fprintf(&b, "%-9s %5d %5d | %6.2f %6.2f %6.2f | %6.2f %6.2f %6.2f | %6.2f %6.2f | %6.2f %6.2f %6.2f\n",
			name, f.Gold, f.System, f.StrictP, f.StrictR, f.StrictF1, f.RelaxedP, f.RelaxedR, f.RelaxedF1,
			f.TypeAcc, f.ValueAcc, f.ValueP, f.ValueR, f.ValueF1)
	}
	row("overall", r.Overall)
	for _, t := range r.Types {
		row(t.Type, t.Figures)
	}
	b.WriteString("\nstrict/relaxed: exact/overlapping extent; type, value: accuracy over relaxed matches;\nval-P/R/F1: relaxed match with the right value (TempEval-3 value F1)\n")
	if errors {
		counts := map[string]int{}
		for _, e := range r.Errors {
			counts[e.Kind]++
		}
		fmt.Fprintf(&b, "\n%d errors:", len(r.Errors))
		for _, k := range []string{Missed, Spurious, Value, Extent, Type} {
			fmt.Fprintf(&b, " %s %d", k, counts[k])
		}
		b.WriteString("\n")
		for _, e := range r.Errors {
			fmt.Fprintf(&b, "%s\t%s\t", e.Doc, e.Kind)
			switch e.Kind {
			case Missed:
				fmt.Fprintf(&b, "gold %s %s %q", e.Gold.Type, e.Gold.Value, e.Gold.Text)
			case Spurious:
				fmt.Fprintf(&b, "system %s %s %q", e.System.Type, e.System.Value, e.System.Text)
			default:
				fmt.Fprintf(&b, "gold %s %s %q, system %s %s %q", e.Gold.Type, e.Gold.Value, e.Gold.Text, e.System.Type, e.System.Value, e.System.Text)
			}
			fmt.Fprintf(&b, "\t%s\n", strings.ReplaceAll(e.Context, "\t", " "))
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}
