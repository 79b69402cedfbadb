package parse

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Granularity is the precision of a resolved value: the unit its interval
// spans. The zero value, GranUnknown, means the expression could not be
// placed on the calendar.
type Granularity int

// Granularities, from finest to coarsest.
const (
	GranUnknown   Granularity = iota
	GranInstant               // a clock time to the second
	GranMinute                // "4.20pm"
	GranHour                  // "at 5pm" read as the hour
	GranPartOfDay             // "Wednesday morning", "tonight"
	GranDay                   // "Tuesday", "3 December 2025"
	GranWeekend               // "this weekend"
	GranWeek                  // "this week" (ISO week)
	GranMonth                 // "last month", "in February"
	GranQuarter               // "the fourth quarter"
	GranSeason                // "this summer"
	GranHalf                  // "the first half of 2025"
	GranYear                  // "2024", "next year"
	GranDecade                // "the 1990s"
	GranCentury               // "the 20th century"
)

var granNames = [...]string{"unknown", "instant", "minute", "hour", "part-of-day", "day", "weekend", "week", "month", "quarter", "season", "half", "year", "decade", "century"}

// String returns the lower-case name used in CSV and JSON output ("day", "week", …).
func (g Granularity) String() string {
	if g < 0 || int(g) >= len(granNames) {
		return "unknown"
	}
	return granNames[g]
}

// ParseGranularity is the inverse of [Granularity.String].
func ParseGranularity(s string) (Granularity, bool) {
	for i, n := range granNames {
		if n == s {
			return Granularity(i), true
		}
	}
	return GranUnknown, false
}

// Kind is the TIMEX3 type of an expression.
type Kind int

// The TIMEX3 types.
const (
	KindDate Kind = iota
	KindTime
	KindDuration
	KindSet
)

var kindNames = [...]string{"date", "time", "duration", "set"}

// String returns "date", "time", "duration" or "set".
func (k Kind) String() string {
	if k < 0 || int(k) >= len(kindNames) {
		return "date"
	}
	return kindNames[k]
}

// TIMEX3Type returns the upper-case TIMEX3 type attribute (DATE, TIME, DURATION, SET).
func (k Kind) TIMEX3Type() string { return strings.ToUpper(k.String()) }

// Span is a half-open byte range [Start, End) into an article body.
type Span struct{ Start, End int }

// Len returns the number of bytes in the span.
func (s Span) Len() int { return s.End - s.Start }

// Interval is a resolved time: the half-open range [Start, End) in the
// article's zone (Start.Location()), at a granularity. A day is
// [00:00, next day 00:00) in that zone, computed with time.Date, so days
// across a daylight-saving change are 23 or 25 hours long.
type Interval struct {
	Start, End time.Time
	Gran       Granularity
	Approx     bool // "early March", "around noon", "mid-2022"
}

// IsZero reports whether the interval is unset (unresolved value).
func (iv Interval) IsZero() bool { return iv.Start.IsZero() && iv.End.IsZero() }

// Loc returns the interval's zone.
func (iv Interval) Loc() *time.Location {
	if iv.Start.IsZero() {
		return time.UTC
	}
	return iv.Start.Location()
}

// Contains reports whether o lies entirely within iv.
func (iv Interval) Contains(o Interval) bool {
	if iv.IsZero() || o.IsZero() {
		return false
	}
	return !o.Start.Before(iv.Start) && !o.End.After(iv.End)
}

// Overlaps reports whether the two half-open intervals share an instant.
func (iv Interval) Overlaps(o Interval) bool {
	if iv.IsZero() || o.IsZero() {
		return false
	}
	return iv.Start.Before(o.End) && o.Start.Before(iv.End)
}

// String returns a compact form for tests and debugging:
// "2024-04-02/P1D day Europe/Berlin" or "2025-11-01/P1M month UTC".
func (iv Interval) String() string {
	if iv.IsZero() {
		return "unresolved"
	}
	var b strings.Builder
	if iv.Start.Hour() == 0 && iv.Start.Minute() == 0 && iv.Start.Second() == 0 {
		b.WriteString(iv.Start.Format("2006-01-02"))
	} else {
		b.WriteString(iv.Start.Format("2006-01-02T15:04:05"))
	}
	b.WriteByte('/')
	b.WriteString(spanLength(iv.Start, iv.End))
	b.WriteByte(' ')
	b.WriteString(iv.Gran.String())
	if iv.Approx {
		b.WriteString(" approx")
	}
	b.WriteByte(' ')
	b.WriteString(iv.Loc().String())
	return b.String()
}

// spanLength writes the ISO 8601 length of [a, b) in calendar units where
// it is a whole number of them.
func spanLength(a, b time.Time) string {
	for _, u := range []struct {
		y, m, d int
		s       string
	}{{100, 0, 0, "P100Y"}, {10, 0, 0, "P10Y"}, {1, 0, 0, "P1Y"}, {0, 6, 0, "P6M"}, {0, 3, 0, "P3M"}, {0, 1, 0, "P1M"}, {0, 0, 7, "P1W"}, {0, 0, 2, "P2D"}, {0, 0, 1, "P1D"}} {
		if a.AddDate(u.y, u.m, u.d).Equal(b) {
			return u.s
		}
	}
	d := b.Sub(a)
	switch {
	case d%time.Hour == 0:
		return "PT" + strconv.Itoa(int(d/time.Hour)) + "H"
	case d%time.Minute == 0:
		return "PT" + strconv.Itoa(int(d/time.Minute)) + "M"
	}
	return "PT" + strconv.Itoa(int(d/time.Second)) + "S"
}

// Duration is a length of time, never a date: an amount of a calendar
// unit ("three-and-a-half year" is {3.5, GranYear}). Unit is one of
// GranMinute…GranCentury (GranInstant stands for seconds). Unspecified
// marks "for years" (PXY): the unit is known, the amount is not.
type Duration struct {
	Amount      float64
	Unit        Granularity
	Unspecified bool
}

// IsZero reports whether the duration is unset.
func (d Duration) IsZero() bool { return d.Unit == GranUnknown }

// TIMEX3 returns the ISO 8601 / TIMEX3 form: P3.5Y, PT5H, P1W, PXY.
func (d Duration) TIMEX3() string {
	if d.IsZero() {
		return ""
	}
	if a := d.Amount; !d.Unspecified && a >= 1 && a < 1e6 && a == float64(int64(a)) {
		// a whole amount (most are): the digits FormatFloat would give,
		// in one buffer, with one allocation
		if pre, suf := durationAffixes(d.Unit); pre != "" {
			var b [24]byte
			out := append(b[:0], pre...)
			out = strconv.AppendInt(out, int64(a), 10)
			return string(append(out, suf...))
		}
	}
	return d.timex3()
}

// durationAffixes returns what TIMEX3 writes before and after a whole
// amount of unit g, or "", "" for the units it computes otherwise.
func durationAffixes(g Granularity) (pre, suf string) {
	switch g {
	case GranInstant:
		return "PT", "S"
	case GranMinute:
		return "PT", "M"
	case GranHour, GranPartOfDay:
		return "PT", "H"
	case GranDay:
		return "P", "D"
	case GranWeekend:
		return "P", "WE"
	case GranWeek:
		return "P", "W"
	case GranMonth:
		return "P", "M"
	case GranQuarter:
		return "P", "Q"
	case GranYear:
		return "P", "Y"
	case GranDecade:
		return "P", "DE"
	case GranCentury:
		return "P", "CE"
	}
	return "", ""
}

// timex3 is TIMEX3 for any amount: the reference of its fast path for
// whole amounts (TestDurationTIMEX3).
func (d Duration) timex3() string {
	if d.IsZero() {
		return ""
	}
	amt := "X"
	if !d.Unspecified {
		amt = strconv.FormatFloat(d.Amount, 'f', -1, 64)
	}
	switch d.Unit {
	case GranInstant:
		return "PT" + amt + "S"
	case GranMinute:
		return "PT" + amt + "M"
	case GranHour:
		return "PT" + amt + "H"
	case GranPartOfDay:
		return "PT" + amt + "H" // not expected; kept total
	case GranDay:
		return "P" + amt + "D"
	case GranWeekend:
		return "P" + amt + "WE"
	case GranWeek:
		return "P" + amt + "W"
	case GranMonth:
		return "P" + amt + "M"
	case GranQuarter:
		return "P" + amt + "Q"
	case GranSeason, GranHalf:
		if !d.Unspecified {
			return "P" + strconv.FormatFloat(d.Amount*map[Granularity]float64{GranSeason: 3, GranHalf: 6}[d.Unit], 'f', -1, 64) + "M"
		}
		return "PXM"
	case GranYear:
		return "P" + amt + "Y"
	case GranDecade:
		return "P" + amt + "DE"
	case GranCentury:
		return "P" + amt + "CE"
	}
	return ""
}

// Months returns the duration's length in months (fractional) for calendar
// units of a month or more, and ok=false for shorter units.
func (d Duration) Months() (float64, bool) {
	per := map[Granularity]float64{GranMonth: 1, GranQuarter: 3, GranSeason: 3, GranHalf: 6, GranYear: 12, GranDecade: 120, GranCentury: 1200}
	m, ok := per[d.Unit]
	if !ok || d.Unspecified {
		return 0, false
	}
	return d.Amount * m, true
}

// Length returns the approximate physical length of the duration, with a
// month counted as 30.44 days. Use it only to compare lengths, never to do
// calendar arithmetic.
func (d Duration) Length() time.Duration {
	if m, ok := d.Months(); ok {
		return time.Duration(m * 30.436875 * 24 * float64(time.Hour))
	}
	per := map[Granularity]time.Duration{GranInstant: time.Second, GranMinute: time.Minute, GranHour: time.Hour, GranDay: 24 * time.Hour, GranWeekend: 48 * time.Hour, GranWeek: 7 * 24 * time.Hour}
	return time.Duration(d.Amount * float64(per[d.Unit]))
}

// Tense is the direction the clause around an expression points in.
type Tense int

// Tenses. TenseUnknown means no signal was found; resolution then
// defaults to the past (news mostly reports what happened).
const (
	TenseUnknown Tense = iota
	TensePast
	TensePresent
	TenseFuture
)

// String returns "unknown", "past", "present" or "future".
func (t Tense) String() string {
	return [...]string{"unknown", "past", "present", "future"}[t]
}

// Value is a resolved temporal expression.
//
// TIMEX is the TIMEX3 value attribute ("2025-12-03", "2025-W49", "P4Y",
// "XXXX-WXX-5", "PAST_REF"). When holds the interval for dates and times
// that could be placed on the calendar; it is zero for durations, sets,
// vague references and unresolved values. Dur holds the length of a
// duration (and the period of a set).
type Value struct {
	Kind  Kind
	TIMEX string
	Mod   string // TIMEX3 mod: APPROX, LESS_THAN, MORE_THAN, START, MID, END, …
	Quant string // sets: "EACH", "EVERY"
	Freq  string // sets: "1W"
	When  Interval
	Dur   Duration
}

// Mention is one temporal expression found in an article body and resolved
// against its publication context.
type Mention struct {
	Text     string // the expression as written (TIMEX3 extent, no "on"/"in")
	Span     Span   // byte offsets of Text in the body
	Sentence Span   // byte offsets of the enclosing sentence in the body
	Value
	Tense     Tense
	Signal    string // the word(s) that decided the tense, e.g. "resigned", "will"
	Rule      string // name of the rule that matched, for explanations
	Furniture bool   // in page furniture (newsletter, app promotion): not for the timeline
}

// String formats a mention for test tables: `"Friday"@12-18 2025-11-28 day (past: resigned)`.
func (m Mention) String() string {
	s := fmt.Sprintf("%q@%d-%d %s", m.Text, m.Span.Start, m.Span.End, m.TIMEX)
	if !m.When.IsZero() {
		s += " " + m.When.Gran.String()
	}
	if m.Tense != TenseUnknown {
		s += " (" + m.Tense.String()
		if m.Signal != "" {
			s += ": " + m.Signal
		}
		s += ")"
	}
	return s
}
