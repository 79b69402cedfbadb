package parse

import (
	"strings"
	"testing"
)

// TestNumberMayMatch checks matchNumber's early refusal: wherever
// numberMayMatch refuses a digit token, numberRules must match nothing
// there, with any left bound. It runs over the dev texts and seeds and
// over every lexicon word and some punctuation next to numbers of one to
// seven digits.
func TestNumberMayMatch(t *testing.T) {
	x := NewExtractor(Options{})
	var texts []string
	for _, a := range benchArticles(t) {
		texts = append(texts, a.Body)
	}
	news := len(texts)
	var b strings.Builder
	nums := []string{"3", "12", "31", "123", "2024", "12345", "123456", "1234567"}
	others := []string{":", ".", "-", "/", ",", "'", "’", "‘", "`", "\"", "$", "%", "(", "3", "12", "Q", "q"}
	for _, e := range x.lx.ents[1:] {
		others = append(others, e.word, strings.ToUpper(e.word[:1])+e.word[1:])
	}
	for _, n := range nums {
		for _, o := range others {
			for _, sep := range []string{"", " "} {
				for _, tail := range []string{"", " days", " 30", ", 2024", ". Next"} {
					// before and after the number, spaced and not
					b.WriteString(o + sep + n + tail + "\n" + n + sep + o + tail + "\n")
				}
			}
		}
	}
	texts = append(texts, b.String())
	cases := []struct {
		name string
		text string
	}{
		{"Q3", "in Q3 2024"},
		{"quote year", "since '82 and the ’90s"},
		{"clock", "at 5 p.m. and 16:08 and 4.20pm"},
		{"dates", "on 2024-12-03 and 12/25/2024 and 3rd of May"},
		{"durations", "3.5 years, three-and-a-half years, 3 straight days, 5 more trading days"},
	}
	for _, c := range cases {
		texts = append(texts, c.text)
	}
	refused, total := 0, 0
	for k, body := range texts {
		r, n := checkNumberRefusals(t, x, body)
		if k < news {
			refused += r
			total += n
		}
	}
	// the refusal must do its job on news, where most numbers match
	// nothing (it refuses about 60% of the dev texts' numbers)
	if refused*2 < total {
		t.Errorf("numberMayMatch refused %d of the dev texts' %d numbers, want at least half", refused, total)
	}
	t.Logf("refused %d of the dev texts' %d numbers", refused, total)
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			toks := x.lx.tokenizeRange(c.text, 0, len(c.text), nil)
			m := newMatcher(x, c.text, toks)
			for i := range toks {
				if toks[i].k == tkNum && !m.numberMayMatch(i) {
					t.Errorf("%q: number %q refused", c.text, c.text[toks[i].s:toks[i].e])
				}
			}
		})
	}
}

// FuzzNumberMayMatch checks numberMayMatch on any input.
func FuzzNumberMayMatch(f *testing.F) {
	for _, s := range []string{"in Q3 2024", "since '82 and the ’90s", "at 5 p.m. and 16:08", "on 2024-12-03, 12/25/2024", "3.5 years, 3 straight days", "15 people"} {
		f.Add(s)
	}
	x := NewExtractor(Options{})
	f.Fuzz(func(t *testing.T, body string) { checkNumberRefusals(t, x, body) })
}

// checkNumberRefusals checks every digit token of body that
// numberMayMatch refuses: numberRules must match nothing there, whatever
// the left bound. It returns the refused and all digit tokens.
func checkNumberRefusals(t *testing.T, x *Extractor, body string) (refused, total int) {
	t.Helper()
	toks := x.lx.tokenizeRange(body, 0, len(body), nil)
	m := newMatcher(x, body, toks)
	for i := range toks {
		if toks[i].k != tkNum {
			continue
		}
		total++
		if m.numberMayMatch(i) {
			continue
		}
		refused++
		for _, lo := range []int{0, max(i-1, 0), i} {
			m.lo = lo
			if c := (cand{}); m.numberRules(i, &c) {
				a := max(c.a, 0)
				t.Errorf("refused number %q matches %q (rule %s, lo %d)", body[toks[i].s:toks[i].e], body[toks[a].s:toks[c.b-1].e], c.sp.rule, lo)
			}
		}
		m.lo = 0
	}
	return refused, total
}
