package parse

// Shortcuts of the furniture rules for the tagger, which has the body's
// tokens: each gives exactly what the byte scans give (see the tests in
// furniture_fast_test.go).

// tokAddr returns the addresses to the reader the word scan finds in the
// segment body[s:e] (scanSegment's feat.addr: "we", "us", "our", "you",
// … outside quotation marks) and leaves *inQuote as scanSegment does,
// reading the tokens instead of the bytes. toks[k:] are the tokens from
// the segment on (k may be before it, as for scanSegmentLex) and fws the
// trigger id of each lexicon entry (lexicon.fws of the tokenizer that
// made toks). A token that crosses the segment's edge falls back to the
// byte scan, so the result is always scanSegment's.
func tokAddr(body string, s, e int, toks []tok, k int, fws []uint8, inQuote *bool) int {
	k, ts, n := segToks(toks, k, s, e)
	t := body[s:e]
	if n > 0 && (int(ts[0].s) < s || int(ts[n-1].e) > e) {
		// a token across the segment's edge: the bytes decide
		var f feat
		scanSegment(t, &f, inQuote)
		return f.addr
	}
	addr := 0
	var scratch feat // what the byte scans of a token record besides addr
	ts = ts[:n]
	for x := range ts {
		tk := &ts[x]
		switch tk.k {
		case tkWord:
			if tk.hi {
				// letters beyond ASCII: the byte scan reads the word's
				// ASCII runs as words of their own ("usé")
				scratch.addr = 0
				scanRange(t, int(tk.s)-s, int(tk.e)-s, &scratch, inQuote, 2)
				addr += scratch.addr
				continue
			}
			if id := fws[tk.id]; addrWords[id] && !*inQuote && (id != wUs || body[tk.s] != 'U' || body[tk.s+1] != 'S') { // "US": the country
				addr++
			}
		case tkPunct:
			if tk.cls&clsPlainStop == 0 {
				continue // ASCII other than '"': no quotation mark
			}
			for i := int(tk.s) - s; i < int(tk.e)-s; i++ {
				if byteClass[t[i]] == 3 {
					scanMark(t, i, &scratch, inQuote)
				}
			}
		}
	}
	return addr
}

// segToks finds the tokens of the segment body[s:e] in toks, from index
// k on (k may be before the segment): the index of the first token that
// ends after s, the tokens from there, and how many of them start before
// e (a tight pass of its own, so that the callers' loops, which make no
// test of the segment's end, have fewer values to keep).
func segToks(toks []tok, k, s, e int) (int, []tok, int) {
	if k0 := k; k < len(toks) && int(toks[k].e) <= s {
		k = tokAt(toks, k, len(toks), s)
		if k > k0 && int(toks[k-1].e) > s {
			k--
		}
	}
	ts := toks[k:]
	n := 0
	for n < len(ts) && int(ts[n].s) < e {
		n++
	}
	return k, ts, n
}

// addrWords marks the trigger ids of the words that address the reader
// ("we", "us", "our", "ours", "you", "your", "yours"), as recordWord
// counts them (a constant table).
var addrWords = func() (t [256]bool) {
	for _, id := range [...]uint8{wWe, wUs, wOur, wOurs, wYou, wYour, wYours} {
		t[id] = true
	}
	return t
}()

// ctaVerbFirst reports whether text may hold a call to action: whether
// one of its first maxCTAWords words is a call-to-action verb ("follow",
// "sign", "get", …, in any case) that opens the sentence or a clause, as
// ctaWords sees clauses. callToAction finds nothing in a text it says no
// to; it reads the bytes once and builds no word list.
func ctaVerbFirst(text string) bool {
	clause := true
	n := 0
	for i := 0; i < len(text) && n < maxCTAWords; {
		c := text[i]
		if !isLetter(c) {
			// ctaWords' clause rules
			clause = clauseAfter(text, i, clause)
			i++
			continue
		}
		j := i + 1
		for j < len(text) && isLetter(text[j]) {
			j++
		}
		w := text[i:j]
		if clause && ctaVerb(w) {
			return true
		}
		clause = len(w) == 6 && hasPrefixFold(w, "please")
		n++
		i = j
	}
	return false
}

// ctaVerb reports whether the word w (ASCII letters) is, in any case, one
// of the verbs callToAction reads as an imperative.
func ctaVerb(w string) bool {
	switch len(w) {
	case 3:
		return hasPrefixFold(w, "get")
	case 4:
		return hasPrefixFold(w, "sign") || hasPrefixFold(w, "join")
	case 5:
		return hasPrefixFold(w, "share") || hasPrefixFold(w, "watch")
	case 6:
		return hasPrefixFold(w, "follow") || hasPrefixFold(w, "listen")
	case 7:
		return hasPrefixFold(w, "forward")
	case 8:
		return hasPrefixFold(w, "download")
	case 9:
		return hasPrefixFold(w, "subscribe")
	}
	return false
}

// ctaVerbFirstToks is ctaVerbFirst for the segment body[s:e], reading the
// tokens: toks[k:] are the tokens from the segment on (k may be before
// it, as for scanSegmentLex) and fws the trigger id of each lexicon
// entry. The call-to-action verbs are trigger words (ctaMask), and so is
// "please". It may say yes where ctaVerbFirst says no (it reads every
// word, not only the first maxCTAWords), never the reverse: a word
// beyond ASCII or a token across the segment's edge sends it to the
// bytes.
func ctaVerbFirstToks(body string, s, e int, toks []tok, k int, fws []uint8) bool {
	if k0 := k; k < len(toks) && int(toks[k].e) <= s {
		k = tokAt(toks, k, len(toks), s)
		if k > k0 && int(toks[k-1].e) > s {
			k--
		}
	}
	if k < len(toks) && int(toks[k].s) < s {
		return ctaVerbFirst(body[s:e]) // the first token starts before s
	}
	clause := true
	j := k
	for ; j < len(toks) && int(toks[j].s) < e; j++ {
		// tokens do not overlap: only the last can end after e (see
		// below; a yes before it stands, as a yes is never wrong)
		tk := &toks[j]
		switch tk.k {
		case tkWord:
			if tk.hi {
				return ctaVerbFirst(body[s:e])
			}
			id := fws[tk.id]
			if clause && int(id>>6) < len(ctaMask) && ctaMask[id>>6]&(1<<(id&63)) != 0 {
				return true
			}
			clause = id == wPlease
		case tkNum:
			clause = false
		default:
			// one rune: ctaWords' clause rules for its first byte (the
			// others, continuation bytes, change nothing)
			switch c := body[tk.s]; {
			case c == ',' || c == ';' || c == ':' || c == '|' || c == '(' || c == '.' || c == '!' || c == '?':
				clause = true
			case c == 0xE2 && tk.e-tk.s == 3 && body[tk.s+1] == 0x80 && (body[tk.s+2] == 0x93 || body[tk.s+2] == 0x94):
				clause = true // – —
			case c == '-':
				clause = int(tk.s)+1 < e && body[tk.s+1] == ' '
			case c == '\'':
				clause = false
			}
		}
	}
	if j > k && int(toks[j-1].e) > e {
		return ctaVerbFirst(body[s:e]) // the last token ends after e
	}
	return false
}

// scanSegmentFast is scanSegmentToks with the trigger id of each word
// taken from fws (lexicon.fws of the tokenizer that made toks; see
// scanSegmentLex), in one loop over the segment's tokens: a plain word (no trigger, not the first or second)
// is only counted, and ASCII punctuation other than '"' (a token without
// clsPlainStop) matters only as a colon. Only the first token can start
// before the segment and only the last end after it: either sends the
// segment to the byte scan, as in scanSegmentLex, so the result is
// always scanSegment's.
func scanSegmentFast(body string, s, e int, toks []tok, k int, fws []uint8, f *feat, inQuote *bool) int {
	k, ts, n := segToks(toks, k, s, e)
	if n > 0 && (int(ts[0].s) < s || int(ts[n-1].e) > e) {
		// a token across the segment's edge
		*f = feat{}
		scanSegment(body[s:e], f, inQuote)
		return k + n
	}
	ts = ts[:n]
	t := body[s:e]
	word := 0
	for x := 0; x < len(ts); x++ {
		tk := &ts[x]
		switch tk.k {
		case tkWord:
			if tk.hi {
				// letters beyond ASCII: the byte scan splits the word
				// into its ASCII runs, as scanSegment does
				word = scanRange(t, int(tk.s)-s, int(tk.e)-s, f, inQuote, word)
				continue
			}
			// the lexicon holds every trigger word (TestAnyWords)
			id := fws[tk.id]
			if id == wNone && word >= 2 {
				word++ // no trigger, not first or second: only counted
				continue
			}
			recordWord(t, int(tk.s)-s, int(tk.e)-s, id, f, inQuote, word)
			word++
		case tkNum:
			d := s + scanDigits(t, int(tk.s)-s, f, word)
			word++
			for x+1 < len(ts) && int(ts[x+1].s) < d {
				x++ // the '.', ',' and digits the number took
			}
		default:
			if tk.cls&clsPlainStop == 0 {
				// one ASCII byte other than '"': of those scanMark
				// reads, only a colon
				if body[tk.s] == ':' && int(tk.s)+1 < e {
					f.colonMid = true
				}
				continue
			}
			for i := int(tk.s) - s; i < int(tk.e)-s; i++ {
				if byteClass[t[i]] == 3 {
					scanMark(t, i, f, inQuote)
				}
			}
		}
	}
	f.words = word
	return k + n
}
