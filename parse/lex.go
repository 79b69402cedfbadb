package parse

import (
	"math/bits"
	"unicode"
	"unicode/utf8"
)

// tkind is the shape of a token.
type tkind uint8

const (
	tkWord  tkind = iota // a run of letters
	tkNum                // a run of ASCII digits
	tkPunct              // one punctuation rune
)

// Lexical classes of a word (bit set). A token whose class has any bit of
// clsTrigger makes the rules run around it: that is the word-level
// prefilter.
const (
	clsMonth     uint32 = 1 << iota // January, Jan
	clsMonthAbbr                    // Jan, Sept: only next to a number
	clsWeekday                      // Monday
	clsNumWord                      // one, twelve, twenty
	clsOrdWord                      // first, fourth
	clsUnit                         // day, weeks, year …
	clsDeictic                      // today, now, yesterday …
	clsRel                          // last, next, this, past, coming …
	clsApprox                       // nearly, about, almost …
	clsPOD                          // morning, evening, night …
	clsSeason                       // spring, summer, autumn, fall, winter
	clsSetAdj                       // weekly, daily, annual …
	clsEdge                         // early, late, mid …
	clsVague                        // recent, future, past, time being …
	clsFiscal                       // fiscal, FY
	clsEvery                        // every, each
	clsHalf                         // half
	clsNum                          // a digit token (set by the lexer)
	clsHoliday                      // Christmas, Thanksgiving, Halloween
)

const clsTrigger = clsHoliday | clsMonth | clsMonthAbbr | clsWeekday | clsNumWord | clsUnit | clsDeictic | clsPOD | clsSeason | clsSetAdj | clsVague | clsFiscal | clsNum | clsHalf | clsEvery

// lexEntry is what the lexicon knows about a lower-case word.
type lexEntry struct {
	word string      // canonical lower-case form (interned: compare with ==)
	cls  uint32      // class bits
	v    int         // month 1–12, weekday 0–6 (Sunday 0), number value, ordinal value
	g    Granularity // unit of a unit word or set adjective
	pl   bool        // plural unit ("weeks")
}

// tok is one token of a body. Offsets are bytes into the body. It holds
// no pointers, so a token slice costs the garbage collector nothing.
type tok struct {
	s, e int32
	n    int32  // value of a digit token (saturated), or lexicon value
	cls  uint32 // lexicon classes
	id   uint16 // lexicon entry (0: not in the lexicon)
	k    tkind
	sp   bool // whitespace (or start of text) before the token
	cap  bool // starts with an upper-case letter
	nd   uint8
	hi   bool // a word with letters beyond ASCII ("café")
}

// lexicon holds the words the rules know, in a small open-addressing hash
// table keyed by the lower-case bytes (hashed while they are lowered, so a
// lookup costs one probe and one compare). It is built once per Extractor
// and read-only afterwards.
type lexicon struct {
	ents  []lexEntry // ents[0] is the empty entry
	slots []uint16   // hash table of entry ids; 0 = empty
	// byLead is the word-level prefilter: bit L of byLead[c0*27+c1] is set
	// when some word starts with the letters c0 c1 (c1 = 26 for a one-letter
	// word) and has L letters. Most words fail it and cost no lookup.
	byLead [26 * 27]uint32
}

const lexSlots = 2048 // power of two, well above twice the word count

func lexHash(h uint32, c byte) uint32 { return (h ^ uint32(c)) * 16777619 }

const lexSeed = 2166136261

func (lx *lexicon) find(w []byte, h uint32) uint16 {
	for i := h & (lexSlots - 1); ; i = (i + 1) & (lexSlots - 1) {
		id := lx.slots[i]
		if id == 0 {
			return 0
		}
		if e := &lx.ents[id]; e.word == string(w) {
			return id
		}
	}
}

func (lx *lexicon) add(w string, cls uint32, v int, g Granularity, pl bool) {
	h := uint32(lexSeed)
	for i := 0; i < len(w); i++ {
		h = lexHash(h, w[i])
	}
	if id := lx.find([]byte(w), h); id != 0 {
		e := &lx.ents[id]
		e.cls |= cls
		if cls&(clsMonth|clsWeekday|clsNumWord|clsOrdWord) != 0 && e.v == 0 {
			e.v = v
		}
		if g != GranUnknown && e.g == GranUnknown {
			e.g, e.pl = g, pl
		}
		return
	}
	lx.ents = append(lx.ents, lexEntry{word: w, cls: cls, v: v, g: g, pl: pl})
	id := uint16(len(lx.ents) - 1)
	for i := h & (lexSlots - 1); ; i = (i + 1) & (lexSlots - 1) {
		if lx.slots[i] == 0 {
			lx.slots[i] = id
			break
		}
	}
	if c := w[0]; c >= 'a' && c <= 'z' && len(w) < 32 {
		lx.byLead[leadKey(w[0], w[1:])] |= 1 << len(w)
	}
}

// has reports whether w is in the lexicon.
func (lx *lexicon) has(w string) bool {
	h := uint32(lexSeed)
	for i := 0; i < len(w); i++ {
		h = lexHash(h, w[i])
	}
	return lx.find([]byte(w), h) != 0
}

var monthNames = [...]string{"january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"}
var weekdayNames = [...]string{"sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"}

func newLexicon() *lexicon {
	lx := &lexicon{ents: make([]lexEntry, 1, 512), slots: make([]uint16, lexSlots)}
	for i, m := range monthNames {
		lx.add(m, clsMonth, i+1, 0, false)
	}
	for w, m := range map[string]int{"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12} {
		lx.add(w, clsMonthAbbr, m, 0, false)
	}
	for i, d := range weekdayNames {
		lx.add(d, clsWeekday, i, 0, false)
		lx.add(d+"s", clsWeekday, i, 0, true) // "on Fridays" (a set)
	}
	nums := []string{"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"}
	for i, w := range nums {
		lx.add(w, clsNumWord, i, 0, false)
	}
	for i, w := range []string{"twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"} {
		lx.add(w, clsNumWord, 20+10*i, 0, false)
	}
	lx.add("hundred", clsNumWord, 100, 0, false)
	lx.add("dozen", clsNumWord, 12, 0, false)
	ords := []string{"", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth", "twentieth", "twenty-first"}
	for i, w := range ords[1:] {
		lx.add(w, clsOrdWord, i+1, 0, false)
	}
	lx.add("thirtieth", clsOrdWord, 30, 0, false)
	units := []struct {
		s, p string
		g    Granularity
	}{
		{"second", "seconds", GranInstant}, {"minute", "minutes", GranMinute}, {"hour", "hours", GranHour},
		{"day", "days", GranDay}, {"week", "weeks", GranWeek}, {"weekend", "weekends", GranWeekend},
		{"fortnight", "fortnights", GranWeek}, {"month", "months", GranMonth}, {"quarter", "quarters", GranQuarter},
		{"year", "years", GranYear}, {"decade", "decades", GranDecade}, {"century", "centuries", GranCentury},
		{"min", "mins", GranMinute}, {"hr", "hrs", GranHour}, {"yr", "yrs", GranYear},
	}
	for _, u := range units {
		lx.add(u.s, clsUnit, 0, u.g, false)
		lx.add(u.p, clsUnit, 0, u.g, true)
	}
	for _, w := range []string{"today", "tonight", "tomorrow", "yesterday", "now", "currently", "recently", "nowadays", "presently", "overnight"} {
		lx.add(w, clsDeictic, 0, 0, false)
	}
	for _, w := range []string{"last", "next", "this", "past", "coming", "previous", "following", "same", "that", "these", "those", "upcoming", "current", "prior", "preceding", "latest"} {
		lx.add(w, clsRel, 0, 0, false)
	}
	for _, w := range []string{"nearly", "about", "almost", "around", "approximately", "roughly", "some", "over", "more", "less", "under", "least", "fewer", "than", "up", "barely", "just", "only", "exactly", "nearing", "close", "within"} {
		lx.add(w, clsApprox, 0, 0, false)
	}
	for _, w := range []string{"morning", "afternoon", "evening", "night", "noon", "midnight", "midday", "mornings", "evenings", "nights", "afternoons"} {
		lx.add(w, clsPOD, 0, 0, false)
	}
	for w, v := range map[string]int{"spring": 1, "summer": 2, "autumn": 3, "fall": 3, "winter": 4} {
		lx.add(w, clsSeason, v, 0, false)
	}
	for w, g := range map[string]Granularity{"weekly": GranWeek, "daily": GranDay, "monthly": GranMonth, "annual": GranYear, "annually": GranYear, "yearly": GranYear, "hourly": GranHour, "quarterly": GranQuarter, "nightly": GranDay, "biweekly": GranWeek, "biannual": GranYear} {
		lx.add(w, clsSetAdj, 0, g, false)
	}
	for _, w := range []string{"early", "late", "mid", "beginning", "end", "start", "middle", "earlier", "later", "dawn", "close", "turn"} {
		lx.add(w, clsEdge, 0, 0, false)
	}
	for _, w := range []string{"recent", "future", "past", "present", "moment", "being", "term", "ago"} {
		lx.add(w, clsVague, 0, 0, false)
	}
	for _, w := range []string{"christmas", "thanksgiving", "halloween", "valentine"} {
		lx.add(w, clsHoliday, 0, 0, false)
	}
	lx.add("fiscal", clsFiscal, 0, 0, false)
	lx.add("fy", clsFiscal, 0, 0, false)
	lx.add("every", clsEvery, 0, 0, false)
	lx.add("each", clsEvery, 0, 0, false)
	lx.add("half", clsHalf, 0, 0, false)
	// Plain words the rules compare against: giving them an entry interns
	// them so that rules can test tok.w with ==.
	for _, w := range []string{"until", "till", "since", "before", "after", "later", "earlier", "ago", "period", "far", "once", "twice", "am", "pm", "a.m", "p.m", "utc", "gmt", "et", "est", "edt", "pt", "pst", "pdt", "ct", "cst", "cdt", "bst", "cet", "cest", "aest", "aedt", "msk", "ist", "jst", "local", "rd", "st", "nd", "th", "s", "o'clock", "hours", "straight", "consecutive", "trading", "business", "working", "running", "long", "old", "several", "few", "many", "couple", "same", "term", "near", "long", "short", "being", "whole", "entire", "remainder", "throughout", "soon", "week", "q", "h", "year's", "christmas", "easter", "least", "calendar", "financial", "fiscal", "season", "seasons", "centuries", "decade", "outset", "final", "successive", "solid", "additional", "short", "medium", "foreseeable", "distant", "immediate", "thrice", "now", "decades"} {
		if !lx.has(w) {
			lx.add(w, 0, 0, 0, false)
		}
	}
	return lx
}

// tokenize splits body into tokens, looking each word up once. buf is
// reused when it has room.
func (lx *lexicon) tokenize(body string, buf []tok) []tok {
	return lx.tokenizeRange(body, 0, len(body), buf)
}

// tokenizeRange splits body[from:to] into tokens with offsets into body,
// as tokenize does for the whole body; from must follow white space (or
// be 0) and to must precede it (or be len(body)), so that the tokens are
// exactly tokenize's tokens of that stretch.
func (lx *lexicon) tokenizeRange(body string, from, to int, buf []tok) []tok {
	toks := buf[:0]
	var low [24]byte
	sp := true
	n := to
	for i := from; i < n; {
		c := body[i]
		bc := lexBytes[c]
		switch {
		case bc == bSpace:
			sp = true
			i++
			continue
		case bc == bDigit:
			j := i
			var v int32
			for j < n && body[j] >= '0' && body[j] <= '9' {
				if v < 1<<24 {
					v = v*10 + int32(body[j]-'0')
				}
				j++
			}
			nd := j - i
			if nd > 255 {
				nd = 255
			}
			toks = append(toks, tok{s: int32(i), e: int32(j), n: v, k: tkNum, sp: sp, nd: uint8(nd), cls: clsNum})
			i = j
		case bc == bLetter:
			j := i + 1
			ascii := true
			for j < n {
				// the ASCII letters, eight bytes a step; the bytes of the
				// last few one at a time
				if j+8 <= n {
					r := letterRun8(load8(body, j))
					j += r
					if r == 8 {
						continue
					}
				} else {
					for j < n && lexBytes[body[j]] == bLetter {
						j++
					}
				}
				if j == n || lexBytes[body[j]] != bHigh {
					break
				}
				r, size := utf8.DecodeRuneInString(body[j:n])
				if !unicode.IsLetter(r) {
					break
				}
				ascii = false
				j += size
			}
			toks = append(toks, tok{s: int32(i), e: int32(j), k: tkWord, sp: sp, cap: c < 'a', hi: !ascii})
			if wl := j - i; ascii && wl < len(low) {
				// prefilter on the first two letters and the length
				key := int((c|0x20)-'a') * 27
				if wl > 1 {
					key += int((body[i+1] | 0x20) - 'a')
				} else {
					key += 26
				}
				if lx.byLead[key]&(1<<wl) != 0 {
					h := uint32(lexSeed)
					for k := i; k < j; k++ {
						b := body[k] | 0x20
						low[k-i] = b
						h = lexHash(h, b)
					}
					if id := lx.find(low[:wl], h); id != 0 {
						e := &lx.ents[id]
						t := &toks[len(toks)-1]
						t.id, t.cls, t.n = id, e.cls, int32(e.v)
					}
				}
			}
			i = j
		case bc == bPunct:
			toks = append(toks, tok{s: int32(i), e: int32(i + 1), k: tkPunct, sp: sp})
			i++
		default:
			r, size := utf8.DecodeRuneInString(body[i:n])
			if unicode.IsLetter(r) {
				j := i + size
				for j < n {
					r2, s2 := utf8.DecodeRuneInString(body[j:n])
					if !(unicode.IsLetter(r2) || (r2 < 0x80 && r2|0x20 >= 'a' && r2|0x20 <= 'z')) {
						break
					}
					j += s2
				}
				toks = append(toks, tok{s: int32(i), e: int32(j), k: tkWord, sp: sp, cap: unicode.IsUpper(r), hi: true})
				i = j
			} else {
				toks = append(toks, tok{s: int32(i), e: int32(i + size), k: tkPunct, sp: sp})
				i += size
			}
		}
		sp = false
		if i < n && body[i] == ' ' {
			// the one space after most tokens, without a trip round the
			// switch
			sp = true
			i++
		}
	}
	return toks
}

// load8 returns the eight bytes s[i:i+8] as a little-endian word (the
// compiler turns this into one load).
func load8(s string, i int) uint64 {
	s = s[i : i+8]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

// letterRun8 returns how many of the bytes of v, from the lowest, are
// ASCII letters before the first that is not (8 when all are). It tests
// the eight bytes at once: a byte is a letter when it is below 0x80 and,
// with the 0x20 bit set, between 'a' and 'z'. With the high bits cleared
// the additions cannot carry from one byte into the next.
func letterRun8(v uint64) int {
	const (
		ones = 0x0101010101010101
		high = 0x8080808080808080
	)
	x := (v | 0x20*ones) &^ high
	geA := (x + (0x80-'a')*ones) & high   // x >= 'a'
	gtZ := (x + (0x80-'z'-1)*ones) & high // x > 'z'
	letter := geA &^ gtZ &^ (v & high)
	return bits.TrailingZeros64(^letter&high) >> 3
}

// leadKey indexes the prefilter by the first two letters of a word (c0
// lower-case; rest the remaining letters in any case).
func leadKey(c0 byte, rest string) int {
	c1 := 26
	if len(rest) > 0 {
		if d := rest[0] | 0x20; d >= 'a' && d <= 'z' {
			c1 = int(d - 'a')
		}
	}
	return int(c0-'a')*27 + c1
}

// Byte classes of the tokenizer.
const (
	bPunct uint8 = iota
	bSpace
	bDigit
	bLetter
	bHigh // a byte of a multi-byte UTF-8 sequence
)

// lexBytes classifies every byte value once (a constant table).
var lexBytes = func() (t [256]uint8) {
	for c := 0; c < 256; c++ {
		switch {
		case c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\v':
			t[c] = bSpace
		case c >= '0' && c <= '9':
			t[c] = bDigit
		case c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z':
			t[c] = bLetter
		case c >= 0x80:
			t[c] = bHigh
		}
	}
	return t
}()
