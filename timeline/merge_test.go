package timeline

import (
	"context"
	"maps"
	"slices"
	"strings"
	"testing"
	"time"

	"chronicle/parse"
)

func TestFoldName(t *testing.T) {
	same := [][]string{
		{"Witkoff", "Witkov", "Vitkov", "Witkoff's"},
		{"Zelensky", "Zelenskyy", "Zelenskiy", "Zelenskyy’s"},
		{"Kyiv", "Kiev"},
		{"Caroline", "Karoline"},
		{"Yuri", "Yury"},
		{"Dmitry", "Dmitriy"},
		{"Alexei", "Aleksei"},
		{"Erdoğan", "Erdogan"},
		{"Türkiye", "Turkey"},
		{"Ukraine", "Ukrainian"},
		{"Europe", "European"},
		{"Russia", "Russian"},
		{"U.S.", "US", "USA"},
		{"Filipče", "Filipce"},
	}
	for _, g := range same {
		t.Run(strings.Join(g, "="), func(t *testing.T) {
			want := FoldName(g[0])
			for _, n := range g[1:] {
				if got := FoldName(n); got != want {
					t.Errorf("FoldName(%q) = %q, FoldName(%q) = %q: want equal", n, got, g[0], want)
				}
			}
		})
	}
	differ := [][2]string{{"Putin", "Trump"}, {"Kushner", "Kremlin"}, {"Iran", "Iraq"}, {"Austria", "Australia"}, {"Moscow", "Minsk"}}
	for _, p := range differ {
		t.Run(p[0]+"≠"+p[1], func(t *testing.T) {
			if FoldName(p[0]) == FoldName(p[1]) {
				t.Errorf("FoldName(%q) = FoldName(%q) = %q: want different", p[0], p[1], FoldName(p[0]))
			}
		})
	}
}

func TestPredicate(t *testing.T) {
	tests := []struct {
		words []string
		want  string
	}{
		{[]string{"said", "says", "say", "told", "added"}, "say"},
		{[]string{"met", "meeting", "talks", "huddled", "summit"}, "meet"},
		{[]string{"fell", "fallen", "falling", "dropped", "losses"}, "fall"},
		{[]string{"resigned", "resignation", "resigns"}, "resign"},
		{[]string{"invasion", "war", "fighting"}, "war"},
		{[]string{"postponed", "delayed", "rescheduled"}, "postpone"},
	}
	for _, tt := range tests {
		t.Run(tt.want, func(t *testing.T) {
			for _, w := range tt.words {
				if got := predicate(w); got != tt.want {
					t.Errorf("predicate(%q) = %q, want %q", w, got, tt.want)
				}
			}
		})
	}
}

// TestSignature marks the expression in [brackets]: the clause around it
// must name wantNames (folded) and have the head predicate wantHead.
func TestSignature(t *testing.T) {
	tests := []struct {
		name      string
		sentence  string
		wantNames []string
		noNames   []string
		wantHead  string
		wantCue   cueSet
		wantOld   bool
	}{
		{"speaker only", "Trump said [Wednesday] that Witkoff and Kushner will meet Umerov on Thursday.", []string{"trump"}, []string{"vitkov", "umerov"}, "say", 0, false},
		{"reported clause", "Trump said Wednesday that Witkoff and Kushner will meet Umerov on [Thursday].", []string{"vitkov", "kushner", "umerov"}, []string{"trump"}, "meet", 0, false},
		{"fronted adverbial", "On [Tuesday], President Putin accused European powers of trying to derail peace talks.", []string{"putin", "europ"}, nil, "", 0, false},
		{"fronted participle takes the subject", "Speaking to reporters in the Oval Office on [Wednesday], Trump said Putin wants a deal.", []string{"oval", "trump"}, nil, "say", 0, false},
		{"early", "Five hours of talks did not yield a breakthrough, a Kremlin aide said early [Wednesday].", []string{"kremlin"}, nil, "say", cueEarly, false},
		{"overnight", "Witkoff and Kushner huddled into [the early hours] with Putin in the Kremlin.", []string{"vitkov", "putin", "kremlin"}, nil, "meet", cueEarly | cueLate, false},
		{"old date", "The vote had been scheduled for [May 17].", nil, nil, "elect", 0, true},
		{"relative clause", "Zelensky's chief of staff, who led the delegation, resigned on [Friday] after investigators raided his home.", []string{"zelenski"}, nil, "resign", 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sig := checkSignature(t, tt.sentence, tt.wantNames, tt.noNames, tt.wantHead)
			if sig.cue != tt.wantCue {
				t.Errorf("cue %b, want %b", sig.cue, tt.wantCue)
			}
			if sig.old != tt.wantOld {
				t.Errorf("old %v, want %v", sig.old, tt.wantOld)
			}
		})
	}
}

// checkSignature computes the signature of the date in [brackets] in
// sentence and checks its names and head (an empty wantHead is not
// checked).
func checkSignature(t *testing.T, sentence string, wantNames, noNames []string, wantHead string) signature {
	t.Helper()
	i, j := strings.Index(sentence, "["), strings.Index(sentence, "]")
	s := sentence[:i] + sentence[i+1:j] + sentence[j+1:]
	sig := signatureAt(s, i, j-1)
	for _, n := range wantNames {
		if !slices.Contains(sig.names, n) {
			t.Errorf("names %v lack %q", sig.names, n)
		}
	}
	for _, n := range noNames {
		if slices.Contains(sig.names, n) {
			t.Errorf("names %v have %q", sig.names, n)
		}
	}
	if wantHead != "" && sig.head != wantHead {
		t.Errorf("head %q, want %q (predicates %v)", sig.head, wantHead, sig.preds)
	}
	return sig
}

// report is one hand-tagged article of one sentence: the expression is in
// [brackets].
type report struct {
	outlet, pub, zone, sentence, value string
	tense                              parse.Tense
}

// handDocs builds tagged documents from reports.
func handDocs(t *testing.T, rs []report) []Doc {
	t.Helper()
	var docs []Doc
	for k, r := range rs {
		loc, err := time.LoadLocation(r.zone)
		if err != nil {
			t.Fatal(err)
		}
		a := parse.Article{Source: strings.ReplaceAll(strings.ToLower(r.outlet), " ", "-") + "-" + string(rune('a'+k)) + ".txt", Outlet: r.outlet, Loc: loc}
		if p, err := time.ParseInLocation("2006-01-02", r.pub, loc); err == nil {
			a.Published, a.DateOnly = p, true
		} else if a.Published, err = time.Parse(time.RFC3339, r.pub); err != nil {
			t.Fatalf("pub %q: %v", r.pub, err)
		} else {
			a.Published = a.Published.In(loc)
		}
		i, j := strings.Index(r.sentence, "["), strings.Index(r.sentence, "]")
		a.Body = r.sentence[:i] + r.sentence[i+1:j] + r.sentence[j+1:]
		m := parse.Mention{Text: a.Body[i : j-1], Span: parse.Span{Start: i, End: j - 1}, Sentence: parse.Span{Start: 0, End: len(a.Body)}, Value: valueOf(t, r.value, loc), Tense: r.tense}
		docs = append(docs, NewDoc(&a, []parse.Mention{m}))
	}
	return docs
}

// TestConflicts runs Merge on hand-tagged reports of one happening and
// checks the conflict found (kind, or none) and what its summary says.
func TestConflicts(t *testing.T) {
	past, future := parse.TensePast, parse.TenseFuture
	tests := []struct {
		name        string
		reports     []report
		wantKind    string // "" for no conflict
		wantSummary []string
	}{
		{"date: two outlets, same day, different days", []report{
			{"Agence", "2026-06-01", "Europe/Paris", "Foreign ministers Lavrov and Wadephul will meet in Geneva on [Thursday] to discuss the ceasefire.", "2026-06-04", future},
			{"Courier", "2026-06-01", "Europe/Paris", "Lavrov and Wadephul are due to meet in Geneva on [Friday] for ceasefire talks.", "2026-06-05", future},
		}, KindDate, []string{"Agence (published 2026-06-01)", "Courier (published 2026-06-01)", "Thursday 2026-06-04", "Friday 2026-06-05"}},
		{"updated: the later report moves the plan", []report{
			{"Agence", "2026-05-20T09:00:00+02:00", "Europe/Paris", "Lavrov and Wadephul will meet in Geneva on [4 June] to discuss the ceasefire.", "2026-06-04", future},
			{"Courier", "2026-06-01T18:00:00+02:00", "Europe/Paris", "Lavrov and Wadephul will now meet in Geneva on [11 June] for ceasefire talks, a week later than planned.", "2026-06-11", future},
		}, KindUpdated, []string{"likely moved", "2026-05-20 09:00", "2026-06-01 18:00", "2026-06-04", "2026-06-11"}},
		{"overnight: late Tuesday and early Wednesday", []report{
			{"Agence", "2026-06-03", "Europe/Moscow", "Lavrov and Wadephul talked in Geneva until late [Tuesday], officials said.", "2026-06-02", past},
			{"Courier", "2026-06-03", "Europe/Moscow", "Lavrov and Wadephul ended their talks in Geneva early [Wednesday], officials said.", "2026-06-03", past},
		}, "", nil},
		{"time-zone shift: Thursday in New York is Friday in Tokyo", []report{
			{"Gazette", "2026-06-05T08:00:00-04:00", "America/New_York", "North Korea fired a ballistic missile toward the Sea of Japan on [Thursday], Japan's Defense Ministry said.", "2026-06-04", past},
			{"Shimbun", "2026-06-05T09:00:00+09:00", "Asia/Tokyo", "North Korea fired a ballistic missile toward the Sea of Japan on [Friday] morning, Japan's Defense Ministry said.", "2026-06-05", past},
		}, "", nil},
		{"a past weekday misread as the next one is no side", []report{
			{"Gazette", "2026-06-05", "Europe/London", "Lord Mayor Alastair King opened the Thames Festival in London on [Monday].", "2026-06-01", past},
			{"Herald", "2026-06-05", "Europe/London", "Lord Mayor Alastair King opened the Thames Festival in London on [Monday].", "2026-06-08", past},
		}, "", nil},
		{"duration: a length against a start date", []report{
			{"Gazette", "2026-04-09", "America/New_York", "The seizure comes amid the [eight-month] standoff between Washington and Tehran.", "P8M", 0},
			{"Herald", "2026-04-09", "America/New_York", "The standoff between Washington and Tehran began in [January], when new sanctions were imposed.", "2026-01", past},
		}, KindDuration, []string{"2026-04-09 minus 8 months", "2025-08-09", "January 2026 (2026-01)", "3 months before publication"}},
		{"duration: a length that fits its start", []report{
			{"Gazette", "2026-04-09", "America/New_York", "The seizure comes amid the [three-month] standoff between Washington and Tehran.", "P3M", 0},
			{"Herald", "2026-04-09", "America/New_York", "The standoff between Washington and Tehran began in [January], when new sanctions were imposed.", "2026-01", past},
		}, "", nil},
		{"two meetings in two cities are two events", []report{
			{"Gazette", "2026-06-08", "Europe/London", "Blinken and Wang Yi met in Beijing on [Monday] to discuss export controls.", "2026-06-01", past},
			{"Herald", "2026-06-08", "Europe/London", "Blinken and Wang Yi met in Jakarta on [Thursday] to discuss export controls.", "2026-06-04", past},
		}, "", nil},
		{"speech on different days is two events", []report{
			{"Gazette", "2026-06-05", "Europe/London", "Prime Minister Keir Starmer said on [Wednesday] that the talks would continue.", "2026-06-03", past},
			{"Herald", "2026-06-05", "Europe/London", "Prime Minister Keir Starmer said on [Thursday] that he was hopeful.", "2026-06-04", past},
		}, "", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tl, err := Merge(context.Background(), handDocs(t, tt.reports))
			if err != nil {
				t.Fatal(err)
			}
			if tt.wantKind == "" {
				if len(tl.Conflicts) != 0 {
					t.Fatalf("want no conflict, got %+v", tl.Conflicts)
				}
				return
			}
			if len(tl.Conflicts) != 1 {
				dumpTimeline(t, tl)
				t.Fatalf("want one %s conflict, got %d", tt.wantKind, len(tl.Conflicts))
			}
			c := tl.Conflicts[0]
			if c.Kind != tt.wantKind {
				t.Errorf("kind %q, want %q", c.Kind, tt.wantKind)
			}
			if len(c.Sides) != 2 {
				t.Errorf("%d sides, want 2", len(c.Sides))
			}
			for _, w := range tt.wantSummary {
				if !strings.Contains(c.Summary, w) {
					t.Errorf("summary lacks %q:\n%s", w, c.Summary)
				}
			}
			for _, s := range c.Sides {
				if !slices.Contains(tl.Mentions[s.Mention].Conflicts, c.ID) {
					t.Errorf("side mention %d does not carry conflict %s", s.Mention, c.ID)
				}
			}
			if e := tl.Events[slices.IndexFunc(tl.Events, func(e Event) bool { return e.ID == c.Event })]; !slices.Contains(e.Conflict, c.ID) {
				t.Errorf("event %s does not list conflict %s", e.ID, c.ID)
			}
		})
	}
}

func TestImpliedStart(t *testing.T) {
	tests := []struct {
		text, sentence, value string
		wantFrom, wantTo      string
	}{
		{"three-and-a-half year", "to end the three-and-a-half year war", "P3.5Y", "2022-03-03", "2022-09-03"},
		{"nearly four years", "it still holds nearly four years after Russia's invasion", "P4Y", "2021-12-03", "2022-12-03"},
		{"four years", "four years after the invasion", "P4Y", "2021-06-03", "2022-06-03"},
		{"eight-month", "amid the eight-month standoff", "P8M", "2025-03-19", "2025-04-18"},
	}
	loc := time.UTC
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			i := strings.Index(tt.sentence, tt.text)
			m := &Mention{Mention: parse.Mention{Text: tt.text, Span: parse.Span{Start: i, End: i + len(tt.text)}, Sentence: parse.Span{Start: 0, End: len(tt.sentence)}, Value: valueOf(t, tt.value, loc)}, Sentence: tt.sentence}
			src := &Source{Published: time.Date(2025, 12, 3, 0, 0, 0, 0, loc), DateOnly: true}
			_, lo, hi, ok := impliedStart(m, src)
			if !ok {
				t.Fatal("no implied start")
			}
			from, to := lo.Format("2006-01-02"), hi.Format("2006-01-02")
			if from != tt.wantFrom || to != tt.wantTo {
				t.Errorf("implied start %s..%s, want %s..%s", from, to, tt.wantFrom, tt.wantTo)
			}
		})
	}
}

// TestSupport checks that wire copies count once: the earthquake story has
// one AP story under two mastheads.
func TestSupport(t *testing.T) {
	all := stories(t)
	st := loadStory(t, all["earthquake"][0], all["earthquake"][1])
	tl, err := Merge(context.Background(), st.docs(t))
	if err != nil {
		t.Fatal(err)
	}
	ms := st.at(t, tl, goldRef{Doc: "02-arab-news-ap.txt", Quote: "eastern Turkey on Monday, killing"})
	if len(ms) != 1 {
		t.Fatalf("found %d mentions", len(ms))
	}
	id := tl.Mentions[ms[0]].Event
	for _, e := range tl.Events {
		if e.ID != id {
			continue
		}
		if len(e.Outlets) != 4 || e.Support != 3 {
			t.Errorf("event %s: %d outlets, support %d; want 4 outlets, support 3 (two AP copies count once)", e.ID, len(e.Outlets), e.Support)
		}
		if got := e.When.Start.Format("2006-01-02"); got != "2026-02-09" || e.When.Gran != parse.GranDay {
			t.Errorf("event dated %s, want the day 2026-02-09", e.When)
		}
	}
}

// TestEveryDatedMentionHasAnEvent: singletons included; furniture, sets,
// vague references and unanchored durations have none.
func TestEveryDatedMentionHasAnEvent(t *testing.T) {
	all := stories(t)
	for _, name := range slices.Sorted(maps.Keys(all)) {
		t.Run(name, func(t *testing.T) {
			st := loadStory(t, all[name][0], all[name][1])
			tl, err := Merge(context.Background(), st.docs(t))
			if err != nil {
				t.Fatal(err)
			}
			ids := map[string]bool{}
			for _, e := range tl.Events {
				if ids[e.ID] {
					t.Errorf("duplicate event ID %s", e.ID)
				}
				ids[e.ID] = true
			}
			for _, m := range tl.Mentions {
				dated := !m.Furniture && !m.When.IsZero() && (m.Kind == parse.KindDate || m.Kind == parse.KindTime)
				switch {
				case dated && m.Event == "":
					t.Errorf("dated mention %q (%s) has no event", m.Text, m.TIMEX)
				case m.Event != "" && !ids[m.Event]:
					t.Errorf("mention %q names unknown event %s", m.Text, m.Event)
				case m.Furniture && m.Event != "":
					t.Errorf("furniture %q is in event %s", m.Text, m.Event)
				case m.Kind == parse.KindSet && m.Event != "":
					t.Errorf("set %q is in event %s", m.Text, m.Event)
				}
			}
		})
	}
}

// TestMergeBadInput: spans outside their sentence, empty sentences,
// unresolved values and undated sources are data, not panics.
func TestMergeBadInput(t *testing.T) {
	loc := time.UTC
	day := time.Date(2026, 1, 5, 0, 0, 0, 0, loc)
	when := parse.Interval{Start: day, End: day.AddDate(0, 0, 1), Gran: parse.GranDay}
	tests := []struct {
		name string
		m    Mention
		src  Source
	}{
		{"span past the sentence", Mention{Mention: parse.Mention{Text: "Monday", Span: parse.Span{Start: 90, End: 96}, Sentence: parse.Span{Start: 0, End: 10}, Value: parse.Value{TIMEX: "2026-01-05", When: when}}, Sentence: "Short one."}, Source{Published: day}},
		{"empty sentence", Mention{Mention: parse.Mention{Text: "", Value: parse.Value{TIMEX: "2026-01-05", When: when}}}, Source{Published: day}},
		{"unknown granularity", Mention{Mention: parse.Mention{Text: "then", Value: parse.Value{TIMEX: "XXXX", When: parse.Interval{Start: day, End: day}}}, Sentence: "then"}, Source{Published: day}},
		{"undated source", Mention{Mention: parse.Mention{Text: "Monday", Span: parse.Span{Start: 0, End: 6}, Sentence: parse.Span{Start: 0, End: 6}, Value: parse.Value{TIMEX: "2026-01-05", When: when}}, Sentence: "Monday"}, Source{Undated: true}},
		{"duration with no publication", Mention{Mention: parse.Mention{Text: "two-year", Span: parse.Span{Start: 4, End: 12}, Sentence: parse.Span{Start: 0, End: 16}, Value: parse.Value{Kind: parse.KindDuration, TIMEX: "P2Y", Dur: parse.Duration{Amount: 2, Unit: parse.GranYear}}}, Sentence: "the two-year war"}, Source{}},
		{"zero duration", Mention{Mention: parse.Mention{Text: "zero-year", Span: parse.Span{Start: 4, End: 13}, Sentence: parse.Span{Start: 0, End: 17}, Value: parse.Value{Kind: parse.KindDuration, TIMEX: "P0Y", Dur: parse.Duration{Amount: 0, Unit: parse.GranYear}}}, Sentence: "the zero-year war"}, Source{Published: day}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			docs := []Doc{{Source: tt.src, Mentions: []Mention{tt.m}}, {Source: tt.src, Mentions: []Mention{tt.m}}}
			tl, err := Merge(context.Background(), docs)
			if err != nil {
				t.Fatal(err)
			}
			if len(tl.Mentions) != 2 {
				t.Fatalf("%d mentions, want 2", len(tl.Mentions))
			}
		})
	}
}

func TestMergeCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Merge(ctx, handDocs(t, []report{{"A", "2026-01-05", "UTC", "It rained on [Monday].", "2026-01-05", parse.TensePast}})); err == nil {
		t.Fatal("want the context's error")
	}
}

// TestMergeEvents: reports of one day that are one event, or two.
func TestMergeEvents(t *testing.T) {
	past := parse.TensePast
	tests := []struct {
		name    string
		reports []report
		one     bool
	}{
		{"transliterations", []report{
			{"Gazette", "2025-12-03", "UTC", "Envoy Steve Witkoff met Volodymyr Zelenskyy in Kyiv on [Tuesday].", "2025-12-02", past},
			{"Herald", "2025-12-03", "UTC", "Envoy Steve Vitkov met Volodymyr Zelenskiy in Kiev on [Tuesday].", "2025-12-02", past},
		}, true},
		{"one speaker, two wordings", []report{
			{"Gazette", "2025-12-04", "UTC", "President Donald Trump said [Wednesday] he believes Putin wants to end the war.", "2025-12-03", past},
			{"Herald", "2025-12-04", "UTC", "Trump echoed that sentiment on [Wednesday], telling reporters the talks went well.", "2025-12-03", past},
		}, true},
		{"two speakers of one country", []report{
			{"Gazette", "2025-12-04", "UTC", "Ukrainian President Volodymyr Zelensky said on [Wednesday] that talks would continue.", "2025-12-03", past},
			{"Herald", "2025-12-04", "UTC", "Ukrainian Foreign Minister Andrii Sybiha said on [Wednesday] that Russia must stop.", "2025-12-03", past},
		}, false},
		{"a statement and the talks it follows", []report{
			{"Gazette", "2025-12-04", "UTC", "Witkoff and Kushner met Putin at the Kremlin on [Tuesday].", "2025-12-02", past},
			{"Herald", "2025-12-04", "UTC", "The Kremlin said on [Tuesday] that no compromise had been found.", "2025-12-02", past},
		}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tl, err := Merge(context.Background(), handDocs(t, tt.reports))
			if err != nil {
				t.Fatal(err)
			}
			if one := tl.Mentions[0].Event == tl.Mentions[1].Event; one != tt.one {
				dumpTimeline(t, tl)
				t.Errorf("one event: %v, want %v", one, tt.one)
			}
		})
	}
}
