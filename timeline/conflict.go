package timeline

import (
	"cmp"
	"fmt"
	"maps"
	"math"
	"slices"
	"strings"
	"time"
	"unicode"

	"chronicle/parse"
)

// Conflict kinds.
const (
	KindDate     = "date"     // one event, two incompatible dates
	KindDuration = "duration" // a duration implies a start the dates contradict
	KindUpdated  = "updated"  // an earlier report's planned date, moved by a later report
)

// eventDraft is an event being assembled.
type eventDraft struct {
	Event
	baseID    string
	members   []int32 // item indexes, in provenance order
	consensus int32   // item giving the consensus date (-1: durations only)
	conflicts []*Conflict
}

// agencyNames are news agencies whose copy is republished under other
// mastheads.
var agencyNames = []string{"AFP", "Agence France-Presse", "Reuters", "AP", "Associated Press", "dpa", "ANSA", "EFE",
	"Xinhua", "TASS", "Interfax", "Anadolu", "Kyodo", "Yonhap", "PA Media", "UPI", "ANI", "PTI", "Bloomberg", "Bernama", "Antara"}

// agencyMask returns the agencies a document names in its outlet, title
// or dated sentences (those of its mentions ms), as bits over agencyNames.
func agencyMask(ms []Mention, src *Source) uint32 {
	// the texts joined by line breaks: a name is found between
	// non-letters in the whole exactly when it is in one of them
	var b strings.Builder
	b.WriteString(src.Outlet)
	b.WriteByte('\n')
	b.WriteString(src.Title)
	prev := ""
	for i := range ms {
		if s := ms[i].Sentence; s != prev {
			b.WriteByte('\n')
			b.WriteString(s)
			prev = s
		}
	}
	all := b.String()
	var out uint32
	for k, ag := range agencyNames {
		if containsWord(all, ag) {
			out |= 1 << k
		}
	}
	return out
}

// containsWord reports whether w occurs in s between non-letters.
func containsWord(s, w string) bool {
	for i := 0; ; {
		j := strings.Index(s[i:], w)
		if j < 0 {
			return false
		}
		j += i
		okL := j == 0 || !isLetterByte(s[j-1])
		okR := j+len(w) == len(s) || !isLetterByte(s[j+len(w)])
		if okL && okR {
			return true
		}
		i = j + 1
	}
}

func isLetterByte(b byte) bool {
	return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z'
}

// sentenceHash hashes a sentence's lower-case letters and digits (FNV-1a),
// so that copies differing in punctuation, quotes or spacing hash alike.
func sentenceHash(s string) uint64 {
	h := uint64(14695981039346656037)
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			h ^= uint64(unicode.ToLower(r))
			h *= 1099511628211
		}
	}
	return h
}

// wordSet returns the lower-case words of s, sorted, each once.
func wordSet(s string) []string {
	ws := strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	slices.Sort(ws)
	return slices.Compact(ws)
}

// jaccard is the Jaccard index of two word sets (see wordSet).
func jaccard(a, b []string) float64 {
	if len(a) == 0 || len(b) == 0 {
		return 0
	}
	n := 0
	for i, j := 0, 0; i < len(a) && j < len(b); {
		switch c := strings.Compare(a[i], b[j]); {
		case c < 0:
			i++
		case c > 0:
			j++
		default:
			n++
			i++
			j++
		}
	}
	return float64(n) / float64(len(a)+len(b)-n)
}

// copyGroups groups an event's documents into independent reports: two
// articles are one report when they name the same agency and tell the
// event in near-identical sentences, or print the same sentence.
func (mg *merger) copyGroups(members []int32) map[int]int {
	if len(members) == 1 {
		d := int(mg.items[members[0]].doc)
		return map[int]int{d: d}
	}
	var docs []int
	sents := map[int][][]string{}
	group := map[int]int{}
	var find func(int) int
	find = func(d int) int {
		for group[d] != d {
			d = group[d]
		}
		return d
	}
	union := func(a, b int) {
		ra, rb := find(a), find(b)
		if ra != rb {
			group[max(ra, rb)] = min(ra, rb)
		}
	}
	verbatim := map[uint64]int{} // hash of the normalised sentence → first doc printing it
	for _, ii := range members {
		it := &mg.items[ii]
		d := int(it.doc)
		if _, ok := group[d]; !ok {
			docs = append(docs, d)
			group[d] = d
		}
		h := it.shash
		if o, ok := verbatim[h]; ok && o != d {
			union(o, d)
		} else if !ok {
			verbatim[h] = d
		}
	}
	if len(docs) <= 64 {
		for _, ii := range members {
			it := &mg.items[ii]
			if d := int(it.doc); len(sents[d]) < 4 {
				sents[d] = append(sents[d], wordSet(mg.sentence(int(it.m))))
			}
		}
	}
	// near-identical sentences naming one agency; pairwise only for
	// events of a bounded number of articles
	if len(docs) <= 64 {
		for i, a := range docs {
			for _, b := range docs[i+1:] {
				best := 0.0
				for _, sa := range sents[a] {
					for _, sb := range sents[b] {
						best = math.Max(best, jaccard(sa, sb))
					}
				}
				same := best >= 0.85
				if !same && best >= 0.5 {
					same = mg.agencies[a]&mg.agencies[b] != 0 // one agency named by both
				}
				if same {
					union(a, b)
				}
			}
		}
	}
	for _, d := range docs {
		group[d] = find(d)
	}
	return group
}

// draft assembles one event from its items.
func (mg *merger) draft(members []int32) *eventDraft {
	ev := &eventDraft{members: members, consensus: -1}
	group := mg.copyGroups(members)
	outlets := map[string]bool{}
	reports := map[int]bool{}
	for _, ii := range members {
		it := &mg.items[ii]
		outlets[mg.tl.Sources[int(it.doc)].Outlet] = true
		reports[group[int(it.doc)]] = true
	}
	if !mg.slim {
		for o := range outlets {
			ev.Outlets = append(ev.Outlets, o)
		}
		slices.Sort(ev.Outlets)
	}
	ev.Support = len(reports)

	// consensus: the date compatible with the most independent reports;
	// ties go to the finer date, then the better supported, the earlier
	type val struct {
		item    int32
		reports map[int]bool
	}
	var vals []*val
	anySound := false
	for _, ii := range members {
		it := &mg.items[ii]
		anySound = anySound || !it.dur && !mg.suspect(it)
	}
	for _, ii := range members {
		it := &mg.items[ii]
		if it.dur || (anySound && mg.suspect(it)) {
			continue
		}
		var v *val
		for _, o := range vals {
			oi := &mg.items[o.item]
			if oi.fs == it.fs && oi.fe == it.fe && oi.gran() == it.gran() {
				v = o
			}
		}
		if v == nil {
			v = &val{item: ii, reports: map[int]bool{}}
			vals = append(vals, v)
		}
		v.reports[group[int(it.doc)]] = true
	}
	bestScore := -1
	var best *val
	for _, v := range vals {
		score := 0
		for _, o := range vals {
			if o == v || mg.compatible(&mg.items[v.item], &mg.items[o.item]) {
				score += len(o.reports)
			}
		}
		better := score > bestScore
		if score == bestScore && best != nil {
			a, b := &mg.items[v.item], &mg.items[best.item]
			switch {
			case a.gran() != b.gran():
				better = a.gran() < b.gran()
			case len(v.reports) != len(best.reports):
				better = len(v.reports) > len(best.reports)
			default:
				better = mg.compareItems(a, b) < 0
			}
		}
		if better {
			best, bestScore = v, score
		}
	}
	if best != nil {
		ev.consensus = best.item
		ev.When = mg.mention(int(mg.items[best.item].m)).When
	} else {
		// durations only: the implied start, approximately
		it := &mg.items[members[0]]
		m := mg.mention(int(it.m))
		loc := m.When.Loc()
		if src := &mg.tl.Sources[int(it.doc)]; !src.Published.IsZero() {
			loc = src.Published.Location()
		}
		f := it.from()
		s := time.Date(f.Year(), f.Month(), 1, 0, 0, 0, 0, loc)
		ev.When = parse.Interval{Start: s, End: s.AddDate(0, 1, 0), Gran: parse.GranMonth, Approx: true}
	}
	ev.Label, ev.baseID = mg.label(ev)
	if c := mg.durationConflict(ev); c != nil {
		ev.conflicts = append(ev.conflicts, c)
	}
	if c, latest := mg.dateConflict(ev); c != nil {
		ev.conflicts = append(ev.conflicts, c)
		if c.Kind == KindUpdated {
			// the latest report's date is the current one
			ev.consensus = latest
			ev.When = mg.mention(int(mg.items[latest].m)).When
		}
	}
	ev.Label, ev.baseID = mg.label(ev)
	return ev
}

// label names an event by its most common head predicate and names, and
// derives the base of its ID from the consensus date and that label.
func (mg *merger) label(ev *eventDraft) (string, string) {
	heads := map[uint32]int{}
	names := map[uint32]int{}
	for _, ii := range ev.members {
		it := &mg.items[ii]
		if it.head != 0 {
			heads[it.head]++
		}
		for _, n := range mg.names(it) {
			names[n]++
		}
	}
	top := func(m map[uint32]int, k int) []uint32 {
		keys := slices.Collect(maps.Keys(m))
		slices.SortFunc(keys, func(a, b uint32) int {
			if c := cmp.Compare(m[b], m[a]); c != 0 {
				return c
			}
			return cmp.Compare(mg.voc.words[a], mg.voc.words[b])
		})
		return keys[:min(k, len(keys))]
	}
	var parts []string
	for _, h := range top(heads, 1) {
		parts = append(parts, mg.voc.words[h][2:])
	}
	var shown []string
	for _, n := range top(names, 2) {
		shown = append(shown, mg.spelling(n))
	}
	label := strings.Join(parts, " ")
	if len(shown) > 0 {
		if label != "" {
			label += ": "
		}
		label += strings.Join(shown, ", ")
	}
	date := "undated"
	if ev.consensus >= 0 {
		date = mg.mention(int(mg.items[ev.consensus].m)).TIMEX
	} else if !ev.When.IsZero() {
		date = ev.When.Start.Format("2006-01") + "~"
	}
	return label, slug(date + " " + strings.Join(append(parts, shown...), " "))
}

// spelling returns the most frequent spelling of a folded name.
func (mg *merger) spelling(id uint32) string {
	best, bn := "", -1
	// the most frequent; ties: the first in byte order
	for _, sp := range mg.voc.show[id] {
		if sp.n > bn || sp.n == bn && sp.s < best {
			best, bn = sp.s, sp.n
		}
	}
	if best == "" {
		return mg.voc.words[id][2:]
	}
	return best
}

// slug lower-cases s to ASCII letters, digits and single hyphens.
func slug(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		if f, ok := foldRune[r]; ok {
			b.WriteString(f)
			dash = false
			continue
		}
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			b.WriteRune(r)
			dash = false
		} else if !dash && b.Len() > 0 {
			b.WriteByte('-')
			dash = true
		}
	}
	return strings.TrimSuffix(b.String(), "-")
}

// detectConflicts finds, for each event, the dates that contradict its
// consensus and the durations that contradict its dates.
func (mg *merger) detectConflicts(evs []*eventDraft) {
	tl := mg.tl
	byID := map[string]*eventDraft{}
	for _, ev := range evs {
		byID[ev.ID] = ev
	}
	for ei := range tl.Events {
		e := &tl.Events[ei]
		for _, c := range byID[e.ID].conflicts {
			c.ID = e.ID + "-" + c.Kind
			c.Event = e.ID
			e.Conflict = append(e.Conflict, c.ID)
			for _, s := range c.Sides {
				mg.addConflict(s.Mention, len(tl.Conflicts), c.ID)
			}
			tl.Conflicts = append(tl.Conflicts, *c)
		}
	}
}

// pubSpan is the span of time an article may have been published in: its
// instant, or its whole day when only the day is known.
func (mg *merger) pubSpan(doc int) (time.Time, time.Time) {
	src := &mg.tl.Sources[doc]
	p := src.Published
	if src.DateOnly {
		d := time.Date(p.Year(), p.Month(), p.Day(), 0, 0, 0, 0, p.Location())
		return d, d.AddDate(0, 0, 1)
	}
	return p, p
}

// dateConflict compares the event's dates with its consensus. For a plan
// that moved it also returns the item with the latest report's date.
func (mg *merger) dateConflict(ev *eventDraft) (*Conflict, int32) {
	if ev.consensus < 0 {
		return nil, -1
	}
	cons := &mg.items[ev.consensus]
	pins := mg.pinsOf(ev.members, cons)
	var groups [][]int32 // [0]: compatible with the consensus
	groups = append(groups, nil)
	for _, ii := range ev.members {
		it := &mg.items[ii]
		if it.dur || mg.suspect(it) {
			continue
		}
		if mg.compatible(cons, it) && !pins.misses(it) {
			groups[0] = append(groups[0], ii)
			continue
		}
		placed := false
		for g := 1; g < len(groups); g++ {
			if mg.compatible(&mg.items[groups[g][0]], it) {
				groups[g] = append(groups[g], ii)
				placed = true
				break
			}
		}
		if !placed {
			groups = append(groups, []int32{ii})
		}
	}
	if len(groups) < 2 {
		return nil, -1
	}
	// sides from at least two articles
	docs := map[int]bool{}
	for _, g := range groups {
		for _, ii := range g {
			docs[int(mg.items[ii].doc)] = true
		}
	}
	if len(docs) < 2 {
		return nil, -1
	}
	c := &Conflict{Kind: KindDate}
	// a plan that moved: the groups follow each other in publication
	// time, and every group but the last was a future date when printed
	ordered := slices.Clone(groups)
	// pubBounds returns the earliest and latest publication of a group.
	pubBounds := func(g []int32) (first, last time.Time) {
		for i, ii := range g {
			s, e := mg.pubSpan(int(mg.items[ii].doc))
			if i == 0 || s.Before(first) {
				first = s
			}
			if i == 0 || e.After(last) {
				last = e
			}
		}
		return first, last
	}
	first := func(g []int32) time.Time { f, _ := pubBounds(g); return f }
	slices.SortStableFunc(ordered, func(a, b []int32) int { return first(a).Compare(first(b)) })
	updated := true
	for k := 0; k+1 < len(ordered); k++ {
		if _, last := pubBounds(ordered[k]); last.After(first(ordered[k+1])) {
			updated = false
		}
		for _, ii := range ordered[k] {
			if !mg.planned(&mg.items[ii]) {
				updated = false
			}
		}
	}
	if updated {
		c.Kind = KindUpdated
		for _, g := range ordered {
			for _, ii := range g {
				c.Sides = append(c.Sides, Side{Mention: int(mg.items[ii].m)})
			}
		}
		if !mg.slim {
			c.Summary = mg.updatedSummary(ev, ordered)
		}
		last := ordered[len(ordered)-1]
		return c, last[0]
	}
	for k, g := range groups {
		for _, ii := range g {
			// a reading that agrees only as a zone shift (another
			// local day) would read as a third date: no side
			if it := &mg.items[ii]; k == 0 && cons.gran() == parse.GranDay && it.gran() <= parse.GranDay && epochDay(it.fs) != epochDay(cons.fs) {
				continue
			}
			c.Sides = append(c.Sides, Side{Mention: int(mg.items[ii].m)})
		}
	}
	if !mg.slim {
		c.Summary = mg.dateSummary(ev, groups)
	}
	return c, -1
}

// durationConflict compares the event's anchored durations with its
// dates (or, without dates, with each other).
func (mg *merger) durationConflict(ev *eventDraft) *Conflict {
	var durs, dated []int32
	for _, ii := range ev.members {
		it := &mg.items[ii]
		switch {
		case it.dur:
			durs = append(durs, ii)
		case ev.consensus >= 0 && mg.compatible(&mg.items[ev.consensus], it) && !mg.suspect(it):
			dated = append(dated, ii)
		}
	}
	if len(durs) == 0 {
		return nil
	}
	var bad, good []int32
	if len(dated) > 0 {
		for _, di := range durs {
			d := spanOf(&mg.items[di])
			ok := false
			for _, ii := range dated {
				it := &mg.items[ii]
				if d.overlaps(span{it.fs, it.fe}) {
					ok = true
				}
			}
			if ok {
				good = append(good, di)
			} else {
				bad = append(bad, di)
			}
		}
		if len(bad) == 0 {
			return nil
		}
		good = append(dated, good...)
	} else {
		// durations only: the figure most others agree with is right
		bestN := -1
		var ref int32 = -1
		for _, a := range durs {
			n := 0
			for _, b := range durs {
				if spanOf(&mg.items[a]).overlaps(spanOf(&mg.items[b])) {
					n++
				}
			}
			if n > bestN {
				bestN, ref = n, a
			}
		}
		for _, b := range durs {
			if spanOf(&mg.items[ref]).overlaps(spanOf(&mg.items[b])) {
				good = append(good, b)
			} else {
				bad = append(bad, b)
			}
		}
		if len(bad) == 0 {
			return nil
		}
	}
	c := &Conflict{Kind: KindDuration}
	for _, ii := range append(slices.Clone(bad), good...) {
		c.Sides = append(c.Sides, Side{Mention: int(mg.items[ii].m)})
	}
	if !mg.slim {
		c.Summary = mg.durationSummary(ev, bad, good)
	}
	return c
}

// --- summaries ---

func (mg *merger) outletPub(doc int) string {
	src := &mg.tl.Sources[doc]
	return src.Outlet + " (published " + pubString(src) + ")"
}

func pubString(src *Source) string {
	switch {
	case src.Undated || src.Published.IsZero():
		return "at an unknown time"
	case src.DateOnly:
		return src.Published.Format("2006-01-02")
	}
	return src.Published.Format("2006-01-02 15:04 MST")
}

// valueString reads a value for a person: "Wednesday 2025-12-03",
// "February 2022 (2022-02)", "the week 2025-W49".
func valueString(m *Mention) string {
	iv := m.When
	switch iv.Gran {
	case parse.GranDay:
		return iv.Start.Format("Monday 2006-01-02")
	case parse.GranMonth:
		return iv.Start.Format("January 2006") + " (" + m.TIMEX + ")"
	case parse.GranWeek:
		return "the week " + m.TIMEX
	case parse.GranYear:
		return iv.Start.Format("2006")
	}
	if m.TIMEX != "" {
		return m.TIMEX
	}
	return iv.String()
}

// groupClause: "SBS News (published 2025-12-03) says “as soon as Wednesday” (Wednesday 2025-12-03)".
func (mg *merger) groupClause(g []int32) string {
	var who []string
	seen := map[int]bool{}
	for _, ii := range g {
		d := int(mg.items[ii].doc)
		if !seen[d] {
			seen[d] = true
			who = append(who, mg.outletPub(d))
		}
	}
	m := mg.mention(int(mg.items[g[0]].m))
	verb := "says"
	if len(who) > 1 {
		verb = "say"
	}
	return fmt.Sprintf("%s %s %q (%s)", joinAnd(who), verb, m.Text, valueString(m))
}

func joinAnd(s []string) string {
	switch len(s) {
	case 0:
		return ""
	case 1:
		return s[0]
	}
	return strings.Join(s[:len(s)-1], ", ") + " and " + s[len(s)-1]
}

func (mg *merger) subject(ev *eventDraft) string {
	if ev.Label == "" {
		return "One event"
	}
	return "The event " + strconvQuote(ev.Label)
}

func strconvQuote(s string) string { return "“" + s + "”" }

func (mg *merger) dateSummary(ev *eventDraft, groups [][]int32) string {
	var others []string
	for _, g := range groups[1:] {
		others = append(others, mg.groupClause(g))
	}
	return fmt.Sprintf("%s is dated two ways: %s, but %s; these reports came out at about the same time, so this is no later update: check which date is right before using either.",
		mg.subject(ev), strings.Join(others, "; "), mg.groupClause(groups[0]))
}

func (mg *merger) updatedSummary(ev *eventDraft, ordered [][]int32) string {
	var earlier []string
	for _, g := range ordered[:len(ordered)-1] {
		earlier = append(earlier, mg.groupClause(g))
	}
	return fmt.Sprintf("%s likely moved: %s, and the later report, %s; treat the later date as an update, not an error.",
		mg.subject(ev), strings.Join(earlier, "; then "), mg.groupClause(ordered[len(ordered)-1]))
}

func (mg *merger) durationSummary(ev *eventDraft, bad, good []int32) string {
	var parts []string
	for _, di := range bad {
		it := &mg.items[di]
		m := mg.mention(int(it.m))
		src := &mg.tl.Sources[int(it.doc)]
		center, lo, hi, _ := impliedStart(m, src)
		parts = append(parts, fmt.Sprintf("%s says %q (%s): %s minus %s puts the start around %s, between %s and %s",
			mg.outletPub(int(it.doc)), m.Text, m.TIMEX, src.Published.Format("2006-01-02"), durWords(m), center.Format("2006-01-02"),
			lo.Format("2006-01-02"), hi.Format("2006-01-02")))
	}
	var against []string
	for _, ii := range good {
		it := &mg.items[ii]
		m := mg.mention(int(it.m))
		if it.dur {
			_, lo, hi, _ := impliedStart(m, &mg.tl.Sources[int(it.doc)])
			against = append(against, fmt.Sprintf("%s says %q (%s, a start between %s and %s)", mg.outletPub(int(it.doc)), m.Text, m.TIMEX,
				lo.Format("2006-01-02"), hi.Format("2006-01-02")))
			continue
		}
		src := &mg.tl.Sources[int(it.doc)]
		against = append(against, fmt.Sprintf("%s dates it to %s, %s before publication", mg.outletPub(int(it.doc)), valueString(m), elapsed(it.from(), src.Published)))
	}
	return fmt.Sprintf("%s has a length that contradicts its start: %s; but %s; check the length or the start date.",
		mg.subject(ev), strings.Join(parts, "; "), joinAnd(against))
}

// durWords spells a duration for the arithmetic: "3.5 years".
func durWords(m *Mention) string {
	unit := map[parse.Granularity]string{parse.GranMonth: "month", parse.GranQuarter: "quarter", parse.GranYear: "year", parse.GranDecade: "decade", parse.GranCentury: "century", parse.GranHalf: "half-year", parse.GranSeason: "season"}[m.Dur.Unit]
	amt := fmt.Sprintf("%g", m.Dur.Amount)
	if m.Dur.Amount != 1 {
		unit += "s"
	}
	return amt + " " + unit
}

// elapsed spells the calendar distance from a floating start to a
// publication time: "3 years 10 months".
func elapsed(from time.Time, pub time.Time) string {
	to := time.Date(pub.Year(), pub.Month(), pub.Day(), 0, 0, 0, 0, time.UTC)
	months := (to.Year()-from.Year())*12 + int(to.Month()-from.Month())
	if to.Day() < from.Day() {
		months--
	}
	if months < 0 {
		return "after"
	}
	y, mo := months/12, months%12
	var parts []string
	if y > 0 {
		parts = append(parts, plural(y, "year"))
	}
	if mo > 0 || y == 0 {
		parts = append(parts, plural(mo, "month"))
	}
	return strings.Join(parts, " ")
}

func plural(n int, w string) string {
	if n == 1 {
		return "1 " + w
	}
	return fmt.Sprintf("%d %ss", n, w)
}

// pinSpan is the range of the instants of an event's clock times that
// agree with its consensus (see misses).
type pinSpan struct {
	any      bool
	min, max int64 // Unix seconds
}

// pinsOf returns the pinSpan of the clock times among members compatible
// with the consensus cons.
func (mg *merger) pinsOf(members []int32, cons *item) pinSpan {
	var ps pinSpan
	for _, ii := range members {
		p := &mg.items[ii]
		if p.dur || p.gran() < parse.GranInstant || p.gran() > parse.GranMinute || mg.suspect(p) || !mg.compatible(cons, p) {
			continue
		}
		u := mg.realStart(p)
		if !ps.any {
			ps = pinSpan{true, u, u}
		}
		ps.min, ps.max = min(ps.min, u), max(ps.max, u)
	}
	return ps
}

// misses reports whether a day reading cannot hold, in any zone, a clock
// time of the event that agrees with the consensus: "4:15 p.m. Friday
// Japan time" pins the instant, and a "March 4" from a London paper is no
// zone shift of it, whatever other day it overlaps.
func (ps pinSpan) misses(it *item) bool {
	if it.gran() != parse.GranDay || !ps.any {
		return false
	}
	// a local day spans, in UTC, from 14 hours before its floating start
	// to 12 hours after its floating end (zones run from -12 to +14)
	from, to := it.fs-14*3600, it.fe+12*3600
	return ps.min < from || ps.max >= to
}
