// Package civil is calendar arithmetic on day numbers (days since
// 1970-01-01, proleptic Gregorian) and the periods in which a zone keeps
// one offset: what time.Date and Time.Date compute, without a zone lookup
// per call. The tagger's resolver and the tag command's writer use it.
package civil

import (
	"math"
	"time"
)

// Period is one period of a zone with one offset: the offset east of
// UTC and the bounds [Start, End) in Unix seconds, as the zone's lookup
// gives them (time.Time.ZoneBounds; unbounded sides are MinInt64 and
// MaxInt64).
type Period struct {
	Off        int64
	Start, End int64
}

// PeriodOf returns the period of t's zone holding t.
func PeriodOf(t time.Time) Period {
	_, off := t.Zone()
	s, e := t.ZoneBounds()
	p := Period{Off: int64(off), Start: math.MinInt64, End: math.MaxInt64}
	if !s.IsZero() {
		p.Start = s.Unix()
	}
	if !e.IsZero() {
		p.End = e.Unix()
	}
	return p
}

// Has reports whether the Unix second u lies in the period.
func (p *Period) Has(u int64) bool { return p.Start <= u && u < p.End }

// FloorDiv returns a/b rounded down (b > 0).
func FloorDiv(a, b int64) int64 {
	q := a / b
	if a%b < 0 {
		q--
	}
	return q
}

// Days returns the number of days from 1970-01-01 to y-m-d in the
// proleptic Gregorian calendar, with the month and day normalized as
// time.Date normalizes them (month 13 is January of the next year, day 0
// the last of the month before).
func Days(y int, m time.Month, d int) int64 {
	yy, mm := int64(y), int64(m)-1
	yy += FloorDiv(mm, 12)
	mm -= FloorDiv(mm, 12) * 12
	mm++ // 1..12
	if mm <= 2 {
		yy--
	}
	era := FloorDiv(yy, 400)
	yoe := yy - era*400
	mp := mm - 3
	if mm <= 2 {
		mp = mm + 9
	}
	doy := (153*mp+2)/5 + int64(d) - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return era*146097 + doe - 719468
}

// Date returns the date days after 1970-01-01 (the inverse of Days).
func Date(days int64) (int, time.Month, int) {
	z := days + 719468
	era := FloorDiv(z, 146097)
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
