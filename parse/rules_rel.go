package parse

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/olebedev/when/rules"
)

// unitFactor normalises units the TIMEX3 value spells in other units:
// a decade is ten years, a fortnight two weeks, a century 100 years.
func (m *matcher) unitNorm(word string, g Granularity, amt float64) (Granularity, float64) {
	switch {
	case strings.HasPrefix(word, "fortnight"):
		return GranWeek, amt * 2
	case g == GranDecade:
		return GranYear, amt * 10
	case g == GranCentury:
		return GranYear, amt * 100
	}
	return g, amt
}

// afterUnit reads what follows "N units": ago, later, earlier, from now,
// before/after at the end of a clause, "-old", "-long", "and a half".
// It turns the duration *sp into the right kind (in place: a spec is
// large) and returns the end token.
// g and amt are already normalised ("a decade" is 10 years): scale is the
// number of g in one written unit (10 for a decade), for "and a half".
func (m *matcher) afterUnit(k int, sp *spec, g Granularity, amt, scale float64) int {
	// "an hour and a half", "a year and a half"
	if m.w(k) == "and" && (m.w(k+1) == "a" || m.w(k+1) == "an") && m.w(k+2) == "half" && amt == float64(int(amt)) {
		amt += 0.5 * scale
		sp.amt = amt
		k += 3
	}
	if m.hyphenAt(k) && (m.w(k+1) == "old" || m.w(k+1) == "long") {
		return k + 2
	}
	if m.hyphenAt(k) {
		return k // "five-hour meeting"
	}
	n := int(amt)
	whole := float64(n) == amt && n > 0
	switch m.w(k) {
	case "ago":
		if whole && !sp.unspec {
			*sp = spec{rule: "ago", op: opAgo, kind: KindDate, g: g, n: -n, mod: sp.mod}
			return k + 1
		}
	case "from":
		if m.w(k+1) == "now" && whole && !sp.unspec {
			*sp = spec{rule: "from-now", op: opAgo, kind: KindDate, g: g, n: n, mod: sp.mod}
			return k + 2
		}
	case "later", "earlier":
		if whole && !sp.unspec {
			s := 1
			if m.w(k) == "earlier" {
				s = -1
			}
			*sp = spec{rule: refRule(m.w(k)), op: opRefShift, kind: KindDate, g: g, n: s * n, mod: sp.mod}
			return k + 1
		}
	case "before", "after":
		nx := k + 1
		if whole && !sp.unspec && (nx >= len(m.t) || m.t[nx].k == tkPunct) {
			s := 1
			if m.w(k) == "before" {
				s = -1
			}
			*sp = spec{rule: refRule(m.w(k)), op: opRefShift, kind: KindDate, g: g, n: s * n, mod: sp.mod}
			return k + 1
		}
	}
	return k
}

// matchDuration reads "N units" starting at the number token i.
func (m *matcher) matchDuration(i int, _ bool, out *cand) bool {
	v, next, ok := m.number(i)
	if !ok {
		return false
	}
	k := next
	hy := m.hyphenAt(k)
	if hy {
		k++
	}
	g, pl, nb, ok := m.unitAt(k)
	if !ok {
		return false
	}
	word := m.tw(nb - 1)
	// "1 day" vs "2 days": accept both; "a days" no
	if m.t[i].k == tkWord && (m.word(i) == "a" || m.word(i) == "an") && pl {
		return false
	}
	// clock-ish "5 min read" is fine; "24 hours a day" is a set-ish count
	ug, amt := m.unitNorm(word, g, v)
	sp := spec{rule: "duration", op: opDur, kind: KindDuration, amt: amt, dunit: ug}
	a := i
	// left context: the past/last/next/coming/first N units
	switch m.w(a - 1) {
	case "past", "last", "next", "coming", "first", "final", "previous", "following", "recent":
		if m.w(a-2) == "the" {
			sp.rule = durationRule(true, m.w(a-1))
			a -= 2
		} else if m.w(a-1) == "past" || m.w(a-1) == "last" || m.w(a-1) == "next" {
			sp.rule = durationRule(false, m.w(a-1))
			a--
		}
	}
	if a == i {
		var mod string
		mod, a = m.durMod(i)
		sp.mod = mod
		if a == i && m.w(i-1) == "a" && m.t[i].k == tkNum && !pl {
			a = i - 1 // "a 20 year low": the article belongs to the adjective
		}
	}
	scale := 1.0
	if v != 0 {
		scale = amt / v
	}
	// the normalised unit: "a decade ago" is ten years back, not ten decades
	b := m.afterUnit(nb, &sp, ug, amt, scale)
	if sp.op == opAgo || sp.op == opRefShift {
		// "some two weeks ago": the approximation belongs to the date
		if a < i && m.w(a) != "the" {
			sp.approx = true
		}
		if m.w(a) == "the" {
			a = i
		}
	}
	if sp.op == opDur && (m.w(b) == "s" && m.adj(b)) {
		return false
	}
	out.a, out.b, out.sp = a, b, sp
	return true
}

// ordinalBefore reads an ordinal ending just before j: "fourth", "4th".
func (m *matcher) ordinalBefore(j int) (n, a int, ok bool) {
	k := j - 1
	if m.hyphenAt(k) && k-1 >= m.lo { // fourth-quarter
		k--
	}
	if k < m.lo || k < 0 {
		return 0, j, false
	}
	if m.cls(k)&clsOrdWord != 0 {
		return int(m.t[k].n), k, true
	}
	if w := m.w(k); (w == "st" || w == "nd" || w == "rd" || w == "th") && m.adj(k) && m.isNum(k-1) && k-1 >= m.lo {
		return int(m.t[k-1].n), k - 1, true
	}
	if m.w(k) == "final" || m.w(k) == "last" {
		return -1, k, true
	}
	return 0, j, false
}

// yearSuffix reads "of 2008", "of this year", "of last year", "of the
// year", "2008" after a quarter, half or season. It returns the op and shift.
func (m *matcher) yearSuffix(k int) (o op, y, n, next int, ok bool) {
	j := k
	if m.w(j) == "of" {
		j++
		switch {
		case m.w(j) == "this" && m.w(j+1) == "year":
			return opRelUnit, 0, 0, j + 2, true
		case (m.w(j) == "last" || m.w(j) == "next") && m.w(j+1) == "year":
			s := -1
			if m.w(j) == "next" {
				s = 1
			}
			return opRelUnit, 0, s, j + 2, true
		case m.w(j) == "the" && m.w(j+1) == "year":
			return opRelUnit, 0, 0, j + 2, true
		case m.w(j) == "the" && (m.w(j+1) == "fiscal" || m.w(j+1) == "financial") && m.w(j+2) == "year":
			return opRelUnit, 0, 0, j + 3, true
		}
		if yy, nb, ok := m.yearAfter(j, false); ok {
			return opYear, yy, 0, nb, true
		}
		return 0, 0, 0, k, false
	}
	if yy, nb, ok := m.yearAfter(j, true); ok {
		return opYear, yy, 0, nb, true
	}
	return 0, 0, 0, k, false
}

// subYear builds the spec of a quarter/half/season with an optional year
// after it.
func (m *matcher) subYear(rule string, sub Granularity, n int, b int) (spec, int) {
	sp := spec{rule: rule, op: opSubYear, kind: KindDate, g: sub, sub: sub, subN: n}
	if o, y, sh, nb, ok := m.yearSuffix(b); ok {
		sp.op, sp.y, sp.n, b = o, y, sh, nb
		sp.g = GranYear
		if o == opRelUnit {
			sp.rule = relYearRule(sp.rule)
		}
	}
	return sp, b
}

// matchUnit handles a unit word that no number claimed: "last week",
// "this year", "the fourth quarter", "a week", "recent weeks", "for years",
// "the day before", "the weekend".
func (m *matcher) matchUnit(i int, out *cand) bool {
	e := m.ent(i)
	g, pl := e.g, e.pl
	prev := m.w(i - 1)
	// a hyphenated compound: single-day, same-day
	if m.hyphenAt(i-1) && i-2 >= m.lo {
		switch m.w(i - 2) {
		case "single", "one":
			if !pl {
				out.a, out.b, out.sp = i-2, i+1, spec{rule: "single-unit", op: opDur, kind: KindDuration, amt: 1, dunit: g}
				return true
			}
		case "decades", "years", "months", "weeks", "days":
			// "decades-long" is read at the plural
		}
		if e.word == "long" {
			return false
		}
	}
	if pl && m.hyphenAt(i+1) && m.w(i+2) == "long" && !m.isNum(i-1) {
		ug, _ := m.unitNorm(e.word, g, 1)
		if g == GranDecade {
			ug = GranYear
		}
		out.a, out.b, out.sp = i, i+3, spec{rule: "units-long", op: opDur, kind: KindDuration, unspec: true, dunit: ug}
		return true
	}
	// "by year-end", "at year's end": the end of the anchor's year
	if e.word == "year" && !m.isNum(i-1) {
		b := 0
		if m.hyphenAt(i+1) && m.w(i+2) == "end" {
			b = i + 3
		} else if isApostrophe(m.text(i+1)) && m.adj(i+1) && m.word(i+2) == "s" && m.w(i+3) == "end" {
			b = i + 4
		}
		switch prev {
		case "last", "next", "this", "that", "previous", "prior", "same", "fiscal", "a", "each", "every", "per":
			b = 0
		}
		if b > 0 {
			a := i
			if prev == "the" && i-1 >= m.lo {
				a--
			}
			out.a, out.b, out.sp = a, b, spec{rule: "year-end", op: opRelUnit, kind: KindDate, g: GranYear, mod: "END"}
			return true
		}
	}
	// New Year, New Year's Day, New Year's Eve
	if e.word == "year" && m.t[i].cap && m.word(i-1) == "new" && i-1 >= m.lo && m.t[i-1].cap {
		sp := spec{rule: "holiday", op: opAbs, kind: KindDate, g: GranDay, m: 1, d: 1}
		b := i + 1
		named := false
		if isApostrophe(m.text(b)) && m.word(b+1) == "s" {
			switch m.word(b + 2) {
			case "day":
				b, named = b+3, true
			case "eve":
				sp.m, sp.d, b, named = 12, 31, b+3, true
			}
		}
		if !named {
			// bare "New Year" only after a preposition: "over the New Year",
			// not "Christmas and New Year sales"
			p := m.wr(i - 2)
			if p == "the" {
				p = m.wr(i - 3)
			}
			switch p {
			case "on", "at", "over", "before", "after", "until", "since", "by", "around", "for", "during", "into":
			default:
				return false
			}
		}
		out.a, out.b, out.sp = i-1, b, sp
		return true
	}
	// quarters and halves with an ordinal: the fourth quarter, 3rd quarter
	if g == GranQuarter && !pl {
		if n, a, ok := m.ordinalBefore(i); ok && n != 0 {
			if n == -1 { // the last quarter / the final quarter
				if m.w(a) == "final" {
					sp, b := m.subYear("final-quarter", GranQuarter, 4, i+1)
					if m.w(a-1) == "the" {
						a--
					}
					out.a, out.b, out.sp = a, b, sp
					return true
				}
			} else if n >= 1 && n <= 4 {
				sp, b := m.subYear("ordinal-quarter", GranQuarter, n, i+1)
				if m.w(a-1) == "the" {
					a--
				}
				a = m.edgeLeft(a, &sp)
				out.a, out.b, out.sp = a, b, sp
				return true
			}
		}
	}
	// "a second consecutive day", "the third straight week": the day itself
	if (prev == "consecutive" || prev == "straight" || prev == "successive" || prev == "running") && !pl && (g == GranDay || g == GranWeek || g == GranMonth || g == GranYear) {
		if n, a, ok := m.ordinalBefore(i - 1); ok && n >= 2 {
			if w := m.w(a - 1); w == "a" || w == "the" {
				a--
			}
			out.a, out.b, out.sp = a, i+1, spec{rule: "ordinal-consecutive-unit", op: opRef, kind: KindDate, g: g}
			return true
		}
	}
	// this/last/next + unit
	switch prev {
	case "this", "last", "next", "current", "coming", "past", "previous", "preceding", "prior", "following", "same", "that", "recent", "these", "upcoming":
		return m.matchRelUnit(i, prev, out)
	}
	// a/an + unit: a duration, or "a year ago/earlier"
	if (prev == "a" || prev == "an") && !pl {
		if m.t[i-1].k == tkWord && i-1 >= m.lo {
			// sets: once a week, twice a year, three times a month, 40 hours a week
			switch p2 := m.wr(i - 2); {
			case p2 == "once" || p2 == "twice" || p2 == "thrice":
				freq := map[string]string{"once": "1X", "twice": "2X", "thrice": "3X"}[p2]
				out.a, out.b, out.sp = i-2, i+1, spec{rule: "freq-set", op: opSet, kind: KindSet, vague: periodOne(g), freq: freq}
				return true
			case p2 == "times" && m.isNum(i-3) || p2 == "times" && m.cls(i-3)&clsNumWord != 0:
				freq := strconv.Itoa(int(m.t[i-3].n)) + "X"
				out.a, out.b, out.sp = i-3, i+1, spec{rule: "freq-set", op: opSet, kind: KindSet, vague: periodOne(g), freq: freq}
				return true
			case m.word(i+1) == "earlier" || m.word(i+1) == "later" || m.word(i+1) == "ago" || m.word(i+1) == "before" || m.word(i+1) == "after":
				// "$1.2 billion a year earlier": a date, whatever precedes
			case i-2 >= 0 && (m.t[i-2].k == tkNum || m.t[i-2].cls&(clsUnit|clsNumWord) != 0 || m.punct(i-2) == '%' || p2 == "percent" || p2 == "dollars" || p2 == "million" || p2 == "billion" || p2 == "barrels"):
				return false // "24 hours a day", "5% a year"
			}
			return m.matchDuration(i-1, false, out)
		}
	}
	if pl {
		// several/few/many/some/couple of + plural
		switch prev {
		case "several", "few", "many", "some", "of":
			a := i - 1
			if prev == "of" {
				if m.w(i-2) != "couple" {
					goto bare
				}
				a = i - 2
			}
			if m.w(a-1) == "a" {
				a--
			}
			if m.w(a-1) == "past" || m.w(a-1) == "last" || m.w(a-1) == "next" || m.w(a-1) == "coming" {
				a--
				if m.w(a-1) == "the" {
					a--
				}
			}
			ug, _ := m.unitNorm(e.word, g, 1)
			out.a, out.b, out.sp = a, i+1, spec{rule: "unspecified-duration", op: opDur, kind: KindDuration, unspec: true, dunit: ug}
			return true
		}
	bare:
		if prev == "just" || prev == "only" || prev == "mere" {
			prev = m.w(i - 2)
		}
		switch prev {
		case "for", "in", "within", "over", "after", "takes", "take", "took", "lasting", "last", "lasted", "spent":
			if prev == "in" && m.w(i+1) == "of" {
				break
			}
			nx := i + 1
			if nx < len(m.t) && m.t[nx].k == tkWord && !m.nl(nx) && !(m.word(nx) == "and" || m.word(nx) == "or" || m.word(nx) == "of" || m.word(nx) == "to" || m.word(nx) == "before" || m.word(nx) == "after" || m.word(nx) == "later" || m.word(nx) == "now" || m.word(nx) == "ago" || m.word(nx) == "on" || m.word(nx) == "in") {
				break // "in days gone by", "for weeks straight" are rare; "in years past"
			}
			if g == GranPartOfDay {
				break
			}
			ug, _ := m.unitNorm(e.word, g, 1)
			out.a, out.b, out.sp = i, i+1, spec{rule: "bare-plural-duration", op: opDur, kind: KindDuration, unspec: true, dunit: ug}
			return true
		}
		return false
	}
	// the + unit
	if prev == "the" {
		return m.matchTheUnit(i, out)
	}
	return false
}

// matchTheUnit: "the day", "the weekend", "the day before", "the week after".
func (m *matcher) matchTheUnit(i int, out *cand) bool {
	g := m.ent(i).g
	a := i - 1
	nx := i + 1
	// the day before / the week after (at the end of a clause)
	if w := m.w(nx); (w == "before" || w == "after") && (nx+1 >= len(m.t) || m.t[nx+1].k == tkPunct) && (g == GranDay || g == GranWeek || g == GranMonth || g == GranYear) {
		s := 1
		if w == "before" {
			s = -1
		}
		out.a, out.b, out.sp = a, nx+1, spec{rule: theUnitRule(w), op: opRefShift, kind: KindDate, g: g, n: s}
		return true
	}
	switch g {
	case GranWeekend:
		sp := spec{rule: "the-weekend", op: opRelUnit, kind: KindDate, g: GranWeekend, dir: 5}
		out.a, out.b, out.sp = a, i+1, sp
		return true
	case GranDay:
		// "the day": the day last mentioned, where it closes a clause or
		// follows a verb of closing/starting ("ended the day", "for the day")
		ok := nx >= len(m.t) || m.t[nx].k == tkPunct
		if m.wr(i-2) == "in" && (m.wr(i-3) == "late" || m.wr(i-3) == "early" || m.wr(i-3) == "later" || m.wr(i-3) == "earlier") {
			ok = true
		}
		switch m.wr(i - 2) {
		case "end", "ended", "ending", "ends", "finish", "finished", "finishing", "close", "closed", "closing", "start", "started", "starting", "for", "during", "throughout", "of", "open", "opened", "opening", "begin", "began":
			ok = ok || m.w(nx) == "at" || m.w(nx) == "with" || m.w(nx) == "down" || m.w(nx) == "up" || m.w(nx) == "higher" || m.w(nx) == "lower" || m.w(nx) == "on" || m.w(nx) == "in" || m.w(nx) == "and" || m.w(nx) == "as" || m.w(nx) == "by" || m.w(nx) == "after" || m.w(nx) == "before"
		}
		if !ok {
			return false
		}
		sp := out.begin(a, i+1, "the-day", opRef, KindDate, GranDay)
		a = m.edgeLeft(a, sp)
		// "late in the day", "early in the day"
		if m.w(a-1) == "in" && (m.w(a-2) == "late" || m.w(a-2) == "early" || m.w(a-2) == "later" || m.w(a-2) == "earlier") {
			a -= 2
		}
		out.a = a
		return true
	case GranYear, GranMonth, GranWeek, GranQuarter, GranDecade, GranCentury:
		// "the rest/remainder/balance of the year": the unit is tagged as a
		// span of one unit (the MEANTIME practice)
		if m.wr(i-2) == "of" && g != GranDecade && g != GranCentury {
			switch m.wr(i - 3) {
			case "rest", "remainder", "balance":
				sp := spec{rule: "rest-of-the-unit", op: opDur, kind: KindDuration, amt: 1, dunit: g}
				out.a, out.b, out.sp = a, i+1, sp
				return true
			}
		}
		// only "the end/beginning of the year": the anchor's unit
		sp := spec{rule: "edge-of-the-unit", op: opRelUnit, kind: KindDate, g: g}
		a2 := m.edgeLeft(a, &sp)
		if sp.mod == "" {
			return false
		}
		out.a, out.b, out.sp = a2, i+1, sp
		return true
	}
	return false
}

// matchRelUnit handles prev+unit where prev is this/last/next/…
func (m *matcher) matchRelUnit(i int, prev string, out *cand) bool {
	e := m.ent(i)
	g, pl := e.g, e.pl
	a := i - 1
	the := m.w(a-1) == "the"
	if pl {
		switch prev {
		case "recent":
			if the {
				a--
			}
			out.a, out.b, out.sp = a, i+1, spec{rule: "recent-units", op: opVague, kind: KindDate, vague: "PAST_REF"}
			return true
		case "these":
			if g == GranDay {
				out.a, out.b, out.sp = a, i+1, spec{rule: "these-days", op: opVague, kind: KindDate, vague: "PRESENT_REF"}
				return true
			}
		case "last", "past":
			if the {
				out.a, out.b, out.sp = a-1, i+1, spec{rule: "the-last-units", op: opVague, kind: KindDate, vague: "PAST_REF"}
				return true
			}
		case "coming", "next", "upcoming":
			if the {
				out.a, out.b, out.sp = a-1, i+1, spec{rule: "the-coming-units", op: opVague, kind: KindDate, vague: "FUTURE_REF"}
				return true
			}
		}
		return false
	}
	if g == GranHour || g == GranMinute || g == GranInstant {
		if (prev == "past" || prev == "last" || prev == "next") && the {
			out.a, out.b, out.sp = a-1, i+1, spec{rule: "the-past-unit", op: opDur, kind: KindDuration, amt: 1, dunit: g}
			return true
		}
		return false
	}
	if g == GranDecade || g == GranCentury {
		switch prev {
		case "past", "last":
			if the || prev == "past" {
				if the {
					a--
				}
				ug, amt := m.unitNorm(e.word, g, 1)
				out.a, out.b, out.sp = a, i+1, spec{rule: "the-past-decade", op: opDur, kind: KindDuration, amt: amt, dunit: ug}
				return true
			}
		case "this", "current":
			if the {
				a--
			}
			out.a, out.b, out.sp = a, i+1, spec{rule: "this-decade", op: opRelUnit, kind: KindDate, g: g}
			return true
		case "next", "coming":
			if the {
				a--
			}
			ug, amt := m.unitNorm(e.word, g, 1)
			out.a, out.b, out.sp = a, i+1, spec{rule: "the-next-decade", op: opDur, kind: KindDuration, amt: amt, dunit: ug}
			return true
		}
		return false
	}
	sp := spec{rule: relUnitRule(prev), op: opRelUnit, kind: KindDate, g: g}
	switch prev {
	case "this", "current":
		if the {
			a--
		}
		// "this time last year": handled at "year"
	case "last":
		sp.n = -1
		if the {
			if g == GranQuarter || g == GranWeekend {
				a--
			} else {
				// "the last week": a length
				ug, amt := m.unitNorm(e.word, g, 1)
				out.a, out.b, out.sp = a-1, i+1, spec{rule: "the-last-unit", op: opDur, kind: KindDuration, amt: amt, dunit: ug}
				return true
			}
		}
		// "this time last year"
		if g == GranYear || g == GranMonth || g == GranWeek {
			if m.w(a-1) == "time" && m.w(a-2) == "this" {
				out.a, out.b, out.sp = a-2, i+1, spec{rule: "this-time-last", op: opAgo, kind: KindDate, g: g, n: -1, dunit: GranDay}
				return true
			}
		}
	case "next", "coming", "upcoming":
		sp.n = 1
		if the {
			if prev == "next" && (g == GranDay || g == GranWeek || g == GranMonth || g == GranYear) {
				out.a, out.b, out.sp = a-1, i+1, spec{rule: "the-next-unit", op: opRefShift, kind: KindDate, g: g, n: 1, dunit: g}
				return true
			}
			a--
		}
	case "past":
		if g == GranQuarter {
			sp.n = -1
			if the {
				a--
			}
			break
		}
		if the {
			a--
		}
		ug, amt := m.unitNorm(e.word, g, 1)
		out.a, out.b, out.sp = a, i+1, spec{rule: "the-past-unit", op: opDur, kind: KindDuration, amt: amt, dunit: ug}
		return true
	case "previous", "preceding", "prior":
		if !the {
			return false
		}
		out.a, out.b, out.sp = a-1, i+1, spec{rule: "the-previous-unit", op: opRefShift, kind: KindDate, g: g, n: -1, dunit: g}
		return true
	case "following":
		if !the {
			return false
		}
		out.a, out.b, out.sp = a-1, i+1, spec{rule: "the-following-unit", op: opRefShift, kind: KindDate, g: g, n: 1, dunit: g}
		return true
	case "same":
		if !the {
			return false
		}
		if b := m.yearBackAfter(i + 1); b > 0 && g >= GranWeek && g < GranYear {
			// "the same quarter last year": the comparison year
			out.a, out.b, out.sp = a-1, b, spec{rule: "same-period-last-year", op: opRelUnit, kind: KindDate, g: GranYear, n: -1}
			return true
		}
		out.a, out.b, out.sp = a-1, i+1, spec{rule: "the-same-unit", op: opRef, kind: KindDate, g: g}
		return true
	case "that":
		if g != GranDay && g != GranWeek && g != GranYear && g != GranMonth {
			return false
		}
		out.a, out.b, out.sp = a, i+1, spec{rule: "that-unit", op: opRef, kind: KindDate, g: g}
		return true
	default:
		return false
	}
	if g == GranDay {
		return false // "this day", "next day" without "the": rare and idiomatic
	}
	if g == GranWeekend && prev == "this" {
		sp.dir = 0
	}
	// earlier/later/early/late before: "earlier this week", "late last year"
	switch m.w(a - 1) {
	case "earlier", "later":
		a--
	}
	a = m.edgeLeft(a, &sp)
	out.a, out.b, out.sp = a, i+1, sp
	return true
}

func unitLetter(g Granularity) string {
	switch g {
	case GranDay:
		return "D"
	case GranWeek:
		return "W"
	case GranMonth:
		return "M"
	case GranQuarter:
		return "Q"
	case GranYear:
		return "Y"
	case GranHour:
		return "H"
	case GranMinute:
		return "M"
	}
	return "D"
}

// matchHalf: "the first half of 2025", "half a year", "half an hour".
func (m *matcher) matchHalf(i int, out *cand) bool {
	if w := m.w(i + 1); w == "a" || w == "an" {
		return m.matchDuration(i, false, out)
	}
	if n, a, ok := m.ordinalBefore(i); ok && (n == 1 || n == 2) {
		sp, b := m.subYear("ordinal-half", GranHalf, n, i+1)
		if m.w(a-1) == "the" {
			a--
		}
		out.a, out.b, out.sp = a, b, sp
		return true
	}
	return false
}

// matchDeictic: today, tonight, tomorrow, yesterday (with a part of day),
// now, currently, recently.
func (m *matcher) matchDeictic(i int, out *cand) bool {
	t := &m.t[i]
	if t.cap && !m.sentenceStart(i) && (m.capName(i-1) || m.word(i-1) == "the") {
		return false // "USA Today", "the Today programme"
	}
	if m.hyphenAt(i + 1) {
		return false // "now-defunct"
	}
	a, b := i, i+1
	switch m.tw(i) {
	case "today", "tomorrow", "yesterday", "tonight":
		n := 0 // today, tonight
		switch m.tw(i) {
		case "tomorrow":
			n = 1
		case "yesterday":
			n = -1
		}
		sp := out.begin(a, b, m.tw(i), opDeictic, KindDate, GranDay) // sure of the match
		sp.n = n
		if m.tw(i) == "tonight" {
			sp.pod, sp.kind, sp.g = "NI", KindTime, GranPartOfDay
		} else if pod := podOf(m.w(b)); pod != "" && m.w(b) != "noon" {
			sp.pod, sp.kind, sp.g = pod, KindTime, GranPartOfDay
			b++
		}
		if w := m.w(a - 1); w == "earlier" || w == "later" {
			a--
		}
		out.a, out.b = a, b
		return true
	case "now":
		if m.w(b) == "on" && m.w(a-1) == "from" {
			return false
		}
		if m.sentenceStart(i) && m.punct(b) == ',' {
			return false
		}
		if m.w(a-1) == "right" || m.w(a-1) == "just" {
			a--
		}
		out.a, out.b, out.sp = a, b, spec{rule: "now", op: opVague, kind: KindDate, vague: "PRESENT_REF"}
		return true
	case "currently", "presently", "nowadays":
		out.a, out.b, out.sp = a, b, spec{rule: m.tw(i), op: opVague, kind: KindDate, vague: "PRESENT_REF"}
		return true
	case "recently":
		if w := m.w(a - 1); w == "more" || w == "most" {
			a--
		}
		out.a, out.b, out.sp = a, b, spec{rule: "recently", op: opVague, kind: KindDate, vague: "PAST_REF"}
		return true
	}
	return false
}

// funcWord reports whether the token at j is punctuation, the end, or a
// function word: a noun phrase like "the future" ends before it.
func (m *matcher) endsPhrase(j int) bool {
	if j >= len(m.t) || m.t[j].k == tkPunct {
		return true
	}
	switch strings.ToLower(m.text(j)) {
	case "and", "or", "but", "as", "when", "if", "is", "was", "will", "would", "that", "to", "for", "in", "on", "at", "with", "than", "because", "though", "although", "while", "so", "are", "were", "has", "have", "had", "can", "could", "may", "might", "should", "it", "he", "she", "they", "we", "i", "you", "this", "there", "unless", "until", "after", "before", "by":
		return true
	}
	return false
}

// matchVague: the future, in the past, at present, the time being, the
// near term, recent weeks.
func (m *matcher) matchVague(i int, out *cand) bool {
	switch m.tw(i) {
	case "recent":
		if i+1 < len(m.t) && m.t[i+1].cls&clsUnit != 0 && m.ent(i+1).pl {
			a := i
			if m.w(a-1) == "the" || m.w(a-1) == "more" || m.w(a-1) == "most" {
				a--
			}
			out.a, out.b, out.sp = a, i+2, spec{rule: "recent-units", op: opVague, kind: KindDate, vague: "PAST_REF"}
			return true
		}
		if m.w(i+1) == "times" || m.w(i+1) == "past" {
			out.a, out.b, out.sp = i, i+2, spec{rule: "recent-times", op: opVague, kind: KindDate, vague: "PAST_REF"}
			return true
		}
		if p := m.wr(i - 1); p != "most" && p != "more" && p != "less" && i+1 < len(m.t) && m.t[i+1].k == tkWord && !m.t[i+1].cap && !m.recentThing(i+1) {
			out.a, out.b, out.sp = i, i+1, spec{rule: "recent", op: opVague, kind: KindDate, vague: "PAST_REF"}
			return true
		}
	case "future":
		a := i
		switch m.w(a - 1) {
		case "near", "foreseeable", "distant", "immediate", "not-too-distant":
			a--
		}
		if m.w(a-1) != "the" || !m.endsPhrase(i+1) || m.w(i+1) == "of" {
			return false
		}
		out.a, out.b, out.sp = a-1, i+1, spec{rule: "the-future", op: opVague, kind: KindDate, vague: "FUTURE_REF"}
		return true
	case "past":
		if m.w(i-1) == "the" && (m.wr(i-2) == "in" || m.wr(i-2) == "into" || m.wr(i-2) == "from") && m.endsPhrase(i+1) && m.w(i+1) != "of" {
			out.a, out.b, out.sp = i-1, i+1, spec{rule: "the-past", op: opVague, kind: KindDate, vague: "PAST_REF"}
			return true
		}
	case "present":
		if m.wr(i-1) == "at" && m.endsPhrase(i+1) {
			out.a, out.b, out.sp = i, i+1, spec{rule: "at-present", op: opVague, kind: KindDate, vague: "PRESENT_REF"}
			return true
		}
		if m.w(i-1) == "the" && (m.wr(i-2) == "until" || m.wr(i-2) == "to" || m.wr(i-2) == "at") && m.endsPhrase(i+1) {
			out.a, out.b, out.sp = i-1, i+1, spec{rule: "the-present", op: opVague, kind: KindDate, vague: "PRESENT_REF"}
			return true
		}
	case "moment":
		if m.w(i-1) == "the" && (m.wr(i-2) == "at" || m.wr(i-2) == "for") && m.endsPhrase(i+1) {
			out.a, out.b, out.sp = i-1, i+1, spec{rule: "the-moment", op: opVague, kind: KindDate, vague: "PRESENT_REF"}
			return true
		}
	case "being":
		if m.w(i-1) == "time" && m.w(i-2) == "the" {
			out.a, out.b, out.sp = i-2, i+1, spec{rule: "the-time-being", op: opVague, kind: KindDate, vague: "PRESENT_REF"}
			return true
		}
	case "term":
		if (m.w(i-1) == "near" || m.w(i-1) == "short" || m.w(i-1) == "long" || m.w(i-1) == "medium") && !m.hyphenAt(i-1) && m.w(i-2) == "the" && (m.endsPhrase(i+1) || m.wr(i-3) == "in" || m.wr(i-3) == "over") {
			out.a, out.b, out.sp = i-2, i+1, spec{rule: "the-near-term", op: opVague, kind: KindDate, vague: "FUTURE_REF"}
			return true
		}
	}
	return false
}

// matchSeason: "this summer", "summer 2024", "the winter of 2022", "in
// the spring", "last fall".
func (m *matcher) matchSeason(i int, out *cand) bool {
	t := &m.t[i]
	n := int(t.n)
	prev := m.w(i - 1)
	sp, b := m.subYear("season", GranSeason, n, i+1)
	a := i
	if sp.op == opYear {
		if prev == "the" {
			a--
		}
		a = m.edgeLeft(a, &sp)
		out.a, out.b, out.sp = a, b, sp
		return true
	}
	switch prev {
	case "this", "last", "next", "past", "coming":
		switch prev {
		case "this":
			sp.dir = 2
		case "last", "past":
			sp.dir = -1
		default: // next, coming
			sp.dir = 1
		}
		a = i - 1
		if prev == "past" && m.w(a-1) == "this" {
			a-- // "this past summer"
		}
		a = m.edgeLeft(a, &sp)
		if m.w(a-1) == "the" && prev == "past" {
			a--
		}
		out.a, out.b, out.sp = a, b, sp
		return true
	case "the":
		p2 := m.wr(i - 2)
		if p2 == "in" || p2 == "during" || p2 == "by" || p2 == "until" || p2 == "since" || p2 == "over" || p2 == "through" || p2 == "throughout" {
			if m.w(b) == "of" {
				return false
			}
			out.a, out.b, out.sp = i-1, b, sp
			return true
		}
		if p2 == "of" && (m.wr(i-3) == "end" || m.wr(i-3) == "start" || m.wr(i-3) == "beginning") {
			a = m.edgeLeft(i-1, &sp)
			out.a, out.b, out.sp = a, b, sp
			return true
		}
	case "in", "during", "early", "late", "mid", "until", "since", "by":
		if m.tw(i) == "fall" || m.tw(i) == "spring" {
			if !m.endsPhrase(i + 1) {
				return false
			}
		}
		a = m.edgeLeft(i, &sp)
		out.a, out.b, out.sp = a, b, sp
		return true
	}
	return false
}

// matchSetAdj: weekly, daily, monthly, annual, quarterly …
func (m *matcher) matchSetAdj(i int, out *cand) bool {
	t := &m.t[i]
	if t.cap && (!m.sentenceStart(i) || (i+1 < len(m.t) && m.t[i+1].cap)) {
		return false // "China Daily", "Daily Mail"
	}
	if m.hyphenAt(i - 1) {
		return false // "bi-weekly" rare; "semi-annual"
	}
	g := m.ent(i).g
	val := periodOne(g)
	if g == GranHour {
		val = "PT1H"
	}
	if m.tw(i) == "biweekly" {
		val = "P2W"
	}
	if m.tw(i) == "biannual" {
		val = "P6M"
	}
	out.a, out.b, out.sp = i, i+1, spec{rule: "set-adjective", op: opSet, kind: KindSet, vague: val, quant: "EVERY"}
	return true
}

// matchEvery: every Friday, every week, each year, every two weeks, every
// other month, every morning.
func (m *matcher) matchEvery(i int, out *cand) bool {
	q := "EVERY"
	if m.tw(i) == "each" {
		q = "EACH"
	}
	k := i + 1
	if k >= len(m.t) {
		return false
	}
	if m.cls(k)&clsWeekday != 0 && m.t[k].cap && m.ent(k) != nil && !m.ent(k).pl {
		b := k + 1
		val := weekdaySet(int(m.t[k].n))
		if pod := podOf(m.w(b)); pod != "" {
			val += "T" + pod
			b++
		} else {
			val, b = m.setClock(val, b)
		}
		out.a, out.b, out.sp = i, b, spec{rule: "every-weekday", op: opSet, kind: KindSet, vague: val, quant: q}
		return true
	}
	if w := m.w(k); w == "weekday" || w == "weekend" && m.w(k+1) == "at" {
		// "every weekday at noon": XXXX-WXX-X with the time
		val := "XXXX-WXX-X"
		if w == "weekend" {
			val = "XXXX-WXX-WE"
		}
		val, b := m.setClock(val, k+1)
		out.a, out.b, out.sp = i, b, spec{rule: "every-weekday-clock", op: opSet, kind: KindSet, vague: val, quant: q}
		return true
	}
	if m.w(k) == "day" && m.w(k+1) == "at" {
		// "every day at 7 a.m.": a time every day
		if val, b := m.setClock("XXXX-XX-XX", k+1); b > k+1 {
			out.a, out.b, out.sp = i, b, spec{rule: "every-day-clock", op: opSet, kind: KindSet, vague: val, quant: q}
			return true
		}
	}
	if pod := podOf(m.w(k)); pod != "" && pod != "MI" {
		out.a, out.b, out.sp = i, k+1, spec{rule: "every-pod", op: opSet, kind: KindSet, vague: "XXXX-XX-XXT" + pod, quant: q}
		return true
	}
	amt := 1.0
	if m.w(k) == "other" {
		amt, k = 2, k+1
	} else if v, nx, ok := m.number(k); ok && m.word(k) != "a" && m.word(k) != "an" {
		amt, k = v, nx
	}
	g, _, nb, ok := m.unitAt(k)
	if !ok || g == GranWeekend {
		if ok && g == GranWeekend {
			out.a, out.b, out.sp = i, nb, spec{rule: "every-weekend", op: opSet, kind: KindSet, vague: "XXXX-WXX-WE", quant: q}
			return true
		}
		return false
	}
	ug, amt := m.unitNorm(m.tw(nb-1), g, amt)
	d := Duration{Amount: amt, Unit: ug}
	out.a, out.b, out.sp = i, nb, spec{rule: "every-unit", op: opSet, kind: KindSet, vague: d.TIMEX3(), quant: q}
	return true
}

// setClock reads "at 7 a.m." / "at noon" at k after a set and appends the
// clock time to its value ("XXXX-XX-XXT07:00"). It returns the value and
// the end token (k when there is no clock).
func (m *matcher) setClock(val string, k int) (string, int) {
	if m.w(k) != "at" {
		return val, k
	}
	if m.w(k+1) == "noon" || m.w(k+1) == "midday" {
		return val + "T12:00", k + 2
	}
	if m.w(k+1) == "midnight" {
		return val + "T24:00", k + 2
	}
	if !m.isNum(k + 1) {
		return val, k
	}
	lo := m.lo
	m.lo = k + 1
	var c cand
	ok := m.matchClock(k+1, &c)
	m.lo = lo
	if !ok || c.a != k+1 {
		return val, k
	}
	return val + fmt.Sprintf("T%02d:%02d", c.sp.hh, c.sp.mi), c.b
}

// matchFiscal: fiscal 2007, fiscal year 2007, FY2007, FY 2007, FY07.
func (m *matcher) matchFiscal(i int, out *cand) bool {
	t := &m.t[i]
	k := i + 1
	if m.tw(i) == "fiscal" {
		if m.w(k) == "year" {
			k++
		}
	} else if !t.cap {
		return false
	}
	if m.isNum(k) && (m.t[k].nd == 4 || (m.t[k].nd == 2 && m.tw(i) == "fy" && m.adj(k))) {
		y := int(m.t[k].n)
		if m.t[k].nd == 2 {
			y = twoDigitYear(y)
		}
		if y < 1900 || y > 2100 {
			return false
		}
		out.a, out.b, out.sp = i, k+1, spec{rule: "fiscal-year", op: opYear, kind: KindDate, g: GranYear, y: y, fiscal: true}
		return true
	}
	if m.tw(i) == "fiscal" && m.w(i+1) == "year" {
		switch m.w(i - 1) {
		case "this", "current", "last", "next", "previous", "the":
			n := map[string]int{"last": -1, "previous": -1, "next": 1}[m.w(i-1)]
			a := i - 1
			if m.w(i-1) == "current" && m.w(i-2) == "the" {
				a--
			}
			if m.w(i-1) == "the" {
				return false
			}
			out.a, out.b, out.sp = a, i+2, spec{rule: "rel-fiscal-year", op: opRelUnit, kind: KindDate, g: GranYear, n: n, fiscal: true}
			return true
		}
	}
	return false
}

// matchPOD: this morning, last night, this evening.
func (m *matcher) matchPOD(i int, out *cand) bool {
	if m.tw(i) == "noon" {
		// "at noon": 12:00 on the day written next to it or the anchor
		switch m.word(i - 1) {
		case "at", "by", "until", "before", "after", "around", "about", "till":
			sp := spec{rule: "noon", op: opClock, kind: KindTime, g: GranHour, hh: 12}
			b := m.clockZone(i+1, &sp)
			out.a, out.b, out.sp = i, b, sp
			return true
		}
		return false
	}
	pod := podOf(m.tw(i))
	if pod == "" || pod == "MI" || m.tw(i) == "mornings" || m.tw(i) == "evenings" || m.tw(i) == "nights" || m.tw(i) == "afternoons" {
		return false
	}
	switch m.w(i - 1) {
	case "this":
		out.a, out.b, out.sp = i-1, i+1, spec{rule: "this-pod", op: opDeictic, kind: KindTime, g: GranPartOfDay, pod: pod}
		return true
	case "last":
		if pod == "NI" || pod == "EV" {
			out.a, out.b, out.sp = i-1, i+1, spec{rule: "last-night", op: opDeictic, kind: KindTime, g: GranPartOfDay, pod: pod, n: -1}
			return true
		}
	}
	return false
}

// ---- clock times ----

// zoneWord maps zone abbreviations news uses to a zone. Abbreviations are
// ambiguous across countries; these are their usual meaning in English
// news (IST is India Standard Time). ET/PT/CT/MT follow daylight saving.
// upper says the abbreviation is also an English word or name ("eat",
// "west") and counts only in capitals.
func zoneWord(w string) (name string, fixed int, upper, ok bool) {
	switch w {
	case "utc", "gmt", "z":
		return "", 0, false, true
	case "et", "est", "edt":
		return "America/New_York", 0, w == "et", true
	case "pt", "pst", "pdt":
		return "America/Los_Angeles", 0, w == "pt", true
	case "ct", "cst", "cdt":
		return "America/Chicago", 0, w == "ct", true
	case "mt", "mst", "mdt":
		return "America/Denver", 0, w == "mt", true
	case "akst", "akdt":
		return "America/Anchorage", 0, false, true
	case "hst":
		return "Pacific/Honolulu", 0, false, true
	case "bst", "cet", "wat":
		return "", 3600, w == "wat", true
	case "cest", "eet", "cat", "sast":
		return "", 2 * 3600, w == "cat", true
	case "eest", "msk", "eat", "ast":
		return "", 3 * 3600, w == "eat" || w == "ast", true
	case "wet":
		return "", 0, true, true
	case "west":
		return "", 3600, true, true
	case "gst":
		return "", 4 * 3600, false, true
	case "pkt":
		return "", 5 * 3600, false, true
	case "ist":
		return "", 5*3600 + 1800, false, true
	case "ict", "wib":
		return "", 7 * 3600, false, true
	case "sgt", "hkt", "awst", "pht", "myt", "wita":
		return "", 8 * 3600, false, true
	case "jst", "kst":
		return "", 9 * 3600, false, true
	case "acst":
		return "", 9*3600 + 1800, false, true
	case "aest":
		return "", 10 * 3600, false, true
	case "acdt":
		return "", 10*3600 + 1800, false, true
	case "aedt":
		return "", 11 * 3600, false, true
	case "nzst":
		return "", 12 * 3600, false, true
	case "nzdt":
		return "", 13 * 3600, false, true
	}
	return "", 0, false, false
}

// regionZones names the zones news writes as "Eastern time", "Pacific
// time" (North America).
var regionZones = map[string]string{"eastern": "America/New_York", "central": "America/Chicago", "mountain": "America/Denver", "pacific": "America/Los_Angeles"}

// clockZone reads a zone after a clock time at k: "UTC", "ET", "local time",
// "(GMT)", "Ottawa time", "Eastern time", and an unknown capitalised
// abbreviation ("WIT"), which is kept in the extent without an offset.
func (m *matcher) clockZone(k int, sp *spec) int {
	j := k
	if m.punct(j) == '(' {
		j++
	}
	if j < len(m.t) && m.t[j].k == tkWord {
		w := m.lower(j)
		if name, fixed, upper, ok := zoneWord(w); ok && (m.t[j].cap || w == "z") && (!upper || isUpperWord(m.text(j))) {
			switch {
			case name != "":
				sp.zloc = m.x.zone(name)
			case fixed == 0:
				sp.zone = "Z"
				sp.zloc = time.UTC
			default:
				sp.zloc = time.FixedZone(strings.ToUpper(w), fixed)
			}
			j++
			if m.punct(j) == ')' && m.punct(k) == '(' {
				j++
			}
			return j
		}
		if w == "local" && m.w(j+1) == "time" {
			sp.zone = "local"
			return j + 2
		}
		// "3 p.m. Ottawa time", "noon New York time", "Eastern time"
		if m.t[j].cap && !m.nl(j) {
			var loc *time.Location
			e := j + 1
			if name := regionZones[w]; name != "" {
				loc = m.x.zone(name)
			} else if loc = m.x.placeLoc(w); loc == nil && e < len(m.t) && m.t[e].k == tkWord && m.t[e].cap {
				loc, e = m.x.placeLoc(w+" "+m.lower(e)), e+1
			}
			if loc != nil && m.w(e) == "time" {
				sp.zloc = loc
				return e + 1
			}
		}
		// an abbreviation we do not know: "1:30 a.m. WIT on Wednesday"
		if n := len(m.text(j)); n >= 3 && n <= 5 && isUpperWord(m.text(j)) && m.text(j)[n-1] == 'T' && m.punct(k) != '(' {
			return j + 1
		}
	}
	return k
}

func isUpperWord(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < 'A' || s[i] > 'Z' {
			return false
		}
	}
	return true
}

// ampm reads am/pm at k: "pm", "p.m.", "PM". It returns 'a', 'p' or 0.
func (m *matcher) ampm(k int) (byte, int) {
	if k >= len(m.t) || m.t[k].k != tkWord {
		return 0, k
	}
	switch m.tw(k) {
	case "am":
		return 'a', k + 1
	case "pm":
		return 'p', k + 1
	}
	// "a.m.", "P.M.": one letter a or p, '.', one letter m (compared
	// as bytes: no lower-case copy of a word that is none of them)
	if s := m.t[k].s; m.t[k].e-s == 1 && (m.body[s]|0x20 == 'a' || m.body[s]|0x20 == 'p') && m.punct(k+1) == '.' && m.adj(k+1) && m.oneLetter(k+2, 'm') && m.adj(k+2) {
		e := k + 3
		if m.punct(e) == '.' && m.adj(e) {
			e++
		}
		return m.body[s] | 0x20, e
	}
	return 0, k
}

// matchClock: 16:08 UTC, 4.20pm ET, 0117 GMT, 5 p.m., 14:30 local time.
// The hh:mm and "5pm" families are matched by olebedev/when's rules on a
// small window; the zone and the date come from our own rules.
func (m *matcher) matchClock(i int, out *cand) bool {
	t := &m.t[i]
	// the refusals of the cases below that need no spec, first: most
	// numbers are no clock time
	switch {
	case t.nd == 4:
		if t.n/100 > 23 || t.n%100 > 59 || !m.zoneMayFollow(i+1) {
			return false
		}
	case t.nd <= 2:
		if p := m.punct(i + 1); (p != ':' && p != '.') || !m.adj(i+1) {
			// neither hh:mm nor h.mm: only "5 pm" is left
			if ap, _ := m.ampm(i + 1); ap == 0 {
				return false
			}
		} else if !m.clockMayMatch(i) {
			return false
		}
	default:
		return false
	}
	sp := spec{rule: "clock", op: opClock, kind: KindTime, g: GranMinute}
	b := -1
	switch {
	case t.nd <= 2 && (m.punct(i+1) == ':') && m.adj(i+1) && m.isNum(i+2) && m.adj(i+2) && m.t[i+2].nd == 2:
		// hh:mm via when's HourMinute rule
		end := i + 3
		ap, e := m.ampm(end)
		if ap != 0 {
			end = e
		}
		win := m.body[t.s:m.t[end-1].e]
		hh, mi, ok := m.x.whenClock(m.x.whenHourMinute, win)
		if !ok {
			return false
		}
		hh = midnightAM(hh, ap)
		sp.hh, sp.mi, sp.rule = hh, mi, "clock-hh:mm"
		b = end
		if m.punct(b) == ':' && m.adj(b) && m.isNum(b+1) && m.t[b+1].nd == 2 { // seconds
			b += 2
		}
	case t.nd <= 2 && m.punct(i+1) == '.' && m.adj(i+1) && m.isNum(i+2) && m.adj(i+2) && m.t[i+2].nd == 2:
		// 4.20pm: needs am/pm or a zone
		ap, e := m.ampm(i + 3)
		hh, mi := int(t.n), int(m.t[i+2].n)
		if ap == 0 {
			z := m.clockZone(i+3, &sp)
			if z == i+3 || hh > 23 || mi > 59 {
				return false
			}
			sp.hh, sp.mi = hh, mi
			out.a, out.b, out.sp = m.clockLeft(i), z, sp
			return true
		}
		if hh < 1 || hh > 12 || mi > 59 {
			return false
		}
		if ap == 'p' && hh < 12 {
			hh += 12
		}
		hh = midnightAM(hh, ap)
		sp.hh, sp.mi, sp.rule = hh, mi, "clock-h.mm"
		b = e
	case t.nd <= 2:
		ap, e := m.ampm(i + 1)
		if ap == 0 {
			return false
		}
		win := m.body[t.s:m.t[e-1].e]
		hh, mi, ok := m.x.whenClock(m.x.whenHour, win)
		if !ok {
			return false
		}
		hh = midnightAM(hh, ap)
		sp.hh, sp.mi, sp.rule, sp.g = hh, mi, "clock-hour", GranHour
		b = e
	case t.nd == 4:
		hh, mi := int(t.n/100), int(t.n%100)
		if hh > 23 || mi > 59 {
			return false
		}
		z := m.clockZone(i+1, &sp)
		if z == i+1 || sp.zone == "local" && m.w(i+1) != "local" {
			return false
		}
		if m.w(i+1) == "local" {
			// "1400 local time"
		}
		sp.hh, sp.mi, sp.rule = hh, mi, "clock-hhmm"
		out.a, out.b, out.sp = m.clockLeft(i), z, sp
		return true
	default:
		return false
	}
	b = m.clockZone(b, &sp)
	out.a, out.b, out.sp = m.clockLeft(i), b, sp
	return true
}

// midnightAM corrects the hour olebedev/when's appliers give "12 a.m." and
// "12:40 a.m.": 12 on the twelve-hour clock before noon is hour 0.
func midnightAM(hh int, ap byte) int {
	if ap == 'a' && hh == 12 {
		return 0
	}
	return hh
}

func (m *matcher) clockLeft(i int) int {
	if w := m.w(i - 1); w == "about" || w == "around" || w == "approximately" {
		return i - 1
	}
	return i
}

// whenClock runs one of olebedev/when's clock rules on a small window and
// reads the hour and minute its applier sets. Only the matching and the
// field extraction are when's; the date is ours.
func (x *Extractor) whenClock(r rules.Rule, win string) (hh, mi int, ok bool) {
	if hh, mi, ok, known := clockFast(win, r == x.whenHourMinute); known {
		return hh, mi, ok
	}
	return x.whenRule(r, win)
}

// whenRule is whenClock with the rule always run.
func (x *Extractor) whenRule(r rules.Rule, win string) (hh, mi int, ok bool) {
	mt := r.Find(win)
	if mt == nil || mt.Left != 0 {
		return 0, 0, false
	}
	var c rules.Context
	okApply, err := mt.Apply(&c, &x.whenOpts, time.Time{})
	if err != nil || !okApply || c.Hour == nil {
		return 0, 0, false
	}
	hh = *c.Hour
	if c.Minute != nil {
		mi = *c.Minute
	}
	return hh, mi, true
}

// matchNumericDate: 2024-12-03, 2024/12/03, 12/03/2024 where unambiguous.
func (m *matcher) matchNumericDate(i int, out *cand) bool {
	t := &m.t[i]
	sep := m.punct(i + 1)
	if (sep != '-' && sep != '/' && sep != '.') || !m.adj(i+1) || !m.isNum(i+2) || !m.adj(i+2) || m.punct(i+3) != sep || !m.adj(i+3) || !m.isNum(i+4) || !m.adj(i+4) {
		return false
	}
	a, b2, c := int(t.n), int(m.t[i+2].n), int(m.t[i+4].n)
	if i+5 < len(m.t) && !m.t[i+5].sp && (m.t[i+5].k == tkNum || m.punct(i+5) == sep) {
		return false
	}
	var y, mo, d int
	switch {
	case t.nd == 4 && m.t[i+2].nd <= 2 && m.t[i+4].nd <= 2 && sep != '.':
		y, mo, d = a, b2, c
	case t.nd <= 2 && m.t[i+2].nd <= 2 && m.t[i+4].nd == 4 && sep != '-':
		y = c
		switch {
		case a > 12 && b2 <= 12:
			d, mo = a, b2
		case b2 > 12 && a <= 12:
			mo, d = a, b2
		case a == b2:
			mo, d = a, a
		default:
			return false // ambiguous: 04/02/2024
		}
	default:
		return false
	}
	if y < 1800 || y > 2200 || !validDay(y, mo, d) {
		return false
	}
	out.a, out.b, out.sp = i, i+5, spec{rule: "numeric-date", op: opAbs, kind: KindDate, g: GranDay, y: y, m: mo, d: d}
	return true
}

// samePeriod widens a year-back expression to a comparison period before
// it: "the same period last year", "the same quarter a year earlier",
// "the same period of the last year" are tagged whole (the MEANTIME
// practice); "the last year" there is the year before, not a length.
func (m *matcher) samePeriod(c *cand) {
	sp := &c.sp
	back := false
	switch sp.op {
	case opRelUnit, opAgo, opRefShift:
		back = sp.g == GranYear && sp.n == -1
	case opDur:
		back = (sp.rule == "the-last-unit" || sp.rule == "the-past-unit") && sp.dunit == GranYear && sp.amt == 1
	}
	if !back {
		return
	}
	k := c.a - 1
	if m.w(k) == "of" || m.w(k) == "in" {
		k--
	}
	switch m.w(k) {
	case "period", "quarter", "month", "week", "season", "half", "time":
	default:
		return
	}
	if m.w(k-1) != "same" || m.w(k-2) != "the" {
		return
	}
	if sp.op == opDur {
		*sp = spec{rule: "same-period-last-year", op: opRelUnit, kind: KindDate, g: GranYear, n: -1}
	}
	c.a = k - 2
}

// yearBackAfter reads "last year", "a year earlier/ago/before", "(of) the
// previous/prior/preceding/last year" at j and returns the token after it,
// or 0.
func (m *matcher) yearBackAfter(j int) int {
	if m.w(j) == "of" || m.w(j) == "in" {
		j++
	}
	switch {
	case m.w(j) == "last" && m.w(j+1) == "year":
		return j + 2
	case m.w(j) == "a" && m.w(j+1) == "year" && (m.w(j+2) == "earlier" || m.w(j+2) == "ago" || m.w(j+2) == "before"):
		return j + 3
	case m.w(j) == "the" && m.w(j+2) == "year":
		switch m.w(j + 1) {
		case "previous", "prior", "preceding", "last":
			return j + 3
		}
	}
	return 0
}
