package parse

import (
	"fmt"
	"strings"
	"testing"
)

// findWord looks up body[i:j] as the tokenizer does.
func findWord(lx *lexicon, body string, i, j int) uint16 {
	k1, k2 := anyKey(body, i, j)
	return lx.findKey(k1, k2, j-i)
}

// TestAnyWords checks the tokenizer's table: every lexicon word that can
// be one token (1 to anyMaxLen letters a-z), interned ones included, is
// found in any case, at the end of a text and inside one; every furniture
// trigger word and tense word is in the lexicon with its id or class;
// other words are not found.
func TestAnyWords(t *testing.T) {
	lx := newLexicon()
	for id := 1; id < len(lx.ents); id++ {
		w := lx.ents[id].word
		if strings.ContainsAny(w, "-.'") {
			continue // never one token: "twenty-first", "a.m", "o'clock"
		}
		if len(w) < 1 || len(w) > anyMaxLen || strings.Trim(w, "abcdefghijklmnopqrstuvwxyz") != "" {
			t.Fatalf("word %q does not fit the tokenizer's table", w)
		}
		for _, v := range []string{w, strings.ToUpper(w), strings.ToUpper(w[:1]) + w[1:]} {
			for _, body := range []string{v, " " + v + " and more text after it"} {
				i := strings.Index(body, v)
				if got := findWord(lx, body, i, i+len(v)); got != uint16(id) {
					t.Fatalf("%q in %q: entry %d, want %d", v, body, got, id)
				}
			}
		}
	}
	entry := func(w string) *lexEntry {
		for id := 1; id < len(lx.ents); id++ {
			if lx.ents[id].word == w {
				return &lx.ents[id]
			}
		}
		t.Fatalf("%q is not in the lexicon", w)
		return nil
	}
	for _, tw := range triggerWords[1:] {
		if e := entry(tw.w); e.fw != tw.id {
			t.Errorf("trigger %q: id %d, want %d", tw.w, e.fw, tw.id)
		}
	}
	for w, c := range newTenseWords() {
		if e := entry(w); e.tc != c {
			t.Errorf("tense word %q: class %q, want %q", w, e.tc, c)
		}
	}
	for id := 1; id < len(lx.ents); id++ {
		if _, ok := newTenseWords()[lx.ents[id].word]; !ok && lx.ents[id].tc != 0 {
			t.Errorf("%q: tense class %q, but no tense word", lx.ents[id].word, lx.ents[id].tc)
		}
	}
	if lx.ents[0].fw != wNone || lx.ents[0].tc != 0 || lx.known(0) {
		t.Errorf("entry 0 is not empty: %+v", lx.ents[0])
	}
	for _, w := range []string{"mondays2", "xyz", "weekx", "wee", "newslettersx", "abcdefghijklmnop", "saidx"} {
		body := w + " tail of the text"
		if k := findWord(lx, body, 0, len(w)); k != 0 && lx.ents[k].word != w {
			t.Errorf("%q: found entry %d (%q)", w, k, lx.ents[k].word)
		} else if k == 0 && lx.has(w) {
			t.Errorf("%q: not found", w)
		}
	}
}

// TestLowerText checks lowerText against lowerASCII on words of every
// length, in texts that end right after them and texts that go on.
func TestLowerText(t *testing.T) {
	for _, w := range []string{"a", "A", "the", "The", "iPhone", "abcdefgh", "abcdefgH", "Abcdefghi", "abcdefghijklmnoP", "abcdefghIjklmnop", "abcdefghijklmnopq", "ABCDEFGHIJKLMNOPQR", "@[`{", "caf\xc3\xa9", "Z"} {
		for _, body := range []string{w, w + " and more text after the word", "x " + w, "x " + w + " and more text after the word"} {
			s := strings.Index(body, w)
			if got, want := lowerText(body, s, s+len(w)), lowerASCII(w); got != want {
				t.Errorf("lowerText(%q in %q) = %q, want %q", w, body, got, want)
			}
		}
	}
}

// TestSignalWords checks noSignal: signalWords fit its prefilter, and on
// every word of the test texts it never rejects a word classify reads.
func TestSignalWords(t *testing.T) {
	for _, w := range signalWords {
		if len(w) < 2 || len(w) > 31 || strings.Trim(w, "abcdefghijklmnopqrstuvwxyz") != "" {
			t.Fatalf("signal word %q does not fit the prefilter", w)
		}
	}
	x := NewExtractor(Options{})
	for name, body := range segmentTexts(t) {
		toks := x.lx.tokenize(body, nil)
		for j := range toks {
			if toks[j].k != tkWord || !x.noSignal(body, &toks[j]) {
				continue
			}
			w := x.lowerTok(body, toks, j)
			_, isTense := x.tenseWords[w]
			special := false
			for _, s := range signalWords {
				special = special || w == s
			}
			if isTense || special || len(w) >= 4 && strings.HasSuffix(w, "ed") {
				t.Fatalf("%s: noSignal rejects %q", name, w)
			}
		}
	}
}

// TestPerfectTable checks that the perfect table was built and finds the
// same entries as the probing table.
func TestPerfectTable(t *testing.T) {
	lx := newLexicon()
	if !lx.perfect.ok {
		t.Fatal("the perfect table could not be built")
	}
	for s, info := range lx.kinfo {
		if info == 0 {
			continue
		}
		k1, k2, wl := lx.kk1[s], lx.k2s[uint16(info)], int(info>>16)
		if got := lx.findPerfect(k1, k2, wl); got != uint16(info) {
			t.Errorf("slot %d: perfect table gives %d, want %d", s, got, uint16(info))
		}
		// the same key with another length is not found
		if got := lx.findPerfect(k1, k2, wl+1); got != 0 && int(lx.kinfo[s]>>16) == wl {
			t.Errorf("slot %d: length %d found as entry %d", s, wl+1, got)
		}
	}
}

// TestTokenizeProbing checks the tokenizer without the perfect table (as
// when it cannot be built): the probing table gives the reference tokens.
func TestTokenizeProbing(t *testing.T) {
	lx := newLexicon()
	lx.perfect = perfectTable{}
	for name, body := range segmentTexts(t) {
		got, want := lx.tokenize(body, nil), lx.tokenizeRef(body, nil)
		if len(got) != len(want) {
			t.Fatalf("%s: %d tokens, want %d", name, len(got), len(want))
		}
		for i := range want {
			g := got[i]
			g.hi = false
			if g != want[i] {
				t.Fatalf("%s: token %d = %+v, want %+v", name, i, got[i], want[i])
			}
		}
	}
}

// TestClockTIMEX checks clockTIMEX against the Sprintf it replaces.
func TestClockTIMEX(t *testing.T) {
	for _, c := range [][7]int{{2025, 12, 3, 16, 20, 0, 0}, {2025, 1, 9, 0, 0, 'Z', 0}, {999, 2, 29, 7, 5, 'o', -5 * 3600}, {12345, 10, 31, 23, 59, 'o', 5*3600 + 1800}, {2025, 3, 1, 1, 30, 'o', 0}, {-5, 1, 1, 2, 3, 'o', 3600}, {2025, 6, 1, 12, 0, 'o', -(9*3600 + 1800)}} {
		y, m, d, hh, mi, zone, off := c[0], c[1], c[2], c[3], c[4], byte(c[5]), c[6]
		want := fmt.Sprintf("%04d-%02d-%02dT%02d:%02d", y, m, d, hh, mi)
		switch zone {
		case 'Z':
			want += "Z"
		case 'o':
			sign, o := '+', off
			if o < 0 {
				sign, o = '-', -o
			}
			want += fmt.Sprintf("%c%02d:%02d", sign, o/3600, o%3600/60)
		}
		if got := clockTIMEX(y, m, d, hh, mi, zone, off); got != want {
			t.Errorf("clockTIMEX(%v) = %q, want %q", c, got, want)
		}
	}
}
