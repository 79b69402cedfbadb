package parse

import (
	"time"

	"chronicle/parse/civil"
)

// Civil-day arithmetic for the resolver. time.Date in a zone looks the
// zone's offset up (twice near a transition) and AddDate converts the
// instant back to a date first; most of an article's dates fall in the
// zone period (same offset) as the first one the resolver computed. For
// those, the day's midnight is the civil seconds minus the offset,
// exactly what time.Date computes; any other date takes time.Date.

// zoneSpan is the resolver's zone period (see civil.Period); ok is false
// until it is set.
type zoneSpan struct {
	ok bool
	civil.Period
}

// spanOf returns the zone period holding t, in t's zone.
func spanOf(t time.Time) zoneSpan { return zoneSpan{ok: true, Period: civil.PeriodOf(t)} }

// has reports whether the Unix second u lies in the period.
func (zs *zoneSpan) has(u int64) bool { return zs.ok && zs.Period.Has(u) }

// dayAt returns time.Date(y, m, d, 0, 0, 0, 0, r.loc). exact reports
// that it was computed from the resolver's zone period: the result is
// then 00:00:00 of the normalized date, the clock and date AddDate
// starts from.
func (r *resolver) dayAt(y int, m time.Month, d int) (t time.Time, exact bool) {
	if r.zs.ok {
		u := civil.Days(y, m, d) * 86400
		// time.Date: the offset of the period holding u read as UTC,
		// kept when u minus it lies in the same period
		if r.zs.has(u) && r.zs.has(u-r.zs.Off) {
			return time.Unix(u-r.zs.Off, 0).In(r.loc), true
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
			return civil.Date(civil.FloorDiv(u+r.zs.Off, 86400))
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
