package timeline

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// This file extracts event signatures: the predicate (verb or event noun,
// stemmed and mapped to a class of near-synonyms) and the participants and
// place (capitalised names, folded across spellings and transliterations)
// of the clause around an expression.

// token is one word or punctuation mark of a sentence.
type token struct {
	text       string // as written
	lower      string // strings.ToLower(text), set by newTokSentence
	start, end int    // byte offsets in the sentence
	punct      byte   // ',', ';', ':', '-' (dash), '"' (quote), '(' or ')'; 0 for a word
	cap        bool   // starts with an upper-case letter
	name       int8   // isName: 0 not known yet, 1 no, 2 yes
}

// tokenize splits a sentence into words and clause punctuation. Words keep
// inner apostrophes, hyphens and abbreviation dots ("U.S.", "son-in-law",
// "Trump's").
func tokenize(s string) []token {
	out := make([]token, 0, len(s)/5+4)
	i := 0
	for i < len(s) {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			j := i + n
			for j < len(s) {
				r2, n2 := utf8.DecodeRuneInString(s[j:])
				if unicode.IsLetter(r2) || unicode.IsDigit(r2) {
					j += n2
					continue
				}
				// a clock time keeps its colon ("9:30")
				if r2 == ':' && unicode.IsDigit(r) && j+1 < len(s) && s[j+1] >= '0' && s[j+1] <= '9' {
					j += n2
					continue
				}
				// inner apostrophe, hyphen or dot followed by a letter/digit
				if r2 == '\'' || r2 == '’' || r2 == '-' || r2 == '.' {
					if k := j + n2; k < len(s) {
						r3, _ := utf8.DecodeRuneInString(s[k:])
						if unicode.IsLetter(r3) || unicode.IsDigit(r3) {
							j = k
							continue
						}
					}
					// abbreviation dot: "U.S." keeps its final dot
					if r2 == '.' && j-i <= 3 && strings.Contains(s[i:j], ".") {
						j += n2
					}
				}
				break
			}
			out = append(out, token{text: s[i:j], start: i, end: j, cap: unicode.IsUpper(r)})
			i = j
			continue
		case r == ',' || r == ';' || r == ':' || r == '(' || r == ')':
			out = append(out, token{text: s[i : i+n], start: i, end: i + n, punct: byte(r)})
		case r == '—' || r == '–' || (r == '-' && i > 0 && s[i-1] == ' '):
			out = append(out, token{text: s[i : i+n], start: i, end: i + n, punct: '-'})
		case r == '"' || r == '“' || r == '”' || r == '«' || r == '»':
			out = append(out, token{text: s[i : i+n], start: i, end: i + n, punct: '"'})
		}
		i += n
	}
	return out
}

// stopwords are function words, titles, calendar words and numbers: never
// participants, never predicates.
var stopwords = toSet(`a an the this that these those it its it's he she they them their his her him we us our you your i me my
of in on at by for from to into onto with without within about above below over under between among through during
and or but nor so yet as than then too very also just only even still again already not no never
is are was were be been being am do does did done has have had having will would shall should can could may might must
there here where when while which who whom whose what why how whether if unless until since because although though
after before ago earlier later soon now today tonight yesterday tomorrow early late
mr mrs ms dr sir president prime minister secretary general foreign chief special envoy spokesman spokeswoman spokesperson
aide adviser advisor press deputy vice senior leader leaders official officials judge justice ceo chairman chairwoman director
ambassador commissioner mayor governor senator representative colonel captain lord pope head top former acting interim
monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september october november december
week weeks month months year years day days hour hours minute minutes weekend morning afternoon evening night
one two three four five six seven eight nine ten eleven twelve half quarter first second third fourth fifth last next
some any all each every both many much more most other another such own same new old
meanwhile however moreover afterwards afterward instead indeed according
` + calendarWords)

// calendarWords are abbreviations of months and weekdays, time-zone
// abbreviations and clock words: dates, never participants or predicates.
const calendarWords = `tue tues thu thur thurs fri
gmt utc est edt cst cdt mst mdt pst pdt et ct mt pt akst hst bst cet cest eet eest ist pkt jst kst hkt sgt awst acst aest aedt nzst nzdt msk
time clock local noon midnight dawn dusk`

// monthAbbrevs are abbreviated months: no name when a day number follows
// ("Oct. 28", "Jan 15"; but "Jan Kowalski").
var monthAbbrevs = toSet(`jan feb mar apr jun jul aug sep sept oct nov dec`)

// notNames are capitalised words that are no name: function words at the
// start of a sentence, page words ("Key Points", "Share").
var notNames = toSet(`the a an in on at after before but and or as for from to with by of if when while during despite though although
this that these those it he she they we you i his her their its our my there here what why how who which
meanwhile however moreover afterwards afterward earlier later yesterday today tomorrow
key points share source read more watch listen state
monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september october november december
` + calendarWords)

// nameAliases maps folded names and name phrases to one key.
var nameAliases = map[string]string{
	"u.s.": "us", "u.s": "us", "us": "us", "usa": "us", "united states": "us", "u.s.a.": "us",
	"u.k.": "uk", "uk": "uk", "united kingdom": "uk", "britain": "uk", "british": "uk", "great britain": "uk",
	"e.u.": "eu", "eu": "eu", "european union": "eu",
	"u.n.": "un", "un": "un", "united nations": "un",
}

// classes maps predicate stems to a class of near-synonyms found in news.
var classes = func() map[string]string {
	m := map[string]string{}
	for class, words := range map[string]string{
		"say":      "say tell add state remark comment speak echo note insist stress reply respond address statement remarks",
		"declare":  "declare declaration proclaim impose",
		"agree":    "agree agreement accord pact",
		"buy":      "buy acquire acquisition purchase takeover",
		"meet":     "meet talk talks summit negotiation negotiate huddle discuss discussion visit",
		"plan":     "plan proposal propose draft framework blueprint",
		"war":      "war invasion invade conflict fight fighting offensive hostilities",
		"resign":   "resign resignation quit",
		"warn":     "warn warning threaten threat",
		"debate":   "debate",
		"attack":   "attack strike bomb bombing raid shell shelling airstrike assault blast explosion",
		"die":      "die death kill dead",
		"seize":    "seize seizure capture board detain detention arrest",
		"elect":    "election elect vote poll ballot referendum",
		"verdict":  "verdict ruling sentence sentencing convict acquit judgment decision",
		"quake":    "earthquake quake tremor aftershock shake jolt rattle",
		"rescue":   "rescue",
		"fall":     "fall drop decline lose loss slide slump plunge tumble sink dip",
		"rise":     "rise gain increase climb jump rally surge soar",
		"launch":   "launch introduce unveil release debut reveal table",
		"sell":     "sell sale",
		"postpone": "postpone delay defer reschedule move",
		"found":    "found establish",
		"start":    "start begin erupt ignite outbreak",
		"reopen":   "reopen reopening",
	} {
		for _, w := range strings.Fields(words) {
			m[stem(w)] = class
		}
	}
	return m
}()

// irregular maps irregular verb forms to their base.
var irregular = map[string]string{
	"said": "say", "says": "say", "added": "add", "adding": "add", "told": "tell", "met": "meet", "held": "hold", "fell": "fall", "fallen": "fall",
	"rose": "rise", "risen": "rise", "lost": "lose", "sold": "sell", "won": "win", "left": "leave", "took": "take",
	"taken": "take", "gave": "give", "given": "give", "began": "begin", "begun": "begin", "spoke": "speak", "spoken": "speak",
	"went": "go", "gone": "go", "came": "come", "made": "make", "struck": "strike", "fought": "fight", "ran": "run",
	"saw": "see", "seen": "see", "got": "get", "brought": "bring", "bought": "buy", "sent": "send", "kept": "keep",
	"found": "find", "thought": "think", "became": "become", "chose": "choose", "chosen": "choose", "drew": "draw",
	"drawn": "draw", "flew": "fly", "flown": "fly", "grew": "grow", "grown": "grow", "knew": "know", "known": "know",
	"led": "lead", "paid": "pay", "sought": "seek", "shot": "shoot", "sank": "sink", "sunk": "sink", "stood": "stand",
	"underwent": "undergo", "undergone": "undergo", "withdrew": "withdraw", "withdrawn": "withdraw", "wrote": "write",
	"written": "write", "broke": "break", "broken": "break", "froze": "freeze", "stole": "steal", "swore": "swear",
	"hit": "hit", "quit": "quit", "shut": "shut", "set": "set", "put": "put", "cut": "cut", "beat": "beat", "slid": "slide",
	"shook": "shake", "shaken": "shake", "agreed": "agree", "dead": "die", "died": "die", "dying": "die", "deaths": "death",
}

// stem reduces an English word to a crude stem: irregular forms to their
// base, then -ies/-ied, -ing, -ed, -es, -s and a final -e removed, doubled
// final consonants undoubled. It only has to map the forms of one word to
// one key.
func stem(w string) string {
	w = strings.ToLower(w)
	if b, ok := irregular[w]; ok {
		w = b
	}
	switch {
	case len(w) > 4 && (strings.HasSuffix(w, "ies") || strings.HasSuffix(w, "ied")):
		w = w[:len(w)-3] + "y"
	case len(w) > 5 && strings.HasSuffix(w, "ing"):
		w = undouble(w[:len(w)-3])
	case len(w) > 4 && strings.HasSuffix(w, "ed"):
		w = undouble(w[:len(w)-2])
	case len(w) > 4 && strings.HasSuffix(w, "sses"):
		w = w[:len(w)-2]
	case len(w) > 4 && (strings.HasSuffix(w, "ches") || strings.HasSuffix(w, "shes") || strings.HasSuffix(w, "xes")):
		w = w[:len(w)-2]
	case len(w) > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "us") && !strings.HasSuffix(w, "is"):
		w = w[:len(w)-1]
	}
	if len(w) > 4 && strings.HasSuffix(w, "e") && !strings.HasSuffix(w, "ee") {
		w = w[:len(w)-1]
	}
	return w
}

func undouble(w string) string {
	n := len(w)
	if n >= 3 && w[n-1] == w[n-2] && !strings.ContainsRune("lsz", rune(w[n-1])) && !strings.ContainsRune("aeiou", rune(w[n-1])) {
		return w[:n-1]
	}
	return w
}

// predicate returns the class of a word's stem, or the stem itself.
func predicate(w string) string {
	s := stem(w)
	if c, ok := classes[s]; ok {
		return c
	}
	return s
}

// FoldName normalises a name for matching across spellings and
// transliterations: lower case, diacritics removed, possessive dropped,
// then w/v, ks/x, c/k (not before e, i, y or h), y/i/ii, ie/i, -iy/-yy
// endings and doubled letters collapsed, a final f read as v, and the
// demonym endings -ian/-ean/-an, -ia and a final -e/-a removed from longer
// names ("Ukrainian" and "Ukraine" fold alike). Witkoff, Witkov and Vitkov
// all fold to "vitkov"; Kyiv and Kiev to "kiv".
func FoldName(s string) string {
	s = strings.ToLower(s)
	s = strings.TrimSuffix(strings.TrimSuffix(s, "'s"), "’s")
	s = strings.TrimSuffix(strings.TrimSuffix(s, "'"), "’")
	if a, ok := nameAliases[s]; ok {
		return a
	}
	var b strings.Builder
	for _, r := range s {
		if f, ok := foldRune[r]; ok {
			b.WriteString(f)
		} else if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
		}
	}
	s = b.String()
	if a, ok := nameAliases[s]; ok {
		return a
	}
	if len(s) <= 2 {
		return s
	}
	s = translit.Replace(s)
	// c → k except before e, i, y, h
	bs := []byte(s)
	for i := range bs {
		if bs[i] == 'c' && (i+1 == len(bs) || !strings.ContainsRune("eiyh", rune(bs[i+1]))) {
			bs[i] = 'k'
		}
	}
	s = string(bs)
	for _, e := range []string{"iy", "yy", "ij", "yi", "ii"} {
		if strings.HasSuffix(s, e) {
			s = s[:len(s)-2] + "i"
			break
		}
	}
	s = strings.ReplaceAll(s, "y", "i")
	s = strings.ReplaceAll(s, "ie", "i")
	if strings.HasSuffix(s, "ei") {
		s = s[:len(s)-2] + "i" // Turkey, Türkiye
	}
	// collapse doubled letters
	bs = bs[:0]
	for i := 0; i < len(s); i++ {
		if i > 0 && s[i] == s[i-1] {
			continue
		}
		bs = append(bs, s[i])
	}
	s = string(bs)
	if strings.HasSuffix(s, "f") {
		s = s[:len(s)-1] + "v"
	}
	// demonyms and case endings
	for _, e := range []string{"ian", "ean", "an", "ia", "e", "a"} {
		if strings.HasSuffix(s, e) && len(s)-len(e) >= 4 {
			s = s[:len(s)-len(e)]
			break
		}
	}
	return s
}

// translit collapses transliteration variants (a read-only table).
var translit = strings.NewReplacer("ks", "x", "w", "v", "ph", "f", "ck", "k")

// foldRune maps Latin letters with diacritics to plain ASCII.
var foldRune = func() map[rune]string {
	m := map[rune]string{'ß': "ss", 'æ': "ae", 'œ': "oe", 'ø': "o", 'đ': "d", 'ł': "l", 'ı': "i", 'þ': "th", 'ð': "d"}
	for base, rs := range map[string]string{
		"a": "àáâãäåāăą", "c": "çćĉċč", "d": "ďđ", "e": "èéêëēĕėęě", "g": "ĝğġģ", "h": "ĥħ",
		"i": "ìíîïĩīĭįİ", "j": "ĵ", "k": "ķ", "l": "ĺļľŀ", "n": "ñńņňŉ", "o": "òóôõöōŏő", "r": "ŕŗř",
		"s": "śŝşšș", "t": "ţťŧț", "u": "ùúûüũūŭůűų", "w": "ŵ", "y": "ýÿŷ", "z": "źżž",
	} {
		for _, r := range rs {
			m[r] = base
		}
	}
	return m
}()

// signature is what a clause says happened and who took part.
type signature struct {
	names   []string // folded participant and place names, sorted, unique
	places  []string // the names said to be where it happened ("in Florida", "at the Kremlin")
	speaker string   // folded name just before the speech verb ("Zelensky" in "President Zelensky said")
	preds   []string // predicate classes or stems of content words, sorted, unique
	head    string   // the predicate nearest the expression ("" if none)
	cue     cueSet   // overnight cues around the expression
	old     bool     // the old date of a plan that moved
	moved   bool     // the new date of a plan that moved ("postponed the vote to Tuesday")
	// display holds, for each folded name in order of appearance, one
	// spelling as written, for labels: pairs of (folded, spelling).
	display [][2]string
}

// addDisplay records the first spelling of a folded name.
func (sig *signature) addDisplay(folded, spelling string) {
	for _, d := range sig.display {
		if d[0] == folded {
			return
		}
	}
	sig.display = append(sig.display, [2]string{folded, spelling})
}

// spelling returns the recorded spelling of a folded name.
func (sig *signature) spelling(folded string) string {
	for _, d := range sig.display {
		if d[0] == folded {
			return d[1]
		}
	}
	return folded
}

// cueSet flags words near an expression that say an event ran overnight.
type cueSet uint8

const (
	cueEarly cueSet = 1 << iota // "early Wednesday", "into the early hours", "past midnight", "overnight"
	cueLate                     // "late Tuesday", "late into the night", "overnight"
)

// speech verbs close a clause right after "said Wednesday": what follows
// is what was said, another event.
var speechVerbs = toSet(`said says say told tells added adds announced announces stated states claimed claims
insisted insists warned warns confirmed confirms noted notes stressed stresses replied replies reported reports argued argues
believes believe believed thinks think thought wrote writes tweeted posted`)

// boundaryWords open a new clause.
var boundaryWords = toSet(`which who whom whose where while whereas although though because despite but unless if when after before until`)

// auxiliaries start a predicate: a clause starting with one lacks its subject.
var auxiliaries = toSet(`is are was were has have had will would could can may might should must did does do said says told`)

// clauseBounds returns the token range [lo, hi) of the clause around the
// tokens [a, b) of an expression.
func clauseBounds(toks []token, a, b int) (int, int) {
	lo := a
	for lo > 0 {
		t := toks[lo-1]
		if t.punct == ';' || t.punct == ':' || t.punct == '-' || t.punct == '"' || t.punct == '(' || t.punct == ')' {
			break
		}
		if t.punct == ',' {
			// a clause that starts with its verb takes the subject before the comma(s)
			if lo < len(toks) && auxiliaries[toks[lo].lower] && lo-1 > 0 {
				lo--
				continue
			}
			break
		}
		lw := t.lower
		if boundaryWords[lw] {
			lo--
			break
		}
		// "Tremblay said the government wants it done by [March]": what
		// follows a speech verb is what was said, another event (a
		// preposition or article between is fine: "said on [Monday]")
		if speechVerbs[lw] && contentBetween(toks, lo, a) {
			break
		}
		if lw == "that" && lo-2 >= 0 {
			p := toks[lo-2].lower
			if !(strings.HasSuffix(p, "ed") && !speechVerbs[p]) {
				break
			}
		}
		lo--
	}
	hi := b
	// "said Wednesday": the clause ends with the date
	for k := a - 1; k >= lo && k >= a-3; k-- {
		if speechVerbs[toks[k].lower] {
			return lo, b
		}
		if toks[k].punct != 0 || toks[k].cap {
			break
		}
	}
	for hi < len(toks) {
		t := toks[hi]
		if t.punct != 0 && t.punct != '"' {
			break
		}
		lw := t.lower
		if boundaryWords[lw] || lw == "that" {
			break
		}
		hi++
	}
	return lo, hi
}

// antecedent adds, for a relative clause ("The bill, which was
// introduced on 4 November, …"), the noun phrase it describes: up to
// four words before its comma.
func antecedent(sig *signature, toks []token, lo int, f folder) {
	if !relativeStart(toks, lo) {
		return
	}
	s := lo - 1
	for s > 0 && s > lo-5 && toks[s-1].punct == 0 {
		s--
	}
	collectNames(sig, toks, s, lo-1, f)
	for k := s; k < lo-1; k++ {
		lw := toks[k].lower
		if isName(toks, k) || len(lw) < 3 || stopwords[lw] || !isWord(lw) {
			continue
		}
		sig.preds = append(sig.preds, predicate(lw))
	}
}

// relativeStart reports whether toks[i] opens a relative clause set off
// by a comma (", which …", ", where …", ", who …").
func relativeStart(toks []token, i int) bool {
	if i <= 0 || i >= len(toks) || toks[i-1].punct != ',' {
		return false
	}
	switch toks[i].lower {
	case "which", "who", "whom", "whose", "where", "when":
		return true
	}
	return false
}

// contentBetween reports whether toks[lo:a] has a name or a content word.
func contentBetween(toks []token, lo, a int) bool {
	for k := lo; k < a && k < len(toks); k++ {
		t := toks[k]
		if t.punct != 0 {
			continue
		}
		if t.cap || !stopwords[t.lower] {
			return true
		}
	}
	return false
}

// signatureAt builds the signature of the clause around sentence[start:end].
func signatureAt(sentence string, start, end int) signature {
	return newTokSentence(sentence).signature(start, end)
}

// tokSentence is a sentence tokenized once for the signatures of all the
// mentions in it.
type tokSentence struct {
	text  string
	toks  []token
	lower string // strings.ToLower(text)
	ascii bool   // text is ASCII: lower has its offsets
	cue   cueSet // overnight wording anywhere in it
	fold  folder // the folded names of its document, or nil
}

// newTokSentence tokenizes s and lower-cases it, once.
func newTokSentence(s string) *tokSentence {
	ts := &tokSentence{text: s, toks: tokenize(s), lower: strings.ToLower(s)}
	ts.ascii = isASCII(s) // then lower-casing keeps the offsets: the tokens share ts.lower
	for i := range ts.toks {
		t := &ts.toks[i]
		if ts.ascii {
			t.lower = ts.lower[t.start:t.end]
		} else {
			t.lower = strings.ToLower(t.text)
		}
	}
	ts.cue = sentenceCues(ts.lower)
	return ts
}

// signer signs the mentions of one document in order, tokenizing each
// sentence once; fold may be shared by the documents of one goroutine.
type signer struct {
	last *tokSentence
	fold folder
}

// at is signatureAt, with the tokens of the last sentence reused.
func (sg *signer) at(sentence string, start, end int) signature {
	if sg.last == nil || sg.last.text != sentence {
		sg.last = newTokSentence(sentence)
		sg.last.fold = sg.fold
	}
	return sg.last.signature(start, end)
}

// signature builds the signature of the clause around text[start:end].
func (ts *tokSentence) signature(start, end int) signature {
	sentence, toks, f := ts.text, ts.toks, ts.fold
	a, b := len(toks), len(toks)
	for i, t := range toks {
		if t.end > start && a == len(toks) {
			a = i
		}
		if t.start >= end {
			b = i
			break
		}
	}
	if a > b {
		a = b
	}
	lo, hi := clauseBounds(toks, a, b)
	var sig signature
	collect(&sig, toks, lo, hi, a, b, f)
	antecedent(&sig, toks, lo, f)
	sig.places = places(toks, lo, hi, f)
	sig.speaker = speaker(toks, lo, hi, f)
	// a fronted adverbial ("On Tuesday, President Putin accused …",
	// "Speaking in the Oval Office on Wednesday, Trump said …") takes the
	// subject, and if it says nothing else, the clause after its comma
	if lo == 0 && hi < len(toks) && toks[hi].punct == ',' {
		lo2, hi2 := clauseBounds(toks, hi+1, hi+1)
		if lo2 <= hi+1 {
			lo2 = hi + 1
		}
		if len(sig.preds) == 0 {
			collect(&sig, toks, lo2, hi2, -1, -1, f)
		} else {
			// the subject only: names until the verb
			k := lo2
			for k < len(toks) && k < lo2+12 && (toks[k].cap || toks[k].punct == ',' || stopwords[toks[k].lower] && !auxiliaries[toks[k].lower]) {
				k++
			}
			collectNames(&sig, toks, lo2, k, f)
		}
	}
	// no participant in the clause: the sentence's, unless the clause
	// says nothing either (a dateline: "NEW YORK, Dec. 9 —")
	// a relative clause elsewhere (", where MPs heard …") tells of others
	// ("The fire, which started on [March 4], jumped Highway 33": the
	// relative clause is the antecedent's, not the sentence's)
	if len(sig.names) == 0 && len(sig.preds) > 0 && !relativeStart(toks, lo) {
		for k := 0; k < len(toks); {
			e := k
			for e < len(toks) && !relativeStart(toks, e) {
				e++
			}
			collectNames(&sig, toks, k, e, f)
			for e < len(toks) && toks[e].punct != ',' {
				e++ // skip the relative clause to its closing comma
			}
			k = e
		}
	}
	// "on Thursday postponed the verdict to March 20": the date of the
	// postponing is its own event; the date it moves to is the verdict's
	if slices.Contains(sig.preds, "postpone") && sig.head != "postpone" {
		prev := ""
		if a > 0 {
			prev = toks[a-1].lower
		}
		if prev != "to" && prev != "until" && prev != "till" && prev != "for" {
			sig.head = "postpone"
		} else {
			sig.moved = true
		}
	} else if sig.head == "postpone" && a > 0 && (strings.EqualFold(toks[a-1].text, "to") || strings.EqualFold(toks[a-1].text, "until")) {
		// "the reopening of Highway 33 has been pushed back to [Monday]":
		// the new date is the reopening's
		if h := movedHead(toks, lo, hi, a, b); h != "" {
			sig.head, sig.moved = h, true
		}
	}
	// no names anywhere: the definite noun the clause opens with is its
	// participant ("the highway will reopen on Friday")
	if len(sig.names) == 0 && lo > 0 && lo+2 < a && strings.EqualFold(toks[lo].text, "the") && auxiliaries[toks[lo+2].lower] {
		if nw := toks[lo+1].lower; toks[lo+1].punct == 0 && !toks[lo+1].cap && len(nw) >= 3 && !stopwords[nw] && isWord(nw) {
			sig.names = append(sig.names, FoldName(nw))
		}
	}
	sig.cue = ts.cues(start, end)
	if ts.ascii {
		sig.old = supersededLower(ts.lower[max(0, start-48):start])
	} else {
		sig.old = superseded(sentence, start)
	}
	sig.names = sortUnique(sig.names)
	sig.places = sortUnique(sig.places)
	sig.preds = sortUnique(sig.preds)
	return sig
}

// movedHead returns the predicate nearest the expression toks[a:b] other
// than a postponement: what was moved ("the reopening … pushed back to").
func movedHead(toks []token, lo, hi, a, b int) string {
	head, best := "", 1<<30
	for i := lo; i < hi; i++ {
		if i >= a && i < b || toks[i].punct != 0 || isName(toks, i) {
			continue
		}
		lw := toks[i].lower
		if len(lw) < 3 || stopwords[lw] || particles[lw] || !isWord(lw) {
			continue
		}
		p := predicate(lw)
		if p == "postpone" || p == "push" {
			continue
		}
		d := a - i
		if i >= b {
			d = i - b + 1
		}
		if i+1 < hi && strings.EqualFold(toks[i+1].text, "of") {
			d -= 100 // an event noun: "the reopening of the bridge"
		}
		if d < best {
			head, best = p, d
		}
	}
	return head
}

// collect adds the names and predicates of toks[lo:hi], skipping the
// expression itself (toks[a:b]); the head is the predicate nearest it.
func collect(sig *signature, toks []token, lo, hi, a, b int, f folder) {
	collectNames(sig, toks, lo, hi, f)
	best := 1 << 30
	for i := lo; i < hi; i++ {
		if i >= a && i < b {
			continue
		}
		t := toks[i]
		if t.punct != 0 || isName(toks, i) {
			continue
		}
		parts := []string{t.text}
		if strings.IndexByte(t.text, '-') >= 0 {
			parts = strings.Split(t.text, "-")
		}
		for _, part := range parts {
			lw := t.lower
			if len(parts) > 1 {
				lw = strings.ToLower(part)
			}
			if len(lw) < 3 || stopwords[lw] || !isWord(lw) {
				continue
			}
			if particles[lw] {
				continue // "broke out", "pushed back": the verb is the predicate
			}
			p := predicate(lw)
			if p == "break" && i+1 < len(toks) && strings.EqualFold(toks[i+1].text, "out") {
				p = "start" // a fire, a war, a protest "broke out": it started
			}
			if p == "push" && i+1 < len(toks) && strings.EqualFold(toks[i+1].text, "back") {
				p = "postpone" // "pushed back to Monday"
			}
			if lw == "state" && i+1 < len(toks) && strings.EqualFold(toks[i+1].text, "of") {
				p = stem(lw) // "a state of emergency" is no statement
			}
			if p == "report" && reportedAt(toks, i) {
				p = "start" // "the fire was first reported at 4:15 p.m.": when it began
			}
			if p == "launch" && documentNear(toks, lo, hi, i) {
				p = "say" // "the statement was released": a saying, no product launch
			}
			sig.preds = append(sig.preds, p)
			d := a - i
			if i >= b {
				d = i - b + 1
			}
			if a < 0 {
				d = i - lo
			}
			if classesSet[p] {
				d -= 1000 // a known event word beats any other word
			}
			if d < best {
				best, sig.head = d, p
			}
		}
	}
}

// reportedAt reports whether toks[i] ("reported") is a passive followed
// by "at" and a time: "the blast was reported at 3 a.m.", "the fire was
// first reported at about 4:15 p.m.", when an incident began.
func reportedAt(toks []token, i int) bool {
	if i+1 >= len(toks) || !strings.EqualFold(toks[i+1].text, "at") || toks[i].lower != "reported" {
		return false
	}
	j := i - 1
	if j >= 0 && strings.EqualFold(toks[j].text, "first") {
		j--
	}
	return j >= 0 && (strings.EqualFold(toks[j].text, "was") || strings.EqualFold(toks[j].text, "were"))
}

// documentNouns are what a statement verb puts out: "a statement was
// released", "released a report", "the announcement was issued".
var documentNouns = toSet(`statement statements report reports announcement announcements communique communiqué communiques
memo memos transcript transcripts readout readouts bulletin bulletins notice notices`)

// documentNear reports whether a document noun stands within three words
// of toks[i] in toks[lo:hi] (its subject or object).
func documentNear(toks []token, lo, hi, i int) bool {
	for j := max(lo, i-3); j < min(hi, i+4); j++ {
		if j != i && documentNouns[toks[j].lower] {
			return true
		}
	}
	return false
}

// particles complete a phrasal verb ("broke out", "pushed back", "set
// up"): never the predicate.
var particles = toSet(`out back up off`)

var classesSet = func() map[string]bool {
	m := map[string]bool{}
	for _, c := range classes {
		m[c] = true
	}
	return m
}()

func isWord(s string) bool {
	for _, r := range s {
		if !unicode.IsLetter(r) {
			return false
		}
	}
	return true
}

// isName reports whether toks[i] is part of a name: capitalised, no
// function word or title, and at the sentence start only when it does not
// look like a verb, adverb or event word.
func isName(toks []token, i int) bool {
	t := &toks[i]
	if t.name == 0 {
		t.name = 1
		if nameAt(toks, i) {
			t.name = 2
		}
	}
	return t.name == 2
}

// nameAt is isName, computed afresh.
func nameAt(toks []token, i int) bool {
	t := toks[i]
	if !t.cap || t.punct != 0 {
		return false
	}
	bare := strings.TrimSuffix(strings.TrimSuffix(t.text, "'s"), "’s")
	lw := t.lower[:len(t.lower)-(len(t.text)-len(bare))] // strings.ToLower(bare)
	if len(bare) >= 2 && isUpper(bare) && !notNames[lw] {
		return true // an acronym: US, AFP, NATO
	}
	if notNames[lw] || stopwords[lw] {
		return false
	}
	if monthAbbrevs[lw] && i+1 < len(toks) && toks[i+1].punct == 0 && toks[i+1].text[0] >= '0' && toks[i+1].text[0] <= '9' {
		return false
	}
	// "India time", "Australian time": a zone, not a participant
	if i+1 < len(toks) && strings.EqualFold(toks[i+1].text, "time") {
		return false
	}
	if _, ok := nameAliases[lw]; ok {
		return true
	}
	if i == 0 || toks[i-1].punct == '"' || toks[i-1].punct == ':' {
		if strings.HasSuffix(lw, "ing") || strings.HasSuffix(lw, "ed") || strings.HasSuffix(lw, "ly") {
			return false
		}
		if _, ok := classes[stem(lw)]; ok {
			return false
		}
	}
	return true
}

// speaker returns the folded name nearest before the first speech verb
// of toks[lo:hi] (a lower-case word or two such as "aide" may come
// between), or after it ("said Trump"); "" when there is none.
func speaker(toks []token, lo, hi int, f folder) string {
	for i := lo; i < hi && i < len(toks); i++ {
		lw := toks[i].lower
		if !speechVerbs[lw] && !(classes[stem(lw)] == "say" && toks[i].punct == 0 && !isName(toks, i)) {
			continue
		}
		for k := i - 1; k >= lo && k >= i-3; k-- {
			if isName(toks, k) {
				return f.fold(toks[k].text)
			}
			if toks[k].punct != 0 {
				break
			}
		}
		if i+1 < len(toks) && isName(toks, i+1) {
			return f.fold(toks[i+1].text)
		}
		return ""
	}
	return ""
}

// places returns the folded names that follow "in" or "at" (and "the")
// in toks[lo:hi]: where the clause says it happened.
func places(toks []token, lo, hi int, f folder) []string {
	var out []string
	for i := lo; i < hi && i < len(toks); i++ {
		if !isName(toks, i) {
			continue
		}
		k := i - 1
		if k >= lo && strings.EqualFold(toks[k].text, "the") {
			k--
		}
		if k >= lo && (strings.EqualFold(toks[k].text, "in") || strings.EqualFold(toks[k].text, "at")) {
			out = append(out, f.fold(toks[i].text))
		}
	}
	return out
}

// collectNames adds the folded names of toks[lo:hi]; "United States" and
// other multi-word aliases become one key.
func collectNames(sig *signature, toks []token, lo, hi int, fl folder) {
	for i := lo; i < hi && i < len(toks); i++ {
		if !isName(toks, i) {
			continue
		}
		if i+1 < hi && isName(toks, i+1) {
			pair := strings.ToLower(toks[i].text + " " + toks[i+1].text)
			if a, ok := nameAliases[pair]; ok {
				sig.names = append(sig.names, a)
				sig.addDisplay(a, toks[i].text+" "+toks[i+1].text)
				i++
				continue
			}
		}
		text := nameHead(toks[i].text)
		f := fl.fold(text)
		if f == "" {
			continue
		}
		sig.names = append(sig.names, f)
		sig.addDisplay(f, strings.TrimSuffix(strings.TrimSuffix(text, "'s"), "’s"))
	}
}

// nameHead returns the name in a hyphenated compound whose later parts
// are lower case ("Oslo-listed", "US-owned", "Kremlin-backed"): the first
// part; any other word as it is ("Rolls-Royce", "al-Assad").
func nameHead(w string) string {
	i := strings.IndexByte(w, '-')
	if i <= 0 {
		return w
	}
	for _, r := range w[i+1:] {
		if unicode.IsUpper(r) {
			return w
		}
	}
	return w[:i]
}

// superseded reports a date given as the old one of a plan that moved:
// "had been scheduled for May 17", "originally due on Friday",
// "postponed from March 6".
func superseded(s string, start int) bool {
	return supersededLower(strings.ToLower(s[max(0, start-48):start]))
}

// supersededLower is superseded on the lower-case text before the date.
func supersededLower(before string) bool {
	for _, w := range []string{"originally", "initially", "previously", "had been scheduled", "had been set", "had been planned",
		"had been due", "had been expected", "was supposed to", "were supposed to", "instead of", "rather than", "postponed from",
		"delayed from", "moved from", "brought forward from", "pushed back from"} {
		if strings.Contains(before, w) {
			return true
		}
	}
	return false
}

// cues looks for overnight wording around the expression text[start:end].
func (ts *tokSentence) cues(start, end int) cueSet {
	ls := ts.lower
	c := ts.cue
	before := ls[max(0, start-12):start]
	if strings.Contains(before, "early") || strings.Contains(ls[start:end], "early") {
		c |= cueEarly
	}
	if strings.Contains(before, "late") || strings.Contains(ls[start:end], "late") {
		c |= cueLate
	}
	return c
}

// sentenceCues looks for overnight wording anywhere in a lower-case
// sentence.
func sentenceCues(ls string) cueSet {
	var c cueSet
	// every phrase below has one of these words
	if !strings.Contains(ls, "night") && !strings.Contains(ls, "hours") && !strings.Contains(ls, "dawn") {
		return 0
	}
	for _, w := range []string{"early hours", "past midnight", "after midnight", "small hours", "before dawn", "overnight", "wee hours"} {
		if strings.Contains(ls, w) {
			c |= cueEarly
		}
	}
	for _, w := range []string{"late into the night", "into the night", "overnight", "through the night", "past midnight", "into the early hours"} {
		if strings.Contains(ls, w) {
			c |= cueLate
		}
	}
	return c
}

// folder remembers folded names (FoldName of each spelling): the names of
// a story recur from sentence to sentence and article to article. A nil
// folder remembers nothing.
type folder map[string]string

// maxFolder bounds the spellings a folder remembers.
const maxFolder = 1 << 14

func (f folder) fold(s string) string {
	if f == nil {
		return FoldName(s)
	}
	v, ok := f[s]
	if !ok {
		if len(f) >= maxFolder {
			clear(f)
		}
		v = FoldName(s)
		f[s] = v
	}
	return v
}

// isUpper reports whether strings.ToUpper(s) == s, without allocating.
func isUpper(s string) bool {
	for _, r := range s {
		if unicode.ToUpper(r) != r {
			return false
		}
	}
	return true
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

func toSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

func sortUnique(s []string) []string {
	slices.Sort(s)
	return slices.Compact(s)
}
