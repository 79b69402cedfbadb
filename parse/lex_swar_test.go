package parse

import (
	"math/rand/v2"
	"testing"
	"unicode"
	"unicode/utf8"
)

// letterRunBytes is letterRun8 one byte at a time: the reference.
func letterRunBytes(s string) int {
	n := 0
	for n < len(s) && lexBytes[s[n]] == bLetter {
		n++
	}
	return n
}

// TestLetterRun8 checks the eight-bytes-at-once letter test against the
// byte table: every byte value at every position, then random words.
func TestLetterRun8(t *testing.T) {
	t.Run("every-byte", func(t *testing.T) {
		for _, fill := range []byte{'a', 'Z', 'm'} {
			for p := 0; p < 8; p++ {
				for b := 0; b < 256; b++ {
					w := []byte{fill, fill, fill, fill, fill, fill, fill, fill}
					w[p] = byte(b)
					s := string(w)
					if got, want := letterRun8(load8(s, 0)), letterRunBytes(s); got != want {
						t.Fatalf("letterRun8(%q) = %d, want %d", s, got, want)
					}
				}
			}
		}
	})
	t.Run("random", func(t *testing.T) {
		r := rand.New(rand.NewPCG(1, 2))
		alphabet := []byte("aAzZ@[`{ \x00\x7f\x80\xc3\xe2\xff09.-'")
		var w [8]byte
		for range 200000 {
			for i := range w {
				if r.IntN(2) == 0 {
					w[i] = alphabet[r.IntN(len(alphabet))]
				} else {
					w[i] = byte(r.IntN(256))
				}
			}
			s := string(w[:])
			if got, want := letterRun8(load8(s, 0)), letterRunBytes(s); got != want {
				t.Fatalf("letterRun8(%q) = %d, want %d", s, got, want)
			}
		}
	})
}

// tokenizeRef is the tokenizer as it was before the eight-byte letter
// scan: the reference the tests compare tokenize against.
func (lx *lexicon) tokenizeRef(body string, buf []tok) []tok {
	toks := buf[:0]
	var low [24]byte
	sp := true
	n := len(body)
	for i := 0; i < n; {
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
				d := body[j]
				if bd := lexBytes[d]; bd != bHigh {
					if bd == bLetter {
						j++
						continue
					}
					break
				}
				r, size := utf8.DecodeRuneInString(body[j:])
				if !unicode.IsLetter(r) {
					break
				}
				ascii = false
				j += size
			}
			toks = append(toks, tok{s: int32(i), e: int32(j), k: tkWord, sp: sp, cap: c < 'a'})
			if !ascii {
				toks[len(toks)-1].cls = clsPlainStop // a word beyond ASCII
			}
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
			if c == '"' {
				toks[len(toks)-1].cls = clsPlainStop
			}
			i++
		default:
			r, size := utf8.DecodeRuneInString(body[i:])
			if unicode.IsLetter(r) {
				j := i + size
				for j < n {
					r2, s2 := utf8.DecodeRuneInString(body[j:])
					if !(unicode.IsLetter(r2) || (r2 < 0x80 && r2|0x20 >= 'a' && r2|0x20 <= 'z')) {
						break
					}
					j += s2
				}
				toks = append(toks, tok{s: int32(i), e: int32(j), k: tkWord, sp: sp, cap: unicode.IsUpper(r), cls: clsPlainStop})
				i = j
			} else {
				toks = append(toks, tok{s: int32(i), e: int32(i + size), k: tkPunct, sp: sp, cls: clsPlainStop})
				i += size
			}
		}
		sp = false
	}
	return toks
}

// TestTokenizeRef checks that tokenize gives the reference tokens (the
// hi flag aside, which the reference does not set) on every test text.
func TestTokenizeRef(t *testing.T) {
	lx := newLexicon()
	for name, body := range segmentTexts(t) {
		checkTokens(t, lx, name, body)
	}
}

// FuzzTokenizeRef does the same on any input.
func FuzzTokenizeRef(f *testing.F) {
	for _, s := range segmentTexts(f) {
		f.Add(s)
	}
	lx := newLexicon()
	f.Fuzz(func(t *testing.T, body string) { checkTokens(t, lx, "fuzz", body) })
}

func checkTokens(t *testing.T, lx *lexicon, name, body string) {
	t.Helper()
	got, want := lx.tokenize(body, nil), lx.tokenizeRef(body, nil)
	if len(got) != len(want) {
		t.Fatalf("%s: %d tokens, want %d", name, len(got), len(want))
	}
	for i := range got {
		g := got[i]
		g.hi = false
		if g != want[i] {
			t.Fatalf("%s: token %d = %+v, want %+v", name, i, got[i], want[i])
		}
	}
}

// BenchmarkTokenize measures the tokenizer alone (every byte, every word
// looked up once); BenchmarkTokenizeRef the byte-at-a-time reference.
func BenchmarkTokenize(b *testing.B)    { benchTokenize(b, (*lexicon).tokenize) }
func BenchmarkTokenizeRef(b *testing.B) { benchTokenize(b, (*lexicon).tokenizeRef) }

func benchTokenize(b *testing.B, f func(*lexicon, string, []tok) []tok) {
	arts := benchArticles(b)
	lx := newLexicon()
	buf := make([]tok, 0, 1<<16)
	b.SetBytes(totalBytes(arts))
	b.ReportAllocs()
	clk := startCPU()
	for b.Loop() {
		for i := range arts {
			buf = f(lx, arts[i].Body, buf[:0])
		}
	}
	clk.report(b, totalBytes(arts))
}

// TestTenseLead checks the tenseWords prefilter: every tense word is 2 to
// 31 letters a-z (what tenseLead can index) and passes it, and a few
// other words give what the map gives.
func TestTenseLead(t *testing.T) {
	x := NewExtractor(Options{})
	if x.tenseNoLead {
		t.Fatal("a tense word does not fit tenseLead: the prefilter is off")
	}
	for w, c := range x.tenseWords {
		for i := 0; i < len(w); i++ {
			if w[i] < 'a' || w[i] > 'z' {
				t.Fatalf("tense word %q is not all a-z", w)
			}
		}
		if len(w) < 2 || len(w) > 31 {
			t.Fatalf("tense word %q: length %d outside 2..31", w, len(w))
		}
		if got, ok := x.tenseWord(w); !ok || got != c {
			t.Errorf("tenseWord(%q) = %q, %v; want %q", w, got, ok, c)
		}
	}
	for _, w := range []string{"", "a", "the", "said2", "Said", "é", "sa", "understoodx", "thoughts"} {
		c, ok := x.tenseWords[w]
		if got, gok := x.tenseWord(w); got != c || gok != ok {
			t.Errorf("tenseWord(%q) = %q, %v; want %q, %v", w, got, gok, c, ok)
		}
	}
}
