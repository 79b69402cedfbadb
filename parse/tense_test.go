package parse

import (
	"fmt"
	"maps"
	"slices"
	"testing"
	"time"
)

// onlyMention extracts body and returns the single mention whose text is
// want.
func onlyMention(t *testing.T, x *Extractor, a *Article, want string) Mention {
	t.Helper()
	for _, m := range x.Extract(a) {
		if m.Text == want {
			return m
		}
	}
	t.Fatalf("no mention %q in %q: %v", want, a.Body, x.Extract(a))
	return Mention{}
}

// TestWeekdayGrid checks every weekday against every publication weekday
// in past, present and future clauses: past and present (and no signal)
// pick the latest such weekday on or before the publication day, future
// the earliest on or after it; the publication weekday is the day itself.
func TestWeekdayGrid(t *testing.T) {
	x := NewExtractor(Options{})
	ny, _ := time.LoadLocation("America/New_York")
	clauses := []struct {
		name, format string
		future       bool
		tense        Tense
	}{
		{"past", "The envoys met Putin on %s.", false, TensePast},
		{"present", "The envoy says %s was a good day.", false, TensePresent},
		{"future", "The envoys will meet Putin on %s.", true, TenseFuture},
		{"none", "Talks in Moscow on %s.", false, TenseUnknown},
		{"schedule", "The summit opens on %s.", true, TenseFuture},
		{"past-plan", "The summit had been scheduled for %s.", false, TensePast},
	}
	for pd := 1; pd <= 7; pd++ { // Monday 2025-12-01 … Sunday 2025-12-07
		pub := time.Date(2025, 12, pd, 0, 0, 0, 0, ny)
		for wd := time.Sunday; wd <= time.Saturday; wd++ {
			for _, c := range clauses {
				name := fmt.Sprintf("pub-%s/%s/%s", pub.Weekday(), wd, c.name)
				t.Run(name, func(t *testing.T) {
					a := Article{Published: pub, DateOnly: true, Loc: ny, Body: fmt.Sprintf(c.format, wd)}
					m := onlyMention(t, x, &a, wd.String())
					var want time.Time
					for d := 0; d < 7; d++ {
						step := -d
						if c.future {
							step = d
						}
						if cand := pub.AddDate(0, 0, step); cand.Weekday() == wd {
							want = cand
							break
						}
					}
					if got := m.When.Start; !got.Equal(want) || m.When.Gran != GranDay {
						t.Errorf("%q published %s: got %s, want %s", a.Body, pub.Format("Mon 2006-01-02"), m.When, want.Format("2006-01-02"))
					}
					if m.Tense != c.tense {
						t.Errorf("tense %s (signal %q), want %s", m.Tense, m.Signal, c.tense)
					}
				})
			}
		}
	}
}

// TestClauseSignals: the clause around the expression decides, and the
// deciding word is kept.
func TestClauseSignals(t *testing.T) {
	x := NewExtractor(Options{})
	ny, _ := time.LoadLocation("America/New_York")
	pub := time.Date(2025, 12, 3, 0, 0, 0, 0, ny) // Wednesday
	for _, c := range []struct {
		name, body, expr string
		tense            Tense
		signal, value    string
	}{
		{"said-wednesday", "Trump said Wednesday that Witkoff and Kushner will meet Umerov on Thursday.", "Wednesday", TensePast, "said", "2025-12-03"},
		{"will-thursday", "Trump said Wednesday that Witkoff and Kushner will meet Umerov on Thursday.", "Thursday", TenseFuture, "will", "2025-12-04"},
		{"due-to", "Witkoff and Kushner were now due to meet Umerov in Florida on Thursday.", "Thursday", TenseFuture, "due to", "2025-12-04"},
		{"scheduled-to", "They are scheduled to meet in Florida on Thursday.", "Thursday", TenseFuture, "scheduled to", "2025-12-04"},
		{"resigned", "Zelensky's chief of staff resigned on Friday after a raid.", "Friday", TensePast, "resigned", "2025-11-28"},
		{"fronted", "On Tuesday, President Putin accused European powers.", "Tuesday", TensePast, "accused", "2025-12-02"},
		{"fronted-future", "On Friday, the ministers will meet again.", "Friday", TenseFuture, "will", "2025-12-05"},
		{"adverbial-before-main", "After a meeting in the Kremlin on Tuesday, the envoys are expected to meet Umerov.", "Tuesday", TenseUnknown, "", "2025-12-02"},
		{"as-soon-as", "They could meet a Ukrainian delegation as soon as Friday.", "Friday", TenseFuture, "as soon as", "2025-12-05"},
		{"to-be-held", "Another event is to be held on Monday.", "Monday", TenseFuture, "to be", "2025-12-08"},
		{"should-have", "Zelensky should have agreed to a ceasefire at the White House in February.", "February", TensePast, "agreed", "2025-02"},
		{"would", "He said the team would travel to Brussels on Saturday.", "Saturday", TenseFuture, "would", "2025-12-06"},
		{"schedule-present", "Debate on the budget resumes on Thursday.", "Thursday", TenseFuture, "resumes", "2025-12-04"},
		{"schedule-takes-place", "The handover takes place on Friday.", "Friday", TenseFuture, "takes", "2025-12-05"},
		{"reporting-present", "The mayor says Monday was calm.", "Monday", TensePresent, "says", "2025-12-01"},
		{"past-plan-for", "The vote had been scheduled for Tuesday.", "Tuesday", TensePast, "had been scheduled for", "2025-12-02"},
		{"past-plan-to", "The envoy was due to land on Monday.", "Monday", TensePast, "was due to", "2025-12-01"},
		{"reported-plan", "Officials said the vote was scheduled for Thursday.", "Thursday", TenseFuture, "scheduled for", "2025-12-04"},
		{"reported-past-perfect-plan", "Officials said the vote had been scheduled for Tuesday.", "Tuesday", TensePast, "had been scheduled for", "2025-12-02"},
		{"now-due-to", "The envoy is now due to land on Monday.", "Monday", TenseFuture, "due to", "2025-12-08"},
		{"expect-object-to", "Analysts expect the board to meet on Friday.", "Friday", TenseFuture, "expect … to", "2025-12-05"},
		{"rescheduled-to", "The court postponed the hearing to Monday.", "Monday", TenseFuture, "postponed … to", "2025-12-08"},
		{"adjective-not-past", "They will meet in a televised debate on Friday.", "Friday", TenseFuture, "will", "2025-12-05"},
		{"same-base-past", "The storm hit the coast on Monday.", "Monday", TensePast, "hit", "2025-12-01"},
		{"same-base-future", "The storm will hit the coast on Monday.", "Monday", TenseFuture, "will", "2025-12-08"},
	} {
		t.Run(c.name, func(t *testing.T) {
			a := Article{Published: pub, DateOnly: true, Loc: ny, Body: c.body}
			m := onlyMention(t, x, &a, c.expr)
			if m.Tense != c.tense || m.Signal != c.signal || m.TIMEX != c.value {
				t.Errorf("%q: got %s %s %q, want %s %s %q", c.expr, m.TIMEX, m.Tense, m.Signal, c.value, c.tense, c.signal)
			}
		})
	}
}

// TestMonthsAcrossYearBoundary: months without a year fall in the year the
// tense points to, across January/December.
func TestMonthsAcrossYearBoundary(t *testing.T) {
	x := NewExtractor(Options{})
	for _, c := range []struct {
		name, pub, body, expr, want string
	}{
		{"jan-pub/past-december", "2026-01-15", "Prices rose in December.", "December", "2025-12"},
		{"jan-pub/future-december", "2026-01-15", "Prices will rise in December.", "December", "2026-12"},
		{"jan-pub/past-january", "2026-01-15", "Prices rose in January.", "January", "2026-01"},
		{"jan-pub/future-january", "2026-01-15", "Prices will rise in January.", "January", "2026-01"},
		{"jan-pub/last-december", "2026-01-15", "Prices rose last December.", "last December", "2025-12"},
		{"jan-pub/next-december", "2026-01-15", "Prices will rise next December.", "next December", "2026-12"},
		{"jan-pub/past-november-day", "2026-01-15", "The talks began on November 20.", "November 20", "2025-11-20"},
		{"dec-pub/future-january", "2025-12-20", "The leaders will meet in January.", "January", "2026-01"},
		{"dec-pub/past-january", "2025-12-20", "The leaders met in January.", "January", "2025-01"},
		{"dec-pub/future-january-day", "2025-12-20", "The new law will take effect on January 5.", "January 5", "2026-01-05"},
		{"dec-pub/next-month", "2025-12-20", "The new law takes effect next month.", "next month", "2026-01"},
		{"jan-pub/last-month", "2026-01-15", "The law took effect last month.", "last month", "2025-12"},
		{"jan-pub/last-quarter", "2026-01-15", "Profit fell in the last quarter.", "the last quarter", "2025-Q4"},
		{"jan-pub/last-week-iso", "2026-01-02", "Sales fell last week.", "last week", "2025-W52"},
		{"jan-pub/this-week-iso", "2026-01-02", "Sales fell this week.", "this week", "2026-W01"},
		{"jan-pub/the-winter", "2026-01-15", "Gas ran short this winter.", "this winter", "2025-WI"},
	} {
		t.Run(c.name, func(t *testing.T) {
			a := caseArticle(t, c.pub, "Europe/London", c.body)
			m := onlyMention(t, x, &a, c.expr)
			if m.TIMEX != c.want {
				t.Errorf("got %s (%s %q), want %s", m.TIMEX, m.Tense, m.Signal, c.want)
			}
		})
	}
}

// TestZonesSameInstant: two outlets publish at the same instant, Sydney
// on Wednesday morning and New York on Tuesday evening; "Wednesday" in a
// past clause is that very day in Sydney and the week before in New York.
func TestZonesSameInstant(t *testing.T) {
	x := NewExtractor(Options{})
	instant := time.Date(2025, 12, 2, 21, 30, 0, 0, time.UTC)
	syd, _ := time.LoadLocation("Australia/Sydney")
	ny, _ := time.LoadLocation("America/New_York")
	for _, c := range []struct {
		name string
		loc  *time.Location
		body string
		want string
	}{
		{"sydney/past", syd, "Trump said Wednesday he believes Putin wants peace.", "2025-12-03"},
		{"new-york/past", ny, "Trump said Wednesday he believes Putin wants peace.", "2025-11-26"},
		{"sydney/future", syd, "They will meet on Wednesday.", "2025-12-03"},
		{"new-york/future", ny, "They will meet on Wednesday.", "2025-12-03"},
		{"sydney/today", syd, "Talks ended today.", "2025-12-03"},
		{"new-york/today", ny, "Talks ended today.", "2025-12-02"},
	} {
		t.Run(c.name, func(t *testing.T) {
			a := Article{Published: instant.In(c.loc), Loc: c.loc, Body: c.body}
			ms := x.Extract(&a)
			if len(ms) != 1 || ms[0].TIMEX != c.want {
				t.Fatalf("got %v, want %s", ms, c.want)
			}
			if ms[0].When.Start.Location() != c.loc || ms[0].When.Start.Hour() != 0 {
				t.Errorf("interval %s not at midnight in %s", ms[0].When, c.loc)
			}
		})
	}
}

// TestDST: calendar arithmetic across a daylight-saving change keeps
// midnight (New York switched on 9 March 2025, Berlin on 26 October 2025).
func TestDST(t *testing.T) {
	x := NewExtractor(Options{})
	for _, c := range []struct {
		name, pub, zone, body, expr, want string
		hours                             float64
	}{
		{"spring-forward/yesterday", "2025-03-10", "America/New_York", "It snowed yesterday.", "yesterday", "2025-03-09/P1D day America/New_York", 23},
		{"spring-forward/two-days-ago", "2025-03-10", "America/New_York", "It snowed two days ago.", "two days ago", "2025-03-08/P1D day America/New_York", 24},
		{"spring-forward/last-week", "2025-03-12", "America/New_York", "It snowed last week.", "last week", "2025-03-03/P1W week America/New_York", 7*24 - 1},
		{"fall-back/sunday", "2025-10-27", "Europe/Berlin", "The clocks changed on Sunday.", "Sunday", "2025-10-26/P1D day Europe/Berlin", 25},
		{"fall-back/month", "2025-11-05", "Europe/Berlin", "Prices rose last month.", "last month", "2025-10-01/P1M month Europe/Berlin", 31*24 + 1},
	} {
		t.Run(c.name, func(t *testing.T) {
			a := caseArticle(t, c.pub, c.zone, c.body)
			m := onlyMention(t, x, &a, c.expr)
			if got := m.When.String(); got != c.want {
				t.Errorf("got %s, want %s", got, c.want)
			}
			if h := m.When.End.Sub(m.When.Start).Hours(); h != c.hours {
				t.Errorf("interval lasts %v hours, want %v", h, c.hours)
			}
			if m.When.Start.Hour() != 0 || m.When.End.Hour() != 0 {
				t.Errorf("interval %v–%v does not run midnight to midnight", m.When.Start, m.When.End)
			}
		})
	}
}

// TestMaySignal checks maySignal against classify on every token of the
// test texts: a token maySignal refuses is one where classify finds no
// signal, with the token first in its window (lo = j) or not (lo < j).
func TestMaySignal(t *testing.T) {
	x := NewExtractor(Options{})
	texts := segmentTexts(t)
	texts["built"] = "Officials Wanted it. They ended talks, WANTED more and Rated it; the Board voted; Café owners reopened. Züriched."
	refused := 0
	for _, name := range slices.Sorted(maps.Keys(texts)) {
		body := texts[name]
		toks := x.lx.tokenize(body, nil)
		for j := range toks {
			for _, lo := range []int{j, max(j-1, 0)} {
				if x.maySignal(body, toks, j, lo) {
					continue
				}
				refused++
				if _, s, ok := x.classify(body, toks, j, lo, len(toks)); ok {
					t.Fatalf("%s: token %d %q (lo %d): maySignal refuses it, classify finds %q", name, j, body[toks[j].s:toks[j].e], lo, s)
				}
			}
		}
	}
	if refused == 0 {
		t.Error("maySignal refuses no token")
	}
}

// TestLexiconShortcuts checks the tagger's answers read from lexicon
// entries against the byte-level tests they stand for, on every token of
// the test texts: sigIDs against noSignal, afterSince by entry against
// the function afterSince, and mayRetarget (a token it refuses is never
// "to" or "until").
func TestLexiconShortcuts(t *testing.T) {
	x := NewExtractor(Options{})
	for _, w := range []string{"to", "until", "since"} {
		if x.lexID(w) == 0 {
			t.Errorf("lexID(%q) = 0: the shortcut is off", w)
		}
	}
	texts := segmentTexts(t)
	texts["built"] = "Since May, SINCE then, since 2020 (since). To Paris, TO me, to date; Until then, UNTIL, until. Sincere Tomorrow Untill sınce."
	checked := map[string]int{}
	for _, name := range slices.Sorted(maps.Keys(texts)) {
		body := texts[name]
		toks := x.lx.tokenize(body, nil)
		for j := range toks {
			tk := &toks[j]
			if tk.k == tkWord && tk.id != 0 {
				checked["sig"]++
				if got, want := x.sigIDs[tk.id], !x.noSignal(body, tk); got != want {
					t.Fatalf("%s: token %q: sigIDs %v, noSignal says %v", name, body[tk.s:tk.e], got, want)
				}
			}
			if got, want := x.afterSince(body, toks, j), afterSince(body, toks, j); got != want {
				t.Fatalf("%s: token %d: afterSince by entry %v, by bytes %v", name, j, got, want)
			}
			if want := body[tk.s:tk.e]; tk.k == tkWord && !x.mayRetarget(tk.id) && (want == "to" || want == "until") {
				t.Fatalf("%s: token %d %q refused by mayRetarget", name, j, want)
			}
			if j > 0 && x.afterSince(body, toks, j) {
				checked["since"]++
			}
		}
	}
	if checked["sig"] == 0 || checked["since"] < 3 {
		t.Errorf("too few tokens checked: %v", checked)
	}
}

// TestPrevShort checks prevShort against classify's prev on every token
// of the test texts: they agree on every lexicon word and every word of
// at most shortWord letters (the only words prevShort's callers compare
// with: the lists below), and prevShort gives "" or prev's word on the
// rest.
func TestPrevShort(t *testing.T) {
	x := NewExtractor(Options{})
	for _, w := range []string{"be", "being", "to", "will", "would", "could", "can", "may", "might", "must", "should", "shall", "ll", "not", "t", "did", "does", "do", "they", "we", "you", "i",
		"a", "an", "the", "its", "his", "her", "their", "our", "your", "this", "these", "those", "whose", "every", "each", "no", "is", "are", "am"} {
		if !x.lx.has(w) && len(w) > shortWord {
			t.Errorf("%q is compared with prevShort's word but is neither a lexicon word nor short", w)
		}
	}
	texts := segmentTexts(t)
	texts["built"] = "Whose plan? No Deal was Reached; the i-th T-shirt; Officials Announced it, televised Debates ended. Café owners Rated it."
	long := 0
	for _, name := range slices.Sorted(maps.Keys(texts)) {
		body := texts[name]
		toks := x.lx.tokenize(body, nil)
		for k := range toks {
			for _, lo := range []int{k, k + 1, 0} {
				ref := ""
				if k >= lo && toks[k].k == tkWord {
					ref = x.lowerTok(body, toks, k)
				}
				got := x.prevShort(body, toks, k, lo)
				if got == ref {
					continue
				}
				if got != "" || x.lx.has(ref) || len(ref) <= shortWord {
					t.Fatalf("%s: token %d %q: prevShort %q, prev %q", name, k, body[toks[k].s:toks[k].e], got, ref)
				}
				long++
			}
		}
	}
	if long == 0 {
		t.Error("prevShort lowered every word")
	}
}
