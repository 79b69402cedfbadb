package parse

import (
	"strings"
	"testing"
	"time"
)

// tcase is one construction: the text marks the expected TIMEX3 extent
// with [brackets]; pub and zone default to Wednesday 2025-12-03 in
// America/New_York. An empty typ means the text holds no expression at
// all (a trap).
type tcase struct {
	name string
	pub  string
	zone string
	text string
	typ  string // DATE, TIME, DURATION, SET; "" = no mention expected
	val  string
	mod  string
}

const defPub, defZone = "2025-12-03", "America/New_York"

// stripBrackets removes the [ ] markers and returns the span they marked.
func stripBrackets(s string) (string, Span, bool) {
	i := strings.IndexByte(s, '[')
	j := strings.IndexByte(s, ']')
	if i < 0 || j < i {
		return s, Span{}, false
	}
	return s[:i] + s[i+1:j] + s[j+1:], Span{i, j - 1}, true
}

func caseArticle(tb testing.TB, pub, zone, body string) Article {
	tb.Helper()
	if pub == "" {
		pub = defPub
	}
	if zone == "" {
		zone = defZone
	}
	loc, err := time.LoadLocation(zone)
	if err != nil {
		tb.Fatal(err)
	}
	t, dateOnly, err := ParsePublished(pub, loc)
	if err != nil {
		tb.Fatal(err)
	}
	return Article{Source: "case", Published: t.In(loc), DateOnly: dateOnly, Loc: loc, Body: body}
}

// mark re-inserts brackets around what the extractor found, for messages.
func mark(body string, ms []Mention) string {
	var b strings.Builder
	last := 0
	for _, m := range ms {
		b.WriteString(body[last:m.Span.Start])
		b.WriteString("[" + body[m.Span.Start:m.Span.End] + "]")
		last = m.Span.End
	}
	b.WriteString(body[last:])
	return b.String()
}

func runCases(t *testing.T, cases []tcase) {
	t.Helper()
	x := NewExtractor(Options{})
	seen := map[string]bool{}
	for _, c := range cases {
		if seen[c.name] {
			t.Fatalf("duplicate case name %q", c.name)
		}
		seen[c.name] = true
		t.Run(c.name, func(t *testing.T) {
			body, want, ok := stripBrackets(c.text)
			a := caseArticle(t, c.pub, c.zone, body)
			ms := x.Extract(&a)
			if c.typ == "" {
				if len(ms) != 0 {
					t.Fatalf("want no expression, got %s", mark(body, ms))
				}
				return
			}
			if !ok {
				t.Fatalf("case text has no [brackets]")
			}
			var got *Mention
			for i := range ms {
				if ms[i].Span.Start < want.End && want.Start < ms[i].Span.End {
					got = &ms[i]
					break
				}
			}
			if got == nil {
				t.Fatalf("missed %q: got %s", body[want.Start:want.End], mark(body, ms))
			}
			if got.Span != want {
				t.Errorf("extent: got %s, want %s", mark(body, []Mention{*got}), c.text)
			}
			if got.Kind.TIMEX3Type() != c.typ || got.TIMEX != c.val {
				t.Errorf("value: got %s %s, want %s %s (%s; rule %s, tense %s %q)", got.Kind.TIMEX3Type(), got.TIMEX, c.typ, c.val, mark(body, []Mention{*got}), got.Rule, got.Tense, got.Signal)
			}
			if got.Mod != c.mod {
				t.Errorf("mod: got %q, want %q", got.Mod, c.mod)
			}
			if got.Text != body[got.Span.Start:got.Span.End] {
				t.Errorf("Text %q does not match its span", got.Text)
			}
		})
	}
}

// TestCases covers every construction of the tagger (issue 4), published
// Wednesday 2025-12-03 in New York unless a case says otherwise.
func TestCases(t *testing.T) {
	D, T, U, S := "DATE", "TIME", "DURATION", "SET"
	runCases(t, []tcase{
		// weekdays, tense-aware
		{name: "weekday/said-same-day", text: "Trump said [Wednesday] he believes Putin wants peace.", typ: D, val: "2025-12-03"},
		{name: "weekday/past-resigned", text: "The chief of staff resigned on [Friday] after a raid.", typ: D, val: "2025-11-28"},
		{name: "weekday/past-met", text: "The envoys met Putin at the Kremlin on [Tuesday].", typ: D, val: "2025-12-02"},
		{name: "weekday/future-will", text: "They will meet Umerov in Florida on [Thursday].", typ: D, val: "2025-12-04"},
		{name: "weekday/future-scheduled", text: "They are scheduled to meet in Florida on [Thursday].", typ: D, val: "2025-12-04"},
		{name: "weekday/future-due", text: "The vote is due on [Saturday].", typ: D, val: "2025-12-06"},
		{name: "weekday/clause-past", text: "Trump said [Wednesday] that Witkoff and Kushner will meet Umerov on Thursday.", typ: D, val: "2025-12-03"},
		{name: "weekday/clause-future", text: "Trump said Wednesday that Witkoff and Kushner will meet Umerov on [Thursday].", typ: D, val: "2025-12-04"},
		{name: "weekday/fronted-past", text: "On [Sunday], officials met in Miami.", typ: D, val: "2025-11-30"},
		{name: "weekday/fronted-future", text: "On [Friday], the ministers will meet again.", typ: D, val: "2025-12-05"},
		{name: "weekday/no-signal-past", text: "Talks in Miami on [Sunday].", typ: D, val: "2025-11-30"},
		{name: "weekday/as-soon-as", text: "They could meet a delegation as soon as [Wednesday].", typ: D, val: "2025-12-03"},
		{name: "weekday/until", text: "Markets will stay closed until [Friday].", typ: D, val: "2025-12-05"},
		{name: "weekday/last", text: "The deal was signed [last Friday].", typ: D, val: "2025-11-28"},
		{name: "weekday/next", text: "The court rules [next Tuesday].", typ: D, val: "2025-12-09"},
		{name: "weekday/this", text: "The summit opens [this Friday].", typ: D, val: "2025-12-05"},
		{name: "weekday/early", text: "A Kremlin aide said [early Wednesday] that no deal was found.", typ: D, val: "2025-12-03", mod: "START"},
		{name: "weekday/morning", text: "It happened on [Friday morning].", typ: T, val: "2025-11-28TMO"},
		{name: "weekday/evening", text: "He spoke on [Wednesday evening].", typ: T, val: "2025-12-03TEV"},
		{name: "weekday/possessive", text: "[Saturday]'s attack killed ten people.", typ: D, val: "2025-11-29"},
		{name: "weekday/with-date", text: "The election was held on [Sunday, November 30, 2025].", typ: D, val: "2025-11-30"},
		{name: "weekday/to-be-held", text: "A hearing is to be held on [Monday].", typ: D, val: "2025-12-08"},
		{name: "weekday/would", text: "He said the team would travel on [Saturday].", typ: D, val: "2025-12-06"},
		{name: "weekday/headline-to", text: "Apple to unveil new iPhone on [Tuesday]", typ: D, val: "2025-12-09"},
		{name: "weekday/participle-to", pub: "2025-12-04", text: "Speaking to reporters in the Oval Office on [Wednesday], Trump said Putin wants a deal.", typ: D, val: "2025-12-03"},
		{name: "weekday/went-to", text: "He went to see Putin on [Tuesday].", typ: D, val: "2025-12-02"},
		{name: "weekday/perfect", text: "She has resigned on [Monday].", typ: D, val: "2025-12-01"},
		{name: "weekday/passive-past", text: "The law was passed on [Tuesday].", typ: D, val: "2025-12-02"},
		{name: "weekday/passive-future", text: "The law will be passed on [Tuesday].", typ: D, val: "2025-12-09"},
		// months and full dates
		{name: "month/past", text: "He had a heated meeting in the Oval Office in [February].", typ: D, val: "2025-02"},
		{name: "month/future", text: "The two leaders will meet again in [February].", typ: D, val: "2026-02"},
		{name: "month/current", text: "Prices rose in [December].", typ: D, val: "2025-12"},
		{name: "month/fronted", text: "In [November], information emerged about a leaked draft.", typ: D, val: "2025-11"},
		{name: "month/with-year", text: "The invasion began in [February 2022].", typ: D, val: "2022-02"},
		{name: "month/of-year", text: "It was founded in [March of 1998].", typ: D, val: "1998-03"},
		{name: "month/mdy", text: "The report is dated [December 3, 2024].", typ: D, val: "2024-12-03"},
		{name: "month/dmy", text: "The report is dated [3 December 2024].", typ: D, val: "2024-12-03"},
		{name: "month/abbr", text: "Shares fell on [Dec. 1].", typ: D, val: "2025-12-01"},
		{name: "month/abbr-no-period", text: "Shares fell on [Nov 30].", typ: D, val: "2025-11-30"},
		{name: "month/ordinal-suffix", text: "The report of [April 2nd] was cited.", typ: D, val: "2025-04-02"},
		{name: "month/ordinal-of", text: "The vote took place on [the 3rd of November].", typ: D, val: "2025-11-03"},
		{name: "month/day-future", text: "The software will be available on [March 5].", typ: D, val: "2026-03-05"},
		{name: "month/day-past", text: "The company said on [March 5] that sales fell.", typ: D, val: "2025-03-05"},
		{name: "month/day-near-future", text: "Apple has an event on [December 10].", typ: D, val: "2025-12-10"},
		{name: "month/day-nearest-ahead", pub: "2025-01-22", text: "Voters go to the polls on [May 7].", typ: D, val: "2025-05-07"},
		{name: "month/day-nearest-behind", pub: "2025-01-22", text: "The floods of [November 30] left thousands homeless.", typ: D, val: "2024-11-30"},
		{name: "month/for-month", text: "His trial is set for [March].", typ: D, val: "2026-03"},
		{name: "month/mid", text: "Fighting intensified in [mid-March].", typ: D, val: "2025-03", mod: "MID"},
		{name: "month/early", text: "Talks collapsed in [early November].", typ: D, val: "2025-11", mod: "START"},
		{name: "month/last-name", text: "Inflation peaked [last March].", typ: D, val: "2025-03"},
		{name: "month/next-name", text: "Elections are held [next May].", typ: D, val: "2026-05"},
		{name: "month/may-month", text: "The law took effect in [May].", typ: D, val: "2025-05"},
		{name: "month/comma-year", text: "Jobs was born on [February 24, 1955], in San Francisco.", typ: D, val: "1955-02-24"},
		{name: "month/no-comma-year", text: "An increase of 54 points from [March 12 2009] was seen.", typ: D, val: "2009-03-12"},
		{name: "month/end-of", text: "Troops will leave by [the end of March].", typ: D, val: "2026-03", mod: "END"},
		// relative units
		{name: "rel/last-month", text: "The advance gathered pace [last month].", typ: D, val: "2025-11"},
		{name: "rel/next-month", text: "The plan takes effect [next month].", typ: D, val: "2026-01"},
		{name: "rel/this-month", text: "Sales rose [this month].", typ: D, val: "2025-12"},
		{name: "rel/later-this-month", text: "Leaders will decide [later this month].", typ: D, val: "2025-12"},
		{name: "rel/last-year", text: "Output fell [last year].", typ: D, val: "2024"},
		{name: "rel/next-year", text: "Elections are due [next year].", typ: D, val: "2026"},
		{name: "rel/this-year", text: "Growth slowed [this year].", typ: D, val: "2025"},
		{name: "rel/earlier-this-year", text: "He visited Kyiv [earlier this year].", typ: D, val: "2025"},
		{name: "rel/late-last-year", text: "The company was sold [late last year].", typ: D, val: "2024", mod: "END"},
		{name: "rel/so-far-this-year", text: "The index has gained 12% so far [this year].", typ: D, val: "2025"},
		{name: "rel/this-year-possessive", text: "At [this year]'s conference Jobs spoke.", typ: D, val: "2025"},
		{name: "rel/last-week", text: "Claims rose 15,000 [last week].", typ: D, val: "2025-W48"},
		{name: "rel/next-week", text: "The court rules [next week].", typ: D, val: "2025-W50"},
		{name: "rel/this-week", text: "Peace talks in Moscow [this week] failed.", typ: D, val: "2025-W49"},
		{name: "rel/earlier-this-week", text: "Putin gave a stark warning [earlier this week].", typ: D, val: "2025-W49"},
		{name: "rel/earlier-this-week-fronted", text: "[Earlier this week], Moscow claimed Pokrovsk.", typ: D, val: "2025-W49"},
		{name: "rel/later-this-week", text: "A vote is expected [later this week].", typ: D, val: "2025-W49"},
		{name: "rel/this-weekend", text: "Protests are planned [this weekend].", typ: D, val: "2025-W49-WE"},
		{name: "rel/last-weekend", text: "Protests took place [last weekend].", typ: D, val: "2025-W48-WE"},
		{name: "rel/the-weekend-past", text: "Many meetings took place during [the weekend].", typ: D, val: "2025-W48-WE"},
		{name: "rel/the-weekend-future", text: "Ministers will meet over [the weekend].", typ: D, val: "2025-W49-WE"},
		{name: "rel/this-time-last-year", text: "Prices were lower [this time last year].", typ: D, val: "2024-12-03"},
		{name: "rel/the-past-decade", text: "It was the largest conference in [the past decade].", typ: U, val: "P10Y"},
		{name: "rel/this-decade", text: "Growth will slow in [this decade].", typ: D, val: "202"},
		// quarters, halves, seasons, decades, centuries, fiscal years
		{name: "quarter/the-fourth", text: "Home foreclosures rose in [the fourth quarter].", typ: D, val: "2025-Q4"},
		{name: "quarter/prev-year", pub: "2007-03-13", text: "Foreclosures rose in [the fourth quarter] to their highest level.", typ: D, val: "2006-Q4"},
		{name: "quarter/of-year", text: "Profit fell in [the first quarter of 2024].", typ: D, val: "2024-Q1"},
		{name: "quarter/of-this-year", text: "It lost $2 billion in [the third quarter of this year].", typ: D, val: "2025-Q3"},
		{name: "quarter/the-last", text: "Profits rose during [the last quarter].", typ: D, val: "2025-Q3"},
		{name: "quarter/next", text: "Sales should recover [next quarter].", typ: D, val: "2026-Q1"},
		{name: "quarter/digit-ordinal", text: "Revenue grew in [the 2nd quarter].", typ: D, val: "2025-Q2"},
		{name: "quarter/hyphen-adjective", text: "The bank reported a [fourth-quarter] loss.", typ: D, val: "2025-Q4"},
		{name: "half/of-year", text: "Output grew in [the first half of 2025].", typ: D, val: "2025-H1"},
		{name: "half/second", text: "Output shrank in [the second half].", typ: D, val: "2025-H2"},
		{name: "season/this-summer", text: "The dam was finished [this summer].", typ: D, val: "2025-SU"},
		{name: "season/last-winter", text: "Gas ran short [last winter].", typ: D, val: "2024-WI"},
		{name: "season/next-spring", text: "Elections will be held [next spring].", typ: D, val: "2026-SP"},
		{name: "season/with-year", text: "The offensive began in [summer 2024].", typ: D, val: "2024-SU"},
		{name: "season/of-year", text: "The offensive began in [the winter of 2022].", typ: D, val: "2022-WI"},
		{name: "season/in-the-autumn", text: "The ministers met in [the autumn].", typ: D, val: "2025-FA"},
		{name: "season/fall-year", text: "The film opens in [fall 2026].", typ: D, val: "2026-FA"},
		{name: "decade/1990s", text: "The economy boomed in [the 1990s].", typ: D, val: "199"},
		{name: "decade/apostrophe", text: "The economy boomed in [the '90s].", typ: D, val: "199"},
		{name: "decade/early", text: "Prices fell in [the early 2000s].", typ: D, val: "200", mod: "START"},
		{name: "century/20th", text: "It was the worst war of [the 20th century].", typ: D, val: "19"},
		{name: "century/21st", text: "It is the defining issue of [the 21st century].", typ: D, val: "20"},
		{name: "year/bare", text: "He fought cancer in [2004] and recovered.", typ: D, val: "2004"},
		{name: "year/adjective", text: "The [1991] agreement barred Apple from music.", typ: D, val: "1991"},
		{name: "year/two-digit", text: "The Nikkei is at its lowest level since ['82].", typ: D, val: "1982"},
		{name: "year/mid", text: "It will be released in [mid-2011].", typ: D, val: "2011", mod: "MID"},
		{name: "year/early", text: "He took six months off in [early 2009].", typ: D, val: "2009", mod: "START"},
		{name: "year/end-of", text: "The plant closes at [the end of 2026].", typ: D, val: "2026", mod: "END"},
		{name: "year/beginning-of-the-year", text: "It overtook Wal-Mart at [the beginning of the year].", typ: D, val: "2025", mod: "START"},
		{name: "fiscal/fiscal-year", text: "Revenue rose in [fiscal 2024].", typ: D, val: "FY2024"},
		{name: "fiscal/fy", text: "Guidance for [FY2026] was cut.", typ: D, val: "FY2026"},
		{name: "fiscal/fiscal-year-n", text: "The budget for [fiscal year 2026] passed.", typ: D, val: "FY2026"},
		// numeric dates
		{name: "numeric/iso", text: "The filing is dated [2024-12-03].", typ: D, val: "2024-12-03"},
		{name: "numeric/us-unambiguous", text: "The filing is dated [12/25/2024].", typ: D, val: "2024-12-25"},
		{name: "numeric/eu-unambiguous", text: "The filing is dated [25/12/2024].", typ: D, val: "2024-12-25"},
		// parts of day and clock times
		{name: "pod/this-morning", text: "Apple announced [this morning] that prices fall.", typ: T, val: "2025-12-03TMO"},
		{name: "pod/this-afternoon", text: "The minister will speak [this afternoon].", typ: T, val: "2025-12-03TAF"},
		{name: "pod/tonight", text: "The president speaks [tonight].", typ: T, val: "2025-12-03TNI"},
		{name: "pod/last-night", text: "Explosions were heard [last night].", typ: T, val: "2025-12-02TNI"},
		{name: "pod/yesterday-afternoon", text: "The fire started [yesterday afternoon].", typ: T, val: "2025-12-02TAF"},
		{name: "pod/tomorrow-morning", text: "Polls open [tomorrow morning].", typ: T, val: "2025-12-04TMO"},
		{name: "clock/pm-et", text: "The market closed at [4.20pm ET].", typ: T, val: "2025-12-03T16:20-05:00"},
		{name: "clock/gmt", text: "The strike hit at [0117 GMT].", typ: T, val: "2025-12-03T01:17Z"},
		{name: "clock/local", text: "The blast came at [14:30 local time].", typ: T, val: "2025-12-03T14:30"},
		{name: "clock/utc", text: "The Dow was down 2.62% at [16:08 UTC].", typ: T, val: "2025-12-03T16:08Z"},
		{name: "clock/hhmm-utc", text: "At [0800 UTC], the Bank of Canada cut rates.", typ: T, val: "2025-12-03T08:00Z"},
		{name: "clock/pm-dots", text: "The meeting starts at [5 p.m.] in the capital.", typ: T, val: "2025-12-03T17:00"},
		{name: "clock/midnight-am-minutes", pub: "2026-03-10", zone: "America/New_York", text: "The blast was first reported at [12:40 a.m.] near the port.", typ: T, val: "2026-03-10T00:40"},
		{name: "clock/midnight-am-hour", pub: "2026-03-10", zone: "America/New_York", text: "The curfew began at [12 a.m.] in the capital.", typ: T, val: "2026-03-10T00:00"},
		{name: "clock/midnight-am-dotted", pub: "2026-03-10", zone: "Europe/London", text: "Polls closed at [12.30am] across the country.", typ: T, val: "2026-03-10T00:30"},
		{name: "clock/noon-pm", pub: "2026-03-10", zone: "America/New_York", text: "The vote opened at [12:15 p.m.] in the chamber.", typ: T, val: "2026-03-10T12:15"},
		{name: "clock/am-est", text: "Trading opened at [9:30 a.m. EST] sharp.", typ: T, val: "2025-12-03T09:30-05:00"},
		{name: "clock/et-summer", pub: "2025-07-01", text: "The speech begins at [3pm ET] today.", typ: T, val: "2025-07-01T15:00-04:00"},
		{name: "clock/no-zone", text: "Polls close at [8:00 pm] tonight.", typ: T, val: "2025-12-03T20:00"},
		{name: "clock/local-place-in-sentence", text: "The blast hit Kyiv at [14:30 local time] on Monday.", typ: T, val: "2025-12-01T14:30+02:00"},
		{name: "clock/local-dateline", text: "KYIV\n\nSirens sounded at [0300 local time].", typ: T, val: "2025-12-03T03:00+02:00"},
		{name: "clock/attached-weekday", text: "The offer expired at [5 p.m. EST] Monday.", typ: T, val: "2025-12-01T17:00-05:00"},
		{name: "clock/attached-date", text: "On December 1, 2025 at [14:30 GMT] the blast came.", typ: T, val: "2025-12-01T14:30Z"},
		{name: "anchored/a-year-earlier-after-money", text: "Profit rose on Monday from $1.2 billion [a year earlier].", typ: D, val: "2024"},
		{name: "season/this-past", text: "[This past summer], the firm hired 200 workers.", typ: D, val: "2025-SU"},
		{name: "decade/end-of-the-decade", text: "The plant will close by [the end of the decade].", typ: D, val: "202", mod: "END"},
		{name: "year/early-year", text: "The treaty was signed in [1648].", typ: D, val: "1648"},
		{name: "clock/noon", text: "The deadline passed at [noon] on Tuesday.", typ: T, val: "2025-12-02T12:00"},
		// deictic and vague references
		{name: "deictic/yesterday", text: "Jobs died [yesterday] at the age of 56.", typ: D, val: "2025-12-02"},
		{name: "deictic/today", text: "Apple [today] unveiled a phone.", typ: D, val: "2025-12-03"},
		{name: "deictic/today-capital", text: "[Today] marked a day in history.", typ: D, val: "2025-12-03"},
		{name: "deictic/tomorrow", text: "Voting begins [tomorrow].", typ: D, val: "2025-12-04"},
		{name: "deictic/earlier-today", text: "It rose slightly from [earlier today].", typ: D, val: "2025-12-03"},
		{name: "deictic/now", text: "The iPod nano is [now] smaller.", typ: D, val: "PRESENT_REF"},
		{name: "deictic/right-now", text: "They have a lot against them [right now].", typ: D, val: "PRESENT_REF"},
		{name: "deictic/currently", text: "The store [currently] sells music.", typ: D, val: "PRESENT_REF"},
		{name: "deictic/recently", text: "It has [recently] begun to sell films.", typ: D, val: "PAST_REF"},
		{name: "deictic/more-recently", text: "It sells songs, and [more recently] films.", typ: D, val: "PAST_REF"},
		{name: "vague/recent-days", text: "Putin has said in [recent days] that Moscow is ready.", typ: D, val: "PAST_REF"},
		{name: "vague/recent-weeks", text: "Successes on the battlefield in [recent weeks] helped.", typ: D, val: "PAST_REF"},
		{name: "vague/recent-years", text: "It was among the biggest losses in [recent years].", typ: D, val: "PAST_REF"},
		{name: "vague/the-last-weeks", text: "They have spent [the last weeks] amending the plan.", typ: D, val: "PAST_REF"},
		{name: "vague/future", text: "Prices may rise in [the future].", typ: D, val: "FUTURE_REF"},
		{name: "vague/near-future", text: "Prices may rise in [the near future].", typ: D, val: "FUTURE_REF"},
		{name: "vague/near-term", text: "Growth in [the near term] looks good.", typ: D, val: "FUTURE_REF"},
		{name: "vague/past", text: "Such deals failed in [the past].", typ: D, val: "PAST_REF"},
		{name: "vague/time-being", text: "The downturn will continue for [the time being].", typ: D, val: "PRESENT_REF"},
		{name: "vague/these-days", text: "Few people write letters [these days].", typ: D, val: "PRESENT_REF"},
		{name: "vague/coming-weeks", text: "A decision is expected in [the coming weeks].", typ: D, val: "FUTURE_REF"},
		{name: "vague/at-present", text: "There is no plan at [present].", typ: D, val: "PRESENT_REF"},
		// relative to the anchor: ago
		{name: "ago/two-weeks", text: "China sent markets tumbling [two weeks ago].", typ: D, val: "2025-11-19"},
		{name: "ago/three-days", text: "The earthquake hit [three days ago].", typ: D, val: "2025-11-30"},
		{name: "ago/a-week", text: "The tsunami hit the country [a week ago].", typ: D, val: "2025-11-26"},
		{name: "ago/a-year", text: "Prices were higher [a year ago].", typ: D, val: "2024"},
		{name: "ago/six-months", text: "He took office [six months ago].", typ: D, val: "2025-06"},
		{name: "ago/20-years", text: "The market crashed [20 years ago].", typ: D, val: "2005"},
		// relative to the last date mentioned
		{name: "anchored/two-days-later", text: "The summit opened on December 1, 2025. [Two days later], it closed.", typ: D, val: "2025-12-03"},
		{name: "anchored/the-day-before", text: "Fighting began on 10 March 2022. Troops had massed [the day before].", typ: D, val: "2022-03-09"},
		{name: "anchored/a-year-earlier", text: "Profit rose in 2019. [A year earlier], it fell.", typ: D, val: "2018"},
		{name: "anchored/the-next-day", text: "The envoys met on Monday. They flew home [the next day].", typ: D, val: "2025-12-02"},
		{name: "anchored/the-following-week", text: "The summit opened on 3 March 2025. Talks resumed [the following week].", typ: D, val: "2025-W11"},
		{name: "anchored/the-same-day", text: "Stocks rose on Friday. Data released on [the same day] showed job losses.", typ: D, val: "2025-11-28"},
		{name: "anchored/the-day", text: "The Dow rose on Friday, ending [the day] at 8,017.", typ: D, val: "2025-11-28"},
		{name: "anchored/consecutive-day", text: "Trading was suspended for [a second consecutive day].", typ: D, val: "2025-12-03"},
		// durations
		{name: "duration/five-hour", text: "It followed a [five-hour] Kremlin meeting.", typ: U, val: "PT5H"},
		{name: "duration/five-hours", text: "[Five hours] of talks did not yield a breakthrough.", typ: U, val: "PT5H"},
		{name: "duration/nearly", text: "It holds the region [nearly four years] after the invasion.", typ: U, val: "P4Y", mod: "APPROX"},
		{name: "duration/half-hyphen", text: "An agreement could end the [three-and-a-half year] war.", typ: U, val: "P3.5Y"},
		{name: "duration/half-words", text: "The war has lasted [three and a half years].", typ: U, val: "P3.5Y"},
		{name: "duration/a-week", text: "They have been shipping for [a week].", typ: U, val: "P1W"},
		{name: "duration/more-than", text: "They have been shipping for [more than a week].", typ: U, val: "P1W", mod: "MORE_THAN"},
		{name: "duration/less-than", text: "The truce lasted [less than a month].", typ: U, val: "P1M", mod: "LESS_THAN"},
		{name: "duration/at-least", text: "The repairs take [at least three weeks].", typ: U, val: "P3W", mod: "EQUAL_OR_MORE"},
		{name: "duration/about-days", text: "The trip lasts [about 10 days].", typ: U, val: "P10D", mod: "APPROX"},
		{name: "duration/over-years", text: "Stocks closed at their lowest level in [over six years].", typ: U, val: "P6Y", mod: "MORE_THAN"},
		{name: "duration/decades", text: "It took [two decades] to rebuild.", typ: U, val: "P20Y"},
		{name: "duration/year-adjective", text: "Stocks reached [12-year] lows.", typ: U, val: "P12Y"},
		{name: "duration/word-adjective", text: "Stocks dropped to [twelve-year] lows.", typ: U, val: "P12Y"},
		{name: "duration/minutes", text: "The index lost 1,000 points in [thirty minutes].", typ: U, val: "PT30M"},
		{name: "duration/half-an-hour", text: "The speech lasted [half an hour].", typ: U, val: "PT30M"},
		{name: "duration/hour-and-a-half", text: "The speech lasted [an hour and a half].", typ: U, val: "PT90M"},
		{name: "duration/straight", text: "The dollar rose after [six straight days] of losses.", typ: U, val: "P6D"},
		{name: "duration/the-past-n", text: "The index fell 2,000 points in [the past nine days].", typ: U, val: "P9D"},
		{name: "duration/the-next-n", text: "The change will occur within [the next six months].", typ: U, val: "P6M"},
		{name: "duration/several", text: "The strike lasted [several weeks].", typ: U, val: "PXW"},
		{name: "duration/bare-plural", text: "It is the highest level in [years].", typ: U, val: "PXY"},
		{name: "duration/fortnight", text: "The ceasefire held for [a fortnight].", typ: U, val: "P2W"},
		{name: "duration/compound-number", text: "He served [twenty-five years] in prison.", typ: U, val: "P25Y"},
		{name: "duration/min-read", text: "[5 min] read", typ: U, val: "PT5M"},
		{name: "duration/year-old", text: "Russia's [nearly four-year-old] invasion continues.", typ: U, val: "P4Y", mod: "APPROX"},
		{name: "duration/year-long", text: "Russia's term for the [four-year-long] war.", typ: U, val: "P4Y"},
		{name: "duration/a-n-year", text: "The Nikkei reached [a 20 year] low.", typ: U, val: "P20Y"},
		{name: "duration/before-np", text: "It is available June 17, [two days] before the phone.", typ: U, val: "P2D"},
		{name: "duration/after-np", text: "[Five years] after its launch, iTunes leads.", typ: U, val: "P5Y"},
		{name: "duration/single-day", text: "It was the worst [single-day] decline.", typ: U, val: "P1D"},
		// sets
		{name: "set/every-friday", text: "You will receive it [every Friday].", typ: S, val: "XXXX-WXX-5"},
		{name: "set/weekly", text: "The number of people claiming [weekly] benefits rose.", typ: S, val: "P1W"},
		{name: "set/daily", text: "Prices are set [daily].", typ: S, val: "P1D"},
		{name: "set/every-week", text: "The board meets [every week].", typ: S, val: "P1W"},
		{name: "set/each-year", text: "The fair is held [each year].", typ: S, val: "P1Y"},
		{name: "set/twice-a-week", text: "The ferry sails [twice a week].", typ: S, val: "P1W"},
		{name: "set/every-two-weeks", text: "The council meets [every two weeks].", typ: S, val: "P2W"},
		{name: "set/annually", text: "The report is published [annually].", typ: S, val: "P1Y"},
		{name: "set/every-morning", text: "He runs [every morning].", typ: S, val: "XXXX-XX-XXTMO"},
		{name: "set/on-fridays", text: "The market opens on [Fridays].", typ: S, val: "XXXX-WXX-5"},
		// holidays, quarters written Q3
		{name: "holiday/christmas-past", text: "Sales rose before [Christmas].", typ: D, val: "2024-12-25"},
		{name: "holiday/christmas-future", text: "The shops will close on [Christmas Day].", typ: D, val: "2025-12-25"},
		{name: "holiday/christmas-eve", text: "The deal will close on [Christmas Eve].", typ: D, val: "2025-12-24"},
		{name: "holiday/new-years-day", text: "The law takes effect on [New Year's Day].", typ: D, val: "2026-01-01"},
		{name: "holiday/thanksgiving", text: "Shoppers spent $10 billion after [Thanksgiving].", typ: D, val: "2025-11-27"},
		{name: "quarter/q-number", text: "Revenue in [Q3 2024] was flat.", typ: D, val: "2024-Q3"},
		{name: "weekday/full-date-abbr", text: "[Monday, Feb. 2, 2009]", typ: D, val: "2009-02-02"},
		{name: "weekday/after-place", text: "Prices dropped in Europe and Asia [Monday], with fears of recession.", typ: D, val: "2025-12-01"},
		// unit multipliers in "ago" and "later"
		{name: "ago/a-decade", text: "The dam burst [a decade ago].", typ: D, val: "2015"},
		{name: "ago/two-decades", text: "The mine closed [two decades ago].", typ: D, val: "2005"},
		{name: "ago/a-century", text: "The bridge was built [a century ago].", typ: D, val: "1925"},
		{name: "ago/a-fortnight", text: "The ferry sank [a fortnight ago].", typ: D, val: "2025-11-19"},
		{name: "ago/two-quarters", text: "Margins peaked [two quarters ago].", typ: D, val: "2025-Q2"},
		{name: "anchored/a-decade-later", text: "The firm was founded in 1990. [A decade later], it went public.", typ: D, val: "2000"},
		{name: "duration/decade-and-a-half", text: "The feud lasted [a decade and a half].", typ: U, val: "P15Y"},
		{name: "duration/three-decades", text: "He ruled for [three decades].", typ: U, val: "P30Y"},
		// clock times against a publication time
		{name: "clock/past-later-than-pub", pub: "2026-03-09T08:30:00+01:00", zone: "Europe/Berlin", text: "The fire broke out at [10:50 p.m.] near the station.", typ: T, val: "2026-03-08T22:50"},
		{name: "clock/past-zone-later-than-pub", pub: "2026-03-09T08:30:00+01:00", zone: "Europe/Berlin", text: "The blast hit at [2350 GMT].", typ: T, val: "2026-03-08T23:50Z"},
		{name: "clock/past-earlier-than-pub", pub: "2026-03-09T08:30:00+01:00", zone: "Europe/Berlin", text: "The alarm sounded at [6:15 a.m.] in the old town.", typ: T, val: "2026-03-09T06:15"},
		{name: "clock/past-date-only-pub", pub: "2026-03-09", zone: "Europe/Berlin", text: "The fire broke out at [10:50 p.m.] near the station.", typ: T, val: "2026-03-09T22:50"},
		{name: "clock/future-earlier-than-pub", pub: "2026-03-09T15:00:00+01:00", zone: "Europe/Berlin", text: "The border will reopen at [8 a.m.], officials said.", typ: T, val: "2026-03-10T08:00"},
		{name: "clock/timetable-present", pub: "2026-03-09T17:30:00+01:00", zone: "Europe/Berlin", text: "The exchange closes at [4 p.m. local time].", typ: T, val: "2026-03-09T16:00"},
		{name: "clock/no-signal-later-than-pub", pub: "2026-03-09T08:30:00+01:00", zone: "Europe/Berlin", text: "Kick-off at [8:45 p.m.] in the capital.", typ: T, val: "2026-03-09T20:45"},
		// present tense of a scheduled action: the coming day
		{name: "weekday/schedule-resumes", text: "The hearing resumes at [10 a.m.] on Friday.", typ: T, val: "2025-12-05T10:00"},
		{name: "weekday/schedule-opens", text: "The exhibition opens on [Saturday].", typ: D, val: "2025-12-06"},
		{name: "weekday/schedule-expires", text: "The ceasefire expires on [Monday], the mediators said.", typ: D, val: "2025-12-08"},
		{name: "weekday/schedule-takes-place", text: "The ballot takes place on [Sunday].", typ: D, val: "2025-12-07"},
		{name: "weekday/schedule-plural", text: "Polls open on [Sunday] in the north.", typ: D, val: "2025-12-07"},
		{name: "weekday/schedule-reported", text: "The agency said talks resume on [Monday].", typ: D, val: "2025-12-08"},
		{name: "weekday/schedule-same-day", text: "The summit begins on [Wednesday].", typ: D, val: "2025-12-03"},
		{name: "weekday/reporting-present-past", text: "The minister says [Monday] was the worst day.", typ: D, val: "2025-12-01"},
		{name: "weekday/headline-present-past", text: "Storm closes schools on [Monday]", typ: D, val: "2025-12-01"},
		{name: "weekday/schedule-infinitive", text: "The mayor refused to open the bridge on [Monday].", typ: D, val: "2025-12-01"},
		{name: "weekday/schedule-noun", text: "Stocks rallied into the close on [Friday].", typ: D, val: "2025-11-28"},
		{name: "weekday/year-end-noun", text: "Traders squared books at year end on [Friday].", typ: D, val: "2025-11-28"},
		// plans in the past look back
		{name: "weekday/had-been-scheduled", pub: "2026-02-13", text: "The launch had been scheduled for [Thursday].", typ: D, val: "2026-02-12"},
		{name: "weekday/was-due-to", pub: "2026-02-13", text: "The envoy was due to arrive on [Wednesday].", typ: D, val: "2026-02-11"},
		{name: "weekday/was-scheduled-to", pub: "2026-02-13", text: "The match was scheduled to start on [Tuesday].", typ: D, val: "2026-02-10"},
		{name: "weekday/had-been-expected-to", pub: "2026-02-13", text: "The report had been expected to appear on [Monday].", typ: D, val: "2026-02-09"},
		{name: "weekday/was-expected-on", pub: "2026-02-13", text: "A ruling was expected on [Wednesday] but never came.", typ: D, val: "2026-02-11"},
		{name: "weekday/is-now-due", pub: "2026-02-13", text: "The ruling is now due on [Wednesday].", typ: D, val: "2026-02-18"},
		{name: "month/had-been-scheduled-nearest", pub: "2026-05-05", text: "The ballot had been scheduled for [June 7].", typ: D, val: "2026-06-07"},
		{name: "month/was-due-nearest-past", pub: "2026-05-05", text: "The ballot was due to take place on [April 26].", typ: D, val: "2026-04-26"},
		{name: "month/postponed-to", pub: "2026-04-02", text: "A court on Wednesday postponed the hearing of the former mayor to [April 16].", typ: D, val: "2026-04-16"},
		{name: "month/moved-to", pub: "2026-04-02", text: "The final was moved to [April 19] after the floods.", typ: D, val: "2026-04-19"},
		{name: "month/adjourned-until", pub: "2026-11-20", text: "The judge adjourned the case until [January 12].", typ: D, val: "2027-01-12"},
		// wanting, expecting, planning + to
		{name: "weekday/expect-object-to", pub: "2025-12-12", text: "Investors expect the central bank to cut rates on [Thursday].", typ: D, val: "2025-12-18"},
		{name: "weekday/expect-pronoun-to", pub: "2025-12-12", text: "Aides expect her to sign the order on [Monday].", typ: D, val: "2025-12-15"},
		{name: "weekday/hope-to", text: "We hope to finish the repairs by [Friday].", typ: D, val: "2025-12-05"},
		{name: "weekday/intend-to", text: "They intend to file the appeal on [Monday].", typ: D, val: "2025-12-08"},
		{name: "weekday/want-to", text: "Unions want to strike on [Tuesday].", typ: D, val: "2025-12-09"},
		{name: "weekday/aim-to", text: "Organisers aim to reopen the road on [Saturday].", typ: D, val: "2025-12-06"},
		{name: "weekday/plan-to", text: "The rebels plan to release the hostages on [Thursday].", typ: D, val: "2025-12-04"},
		// zones
		{name: "clock/ist", pub: "2026-02-13", zone: "Asia/Kolkata", text: "The verdict is due at [11 a.m. IST].", typ: T, val: "2026-02-13T11:00+05:30"},
		{name: "clock/sgt", text: "Markets reopen at [9 a.m. SGT].", typ: T, val: "2025-12-03T09:00+08:00"},
		{name: "clock/hkt", text: "The index closed at [4:10 p.m. HKT].", typ: T, val: "2025-12-03T16:10+08:00"},
		{name: "clock/aest", text: "Counting began at [6 p.m. AEST].", typ: T, val: "2025-12-03T18:00+10:00"},
		{name: "clock/mt", text: "The launch window opens at [7 a.m. MT].", typ: T, val: "2025-12-03T07:00-07:00"},
		{name: "clock/city-time", text: "The talks start at [3 p.m. Geneva time].", typ: T, val: "2025-12-03T15:00+01:00"},
		{name: "clock/two-word-city-time", text: "Trading halted at [noon New York time].", typ: T, val: "2025-12-03T12:00-05:00"},
		{name: "clock/eastern-time", text: "The polls close at [8 p.m. Eastern time].", typ: T, val: "2025-12-03T20:00-05:00"},
		{name: "clock/unknown-zone-joins-day", text: "The count ends at [6 p.m. NPT] on Friday.", typ: T, val: "2025-12-05T18:00"},
		{name: "clock/ist-on-weekday", pub: "2026-03-06", zone: "Asia/Kolkata", text: "The launch is set for [4:15 a.m. IST] on Tuesday.", typ: T, val: "2026-03-10T04:15+05:30"},
		{name: "clock/same-instant-other-zone", pub: "2026-03-06", zone: "Asia/Kolkata", text: "The launch is set for [6:45 p.m. Houston time], or 5:15 a.m. IST on Tuesday.", typ: T, val: "2026-03-09T18:45-05:00"},
		{name: "clock/local-dateline-country", text: "TRUJILLO, Peru\n\nThe blast hit at [9:10 p.m. local time].", typ: T, val: "2025-12-03T21:10-05:00"},
		// a clock time takes the day written next to it
		{name: "clock/weekday-after-zone", text: "Voting resumes at [8:30 a.m. CET] on Thursday.", typ: T, val: "2025-12-04T08:30+01:00"},
		{name: "clock/month-day-after", text: "The court sits again at [2 p.m.] on Dec. 15.", typ: T, val: "2025-12-15T14:00"},
		{name: "clock/hour-on-weekday", text: "The embassy reopened at [7am] on Monday.", typ: T, val: "2025-12-01T07:00"},
		{name: "clock/weekday-full-date", text: "The polls closed at [8 p.m.] on Sunday, Nov. 30.", typ: T, val: "2025-11-30T20:00"},
		// sets with a clock time
		{name: "set/every-day-at-clock", text: "The bulletin airs [every day at 6 p.m.].", typ: S, val: "XXXX-XX-XXT18:00"},
		{name: "set/every-weekday-at-noon", text: "The briefing is held [every weekday at noon].", typ: S, val: "XXXX-WXX-XT12:00"},
		{name: "set/every-sunday-at-clock", text: "The ferry leaves [every Sunday at 8 a.m.].", typ: S, val: "XXXX-WXX-7T08:00"},
		// -ed adjectives are no past verbs
		{name: "weekday/televised-adjective", text: "The two rivals will meet in a televised debate on [Thursday].", typ: D, val: "2025-12-04"},
		{name: "weekday/adjective-after-will", text: "The leaders will face each other in a crowded hall on [Friday].", typ: D, val: "2025-12-05"},
		{name: "weekday/planned-adjective", text: "The ministers will sign the planned accord on [Friday].", typ: D, val: "2025-12-05"},
		// traps: no temporal expression
		{name: "trap/a-second-attack", text: "Officials feared a second attack on the port.", typ: ""},
		{name: "trap/today-programme", text: "He told the Today programme he would stay.", typ: ""},
		{name: "trap/arab-spring", text: "The Arab Spring toppled governments.", typ: ""},
		{name: "trap/march-on", text: "Thousands joined the March on Washington.", typ: ""},
		{name: "trap/route-number", text: "The convoy took Route 2010 north.", typ: ""},
		{name: "trap/distance", text: "She won the 1500m race.", typ: ""},
		{name: "duration/a-second", text: "The flash lasted [a second].", typ: U, val: "PT1S"},
		{name: "trap/mail-on-sunday", text: "The Mail on Sunday reported the story.", typ: ""},
		{name: "trap/surname-friday", text: "Striker Uche Friday scored twice.", typ: ""},
		{name: "trap/black-friday-start", text: "Black Friday sales rose sharply.", typ: ""},
		{name: "trap/may-modal", text: "He may resign if the vote fails.", typ: ""},
		{name: "trap/may-sentence-start", text: "May the best team win.", typ: ""},
		{name: "trap/march-verb", text: "Protesters march on the capital.", typ: ""},
		{name: "trap/march-noun-capital", text: "Thousands joined the March for Life in Washington.", typ: ""},
		{name: "trap/sunday-times", text: "The Sunday Times reported the story.", typ: ""},
		{name: "trap/friday-name", text: "Robinson Crusoe met Man Friday on the island.", typ: ""},
		{name: "trap/black-friday", text: "Shoppers flocked to Black Friday sales.", typ: ""},
		{name: "trap/april-name", text: "Reporter April Ryan asked a question.", typ: ""},
		{name: "trap/count-not-year", text: "The company employs 2000 people.", typ: ""},
		{name: "trap/index-name", text: "The Russell 2000 Index rose.", typ: ""},
		{name: "trap/money", text: "The ticket costs $2015 at the door.", typ: ""},
		{name: "trap/points", text: "The index closed at 2019 points.", typ: ""},
		{name: "trap/ambiguous-slash", text: "The form is dated 04/02/2024.", typ: ""},
		{name: "trap/china-daily", text: "China Daily reported the figures.", typ: ""},
		{name: "trap/fall-of", text: "Historians study the fall of Rome.", typ: ""},
		{name: "trap/hot-spring", text: "Tourists bathe in a hot spring.", typ: ""},
		{name: "trap/future-of", text: "They debated the future of Ukraine.", typ: ""},
		{name: "trap/thousands", text: "Some 5,000 square km of the area are claimed.", typ: ""},
		{name: "trap/score", text: "The team won 3-2 at home.", typ: ""},
		{name: "trap/now-hyphen", text: "The now-defunct firm sold radios.", typ: ""},
		// a name before "on <weekday>" is no newspaper title
		{name: "weekday/told-paper-on-sunday", text: "He told the Washington Post on [Sunday] that he would run.", typ: D, val: "2025-11-30"},
		{name: "weekday/network-on-sunday", text: "The senator told Fox News on [Sunday] that talks had stalled.", typ: D, val: "2025-11-30"},
		{name: "weekday/school-on-monday", text: "Students walked out at Lincoln High School on [Monday].", typ: D, val: "2025-12-01"},
		{name: "weekday/daily-mail-on-sunday", text: "She told the Daily Mail on [Sunday] that she was leaving.", typ: D, val: "2025-11-30"},
		{name: "trap/independent-on-sunday", text: "The Independent on Sunday reported the story.", typ: ""},
		{name: "trap/told-mail-on-sunday", text: "He told The Mail on Sunday he would stay.", typ: ""},
		{name: "clock/school-on-sunday-at-clock", pub: "2026-03-06T18:30:00-08:00", zone: "America/Los_Angeles", text: "The county will hold a community meeting at Nordhoff High School on Sunday at [6 p.m.], Whitlock said.", typ: T, val: "2026-03-08T18:00"},
		// "recent" before a made thing gives its age, not a time
		{name: "trap/recent-browser", text: "Viewers need Windows 11 or a recent browser.", typ: ""},
		{name: "trap/recent-web-browser", text: "Update to a recent web browser first.", typ: ""},
		{name: "trap/recent-version", text: "A recent version of the app fixes the flaw.", typ: ""},
		{name: "trap/recent-graduates", text: "The firm hires recent graduates.", typ: ""},
		{name: "vague/recent-event-noun", text: "Analysts blame [recent] losses on fears of a recession.", typ: D, val: "PAST_REF"},
		{name: "vague/recent-moves", text: "Markets fell on worries that [recent] government moves might fail.", typ: D, val: "PAST_REF"},
		// a bare clock time goes on with the future day of the sentence before
		{name: "clock/next-sentence-day", pub: "2026-03-27T10:00:00+01:00", zone: "Europe/Oslo", text: "Skyforge will launch the rocket on Sunday. The launch window opens at [11:00 a.m. local time].", typ: T, val: "2026-03-29T11:00"},
		{name: "clock/next-paragraph-day", pub: "2026-03-27T10:00:00+01:00", zone: "Europe/Oslo", text: "Skyforge will attempt the first launch of its rocket on Sunday, the company said Thursday.\n\nThe launch window opens at [11:00 a.m. local time] and runs for three hours.", typ: T, val: "2026-03-29T11:00"},
		{name: "clock/next-sentence-pronoun", pub: "2026-03-27T10:00:00+01:00", zone: "Europe/Oslo", text: "The council will vote on the budget on Monday. It meets at [9 a.m.] in the town hall.", typ: T, val: "2026-03-30T09:00"},
		{name: "clock/next-sentence-past", pub: "2026-03-27T10:00:00+01:00", zone: "Europe/Oslo", text: "Skyforge will launch the rocket on Sunday. The launch pad was cleared at [3 a.m.].", typ: T, val: "2026-03-27T03:00"},
		{name: "clock/next-sentence-own-day", pub: "2026-03-27T10:00:00+01:00", zone: "Europe/Oslo", text: "Skyforge will launch the rocket on Sunday. The launch pad opens to visitors at [9 a.m.] on Saturday.", typ: T, val: "2026-03-28T09:00"},
		{name: "clock/next-sentence-other-topic", pub: "2026-03-27T10:00:00+01:00", zone: "Europe/Oslo", text: "Skyforge will launch the rocket on Sunday. Ferries to the island leave at [11 a.m.].", typ: T, val: "2026-03-27T11:00"},
		{name: "clock/next-sentence-two-days", pub: "2026-03-27T10:00:00+01:00", zone: "Europe/Oslo", text: "Skyforge will test the rocket on Saturday and launch it on Sunday. The launch window opens at [11 a.m.].", typ: T, val: "2026-03-27T11:00"},
		{name: "clock/sentence-between", pub: "2026-03-27T10:00:00+01:00", zone: "Europe/Oslo", text: "Skyforge will launch the rocket on Sunday. Crowds are expected. The launch window opens at [11 a.m.].", typ: T, val: "2026-03-27T11:00"},
	})
}

// TestClockDayOffset: a clock time put on a later day takes that day's
// UTC offset, across a DST change.
func TestClockDayOffset(t *testing.T) {
	x := NewExtractor(Options{})
	for _, c := range []struct{ name, pub, zone, text, want string }{
		{"school-on-sunday", "2026-03-06T18:30:00-08:00", "America/Los_Angeles", "The county will hold a community meeting at Nordhoff High School on Sunday at [6 p.m.], Whitlock said.", "2026-03-08T18:00:00-07:00"},
		{"next-sentence", "2026-03-27T10:00:00+01:00", "Europe/Oslo", "Skyforge will launch the rocket on Sunday. The launch window opens at [11:00 a.m. local time].", "2026-03-29T11:00:00+02:00"},
	} {
		t.Run(c.name, func(t *testing.T) {
			body, want, _ := stripBrackets(c.text)
			a := caseArticle(t, c.pub, c.zone, body)
			for _, m := range x.Extract(&a) {
				if m.Span == want {
					if got := m.When.Start.Format(time.RFC3339); got != c.want {
						t.Fatalf("start %s, want %s", got, c.want)
					}
					return
				}
			}
			t.Fatalf("missed %q", body[want.Start:want.End])
		})
	}
}

// TestUndated: an article without a publication date keeps relative
// expressions, unresolved, and resolves absolute ones.
func TestUndated(t *testing.T) {
	x := NewExtractor(Options{})
	for _, c := range []struct{ name, text, val string }{
		{"weekday", "He resigned on [Friday].", "XXXX-WXX-5"},
		{"last-month", "Prices rose [last month].", "XXXX-XX"},
		{"today", "Apple [today] unveiled a phone.", "XXXX-XX-XX"},
		{"month", "They met in [February].", "XXXX-02"},
		{"absolute", "The report is dated [3 December 2024].", "2024-12-03"},
		{"year", "He fought cancer in [2004].", "2004"},
		{"duration", "The war lasted [four years].", "P4Y"},
	} {
		t.Run(c.name, func(t *testing.T) {
			body, want, _ := stripBrackets(c.text)
			a := Article{Body: body, Undated: true, Loc: time.UTC}
			ms := x.Extract(&a)
			if len(ms) != 1 || ms[0].Span != want || ms[0].TIMEX != c.val {
				t.Fatalf("got %v, want %q %v", ms, c.val, want)
			}
			rel := c.name != "absolute" && c.name != "year" && c.name != "duration"
			if rel && !ms[0].When.IsZero() {
				t.Errorf("relative value resolved in an undated article: %v", ms[0].When)
			}
		})
	}
}

func defPubTime() time.Time { return time.Date(2025, 12, 3, 0, 0, 0, 0, time.UTC) }

// TestBusinessCases covers the period words of business and markets news,
// published Wednesday 2025-12-03 in New York.
func TestBusinessCases(t *testing.T) {
	D := "DATE"
	runCases(t, []tcase{
		{name: "biz/remainder-year", text: "Demand should stay soft for the remainder of [the year].", typ: "DURATION", val: "P1Y"},
		{name: "biz/rest-of-week", text: "Trading was thin for the rest of [the week].", typ: "DURATION", val: "P1W"},
		{name: "biz/balance-of-month", text: "Prices should hold through the balance of [the month].", typ: "DURATION", val: "P1M"},
		{name: "trap/rest-of-the-world", text: "Exports to the rest of the world fell.", typ: ""},
		{name: "biz/year-earlier", text: "Revenue rose 4 percent from [a year earlier].", typ: D, val: "2024"},
		{name: "biz/same-period-last-year", text: "Sales fell from [the same period last year].", typ: D, val: "2024"},
		{name: "biz/same-quarter-year-earlier", text: "Profit doubled from [the same quarter a year earlier].", typ: D, val: "2024"},
		{name: "biz/same-period-of-the-last-year", text: "Profit was up from [the same period of the last year].", typ: D, val: "2024"},
		{name: "biz/the-last-year-length", text: "Prices have doubled over [the last year].", typ: "DURATION", val: "P1Y"},
		{name: "biz/same-day-not-period", text: "The same team won [last year].", typ: D, val: "2024"},
		{name: "biz/same-month-last-year", text: "Car sales were down from [the same month last year].", typ: D, val: "2024"},
		{name: "biz/same-quarter-of-previous-year", text: "Deliveries rose from [the same quarter of the previous year].", typ: D, val: "2024"},
		{name: "biz/same-quarter-bare", pub: "2025-10-20", text: "Orders rose again in the quarter to September, and fell in [the same quarter].", typ: D, val: "2025-Q3"},
		{name: "biz/year-end", text: "Airbus will decide by [year-end].", typ: D, val: "2025", mod: "END"},
		{name: "biz/the-year-end", text: "The deal should close before [the year-end].", typ: D, val: "2025", mod: "END"},
		{name: "biz/years-end", text: "The plant will close at [year's end].", typ: D, val: "2025", mod: "END"},
		{name: "biz/end-of-quarter", text: "The plant closes at [the end of the quarter].", typ: D, val: "2025-Q4", mod: "END"},
		{name: "biz/rest-of-quarter", text: "Output will stay low for the rest of [the quarter].", typ: "DURATION", val: "P1Q"},
		{name: "trap/the-quarter-bare", text: "Police sealed off the French quarter of the city.", typ: ""},
		{name: "biz/first-half", text: "The carmaker lost money in [the first half].", typ: D, val: "2025-H1"},
		{name: "biz/second-half", text: "Deliveries will pick up in [the second half].", typ: D, val: "2025-H2"},
		{name: "biz/current-quarter", text: "The plant will reopen in [the current quarter].", typ: D, val: "2025-Q4"},
		{name: "biz/current-year", text: "The airline expects a profit for [the current year].", typ: D, val: "2025"},
		{name: "biz/previous-quarter", text: "Margins narrowed from [the previous quarter].", typ: D, val: "2025-Q3"},
		{name: "biz/prior-year", text: "Output was flat compared with [the prior year].", typ: D, val: "2024"},
		{name: "biz/late-year", text: "The jet entered service in [late 2024].", typ: D, val: "2024", mod: "END"},
		{name: "biz/early-next-year", text: "The first deliveries are planned for [early next year].", typ: D, val: "2026", mod: "START"},
		{name: "biz/end-of-month", text: "The union will vote by [the end of the month].", typ: D, val: "2025-12", mod: "END"},
		{name: "biz/fiscal-year-number", text: "The company expects higher sales in [fiscal 2026].", typ: D, val: "FY2026"},
		{name: "biz/q-year", text: "Earnings for [Q3 2024] beat forecasts.", typ: D, val: "2024-Q3"},
		{name: "biz/ordinal-quarter-of-year", text: "Earnings rose in [the third quarter of 2024].", typ: D, val: "2024-Q3"},
		{name: "biz/last-fiscal-year", text: "The automaker lost money in its [last fiscal year].", typ: D, val: "FY2024"},
		{name: "biz/current-fiscal-year", text: "Revenue will rise in [the current fiscal year].", typ: D, val: "FY2025"},
		{name: "biz/fiscal-year-2025", text: "Revenue rose in [fiscal year 2025].", typ: D, val: "FY2025"},
		{name: "biz/fourth-quarter-bare", text: "Profit rose in [the fourth quarter].", typ: D, val: "2025-Q4"},
		{name: "biz/second-half-next-year", text: "The carmaker will cut jobs in [the second half of next year].", typ: D, val: "2026-H2"},
		{name: "biz/end-of-next-year", text: "Orders are expected by [the end of next year].", typ: D, val: "2026", mod: "END"},
		{name: "biz/early-next-week", text: "The union will vote [early next week].", typ: D, val: "2025-W50", mod: "START"},
		{name: "biz/mid-month", text: "The automaker will report results in [mid-January].", typ: D, val: "2026-01", mod: "MID"},
		{name: "biz/so-far-this-year", text: "Sales are up 5 percent so far [this year].", typ: D, val: "2025"},
		{name: "trap/season-generic-storms", text: "Winter storms hit the region.", typ: ""},
		{name: "trap/season-place", text: "Spring Valley residents were evacuated.", typ: ""},
		{name: "biz/coming-weeks", text: "The board will name a new chief in [the coming weeks].", typ: D, val: "FUTURE_REF"},
		{name: "biz/coming-months", text: "Job cuts are expected in [the coming months].", typ: D, val: "FUTURE_REF"},
		{name: "biz/time-being", text: "The line will stay closed for [the time being].", typ: D, val: "PRESENT_REF"},
	})
}
