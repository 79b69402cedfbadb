package parse

import (
	"math"
	"time"
)

// Civil-day arithmetic for the resolver. time.Date in a zone looks the
// zone's offset up (twice near a transition) and AddDate converts the
// instant back to a date first; most of an article's dates fall in the
// zone period (same offset) as the first one the resolver computed. For
// those, the day's midnight is the civil seconds minus the offset,
// exactly what time.Date computes; any other date takes time.Date.

// zoneSpan is one period of a zone: its offset and its bounds [start,
// end) in Unix seconds, as the zone's lookup gives them
// (time.Time.ZoneBounds); ok is false until it is set.
type zoneSpan struct {
	ok         bool
	off        int64
	start, end int64
}

// spanOf returns the zone period holding t, in t's zone.
func spanOf(t time.Time) zoneSpan {
	_, off := t.Zone()
	s, e := t.ZoneBounds()
	zs := zoneSpan{ok: true, off: int64(off), start: math.MinInt64, end: math.MaxInt64}
	if !s.IsZero() {
		zs.start = s.Unix()
	}
	if !e.IsZero() {
		zs.end = e.Unix()
	}
	return zs
}

// has reports whether the Unix second u lies in the period.
func (zs *zoneSpan) has(u int64) bool { return zs.ok && zs.start <= u && u < zs.end }

// floorDiv returns a/b rounded down (b > 0).
func floorDiv(a, b int64) int64 {
	q := a / b
	if a%b < 0 {
		q--
	}
	return q
}

// civilDays returns the number of days from 1970-01-01 to y-m-d in the
// proleptic Gregorian calendar, with the month and day normalized as
// time.Date normalizes them (month 13 is January of the next year, day 0
// the last of the month before).
func civilDays(y int, m time.Month, d int) int64 {
	yy, mm := int64(y), int64(m)-1
	yy += floorDiv(mm, 12)
	mm -= floorDiv(mm, 12) * 12
	mm++ // 1..12
	if mm <= 2 {
		yy--
	}
	era := floorDiv(yy, 400)
	yoe := yy - era*400
	mp := mm - 3
	if mm <= 2 {
		mp = mm + 9
	}
	doy := (153*mp+2)/5 + int64(d) - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return era*146097 + doe - 719468
}

// civilDate returns the date days after 1970-01-01.
func civilDate(days int64) (int, time.Month, int) {
	z := days + 719468
	era := floorDiv(z, 146097)
	doe := z - era*146097
	yoe := (doe - doe/1460 + doe/36524 - doe/146096) / 365
	y := yoe + era*400
	doy := doe - (365*yoe + yoe/4 - yoe/100)
	mp := (5*doy + 2) / 153
	d := doy - (153*mp+2)/5 + 1
	m := mp + 3
	if mp >= 10 {
		m = mp - 9
	}
	if m <= 2 {
		y++
	}
	return int(y), time.Month(m), int(d)
}

// dayAt returns time.Date(y, m, d, 0, 0, 0, 0, r.loc). exact reports
// that it was computed from the resolver's zone period: the result is
// then 00:00:00 of the normalized date, the clock and date AddDate
// starts from.
func (r *resolver) dayAt(y int, m time.Month, d int) (t time.Time, exact bool) {
	if r.zs.ok {
		u := civilDays(y, m, d) * 86400
		// time.Date: the offset of the period holding u read as UTC,
		// kept when u minus it lies in the same period
		if r.zs.has(u) && r.zs.has(u-r.zs.off) {
			return time.Unix(u-r.zs.off, 0).In(r.loc), true
		}
	}
	t = time.Date(y, m, d, 0, 0, 0, 0, r.loc)
	if !r.zs.ok {
		r.zs = spanOf(t)
	}
	return t, false
}

// dateOf returns t.Date(), from the zone period when t is in it.
func (r *resolver) dateOf(t time.Time) (int, time.Month, int) {
	if r.zs.ok && t.Location() == r.loc {
		if u := t.Unix(); r.zs.has(u) {
			return civilDate(floorDiv(u+r.zs.off, 86400))
		}
	}
	return t.Date()
}

// span returns r.day(y, m, d) and that day moved by AddDate(dy, dm, dd).
// y, m, d must be normalized when dy or dm is not 0 (AddDate adds to
// the normalized date).
func (r *resolver) span(y int, m time.Month, d, dy, dm, dd int) (time.Time, time.Time) {
	s, exact := r.dayAt(y, m, d)
	if !exact {
		return s, s.AddDate(dy, dm, dd)
	}
	// s is 00:00:00 of y-m-d: AddDate is time.Date of the moved date
	e, _ := r.dayAt(y+dy, m+time.Month(dm), d+dd)
	return s, e
}
