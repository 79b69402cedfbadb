package render

import (
	"strings"
	"testing"
	"time"

	"chronicle/parse"
	"chronicle/timeline"
)

// Probes that must stay inert wherever article text lands in the output.
var probes = []string{
	`</script><script>window.__pwned=1</script>`,
	`__f__function(){window.__pwned=2}__f__`,
	`<img src=x onerror="window.__pwned=3">`,
	`__f__(window.__pwned=4)__f__`,
	`javascript:window.__pwned=5`,
	`Outlet "Quoted" & 'Co'`,
}

func zone(t testing.TB, name string) *time.Location {
	t.Helper()
	loc, err := time.LoadLocation(name)
	if err != nil {
		t.Fatal(err)
	}
	return loc
}

// fixture builds a small timeline by hand: three outlets in three zones,
// a day, a clock time, a week, a month, a duration and a vague reference;
// one event reported by two outlets and a conflict between two of them.
// With probe != "" every text field carries it.
func fixture(t testing.TB, probe string) *timeline.Timeline {
	t.Helper()
	ny, mel, lon := zone(t, "America/New_York"), zone(t, "Australia/Melbourne"), zone(t, "Europe/London")
	p := func(s string) string {
		if probe == "" {
			return s
		}
		return s + " " + probe
	}
	tl := &timeline.Timeline{Sources: []timeline.Source{
		{Source: "a.txt", Outlet: p("Wire A"), Title: p("Talks end"), URL: "https://example.org/a?x=1&y=2", Published: time.Date(2025, 12, 3, 0, 0, 0, 0, ny), DateOnly: true, Zone: "America/New_York"},
		{Source: "b.txt", Outlet: p("Post B"), Title: p("Meeting set"), URL: "javascript:window.__pwned=6", Published: time.Date(2025, 12, 4, 8, 15, 0, 0, mel), Zone: "Australia/Melbourne"},
		{Source: "c.txt", Outlet: p("News C"), Title: p("Week of talks"), URL: p("http://example.com/c"), Published: time.Date(2025, 12, 3, 18, 30, 0, 0, lon), Zone: "Europe/London"},
	}}
	day := func(loc *time.Location, y int, m time.Month, d int) parse.Interval {
		s := time.Date(y, m, d, 0, 0, 0, 0, loc)
		return parse.Interval{Start: s, End: s.AddDate(0, 0, 1), Gran: parse.GranDay}
	}
	add := func(doc int, sentence, expr, timex string, kind parse.Kind, iv parse.Interval, dur parse.Duration) int {
		sentence = p(sentence)
		a := strings.Index(sentence, expr)
		if a < 0 {
			t.Fatalf("%q not in %q", expr, sentence)
		}
		base := 100 * len(tl.Mentions)
		tl.Mentions = append(tl.Mentions, timeline.Mention{
			Mention: parse.Mention{
				Text: expr, Span: parse.Span{Start: base + a, End: base + a + len(expr)},
				Sentence: parse.Span{Start: base, End: base + len(sentence)},
				Value:    parse.Value{Kind: kind, TIMEX: timex, When: iv, Dur: dur},
			},
			Doc: doc, Sentence: sentence,
		})
		return len(tl.Mentions) - 1
	}
	t1 := time.Date(2025, 12, 2, 16, 20, 0, 0, ny)
	week := time.Date(2025, 12, 1, 0, 0, 0, 0, lon)
	nov := time.Date(2025, 11, 1, 0, 0, 0, 0, mel)
	m0 := add(0, "Envoys met Putin on Tuesday in the Kremlin.", "Tuesday", "2025-12-02", parse.KindDate, day(ny, 2025, 12, 2), parse.Duration{})
	m1 := add(0, "They are due to meet Umerov on Thursday.", "Thursday", "2025-12-04", parse.KindDate, day(ny, 2025, 12, 4), parse.Duration{})
	add(0, "The talks began at 4.20pm.", "4.20pm", "2025-12-02T16:20", parse.KindTime, parse.Interval{Start: t1, End: t1.Add(time.Minute), Gran: parse.GranMinute}, parse.Duration{})
	m3 := add(1, "The envoys will meet Umerov on Friday in Miami.", "Friday", "2025-12-05", parse.KindDate, day(mel, 2025, 12, 5), parse.Duration{})
	m4 := add(1, "Putin met the envoys on Tuesday night.", "Tuesday", "2025-12-02", parse.KindDate, day(mel, 2025, 12, 2), parse.Duration{})
	add(1, "Talks were planned last month.", "last month", "2025-11", parse.KindDate, parse.Interval{Start: nov, End: nov.AddDate(0, 1, 0), Gran: parse.GranMonth}, parse.Duration{})
	add(2, "Diplomacy intensified this week.", "this week", "2025-W49", parse.KindDate, parse.Interval{Start: week, End: week.AddDate(0, 0, 7), Gran: parse.GranWeek}, parse.Duration{})
	add(2, "The war has lasted nearly four years.", "nearly four years", "P4Y", parse.KindDuration, parse.Interval{}, parse.Duration{Amount: 4, Unit: parse.GranYear})
	add(2, "Officials said a deal could come soon.", "soon", "FUTURE_REF", parse.KindDate, parse.Interval{}, parse.Duration{})
	furn := add(2, "Sign up for our newsletter every Friday.", "every Friday", "XXXX-WXX-5", parse.KindSet, parse.Interval{}, parse.Duration{})
	tl.Mentions[furn].Furniture = true
	tl.Mentions[furn].Mod = ""

	tl.Events = []timeline.Event{
		{ID: "E1", Label: p("meet Putin envoys"), When: day(ny, 2025, 12, 2), Mentions: []int{m0, m4}, Outlets: []string{tl.Sources[0].Outlet, tl.Sources[1].Outlet}, Support: 2},
		{ID: "E2", Label: p("meet Umerov"), When: day(ny, 2025, 12, 4), Mentions: []int{m1, m3}, Outlets: []string{tl.Sources[0].Outlet, tl.Sources[1].Outlet}, Support: 2, Conflict: []string{"C1"}},
	}
	for _, i := range []int{m0, m4} {
		tl.Mentions[i].Event = "E1"
	}
	for _, i := range []int{m1, m3} {
		tl.Mentions[i].Event = "E2"
		tl.Mentions[i].Conflicts = []string{"C1"}
	}
	tl.Conflicts = []timeline.Conflict{{ID: "C1", Event: "E2", Kind: "date", Summary: p("Thursday vs Friday for the Umerov meeting"), Sides: []timeline.Side{{Mention: m1}, {Mention: m3}}}}
	return tl
}

// generated builds a timeline of about n placed mentions from generated
// articles: outlets in several zones, ten mentions per article, most of
// them days near the articles' publication, some clock times, weeks,
// months and years; every fifth mention is merged into an event shared by
// several outlets and one event in fifty has a conflict. Deterministic.
func generated(t testing.TB, n int) *timeline.Timeline {
	t.Helper()
	zones := []string{"America/New_York", "Europe/London", "Australia/Melbourne", "Asia/Tokyo", "Europe/Berlin", "UTC"}
	outlets := []string{"Agence Wire", "Daily Ledger", "Morning Post", "Evening Star", "Harbour Times", "Capital Report", "Northern Echo", "Global Desk", "Valley News", "Metro Herald", "Coastal Tribune", "City Bulletin"}
	words := strings.Fields("officials said the talks between negotiators would resume after a pause while ministers met envoys in the capital to discuss the proposal ceasefire sanctions aid vote parliament summit court ruling election")
	seed := uint64(12345)
	rnd := func(k int) int { // xorshift: deterministic, no global state
		seed ^= seed << 13
		seed ^= seed >> 7
		seed ^= seed << 17
		return int(seed % uint64(k))
	}
	tl := &timeline.Timeline{}
	base := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	var eventMents []int
	for len(tl.Mentions) < n {
		doc := len(tl.Sources)
		loc := zone(t, zones[doc%len(zones)])
		o := outlets[rnd(len(outlets))]
		// publication dates cluster: most in a 60-day stretch, some over two years
		var pub time.Time
		if rnd(4) == 0 {
			pub = base.AddDate(0, 0, rnd(730))
		} else {
			pub = base.AddDate(1, 5, rnd(60))
		}
		pub = time.Date(pub.Year(), pub.Month(), pub.Day(), 6+rnd(14), rnd(60), 0, 0, loc)
		tl.Sources = append(tl.Sources, timeline.Source{Source: "gen-" + itoa(doc) + ".txt", Outlet: o, Title: "Story " + itoa(doc), Published: pub, Zone: loc.String()})
		for k := 0; k < 10 && len(tl.Mentions) < n; k++ {
			var sb strings.Builder
			for w := 0; w < 22; w++ {
				sb.WriteString(words[rnd(len(words))])
				sb.WriteByte(' ')
			}
			d := time.Date(pub.Year(), pub.Month(), pub.Day()-rnd(10), 0, 0, 0, 0, loc)
			var iv parse.Interval
			var expr, timex string
			switch g := rnd(20); {
			case g < 14:
				iv = parse.Interval{Start: d, End: d.AddDate(0, 0, 1), Gran: parse.GranDay}
				expr, timex = d.Weekday().String(), d.Format("2006-01-02")
			case g < 16:
				s := d.Add(time.Duration(8+rnd(12)) * time.Hour)
				iv = parse.Interval{Start: s, End: s.Add(time.Minute), Gran: parse.GranMinute}
				expr, timex = s.Format("3.04pm"), s.Format("2006-01-02T15:04")
			case g < 18:
				s := d.AddDate(0, 0, -int((d.Weekday()+6)%7))
				iv = parse.Interval{Start: s, End: s.AddDate(0, 0, 7), Gran: parse.GranWeek}
				y, w := s.ISOWeek()
				expr, timex = "this week", itoa(y)+"-W"+itoa(w)
			case g < 19:
				s := time.Date(d.Year(), d.Month(), 1, 0, 0, 0, 0, loc)
				iv = parse.Interval{Start: s, End: s.AddDate(0, 1, 0), Gran: parse.GranMonth}
				expr, timex = "in "+s.Month().String(), s.Format("2006-01")
			default:
				s := time.Date(d.Year()-1, 1, 1, 0, 0, 0, 0, loc)
				iv = parse.Interval{Start: s, End: s.AddDate(1, 0, 0), Gran: parse.GranYear}
				expr, timex = "in "+itoa(s.Year()), itoa(s.Year())
			}
			sent := strings.ToUpper(sb.String()[:1]) + sb.String()[1:] + "on " + expr + "."
			a := strings.LastIndex(sent, expr)
			off := 1000 * k
			tl.Mentions = append(tl.Mentions, timeline.Mention{
				Mention: parse.Mention{Text: expr, Span: parse.Span{Start: off + a, End: off + a + len(expr)}, Sentence: parse.Span{Start: off, End: off + len(sent)},
					Value: parse.Value{Kind: parse.KindDate, TIMEX: timex, When: iv}},
				Doc: doc, Sentence: sent,
			})
			if len(tl.Mentions)%5 == 0 && iv.Gran == parse.GranDay {
				eventMents = append(eventMents, len(tl.Mentions)-1)
			}
		}
	}
	for i := 0; i+2 < len(eventMents); i += 3 {
		id := "E" + itoa(len(tl.Events)+1)
		ms := eventMents[i : i+3]
		e := timeline.Event{ID: id, Label: "talks resume " + id, When: tl.Mentions[ms[0]].When, Mentions: ms}
		for _, mi := range ms {
			tl.Mentions[mi].Event = id
			e.Outlets = append(e.Outlets, tl.Sources[tl.Mentions[mi].Doc].Outlet)
		}
		if len(tl.Events)%50 == 0 {
			cid := "C" + itoa(len(tl.Conflicts)+1)
			e.Conflict = []string{cid}
			tl.Conflicts = append(tl.Conflicts, timeline.Conflict{ID: cid, Event: id, Kind: "date", Summary: "dates differ", Sides: []timeline.Side{{Mention: ms[0]}, {Mention: ms[1]}}})
			tl.Mentions[ms[0]].Conflicts = []string{cid}
			tl.Mentions[ms[1]].Conflicts = []string{cid}
		}
		tl.Events = append(tl.Events, e)
	}
	return tl
}
