package parse

import "slices"

// The rule names and TIMEX3 modifiers the rules build from a word they
// read: constant strings for every word a rule can pass, so that a match
// costs no string concatenation (an allocation) and no map literal (built
// on every call). Each falls back to the general form for any other word,
// which TestRuleNames checks against.

// edgeMod returns the TIMEX3 mod of an edge word before a date: "early"
// START, "late" END, "mid" MID, "" for any other word.
func edgeMod(w string) string {
	switch w {
	case "early":
		return "START"
	case "late":
		return "END"
	case "mid":
		return "MID"
	}
	return ""
}

// everyQuant returns the TIMEX3 quant of "every" (EVERY) and "each"
// (EACH), "" for any other word.
func everyQuant(w string) string {
	switch w {
	case "every":
		return "EVERY"
	case "each":
		return "EACH"
	}
	return ""
}

// relUnitRule returns prev + "-unit", the rule of "last week", "this
// year" (matchRelUnit).
func relUnitRule(prev string) string {
	switch prev {
	case "this":
		return "this-unit"
	case "last":
		return "last-unit"
	case "next":
		return "next-unit"
	case "current":
		return "current-unit"
	case "coming":
		return "coming-unit"
	case "past":
		return "past-unit"
	case "previous":
		return "previous-unit"
	case "preceding":
		return "preceding-unit"
	case "prior":
		return "prior-unit"
	case "following":
		return "following-unit"
	case "same":
		return "same-unit"
	case "that":
		return "that-unit"
	case "recent":
		return "recent-unit"
	case "these":
		return "these-unit"
	case "upcoming":
		return "upcoming-unit"
	}
	return prev + "-unit"
}

// durationRule returns the rule of a duration after w ("the past three
// weeks", "last five years"): "the-" + w + "-duration" when the is true,
// else w + "-duration".
func durationRule(the bool, w string) string {
	if the {
		switch w {
		case "past":
			return "the-past-duration"
		case "last":
			return "the-last-duration"
		case "next":
			return "the-next-duration"
		case "coming":
			return "the-coming-duration"
		case "first":
			return "the-first-duration"
		case "final":
			return "the-final-duration"
		case "previous":
			return "the-previous-duration"
		case "following":
			return "the-following-duration"
		case "recent":
			return "the-recent-duration"
		}
		return "the-" + w + "-duration"
	}
	switch w {
	case "past":
		return "past-duration"
	case "last":
		return "last-duration"
	case "next":
		return "next-duration"
	}
	return w + "-duration"
}

// refRule returns "ref-" + w, the rule of "two days later", "a week
// before".
func refRule(w string) string {
	switch w {
	case "later":
		return "ref-later"
	case "earlier":
		return "ref-earlier"
	case "before":
		return "ref-before"
	case "after":
		return "ref-after"
	}
	return "ref-" + w
}

// theUnitRule returns "the-unit-" + w, the rule of "the day before".
func theUnitRule(w string) string {
	switch w {
	case "before":
		return "the-unit-before"
	case "after":
		return "the-unit-after"
	}
	return "the-unit-" + w
}

// relYearRule returns rule + "-rel-year", the rule of a part of a year
// with a relative year ("the fourth quarter of last year").
func relYearRule(rule string) string {
	switch rule {
	case "q-quarter":
		return "q-quarter-rel-year"
	case "final-quarter":
		return "final-quarter-rel-year"
	case "ordinal-quarter":
		return "ordinal-quarter-rel-year"
	case "ordinal-half":
		return "ordinal-half-rel-year"
	case "season":
		return "season-rel-year"
	}
	return rule + "-rel-year"
}

// oneLetter reports whether token j is the one-letter word c (a
// lower-case ASCII letter) in either case: m.lower(j) == string(c).
func (m *matcher) oneLetter(j int, c byte) bool {
	if j < 0 || j >= len(m.t) {
		return false
	}
	t := &m.t[j]
	return t.k == tkWord && t.e-t.s == 1 && m.body[t.s]|0x20 == c
}

// durationMayMatch is matchDuration's early refusal at a digit token or
// a number word i ("five", "several"): it reports false only when
// matchDuration surely fails at i. After the number (with its decimal
// part, "3.5") and a hyphen with no space around it ("five-year",
// "twenty-five"), matchDuration reads on only over a unit word or a
// word of unitModifiers ("3 straight days"), a number word ("twenty
// five", "hundred") or "and" before "a"/"an" ("three and a half"); and
// "several" and "few" are no number for it at all. Most numbers in news
// ("300 people", "in 2008 the", "3.5 percent", "2-1") fail these tests.
func (m *matcher) durationMayMatch(i int) bool {
	if m.plain {
		return true
	}
	t := m.t
	j := i + 1
	if j+1 < len(t) && t[i].k == tkNum && t[j].k == tkPunct && !t[j].sp && t[j+1].k == tkNum && !t[j+1].sp && m.body[t[j].s] == '.' {
		j += 2 // the decimal part number reads
	}
	if m.hyphenAt(j) {
		j++
	}
	if j >= len(t) || t[j].k != tkWord {
		return false
	}
	n := &t[j]
	if n.cls&(clsUnit|clsUnitMod|clsNumWord) != 0 {
		return true
	}
	if m.words[n.id] != "and" {
		return false
	}
	// "and a half", "-and-a-half"
	if m.hyphenAt(j + 1) {
		j++
	}
	w := m.word(j + 1)
	return w == "a" || w == "an"
}

// clockMayMatch is the early refusal of matchClock's hh:mm and h.mm
// cases at a number of one or two digits i before ':' or '.' with no
// space: it reports false only when matchClock surely fails at i. Both
// cases need two digits right after the mark, and h.mm ("4.20pm") needs
// am/pm or a zone after them; with neither, what is left of matchClock
// reads am/pm right after i, where the mark is. Most such numbers in
// news are decimals ("3.5 percent", "1.2 billion").
func (m *matcher) clockMayMatch(i int) bool {
	if m.plain {
		return true
	}
	if !m.isNum(i+2) || !m.adj(i+2) || m.t[i+2].nd != 2 {
		return false
	}
	if m.punct(i+1) == ':' {
		return true
	}
	ap, _ := m.ampm(i + 3)
	return ap != 0 || m.zoneMayFollow(i+3)
}

// inSet reports whether the lower-case text of token j (m.lower(j)) is
// in set, lowering a word outside the lexicon on the stack: a
// capitalised name next to a number or a weekday ("2008 Olympics",
// "Black Friday") costs no allocation.
func (m *matcher) inSet(set map[string]bool, j int) bool {
	if uint(j) >= uint(len(m.t)) {
		return set[""]
	}
	t := &m.t[j]
	if t.id != 0 {
		// the entry's word is the token's text in lower case
		return set[m.words[t.id]]
	}
	s := m.body[t.s:t.e]
	var buf [32]byte
	if len(s) > len(buf) {
		return set[lowerASCII(s)]
	}
	b := buf[:len(s)]
	for k := 0; k < len(s); k++ {
		c := s[k]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		b[k] = c
	}
	return set[string(b)]
}

// zoneMayFollow is clockZone's early refusal: it reports false only when
// clockZone(k) surely reads no zone at k (returns k). Every zone it reads
// starts, after an optional '(', with a word that is capitalised ("UTC",
// "ET", "Ottawa time", "WIT"), "z" or "local" ("local time"). matchClock
// reads it before building a spec for a four-digit number, which is a
// clock time ("1400 GMT") only with a zone and mostly a year ("in 2008
// the").
func (m *matcher) zoneMayFollow(k int) bool {
	if m.plain {
		return true
	}
	j := k
	if m.punct(j) == '(' {
		j++
	}
	if j >= len(m.t) || m.t[j].k != tkWord {
		return false
	}
	t := &m.t[j]
	return t.cap || m.oneLetter(j, 'z') || m.x.lx.words[t.id] == "local"
}

// scanAll runs the rules around every trigger token of m.t, left to
// right, and appends the matches to out; a match consumes its tokens.
func (m *matcher) scanAll(out []cand) []cand {
	toks := m.t
	for i := 0; i < len(toks); i++ {
		if i = nextTrigger(toks, i); i == len(toks) {
			break
		}
		// match fills in the slot after the last match (on success only,
		// and whole): keeping the match is a length change, not a copy
		if len(out) == cap(out) {
			out = slices.Grow(out, 1)
		}
		c := &out[:len(out)+1][len(out)]
		if !m.match1(i, c) {
			continue
		}
		m.samePeriod(c)
		if c.b <= i || c.a < m.lo || c.b > len(toks) {
			continue
		}
		out = out[:len(out)+1]
		m.lo = c.b
		i = c.b - 1
	}
	return out
}

// newMatcher returns a matcher of the rules of x over the tokens toks of
// body.
func newMatcher(x *Extractor, body string, toks []tok) *matcher {
	return &matcher{x: x, body: body, t: toks, words: x.lx.words, rwords: x.lx.rwords}
}

// plainRules turns the early refusals of m off (see matcher.plain) and
// returns m.
func (m *matcher) plainRules() *matcher {
	m.plain = true
	return m
}

// periodOne returns "P1" + unitLetter(g), the TIMEX3 value of one unit
// g ("P1W"), as a constant.
func periodOne(g Granularity) string {
	switch unitLetter(g) {
	case "W":
		return "P1W"
	case "M":
		return "P1M"
	case "Q":
		return "P1Q"
	case "Y":
		return "P1Y"
	case "H":
		return "P1H"
	}
	return "P1D"
}

// weekdaySet returns "XXXX-WXX-" + isoWeekdayDigit(wd), the TIMEX3 value
// of "every Friday", as a constant for a weekday 0 to 6 (Sunday 0).
func weekdaySet(wd int) string {
	switch wd {
	case 0:
		return "XXXX-WXX-7" // Sunday
	case 1:
		return "XXXX-WXX-1"
	case 2:
		return "XXXX-WXX-2"
	case 3:
		return "XXXX-WXX-3"
	case 4:
		return "XXXX-WXX-4"
	case 5:
		return "XXXX-WXX-5"
	case 6:
		return "XXXX-WXX-6"
	}
	return "XXXX-WXX-" + isoWeekdayDigit(wd)
}

// lowered returns lowerASCII(m.body[s:e]) (as lowerText does): the text
// itself when it has no capitals, else a lower-case copy appended to
// m.low, so that the capitalised words the rules read around the
// triggers of a text ("Smith said Monday") share a few allocations
// instead of one each. A strings.Builder only appends: the strings it
// gave before stay as they were.
func (m *matcher) lowered(s, e int) string {
	body := m.body
	if none, tested := shortNoUpper(body, s, e); none || !tested && !hasUpper(body[s:e]) {
		return body[s:e]
	}
	if m.low.Cap() == 0 {
		m.low.Grow(64)
	}
	start := m.low.Len()
	for k := s; k < e; k++ {
		c := body[k]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		m.low.WriteByte(c)
	}
	return m.low.String()[start:]
}

// hasUpper reports whether s has an ASCII capital.
func hasUpper(s string) bool {
	for k := 0; k < len(s); k++ {
		if s[k] >= 'A' && s[k] <= 'Z' {
			return true
		}
	}
	return false
}

// begin writes a match of tokens [a, b) to c, with a spec of rule,
// operation o, kind k and granularity g and every other field zero, and
// returns the spec for the rule to fill in. It builds the spec in place:
// a spec (272 bytes) built aside and copied in costs a zeroing and two
// copies. A rule calls it once it is sure of its match.
func (c *cand) begin(a, b int, rule string, o op, k Kind, g Granularity) *spec {
	c.a, c.b = a, b
	c.sp = spec{}
	sp := &c.sp
	sp.rule, sp.op, sp.kind, sp.g = rule, o, k, g
	return sp
}
