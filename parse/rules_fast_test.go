package parse

import (
	"bufio"
	"encoding/json"
	"os"
	"reflect"
	"strings"
	"testing"
)

// adversarialText returns sentences that put numbers of one to seven
// digits next to every lexicon word (each case), every unit, month,
// weekday, clock and currency word and mark, spaced and not, with
// hyphens, slashes, ordinals, decades and ranges: the places where an
// early refusal of rules_fast.go could go wrong.
func adversarialText(x *Extractor) string {
	var b strings.Builder
	nums := []string{"3", "12", "31", "123", "1400", "2024", "1990", "12345", "1234567"}
	others := []string{":", ".", "-", "/", ",", "'", "’", "‘", "`", "\"", "$", "€", "£", "%", "(", ")", "#", "+", "3", "12", "Q", "q", "z", "Z",
		"GMT", "UTC", "ET", "EDT", "IST", "WIT", "Ottawa", "Eastern", "New York", "local", "LOCAL", "Local",
		"a.m.", "p.m.", "A.M.", "pm", "PM", "a.m", "a", "p", "m", "s", "th", "st", "nd", "rd", "and", "and a half", "-and-a-half",
		"million", "people", "dollars", "per", "percent", "points", "times", "hundred", "dozen", "twenty", "five", "several", "few"}
	for _, e := range x.lx.ents[1:] {
		others = append(others, e.word, strings.ToUpper(e.word[:1])+e.word[1:], strings.ToUpper(e.word))
	}
	for _, n := range nums {
		for _, o := range others {
			for _, sep := range []string{"", " ", "-", "/"} {
				for _, tail := range []string{"", " days", " 30", ", 2024", ". Next", " time", "s", "-year-old", " to 2025"} {
					// before and after the number, spaced and not
					b.WriteString(o + sep + n + tail + "\n" + n + sep + o + tail + "\n")
				}
			}
		}
	}
	for _, s := range []string{
		"$5 million, 300 people, 2-1, 3-0 win, 1,200 troops, 2,000 years, 3.5 years, 1.5 hours, 10-15 days",
		"the 3rd of May, May 3rd, 3 May 2024, the 1990s, the '90s, the ’80s, mid-1990s, 2008-09, 2008/09",
		"between 2010 and 2015, from 2008 to 2010, 9-11, 24/7, 1400 GMT, 1400 local time, 0900 (GMT), 2100 Z",
		"5 p.m. EDT Friday, 4.20pm, 16:08 UTC, 10:30 a.m. on Tuesday, twenty-five years, three-and-a-half weeks",
		"five trading days, 3 straight days, 2 more weeks, a year and a half, half an hour, several weeks, a few days",
		"Q3 2024, fiscal 2007, FY2008, the 20th century, the first half of 2025, the fourth quarter, one-day, five-hour",
		"USA Today, the Today programme, now-defunct, right now, Black Friday, Super Tuesday, the Mail on Sunday",
		"The 1990s. In 2008 The Times, 2008 Olympics, 1400 Ottawa time, 1400 New York time, 1200 WIT on Wednesday",
		"One day later. Two weeks ago. Several days earlier. Twenty five days. A hundred years. The day before.",
	} {
		b.WriteString(s + "\n\n")
	}
	return b.String()
}

// ruleTexts returns the texts the fast rules are checked on: the test
// corpora (dev texts, seeds, segmentation texts, the JSON Lines test
// feed) and the adversarial sentences.
func ruleTexts(t *testing.T, x *Extractor) map[string]string {
	t.Helper()
	texts := segmentTexts(t)
	for k, a := range benchArticles(t) {
		texts["bench/"+a.Source+"/"+string(rune('a'+k%26))] = a.Body
	}
	if f, err := os.Open("../testdata/jsonl/feed.jsonl"); err == nil {
		defer f.Close()
		sc := bufio.NewScanner(f)
		sc.Buffer(make([]byte, 1<<20), 1<<26)
		for n := 0; sc.Scan(); n++ {
			var r map[string]any
			if json.Unmarshal(sc.Bytes(), &r) != nil {
				continue
			}
			for _, k := range []string{"text", "body"} {
				if s, ok := r[k].(string); ok {
					texts["feed/"+k+"/"+string(rune('a'+n%26))+strings.Repeat("x", n/26)] = s
				}
			}
		}
	}
	texts["adversarial"] = adversarialText(x)
	return texts
}

// TestScanPlain checks the whole rule scan with the early refusals of
// rules_fast.go against the plain rules (matcher.plain): the same
// matches, token for token and spec for spec, on every test text.
func TestScanPlain(t *testing.T) {
	x := NewExtractor(Options{})
	n := 0
	for name, body := range ruleTexts(t, x) {
		t.Run(name, func(t *testing.T) {
			toks := x.lx.tokenize(body, nil)
			fast := newMatcher(x, body, toks).scanAll(nil)
			plain := newMatcher(x, body, toks).plainRules().scanAll(nil)
			n += len(plain)
			if len(fast) != len(plain) {
				t.Errorf("%d matches, the plain rules find %d", len(fast), len(plain))
			}
			for k := range min(len(fast), len(plain)) {
				if !reflect.DeepEqual(fast[k], plain[k]) {
					f, p := fast[k], plain[k]
					t.Fatalf("match %d: %q %+v; the plain rules give %q %+v", k, body[toks[f.a].s:toks[f.b-1].e], f.sp, body[toks[p.a].s:toks[p.b-1].e], p.sp)
				}
			}
		})
	}
	if n < 1000 {
		t.Errorf("the plain rules find %d matches in all the texts: the corpora are missing", n)
	}
}

// TestFastRefusals checks each early refusal on its own, at every token
// of the test texts and with any left bound: where durationMayMatch
// refuses, matchDuration matches nothing; where zoneMayFollow refuses,
// clockZone reads no zone; where clockMayMatch refuses, matchClock
// matches nothing. And matchClock, matchDuration and numberRules give the
// same as the plain rules (match or not, and the same match).
func TestFastRefusals(t *testing.T) {
	x := NewExtractor(Options{})
	refused := [3]int{}
	for name, body := range ruleTexts(t, x) {
		t.Run(name, func(t *testing.T) {
			toks := x.lx.tokenize(body, nil)
			m := newMatcher(x, body, toks)
			p := newMatcher(x, body, toks).plainRules()
			text := func(c cand) string { return body[toks[max(c.a, 0)].s:toks[c.b-1].e] }
			same := func(rule string, i int, f func(*matcher, *cand) bool) {
				var cf, cp cand
				okf, okp := f(m, &cf), f(p, &cp)
				if okf != okp || okf && !reflect.DeepEqual(cf, cp) {
					t.Errorf("%s at %q: %v %q %+v; plain %v %q %+v", rule, body[toks[i].s:toks[i].e], okf, text(cf), cf.sp, okp, text(cp), cp.sp)
				}
			}
			for i := range toks {
				num := toks[i].k == tkNum
				for _, lo := range []int{0, max(i-1, 0), i} {
					m.lo, p.lo = lo, lo
					// the refusal is asked at digit tokens and number words
					// only (and "several", "few")
					if num || toks[i].cls&clsNumWord != 0 || m.tw(i) == "several" || m.tw(i) == "few" {
						if !m.durationMayMatch(i) {
							refused[0]++
							if c := (cand{}); p.matchDuration(i, false, &c) {
								t.Errorf("durationMayMatch refuses %q, matchDuration matches %q", body[toks[i].s:toks[i].e], text(c))
							}
						}
						same("matchDuration", i, func(m *matcher, c *cand) bool { return m.matchDuration(i, false, c) })
					}
					if !m.zoneMayFollow(i) {
						refused[1]++
						var sp spec
						if k := p.clockZone(i, &sp); k != i {
							t.Errorf("zoneMayFollow refuses %q, clockZone reads %q", body[toks[i].s:toks[i].e], body[toks[i].s:toks[k-1].e])
						}
					}
					if !num {
						continue
					}
					if (m.punct(i+1) == ':' || m.punct(i+1) == '.') && m.adj(i+1) && !m.clockMayMatch(i) {
						refused[2]++
						if c := (cand{}); p.matchClock(i, &c) {
							t.Errorf("clockMayMatch refuses %q, matchClock matches %q", body[toks[i].s:toks[i].e], text(c))
						}
					}
					same("matchClock", i, func(m *matcher, c *cand) bool { return m.matchClock(i, c) })
					same("numberRules", i, func(m *matcher, c *cand) bool { return m.numberRules(i, c) })
				}
			}
		})
	}
	if refused[0] < 1000 || refused[1] < 1000 || refused[2] < 100 {
		t.Errorf("refusals %v: the refusals do nothing", refused)
	}
}

// capNameStops are the words capName refuses (its switch).
var capNameStops = []string{"on", "in", "at", "by", "the", "a", "an", "and", "but", "from", "until", "since", "last", "next", "this", "early", "late", "for", "of", "before", "after", "during", "every", "each", "as", "or", "to"}

// TestCapNameStops checks capName, which reads the lexicon word of a
// token only: every word it refuses is a lexicon word, and on every
// token of the test texts it gives what it gave with the lower-cased
// text of each word (capNameRef). It also checks inSet against a map
// lookup of the lower-cased text, and lowered against lowerASCII.
func TestCapNameStops(t *testing.T) {
	x := NewExtractor(Options{})
	for _, w := range capNameStops {
		if x.lexID(w) == 0 {
			t.Errorf("%q is no lexicon word", w)
		}
	}
	sets := []map[string]bool{x.countNouns, x.paperNames, x.dayNames, x.ordAdj}
	for name, body := range ruleTexts(t, x) {
		t.Run(name, func(t *testing.T) {
			toks := x.lx.tokenize(body, nil)
			m := newMatcher(x, body, toks)
			// lowered against lowerASCII, every token, and each string it
			// gave still the same after all the others
			var low []string
			for j := range toks {
				w := m.lowered(int(toks[j].s), int(toks[j].e))
				low = append(low, w)
				if want := lowerASCII(m.text(j)); w != want {
					t.Errorf("lowered(%q) = %q, want %q", m.text(j), w, want)
				}
			}
			for j, w := range low {
				if want := lowerASCII(m.text(j)); w != want {
					t.Errorf("lowered(%q) became %q", m.text(j), w)
				}
			}
			for j := -1; j <= len(toks); j++ {
				if got, want := m.capName(j), capNameRef(m, j); got != want {
					t.Errorf("capName(%q) = %v, want %v", m.text(j), got, want)
				}
				for k, set := range sets {
					if got, want := m.inSet(set, j), set[m.lower(j)]; got != want {
						t.Errorf("inSet(set %d, %q) = %v, want %v", k, m.text(j), got, want)
					}
				}
			}
		})
	}
}

// capNameRef is capName as it was, lowering the text of every word.
func capNameRef(m *matcher, j int) bool {
	if j < 0 || j >= len(m.t) {
		return false
	}
	t := m.t[j]
	if t.k != tkWord || !t.cap || t.cls&(clsMonth|clsWeekday|clsDeictic) != 0 {
		return false
	}
	for _, w := range capNameStops {
		if m.word(j) == w {
			return false
		}
	}
	return !m.sentenceStart(j)
}

// TestRuleNames checks the constant rule names and modifiers of
// rules_fast.go against the strings the rules built before: each word a
// rule passes, and others, which take the general form.
func TestRuleNames(t *testing.T) {
	words := []string{"this", "last", "next", "current", "coming", "past", "previous", "preceding", "prior", "following", "same", "that", "recent", "these", "upcoming", "first", "final", "later", "earlier", "before", "after", "early", "late", "mid", "every", "each", "q-quarter", "final-quarter", "ordinal-quarter", "ordinal-half", "season", "", "other", "Late"}
	mods := map[string]string{"early": "START", "late": "END", "mid": "MID"}
	quants := map[string]string{"every": "EVERY", "each": "EACH"}
	for _, w := range words {
		t.Run(w, func(t *testing.T) {
			checks := []struct{ got, want string }{
				{relUnitRule(w), w + "-unit"},
				{durationRule(true, w), "the-" + w + "-duration"},
				{durationRule(false, w), w + "-duration"},
				{refRule(w), "ref-" + w},
				{theUnitRule(w), "the-unit-" + w},
				{relYearRule(w), w + "-rel-year"},
				{edgeMod(w), mods[w]},
				{everyQuant(w), quants[w]},
			}
			for g := GranUnknown; g <= GranCentury+1; g++ {
				checks = append(checks, struct{ got, want string }{periodOne(g), "P1" + unitLetter(g)})
			}
			for wd := -1; wd <= 8; wd++ {
				checks = append(checks, struct{ got, want string }{weekdaySet(wd), "XXXX-WXX-" + isoWeekdayDigit(wd)})
			}
			for _, c := range checks {
				if c.got != c.want {
					t.Errorf("got %q, want %q", c.got, c.want)
				}
			}
		})
	}
}

// TestScanAllocs checks that the rule scan allocates nothing per trigger
// on news text: the dev texts, scanned into a buffer with room, allocate
// less than once per twenty triggers (a text whose rules lower a
// capitalised word outside the lexicon allocates once for all of them).
func TestScanAllocs(t *testing.T) {
	x := NewExtractor(Options{})
	arts := benchArticles(t)
	var toks [][]tok
	triggers := 0
	for _, a := range arts {
		tk := x.lx.tokenize(a.Body, nil)
		toks = append(toks, tk)
		for i := range tk {
			if tk[i].cls&clsTrigger != 0 {
				triggers++
			}
		}
	}
	buf := make([]cand, 0, 4096)
	allocs := testing.AllocsPerRun(3, func() {
		for k, a := range arts {
			buf = x.scan(a.Body, toks[k], buf[:0])
		}
	})
	if allocs*20 > float64(triggers) {
		t.Errorf("%.0f allocations for %d triggers", allocs, triggers)
	}
	t.Logf("%.0f allocations for %d triggers in %d texts", allocs, triggers, len(arts))
}

// FuzzScanPlain checks the rule scan with the early refusals against the
// plain rules on any input.
func FuzzScanPlain(f *testing.F) {
	for _, s := range []string{"$5 million, 300 people, 2-1, 3.5 years", "1400 GMT, 1400 local time, 4.20pm ET, 16:08", "three-and-a-half weeks, 5 more trading days", "Smith said Monday", "in 2008 The Times", "the 1990s, the '90s"} {
		f.Add(s)
	}
	x := NewExtractor(Options{})
	f.Fuzz(func(t *testing.T, body string) {
		toks := x.lx.tokenize(body, nil)
		fast := newMatcher(x, body, toks).scanAll(nil)
		plain := newMatcher(x, body, toks).plainRules().scanAll(nil)
		if !reflect.DeepEqual(fast, plain) {
			t.Errorf("%q: %+v; the plain rules give %+v", body, fast, plain)
		}
	})
}
