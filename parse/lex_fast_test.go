package parse

import (
	"strings"
	"testing"
)

// fastAdversarial are texts that stress the fast tokenizer's edges:
// words beyond ASCII in every position, CRLF, digit runs, punctuation
// runs, words longer than the lexicon's keys (16 bytes) and than a
// load, lexicon words in every case, and runs that end at the body's end.
var fastAdversarial = map[string]string{
	"non-ascii":     "Zürich café naïve Ærø São Paulo façade piñata ümlaut Ünd x\u00e9 \u00e9x résumé MONDAY déjà-vu",
	"crlf":          "Monday\r\nTuesday\r\n\r\nWednesday.\r\nOn 3 May\r\n",
	"digits":        "1 22 333 4444 55555 666666 99999999999999999999 2024-12-03 3.5 1,000 0007 12:30pm 5PM",
	"punct-runs":    "... !!! ??? --- ,,, ;;; :::: ((( ))) \"\"\" ''' …… — – …!?. a.m. p.m. U.S.",
	"long-words":    "internationalization counterrevolutionaries Pneumonoultramicroscopic sixteenletterword seventeenletterss abcdefghijklmnop abcdefghijklmnopq eightlet ninelette",
	"lexicon-cases": "JANUARY january January jAnUaRy SEPT Sept sept. MON Mon. TODAY Today tonight Ago AGO we We WE Us US us our OUR you YOU your yours ours",
	"tabs-vt":       "Monday\tTuesday\vWednesday\fThursday  Friday   Saturday\n\n\nSunday",
	"trailing-word": "the last word is yesterday",
	"trailing-long": "ends with a long one: internationalization",
	"trailing-num":  "ends with a number 2024",
	"trailing-hi":   "ends beyond ASCII: café",
	"mixed-alnum":   "Q3 5pm 4th 21st FY2024 COVID19 x86 a1b2c3 A380s",
	"quotes":        "“Quoted” ‘single’ \"plain\" «guillemets» and so on",
	"empty":         "",
	"one-letter":    "a",
	"spaces":        "   \n  \n ",
}

// stopsRef lists the sentence splitter's stops in body the plain way:
// every line feed, '.', '!', '?' and "…".
func stopsRef(body string) []int32 {
	var stops []int32
	for i := 0; i < len(body); i++ {
		switch body[i] {
		case '\n', '.', '!', '?':
			stops = append(stops, int32(i))
		}
		if strings.HasPrefix(body[i:], "…") {
			stops = append(stops, int32(i))
		}
	}
	return stops
}

// TestFastTokens checks the fast tokenizer (tokenizeStops with a buffer
// that has room from the first byte, and with none) against the
// byte-at-a-time reference, and its stops against the plain list, on
// the adversarial texts and every test text.
func TestFastTokens(t *testing.T) {
	lx := newLexicon()
	if !lx.perfect.ok || !lx.packed {
		t.Fatalf("fast tokenizer off: perfect table %v, packed tokens %v", lx.perfect.ok, lx.packed)
	}
	texts := segmentTexts(t)
	for name, body := range fastAdversarial {
		texts["adversarial/"+name] = body
		// the same text padded, so that the fast loop reaches its end
		texts["adversarial/"+name+"/padded"] = body + strings.Repeat(" x", 20)
	}
	for name, body := range texts {
		t.Run(name, func(t *testing.T) {
			want := lx.tokenizeRef(body, nil)
			for _, room := range []int{0, len(body) + 1} {
				var stops []int32
				got := lx.tokenizeStops(body, 0, len(body), make([]tok, 0, room), &stops)
				sameTokens(t, body, got, want)
				if ref := stopsRef(body); !equalInt32(stops, ref) {
					t.Fatalf("room %d: stops %v, want %v", room, stops, ref)
				}
			}
		})
	}
}

// TestFastTokensRange checks tokenizeRange on stretches of the test
// texts: from one white space to another, it gives the body's tokens in
// the stretch (the runs of a long body, see TestExtractChunked); from 0
// to any byte (a run of letters or digits cut there, which the fast loop
// does not serve), the tokens of the body cut there.
func TestFastTokensRange(t *testing.T) {
	lx := newLexicon()
	texts := map[string]string{}
	for name, body := range fastAdversarial {
		texts[name] = body + " " + body
	}
	for name, body := range segmentTexts(t) {
		if len(body) < 4000 {
			texts[name] = body
		}
	}
	for name, body := range texts {
		t.Run(name, func(t *testing.T) {
			all := lx.tokenizeRef(body, nil)
			var spaces []int
			for i := 0; i < len(body); i++ {
				if lexBytes[body[i]] == bSpace {
					spaces = append(spaces, i)
				}
			}
			step := max(1, len(spaces)/40)
			for a := 0; a < len(spaces); a += step {
				for b := a; b < len(spaces); b += step {
					from, to := spaces[a]+1, spaces[b]
					if from > to {
						continue
					}
					var want []tok
					for _, tk := range all {
						if int(tk.s) >= from && int(tk.e) <= to {
							want = append(want, tk)
						}
					}
					if len(want) > 0 && int(want[0].s) == from {
						want[0].sp = true // a stretch starts after white space
					}
					got := lx.tokenizeRange(body, from, to, make([]tok, 0, to-from+1))
					sameTokens(t, body, got, want)
				}
			}
			for to := 0; to <= len(body); to += max(1, len(body)/200) {
				want := lx.tokenizeRef(body[:to], nil)
				got := lx.tokenizeRange(body, 0, to, make([]tok, 0, to+1))
				sameTokens(t, body, got, want)
			}
		})
	}
}

// TestPackedTok checks setTok against tokens written field by field,
// for each kind and every flag.
func TestPackedTok(t *testing.T) {
	if !packedTokOK() {
		t.Fatal("packedTokOK is false on this machine")
	}
	tests := []struct {
		name string
		want tok
	}{
		{"word", tok{s: 7, e: 12, n: 9, cls: clsMonth | clsPlainBlock, id: 301, k: tkWord, sp: true, cap: true}},
		{"word no entry", tok{s: 1 << 30, e: 1<<31 - 1, k: tkWord}},
		{"number", tok{s: 0, e: 300, n: 1 << 24, cls: clsNum, k: tkNum, nd: 255, sp: true}},
		{"punct", tok{s: 5, e: 6, cls: clsPlainStop, k: tkPunct}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			w := tc.want
			var w2 uint64
			if w.sp {
				w2 |= 1 << twSp
			}
			if w.cap {
				w2 |= 1 << twCap
			}
			var got tok
			got.hi = true
			setTok(&got, uint64(uint32(w.s))|uint64(uint32(w.e))<<32, uint64(uint32(w.n))|uint64(w.cls)<<32,
				uint64(w.id)|uint64(w.k)<<twKind|w2|uint64(w.nd)<<twNd)
			if got != w {
				t.Fatalf("setTok gives %+v, want %+v", got, w)
			}
		})
	}
}

// sameTokens fails t when got and want differ (the hi flag aside, which
// the reference does not set).
func sameTokens(t *testing.T, body string, got, want []tok) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("%d tokens, want %d (%q)", len(got), len(want), body)
	}
	for i := range got {
		g := got[i]
		g.hi = false
		if g != want[i] {
			t.Fatalf("token %d %q = %+v, want %+v", i, body[want[i].s:want[i].e], got[i], want[i])
		}
	}
}

// equalInt32 reports whether a and b hold the same values.
func equalInt32(a, b []int32) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
