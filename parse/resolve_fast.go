package parse

import (
	"math"
	"time"

	"chronicle/parse/civil"
)

// Day-number fast paths of the resolver. Most instants it handles are
// midnights in the article's zone, in one of the few zone periods it
// keeps (see periodAt): there a date is a day number (days since
// 1970-01-01 on the zone's calendar), a day's midnight is the day
// number's seconds minus the period's offset, and unit intervals, AddDate
// and the TIMEX3 values need no zone lookup and no allocation. Each fast
// path gives the time.Time values time.Date and AddDate give (the same
// wall, ext and location), and hands any other instant (a midnight a
// transition skips or repeats) to the plain code; TestResolverFast and
// TestExtractPlain check them against it.

// dayNum returns the day number of t on r.loc's calendar, and whether t
// is exactly 00:00:00 of that day, when t is in r.loc (ok false
// otherwise, and always for a plain resolver).
func (r *resolver) dayNum(t time.Time) (day int64, midnight, ok bool) {
	if r.plain || t.Location() != r.loc {
		return 0, false, false
	}
	u := t.Unix()
	l := u + r.periodAt(u).Off
	day = civil.FloorDiv(l, 86400)
	return day, l == day*86400 && t.Nanosecond() == 0, true
}

// dayStart returns time.Date of day number d at 00:00 in r.loc when the
// day's midnight lies in the period holding its civil seconds (as
// dayAt's fast path; ok false otherwise).
func (r *resolver) dayStart(d int64) (time.Time, bool) {
	u := d * 86400
	if p := r.periodAt(u); p.Has(u - p.Off) {
		return time.Unix(u-p.Off, 0).In(r.loc), true
	}
	return time.Time{}, false
}

// weekdayOf returns the weekday of day number d (1970-01-01 was a
// Thursday).
func weekdayOf(d int64) int {
	return int((d%7 + 7 + 4) % 7)
}

// unitInterval returns the unit g (day … century) containing t. It is
// computed on day numbers when t is in r.loc and both ends of the unit
// are midnights as dayStart computes them, else by unitIntervalOf
// (through the memo).
func (r *resolver) unitInterval(t time.Time, g Granularity) Interval {
	// dayNum, written out: this is the resolver's most frequent call
	if r.plain || t.Location() != r.loc {
		return r.unitIntervalMemo(t, g)
	}
	u := t.Unix()
	d := civil.FloorDiv(u+r.periodAt(u).Off, 86400)
	var s, e int64
	switch g {
	case GranDay:
		s, e = d, d+1
	case GranWeek:
		s = d - int64((weekdayOf(d)+6)%7)
		e = s + 7
	case GranWeekend:
		s = d - int64((weekdayOf(d)+6)%7) + 5
		e = s + 2
	default:
		y, m, dd := civil.Date(d)
		switch g {
		case GranMonth:
			s = d - int64(dd-1)
			e = civil.Days(y, m+1, 1)
		case GranQuarter:
			q := time.Month((int(m)-1)/3*3 + 1)
			s, e = civil.Days(y, q, 1), civil.Days(y, q+3, 1)
		case GranHalf:
			h := time.Month((int(m)-1)/6*6 + 1)
			s, e = civil.Days(y, h, 1), civil.Days(y, h+6, 1)
		case GranSeason:
			mm, yy := int(m), y
			if mm <= 2 {
				yy--
				mm += 12
			}
			start := time.Month((mm-3)/3*3 + 3)
			s, e = civil.Days(yy, start, 1), civil.Days(yy, start+3, 1)
		case GranYear:
			s, e = civil.Days(y, 1, 1), civil.Days(y+1, 1, 1)
		case GranDecade:
			s, e = civil.Days(y-y%10, 1, 1), civil.Days(y-y%10+10, 1, 1)
		case GranCentury:
			s, e = civil.Days(y-y%100, 1, 1), civil.Days(y-y%100+100, 1, 1)
		default:
			s, e, g = d, d+1, GranDay
		}
	}
	// dayStart of s and of e, written out
	su, eu := s*86400, e*86400
	ps := r.periodAt(su)
	if !ps.Has(su - ps.Off) {
		return r.unitIntervalMemo(t, g)
	}
	pe := ps
	if !pe.Has(eu) {
		pe = r.periodAt(eu)
	}
	if !pe.Has(eu - pe.Off) {
		return r.unitIntervalMemo(t, g)
	}
	iv := Interval{Start: time.Unix(su-ps.Off, 0).In(r.loc), End: time.Unix(eu-pe.Off, 0).In(r.loc), Gran: g}
	r.last = dayOfStart{ok: true, start: iv.Start, day: s}
	return iv
}

// dayOfStart records the start of the last interval unitInterval
// computed on day numbers, and its day number: dateValue's timex call
// that follows needs it.
type dayOfStart struct {
	ok    bool
	start time.Time
	day   int64
}

// addDate returns t.AddDate(dy, dm, dd), from day numbers when t is a
// midnight in r.loc and dayStart gives the result's midnight.
func (r *resolver) addDate(t time.Time, dy, dm, dd int) time.Time {
	if d, midnight, ok := r.dayNum(t); ok && midnight {
		// AddDate keeps t's clock, 00:00:00 here: the result is
		// time.Date of the moved date at midnight
		n := d + int64(dd)
		if dy != 0 || dm != 0 {
			y, m, day := civil.Date(d)
			n = civil.Days(y+dy, m+time.Month(dm), day+dd)
		}
		if s, ok := r.dayStart(n); ok {
			return s
		}
	}
	return t.AddDate(dy, dm, dd)
}

// shift is shift(t, g, n) (calendar arithmetic in the zone), from day
// numbers when t is in r.loc and dayStart gives the result's midnight.
func (r *resolver) shift(t time.Time, g Granularity, n int) time.Time {
	switch g {
	case GranDay, GranPartOfDay:
		return r.addDate(t, 0, 0, n)
	case GranWeek, GranWeekend:
		return r.addDate(t, 0, 0, 7*n)
	case GranMonth, GranQuarter, GranHalf, GranSeason, GranYear, GranDecade, GranCentury:
		d, _, ok := r.dayNum(t)
		if !ok {
			break
		}
		// the date time.Date is given in shift, on the same calendar
		y, m, day := civil.Date(d)
		var nd int64
		switch g {
		case GranMonth:
			nd = civil.Days(y, m+time.Month(n), 1)
		case GranQuarter:
			nd = civil.Days(y, m+time.Month(3*n), 1)
		case GranHalf:
			nd = civil.Days(y, m+time.Month(6*n), 1)
		case GranSeason:
			nd = civil.Days(y, m+time.Month(3*n), 1)
		case GranYear:
			nd = civil.Days(y+n, m, min(day, 28))
		case GranDecade:
			nd = civil.Days(y+10*n, m, 1)
		default: // GranCentury
			nd = civil.Days(y+100*n, m, 1)
		}
		if s, ok := r.dayStart(nd); ok {
			return s
		}
	}
	return shift(t, g, n)
}

// anchorDate returns the date and weekday of r.anchor, computed once per
// anchor (attachClocks moves the anchor for a while).
func (r *resolver) anchorDate() (y int, m time.Month, d, wd int) {
	if !r.ad.ok || r.ad.of != r.anchor {
		a := &r.ad
		a.ok, a.of = true, r.anchor
		if n, _, ok := r.dayNum(r.anchor); ok {
			a.y, a.m, a.d = civil.Date(n)
			a.wd = weekdayOf(n)
		} else {
			a.y, a.m, a.d = r.anchor.Date()
			a.wd = int(r.anchor.Weekday())
		}
	}
	return r.ad.y, r.ad.m, r.ad.d, r.ad.wd
}

// anchorCivil caches the date of one anchor (see resolver.anchorDate).
type anchorCivil struct {
	ok    bool
	of    time.Time
	y     int
	m     time.Month
	d, wd int
}

// timexSlots is the size of a timexCache (a power of two).
const timexSlots = 1024

// durSlots is the size of a timexCache's table of durations (a power
// of two).
const durSlots = 128

// timexCache holds TIMEX3 values by (day number, granularity): the
// value of a unit interval is a function of its start's date and its
// granularity, so the mentions of many articles (most fall on few days)
// share one string each instead of formatting and allocating their own.
// durs holds the values of durations the same way, by Duration. A cache
// belongs to one extract call at a time (the Extractor's scratch pool);
// a slot holds the last value that hashed to it.
type timexCache struct {
	dates [timexSlots]timexEnt
	durs  [durSlots]durEnt
}

// durEnt is one slot of a timexCache's durations: s is d.TIMEX3().
type durEnt struct {
	ok bool
	d  Duration
	s  string
}

// timexEnt is one slot of a timexCache: s is the TIMEX3 value of the
// unit g starting on day number day.
type timexEnt struct {
	ok  bool
	g   Granularity
	day int64
	s   string
}

// timex returns timexOf(iv), from the resolver's timexCache when it has
// one.
func (r *resolver) timex(iv Interval) string {
	if r.tc == nil || r.plain {
		return timexOf(iv)
	}
	// the day number of iv.Start's date (dayNum, written out)
	var d int64
	if r.last.ok && r.last.start == iv.Start {
		d = r.last.day
	} else if u := iv.Start.Unix(); iv.Start.Location() == r.loc {
		d = civil.FloorDiv(u+r.periodAt(u).Off, 86400)
	} else {
		y, m, dd := iv.Start.Date()
		d = civil.Days(y, m, dd)
	}
	h := uint64(d)*0x9E3779B97F4A7C15 ^ uint64(iv.Gran)*0xC2B2AE3D27D4EB4F
	e := &r.tc.dates[h>>54&(timexSlots-1)]
	if e.ok && e.day == d && e.g == iv.Gran {
		return e.s
	}
	s := timexOf(iv)
	*e = timexEnt{ok: true, g: iv.Gran, day: d, s: s}
	return s
}

// durTIMEX returns d.TIMEX3(), from the resolver's timexCache when it
// has one.
func (r *resolver) durTIMEX(d Duration) string {
	if r.tc == nil || r.plain {
		return d.TIMEX3()
	}
	h := math.Float64bits(d.Amount)*0x9E3779B97F4A7C15 ^ uint64(d.Unit)*0xC2B2AE3D27D4EB4F
	if d.Unspecified {
		h ^= 0xD6E8FEB86659FD93
	}
	e := &r.tc.durs[h>>57&(durSlots-1)]
	// the amounts' bits: 0 and -0 are written differently
	if e.ok && math.Float64bits(e.d.Amount) == math.Float64bits(d.Amount) && e.d.Unit == d.Unit && e.d.Unspecified == d.Unspecified {
		return e.s
	}
	s := d.TIMEX3()
	*e = durEnt{ok: true, d: d, s: s}
	return s
}
