package timeline

import (
	"maps"
	"math"
	"slices"
	"strings"
	"time"

	"chronicle/parse"
)

// ongoing are nouns for states that last until the day of writing: a
// duration attached to one ("the three-and-a-half year war") measures the
// time since it began.
var ongoing = toSet(`war invasion conflict occupation siege blockade crisis standoff fighting offensive campaign strike
rule reign presidency tenure lockdown shutdown dispute feud drought pandemic insurgency civil revolt uprising protest protests
detention captivity imprisonment exile ceasefire truce company firm startup`)

// founded are ongoing things whose age counts from their founding ("the
// three-year-old company" vs "founded in mid-2024").
var founded = toSet(`company firm startup`)

// anchorWords introduce the event a duration is counted from.
var anchorWords = toSet(`after since`)

// anchoredDuration reports whether a mention is a duration that measures
// the time since an event up to publication: "nearly four years after
// Russia's invasion", "the three-and-a-half year war", "a four-year-old
// invasion". Lengths of finished things ("five hours of talks") are not.
func anchoredDuration(m *Mention, src *Source) bool {
	if m.Furniture || src.Undated || m.Kind != parse.KindDuration || m.Dur.IsZero() || m.Dur.Unspecified {
		return false
	}
	if _, ok := m.Dur.Months(); !ok {
		return false
	}
	_, ok := durationHead(m)
	return ok
}

// durationHead returns the event noun a duration is anchored to.
func durationHead(m *Mention) (string, bool) {
	e := m.Span.End - m.Mention.Sentence.Start
	if e < 0 || e > len(m.Sentence) {
		return "", false
	}
	rest := strings.ToLower(m.Sentence[e:])
	rest = strings.TrimLeft(rest, "- ")
	for _, p := range []string{"old ", "long ", "old-", "long-"} {
		rest = strings.TrimPrefix(rest, p)
	}
	words := strings.FieldsFunc(rest, func(r rune) bool {
		return !(r >= 'a' && r <= 'z') && r != '\'' && r != '’' && r != '-'
	})
	if len(words) == 0 {
		return "", false
	}
	first := words[0]
	if ongoing[first] || ongoing[stem(first)] {
		return first, true
	}
	if anchorWords[first] {
		// "after Russia's invasion", "since the war began"
		for _, w := range words[1:min(len(words), 5)] {
			w = strings.TrimSuffix(strings.TrimSuffix(w, "'s"), "’s")
			if ongoing[w] {
				return w, true
			}
		}
	}
	// "in its fourth year": the ordinal reading is left to the tagger
	return "", false
}

// placeDuration sets an anchored duration's implied start: the
// publication day minus the duration, widened by the duration's
// precision (DESIGN.md: a half-year figure is precise to about three
// months, a whole number of units to half a unit, "nearly"/"about" to a
// whole unit).
func placeDuration(it *item, m *Mention, src *Source) bool {
	head, ok := durationHead(m)
	if !ok {
		return false
	}
	_, lo, hi, ok := impliedStart(m, src)
	if !ok {
		return false
	}
	it.dur = true
	it.fs, it.fe, it.g = lo.Unix(), hi.AddDate(0, 0, 1).Unix(), int8(parse.GranDay)
	it.cue = 0
	return head != ""
}

// impliedStart is publication day − duration, in floating time, with the
// tolerance of the figure.
func impliedStart(m *Mention, src *Source) (center, lo, hi time.Time, ok bool) {
	months, ok := m.Dur.Months()
	if !ok || src.Published.IsZero() || m.Dur.Amount <= 0 {
		return center, lo, hi, false
	}
	unit := months / m.Dur.Amount // months per unit
	tol := unit / 2
	if m.Dur.Amount != math.Floor(m.Dur.Amount) {
		tol = unit / 4
	}
	switch hedge(m) {
	case hedgeUnder: // "nearly four years": between three and four
		months -= unit / 2
		tol = unit / 2
	case hedgeOver: // "more than four years": between four and five
		months += unit / 2
		tol = unit / 2
	case hedgeAbout:
		tol = max(tol, unit/2)
	}
	p := src.Published
	day := time.Date(p.Year(), p.Month(), p.Day(), 0, 0, 0, 0, time.UTC)
	back := func(months float64) time.Time {
		whole := math.Floor(months)
		return day.AddDate(0, -int(whole), -int(math.Round((months-whole)*30.436875)))
	}
	return back(months), back(months + tol), back(months - tol), true
}

// Hedges on a figure.
const (
	hedgeNone  = iota
	hedgeUnder // nearly, almost, just under, less than
	hedgeOver  // more than, over, just over
	hedgeAbout // about, around, roughly, some
)

// hedge reads the hedge on a duration from its words (the tagger's Mod
// says APPROX for "nearly" and "about" alike).
func hedge(m *Mention) int {
	s := m.Mention.Span.Start - m.Mention.Sentence.Start
	lw := strings.ToLower(m.Text)
	if s >= 0 && s <= len(m.Sentence) {
		lw = strings.ToLower(m.Sentence[max(0, s-14):s]) + " " + lw
	}
	for _, w := range []string{"nearly", "almost", "just under", "less than", "not quite", "close to"} {
		if strings.Contains(lw, w) {
			return hedgeUnder
		}
	}
	for _, w := range []string{"more than", "over ", "just over", "upwards of"} {
		if strings.Contains(lw, w) {
			return hedgeOver
		}
	}
	switch m.Mod {
	case "LESS_THAN", "EQUAL_OR_LESS":
		return hedgeUnder
	case "MORE_THAN", "EQUAL_OR_MORE":
		return hedgeOver
	case "APPROX":
		return hedgeAbout
	}
	for _, w := range []string{"about", "around", "roughly", "some ", "approximately"} {
		if strings.Contains(lw, w) {
			return hedgeAbout
		}
	}
	return hedgeNone
}

// durationHeadID returns the token id of a duration item's head.
func (mg *merger) durationHeadID(it *item) uint32 {
	head := mg.durHeads[it.m]
	if founded[head] {
		head = "founded"
	}
	return mg.voc.id("p:" + predicate(head))
}

// phaseDurations attaches each anchored duration to the event it
// measures: a cluster whose predicates include the duration's head and
// whose date lies within reach of the implied start.
func (mg *merger) phaseDurations() {
	var durs []int32
	for i := range mg.items {
		if mg.items[i].dur {
			it := &mg.items[i]
			h := mg.durHeadIDs[it.m]
			it.head = h
			if ps := mg.preds(it); !slices.Contains(ps, h) {
				// re-home the tokens with the head among the predicates
				toks := append(slices.Clone(mg.names(it)), ps...)
				toks = append(toks, h)
				slices.Sort(toks[it.nn:])
				toks = append(toks, mg.places(it)...)
				it.tok = int32(len(mg.arena))
				mg.arena = append(mg.arena, toks...)
				it.np++
			}
			for int(h) >= len(mg.weight) {
				mg.weight = append(mg.weight, math.Log(2))
				mg.isName = append(mg.isName, false)
				mg.known = append(mg.known, false)
			}
			durs = append(durs, int32(i))
		}
	}
	slices.SortFunc(durs, func(a, b int32) int { return mg.compareProvenance(&mg.items[a], &mg.items[b]) })
	var vec, hv []tokCount
	for _, di := range durs {
		it := &mg.items[di]
		vec, hv = mg.vector(it, vec[:0], hv[:0])
		ib := bag{vec, hv, 1}
		// a figure can be years off the date it contradicts ("a five-year
		// drought" vs "since 2023"): look three years either side, in
		// windows the index scans whole
		reach := int64(3 * 366 * day)
		var cands []int32
		toks := append(mg.lookupTokens(it), it.head)
		for from := it.fs - reach; from < it.fe+reach; from += 700 * day {
			cands = append(cands, mg.candidates(toks, from, min(from+700*day, it.fe+reach), postingScan)...)
		}
		slices.Sort(cands)
		best, bestSim := int32(-1), -1.0
		for _, ci := range slices.Compact(cands) {
			ci = mg.find(ci)
			ms := mg.members(ci)
			if len(ms) == 0 || mg.items[ms[0]].dur {
				continue
			}
			cb := mg.bagOf(ci, 0)
			has := false
			for _, tc := range cb.toks {
				has = has || tc.tok == it.head
			}
			if !has {
				continue
			}
			// the event must be dated within reach of the implied start
			rep := &mg.items[ms[0]]
			if rep.fe < it.fs-reach || rep.fs > it.fe+reach {
				continue
			}
			sim := mg.sim(ib, cb)
			if sim > bestSim || (sim == bestSim && ci < best) {
				best, bestSim = ci, sim
			}
		}
		if best < 0 {
			mg.orphans = append(mg.orphans, di)
			continue
		}
		if mg.multi[best] == nil {
			mg.join(best, di, vec, hv)
			continue
		}
		c := mg.multi[best]
		c.members = append(c.members, di)
		c.sidesOK = false
	}
}

// orphanGroups groups the durations that found no dated event by their
// head: durations of one thing from two articles form an event of their
// own, placed at the implied start.
func (mg *merger) orphanGroups() [][]int32 {
	by := map[uint32][]int32{}
	for _, di := range mg.orphans {
		by[mg.items[di].head] = append(by[mg.items[di].head], di)
	}
	var out [][]int32
	for _, h := range slices.Sorted(maps.Keys(by)) {
		g := by[h]
		docs := map[int32]bool{}
		for _, di := range g {
			docs[mg.items[di].doc] = true
		}
		if len(docs) >= 2 {
			out = append(out, g)
		}
	}
	return out
}
