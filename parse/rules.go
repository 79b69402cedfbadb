package parse

import (
	"strings"
	"time"
)

// op says how a matched expression is resolved (see resolve.go).
type op uint8

const (
	opAbs      op = iota // explicit calendar parts y/m/d; a missing year comes from the tense
	opYear               // an explicit year y, optionally narrowed by sub/subN
	opWeekday            // weekday wd; dir 0 bare (tense decides), -1 last, +1 next, 2 this
	opDeictic            // n days from the anchor (today 0, yesterday -1, tomorrow +1)
	opRelUnit            // the unit g containing the anchor shifted by n units
	opAgo                // n units g before (n<0) or after the anchor, at the unit's precision
	opRef                // the reference date (the last date the text mentioned)
	opRefShift           // n units g from the reference date
	opDur                // a duration amt×dunit
	opVague              // PRESENT_REF, PAST_REF, FUTURE_REF
	opSet                // a set (value in vague)
	opDecade             // decade y/10 or century y/100 (g says which)
	opClock              // a clock time hh:mi on the anchor (or reference) day
	opSubYear            // a part of an unstated year (quarter, half, season, month): tense decides the year
	opMonthDay           // "the 3rd": a day of the anchor's month
)

// spec is a matched expression before resolution.
type spec struct {
	rule   string
	op     op
	kind   Kind
	g      Granularity
	n      int
	y, m   int
	d      int
	wd     int
	dir    int
	sub    Granularity // quarter, half, season, month of a year
	subN   int
	pod    string // MO, AF, EV, NI
	hh, mi int
	zone   string         // value suffix for clock times: "Z", "" or computed from zloc
	zloc   *time.Location // zone named by the text
	amt    float64
	unspec bool
	dunit  Granularity
	mod    string
	vague  string
	quant  string
	freq   string
	fiscal bool
	approx bool
	plan   bool // a plan in the past or a new target ("had been scheduled for"): a day and month is the nearest such date
}

// cand is a match: tokens [a, b) and what they mean. A rule writes its
// match to an out *cand and reports true, or reports false and leaves
// *out alone: a cand returned by value (with its spec, 272 bytes) cost
// a zeroing on every refusal and copies on the way up.
type cand struct {
	a, b int
	sp   spec
}

// matcher runs the rules around one trigger token.
type matcher struct {
	x    *Extractor
	body string
	t    []tok
	// words and rwords are m.x.lx.words and m.x.lx.rwords, the words of
	// the lexicon entries, read by word and tw with one load fewer.
	words, rwords []string
	lo            int // tokens before lo belong to an earlier match
	// plain turns off the early refusals of rules_fast.go (each rule then
	// runs as written): the reference the tests compare them with.
	plain bool
	// lastW is wordText of token lastJ, the last word outside the
	// lexicon it read ("" for none yet).
	lastJ int
	lastW string
	// low holds the lower-case copies of the words wordText lowered,
	// one after the other (see lowered).
	low strings.Builder
}

// w is word for the tokens from m.lo on ("" before m.lo, which is never
// negative).
func (m *matcher) w(j int) string {
	if j < m.lo {
		return ""
	}
	return m.word(j)
}

// word returns the lower-case form of word token j: the interned lexicon
// string, or the lower-cased text for words outside the lexicon (only
// computed around triggers, never in the token loop: wordText).
func (m *matcher) word(j int) string {
	if uint(j) < uint(len(m.t)) && m.t[j].id != 0 {
		return m.words[m.t[j].id]
	}
	return m.wordText(j)
}

// wordText is word for a token outside the lexicon: the lower-cased text
// of a word, "" for a number, a mark or j outside the tokens.
func (m *matcher) wordText(j int) string {
	if uint(j) >= uint(len(m.t)) || m.t[j].k != tkWord {
		return ""
	}
	if j == m.lastJ && m.lastW != "" {
		// the rules around a trigger read the same neighbour again and
		// again: a capitalised one ("Smith said Monday") is lowered once
		return m.lastW
	}
	w := m.lowered(int(m.t[j].s), int(m.t[j].e))
	m.lastJ, m.lastW = j, w
	return w
}

// tw returns the lexicon word of token j ("" outside the lexicon and for
// interned words).
func (m *matcher) tw(j int) string {
	if uint(j) >= uint(len(m.t)) {
		return ""
	}
	return m.rwords[m.t[j].id]
}

// ent returns the lexicon entry of token j, or nil (also for interned
// words).
func (m *matcher) ent(j int) *lexEntry {
	if j < 0 || j >= len(m.t) {
		return nil
	}
	if id := m.t[j].id; m.x.lx.known(id) {
		return &m.x.lx.ents[id]
	}
	return nil
}

// wr is like w but may look at tokens before lo (for context only).
func (m *matcher) wr(j int) string {
	if j < 0 || j >= len(m.t) {
		return ""
	}
	return m.word(j)
}

func (m *matcher) cls(j int) uint32 {
	if j < 0 || j >= len(m.t) {
		return 0
	}
	return m.t[j].cls
}

func (m *matcher) isNum(j int) bool { return j >= 0 && j < len(m.t) && m.t[j].k == tkNum }

func (m *matcher) punct(j int) byte {
	if j < 0 || j >= len(m.t) || m.t[j].k != tkPunct {
		return 0
	}
	return m.body[m.t[j].s]
}

// nl reports whether a line break separates token j from token j-1.
func (m *matcher) nl(j int) bool {
	if j <= 0 || j >= len(m.t) {
		return false
	}
	for k := m.t[j-1].e; k < m.t[j].s; k++ {
		if m.body[k] == '\n' {
			return true
		}
	}
	return false
}

// adj reports whether token j follows token j-1 with no space.
func (m *matcher) adj(j int) bool { return j > 0 && j < len(m.t) && !m.t[j].sp }

// hyphen reports whether tokens j, j+1, j+2 form "x-y" with a hyphen.
func (m *matcher) hyphenAt(j int) bool {
	// punct(j) == '-' && adj(j) && adj(j+1), in one test of the bounds
	return j > 0 && j+1 < len(m.t) && m.t[j].k == tkPunct && !m.t[j].sp && !m.t[j+1].sp && m.body[m.t[j].s] == '-'
}

// lower returns lowerASCII(m.text(j)): the lower-case text of token j,
// "" outside the tokens.
func (m *matcher) lower(j int) string {
	if j < 0 || j >= len(m.t) {
		return ""
	}
	return lowerText(m.body, int(m.t[j].s), int(m.t[j].e))
}

func (m *matcher) text(j int) string {
	if j < 0 || j >= len(m.t) {
		return ""
	}
	return m.body[m.t[j].s:m.t[j].e]
}

// sentenceStart reports whether token j starts a sentence or line (so its
// capital letter says nothing).
func (m *matcher) sentenceStart(j int) bool {
	if j == 0 {
		return true
	}
	p := &m.t[j-1]
	if p.k == tkPunct {
		c := m.body[p.s]
		if c == '.' || c == '!' || c == '?' || c == ':' || c == '"' || c == '\'' || c == '(' || c == '[' || c == '|' {
			return true
		}
		if p.e-p.s > 1 { // “ ‘ — – •
			return true
		}
	}
	// a newline between the tokens
	for k := p.e; k < m.t[j].s; k++ {
		if m.body[k] == '\n' {
			return true
		}
	}
	return false
}

// capWord reports whether token j is a capitalised word that is not just
// capitalised because it starts a sentence, and is no date word.
func (m *matcher) capName(j int) bool {
	if j < 0 || j >= len(m.t) {
		return false
	}
	t := &m.t[j]
	if t.k != tkWord || !t.cap {
		return false
	}
	if t.cls&(clsMonth|clsWeekday|clsDeictic) != 0 {
		return false
	}
	// every word below is a lexicon word (TestCapNameStops): a word
	// outside the lexicon is none of them, and needs no lowering
	switch m.words[t.id] {
	case "on", "in", "at", "by", "the", "a", "an", "and", "but", "from", "until", "since", "last", "next", "this", "early", "late", "for", "of", "before", "after", "during", "every", "each", "as", "or", "to":
		return false
	}
	return !m.sentenceStart(j)
}

// match1 tries the rules at trigger token i. It stores the longest
// sensible reading starting at or around i in *out and reports whether
// there is one (out is left alone when there is none). The caller then
// extends it over "the same period" (samePeriod): see scanAll.
func (m *matcher) match1(i int, out *cand) bool {
	t := &m.t[i]
	c := t.cls
	switch {
	case t.k == tkNum:
		return m.matchNumber(i, out)
	case c&clsMonth != 0 || c&clsMonthAbbr != 0:
		if m.matchMonth(i, out) {
			return true
		}
	case c&clsWeekday != 0:
		if m.matchWeekday(i, out) {
			return true
		}
	}
	if c&clsHoliday != 0 {
		if m.matchHoliday(i, out) {
			return true
		}
	}
	if c&clsNumWord != 0 || t.id != 0 && (m.tw(i) == "several" || m.tw(i) == "few") {
		if m.durationMayMatch(i) && m.matchDuration(i, false, out) {
			return true
		}
	}
	if c&clsHalf != 0 {
		if m.matchHalf(i, out) {
			return true
		}
	}
	if c&clsUnit != 0 {
		if m.matchUnit(i, out) {
			return true
		}
	}
	if c&clsDeictic != 0 {
		if m.matchDeictic(i, out) {
			return true
		}
	}
	if c&clsSeason != 0 {
		if m.matchSeason(i, out) {
			return true
		}
	}
	if c&clsSetAdj != 0 {
		if m.matchSetAdj(i, out) {
			return true
		}
	}
	if c&clsEvery != 0 {
		if m.matchEvery(i, out) {
			return true
		}
	}
	if c&clsVague != 0 {
		if m.matchVague(i, out) {
			return true
		}
	}
	if c&clsFiscal != 0 {
		if m.matchFiscal(i, out) {
			return true
		}
	}
	if c&clsPOD != 0 {
		if m.matchPOD(i, out) {
			return true
		}
	}
	return false
}

// ---- numbers ----

// number reads a cardinal at j: digits (with a decimal part), number
// words ("twenty-five", "three and a half", "three-and-a-half"), "a"/"an"
// (one), "half a/an". It returns the value and the token after it.
func (m *matcher) number(j int) (v float64, next int, ok bool) {
	if j < m.lo || j >= len(m.t) {
		return 0, j, false
	}
	t := &m.t[j]
	switch {
	case t.k == tkNum:
		if t.nd > 6 {
			return 0, j, false
		}
		v = float64(t.n)
		next = j + 1
		// decimal 3.5
		if m.punct(next) == '.' && m.adj(next) && m.isNum(next+1) && m.adj(next+1) && m.t[next+1].nd <= 3 {
			d := &m.t[next+1]
			f := float64(d.n)
			for k := uint8(0); k < d.nd; k++ {
				f /= 10
			}
			v += f
			next += 2
		}
	case t.cls&clsNumWord != 0:
		v = float64(t.n)
		next = j + 1
		// twenty-five, twenty five
		if t.n >= 20 && t.n%10 == 0 && t.n < 100 {
			k := next
			if m.hyphenAt(k) {
				k++
			}
			if k < len(m.t) && m.t[k].cls&clsNumWord != 0 && m.t[k].n > 0 && m.t[k].n < 10 {
				v += float64(m.t[k].n)
				next = k + 1
			}
		}
		if m.w(next) == "hundred" {
			v *= 100
			next++
		}
	case m.word(j) == "a" || m.word(j) == "an":
		if m.w(j+1) == "half" { // "a half"
			return 0.5, j + 2, true
		}
		if m.w(j+1) == "couple" && m.w(j+2) == "of" {
			return 2, j + 3, true
		}
		v, next = 1, j+1
		if m.w(next) == "hundred" || m.w(next) == "dozen" {
			v = float64(m.t[next].n)
			next++
		}
		return v, next, true
	case m.tw(j) == "half":
		if w := m.w(j + 1); w == "a" || w == "an" {
			return 0.5, j + 2, true
		}
		return 0, j, false
	default:
		return 0, j, false
	}
	// "three and a half", "three-and-a-half"
	k := next
	hy := m.hyphenAt(k)
	if hy {
		k++
	}
	if m.w(k) == "and" {
		k2 := k + 1
		if hy && m.hyphenAt(k2) {
			k2++
		}
		if w := m.w(k2); w == "a" || w == "an" {
			k3 := k2 + 1
			if hy && m.hyphenAt(k3) {
				k3++
			}
			if m.w(k3) == "half" {
				return v + 0.5, k3 + 1, true
			}
		}
	}
	return v, next, true
}

// unitAt reads a unit word at j (allowing "trading days", "straight days",
// "consecutive quarters" in between) and returns its granularity.
func (m *matcher) unitAt(j int) (g Granularity, plural bool, next int, ok bool) {
	k := j
	for n := 0; n < 2 && k >= m.lo && k < len(m.t) && m.t[k].cls&clsUnitMod != 0; n++ {
		k++ // a word of unitModifiers
	}
	if k >= len(m.t) || m.t[k].cls&clsUnit == 0 || m.ent(k) == nil {
		return 0, false, j, false
	}
	e := m.ent(k)
	if e.word == "second" {
		// "a second attack": an ordinal unless a time word follows
		if j == k && (m.word(j-1) == "a" || m.word(j-1) == "an" || m.word(j-1) == "one") {
			switch nx := k + 1; {
			case nx >= len(m.t) || m.t[nx].k == tkPunct:
			default:
				switch m.word(nx) {
				case "later", "ago", "earlier", "before", "after", "and", "or", "to", "in", "of", "for", "longer":
				default:
					return 0, false, j, false
				}
			}
		}
		// "a second consecutive day", "the second quarter": an ordinal
		if k == j && m.w(j-1) == "the" {
			return 0, false, j, false
		}
		if nx := k + 1; nx < len(m.t) && (m.t[nx].cls&(clsUnit|clsHalf) != 0 || m.x.ordAdj[m.word(nx)]) {
			return 0, false, j, false
		}
	}
	return e.g, e.pl, k + 1, true
}

// durMod reads a modifier before a duration ending just before j:
// "nearly", "more than", "at least", … It returns the modifier and the
// first token of the modifier.
func (m *matcher) durMod(j int) (mod string, a int) {
	switch m.w(j - 1) {
	case "nearly", "almost", "about", "around", "approximately", "roughly", "some", "nearing":
		return "APPROX", j - 1
	case "over":
		return "MORE_THAN", j - 1
	case "under":
		return "LESS_THAN", j - 1
	case "than":
		switch m.w(j - 2) {
		case "more":
			return "MORE_THAN", j - 2
		case "less", "fewer":
			return "LESS_THAN", j - 2
		}
	case "least":
		if m.w(j-2) == "at" {
			return "EQUAL_OR_MORE", j - 2
		}
	case "to":
		if m.w(j-2) == "up" {
			return "EQUAL_OR_LESS", j - 2
		}
	}
	return "", j
}

// matchNumber handles a digit token: clock times, ISO and slash dates,
// "3 December 2024", years, decades, "'82", durations and "N units ago".
// Most numbers in news match none of these ("15 people", "$3 billion"):
// numberMayMatch refuses them before any rule runs. The match is stored
// in *out (left alone when there is none), so that a refused number
// costs no copy of a candidate.
func (m *matcher) matchNumber(i int, out *cand) bool {
	if !m.numberMayMatch(i) {
		return false
	}
	return m.numberRules(i, out)
}

// numberMayMatch is matchNumber's early refusal, read from the classes of
// the number's token and its neighbours': it reports false only when
// numberRules surely matches nothing at digit token i
// (TestNumberMayMatch checks it on the dev texts). A rule can match only
//   - at four digits (a year, "1990s", "1400 GMT"), which it does not
//     judge;
//   - at one digit right after "Q" ("Q3") or two digits right after a
//     quotation mark ("'82", "’90s");
//   - before ':', '.', '-' or '/' between it and another token, with no
//     space ("16:08", "4.20pm", "3.5 years", "2024-12-03", "12/03/2024",
//     "3-year");
//   - before a month or unit word, a word of numNextWords ("5 pm", "5
//     p.m.", "3rd", "3rd of", "3 and a half") or of unitModifiers ("3
//     straight days").
func (m *matcher) numberMayMatch(i int) bool {
	t := &m.t[i]
	if t.nd == 4 {
		return true
	}
	if i > 0 && !t.sp {
		// "Q3" (a capital Q), "'82", "’90s" (a quote): no space before
		p := &m.t[i-1]
		if t.nd == 1 && p.k == tkWord && p.e-p.s == 1 && m.body[p.s] == 'Q' || t.nd == 2 && p.k == tkPunct && quoteYearLead[m.body[p.s]] {
			return true
		}
	}
	if i+1 >= len(m.t) {
		return false
	}
	switch n := &m.t[i+1]; n.k {
	case tkWord:
		return n.cls&(clsNumNext|clsUnitMod|clsUnit|clsMonth|clsMonthAbbr) != 0
	case tkPunct:
		// "16:08", "4.20pm", "3.5", "2024-12-03", "3-year", "12/03":
		// the token after the mark follows it with no space too
		if n.sp || i+2 >= len(m.t) || m.t[i+2].sp {
			return false
		}
		c := m.body[n.s]
		return c == ':' || c == '.' || c == '-' || c == '/'
	}
	return false
}

// quoteYearLead marks the first bytes of the marks before a two-digit
// year ("'82", "`82", "’90s", "‘90s"): the lead byte of ’ and ‘.
var quoteYearLead = [256]bool{'\'': true, '`': true, 0xE2: true}

// numberRules runs the rules of matchNumber at digit token i.
func (m *matcher) numberRules(i int, out *cand) bool {
	t := &m.t[i]
	// Skip parts of bigger numbers: 2,000 / 1.5 / 2004-05 handled below.
	if i > 0 && m.adj(i) && (m.punct(i-1) == ',' || m.punct(i-1) == '.' || m.punct(i-1) == '/' || m.punct(i-1) == '$' || m.isNum(i-1)) && i-1 >= m.lo {
		return false
	}
	if m.punct(i+1) == ',' && m.adj(i+1) && m.isNum(i+2) && m.adj(i+2) && m.t[i+2].nd == 3 {
		return false // 2,000
	}
	if prev := m.punct(i - 1); (prev == '$' || prev == '#') && m.adj(i) {
		return false
	}
	if m.matchClock(i, out) {
		return true
	}
	// Q3, Q3 2008
	if t.nd == 1 && t.n >= 1 && t.n <= 4 && m.adj(i) && i-1 >= m.lo && m.word(i-1) == "q" && m.t[i-1].cap {
		sp, b := m.subYear("q-quarter", GranQuarter, int(t.n), i+1)
		out.a, out.b, out.sp = i-1, b, sp
		return true
	}
	if m.matchNumericDate(i, out) {
		return true
	}
	after := m.w(i + 1) // the word after the number, read once
	// day month year: 3 December 2024, 3rd of December
	if t.nd <= 2 && t.n >= 1 && t.n <= 31 {
		k := i + 1
		if w := after; (w == "st" || w == "nd" || w == "rd" || w == "th") && m.adj(k) {
			k++
		}
		if m.w(k) == "of" {
			k++
		}
		if mo, next, ok := m.monthWord(k, true); ok {
			y, b, _ := m.yearAfter(next, true) // no year: 0, next
			if !validDay(y, mo, int(t.n)) {
				return false
			}
			a := i
			if m.w(i-1) == "the" {
				a = i - 1
			}
			sp := out.begin(a, b, "day-month", opAbs, KindDate, GranDay)
			sp.m, sp.d, sp.y = mo, int(t.n), y
			m.withWeekdayPrefix(out)
			return true
		}
	}
	// "the 3rd": a day of the current month
	if t.nd <= 2 && t.n >= 1 && t.n <= 31 && m.w(i-1) == "the" {
		if w := after; (w == "st" || w == "nd" || w == "rd" || w == "th") && m.adj(i+1) {
			nx := i + 2
			if nx >= len(m.t) || m.t[nx].k == tkPunct {
				out.a, out.b, out.sp = i-1, i+2, spec{rule: "ordinal-day", op: opMonthDay, kind: KindDate, g: GranDay, d: int(t.n)}
				return true
			}
		}
	}
	// ordinal century: the 20th century
	if t.nd <= 2 && (after == "th" || after == "st" || after == "nd" || after == "rd") && m.adj(i+1) && (m.w(i+2) == "century" || m.w(i+2) == "centuries") && t.n >= 1 && t.n <= 30 {
		a := i
		if m.w(i-1) == "the" {
			a = i - 1
		}
		out.a, out.b, out.sp = a, i+3, spec{rule: "century", op: opDecade, kind: KindDate, g: GranCentury, y: (int(t.n) - 1) * 100}
		return true
	}
	// decades: 1990s, the '90s
	if t.nd == 4 && t.n%10 == 0 && after == "s" && m.adj(i+1) && t.n >= 1000 && t.n < 2100 {
		sp := spec{rule: "decade", op: opDecade, kind: KindDate, g: GranDecade, y: int(t.n)}
		a := m.decadeLeft(i, &sp)
		out.a, out.b, out.sp = a, i+2, sp
		return true
	}
	if t.nd == 2 && m.punct(i-1) == '\'' || t.nd == 2 && isRightQuote(m.text(i-1)) {
		if m.adj(i) && i-1 >= m.lo {
			yy := int(t.n)
			if after == "s" && m.adj(i+1) && yy%10 == 0 {
				sp := spec{rule: "decade", op: opDecade, kind: KindDate, g: GranDecade, y: 1900 + yy}
				a := m.decadeLeft(i-1, &sp)
				out.a, out.b, out.sp = a, i+2, sp
				return true
			}
			// '82 after "since", "in", "of", "the"
			switch m.wr(i - 2) {
			case "since", "in", "of", "from", "until", "by", "the", "before", "after", "to", "and":
				if m.t[i+1-1].k == tkNum && (i+1 >= len(m.t) || m.t[i+1].k != tkNum) {
					out.a, out.b, out.sp = i-1, i+1, spec{rule: "year-2digit", op: opYear, kind: KindDate, g: GranYear, y: twoDigitYear(yy), n: 1}
					return true
				}
			}
		}
	}
	// durations and "N units ago"
	if m.durationMayMatch(i) && m.matchDuration(i, false, out) {
		return true
	}
	// a bare year
	if t.nd == 4 {
		if y, ok := m.bareYear(i); ok {
			b := i + 1
			if m.w(b) == "s" && m.adj(b) { // 1990's handled above; 2008s rare
				return false
			}
			sp := out.begin(i, b, "year", opYear, KindDate, GranYear)
			sp.y = y
			out.a = m.edgeLeft(i, sp)
			return true
		}
	}
	return false
}

func isRightQuote(s string) bool { return s == "’" || s == "‘" || s == "`" }

func twoDigitYear(yy int) int {
	if yy <= 30 {
		return 2000 + yy
	}
	return 1900 + yy
}

// decadeLeft extends a decade to the left over "the", "early", "mid-".
func (m *matcher) decadeLeft(i int, sp *spec) int {
	a := i
	if w := m.w(a - 1); w == "early" || w == "late" || w == "mid" {
		sp.mod = edgeMod(w)
		a--
	}
	if m.punct(a-1) == '-' && m.w(a-2) == "mid" {
		sp.mod = "MID"
		a -= 2
	}
	if m.w(a-1) == "the" {
		a--
	}
	return a
}

// newCountNouns lists words that follow numbers that are counts, not
// years ("2000 troops").
func newCountNouns() map[string]bool {
	out := map[string]bool{}
	for _, w := range []string{"people", "troops", "soldiers", "points", "km", "kilometres", "kilometers", "miles", "metres", "meters", "feet", "tonnes", "tons", "units", "jobs", "workers", "employees", "members", "residents", "votes", "cases", "deaths", "dollars", "euros", "pounds", "yen", "shares", "barrels", "acres", "hectares", "homes", "houses", "cars", "vehicles", "copies", "words", "calories", "pages", "students", "children", "refugees", "migrants", "civilians", "victims", "flights", "passengers", "patients", "rubles", "roubles", "yuan", "rupees", "square", "sq", "kg", "mw", "gw", "mph", "km/h", "percent", "per", "pieces", "staff", "officers", "police", "prisoners", "seats", "stores", "branches", "drones", "missiles", "tanks", "rockets", "shells", "bombs", "men", "women", "troop", "times", "million", "billion", "thousand", "hundred", "euro", "dollar", "islands", "villages", "towns", "cities", "schools", "hospitals", "beds", "doses", "tests", "users", "customers", "subscribers", "followers", "views", "downloads", "songs", "tracks", "apps", "devices", "phones", "iphones", "ipods", "computers", "machines", "items", "products", "models", "employees", "hours", "minutes", "days", "weeks", "months", "years", "degrees", "yards", "inches", "gallons", "litres", "liters", "ounces", "grams", "lbs", "mm", "cm", "m", "ft", "bn", "mn", "k"} {
		out[w] = true
	}
	return out
}

// bareYear decides whether a four-digit number is a year.
func (m *matcher) bareYear(i int) (int, bool) {
	t := &m.t[i]
	y := int(t.n)
	prev := m.wr(i - 1)
	prepo := false
	switch prev {
	case "in", "since", "of", "from", "until", "till", "by", "year", "before", "after", "during", "early", "late", "mid", "and", "to", "through", "between", "fiscal", "the", "summer", "spring", "autumn", "winter", "fall":
		prepo = true
	}
	early := false
	switch prev {
	case "in", "since", "until", "till", "by", "from", "before", "after", "during", "year":
		early = true
	}
	if y < 1000 || y > 2099 || (y < 1900 && !prepo) || (y < 1800 && !early) {
		return 0, false
	}
	nx := i + 1
	if nx < len(m.t) {
		n := &m.t[nx]
		if n.k == tkPunct {
			c := m.body[n.s]
			if c == '%' || (c == ':' && m.isNum(nx+1)) || (c == '-' && m.isNum(nx+1) && !n.sp) || (c == '.' && !n.sp && m.isNum(nx+1)) || (c == '/' && !n.sp) {
				return 0, false
			}
		}
		if n.k == tkWord && !n.sp {
			return 0, false // 2004s, 1500m
		}
		if n.k == tkWord && m.inSet(m.x.countNouns, nx) {
			return 0, false
		}
		if n.k == tkNum {
			return 0, false
		}
	}
	if p := m.punct(i - 1); p != 0 && m.adj(i) && !(p == '-' && m.wr(i-2) == "mid") && (p == '-' || p == '/' || p == '.' || p == ':' || p == '+' || p == '#' || p == '$') {
		return 0, false
	}
	if i > 0 && m.t[i-1].k == tkPunct && m.t[i-1].e-m.t[i-1].s > 1 && (m.text(i-1) == "€" || m.text(i-1) == "£") {
		return 0, false
	}
	if m.capName(i-1) && i+1 < len(m.t) && m.t[i+1].k == tkWord && m.t[i+1].cap && !m.sentenceStart(i+1) && m.t[i+1].cls&(clsMonth|clsWeekday) == 0 {
		return 0, false // "the Russell 2000 Index", "Windows 2000 Server"
	}
	switch prev {
	case "no", "number", "page", "pages", "room", "flight", "route", "highway", "model", "version", "article", "section", "code", "resolution", "chapter", "bus", "tel", "phone", "about", "over", "some", "nearly", "almost", "approximately", "roughly", "than", "least", "around", "reached", "at", "to", "of", "below", "above", "hit":
		// "about 2000 people", "at 2000 points": a quantity unless it is a
		// plausible year after a preposition that takes years
		if prev != "to" && prev != "of" && prev != "at" {
			return 0, false
		}
		if prev == "at" || prev == "to" {
			// "rose to 2010" vs "from 2008 to 2010": keep only after a year
			if !(prev == "to" && m.isNum(i-2)) && !(prev == "to" && i >= 3 && m.t[i-3].k == tkNum) {
				return 0, false
			}
		}
	}
	return y, true
}

// lowerText returns lowerASCII(body[s:e]), testing a word of up to 16
// bytes for capitals eight bytes at a time: most words have none and are
// returned as they are, without a loop over their letters.
func lowerText(body string, s, e int) string {
	if none, _ := shortNoUpper(body, s, e); none {
		return body[s:e]
	}
	return lowerASCII(body[s:e])
}

// shortNoUpper tests body[s:e] for capitals eight bytes at a time when it
// is a word of up to 16 bytes with eight bytes of body from s (tested);
// none is whether a tested word has no capital.
func shortNoUpper(body string, s, e int) (none, tested bool) {
	n := e - s
	if n > 16 || s+8 > len(body) {
		return false, false
	}
	var u uint64
	if n <= 8 {
		u = upper8(load8(body, s) & lowMask[n])
	} else {
		u = upper8(load8(body, s)) | upper8(load8(body, e-8))
	}
	return u == 0, true
}

// upper8 returns the high bit of every byte of v that is an ASCII
// capital 'A'..'Z' (as letterRun8, with no carry between bytes).
func upper8(v uint64) uint64 {
	const (
		ones = 0x0101010101010101
		high = 0x8080808080808080
	)
	x := v &^ high
	geA := (x + (0x80-'A')*ones) & high   // x >= 'A'
	gtZ := (x + (0x80-'Z'-1)*ones) & high // x > 'Z'
	return geA &^ gtZ &^ (v & high)
}

// lowerASCII returns s with its ASCII capitals in lower case (s itself
// when it has none).
func lowerASCII(s string) string {
	i := 0
	for i < len(s) && (s[i] < 'A' || s[i] > 'Z') {
		i++
	}
	if i == len(s) {
		return s // already lower case: the common case, no allocation
	}
	switch s { // sentence-initial function words: no allocation
	case "The":
		return "the"
	case "A":
		return "a"
	case "An":
		return "an"
	case "In":
		return "in"
	case "On":
		return "on"
	case "At":
		return "at"
	case "By":
		return "by"
	case "For":
		return "for"
	case "Of":
		return "of"
	case "To":
		return "to"
	case "And":
		return "and"
	case "But":
		return "but"
	case "It":
		return "it"
	case "He":
		return "he"
	case "She":
		return "she"
	case "They":
		return "they"
	case "We":
		return "we"
	case "From":
		return "from"
	case "As":
		return "as"
	case "With":
		return "with"
	}
	b := []byte(s)
	for j := i; j < len(b); j++ {
		if b[j] >= 'A' && b[j] <= 'Z' {
			b[j] += 'a' - 'A'
		}
	}
	return string(b)
}

// yearAfter reads an optional ", 2024" / " 2024" at j.
func (m *matcher) yearAfter(j int, allowComma bool) (int, int, bool) {
	k := j
	if allowComma && m.punct(k) == ',' {
		k++
	}
	if m.nl(k) {
		return 0, j, false
	}
	if m.isNum(k) && m.t[k].nd == 4 && m.t[k].n >= 1000 && m.t[k].n <= 2199 {
		if k+1 < len(m.t) && m.t[k+1].k == tkWord && !m.t[k+1].sp {
			return 0, j, false
		}
		if m.punct(k+1) == ',' && m.adj(k+1) && m.isNum(k+2) {
			return 0, j, false
		}
		return int(m.t[k].n), k + 1, true
	}
	// '24
	if (m.punct(k) == '\'' || isRightQuote(m.text(k))) && m.isNum(k+1) && m.t[k+1].nd == 2 && m.adj(k+1) {
		return twoDigitYear(int(m.t[k+1].n)), k + 2, true
	}
	return 0, j, false
}

// monthWord reads a month name (or an abbreviation with optional period)
// at j. An abbreviation needs a number next to it (needNum).
func (m *matcher) monthWord(j int, afterNum bool) (int, int, bool) {
	if j < m.lo || j >= len(m.t) {
		return 0, j, false
	}
	t := &m.t[j]
	if t.cls&clsMonth != 0 {
		if m.tw(j) == "may" || m.tw(j) == "march" {
			if !t.cap {
				return 0, j, false
			}
		}
		return int(t.n), j + 1, true
	}
	if t.cls&clsMonthAbbr != 0 && t.cap {
		next := j + 1
		if m.punct(next) == '.' && m.adj(next) {
			next++
		}
		if afterNum || m.isNum(next) {
			return int(t.n), next, true
		}
	}
	return 0, j, false
}

func validDay(y, mo, d int) bool {
	if mo < 1 || mo > 12 || d < 1 || d > 31 {
		return false
	}
	if y == 0 {
		y = 2000 // leap year: accept 29 February
	}
	// the length of the month in the proleptic Gregorian calendar, as
	// time.Date counts it (TestValidDay)
	switch mo {
	case 2:
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return d <= 29
		}
		return d <= 28
	case 4, 6, 9, 11:
		return d <= 30
	}
	return true
}

// withWeekdayPrefix extends a full date over a weekday before it:
// "Wednesday, December 3, 2025", "Wed 3 Dec".
func (m *matcher) withWeekdayPrefix(c *cand) {
	k := c.a
	if m.punct(k-1) == ',' {
		k--
	}
	if k-1 >= m.lo && m.cls(k-1)&clsWeekday != 0 && m.ent(k-1) != nil && !m.ent(k-1).pl && !m.nl(k) && !m.nl(c.a) {
		c.a = k - 1
	}
}

// matchMonth: "December 3, 2024", "Dec. 3", "December 2024", "December",
// "mid-March", "early December", "last March".
func (m *matcher) matchMonth(i int, out *cand) bool {
	t := &m.t[i]
	mo, next, ok := m.monthWord(i, false)
	if !ok {
		return false
	}
	// Month day[, year]
	k := next
	if m.isNum(k) && !m.nl(k) && m.t[k].nd <= 2 && m.t[k].n >= 1 && m.t[k].n <= 31 && !(m.punct(k+1) == ':' && m.adj(k+1)) && !(m.punct(k+1) == '.' && m.adj(k+1) && m.isNum(k+2)) {
		d := int(m.t[k].n)
		b := k + 1
		if w := m.w(b); (w == "st" || w == "nd" || w == "rd" || w == "th") && m.adj(b) {
			b++
		}
		// not "June 17, 2008 points"; a count after the number is no day
		if !(b < len(m.t) && m.t[b].k == tkWord && !m.t[b].sp) && !(b < len(m.t) && m.t[b].k == tkWord && m.inSet(m.x.countNouns, b)) {
			y, nb, _ := m.yearAfter(b, true) // no year: 0, b
			if validDay(y, mo, d) {
				sp := out.begin(i, nb, "month-day", opAbs, KindDate, GranDay) // sure of the match
				sp.m, sp.d, sp.y = mo, d, y
				out.a = m.edgeLeft(i, sp)
				m.withWeekdayPrefix(out)
				return true
			}
		}
	}
	// Month year: December 2024, December of 2024
	k = next
	if m.w(k) == "of" && m.isNum(k+1) {
		k++
	}
	if y, nb, ok := m.yearAfter(k, false); ok {
		sp := spec{rule: "month-year", op: opAbs, kind: KindDate, g: GranMonth, y: y, m: mo}
		a := m.edgeLeft(i, &sp)
		out.a, out.b, out.sp = a, nb, sp
		return true
	}
	if t.cls&clsMonth == 0 {
		return false // abbreviations only with a number
	}
	// A bare month: beware of May (modal), March (verb), and names.
	prev := m.wr(i - 1)
	if m.lo > i-1 {
		prev = ""
	}
	strongPrev := false
	switch prev {
	case "in", "since", "until", "till", "by", "during", "early", "late", "mid", "last", "next", "this", "of", "before", "after", "from", "through", "between", "and", "or", "to", "coming", "past", "end", "throughout", "that", "for":
		strongPrev = true
	}
	if m.punct(i-1) == '-' && m.w(i-2) == "mid" {
		strongPrev = true
	}
	ambiguous := m.tw(i) == "may" || m.tw(i) == "march" || m.tw(i) == "june" || m.tw(i) == "april" || m.tw(i) == "august" || m.tw(i) == "january"
	if ambiguous && !strongPrev {
		return false
	}
	if m.tw(i) == "may" || m.tw(i) == "march" {
		// "in May" yes; "and May be" no: the next word must not be a verb-ish lower-case word after "and"/"or"/"to"
		if prev == "and" || prev == "or" || prev == "to" || prev == "that" {
			if !(m.cls(i-2)&clsMonth != 0 || m.cls(i-2)&clsNum != 0) {
				return false
			}
		}
	}
	if prev == "that" {
		return false
	}
	// "April Ryan", "June Carter": a capitalised word right after
	if m.capName(i+1) && !strongPrev {
		return false
	}
	if m.capName(i - 1) {
		return false // "Prague Spring"-style names: "Black September"
	}
	sp := out.begin(i, i+1, "month", opSubYear, KindDate, GranMonth) // sure of the match
	sp.sub, sp.subN = GranMonth, mo
	a := i
	switch prev {
	case "last":
		sp.dir, a, sp.rule = -1, i-1, "last-month-name"
	case "next", "coming":
		sp.dir, a, sp.rule = +1, i-1, "next-month-name"
		if prev == "coming" && m.w(i-2) == "this" {
			a = i - 2
		}
	case "this":
		sp.dir, a, sp.rule = 2, i-1, "this-month-name"
	}
	if a == i {
		a = m.edgeLeft(i, sp)
	}
	out.a = a
	return true
}

// edgeLeft extends a date to the left over "early", "late", "mid-", "the
// end of", "the beginning of": it returns the new first token and sets
// the TIMEX3 mod in *sp (which it leaves alone when there is no edge).
func (m *matcher) edgeLeft(i int, sp *spec) int {
	a := i
	if m.punct(a-1) == '-' && m.adj(a) && m.w(a-2) == "mid" {
		sp.mod = "MID"
		return a - 2
	}
	switch m.w(a - 1) {
	case "early":
		sp.mod = "START"
		return a - 1
	case "mid":
		sp.mod = "MID"
		return a - 1
	case "late":
		sp.mod = "END"
		return a - 1
	case "of":
		k := a - 2
		edge := ""
		switch m.w(k) {
		case "beginning", "start", "dawn", "outset":
			edge = "START"
		case "end", "close":
			edge = "END"
		case "middle":
			edge = "MID"
		}
		if edge != "" {
			sp.mod = edge
			k--
			if m.w(k) == "very" {
				k--
			}
			if m.w(k) == "the" {
				return k
			}
			return k + 1
		}
	}
	return a
}

// matchWeekday: "Monday", "last Friday", "Wednesday morning", "early
// Wednesday", "Friday, December 5".
func (m *matcher) matchWeekday(i int, out *cand) bool {
	t := &m.t[i]
	if m.ent(i) == nil {
		return false
	}
	if m.ent(i).pl {
		// "on Fridays": a set
		if m.wr(i-1) == "on" || m.wr(i-1) == "every" {
			out.a, out.b, out.sp = i, i+1, spec{rule: "weekday-plural-set", op: opSet, kind: KindSet, vague: weekdaySet(int(t.n)), quant: "EVERY"}
			return true
		}
		return false
	}
	if !t.cap {
		return false
	}
	prev := m.w(i - 1)
	strongPrev := false
	switch prev {
	case "on", "by", "until", "till", "since", "from", "last", "next", "this", "early", "late", "every", "each", "before", "after", "through", "and", "or", "coming", "past", "following", "previous", "between", "as", "of":
		strongPrev = true
	}
	// names: "Sunday Times", "Black Monday", "Joe Friday", "Good Friday"
	if i-1 >= 0 && m.t[i-1].k == tkWord && m.t[i-1].cap && m.inSet(m.x.dayNames, i-1) {
		return false // Black Friday, Super Tuesday, Man Friday
	}
	if prev == "on" && t.n == 0 && m.capName(i-2) && m.w(i-3) != "daily" {
		// a title, not any name before "on Sunday" ("told the Washington
		// Post on Sunday", "at Lincoln High School on Monday")
		switch m.word(i - 2) {
		case "mail", "independent":
			return false // The Mail on Sunday, the Independent on Sunday
		}
	}
	if !strongPrev {
		// a surname: "Uche Friday said", but not "Asia Monday, with"
		if m.capName(i-1) && i+1 < len(m.t) && m.t[i+1].k == tkWord && !m.t[i+1].cap && m.t[i+1].cls&(clsPOD|clsDeictic) == 0 {
			switch m.word(i + 1) {
			case "and", "or", "but", "as", "after", "before", "in", "at", "on", "to", "for", "with", "amid", "amidst", "when", "while", "of", "over", "following", "against":
			default:
				return false
			}
		}
		if i+1 < len(m.t) && m.t[i+1].k == tkWord && m.t[i+1].cap && m.t[i+1].cls&(clsMonth|clsMonthAbbr|clsWeekday) == 0 && !m.sentenceStart(i+1) {
			if m.inSet(m.x.paperNames, i+1) {
				return false
			}
		}
	}
	if i+1 < len(m.t) && m.t[i+1].cap && m.inSet(m.x.paperNames, i+1) && m.t[i+1].k == tkWord {
		return false
	}
	wd := int(t.n)
	// Weekday followed by a full date: "Friday, December 5, 2025"
	k := i + 1
	if m.punct(k) == ',' {
		k++
	}
	if m.nl(i+1) || m.nl(k) {
		k = len(m.t) // a date on the next line is another expression
	}
	if _, mnext, ok := m.monthWord(k, false); ok && m.isNum(mnext) {
		saveLo := m.lo
		m.lo = k
		var c cand
		ok := m.matchMonth(k, &c)
		m.lo = saveLo
		if ok && c.sp.g == GranDay {
			c.a = i
			*out = m.weekdayLeft(i, c)
			return true
		}
	}
	if m.isNum(k) && m.t[k].n <= 31 && m.t[k].nd <= 2 {
		saveLo := m.lo
		m.lo = k
		var c cand
		ok := m.matchNumber(k, &c)
		m.lo = saveLo
		if ok && c.sp.g == GranDay && c.sp.op == opAbs {
			c.a = i
			*out = m.weekdayLeft(i, c)
			return true
		}
	}
	// sure of a match from here on: the spec is built in place
	sp := out.begin(i, i+1, "weekday", opWeekday, KindDate, GranDay)
	sp.wd = wd
	b := i + 1
	// part of day after: Wednesday morning, Friday night
	if pod := podOf(m.w(b)); pod != "" {
		sp.pod, sp.kind, b = pod, KindTime, b+1
		sp.g = GranPartOfDay
	}
	a := i
	switch prev {
	case "last", "past", "previous":
		sp.dir, a, sp.rule = -1, i-1, "last-weekday"
	case "next", "coming", "following":
		sp.dir, a, sp.rule = +1, i-1, "next-weekday"
		if prev == "coming" && m.w(i-2) == "this" {
			a = i - 2
		}
		if prev == "following" {
			// "the following Monday": after the reference date
			sp.dir, sp.rule = 3, "following-weekday"
			if m.w(i-2) == "the" {
				a = i - 2
			}
		}
	case "this":
		sp.dir, a, sp.rule = 2, i-1, "this-weekday"
	case "every", "each":
		out.a, out.b, out.sp = i-1, b, spec{rule: "every-weekday", op: opSet, kind: KindSet, vague: weekdaySet(wd), quant: everyQuant(prev)}
		return true
	case "early", "late":
		a = i - 1
		sp.mod = edgeMod(prev)
		sp.rule = "edge-weekday"
	}
	out.a, out.b = a, b
	return true
}

func (m *matcher) weekdayLeft(i int, c cand) cand {
	switch m.w(i - 1) {
	case "early", "late":
		c.a = i - 1
	}
	return c
}

func isoWeekdayDigit(wd int) string {
	if wd == 0 {
		return "7"
	}
	return string(rune('0' + wd))
}

func podOf(w string) string {
	switch w {
	case "morning", "mornings":
		return "MO"
	case "afternoon", "afternoons":
		return "AF"
	case "evening", "evenings":
		return "EV"
	case "night", "nights":
		return "NI"
	case "midday", "noon":
		return "MI"
	}
	return ""
}

// matchHoliday: Christmas (Day/Eve), Thanksgiving, Halloween, Valentine's
// Day. Their year follows the tense like a month and day.
func (m *matcher) matchHoliday(i int, out *cand) bool {
	if !m.t[i].cap {
		return false
	}
	sp := spec{rule: "holiday", op: opAbs, kind: KindDate, g: GranDay}
	b := i + 1
	switch m.tw(i) {
	case "christmas":
		sp.m, sp.d = 12, 25
		switch m.word(b) {
		case "eve":
			sp.d, b = 24, b+1
		case "day":
			b++
		}
	case "halloween":
		sp.m, sp.d = 10, 31
	case "valentine":
		if !(isApostrophe(m.text(b)) && m.word(b+1) == "s" && m.word(b+2) == "day") {
			return false
		}
		sp.m, sp.d, b = 2, 14, b+3
	case "thanksgiving":
		sp.op, sp.rule = opSubYear, "thanksgiving"
		sp.sub, sp.subN, sp.g = GranDay, 0, GranDay
		if m.word(b) == "day" {
			b++
		}
	default:
		return false
	}
	if y, nb, ok := m.yearAfter(b, true); ok && sp.op == opAbs {
		sp.y, b = y, nb
	}
	out.a, out.b, out.sp = i, b, sp
	return true
}

func isApostrophe(s string) bool { return s == "'" || s == "’" }
