package parse

import (
	"slices"
	"testing"
)

// TestLexiconWords checks the compact word arrays the rules and the
// tense scan read (lexicon.words, lexicon.rwords) against the entries
// they copy: words[id] is the entry's word, rwords[id] the same for a
// lexicon word proper and "" for an interned word or entry 0.
func TestLexiconWords(t *testing.T) {
	lx := newLexicon()
	if len(lx.words) != len(lx.ents) || len(lx.rwords) != len(lx.ents) {
		t.Fatalf("words %d, rwords %d, entries %d", len(lx.words), len(lx.rwords), len(lx.ents))
	}
	for id := range lx.ents {
		e := &lx.ents[id]
		want := ""
		if lx.known(uint16(id)) {
			want = e.word
		}
		if lx.words[id] != e.word || lx.rwords[id] != want {
			t.Fatalf("entry %d %q (intern %v): words %q, rwords %q", id, e.word, e.intern, lx.words[id], lx.rwords[id])
		}
	}
}

// TestClockSpecsNone checks attachClocks' early return: clockSpecs.none
// is true exactly when at gives no clock spec for any mention, on the
// candidates of every test text, dense and sparse.
func TestClockSpecsNone(t *testing.T) {
	x := NewExtractor(Options{})
	texts := segmentTexts(t)
	texts["clock"] = "The launch window opens at 11:00 a.m. on Sunday, 5 p.m. EDT Friday."
	texts["no-clock"] = "He resigned on Friday and will leave next month."
	clocks := 0
	for name, body := range texts {
		t.Run(name, func(t *testing.T) {
			toks := x.lx.tokenize(body, nil)
			cands := x.scan(body, toks, nil)
			var sparse []cand
			for k := range cands {
				if cands[k].sp.op == opClock {
					c := cands[k]
					c.a, c.b = k, k+1
					sparse = append(sparse, c)
				}
			}
			for _, cs := range []clockSpecs{{dense: cands}, {sparse: sparse}} {
				want := true
				for k := range cands {
					if cs.at(k) != nil {
						want = false
					}
				}
				if got := cs.none(); got != want {
					t.Errorf("none() = %v, want %v (%d candidates, %d clock times)", got, want, len(cands), len(sparse))
				}
			}
			clocks += len(sparse)
		})
	}
	if clocks == 0 {
		t.Errorf("no clock time in the test texts: the test checks nothing")
	}
}

// TestDurationTIMEX3 checks TIMEX3's fast path for whole amounts against
// the general formatting (timex3) for every unit, whole, fractional,
// negative, huge and unspecified amounts.
func TestDurationTIMEX3(t *testing.T) {
	amounts := []float64{0, 0.5, 1, 1.5, 2, 3, 7, 10, 12, 24, 99, 100, 365, 1000, 2025, 99999, 999999, 1e6, 1e7, 1e21, -1, -3, 2.25}
	for g := GranUnknown; g <= GranCentury+1; g++ {
		for _, unspec := range []bool{false, true} {
			for _, a := range amounts {
				d := Duration{Amount: a, Unit: g, Unspecified: unspec}
				if got, want := d.TIMEX3(), d.timex3(); got != want {
					t.Errorf("%+v: TIMEX3 %q, want %q", d, got, want)
				}
			}
		}
	}
}

// TestMarkRepeatsSmall checks markRepeats' small table for short pages
// against the large one on every test text and on pages built to repeat
// lines: the same segments are marked, for the same reason.
func TestMarkRepeatsSmall(t *testing.T) {
	texts := segmentTexts(t)
	line := "Photo: Andrew Caballero-Reynolds / AFP"
	texts["repeats"] = line + "\n\nThe minister resigned on Friday after a long week of talks.\n\n" + line + "\n\nThe minister resigned on Friday after a long week of talks.\n\nShare this article"
	small, repeats := 0, 0
	for name, body := range texts {
		t.Run(name, func(t *testing.T) {
			var sc segScratch
			segs := segment(body, nil, &sc)
			paras := sc.paras
			for i := range segs {
				// from the marks before markRepeats
				if segs[i].Reason == reasonRepeat {
					segs[i].Furniture, segs[i].Reason = false, ""
					repeats++
				}
			}
			a := slices.Clone(segs)
			b := slices.Clone(segs)
			markRepeats(body, a, paras)
			var table [1024]int32
			markRepeatsIn(body, b, paras, table[:])
			if !slices.Equal(a, b) {
				t.Errorf("markRepeats differs from the 1024-slot table:\n got %v\nwant %v", a, b)
			}
			if len(segs) <= 64 {
				small++
			}
		})
	}
	if small == 0 || repeats == 0 {
		t.Errorf("%d pages of 64 segments or fewer, %d repeats: the small table is not checked", small, repeats)
	}
}
