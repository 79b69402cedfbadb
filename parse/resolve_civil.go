package parse

import (
	"time"

	"chronicle/parse/civil"
)

// Civil-day arithmetic for the resolver. time.Date in a zone looks the
// zone's offset up (twice near a transition) and AddDate converts the
// instant back to a date first; an article's dates fall in few zone
// periods (same offset): the publication day's, and a few more the
// resolver looks up once each (periodAt). In a period, the day's
// midnight is the civil seconds minus the offset, exactly what time.Date
// computes when that instant lies in the same period; any other date
// (a midnight skipped or repeated by a transition) takes time.Date.

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

// zoneMemoN is the number of zone periods a zoneMemo keeps.
const zoneMemoN = 32

// zoneMemo keeps the last zoneMemoN zone periods of one zone that
// resolvers looked up. A zone's periods never change, so a worker's
// resolvers share one memo per zone from article to article (see
// zoneMemos).
type zoneMemo struct {
	loc  *time.Location
	ps   [zoneMemoN]civil.Period
	n    int // periods added so far (the last zoneMemoN are kept)
	last int // the index of the period found or added last
}

// zoneMemosMax bounds the zones a zoneMemos keeps.
const zoneMemosMax = 64

// zoneMemos holds a worker's zoneMemo of each zone, by *time.Location
// (the map holds the pointers: the zones stay alive and their addresses
// are not reused). It starts afresh once it holds zoneMemosMax zones.
type zoneMemos map[*time.Location]*zoneMemo

// of returns the memo of loc, adding an empty one when there is none.
func (zm *zoneMemos) of(loc *time.Location) *zoneMemo {
	if z := (*zm)[loc]; z != nil {
		return z
	}
	if *zm == nil || len(*zm) >= zoneMemosMax {
		*zm = make(zoneMemos)
	}
	z := &zoneMemo{loc: loc}
	(*zm)[loc] = z
	return z
}

// periodAt returns the period of r.loc holding the instant u (Unix
// seconds): the resolver's zone period, else one of the periods of its
// zone memo, else the period looked up now (and kept in the memo). The
// first period looked up becomes the zone period when none was set. (A
// copy: a later call may replace a kept period.)
func (r *resolver) periodAt(u int64) civil.Period {
	// (an unset zone period is empty: Start and End are 0)
	if r.zs.Start <= u && u < r.zs.End {
		return r.zs.Period // small enough to inline: the common case
	}
	return r.periodMore(u)
}

// periodMore is periodAt for an instant outside the zone period.
func (r *resolver) periodMore(u int64) civil.Period {
	if r.zm == nil || r.zm.loc != r.loc {
		r.zm = &zoneMemo{loc: r.loc}
	}
	z := r.zm
	var p civil.Period
	found := false
	if z.ps[z.last].Has(u) {
		p, found = z.ps[z.last], true // the period found last time
	} else {
		for i := range min(z.n, zoneMemoN) {
			if z.ps[i].Has(u) {
				p, found = z.ps[i], true
				z.last = i
				break
			}
		}
	}
	if !found {
		p = civil.PeriodOf(time.Unix(u, 0).In(r.loc))
		z.last = z.n % zoneMemoN
		z.ps[z.last] = p
		z.n++
	}
	if !r.zs.ok {
		r.zs = zoneSpan{ok: true, Period: p}
	}
	return p
}

// dayAt returns time.Date(y, m, d, 0, 0, 0, 0, r.loc). exact reports
// that it was computed from a zone period: the result is then 00:00:00
// of the normalized date, the clock and date AddDate starts from.
func (r *resolver) dayAt(y int, m time.Month, d int) (t time.Time, exact bool) {
	if !r.plain {
		u := civil.Days(y, m, d) * 86400
		// time.Date: the offset of the period holding u read as UTC,
		// kept when u minus it lies in the same period
		if p := r.periodAt(u); p.Has(u - p.Off) {
			return time.Unix(u-p.Off, 0).In(r.loc), true
		}
	}
	t = time.Date(y, m, d, 0, 0, 0, 0, r.loc)
	if !r.zs.ok {
		r.zs = spanOf(t)
	}
	return t, false
}

// dateOf returns t.Date(), from a zone period when t is in r.loc.
func (r *resolver) dateOf(t time.Time) (int, time.Month, int) {
	if !r.plain && t.Location() == r.loc {
		u := t.Unix()
		return civil.Date(civil.FloorDiv(u+r.periodAt(u).Off, 86400))
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
