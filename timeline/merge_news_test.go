package timeline

import (
	"context"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"chronicle/parse"
)

// These tests cover merging and conflict rules found wanting on unseen
// stories: event nouns and objects that count like names, plans that
// moved, calendar and zone words that are no participants, predicate
// synonyms, follow-up sentences that name nobody, date phrases split in
// two mentions, and joins that rest on one very common name.

func TestNewsPredicates(t *testing.T) {
	tests := []struct {
		words []string
		want  string
	}{
		{[]string{"tabled", "tables", "introduced", "introduces"}, "launch"},
		{[]string{"declared", "declares", "declaration", "imposed"}, "declare"},
		{[]string{"shook", "shaken", "rattled", "tremor", "quake"}, "quake"},
		{[]string{"agreed", "agrees", "agreement"}, "agree"},
		{[]string{"acquire", "acquired", "acquisition", "takeover"}, "buy"},
		{[]string{"started", "begins", "erupted", "ignited", "outbreak"}, "start"},
		{[]string{"founded", "established"}, "found"},
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
	if predicate("declared") == predicate("said") {
		t.Error(`"declared" reduces to the reporting verb "say"`)
	}
}

// TestNewsSignature marks the expression in [brackets].
func TestNewsSignature(t *testing.T) {
	tests := []struct {
		name      string
		sentence  string
		wantNames []string
		noNames   []string
		wantHead  string
	}{
		{"zone abbreviation", "Dutch lawmakers are scheduled to vote on the bill at 1400 GMT on [Thursday].", []string{FoldName("Dutch")}, []string{"gmt"}, "elect"},
		{"US zone", "Trading resumes at 9:30 a.m. ET on [Monday], the exchange said.", nil, []string{"et"}, ""},
		{"month abbreviation", "The measure was first tabled on [Sept. 14] by the Greens.", []string{FoldName("Greens")}, []string{"sept"}, "launch"},
		{"month abbreviation as the date", "The measure was first tabled on [Sept. 14].", nil, []string{"sept"}, "launch"},
		{"place time is a zone", "The minister announced the delay early on [Friday], Jakarta time.", nil, []string{FoldName("Jakarta")}, "postpone"},
		{"hyphenated name", "The Milan-listed lender's shareholders will vote on the offer on [2 May].", []string{FoldName("Milan")}, []string{FoldName("Milan-listed")}, "elect"},
		{"declared is no statement", "Chile declared a state of emergency in three regions of Biobio on [Monday].", []string{FoldName("Chile"), FoldName("Biobio")}, nil, "declare"},
		{"what follows said is another event", "Okafor said the agency wants the new office running by [the end of June].", nil, nil, "run"},
		{"a first name is no month", "Jan Kowalski resigned on [Friday].", []string{FoldName("Jan"), FoldName("Kowalski")}, nil, "resign"},
		{"a relative clause elsewhere names others", "The levy was first tabled on [May 4] and has sat before the finance committee since June, where Greens raised objections.", nil, []string{FoldName("Greens")}, "launch"},
		{"a fire broke out: it started", "A grass fire broke out late on [Tuesday] near the airport.", nil, nil, "start"},
		{"a relative clause takes no name from the main clause", "The flood, which began on [May 2], cut the Danube Highway on Sunday.", nil, []string{FoldName("Danube"), FoldName("Highway")}, "start"},
		{"a particle is no head", "Repairs have been pushed back to [Monday].", nil, nil, "postpone"},
		{"an event noun moved to a new date", "The reopening of the bridge has been pushed back to [Monday] because of flooding.", nil, nil, "reopen"},
		{"a statement released is a saying", "The statement was released at [11:30 p.m.] Paris time on Friday, after a day of talks.", nil, nil, "say"},
		{"a report issued is a saying", "The company released its annual report on [Tuesday].", nil, nil, "say"},
		{"a product released is a launch", "The company released its new phone on [Tuesday].", nil, nil, "launch"},
		{"an incident first reported at a time began then", "The blast was first reported at [3:40 a.m.] near the depot.", nil, nil, "start"},
		{"clock time keeps its colon", "Debate on the budget resumes at [10:15 a.m.] on Tuesday.", nil, nil, "debate"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sig := checkSignature(t, tt.sentence, tt.wantNames, tt.noNames, tt.wantHead)
			if tt.name == "what follows said is another event" && sig.head == "say" {
				t.Errorf("head %q: the clause leaks across the speech verb (predicates %v)", sig.head, sig.preds)
			}
		})
	}
}

// TestNewsAntecedent: a relative clause takes the noun phrase it
// describes ("The bill, which was introduced on …").
func TestNewsAntecedent(t *testing.T) {
	tests := []struct {
		sentence string
		want     string
	}{
		{"The fuel levy, which was introduced on [11 May], would raise diesel prices.", predicate("levy")},
		{"Mayor Ana Ruiz, who took office on [3 June], resigned.", FoldName("Ruiz")},
	}
	for _, tt := range tests {
		t.Run(tt.want, func(t *testing.T) {
			i, j := strings.Index(tt.sentence, "["), strings.Index(tt.sentence, "]")
			s := tt.sentence[:i] + tt.sentence[i+1:j] + tt.sentence[j+1:]
			sig := signatureAt(s, i, j-1)
			if !slices.Contains(sig.preds, tt.want) && !slices.Contains(sig.names, tt.want) {
				t.Errorf("signature (names %v, predicates %v) lacks the antecedent %q", sig.names, sig.preds, tt.want)
			}
		})
	}
}

// TestNewsMergeEvents: reports that are one event, or two.
func TestNewsMergeEvents(t *testing.T) {
	past, future := parse.TensePast, parse.TenseFuture
	tests := []struct {
		name    string
		reports []report
		one     bool
	}{
		{"same day, zone words and different names", []report{
			{"Gazette", "2026-03-02", "Europe/Amsterdam", "The Tweede Kamer will hold its final vote on the housing rent bill on [Thursday], ending a year of debate.", "2026-03-05", future},
			{"Herald", "2026-03-03", "Europe/London", "Dutch lawmakers are scheduled to vote on the housing rent bill at 1400 GMT on [Thursday].", "2026-03-05", future},
		}, true},
		{"tabled and introduced", []report{
			{"Gazette", "2026-03-12", "Europe/London", "The river pollution bill was first tabled on [March 3].", "2026-03-03", past},
			{"Herald", "2026-03-12", "Europe/London", "Ministers introduced the river pollution bill on [3 March].", "2026-03-03", past},
		}, true},
		{"different verbs, two shared names", []report{
			{"Gazette", "2026-04-08", "America/New_York", "Harbor Foods agreed on [Tuesday] to buy Nordic Dairy for $900 million.", "2026-04-07", past},
			{"Herald", "2026-04-08", "Europe/Oslo", "Harbor Foods announced on [7 April] that it would acquire Nordic Dairy.", "2026-04-07", past},
		}, true},
		{"a day inside the week, no names", []report{
			{"Gazette", "2026-05-04", "UTC", "A weaker aftershock shook the same coast [last week], cracking a church tower.", "2026-W18", past},
			{"Herald", "2026-05-04", "UTC", "The coast was shaken by an aftershock [last Wednesday], which cracked a church tower.", "2026-04-29", past},
		}, true},
		{"the same event word, one side names nobody", []report{
			{"Gazette", "2026-05-04", "America/Santiago", "A strong earthquake struck northern Chile late [Saturday], killing at least 12 people.", "2026-05-02", past},
			{"Herald", "2026-05-04", "America/Santiago", "The earthquake struck late [Saturday] local time, as most residents slept.", "2026-05-02", past},
		}, true},
		{"one very common name, different predicates", []report{
			{"Gazette", "2026-05-06", "America/Santiago", "The death toll in Chile rose to 41 on [Tuesday], with 12 people still missing.", "2026-05-05", past},
			{"Herald", "2026-05-06", "Australia/Sydney", "The foreign office updated its travel advice for Chile on [Tuesday].", "2026-05-05", past},
		}, false},
		{"a rising death toll is no event dated twice", []report{
			{"Gazette", "2026-05-06", "UTC", "The death toll rose to 23 on [Monday], with dozens still missing.", "2026-05-04", past},
			{"Herald", "2026-05-06", "UTC", "The death toll rose to 41 on [Tuesday] as rescuers reached remote villages.", "2026-05-05", past},
		}, false},
		{"nameless clauses, different objects", []report{
			{"Gazette", "2026-05-20", "Europe/Dublin", "The fuel levy was first tabled on [May 4].", "2026-05-04", past},
			{"Herald", "2026-05-20", "Europe/Dublin", "The fishing treaty, which was introduced on [11 May], sets new quotas.", "2026-05-11", past},
		}, false},
		{"a statement's day is no zone shift of a planned day two zone-hours away", []report{
			{"Gazette", "2026-03-27T15:20:00+04:00", "Asia/Dubai", "Harbor Air will fly its first route from Tromso to Dubai on [Sunday], the airline said Thursday.", "2026-03-29", future},
			{"Herald", "2026-03-30", "Europe/Kyiv", "Harbor Air has delayed its first route from Tromso to Dubai until next month, the airline said early on [Saturday].", "2026-03-28", past},
		}, false},
		{"a year does not absorb a day", []report{
			{"Gazette", "2026-02-10", "Europe/Oslo", "Norway's parliament will vote on the data bill on [February 17].", "2026-02-17", future},
			{"Herald", "2026-02-10", "Europe/Oslo", "Companies operating in Norway would have until [the end of the year] to comply with the new duties.", "2026", future},
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
			if !tt.one && len(tl.Conflicts) != 0 {
				t.Errorf("two events, yet a conflict: %+v", tl.Conflicts)
			}
		})
	}
}

// TestNewsConflicts: one event dated two ways when the overlap is an
// event noun or object rather than a second name, and a plan that moved.
func TestNewsConflicts(t *testing.T) {
	past, future := parse.TensePast, parse.TenseFuture
	tests := []struct {
		name        string
		reports     []report
		wantKind    string
		wantSummary []string
	}{
		{"one name and the object", []report{
			{"Gazette", "2026-03-02", "Europe/Rome", "Lirabank shareholders will vote on the merger on [April 14].", "2026-04-14", future},
			{"Herald", "2026-03-02", "Europe/Rome", "Lirabank shareholders are due to vote on the proposal on [21 April].", "2026-04-21", future},
		}, KindDate, []string{"Tuesday 2026-04-14", "Tuesday 2026-04-21"}},
		{"a state of emergency on two days", []report{
			{"Gazette", "2026-05-06", "America/Santiago", "Chile declared a state of emergency in three regions of Biobio on [Monday].", "2026-05-04", past},
			{"Herald", "2026-05-06", "America/Santiago", "Chile declared a state of emergency in three regions of Biobio on [Tuesday].", "2026-05-05", past},
		}, KindDate, []string{"Monday 2026-05-04", "Tuesday 2026-05-05"}},
		{"nameless clauses, the event word and its object", []report{
			{"Gazette", "2026-05-20", "Europe/Dublin", "The fuel levy was first tabled on [May 4].", "2026-05-04", past},
			{"Herald", "2026-05-20", "Europe/Dublin", "The fuel levy, which was introduced on [11 May], would raise diesel prices.", "2026-05-11", past},
		}, KindDate, []string{"Monday 2026-05-04", "Monday 2026-05-11"}},
		{"a final test happens once", []report{
			{"Gazette", "2026-04-02", "Europe/Paris", "Aerolux completed its final engine test on [March 12], the company said.", "2026-03-12", past},
			{"Herald", "2026-04-03", "Europe/Warsaw", "The young firm carried out its final engine test on [March 6], he said.", "2026-03-06", past},
		}, KindDate, []string{"Thursday 2026-03-12", "Friday 2026-03-06"}},
		{"a company's age against its founding", []report{
			{"Gazette", "2026-03-27", "Europe/Oslo", "Founded in Bergen in [2024] by engineer Ida Lunde, Fjordlift builds cargo drones.", "2024", past},
			{"Herald", "2026-03-30", "Europe/Oslo", "The [three-year-old] company flew its drones over the fjord on Monday.", "P3Y", 0},
		}, KindDuration, []string{"2026-03-30 minus 3 years"}},
		{"a length years off its start", []report{
			{"Gazette", "2026-03-06", "Australia/Sydney", "Farmers in the Riverina are in the grip of a [five-year] drought.", "P5Y", 0},
			{"Herald", "2026-03-06", "Australia/Sydney", "The Riverina drought began in [2023], officials said.", "2023", past},
		}, KindDuration, []string{"2026-03-06 minus 5 years"}},
		{"a reopening pushed back", []report{
			{"Gazette", "2026-03-10T09:00:00+00:00", "Europe/London", "The transport agency said on Monday that the bridge will reopen on [Friday].", "2026-03-13", future},
			{"Herald", "2026-03-15T10:00:00+00:00", "Europe/London", "The reopening of the Tamar Bridge has been pushed back to [Monday] because of flooding, officials said.", "2026-03-16", future},
		}, KindUpdated, []string{"Friday 2026-03-13", "Monday 2026-03-16"}},
		{"the old date of a moved plan did not happen", []report{
			{"Gazette", "2026-03-27T10:00:00+01:00", "Europe/Oslo", "Nordlys Space will attempt the first launch of its Aurora rocket from Andoya on [Sunday].", "2026-03-29", future},
			{"Herald", "2026-03-30T08:00:00+02:00", "Europe/Oslo", "The launch of the Aurora rocket by Nordlys Space from Andoya had been set for [Sunday].", "2026-03-29", past},
			{"Post", "2026-03-30T09:00:00+02:00", "Europe/Oslo", "Nordlys Space has postponed the launch of its Aurora rocket from Andoya to [April 14].", "2026-04-14", past},
		}, KindUpdated, []string{"Sunday 2026-03-29", "Tuesday 2026-04-14"}},
		{"a vote postponed by the government", []report{
			{"Gazette", "2026-03-02T07:00:00+01:00", "Europe/Berlin", "The Bundestag will hold its final vote on the heating law on [Thursday].", "2026-03-05", future},
			{"Herald", "2026-03-04T19:00:00+01:00", "Europe/Berlin", "The government on Wednesday postponed the final Bundestag vote on its heating law to [next Tuesday].", "2026-03-10", past},
		}, KindUpdated, []string{"likely moved", "2026-03-02 07:00", "2026-03-04 19:00", "Thursday 2026-03-05", "Tuesday 2026-03-10"}},
		{"the day of a postponement is no reading of the verdict", []report{
			{"Gazette", "2026-04-06T18:00:00+02:00", "Europe/Madrid", "A Madrid court will deliver its verdict in the fraud trial of former mayor Luis Ortega on [Friday].", "2026-04-10", future},
			{"Herald", "2026-04-09T17:00:00+02:00", "Europe/Madrid", "A Madrid court on [Thursday] postponed its verdict in the fraud trial of former mayor Luis Ortega.", "2026-04-09", past},
			{"Post", "2026-04-09T19:00:00+02:00", "Europe/Madrid", "The verdict in the fraud trial of former mayor Luis Ortega is now expected on [April 24].", "2026-04-24", future},
		}, KindUpdated, []string{"Friday 2026-04-10", "Friday 2026-04-24"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tl, err := Merge(context.Background(), handDocs(t, tt.reports))
			if err != nil {
				t.Fatal(err)
			}
			if len(tl.Conflicts) != 1 {
				dumpTimeline(t, tl)
				t.Fatalf("want one %s conflict, got %d", tt.wantKind, len(tl.Conflicts))
			}
			c := tl.Conflicts[0]
			if c.Kind != tt.wantKind {
				t.Errorf("kind %q, want %q", c.Kind, tt.wantKind)
			}
			for _, w := range tt.wantSummary {
				if !strings.Contains(c.Summary, w) {
					t.Errorf("summary lacks %q:\n%s", w, c.Summary)
				}
			}
			for _, sd := range c.Sides {
				if m := tl.Mentions[sd.Mention]; m.Text == "Thursday" && strings.Contains(m.Sentence, "postponed") {
					t.Errorf("the postponement day %q is a side of %s", m.Text, c.ID)
				}
			}
		})
	}
}

// TestNewsDatePhrase: a clock time and its day in one phrase ("10:15
// a.m. CET on Tuesday"), two mentions, are one event.
func TestNewsDatePhrase(t *testing.T) {
	loc, err := time.LoadLocation("Europe/Brussels")
	if err != nil {
		t.Fatal(err)
	}
	body := "Debate on the budget resumes at 10:15 a.m. CET on Tuesday, the speaker told reporters on Friday."
	a := parse.Article{Source: "a.txt", Outlet: "Gazette", Loc: loc, Body: body, DateOnly: true, Published: time.Date(2026, 3, 7, 0, 0, 0, 0, loc)}
	mention := func(text, value string) parse.Mention {
		i := strings.Index(body, text)
		return parse.Mention{Text: text, Span: parse.Span{Start: i, End: i + len(text)}, Sentence: parse.Span{Start: 0, End: len(body)}, Value: valueOf(t, value, loc)}
	}
	ms := []parse.Mention{mention("10:15 a.m. CET", "2026-03-10"), mention("Tuesday", "2026-03-10"), mention("Friday", "2026-03-06")}
	clock := time.Date(2026, 3, 10, 10, 15, 0, 0, loc)
	ms[0].Value = parse.Value{Kind: parse.KindTime, TIMEX: "2026-03-10T10:15", When: parse.Interval{Start: clock, End: clock.Add(time.Minute), Gran: parse.GranMinute}}
	ms[2].Tense = parse.TensePast
	tl, err := Merge(context.Background(), []Doc{NewDoc(&a, ms)})
	if err != nil {
		t.Fatal(err)
	}
	if tl.Mentions[0].Event == "" || tl.Mentions[0].Event != tl.Mentions[1].Event {
		dumpTimeline(t, tl)
		t.Errorf("clock time in %q, day in %q: want one event", tl.Mentions[0].Event, tl.Mentions[1].Event)
	}
	if tl.Mentions[2].Event == tl.Mentions[0].Event {
		t.Errorf("the day it was said joined the debate event %q", tl.Mentions[0].Event)
	}
}

// TestClusterOrderIndependent shuffles the articles of the unseen-story
// clusters (tagged by the tagger): events, IDs and conflicts must come out
// the same whatever the input order.
func TestClusterOrderIndependent(t *testing.T) {
	dirs, err := filepath.Glob("../testdata/clusters/*")
	if err != nil {
		t.Fatal(err)
	}
	ex := parse.NewExtractor(parse.Options{})
	n := 0
	for _, dir := range dirs {
		files, err := filepath.Glob(filepath.Join(dir, "*.txt"))
		if err != nil || len(files) == 0 {
			continue
		}
		n++
		t.Run(filepath.Base(dir), func(t *testing.T) {
			var docs []Doc
			for _, f := range files {
				raw, err := os.ReadFile(f)
				if err != nil {
					t.Fatal(err)
				}
				a, err := parse.ReadArticle(f, raw, parse.ReadOptions{})
				if err != nil {
					t.Fatal(err)
				}
				docs = append(docs, Tag(ex, &a))
			}
			want := fingerprint(t, docs)
			r := rand.New(rand.NewPCG(3, 4))
			for k := range 5 {
				sh := slices.Clone(docs)
				r.Shuffle(len(sh), func(i, j int) { sh[i], sh[j] = sh[j], sh[i] })
				if got := fingerprint(t, sh); got != want {
					t.Fatalf("shuffle %d changed the result:\n%s\nwant\n%s", k, got, want)
				}
			}
		})
	}
	if n == 0 {
		t.Fatal("no clusters in ../testdata/clusters")
	}
}

// TestNewsInstants: reports of one instant from far-apart zones join
// without a shared name when they tell the same event word; a day that
// holds a clock time of the event joins it too, and a third outlet's other
// day is a conflict.
func TestNewsInstants(t *testing.T) {
	type art struct{ outlet, pub, zone, body string }
	tests := []struct {
		name     string
		arts     []art
		one      []string // mention texts that must share one event
		apart    []string // two mention texts that must not
		conflict bool
	}{
		{"the same minute in Seoul and Chicago", []art{
			{"Seoul Daily", "2026-06-13T08:00:00+09:00", "Asia/Seoul", "A Korean film crew was among those evacuated after the blaze was first reported at 3:40 p.m. Friday, the consulate said."},
			{"Lakefront Tribune", "2026-06-12T18:00:00-05:00", "America/Chicago", "The Elston Avenue warehouse fire was reported at 1:40 a.m. Friday near the rail yard."},
		}, []string{"3:40 p.m.", "1:40 a.m."}, nil, false},
		{"the same minute, different event words", []art{
			{"Seoul Daily", "2026-06-13T08:00:00+09:00", "Asia/Seoul", "A Korean film crew was among those evacuated after the blaze was first reported at 3:40 p.m. Friday, the consulate said."},
			{"Lakefront Tribune", "2026-06-12T18:00:00-05:00", "America/Chicago", "The Elston Avenue bridge was closed at 1:40 a.m. Friday for repairs."},
		}, nil, []string{"3:40 p.m.", "1:40 a.m."}, false},
		{"a day holding the clock time, and another day", []art{
			{"Seoul Daily", "2026-06-13T08:00:00+09:00", "Asia/Seoul", "A Korean film crew was among those evacuated after the blaze was first reported at 3:40 p.m. Friday, the consulate said."},
			{"Lakefront Tribune", "2026-06-12T18:00:00-05:00", "America/Chicago", "The Elston Avenue warehouse fire was reported at 1:40 a.m. Friday near the rail yard."},
			{"Harbour Times", "2026-06-20T09:00:00+10:00", "Australia/Brisbane", "The fire broke out early on Friday, June 12, and burned for two days."},
			{"Thames Courier", "2026-06-19T07:00:00Z", "Europe/London", "The fire, which started on June 10, destroyed the warehouse."},
		}, []string{"3:40 p.m.", "1:40 a.m.", "Friday, June 12"}, nil, true},
		{"a clock time in another zone keeps its written day", []art{
			{"Kyiv Business Daily", "2026-03-30T08:00:00+03:00", "Europe/Kyiv", "The statement was released at 11:30 p.m. Oslo time on Friday, after a day of tests."},
		}, []string{"11:30 p.m. Oslo time", "Friday"}, nil, false},
		{"a day that cannot hold the clock time in any zone", []art{
			{"Lakefront Tribune", "2026-06-12T18:00:00-05:00", "America/Chicago", "The Elston Avenue warehouse fire was reported at 11:20 p.m. Thursday and spread overnight."},
			{"Thames Courier", "2026-06-19T07:00:00Z", "Europe/London", "The warehouse fire, which started on June 10, destroyed the Elston Avenue depot."},
		}, nil, nil, true},
	}
	ex := parse.NewExtractor(parse.Options{})
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var docs []Doc
			for k, x := range tt.arts {
				loc, err := time.LoadLocation(x.zone)
				if err != nil {
					t.Fatal(err)
				}
				pub, err := time.Parse(time.RFC3339, x.pub)
				if err != nil {
					t.Fatal(err)
				}
				a := parse.Article{Source: string(rune('a'+k)) + ".txt", Outlet: x.outlet, Loc: loc, Published: pub.In(loc), Body: x.body}
				docs = append(docs, Tag(ex, &a))
			}
			tl, err := Merge(context.Background(), docs)
			if err != nil {
				t.Fatal(err)
			}
			event := func(text string) string {
				for _, m := range tl.Mentions {
					if m.Text == text || strings.HasSuffix(m.Text, " "+text) {
						return m.Event
					}
				}
				t.Fatalf("no mention %q", text)
				return ""
			}
			for _, x := range tt.one {
				if e, e0 := event(x), event(tt.one[0]); e == "" || e != e0 {
					dumpTimeline(t, tl)
					t.Errorf("%q in event %q, %q in %q: want one", x, e, tt.one[0], e0)
				}
			}
			if len(tt.apart) == 2 && event(tt.apart[0]) == event(tt.apart[1]) {
				dumpTimeline(t, tl)
				t.Errorf("%q and %q in one event", tt.apart[0], tt.apart[1])
			}
			if got := len(tl.Conflicts) > 0; got != tt.conflict {
				dumpTimeline(t, tl)
				t.Errorf("conflict: %v, want %v: %+v", got, tt.conflict, tl.Conflicts)
			}
		})
	}
}
