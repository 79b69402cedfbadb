package parse

import (
	"math"
	"reflect"
	"strings"
	"testing"
	"time"
)

// fastZones are zones whose calendars trap day arithmetic: DST at
// midnight (Santiago, Havana, Beirut, Gaza, Sao Paulo's past), half-hour
// DST (Lord Howe), skipped days (Apia 2011-12-30, Kiritimati
// 1994-12-31), negative DST (Dublin), odd offsets (Kathmandu, Chatham).
var fastZones = []string{"UTC", "America/New_York", "Australia/Sydney", "Australia/Lord_Howe", "America/Santiago", "America/Havana",
	"Asia/Beirut", "Asia/Gaza", "America/Sao_Paulo", "Pacific/Apia", "Pacific/Kiritimati", "Asia/Tehran", "Asia/Kathmandu",
	"Pacific/Chatham", "Africa/Casablanca", "Europe/Dublin", "Europe/London", "Asia/Kolkata"}

// loadZones loads names, failing the test when one does not load.
func loadZones(tb testing.TB, names []string) []*time.Location {
	tb.Helper()
	locs := make([]*time.Location, len(names))
	for i, n := range names {
		loc, err := time.LoadLocation(n)
		if err != nil {
			tb.Fatal(err)
		}
		locs[i] = loc
	}
	return locs
}

// zoneDays returns days of interest in loc: the days around its
// transitions from year from to 2027 and a few plain days.
func zoneDays(loc *time.Location, from int) []time.Time {
	var days []time.Time
	add := func(t time.Time) {
		y, m, d := t.In(loc).Date()
		for k := -2; k <= 2; k++ {
			days = append(days, time.Date(y, m, d+k, 0, 0, 0, 0, loc))
		}
	}
	for t := time.Date(from, 1, 1, 0, 0, 0, 0, loc); t.Year() < 2028; {
		_, end := t.ZoneBounds()
		if end.IsZero() {
			break
		}
		add(end)
		t = end
	}
	for _, t := range []time.Time{time.Date(2025, 12, 3, 0, 0, 0, 0, loc), time.Date(2024, 2, 29, 0, 0, 0, 0, loc), time.Date(1999, 12, 31, 0, 0, 0, 0, loc), time.Date(2011, 12, 29, 0, 0, 0, 0, loc), time.Date(1994, 12, 30, 0, 0, 0, 0, loc)} {
		add(t)
	}
	return days
}

// TestResolverFast checks the resolver's day-number fast paths
// (unitInterval, addDate, shift, anchorDate, timex, durTIMEX) against
// time.Date, AddDate, shift, timexOf and Duration.TIMEX3 (the same Time
// values, field for field, and the same strings), in zones with DST at
// midnight, half-hour DST, skipped days and odd offsets, around every
// transition, from resolvers whose zone period was set on different
// days.
func TestResolverFast(t *testing.T) {
	grans := []Granularity{GranDay, GranWeek, GranWeekend, GranMonth, GranQuarter, GranHalf, GranSeason, GranYear, GranDecade, GranCentury, GranUnknown, GranPartOfDay, GranHour}
	moves := [][3]int{{0, 0, 1}, {0, 0, -1}, {0, 0, 7}, {0, 0, -7}, {0, 0, 30}, {0, 1, 0}, {0, -1, 0}, {0, 3, 0}, {1, 0, 0}, {-1, 0, 0}, {10, 0, 0}, {-100, 0, 0}, {0, 0, 0}}
	fast := 0
	for zi, loc := range loadZones(t, fastZones) {
		t.Run(fastZones[zi], func(t *testing.T) {
			days := zoneDays(loc, 1993)
			for _, first := range []time.Time{days[0], days[len(days)/2], time.Date(2025, 12, 3, 0, 0, 0, 0, loc)} {
				r := resolver{loc: loc, tc: new(timexCache), anchor: first}
				r.zs = spanOf(first)
				for _, day := range days {
					for _, tt := range []time.Time{day, day.Add(13 * time.Hour), day.Add(-time.Second), day.In(time.UTC)} {
						if _, _, ok := r.dayNum(tt); ok {
							fast++
						}
						for _, g := range grans {
							got, want := r.unitInterval(tt, g), unitIntervalRef(loc, tt, g)
							if got != want {
								t.Fatalf("unitInterval(%v, %v) = %v, want %v", tt, g, got, want)
							}
							for range 2 { // the second call reads the cache
								if got, want := r.timex(want), timexOf(want); got != want {
									t.Fatalf("timex(%v) = %q, want %q", want, got, want)
								}
							}
							for _, n := range []int{1, -1, 3, 0} {
								if got, want := r.shift(tt, g, n), shift(tt, g, n); got != want {
									t.Fatalf("shift(%v, %v, %d) = %v, want %v", tt, g, n, got, want)
								}
							}
						}
						for _, mv := range moves {
							if got, want := r.addDate(tt, mv[0], mv[1], mv[2]), tt.AddDate(mv[0], mv[1], mv[2]); got != want {
								t.Fatalf("addDate(%v, %v) = %v, want %v", tt, mv, got, want)
							}
						}
					}
					r.anchor = day
					y, m, d, wd := r.anchorDate()
					wy, wm, wdd := day.Date()
					if y != wy || m != wm || d != wdd || wd != int(day.Weekday()) {
						t.Fatalf("anchorDate of %v = %d-%d-%d %d", day, y, m, d, wd)
					}
				}
			}
		})
	}
	if fast == 0 {
		t.Error("no instant took the day-number fast path")
	}
	t.Run("durations", func(t *testing.T) {
		r := resolver{loc: time.UTC, tc: new(timexCache)}
		var durs []Duration
		for _, u := range []Granularity{GranInstant, GranMinute, GranHour, GranPartOfDay, GranDay, GranWeekend, GranWeek, GranMonth, GranQuarter, GranSeason, GranHalf, GranYear, GranDecade, GranCentury, GranUnknown} {
			for _, a := range []float64{0, math.Copysign(0, -1), 1, 2, 3.5, 0.25, 1e6, 1e7, 90, -2} {
				durs = append(durs, Duration{Amount: a, Unit: u}, Duration{Amount: a, Unit: u, Unspecified: true})
			}
		}
		for range 3 {
			for _, d := range durs {
				if got, want := r.durTIMEX(d), d.TIMEX3(); got != want {
					t.Fatalf("durTIMEX(%+v) = %q, want %q", d, got, want)
				}
			}
		}
	})
}

// fastText holds expressions of every kind of the resolver (every op:
// TestExtractPlain checks that they all occur).
const fastText = `WASHINGTON

On Monday, officials said the vote was postponed to March 20. The talks will resume next week and end by the third quarter.
Last month sales fell 4 percent from a year earlier; two days later the minister resigned, and the day before he had met aides.
The summit is scheduled for Thursday at 3 p.m. local time, or 9 a.m. ET on Friday. Yesterday's storm hit the coast at 11:40 p.m.
The company plans to report in the fourth quarter of 2025 and in fiscal 2026, after a weak first half of 2024.
Prices rose in the 1990s and through the 20th century. The paper is printed every week and the index is updated daily.
He served for three years and spoke for half an hour this weekend. The rent is due on the 3rd. Shops open on Thanksgiving.
Last winter was mild; in spring the rains came. Ten days ago the rebels advanced; a week later they left. This time last year
the market was calm. Tomorrow morning the minister flies to Tokyo, and tonight she meets Lagos officials at 8 p.m. Tokyo time.
Inflation is currently high and has recently eased. Three months ago a deal collapsed. The board meets next Tuesday.
The strike began last Friday and ends this Wednesday. The report was released Dec. 3, after May 2024 and 2019.
Later that same day, and the following week, the envoy returned; the next month he resigned. In early March and mid-2022,
by 2030, and at the end of the decade, the plan stands. The meeting lasted 90 minutes, on Sunday, Nov. 30, at noon GMT.
Polls open on Sunday at 7 a.m. and the count starts at midnight. The market closes at 4 p.m. EST. In the past, many said so.
The quarter ended Sept. 30. Earlier this year, in the first three months of the year, output fell. Sales in the summer of 2023.
That week the talks stalled, and stocks ended the day higher. In the same month, and that year, prices fell.
`

// TestExtractPlain tags texts with the resolver's fast paths on and off
// (a plain resolver computes with time.Date, AddDate and Time.Date only)
// in zones whose calendars trap day arithmetic, published around their
// transitions: the mentions must be the same, value for value.
func TestExtractPlain(t *testing.T) {
	x := NewExtractor(Options{})
	px := NewExtractor(Options{})
	px.plainResolve = true
	ops := map[op]bool{}
	toks := x.lx.tokenizeRange(fastText, 0, len(fastText), nil)
	for _, c := range x.scan(fastText, toks, nil) {
		ops[c.sp.op] = true
	}
	for o := opAbs; o <= opMonthDay; o++ {
		if !ops[o] {
			t.Errorf("fastText has no expression of op %d", o)
		}
	}
	bodies := []string{fastText}
	for _, a := range benchArticles(t) {
		bodies = append(bodies, a.Body)
	}
	compare := func(t *testing.T, a Article) {
		t.Helper()
		// a fresh copy each: Extract must not depend on the last article
		want := px.Extract(&a)
		got := x.Extract(&a)
		if len(got) != len(want) {
			t.Fatalf("%d mentions, plain %d", len(got), len(want))
		}
		for i := range got {
			if !reflect.DeepEqual(got[i], want[i]) {
				t.Fatalf("mention %d: %s %v\nplain: %s %v", i, got[i], got[i].When, want[i], want[i].When)
			}
		}
	}
	n := 0
	for zi, loc := range loadZones(t, fastZones) {
		days := zoneDays(loc, 2008)
		for di, day := range days {
			if k := di % 5; k == 0 || k == 4 {
				continue // the days right around a transition (see zoneDays)
			}
			for _, clock := range []time.Duration{-1, 30 * time.Minute, 12 * time.Hour, 23*time.Hour + 30*time.Minute} {
				a := Article{Source: "fast", Loc: loc, Body: fastText, Published: day, DateOnly: clock < 0}
				if clock >= 0 {
					a.Published = day.Add(clock)
				}
				name := fastZones[zi] + "/" + a.Published.Format(time.RFC3339)
				t.Run(name, func(t *testing.T) { compare(t, a) })
				n++
				if di%100 == 2 && clock == 12*time.Hour {
					// the dev texts and seeds, on fewer days
					for bi, body := range bodies[1:] {
						b := a
						b.Body = body
						t.Run(name+"/"+strings.Repeat("b", 1+bi%3), func(t *testing.T) { compare(t, b) })
					}
				}
			}
		}
	}
	if n == 0 {
		t.Fatal("no article compared")
	}
}

// TestSameBaseSwitch checks the switches of classify against the tables
// they replace: isSameBase against sameBase, and edStop against its
// words and their near misses.
func TestSameBaseSwitch(t *testing.T) {
	for w := range sameBase {
		if !isSameBase(w) {
			t.Errorf("isSameBase(%q) = false", w)
		}
	}
	for _, w := range []string{"", "hits", "cuts", "said", "beaten", "Hit", "spreads", "need", "speed"} {
		if isSameBase(w) != sameBase[w] {
			t.Errorf("isSameBase(%q) = %v", w, isSameBase(w))
		}
	}
	for _, w := range []string{"need", "speed", "seed", "feed", "breed", "bed", "red", "shed", "proceed", "exceed", "succeed", "indeed", "hundred", "sacred", "naked", "wicked", "kindred", "steed", "greed", "weed", "creed", "deed", "reed", "tweed", "bleed", "heed", "embed", "shred", "bred", "led", "wed", "ted", "ned", "fred"} {
		if !edStop(w) {
			t.Errorf("edStop(%q) = false", w)
		}
	}
	for _, w := range []string{"", "needed", "killed", "reported", "sped", "fled", "Need", "proceeded", "embedded"} {
		if edStop(w) {
			t.Errorf("edStop(%q) = true", w)
		}
	}
}

// TestTokFrom checks tokFrom against the walk it replaces, from every
// start to every position of a text.
func TestTokFrom(t *testing.T) {
	x := NewExtractor(Options{})
	toks := x.lx.tokenizeRange(fastText, 0, len(fastText), nil)
	for lo := 0; lo <= len(toks); lo += 3 {
		for pos := 0; pos <= len(fastText)+1; pos += 7 {
			want := lo
			for want < len(toks) && int(toks[want].s) < pos {
				want++
			}
			if got := tokFrom(toks, lo, pos); got != want {
				t.Fatalf("tokFrom(%d, %d) = %d, want %d", lo, pos, got, want)
			}
		}
	}
}
