package parse

import "strings"

// tenseWords classifies the words that decide the direction of a clause.
// Values: 'F' future, 'P' past, 'R' present, 'M' modal (future unless
// followed by "have"), 'T' "to"-complement head ("scheduled to", "due to"),
// 'B' a form of "be" that makes a following participle passive.
func newTenseWords() map[string]byte {
	m := map[string]byte{}
	for _, w := range []string{"will", "shall", "ll", "tomorrow", "upcoming", "ahead"} {
		m[w] = 'F'
	}
	for _, w := range []string{"would", "could", "may", "might", "can", "should", "must"} {
		m[w] = 'M'
	}
	for _, w := range []string{"going", "due", "set", "scheduled", "expected", "slated", "poised", "plans", "plan", "planning", "planned", "aims", "aim", "aiming", "intends", "intend", "hopes", "hoping", "likely", "about", "ready", "preparing", "prepares", "prepared", "wants", "want", "is", "are", "am", "was", "were", "seeks", "seeking", "vows", "promises", "agrees", "decides", "threatens", "hope", "expect", "expects", "intending", "seek", "vow", "pledges"} {
		m[w] = 'T'
	}
	// present-tense verbs of a scheduled action: "Debate resumes at 9:30
	// a.m. on Wednesday" is the coming Wednesday (see schedPresent)
	for _, w := range []string{"resumes", "resume", "opens", "open", "reopens", "reopen", "begins", "begin", "starts", "start", "ends", "end", "expires", "expire", "closes", "close", "convenes", "convene", "reconvenes", "reconvene", "concludes", "conclude", "kicks", "kick", "takes", "take", "gets", "get", "goes", "go", "runs", "run", "meets", "meet", "votes", "vote", "arrives", "arrive", "departs", "depart", "returns", "return", "travels", "travel", "visits", "visit", "airs", "premieres", "launches", "holds", "hold", "hosts", "host", "faces", "face", "plays", "play"} {
		m[w] = 'S'
	}
	for _, w := range []string{"said", "told", "met", "went", "came", "took", "gave", "made", "held", "began", "saw", "fell", "rose", "lost", "left", "sent", "spoke", "wrote", "broke", "ran", "found", "got", "thought", "brought", "bought", "sold", "paid", "led", "kept", "struck", "heard", "felt", "knew", "grew", "drew", "threw", "flew", "stood", "understood", "became", "chose", "ate", "drove", "rode", "forgot", "fought", "caught", "taught", "sought", "meant", "spent", "built", "lent", "did", "had", "been", "gone", "done", "seen", "taken", "given", "known", "shown", "spoken", "written", "broken", "chosen", "fallen", "risen", "begun", "drawn", "grown", "thrown", "flown", "driven", "eaten", "hidden", "stolen", "sworn", "torn", "won", "ago", "earlier", "previously", "already", "slid", "sank", "swept", "shot", "fled", "fed", "hung", "woke", "wore", "withdrew", "overtook", "undertook", "beat", "bled", "dealt", "dug", "froze", "laid", "paid", "quit", "rang", "sang", "shook", "shut", "slept", "spun", "stuck", "stung", "swam", "swung", "tore", "wept", "wound", "wrung"} {
		if _, ok := m[w]; !ok {
			m[w] = 'P'
		}
	}
	for w := range sameBase {
		if _, ok := m[w]; !ok {
			m[w] = 'P'
		}
	}
	for _, w := range []string{"says", "say", "tells", "believes", "thinks", "has", "have", "does", "do", "remains", "remain"} {
		m[w] = 'R'
	}
	for _, w := range []string{"be", "being"} {
		m[w] = 'B'
	}
	return m
}

// signalIDs returns, for every lexicon entry, whether noSignal lets its
// word through (false: classify finds no signal in a token of it). A
// token has an entry only when its lower-case bytes are the entry's
// ASCII word, so noSignal, which reads the bytes case-folded, gives the
// token the entry's answer.
func (x *Extractor) signalIDs() []bool {
	sig := make([]bool, len(x.lx.words))
	for id, w := range x.lx.words {
		tk := tok{s: 0, e: int32(len(w)), k: tkWord}
		sig[id] = !x.noSignal(w, &tk)
	}
	return sig
}

// tenseWord looks w up in tenseWords, after the tenseLead prefilter.
func (x *Extractor) tenseWord(w string) (byte, bool) {
	if x.tenseNoLead {
		c, ok := x.tenseWords[w]
		return c, ok
	}
	n := len(w)
	if n < 2 || n > 31 {
		return 0, false
	}
	c0, c1 := w[0]-'a', w[1]-'a'
	if c0 >= 26 || c1 >= 26 || x.tenseLead[int(c0)*26+int(c1)]&(1<<n) == 0 {
		return 0, false
	}
	c, ok := x.tenseWords[w]
	return c, ok
}

// edStop reports whether w is a word ending in -ed that is no verb (a
// constant table, as a switch: classify asks it of every -ed word).
func edStop(w string) bool {
	switch w {
	case "need", "speed", "seed", "feed", "breed", "bed", "red", "shed", "proceed", "exceed", "succeed", "indeed", "hundred", "sacred", "naked", "wicked", "kindred", "steed", "greed", "weed", "creed", "deed", "reed", "tweed", "bleed", "heed", "embed", "shred", "bred", "led", "wed", "ted", "ned", "fred":
		return true
	}
	return false
}

// sameBase lists verbs whose past tense is their base form: past after a
// singular subject ("the quake hit"), not after an auxiliary ("will hit").
var sameBase = map[string]bool{"hit": true, "cut": true, "spread": true, "hurt": true, "cast": true, "burst": true, "split": true, "upset": true, "shut": true, "quit": true, "beat": true}

// isSameBase is sameBase[w] as a switch (TestSameBaseSwitch checks that
// they agree).
func isSameBase(w string) bool {
	switch w {
	case "hit", "cut", "spread", "hurt", "cast", "burst", "split", "upset", "shut", "quit", "beat":
		return true
	}
	return false
}

// lowerTok returns the lower-case text of token j (allocation-free for
// lexicon words).
// lowerTok returns the lower-case form of word token j: the lexicon's
// string when it has one (no allocation), else the lowered text. It is
// only called for the few tokens around an expression.
func (x *Extractor) lowerTok(body string, t []tok, j int) string {
	if id := t[j].id; id != 0 {
		return x.lx.words[id]
	}
	if t[j].k != tkWord {
		return ""
	}
	return lowerText(body, int(t[j].s), int(t[j].e))
}

// tenseAt decides the tense of the clause around tokens [a, b) of the
// sentence [sa, sb). The nearest verb signal wins: to the left first, or
// to the right first when the expression opens its clause ("On Tuesday,
// Putin accused …"). It returns the tense and the deciding word(s).
func (x *Extractor) tenseAt(body string, t []tok, sa, sb, a, b int) (Tense, string) {
	// (ampmBefore's and retarget's first tests, made here: most
	// expressions fail them)
	if sa >= 4 && t[sa-1].k == tkPunct && ampmBefore(body, t, sa) {
		// "3 p.m. Ottawa time, or …": a sentence break after "p.m." may be
		// none; the clause reaches back over it
		sa = clauseBack(body, t, sa-4)
	}
	if a-1 >= sa && t[a-1].k == tkWord && x.mayRetarget(t[a-1].id) {
		if tn, s, ok := x.retarget(body, t, sa, a); ok {
			return tn, s
		}
	}
	if x.fronted(body, t, sa, a) {
		if tn, s, ok := x.scanRight(body, t, b, sb); ok {
			return tn, s
		}
		if tn, s, ok := x.scanLeft(body, t, sa, a); ok {
			return tn, s
		}
		return TenseUnknown, ""
	}
	if tn, s, ok := x.scanLeft(body, t, sa, a); ok {
		return tn, s
	}
	if tn, s, ok := x.scanRightClause(body, t, b, sb); ok {
		return tn, s
	}
	// headline future: "Apple to unveil iPhone on Tuesday" (no other verb,
	// no final full stop, a capitalised subject before "to")
	for j := sb - 1; j >= b && j >= sb-3; j-- {
		if t[j].k == tkPunct {
			if c := body[t[j].s]; c == '.' || c == '!' || c == '?' || c == '"' || t[j].e-t[j].s > 1 {
				return TenseUnknown, "" // a sentence with a full stop is no headline
			}
		}
	}
	for j := a - 1; j > sa && j >= a-12; j-- {
		if t[j].k == tkWord && x.lowerTok(body, t, j) == "to" && j+1 < a && t[j+1].k == tkWord && !t[j+1].cap && t[j-1].cap && !strings.HasSuffix(x.lowerTok(body, t, j-1), "ing") {
			switch x.lowerTok(body, t, j+1) {
			case "the", "a", "an", "his", "her", "its", "their", "this", "that", "be":
				continue
			}
			return TenseFuture, "to"
		}
	}
	return TenseUnknown, ""
}

// scanRightClause scans right to the end of the clause only.
func (x *Extractor) scanRightClause(body string, t []tok, b, sb int) (Tense, string, bool) {
	for j, n := b, 0; j < sb && n < tenseWindow; j, n = j+1, n+1 {
		if t[j].k == tkPunct {
			c := body[t[j].s]
			if c == ',' || c == ';' || c == ':' || c == '(' || c == '"' || t[j].e-t[j].s > 1 {
				break
			}
			continue
		}
		if t[j].e-t[j].s <= 7 { // no longer than any word below
			switch x.lowerTok(body, t, j) {
			case "that", "but", "when", "while", "because", "which", "who", "where", "and":
				return 0, "", false
			}
		}
		if !x.maySignal(body, t, j, b) {
			continue
		}
		if tn, s, ok := x.classify(body, t, j, b, sb); ok {
			return tn, s, true
		}
	}
	return 0, "", false
}

// fronted reports whether only prepositions and clause openers stand
// between the clause start and the expression.
func (x *Extractor) fronted(body string, t []tok, sa, a int) bool {
	for j := a - 1; j >= sa; j-- {
		if t[j].k == tkPunct {
			c := body[t[j].s]
			if c == ',' || c == ';' || c == ':' || c == '(' || c == '"' || t[j].e-t[j].s > 1 {
				return true
			}
			continue
		}
		// the token's class says whether it is a word of frontSkipWords
		// or frontClauseWords (any case; a number has neither)
		switch c := t[j].cls; {
		case c&clsFrontSkip != 0:
			continue
		case c&clsFrontClause != 0:
			return true
		}
		return false
	}
	return true
}

// frontSkipWords are the words fronted steps over to the left of an
// expression ("On Tuesday", "early in the day"); they get clsFrontSkip.
var frontSkipWords = []string{"on", "in", "at", "by", "early", "late", "the", "during", "since", "from", "for", "then", "also", "of", "between", "before", "after", "until", "till", "as", "around", "about", "over"}

// frontClauseWords open a clause: an expression after them (and after
// frontSkipWords) opens its clause. They get clsFrontClause.
var frontClauseWords = []string{"that", "and", "but", "when", "while", "because", "if", "although", "though", "so", "which", "who", "where", "whereas"}

// signalWords are the words classify reads itself besides the tense
// words (all lower-case a-z, two letters or more: TestSignalWords).
var signalWords = [...]string{"won", "ll", "to", "for", "soon", "until", "till", "of"}

// noSignal reports, from the bytes of word token tk alone, that classify
// finds no signal in it: it is no tense word, no word of signalWords and
// has no -ed ending. It spares the lower-casing of most words.
func (x *Extractor) noSignal(body string, tk *tok) bool {
	if x.tenseNoLead || tk.hi {
		return false
	}
	s, e := int(tk.s), int(tk.e)
	n := e - s
	if n >= 4 && body[e-2]|0x20 == 'e' && body[e-1]|0x20 == 'd' {
		return false
	}
	if n < 2 || n > 31 {
		return true
	}
	// ASCII letters: |0x20 is the lower case
	c0, c1 := body[s]|0x20-'a', body[s+1]|0x20-'a'
	return c0 < 26 && c1 < 26 && x.signalLead[int(c0)*26+int(c1)]&(1<<n) == 0
}

// maySignal reports whether classify(body, t, j, lo, …) may find a
// signal at token j, with no call: it refuses what is no word, a
// lexicon word noSignal refuses (read from sigIDs), and a word outside
// the lexicon that is a name (capitalised after lo, as
// classify refuses it) or has no -ed ending (every tense and signal
// word is in the lexicon: TestAnyWords, TestSignalWords; such a word is
// none of them and has no ending classify reads). classify decides the
// rest.
func (x *Extractor) maySignal(body string, t []tok, j, lo int) bool {
	tk := &t[j]
	if tk.k != tkWord {
		return false
	}
	if tk.id != 0 {
		// a lexicon word: noSignal's answer for it, computed once per
		// entry (sigIDs); classify decides the words it lets through
		return x.sigIDs[tk.id]
	}
	if tk.hi {
		return true // classify decides
	}
	// a word outside the lexicon: a name when capitalised after lo, else
	// a signal only by its -ed ending
	e := int(tk.e)
	return !(tk.cap && j > lo) && e-int(tk.s) >= 4 && body[e-2]|0x20 == 'e' && body[e-1]|0x20 == 'd'
}

// shortWord is the length of the longest word outside the lexicon that
// prevShort's callers compare with ("whose", "no", "t", "i").
const shortWord = 5

// prevShort is classify's prev(k) (the lower-case word at token k when
// k >= lo and it is a word, else "") for callers that compare it only
// with lexicon words and words of at most shortWord letters: a longer
// ASCII word outside the lexicon is none of them, and is returned as ""
// rather than lowered (TestPrevShort).
func (x *Extractor) prevShort(body string, t []tok, k, lo int) string {
	if k < lo || k < 0 || t[k].k != tkWord {
		return ""
	}
	if tk := &t[k]; tk.id == 0 && !tk.hi && tk.e-tk.s > shortWord {
		return ""
	}
	return x.lowerTok(body, t, k)
}

// classify reads the signal at token j; dir tells the scan direction.
func (x *Extractor) classify(body string, t []tok, j, lo, hi int) (Tense, string, bool) {
	if t[j].k != tkWord || (t[j].cap && !x.lx.known(t[j].id) && j > lo) {
		return 0, "", false // names are no tense signals
	}
	if id := t[j].id; id != 0 {
		// a lexicon word: noSignal's answer, computed once (sigIDs)
		if !x.sigIDs[id] {
			return 0, "", false
		}
	} else if x.noSignal(body, &t[j]) {
		return 0, "", false
	}
	w := x.lowerTok(body, t, j)
	next := func(k int) string {
		if k < hi && k < len(t) && t[k].k == tkWord {
			return x.lowerTok(body, t, k)
		}
		return ""
	}
	prev := func(k int) string {
		if k >= lo && k >= 0 && t[k].k == tkWord {
			return x.lowerTok(body, t, k)
		}
		return ""
	}
	// "won't": future; "won": past
	if w == "won" && j+2 < len(t) && t[j+1].k == tkPunct && next(j+2) == "t" {
		return TenseFuture, "won't", true
	}
	if w == "ll" && j > 0 && t[j-1].k == tkPunct && !t[j].sp {
		return TenseFuture, "'ll", true
	}
	if w == "to" {
		p := prev(j - 1)
		if aux := pastAux(prev, j-2); aux != "" && planWord(p) && !x.reportedPlan(body, t, lo, j, aux) {
			return TensePast, aux + p + " to", true // "was due to": a past plan
		}
		if next(j+1) == "be" && p != "used" {
			return TenseFuture, "to be", true
		}
		if c, ok := x.tenseWord(p); ok && c == 'T' {
			return TenseFuture, p + " to", true
		}
		// "expect him to", "want the talks to": a present verb of wanting
		// with a short object
		for k := j - 2; k >= j-5 && k >= lo; k-- {
			if t[k].k != tkWord {
				break
			}
			if t[k].cap {
				continue
			}
			switch q := x.lowerTok(body, t, k); q {
			case "expect", "expects", "want", "wants", "urge", "urges", "ask", "asks", "invite", "invites", "need", "needs":
				return TenseFuture, q + " … to", true
			}
		}
		return 0, "", false
	}
	if w == "for" {
		switch p := prev(j - 1); p {
		case "scheduled", "set", "slated", "planned", "due":
			if aux := pastAux(prev, j-2); aux != "" && !x.reportedPlan(body, t, lo, j, aux) {
				return TensePast, aux + p + " for", true // "had been scheduled for"
			}
			return TenseFuture, p + " for", true
		}
		return 0, "", false
	}
	if w == "soon" && prev(j-1) == "as" && next(j+1) == "as" {
		return TenseFuture, "as soon as", true
	}
	if w == "until" || w == "till" {
		return TenseFuture, w, true
	}
	if w == "of" && prev(j-1) == "ahead" {
		return TenseFuture, "ahead of", true
	}
	// the token's lexicon entry has the class tenseWord(w) would give:
	// every tense word is in the lexicon (TestAnyWords)
	c := x.lx.ents[t[j].id].tc
	if ok := c != 0; ok {
		switch c {
		case 'F':
			if w == "ahead" || w == "upcoming" || w == "tomorrow" {
				return 0, "", false
			}
			return TenseFuture, w, true
		case 'M':
			if w == "may" && t[j].cap {
				return 0, "", false
			}
			if next(j+1) == "have" || next(j+1) == "not" && next(j+2) == "have" {
				return TensePast, w + " have", true
			}
			return TenseFuture, w, true
		case 'P':
			if w == "had" || w == "did" || w == "been" {
				return TensePast, w, true
			}
			// (prevShort: every word compared is a lexicon word or short)
			if p := x.prevShort(body, t, j-1, lo); p == "be" || p == "being" {
				return 0, "", false // passive: the auxiliary before decides
			}
			if t[j].cap && j > lo {
				return 0, "", false
			}
			if isSameBase(w) {
				// "hit", "cut": past only without an auxiliary or "to"
				switch x.prevShort(body, t, j-1, lo) {
				case "to", "will", "would", "could", "can", "may", "might", "must", "should", "shall", "ll", "not", "t", "did", "does", "do", "they", "we", "you", "i":
					return 0, "", false
				}
			}
			return TensePast, w, true
		case 'R':
			if (w == "has" || w == "have") && next(j+1) == "to" {
				return 0, "", false
			}
			if prev(j-1) == "to" {
				return 0, "", false // an infinitive: "to say"
			}
			return TensePresent, w, true
		case 'T':
			switch w {
			case "was", "were":
				if next(j+1) == "to" || next(j+1) == "due" || next(j+1) == "set" || next(j+1) == "scheduled" || next(j+1) == "expected" || next(j+1) == "going" {
					return 0, "", false
				}
				return TensePast, w, true
			case "is", "are", "am":
				n := next(j + 1)
				if n == "to" || n == "due" || n == "set" || n == "scheduled" || n == "expected" || n == "going" || n == "likely" || n == "poised" || n == "slated" || n == "planning" || n == "about" || n == "ready" {
					return 0, "", false
				}
				if strings.HasSuffix(n, "ing") && len(n) > 4 {
					return TenseFuture, w + " " + n, true
				}
				return TensePresent, w, true
			case "due", "slated", "scheduled", "planned", "expected":
				if n := next(j + 1); n == "on" || n == "in" || n == "for" || n == "by" || n == "at" || n == "next" || n == "this" {
					if aux := pastAux(prev, j-1); aux != "" && !x.reportedPlan(body, t, lo, j, aux) {
						return TensePast, aux + w + " " + n, true
					}
					return TenseFuture, w + " " + n, true
				}
				if w == "due" || w == "slated" {
					return 0, "", false
				}
			}
			switch w {
			case "planned", "prepared", "expected", "scheduled":
				switch prev(j - 1) {
				case "a", "an", "the", "its", "his", "her", "their", "this", "that":
					return 0, "", false // an adjective: "the planned merger"
				}
				if next(j+1) == "to" {
					return 0, "", false // the complement decides ("agreed to meet")
				}
				if w == "scheduled" || w == "expected" || w == "planned" {
					p := prev(j - 1)
					if p == "is" || p == "are" || p == "be" || p == "was" || p == "were" {
						return TenseFuture, p + " " + w, true
					}
				}
				return TensePast, w, true
			}
			return 0, "", false
		case 'B':
			return 0, "", false
		case 'S':
			if x.schedPresent(body, t, j, w, prev, next) {
				return TenseFuture, w, true
			}
			return 0, "", false
		}
	}
	// regular past / participle: -ed
	if len(w) >= 4 && strings.HasSuffix(w, "ed") && !edStop(w) && !t[j].cap {
		// (prevShort: every word below is a lexicon word or short)
		switch p := x.prevShort(body, t, j-1, lo); p {
		case "a", "an", "the", "its", "his", "her", "their", "our", "your", "this", "these", "those", "whose", "every", "each", "no":
			return 0, "", false // an adjective: "a televised debate"
		case "be", "being":
			return 0, "", false // the auxiliary before decides
		case "is", "are", "am":
			return TensePresent, p + " " + w, true
		case "will", "would", "shall":
			return TenseFuture, p + " " + w, true
		}
		return TensePast, w, true
	}
	return 0, "", false
}

// clauseBack returns the first token of the sentence holding token j:
// the token after the last '.', '!', '?' (followed by a space) or line
// break before j, looking back at most tenseWindow tokens.
func clauseBack(body string, t []tok, j int) int {
	for k, n := j, 0; n < tenseWindow; k, n = k-1, n+1 {
		if k == 0 {
			return 0
		}
		p := t[k-1]
		if p.k == tkPunct && (body[p.s] == '.' || body[p.s] == '!' || body[p.s] == '?') && t[k].sp {
			return k
		}
		if strings.IndexByte(body[p.e:t[k].s], '\n') >= 0 {
			return k
		}
	}
	return j
}

// pastAux returns the past auxiliary ending at token k ("was ", "were ",
// "had been ") before a plan word, or "" (also when "now" makes the plan
// current: "were now due to").
func pastAux(prev func(int) string, k int) string {
	switch p := prev(k); p {
	case "was", "were":
		return p + " "
	case "been":
		if prev(k-1) == "had" {
			return "had been "
		}
	}
	return ""
}

// reportedPlan reports whether a "was/were" plan at token j is reported
// speech ("officials said the vote was scheduled for Thursday"): the
// plan stood when it was reported, so it still points ahead. A pluperfect
// ("said it had been scheduled") stays past.
func (x *Extractor) reportedPlan(body string, t []tok, lo, j int, aux string) bool {
	if aux == "had been " {
		return false
	}
	for k := j - 1; k >= lo && k >= j-25; k-- {
		if t[k].k != tkWord || t[k].cap {
			continue
		}
		switch x.lowerTok(body, t, k) {
		case "said", "says", "told", "tells", "announced", "stated", "confirmed", "added", "according":
			return true
		}
	}
	return false
}

// planWord reports whether w names a plan whose past form ("was due to",
// "had been expected to") looks back: the plan was made, and may have
// failed or moved.
func planWord(w string) bool {
	switch w {
	case "due", "scheduled", "set", "slated", "planned", "expected", "supposed", "meant", "poised":
		return true
	}
	return false
}

// planSignal reports whether a tense signal names a plan in the past ("had
// been scheduled for", "was due to") or a new target ("postponed … to"):
// a day and month written with it is the nearest such date, before or
// after the publication.
func planSignal(s string) bool {
	if len(s) < 4 {
		return false // every plan signal is longer: "was …", "… to"
	}
	switch s[0] { // most signals start with neither letter
	case 'w':
		if strings.HasPrefix(s, "was ") || strings.HasPrefix(s, "were ") {
			return true
		}
	case 'h':
		if strings.HasPrefix(s, "had been ") {
			return true
		}
	}
	if s[len(s)-3:] != " to" {
		return false
	}
	v, _, _ := strings.Cut(s, " ")
	return rescheduleVerbs[v]
}

// rescheduleVerbs move a planned event to a new date: "postponed the
// verdict to March 20", "was moved to May 31" (a constant table).
var rescheduleVerbs = map[string]bool{"postponed": true, "postpone": true, "postpones": true, "delayed": true, "delay": true, "delays": true, "moved": true, "move": true, "moves": true, "pushed": true, "push": true, "pushes": true, "deferred": true, "defer": true, "defers": true, "adjourned": true, "adjourn": true, "adjourns": true, "rescheduled": true, "reschedule": true, "reschedules": true, "brought": true, "bring": true, "brings": true, "extended": true, "extend": true, "extends": true, "put": true, "puts": true}

// mayRetarget reports whether a word token with lexicon entry id may be
// "to" or "until" (the words retarget starts from): a token with an
// entry is the entry's word, in some case; one without may be anything.
func (x *Extractor) mayRetarget(id uint16) bool {
	return id == 0 || id == x.toID || id == x.untilID
}

// retarget finds a rescheduling verb governing "to"/"until" right before
// the expression at a, in the same clause: "postponed its verdict … to
// March 20" names the new date, which news reports as still ahead.
func (x *Extractor) retarget(body string, t []tok, sa, a int) (Tense, string, bool) {
	if a-1 < sa || t[a-1].k != tkWord {
		return 0, "", false
	}
	if p := body[t[a-1].s:t[a-1].e]; p != "to" && p != "until" {
		return 0, "", false
	}
	for j, n := a-2, 0; j >= sa && n < 16; j, n = j-1, n+1 {
		if t[j].k == tkPunct {
			if c := body[t[j].s]; c == ',' || c == ';' || c == ':' || c == '.' {
				break
			}
			continue
		}
		if t[j].cap {
			continue
		}
		if w := x.lowerTok(body, t, j); rescheduleVerbs[w] {
			return TenseFuture, w + " … to", true
		}
	}
	return 0, "", false
}

// schedPresent reports whether the present-tense verb w at token j states
// a scheduled action ("Debate resumes at 9:30 a.m. on Wednesday", "Polls
// open on Sunday", "The offer expires on Friday"), which news writes for
// the coming occurrence. Headlines (no closing full stop) use the present
// for past events ("Quake hits Peru on Sunday") and are excluded, as are
// nouns ("the end"), infinitives ("to open") and verb groups with an
// auxiliary, which decides itself. Some verbs need their particle: takes
// place/effect/office, gets under way, goes ahead, runs until, kicks off.
func (x *Extractor) schedPresent(body string, t []tok, j int, w string, prev, next func(int) string) bool {
	switch w {
	case "takes", "take":
		if n := next(j + 1); n != "place" && n != "effect" && n != "office" && n != "over" {
			return false
		}
	case "gets", "get":
		if n := next(j + 1); n != "under" && n != "underway" {
			return false
		}
	case "goes", "go":
		if n := next(j + 1); n != "ahead" && n != "on" && n != "to" {
			return false
		}
	case "runs", "run":
		if n := next(j + 1); n != "until" && n != "till" && n != "through" && n != "to" {
			return false
		}
	case "kicks", "kick":
		if next(j+1) != "off" {
			return false
		}
	}
	p := prev(j - 1)
	switch p {
	case "", "to", "not", "t", "did", "does", "do", "didn", "doesn", "don", "will", "would", "could", "can", "may", "might", "must", "should", "shall", "the", "a", "an", "its", "his", "her", "their", "our", "my", "your", "this", "that", "these", "those", "whose", "which", "who", "year", "day", "week", "month", "of", "at", "by", "in", "on", "for", "from", "with":
		if p != "" || j == 0 || t[j-1].k == tkWord {
			return false
		}
	}
	if !strings.HasSuffix(w, "s") || w == "focus" {
		// a base form: after a plural subject or a pronoun ("Polls open",
		// "They meet"), not after a singular noun ("year end")
		if !(strings.HasSuffix(p, "s") && len(p) > 2 && !strings.HasSuffix(p, "ss")) && p != "they" && p != "we" && p != "you" && p != "i" {
			return false
		}
	}
	// a full sentence: a full stop, '!' or '?' before the line ends
	for k := int(t[j].e); k < len(body); k++ {
		switch body[k] {
		case '\n':
			return false
		case '.', '!', '?':
			return true
		}
	}
	return false
}

const tenseWindow = 30

func (x *Extractor) scanLeft(body string, t []tok, sa, a int) (Tense, string, bool) {
	for j, n := a-1, 0; j >= sa && n < tenseWindow; j, n = j-1, n+1 {
		if !x.maySignal(body, t, j, sa) {
			continue
		}
		if tn, s, ok := x.classify(body, t, j, sa, a); ok {
			return tn, s, true
		}
	}
	return 0, "", false
}

func (x *Extractor) scanRight(body string, t []tok, b, sb int) (Tense, string, bool) {
	for j, n := b, 0; j < sb && n < tenseWindow; j, n = j+1, n+1 {
		if t[j].k == tkPunct && body[t[j].s] == ';' {
			break
		}
		if !x.maySignal(body, t, j, b) {
			continue
		}
		if tn, s, ok := x.classify(body, t, j, b, sb); ok {
			return tn, s, true
		}
	}
	return 0, "", false
}
