package parse

import (
	"math/bits"
	"slices"
	"strings"
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
	clsMonth       uint32 = 1 << iota // January, Jan
	clsMonthAbbr                      // Jan, Sept: only next to a number
	clsWeekday                        // Monday
	clsNumWord                        // one, twelve, twenty
	clsOrdWord                        // first, fourth
	clsUnit                           // day, weeks, year …
	clsDeictic                        // today, now, yesterday …
	clsRel                            // last, next, this, past, coming …
	clsApprox                         // nearly, about, almost …
	clsPOD                            // morning, evening, night …
	clsSeason                         // spring, summer, autumn, fall, winter
	clsSetAdj                         // weekly, daily, annual …
	clsEdge                           // early, late, mid …
	clsVague                          // recent, future, past, time being …
	clsFiscal                         // fiscal, FY
	clsEvery                          // every, each
	clsHalf                           // half
	clsNum                            // a digit token (set by the lexer)
	clsHoliday                        // Christmas, Thanksgiving, Halloween
	clsNumNext                        // a word a number rule reads right after a number (numNextWords)
	clsUnitMod                        // a word allowed before a unit: "straight", "trading" (unitModifiers)
	clsPlainBlock                     // a furniture trigger word of plainBlock (set by buildKeys)
	clsFrontSkip                      // a word fronted steps over: "on", "the", "early" (frontSkipWords)
	clsFrontClause                    // a word that opens a clause for fronted: "that", "when" (frontClauseWords)
	clsPlainStop                      // a word beyond ASCII, or '"' or punctuation beyond ASCII (set by the lexer; see plainSegment)
)

// punctCls gives the classes of an ASCII punctuation token: clsPlainStop
// for '"', none for the others.
var punctCls = [128]uint32{'"': clsPlainStop}

const clsTrigger = clsHoliday | clsMonth | clsMonthAbbr | clsWeekday | clsNumWord | clsUnit | clsDeictic | clsPOD | clsSeason | clsSetAdj | clsVague | clsFiscal | clsNum | clsHalf | clsEvery

// lexEntry is what the lexicon knows about a lower-case word.
type lexEntry struct {
	word string      // canonical lower-case form (interned: compare with ==)
	cls  uint32      // class bits
	v    int         // month 1–12, weekday 0–6 (Sunday 0), number value, ordinal value
	g    Granularity // unit of a unit word or set adjective
	pl   bool        // plural unit ("weeks")

	// intern marks a word that is in the lexicon only so that its token
	// carries its furniture trigger id or tense class (and its lower-case
	// form): for the rules it is no lexicon word (see lexicon.known).
	intern bool
	fw     uint8 // furniture trigger id (triggerWords), wNone for none
	tc     byte  // tense class (tenseWords), 0 for none
}

// tok is one token of a body. Offsets are bytes into the body. It holds
// no pointers, so a token slice costs the garbage collector nothing.
type tok struct {
	_    [0]uint64 // eight-byte aligned, for setTok
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

	// The tokenizer's view of the same table, keyed by the word's
	// lower-case bytes read eight at a time (anyKey), so that a lookup
	// costs a multiply and a probe, with no loop over the letters. A
	// slot holds the first key word (kk1) and the entry and word length
	// (kinfo: id | length<<16, 0 for an empty slot); k2s holds the second
	// key word of each entry and ktok the classes and value the token
	// takes. The arrays are small, so that they stay in the cache.
	kk1   []uint64
	kinfo []uint32
	k2s   []uint64
	ktok  []tokLex
	// perfect is the same table with no probing (see perfectTable):
	// the fast tokenizer looks every word up with no branch. ok is false
	// when it could not be built (then findKey serves).
	perfect perfectTable
	// packed reports that a token can be written as three words
	// (setTok): the fast tokenizer serves only then.
	packed bool
	// fws holds the furniture trigger id of every entry (lexEntry.fw),
	// compact for the furniture word scan.
	fws []uint8
	// words holds the word of every entry (lexEntry.word), and rwords
	// that of every entry that is a word for the rules ("" for interned
	// words: see known): compact, so that the rules' reads of the words
	// around an expression stay in the cache (a lexEntry is 48 bytes).
	words, rwords []string
}

// anyMaxLen is the longest word the lexicon holds (anyKey's two
// eight-byte words cover it; TestAnyWords checks that every word fits).
const anyMaxLen = 16

// anyBits is the log2 of anySlots, the size of the tokenizer's hash
// table (more than twice the words it holds).
const (
	anyBits  = 11
	anySlots = 1 << anyBits
)

// tokLex is what a token takes from its lexicon entry.
type tokLex struct {
	cls uint32
	v   int32
}

// lowMask[n] keeps the low n bytes of a word (n <= 8).
var lowMask = [9]uint64{0, 0xff, 0xffff, 0xffffff, 0xffffffff, 0xffffffffff, 0xffffffffffff, 0xffffffffffffff, 0xffffffffffffffff}

// anyKey returns the key of the word body[i:j] (ASCII letters, 1 to
// anyMaxLen of them) in lower case: its first eight bytes and, for a
// longer word, its last eight, little-endian, the bytes past the word
// zero. Two words of the same length have the same key only when they
// are the same word; words of different lengths may share k1, so the
// length is checked with k2 and the entry's word.
func anyKey(body string, i, j int) (k1, k2 uint64) {
	const lower = 0x2020202020202020
	wl := j - i
	if wl > 8 {
		return load8(body, i) | lower, load8(body, j-8) | lower
	}
	if i+8 <= len(body) {
		return (load8(body, i) | lower) & lowMask[wl], 0
	}
	for k := j - 1; k >= i; k-- {
		k1 = k1<<8 | uint64(body[k]|0x20)
	}
	return k1, 0
}

// anyHash returns the slot where the search for key k1, k2 starts.
func anyHash(k1, k2 uint64) uint64 {
	return (k1*0x9E3779B97F4A7C15 ^ k2*0xC2B2AE3D27D4EB4F) >> (64 - anyBits)
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

// numNextWords are the words other than month, unit and unitModifiers
// words that a rule of matchNumber may read right after a number: am/pm
// ("5 pm", "5 p.m."), ordinal suffixes ("3rd"), "of" ("3rd of May") and
// "and" ("three and a half"). They get clsNumNext, which numberMayMatch
// reads; words that were not in the lexicon are interned, so that the
// rules see no change.
var numNextWords = []string{"am", "pm", "a", "p", "st", "nd", "rd", "th", "of", "and"}

// commonWords are frequent English words that the rules and the tense
// scan compare neighbours of an expression against ("in", "the", "as").
// Interned, their tokens carry the lower-case word, which the rules then
// read without lowering the text (and, for "The", without allocating).
var commonWords = []string{"the", "an", "in", "on", "at", "by", "as", "or", "from", "with", "into", "during", "between", "per", "it", "he", "she", "they", "we", "his", "her", "their", "its", "which", "who", "when", "while", "is", "was", "were", "are", "be", "been", "has", "have", "had", "not", "but", "than", "down", "percent", "points", "million", "billion"}

// unitModifiers are the words unitAt allows between a number and its
// unit ("3 straight days", "five trading days"). They get clsUnitMod.
var unitModifiers = []string{"straight", "consecutive", "trading", "business", "working", "full", "whole", "calendar", "successive", "running", "more", "additional", "long", "short", "solid"}

var monthNames = [...]string{"january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"}
var weekdayNames = [...]string{"sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"}

func newLexicon() *lexicon {
	lx := &lexicon{ents: make([]lexEntry, 1, 1024), slots: make([]uint16, lexSlots)}
	lx.ents[0].fw = wNone
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
	// The furniture scan's trigger words and the tense scan's words,
	// interned: the tokenizer's one lookup per word gives each token its
	// trigger id and tense class.
	for _, tw := range triggerWords[1:] {
		lx.intern(tw.w).fw = tw.id
	}
	for w, c := range newTenseWords() {
		lx.intern(w).tc = c
	}
	for _, w := range signalWords {
		lx.intern(w)
	}
	for _, l := range []struct {
		words []string
		cls   uint32
	}{
		{numNextWords, clsNumNext},
		{unitModifiers, clsUnitMod},
		{commonWords, 0},
		{frontSkipWords, clsFrontSkip},
		{frontClauseWords, clsFrontClause},
	} {
		for _, w := range l.words {
			lx.intern(w).cls |= l.cls
		}
	}
	lx.buildKeys()
	return lx
}

// intern returns the entry of w, adding it as an interned word (see
// lexEntry.intern) when the lexicon does not have it.
func (lx *lexicon) intern(w string) *lexEntry {
	if !lx.has(w) {
		lx.add(w, 0, 0, 0, false)
		lx.ents[len(lx.ents)-1].intern = true
	}
	h := uint32(lexSeed)
	for i := 0; i < len(w); i++ {
		h = lexHash(h, w[i])
	}
	return &lx.ents[lx.find([]byte(w), h)]
}

// known reports whether id is the entry of a lexicon word proper (not 0,
// not an interned word).
func (lx *lexicon) known(id uint16) bool { return id != 0 && !lx.ents[id].intern }

// buildKeys builds the tokenizer's table (kk1, kinfo, k2s, ktok) from
// the lexicon.
func (lx *lexicon) buildKeys() {
	lx.kk1 = make([]uint64, anySlots)
	lx.kinfo = make([]uint32, anySlots)
	lx.k2s = make([]uint64, len(lx.ents))
	lx.ktok = make([]tokLex, len(lx.ents))
	for id := 1; id < len(lx.ents); id++ {
		e := &lx.ents[id]
		if e.fw == 0 {
			e.fw = wNone
		}
		if plainBlock[e.fw] {
			e.cls |= clsPlainBlock
		}
		lx.ktok[id] = tokLex{cls: e.cls, v: int32(e.v)}
		w := e.word
		if len(w) > anyMaxLen || strings.Trim(w, "abcdefghijklmnopqrstuvwxyz") != "" {
			continue // never one token ("a.m", "twenty-first"; TestAnyWords)
		}
		k1, k2 := anyKey(w, 0, len(w))
		lx.k2s[id] = k2
		i := anyHash(k1, k2)
		for lx.kinfo[i] != 0 {
			i = (i + 1) & (anySlots - 1)
		}
		lx.kk1[i], lx.kinfo[i] = k1, uint32(id)|uint32(len(w))<<16
	}
	lx.fws = make([]uint8, len(lx.ents))
	lx.words = make([]string, len(lx.ents))
	lx.rwords = make([]string, len(lx.ents))
	for id := range lx.ents {
		e := &lx.ents[id]
		lx.fws[id], lx.words[id] = e.fw, e.word
		if !e.intern {
			lx.rwords[id] = e.word
		}
	}
	lx.buildPerfect()
	lx.packed = packedTokOK()
}

// perfectTable is a perfect hash of the tokenizer's keys ("hash and
// displace"): a key's hash picks a bucket and a start slot, the bucket's
// displacement moves every key of the bucket to a slot of its own. A
// lookup is two loads and a compare, with no loop and no branch.
//
// A slot holds the key and everything a token takes from its entry, so
// that the lookup is one dependent load after the displacement; the
// slots are few (24 KB), so that they stay in the L1 cache while the
// token buffer streams through it.
type perfectTable struct {
	ok     bool
	c1, c2 uint64 // the multipliers of the hash: k1*c1 ^ k2*c2
	disp   [perfectBuckets]uint16
	slots  [perfectSlots]perfectKey
}

// perfectKey is a slot of the perfect table: the key of a lexicon entry
// (k2 with the word's length folded in: lenKey) and what a token takes
// from the entry, tl: its value in bits 0-15, the entry id in bits
// 16-31 and its classes in bits 32-63 (so that tl without the id is the
// token's second word: see setTok). An empty slot is zero, a key no
// word has.
type perfectKey struct {
	k1, k2 uint64
	tl     uint64
}

const (
	perfectBuckets = 256
	perfectSlots   = 1024
)

// lenMark folds the length of a word into its second key word: the
// high bits of the bytes of a key word of letters are clear (and k2 is
// zero for a word of up to eight letters), so the length in bits 7, 15,
// 23, 31 and 39 makes the keys of words of different lengths differ.
var lenMark = func() (t [32]uint64) {
	for wl := range t {
		m := uint64(wl)
		t[wl] = (m&1)<<7 | (m&2)<<14 | (m&4)<<21 | (m&8)<<28 | (m&16)<<35
	}
	return t
}()

// lenKey returns the perfect table's second key word of a word of
// length wl with key k1, k2 (see anyKey).
func lenKey(k2 uint64, wl int) uint64 {
	return k2 | lenMark[wl&31]
}

// hash returns the hash of key k1, k2: its top byte picks the bucket,
// the bits from 32 on the start slot.
func (p *perfectTable) hash(k1, k2 uint64) uint64 {
	return k1*p.c1 ^ k2*p.c2
}

// slot returns the slot of key k1, k2.
func (p *perfectTable) slot(k1, k2 uint64) uint64 {
	h := p.hash(k1, k2)
	return (h>>32 ^ uint64(p.disp[h>>56])) & (perfectSlots - 1)
}

// buildPerfect fills lx.perfect from the probing table, bucket by
// bucket, largest first, each with the smallest displacement that puts
// all its keys in free slots. Two keys of a bucket with the same start
// slot collide whatever the displacement: then it starts again with
// other multipliers. It leaves ok false if none of a few works (then the
// tokenizer uses the probing table).
func (lx *lexicon) buildPerfect() {
	for id := range lx.ktok {
		if v := lx.ktok[id].v; v < 0 || v > 0xffff || id > 0xffff {
			return // no room in a slot: the probing table serves
		}
	}
	for t := uint64(0); t < 64; t++ {
		// odd multipliers, a different pair each time
		if lx.tryPerfect(0x9E3779B97F4A7C15*(2*t+1), 0xC2B2AE3D27D4EB4F*(2*t+1)) {
			return
		}
	}
}

// tryPerfect builds lx.perfect with the multipliers c1, c2 and reports
// whether every key found a slot.
func (lx *lexicon) tryPerfect(c1, c2 uint64) bool {
	p := &lx.perfect
	*p = perfectTable{c1: c1, c2: c2}
	var buckets [perfectBuckets][]perfectKey
	for s, info := range lx.kinfo {
		if info != 0 {
			id := uint16(info)
			tl := lx.ktok[id]
			k := perfectKey{k1: lx.kk1[s], k2: lenKey(lx.k2s[id], int(info>>16)), tl: uint64(tl.v) | uint64(id)<<16 | uint64(tl.cls)<<32}
			h := p.hash(k.k1, k.k2)
			buckets[h>>56] = append(buckets[h>>56], k)
		}
	}
	order := make([]int, perfectBuckets)
	for b := range order {
		order[b] = b
	}
	slices.SortStableFunc(order, func(a, b int) int { return len(buckets[b]) - len(buckets[a]) })
	for _, b := range order {
		if len(buckets[b]) == 0 {
			break
		}
		placed := false
		for d := 0; d < perfectSlots && !placed; d++ {
			p.disp[b] = uint16(d)
			placed = true
			for n, k := range buckets[b] {
				if p.slots[p.slot(k.k1, k.k2)].k1 != 0 {
					placed = false
					// undo this bucket's earlier keys
					for _, k2 := range buckets[b][:n] {
						p.slots[p.slot(k2.k1, k2.k2)] = perfectKey{}
					}
					break
				}
				p.slots[p.slot(k.k1, k.k2)] = k
			}
		}
		if !placed {
			*p = perfectTable{}
			return false
		}
	}
	p.ok = true
	return true
}

// lookup returns the lexicon entry of the word with key k1, k2 (k2 with
// the length folded in: lenKey) and what its token takes from it (see
// perfectKey.tl), or zeros, from the perfect table (ok must be true).
// Found or not is no branch.
func (p *perfectTable) lookup(k1, k2 uint64) (id uint16, tl uint64) {
	h := k1*p.c1 ^ k2*p.c2 // p.hash
	e := &p.slots[(h>>32^uint64(p.disp[h>>56]))&(perfectSlots-1)]
	// tl is the slot's when the key matched, else zero (a conditional
	// move, no branch)
	tl = e.tl
	if (e.k1^k1)|(e.k2^k2) != 0 {
		tl = 0
	}
	return uint16(tl >> 16), tl
}

// findPerfect returns the lexicon entry of the word of length wl with
// key k1, k2 (see anyKey), or 0, from the perfect table (ok must be
// true).
func (lx *lexicon) findPerfect(k1, k2 uint64, wl int) uint16 {
	id, _ := lx.perfect.lookup(k1, lenKey(k2, wl))
	return id
}

// findKey returns the lexicon entry of the word of length wl with key
// k1, k2 (see anyKey), or 0.
func (lx *lexicon) findKey(k1, k2 uint64, wl int) uint16 {
	s := anyHash(k1, k2)
	for {
		s &= anySlots - 1
		info := lx.kinfo[s]
		if lx.kk1[s] == k1 && int(info>>16) == wl && (wl <= 8 || lx.k2s[uint16(info)] == k2) {
			return uint16(info)
		}
		if info == 0 {
			return 0
		}
		s++
	}
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
	return lx.tokenizeStops(body, from, to, buf, nil)
}

// tokenizeStops is tokenizeRange that also appends to stops, when it is
// not nil, the offsets of the bytes the sentence splitter stops at, in
// order: every line feed, '.', '!', '?' and "…" (see stopList).
func (lx *lexicon) tokenizeStops(body string, from, to int, buf []tok, stops *[]int32) []tok {
	toks := buf[:0]
	sp := true
	// the fast loop reads runs of letters and digits up to the first
	// byte that is none, not up to to: it serves only when no run can
	// cross to (white space there, or the body's end), as the callers
	// promise
	fast := lx.perfect.ok && lx.packed && (to == len(body) || lexBytes[body[to]] == bSpace)
	for i := from; i < to; {
		// the fast loop runs while the text is ASCII, eight-byte loads
		// stay inside the body and the buffer has room for a token per
		// byte; the token it stops at is read the general way
		if room := cap(toks) - len(toks); room > 0 && fast {
			lim := min(to, len(body)-16, i+room)
			toks, i, sp = lx.fastTokens(body, i, lim, toks, sp, stops)
			if i >= to {
				break
			}
		}
		toks, i, sp = lx.nextToken(body, i, to, toks, sp, stops)
	}
	return toks
}

// isStop marks the ASCII bytes the sentence splitter stops at.
var isStop = [256]bool{'\n': true, '.': true, '!': true, '?': true}

// fastTokens appends the tokens starting at i and before lim to toks, as
// nextToken would up to the tokenized stretch's end, and returns them
// with the index after the last (it may step over the white space at
// the stretch's end) and the space flag. It stops early before a byte
// beyond ASCII. The caller guarantees lim <= len(body)-16, that toks has
// room for lim-i more tokens, that the perfect table was built and
// tokens can be written as words (else nextToken reads every token:
// see setTok) and that no run of letters or digits
// crosses the stretch's end (white space follows it, or the body ends
// there), so the loop makes no call: no growing, no rune decoding, no
// probing. Words come first: most tokens are words.
func (lx *lexicon) fastTokens(body string, i, lim int, toks []tok, sp bool, stops *[]int32) ([]tok, int, bool) {
	p := &lx.perfect
	// the space flag as it sits in a token's third word (see setTok)
	var spw uint64
	if sp {
		spw = 1 << twSp
	}
	for i < lim {
		c := body[i]
		switch bc := lexBytes[c]; {
		case bc == bLetter:
			// the token's third word but for the entry: the space flag
			// and cap (an upper-case letter has the 0x20 bit clear)
			tw2 := uint64(tkWord)<<twKind | spw | uint64(c&0x20^0x20)<<(twCap-5)
			// the letters eight bytes a step, up to the first byte that
			// is none. The first eight bytes (i+8 <= len(body)) also
			// give the key of a word of up to eight letters.
			w0 := load8(body, i)
			r := letterRun8(w0)
			j := i + r
			for r == 8 {
				if j+8 > len(body) {
					for j < len(body) && lexBytes[body[j]] == bLetter {
						j++
					}
					break
				}
				r = letterRun8(load8(body, j))
				j += r
			}
			if j < len(body) && body[j] >= 0x80 {
				return toks, i, spw != 0 // maybe letters beyond ASCII: nextToken
			}
			// the lexicon's value and classes (the token's second word)
			// and entry
			var tw1, id uint64
			if wl := j - i; wl <= anyMaxLen {
				// the key of anyKey; i+8 <= len(body) and j >= 8
				const lower = 0x2020202020202020
				k1, k2 := w0|lower, uint64(0)
				if wl <= 8 {
					k1 &= lowMask[wl]
				} else {
					k2 = load8(body, j-8) | lower
				}
				// every word, no prefilter, no branch on the answer
				_, tl := p.lookup(k1, k2|lenMark[wl&31])
				tw1, id = tl&^0xffff0000, tl>>16&0xffff
			}
			n := len(toks)
			toks = toks[:n+1]
			setTok(&toks[n], uint64(uint32(i))|uint64(j)<<32, tw1, id|tw2)
			i = j
		case bc == bSpace:
			if c == '\n' && stops != nil {
				*stops = append(*stops, int32(i))
			}
			spw = 1 << twSp
			i++
			continue
		case bc == bPunct:
			n := len(toks)
			toks = toks[:n+1]
			setTok(&toks[n], uint64(uint32(i))|uint64(i+1)<<32, uint64(punctCls[c&0x7f])<<32,
				uint64(tkPunct)<<twKind|spw)
			if isStop[c] && stops != nil {
				*stops = append(*stops, int32(i))
			}
			i++
		case bc == bDigit:
			j := i
			var v int32
			for j < len(body) && body[j] >= '0' && body[j] <= '9' {
				if v < 1<<24 {
					v = v*10 + int32(body[j]-'0')
				}
				j++
			}
			n := len(toks)
			toks = toks[:n+1]
			setTok(&toks[n], uint64(uint32(i))|uint64(j)<<32, uint64(uint32(v))|uint64(clsNum)<<32,
				uint64(tkNum)<<twKind|spw|uint64(min(j-i, 255))<<twNd)
			i = j
		default:
			return toks, i, spw != 0 // a byte beyond ASCII: nextToken
		}
		spw = 0
		if i < len(body) && body[i] == ' ' {
			// the one space after most tokens, without a trip round the
			// switch
			spw = 1 << twSp
			i++
		}
	}
	return toks, i, spw != 0
}

// nextToken appends the token at i (or skips the white space there) to
// toks and returns them with the index after it and the space flag.
func (lx *lexicon) nextToken(body string, i, n int, toks []tok, sp bool, stops *[]int32) ([]tok, int, bool) {
	c := body[i]
	bc := lexBytes[c]
	switch {
	case bc == bSpace:
		if c == '\n' && stops != nil {
			*stops = append(*stops, int32(i))
		}
		return toks, i + 1, true
	case bc == bDigit:
		j := i
		var v int32
		for j < n && body[j] >= '0' && body[j] <= '9' {
			if v < 1<<24 {
				v = v*10 + int32(body[j]-'0')
			}
			j++
		}
		toks = append(toks, tok{s: int32(i), e: int32(j), n: v, k: tkNum, sp: sp, nd: uint8(min(j-i, 255)), cls: clsNum})
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
		if !ascii {
			toks[len(toks)-1].cls = clsPlainStop
		}
		if wl := j - i; ascii && wl <= anyMaxLen {
			key := int((c|0x20)-'a') * 27
			if wl > 1 {
				key += int((body[i+1] | 0x20) - 'a')
			} else {
				key += 26
			}
			if lx.byLead[key]&(1<<wl) != 0 {
				k1, k2 := anyKey(body, i, j)
				if id := lx.findKey(k1, k2, wl); id != 0 {
					e := &lx.ents[id]
					t := &toks[len(toks)-1]
					t.id, t.cls, t.n = id, e.cls, int32(e.v)
				}
			}
		}
		i = j
	case bc == bPunct:
		toks = append(toks, tok{s: int32(i), e: int32(i + 1), k: tkPunct, sp: sp, cls: punctCls[c&0x7f]})
		if isStop[c] && stops != nil {
			*stops = append(*stops, int32(i))
		}
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
			toks = append(toks, tok{s: int32(i), e: int32(j), k: tkWord, sp: sp, cap: unicode.IsUpper(r), hi: true, cls: clsPlainStop})
			i = j
		} else {
			toks = append(toks, tok{s: int32(i), e: int32(i + size), k: tkPunct, sp: sp, cls: clsPlainStop})
			if r == '…' && stops != nil {
				*stops = append(*stops, int32(i))
			}
			i += size
		}
	}
	sp = false
	if i < n && body[i] == ' ' {
		sp = true
		i++
	}
	return toks, i, sp
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
// with the 0x20 bit set, between 'a' and 'z'. Only a byte from 0x80 on
// can carry into the next one in the additions, and that byte is no
// letter: the bytes after it, whose tests the carry spoils, do not count.
func letterRun8(v uint64) int {
	const (
		ones = 0x0101010101010101
		high = 0x8080808080808080
	)
	x := v | 0x20*ones
	// x >= 'a', not x > 'z', and below 0x80
	letter := (x + (0x80-'a')*ones) &^ (x + (0x80-'z'-1)*ones) &^ x
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
