package parse

import "strings"

// Segment is one sentence (or headline, caption, bullet line, furniture
// line) of a body.
type Segment struct {
	Span
	// Furniture marks page furniture: newsletter, donation and app
	// promotion, navigation, sharing, read-time and credit lines, and the
	// extra copy of a repeated line. Expressions in it are kept off the
	// timeline.
	Furniture bool
	// Para is the 0-based index of the paragraph (a run of lines between
	// blank lines) that holds the segment.
	Para int
	// Reason says why a segment is furniture ("promotion", "navigation",
	// "label", "credit", "read time", "legal", "menu", "repeat", "tail");
	// it is empty for text.
	Reason string
}

// Segments splits a body into sentences, in order. Every non-blank stretch
// of text belongs to exactly one segment; spans are trimmed of white space
// and never cross a blank line.
//
// A sentence ends at '.', '!', '?' or an ellipsis (with any closing quotes
// or brackets after it) followed by white space and a word that can start
// a sentence; it does not end after abbreviations ("Mr.", "Gen.", "Dec. 3",
// "No. 10"), initials ("George W. Bush"), dotted acronyms ("U.S.
// officials", "5 p.m. Tuesday") or inside numbers ("4.20pm", "3.5"). A
// line without final punctuation (a headline, dateline, caption, bullet
// or menu entry) is a segment of its own, except in hard-wrapped
// paragraphs and before a line that starts in lower case.
//
// Segments also flags page furniture; see [Segment.Furniture]. It is a
// byte scanner with no regular expressions and a handful of allocations
// per call, so it is safe to call on every article of a large feed.
func Segments(body string) []Segment {
	return segment(body, nil, nil)
}

// segScratch holds the buffers of one segmentation, so that the tagger
// can reuse them from one article to the next.
type segScratch struct {
	segs  []Segment
	paras []paraInfo
	infos []segInfo
	stops []int32 // the sentence splitter's stops (tokenizeStops)
}

// segment is [Segments] with the buffers of sc reused when sc is not nil:
// the result then aliases sc.segs and is valid until the next call. toks,
// when not nil, are body's tokens (from the tagger's tokenizer); the
// furniture word scan then reads them instead of the bytes, with the same
// result.
func segment(body string, toks []tok, sc *segScratch) []Segment {
	return segmentLex(body, toks, nil, nil, sc)
}

// segmentLex is segment with toks made by a tokenizer whose lexicon's
// furniture trigger ids are fws (lexicon.fws): the furniture word scan
// then takes each word's trigger id from its entry and looks up no word.
// stops, when not nil, are the offsets of the bytes the sentence splitter
// stops at, as tokenizeStops lists them: the splitter then reads them
// instead of searching the bytes. fws or stops nil means not known.
func segmentLex(body string, toks []tok, fws []uint8, stops []int32, sc *segScratch) []Segment {
	need := len(body)/80 + 4
	if sc == nil {
		// the loop of splitBody, with a paras slice that does not escape
		// (its first appends stay on the stack)
		var paras []paraInfo
		var nf stopFinder
		out := make([]Segment, 0, need)
		i, para := 0, 0
		for i < len(body) {
			ps, pe, next, multi := nextParagraph(body, i, nil)
			if ps < 0 {
				break
			}
			first := len(out)
			out = splitParagraph(body, ps, pe, para, multi, out, nil, &nf)
			paras = append(paras, paraInfo{start: ps, end: pe, from: first, to: len(out)})
			para++
			i = next
		}
		markFurniture(body, toks, fws, out, paras, nil)
		return out
	}
	if stops != nil {
		// each segment but the body's last ends before a stop of its
		// own (its split point, or the line feed after its paragraph):
		// room for all, so that emit never grows the slice
		need = max(need, len(stops)+1)
	}
	out := sc.segs[:0]
	if cap(out) < need {
		out = make([]Segment, 0, need)
	}
	var sl *stopList
	if stops != nil {
		sl = &stopList{pos: stops}
	}
	out, sc.paras = splitBody(body, out, sc.paras[:0], sl)
	sc.segs = out
	markFurniture(body, toks, fws, out, sc.paras, sc)
	return out
}

// splitBody appends the sentences of body to out and its paragraphs to
// paras. sl, when not nil, lists the body's stops (see stopList): the
// paragraph finder then walks its line feeds instead of searching the
// bytes for them, and the sentence splitter reads its stops.
func splitBody(body string, out []Segment, paras []paraInfo, sl *stopList) ([]Segment, []paraInfo) {
	var nl *stopList
	var nf stopFinder
	if sl != nil {
		// a cursor of its own: the line finder runs a paragraph ahead of
		// the sentence splitter
		nl = &stopList{pos: sl.pos}
	}
	i, para := 0, 0
	for i < len(body) {
		ps, pe, next, multi := nextParagraph(body, i, nl)
		if ps < 0 {
			break
		}
		first := len(out)
		out = splitParagraph(body, ps, pe, para, multi, out, sl, &nf)
		paras = append(paras, paraInfo{start: ps, end: pe, from: first, to: len(out)})
		para++
		i = next
	}
	return out, paras
}

// paraInfo is one paragraph and the range of its segments in the output.
type paraInfo struct {
	start, end int
	from, to   int
	// rule is the paragraph rule markFurniture applies to the whole
	// paragraph: paraMenu, paraPromotion or 0 (a number, so that a
	// paraInfo holds no pointer).
	rule uint8
}

// spaceLen returns the length of the white-space character at body[i]
// (ASCII space, tab, CR, LF, FF, VT, no-break space, the Unicode spaces
// U+2000–U+200A, U+202F, U+205F, U+3000), or 0.
func spaceLen(body string, i int) int {
	if c := body[i]; c < 0x80 {
		return int(asciiSpace[c]) // no call for ASCII
	}
	return spaceLenHigh(body, i)
}

// asciiSpace marks the ASCII white-space bytes with 1.
var asciiSpace = [128]uint8{' ': 1, '\t': 1, '\n': 1, '\r': 1, '\f': 1, '\v': 1}

// spaceLenHigh is spaceLen for a byte beyond ASCII.
func spaceLenHigh(body string, i int) int {
	c := body[i]
	switch c {
	case 0xC2:
		if i+1 < len(body) && body[i+1] == 0xA0 {
			return 2
		}
	case 0xE2:
		if i+2 < len(body) {
			if body[i+1] == 0x80 && ((body[i+2] >= 0x80 && body[i+2] <= 0x8A) || body[i+2] == 0xAF) {
				return 3
			}
			if body[i+1] == 0x81 && body[i+2] == 0x9F {
				return 3
			}
		}
	case 0xE3:
		if i+2 < len(body) && body[i+1] == 0x80 && body[i+2] == 0x80 {
			return 3
		}
	}
	return 0
}

// lineBlank reports whether body[i:j] holds only white space.
func lineBlank(body string, i, j int) bool {
	for i < j {
		n := spaceLen(body, i)
		if n == 0 {
			return false
		}
		i += n
	}
	return true
}

// lineEnd returns the index of the '\n' ending the line at i, or len(body).
func lineEnd(body string, i int) int {
	if j := strings.IndexByte(body[i:], '\n'); j >= 0 {
		return i + j
	}
	return len(body)
}

// nextParagraph finds the next paragraph at or after i: ps is the start of
// its first non-blank line, pe the end of its last non-blank line (before
// the newline) and next where to continue; multi reports whether it has
// more than one line. ps is -1 when none is left. nl, when not nil, is a
// cursor on the body's stops (see stopList) that finds the line ends; its
// queries must move forward, from one call to the next.
func nextParagraph(body string, i int, nl *stopList) (ps, pe, next int, multi bool) {
	ps = -1
	for i < len(body) {
		var e int
		if nl != nil {
			if ps >= 0 && body[i] == '\n' {
				// an empty line after the paragraph (the usual
				// "\n\n"): no search for its end
				return ps, pe, i + 1, multi
			}
			e = nl.lineEnd(body, i)
		} else {
			e = lineEnd(body, i)
		}
		blank := false // a line that starts with printable ASCII is not blank
		if nl == nil || body[i]-'!' >= 0x7f-'!' {
			blank = lineBlank(body, i, e)
		}
		if ps < 0 {
			if !blank {
				ps, pe = i, e
			}
		} else {
			if blank {
				return ps, pe, e + 1, multi
			}
			pe, multi = e, true
		}
		i = e + 1
	}
	return ps, pe, len(body), multi
}

// trimSpan trims white space from both ends of body[s:e].
func trimSpan(body string, s, e int) (int, int) {
	if s < e && body[s]-'!' < 0x7f-'!' && body[e-1]-'!' < 0x7f-'!' {
		return s, e // printable ASCII at both ends: nothing to trim
	}
	for s < e {
		n := spaceLen(body, s)
		if n == 0 {
			break
		}
		s += n
	}
	for e > s {
		c := body[e-1]
		if c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' {
			e--
			continue
		}
		if e-2 >= s && c == 0xA0 && body[e-2] == 0xC2 {
			e -= 2
			continue
		}
		if e-3 >= s && body[e-3] == 0xE2 && ((body[e-2] == 0x80 && ((c >= 0x80 && c <= 0x8A) || c == 0xAF)) || (body[e-2] == 0x81 && c == 0x9F)) {
			e -= 3
			continue
		}
		if e-3 >= s && body[e-3] == 0xE3 && body[e-2] == 0x80 && c == 0x80 {
			e -= 3
			continue
		}
		break
	}
	return s, e
}

// skipSpace returns the first index at or after i (before lim) that is not
// white space.
func skipSpace(body string, i, lim int) int {
	for i < lim {
		n := spaceLen(body, i)
		if n == 0 {
			return i
		}
		i += n
	}
	return lim
}

// wrapped reports whether the paragraph body[ps:pe] is hard-wrapped text
// (an e-mail or plain-text feed broken at a fixed width): three or more
// lines, all but the last of similar length, mostly without final
// punctuation.
func wrapped(body string, ps, pe int) bool {
	var lens [64]int
	n := 0
	for i := ps; i <= pe && n < len(lens); {
		e := lineEnd(body, i)
		if e > pe {
			e = pe
		}
		s, t := trimSpan(body, i, e)
		lens[n] = t - s
		if t > s && !endsSentence(body, s, t) {
			lens[n] = -(t - s) // negative: no final punctuation
		}
		n++
		i = e + 1
	}
	if n < 3 {
		return false
	}
	maxLen, open := 0, 0
	for _, l := range lens[:n-1] {
		if l < 0 {
			open++
			l = -l
		}
		if l > maxLen {
			maxLen = l
		}
	}
	if maxLen < 40 || maxLen > 140 || open*2 < n-1 {
		return false
	}
	for _, l := range lens[:n-1] {
		if l < 0 {
			l = -l
		}
		if l*10 < maxLen*6 {
			return false
		}
	}
	return true
}

// endsSentence reports whether body[s:e] ends with final punctuation,
// possibly followed by closing quotes or brackets.
func endsSentence(body string, s, e int) bool {
	for e > s {
		if n := closerBefore(body, s, e); n > 0 {
			e -= n
			continue
		}
		break
	}
	if e <= s {
		return false
	}
	switch body[e-1] {
	case '.', '!', '?':
		return true
	}
	return e-3 >= s && body[e-3] == 0xE2 && body[e-2] == 0x80 && body[e-1] == 0xA6
}

// closerAt returns the length of a closing quote or bracket at body[i], or 0.
func closerAt(body string, i int) int {
	switch body[i] {
	case '"', '\'', ')', ']', '}':
		return 1
	case 0xE2: // ” ’ ›
		if i+2 < len(body) && body[i+1] == 0x80 && (body[i+2] == 0x9D || body[i+2] == 0x99 || body[i+2] == 0xBA) {
			return 3
		}
	case 0xC2: // »
		if i+1 < len(body) && body[i+1] == 0xBB {
			return 2
		}
	}
	return 0
}

// closerBefore returns the length of a closing quote or bracket ending at
// body[e-1], or 0.
func closerBefore(body string, s, e int) int {
	switch body[e-1] {
	case '"', '\'', ')', ']', '}':
		return 1
	case 0x9D, 0x99, 0xBA:
		if e-3 >= s && body[e-3] == 0xE2 && body[e-2] == 0x80 {
			return 3
		}
	case 0xBB:
		if e-2 >= s && body[e-2] == 0xC2 {
			return 2
		}
	}
	return 0
}

// bulletAt reports whether a line starting at body[i] starts with a list
// bullet ("•", "·", "▪", "●", "-", "*", "–", "—") followed by a space.
func bulletAt(body string, i, lim int) bool {
	n := 0
	switch body[i] {
	case '-', '*', '+':
		n = 1
	case 0xE2:
		if i+2 < lim && ((body[i+1] == 0x80 && (body[i+2] == 0xA2 || body[i+2] == 0x93 || body[i+2] == 0x94)) ||
			(body[i+1] == 0x96 && body[i+2] == 0xAA) || (body[i+1] == 0x97 && body[i+2] == 0x8F)) {
			n = 3
		}
	case 0xC2:
		if i+1 < lim && body[i+1] == 0xB7 {
			n = 2
		}
	}
	return n > 0 && i+n < lim && spaceLen(body, i+n) > 0
}

// splitParagraph appends the sentences of body[ps:pe] to out; multi
// reports whether the paragraph has more than one line. It finds the
// stops with sl when it is not nil, else with nf (reset here: the caller
// only lends its room).
func splitParagraph(body string, ps, pe, para int, multi bool, out []Segment, sl *stopList, nf *stopFinder) []Segment {
	wrap := false
	if multi {
		wrap = wrapped(body, ps, pe)
	}
	emit := func(s, e int) {
		if !(s < e && body[s]-'!' < 0x7f-'!' && body[e-1]-'!' < 0x7f-'!') {
			s, e = trimSpan(body, s, e) // trimSpan's own first test, inline
		}
		if e <= s {
			return
		}
		if n := len(out); n < cap(out) {
			// in place, field by field (TestEmitFields checks that
			// these are all of Segment's fields): a Segment holds a
			// string, and storing a whole one, or appending it, goes
			// through the write barrier while the collector runs; the
			// slot's Reason is cleared only when a reused buffer left
			// one
			out = out[:n+1]
			sg := &out[n]
			sg.Span, sg.Para, sg.Furniture = Span{s, e}, para, false
			if sg.Reason != "" {
				sg.Reason = ""
			}
			return
		}
		out = append(out, Segment{Span: Span{s, e}, Para: para})
	}
	s := ps
	if body[s]-'!' >= 0x7f-'!' {
		s = skipSpace(body, ps, pe) // not printable ASCII
	}
	j := s
	if sl == nil {
		*nf = stopFinder{body: body[:pe], pos: [5]int{-1, -1, -1, -1, -1}}
	}
	for j < pe {
		if sl != nil {
			j = sl.next(j, pe)
		} else {
			j = nf.next(j)
		}
		if j >= pe {
			break
		}
		c := body[j]
		switch {
		case c == '\n':
			nx := skipSpace(body, j+1, pe)
			if nx < pe && lineBreakIsBoundary(body, s, j, nx, pe, wrap) {
				emit(s, j)
				s = nx
				j = nx
				continue
			}
			j++
		case c == '.' || c == '!' || c == '?' || (c == 0xE2 && j+2 < pe && body[j+1] == 0x80 && body[j+2] == 0xA6):
			k, m, single := j+1, j+2, c == '.'
			switch {
			case c != 0xE2 && m < pe && body[k] == ' ' && body[m]-'!' < 0x7f-'!':
				// the usual ". X": no run of stops, no closers, one
				// space before printable ASCII (what the loops below
				// find)
			case c != 0xE2 && k == pe:
				j = pe // the paragraph's last byte
				continue
			default:
				k = j
				for k < pe {
					if body[k] == '.' || body[k] == '!' || body[k] == '?' {
						k++
						continue
					}
					if body[k] == 0xE2 && k+2 < pe && body[k+1] == 0x80 && body[k+2] == 0xA6 {
						single = false
						k += 3
						continue
					}
					break
				}
				if k-j > 1 {
					single = false
				}
				for k < pe {
					n := closerAt(body, k)
					if n == 0 {
						break
					}
					k += n
				}
				if k < pe && spaceLen(body, k) == 0 {
					j = k // inside a token: "U.S", "3.5", "4.20pm", "Yahoo!Inc"
					continue
				}
				m = k + 1
				if !(m < pe && body[k] == ' ' && body[m]-'!' < 0x7f-'!') {
					m = skipSpace(body, k, pe) // not the usual one space before printable ASCII
				}
			}
			if m >= pe {
				j = pe
				continue
			}
			if splitBefore(body, s, j, m, pe, single) {
				emit(s, k)
				s = m
				j = m
				continue
			}
			j = k
		default:
			j++
		}
	}
	emit(s, pe)
	return out
}

// stopFinder finds the bytes the sentence splitter stops at (line feeds,
// final punctuation, the lead byte of "…") with one strings.IndexByte
// scan per kind of byte, remembering where each next occurs.
type stopFinder struct {
	body string
	pos  [5]int // next index of each stop byte at or after the last query; -1: not searched
}

var stopBytes = [5]byte{'\n', '.', '!', '?', 0xE2}

// next returns the index of the first stop byte at or after j, or
// len(f.body).
func (f *stopFinder) next(j int) int {
	m := len(f.body)
	for k, b := range stopBytes {
		if f.pos[k] < j {
			if f.pos[k] == len(f.body) {
				continue
			}
			if p := strings.IndexByte(f.body[j:], b); p < 0 {
				f.pos[k] = len(f.body)
			} else {
				f.pos[k] = j + p
			}
		}
		m = min(m, f.pos[k])
	}
	return m
}

// stopList finds the bytes the sentence splitter stops at from a list
// of their offsets made by the tokenizer (tokenizeStops): every line
// feed, '.', '!', '?' and "…" of the body, in order. The splitter's
// queries only move forward, so a cursor walks the list.
type stopList struct {
	pos []int32
	k   int // the first entry not before the last query
}

// next returns the first stop at or after j, or pe when there is none
// before pe. The other bytes stopFinder stops at (the lead byte of other
// runes than "…") are no stops: the splitter only steps over them.
func (l *stopList) next(j, pe int) int {
	pos, k := l.pos, l.k
	for k < len(pos) && int(pos[k]) < j {
		k++
	}
	l.k = k
	if k < len(pos) && int(pos[k]) < pe {
		return int(pos[k])
	}
	return pe
}

// lineEnd returns the index of the first line feed at or after i, or
// len(body), as the package's lineEnd does, from the list: it steps over
// the other stops. i must not be before the last query's i.
func (l *stopList) lineEnd(body string, i int) int {
	pos, k := l.pos, l.k
	for k < len(pos) && int(pos[k]) < i {
		k++
	}
	for ; k < len(pos); k++ {
		if p := int(pos[k]); p < len(body) && body[p] == '\n' {
			l.k = k
			return p
		}
	}
	l.k = k
	return len(body)
}

// lineBreakIsBoundary decides whether the newline at nl ends the sentence
// started at s; nx is the first non-space byte of the next line.
func lineBreakIsBoundary(body string, s, nl, nx, pe int, wrap bool) bool {
	if bulletAt(body, nx, pe) {
		return true
	}
	c := body[nx]
	if c >= 'a' && c <= 'z' && nl-lineStart(body, s, nl) >= 25 && !camelCase(body, nx, pe) {
		return false // the sentence goes on
	}
	if wrap {
		return false
	}
	return true
}

// lineStart returns the start of the line holding nl-1, not before s.
func lineStart(body string, s, nl int) int {
	for i := nl - 1; i >= s; i-- {
		if body[i] == '\n' {
			return i + 1
		}
	}
	return s
}

// splitBefore decides whether a sentence ending with the punctuation at
// body[p] ends there, given the next non-space byte at m. single is true
// when the punctuation is one '.' (the case abbreviations matter for).
func splitBefore(body string, s, p, m, pe int, single bool) bool {
	c := body[m]
	switch {
	case c >= 'a' && c <= 'z':
		if !camelCase(body, m, pe) {
			return false
		}
	case c == ',' || c == ';' || c == ':' || c == ')' || c == ']' || c == '}' || c == '.' || c == '%':
		return false
	}
	if !single {
		return true
	}
	// The word before the period, letters and inner dots ("U.S", "a.m").
	a := p
	inner := false
	for a > s {
		b := body[a-1]
		if (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') {
			a--
			continue
		}
		if b == '.' && a-1 > s && isLetter(body[a-2]) {
			inner = true
			a--
			continue
		}
		break
	}
	if a == p {
		return true // "2008." or '")' before the period
	}
	if a > s && (body[a-1] >= '0' && body[a-1] <= '9') {
		return true // "20th.", "1990s."
	}
	w := body[a:p]
	if !inner && len(w) > 6 {
		return true // longer than any abbreviation below ("Messrs", "approx")
	}
	// the next word (nextWord) is read only by the rules that need it
	digitNext := c >= '0' && c <= '9'
	if inner {
		switch w {
		case "a.m", "p.m", "A.M", "P.M":
			next := nextWord(body, m, pe)
			return !isTimeFollower(next) && !digitNext && !zoneAbbr(next) && !placeTime(body, m, pe)
		case "e.g", "i.e", "E.g", "I.e", "c.f":
			return false
		}
		return isSentenceStarter(nextWord(body, m, pe))
	}
	if len(w) == 1 {
		if w[0] >= 'A' && w[0] <= 'Z' {
			return isSentenceStarter(nextWord(body, m, pe)) // an initial: "George W. Bush"
		}
		if w == "p" || w == "v" {
			return !digitNext && w != "v"
		}
		return true
	}
	// every word below has at most six letters: the early return for
	// longer words above relies on it
	switch w {
	case "Mr", "Mrs", "Ms", "Messrs", "Mme", "Mlle", "Dr", "Prof", "Gen", "Gens", "Lt", "Col", "Maj", "Capt", "Cpt", "Sgt", "Cpl", "Pvt",
		"Adm", "Cmdr", "Cdr", "Brig", "Gov", "Govs", "Sen", "Sens", "Rep", "Reps", "Rev", "Fr", "Msgr", "Hon", "Pres", "Supt", "Insp",
		"Det", "Atty", "Amb", "Sec", "Mt", "Ft", "Sgts", "Lieut", "Cmdt", "Dept", "vs", "Vs", "viz", "cf":
		return false
	case "No", "Nos", "no", "nos", "Vol", "vol", "Art", "art", "Fig", "fig", "pp", "Ch", "ch", "sec", "Para", "para", "Op", "op",
		"approx", "Approx", "est", "Est", "ca", "c", "Nr", "nr", "Tel", "tel", "Ext", "ext":
		return !digitNext
	case "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
		"Mon", "Tue", "Tues", "Wed", "Thu", "Thur", "Thurs", "Fri", "Sat", "Sun":
		return !digitNext && !isMonthOrDay(nextWord(body, m, pe))
	case "Jr", "Sr", "Inc", "Corp", "Ltd", "Co", "Bros", "Plc", "plc", "LLC", "al", "St", "Ave", "Blvd", "Rd", "Ste", "Univ", "Assn", "Intl", "Govt":
		return isSentenceStarter(nextWord(body, m, pe))
	}
	return true
}

// camelCase reports whether the word at m has an upper-case letter after
// its lower-case first letter ("iPhone", "iOS", "eBay"): a name that can
// start a sentence.
func camelCase(body string, m, pe int) bool {
	for i := m + 1; i < pe && i < m+4 && isLetter(body[i]); i++ {
		if body[i] >= 'A' && body[i] <= 'Z' {
			return true
		}
	}
	return false
}

// isLetter reports whether b is an ASCII letter.
func isLetter(b byte) bool { return (b|0x20) >= 'a' && (b|0x20) <= 'z' }

// nextWord returns the ASCII word at m, skipping one opening quote.
func nextWord(body string, m, pe int) string {
	if m < pe && (body[m] == '"' || body[m] == '\'' || body[m] == '(') {
		m++
	} else if m+2 < pe && body[m] == 0xE2 && body[m+1] == 0x80 && (body[m+2] == 0x9C || body[m+2] == 0x98) {
		m += 3
	}
	e := m
	for e < pe && isLetter(body[e]) {
		e++
	}
	return body[m:e]
}

// isSentenceStarter reports whether w is a word that usually opens a
// sentence rather than continuing a name ("The", "He", "But", …).
func isSentenceStarter(w string) bool {
	switch w {
	case "The", "A", "An", "He", "She", "It", "They", "We", "I", "You", "His", "Her", "Its", "Their", "Our", "My", "Your",
		"This", "That", "These", "Those", "There", "Here", "But", "And", "Or", "So", "Yet", "In", "On", "At", "For", "From",
		"After", "Before", "When", "While", "If", "As", "Since", "Although", "Though", "However", "Meanwhile", "Earlier",
		"Later", "Last", "Next", "Now", "Then", "Still", "Also", "Some", "Many", "Most", "Other", "Such", "What", "Who",
		"Why", "How", "Where", "Which", "Not", "No", "One", "Two", "Three", "Both", "Each", "Every", "All", "Any",
		"According", "Under", "During", "With", "Without", "By", "To", "Of", "Despite", "Instead", "Officials", "Police":
		return true
	}
	return false
}

// isTimeFollower reports whether w may follow "p.m." inside a sentence: a
// day, month, zone or "local". See also zoneAbbr and placeTime.
func isTimeFollower(w string) bool {
	if isMonthOrDay(w) {
		return true
	}
	switch w {
	case "ET", "EST", "EDT", "CT", "CST", "CDT", "MT", "MST", "MDT", "PT", "PST", "PDT", "GMT", "UTC", "BST", "CET", "CEST",
		"EET", "EEST", "MSK", "IST", "JST", "KST", "HKT", "SGT", "AEST", "AEDT", "ACST", "AWST", "NZST", "NZDT", "WIB",
		"Eastern", "Central", "Pacific", "Mountain", "local", "Local", "Moscow", "London", "Paris", "Beijing", "Tokyo", "Sydney":
		return true
	}
	return false
}

// zoneAbbr reports whether w looks like a time-zone abbreviation: two to
// five capitals ending in "T" ("ET", "GMT", "CEST", "AEDT", "HKT"), or
// "UTC". "IT" and "AT" are words.
func zoneAbbr(w string) bool {
	if w == "UTC" {
		return true
	}
	if len(w) < 2 || len(w) > 5 || w[len(w)-1] != 'T' || w == "IT" || w == "AT" {
		return false
	}
	for i := 0; i < len(w); i++ {
		if w[i] < 'A' || w[i] > 'Z' {
			return false
		}
	}
	return true
}

// placeTime reports whether the words at body[m:pe] name a place followed
// by "time": "Ottawa time", "New York time", "Rio de Janeiro time". Up to
// four capitalised words (with "de", "del", "da", "la", "el" inside),
// the first of which is no sentence starter.
func placeTime(body string, m, pe int) bool {
	i, caps := m, 0
	for n := 0; n < 6 && i < pe; n++ {
		e := i
		for e < pe && (isLetter(body[e]) || (e > i && (body[e] == '-' || body[e] == '\''))) {
			e++
		}
		w := body[i:e]
		if w == "" {
			return false
		}
		switch {
		case w == "time" || w == "Time":
			return caps > 0
		case w[0] >= 'A' && w[0] <= 'Z':
			if caps == 0 && isSentenceStarter(w) {
				return false
			}
			caps++
			if caps > 4 {
				return false
			}
		case caps > 0 && (w == "de" || w == "del" || w == "da" || w == "do" || w == "la" || w == "el" || w == "al"):
		default:
			return false
		}
		if e >= pe || body[e] != ' ' {
			return false
		}
		i = e + 1
	}
	return false
}

// isMonthOrDay reports whether w names or abbreviates a month or weekday.
func isMonthOrDay(w string) bool {
	switch w {
	case "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December",
		"Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
		"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
		"Mon", "Tue", "Tues", "Wed", "Thu", "Thur", "Thurs", "Fri", "Sat", "Sun",
		"Today", "Tomorrow", "Yesterday", "today", "tomorrow", "yesterday", "tonight", "Tonight":
		return true
	}
	return false
}
