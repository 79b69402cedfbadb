package parse

import (
	"fmt"
	"strconv"
	"time"
)

// resolver turns specs into values against one article's anchor.
type resolver struct {
	loc     *time.Location
	anchor  time.Time // publication day, 00:00 in loc
	undated bool
	ref     Interval // the last date the text mentioned (zero: none)
	refDay  Interval // the last day (or finer) the text mentioned
	// pub is the publication instant when it has an hour (zero for a
	// date-only publication): a past clock time later than it is on the
	// day before ("the quake hit at 11:40 p.m." in a 10:15 a.m. paper), a
	// future one earlier than it on the day after.
	pub time.Time

	// memo holds the last few results of unitIntervalOf by (t, g), for
	// the intervals unitInterval cannot compute on day numbers:
	// unitIntervalOf is a function of t and g (and loc, fixed per
	// resolver), so a hit returns what the computation would.
	memo [memoSlots]ivMemo
	// zs is the zone period periodAt tries first: the publication
	// day's (set by the tagger), else the first one it looked up.
	zs zoneSpan
	// zm holds the other zone periods periodAt looked up (shared with
	// the worker's other resolvers of the same zone when the tagger
	// sets it; a resolver makes its own when it is nil).
	zm *zoneMemo
	// tc, when not nil, caches TIMEX3 values across the articles of one
	// worker (see timexCache).
	tc *timexCache
	// ad caches the anchor's date (see anchorDate).
	ad anchorCivil
	// last is the start and day number of the last unit interval
	// computed on day numbers (see timex).
	last dayOfStart
	// plain turns every day-number and zone-period fast path off: the
	// resolver then computes with time.Date, AddDate and Time.Date only
	// (the reference of TestResolverFast).
	plain bool
}

// memoSlots is the size of the resolver's memo (a power of two).
const memoSlots = 8

// ivMemo is one entry of the resolver's memo: unitInterval(t, g) = iv.
type ivMemo struct {
	ok bool
	g  Granularity
	t  time.Time
	iv Interval
}

// memoSlot returns the memo entry of (t, g).
func (r *resolver) memoSlot(t time.Time, g Granularity) *ivMemo {
	h := uint64(t.Unix())*0x9E3779B97F4A7C15 ^ uint64(g)*0xC2B2AE3D27D4EB4F
	return &r.memo[h>>61&(memoSlots-1)]
}

func (r *resolver) day(y int, m time.Month, d int) time.Time {
	t, _ := r.dayAt(y, m, d)
	return t
}

// unitIntervalMemo returns unitIntervalOf(t, g), through the memo.
func (r *resolver) unitIntervalMemo(t time.Time, g Granularity) Interval {
	e := r.memoSlot(t, g)
	if e.ok && e.t == t && e.g == g {
		return e.iv
	}
	iv := r.unitIntervalOf(t, g)
	*e = ivMemo{ok: true, g: g, t: t, iv: iv}
	return iv
}

// unitIntervalOf computes unitInterval(t, g).
func (r *resolver) unitIntervalOf(t time.Time, g Granularity) Interval {
	y, m, d := r.dateOf(t)
	var s, e time.Time
	switch g {
	case GranDay:
		s, e = r.span(y, m, d, 0, 0, 1)
	case GranWeek:
		off := (int(t.Weekday()) + 6) % 7
		s, e = r.span(y, m, d-off, 0, 0, 7)
	case GranWeekend:
		off := (int(t.Weekday()) + 6) % 7
		s, e = r.span(y, m, d-off+5, 0, 0, 2)
	case GranMonth:
		s, e = r.span(y, m, 1, 0, 1, 0)
	case GranQuarter:
		s, e = r.span(y, time.Month((int(m)-1)/3*3+1), 1, 0, 3, 0)
	case GranHalf:
		s, e = r.span(y, time.Month((int(m)-1)/6*6+1), 1, 0, 6, 0)
	case GranSeason:
		// SP Mar–May, SU Jun–Aug, FA Sep–Nov, WI Dec–Feb (named by its December's year)
		mm := int(m)
		yy := y
		if mm <= 2 {
			yy--
			mm += 12
		}
		start := (mm-3)/3*3 + 3
		s, e = r.span(yy, time.Month(start), 1, 0, 3, 0)
	case GranYear:
		s, e = r.span(y, 1, 1, 1, 0, 0)
	case GranDecade:
		s, e = r.span(y-y%10, 1, 1, 10, 0, 0)
	case GranCentury:
		s, e = r.span(y-y%100, 1, 1, 100, 0, 0)
	default:
		s, e = r.span(y, m, d, 0, 0, 1)
		g = GranDay
	}
	return Interval{Start: s, End: e, Gran: g}
}

// shift moves t by n units of g (calendar arithmetic in the zone).
func shift(t time.Time, g Granularity, n int) time.Time {
	switch g {
	case GranDay, GranPartOfDay:
		return t.AddDate(0, 0, n)
	case GranWeek, GranWeekend:
		return t.AddDate(0, 0, 7*n)
	case GranMonth:
		// from the first of the month, so 31 March - 1 month stays in February
		return time.Date(t.Year(), t.Month()+time.Month(n), 1, 0, 0, 0, 0, t.Location())
	case GranQuarter:
		return time.Date(t.Year(), t.Month()+time.Month(3*n), 1, 0, 0, 0, 0, t.Location())
	case GranHalf, GranSeason:
		k := 6
		if g == GranSeason {
			k = 3
		}
		return time.Date(t.Year(), t.Month()+time.Month(k*n), 1, 0, 0, 0, 0, t.Location())
	case GranYear:
		return time.Date(t.Year()+n, t.Month(), min(t.Day(), 28), 0, 0, 0, 0, t.Location())
	case GranDecade:
		return time.Date(t.Year()+10*n, t.Month(), 1, 0, 0, 0, 0, t.Location())
	case GranCentury:
		return time.Date(t.Year()+100*n, t.Month(), 1, 0, 0, 0, 0, t.Location())
	case GranHour, GranMinute, GranInstant:
		return t
	}
	return t
}

// timexOf formats the TIMEX3 value of an interval.
func timexOf(iv Interval) string {
	s := iv.Start
	y, m, d := s.Date()
	var b [16]byte
	out := b[:0]
	switch iv.Gran {
	case GranWeek, GranWeekend:
		wy, w := s.ISOWeek()
		out = pad(out, wy, 4)
		out = append(out, '-', 'W')
		out = pad(out, w, 2)
		if iv.Gran == GranWeekend {
			out = append(out, "-WE"...)
		}
	case GranMonth:
		out = pad(out, y, 4)
		out = append(out, '-')
		out = pad(out, int(m), 2)
	case GranQuarter:
		out = append(pad(out, y, 4), '-', 'Q', byte('0'+(int(m)-1)/3+1))
	case GranHalf:
		out = append(pad(out, y, 4), '-', 'H', byte('0'+(int(m)-1)/6+1))
	case GranSeason:
		out = append(pad(out, y, 4), '-')
		out = append(out, [...]string{"SP", "SU", "FA", "WI"}[(int(m)-3)/3%4]...)
	case GranYear:
		out = pad(out, y, 4)
	case GranDecade:
		out = pad(out, y/10, 3)
	case GranCentury:
		out = pad(out, y/100, 2)
	default:
		out = pad(out, y, 4)
		out = append(out, '-')
		out = pad(out, int(m), 2)
		out = append(out, '-')
		out = pad(out, d, 2)
	}
	return string(out)
}

// clockTIMEX returns the TIMEX3 value of a clock time,
// fmt.Sprintf("%04d-%02d-%02dT%02d:%02d", y, m, d, hh, mi), followed by
// "Z" when zone is 'Z' or by the offset off (seconds east of UTC) as
// "+hh:mm" or "-hh:mm" when zone is 'o'. It writes the digits itself, in
// one buffer, when they are not negative.
func clockTIMEX(y, m, d, hh, mi int, zone byte, off int) string {
	sign := byte('+')
	if off < 0 {
		sign, off = '-', -off
	}
	if y < 0 || m < 0 || d < 0 || hh < 0 || mi < 0 {
		val := fmt.Sprintf("%04d-%02d-%02dT%02d:%02d", y, m, d, hh, mi)
		switch zone {
		case 'Z':
			val += "Z"
		case 'o':
			val += fmt.Sprintf("%c%02d:%02d", sign, off/3600, off%3600/60)
		}
		return val
	}
	var buf [32]byte
	b := append(pad(buf[:0], y, 4), '-')
	b = append(pad(b, m, 2), '-')
	b = append(pad(b, d, 2), 'T')
	b = append(pad(b, hh, 2), ':')
	b = pad(b, mi, 2)
	switch zone {
	case 'Z':
		b = append(b, 'Z')
	case 'o':
		b = append(pad(append(b, sign), off/3600, 2), ':')
		b = pad(b, off%3600/60, 2)
	}
	return string(b)
}

// pad appends n in decimal, zero-padded to width digits.
func pad(b []byte, n, width int) []byte {
	if n < 0 {
		return b
	}
	// the widths of dates and times, digit by digit with no loop
	switch {
	case width == 2 && n < 100:
		return append(b, byte('0'+n/10), byte('0'+n%10))
	case width == 4 && n < 10000:
		return append(b, byte('0'+n/1000), byte('0'+n/100%10), byte('0'+n/10%10), byte('0'+n%10))
	}
	var d [12]byte
	i := len(d)
	for n > 0 || i == len(d) {
		i--
		d[i] = byte('0' + n%10)
		n /= 10
	}
	for k := len(d) - i; k < width; k++ {
		b = append(b, '0')
	}
	return append(b, d[i:]...)
}

// podInterval narrows a day to a part of day.
func podInterval(day time.Time, pod string) Interval {
	h0, h1 := 6, 12
	switch pod {
	case "MI":
		h0, h1 = 11, 14
	case "AF":
		h0, h1 = 12, 18
	case "EV":
		h0, h1 = 18, 22
	case "NI":
		h0, h1 = 21, 30
	}
	y, m, d := day.Date()
	return Interval{Start: time.Date(y, m, d, h0, 0, 0, 0, day.Location()), End: time.Date(y, m, d, h1, 0, 0, 0, day.Location()), Gran: GranPartOfDay, Approx: true}
}

// subIndexOf returns the index (1-based) of the quarter, half, season
// or month holding a day in month mo of year y, and the year it is
// counted in.
func subIndexOf(y int, mo time.Month, g Granularity) (idx, year int) {
	m := int(mo)
	switch g {
	case GranQuarter:
		return (m-1)/3 + 1, y
	case GranHalf:
		return (m-1)/6 + 1, y
	case GranSeason:
		if m <= 2 {
			return 4, y - 1
		}
		if m == 12 {
			return 4, y
		}
		return (m-3)/3 + 1, y
	}
	return m, y
}

// subStart returns the first day of the n-th sub-unit of year y.
func (r *resolver) subStart(y int, g Granularity, n int) Interval {
	var mo int
	switch g {
	case GranQuarter:
		mo = (n-1)*3 + 1
	case GranHalf:
		mo = (n-1)*6 + 1
	case GranSeason:
		mo = n*3 + 0 // SP→3, SU→6, FA→9, WI→12
	default:
		mo = n
	}
	return r.unitInterval(r.day(y, time.Month(mo), 1), g)
}

// pickYear chooses the year of a sub-unit (month, quarter, season) without
// a year: dir -1 strictly before the anchor's, +1 strictly after, 2 the
// anchor's year, 0 by tense (past/unknown: on or before; future: on or after).
func (r *resolver) pickYear(g Granularity, n, dir int, tense Tense) int {
	ay, am, _, _ := r.anchorDate()
	cur, y := subIndexOf(ay, am, g)
	switch dir {
	case -1:
		if n < cur {
			return y
		}
		return y - 1
	case 1:
		if n > cur {
			return y
		}
		return y + 1
	case 2:
		return y
	}
	if tense == TenseFuture {
		if n >= cur {
			return y
		}
		return y + 1
	}
	if n <= cur {
		return y
	}
	return y - 1
}

// dateValue returns the value of a date interval.
func (r *resolver) dateValue(iv Interval, kind Kind) Value {
	return Value{Kind: kind, TIMEX: r.timex(iv), When: iv}
}

// unresolved builds the X-filled value of a relative expression in an
// undated article.
func unresolved(sp *spec) Value {
	v := Value{Kind: sp.kind, Mod: sp.mod}
	switch sp.op {
	case opWeekday:
		v.TIMEX = "XXXX-WXX-" + isoWeekdayDigit(sp.wd)
	case opAbs:
		if sp.d > 0 {
			v.TIMEX = fmt.Sprintf("XXXX-%02d-%02d", sp.m, sp.d)
		} else {
			v.TIMEX = fmt.Sprintf("XXXX-%02d", sp.m)
		}
	case opSubYear:
		v.TIMEX = "XXXX-" + subName(sp.sub, sp.subN)
	case opMonthDay:
		v.TIMEX = fmt.Sprintf("XXXX-XX-%02d", sp.d)
	case opClock:
		v.TIMEX = fmt.Sprintf("XXXX-XX-XXT%02d:%02d", sp.hh, sp.mi)
	default:
		switch sp.g {
		case GranWeek:
			v.TIMEX = "XXXX-WXX"
		case GranWeekend:
			v.TIMEX = "XXXX-WXX-WE"
		case GranMonth:
			v.TIMEX = "XXXX-XX"
		case GranQuarter:
			v.TIMEX = "XXXX-QX"
		case GranYear:
			v.TIMEX = "XXXX"
		case GranDecade:
			v.TIMEX = "XXX"
		case GranCentury:
			v.TIMEX = "XX"
		default:
			v.TIMEX = "XXXX-XX-XX"
		}
		if sp.fiscal {
			v.TIMEX = "FYXXXX"
		}
	}
	if sp.pod != "" {
		v.TIMEX += "T" + sp.pod
	}
	return v
}

func subName(g Granularity, n int) string {
	switch g {
	case GranQuarter:
		return "Q" + strconv.Itoa(n)
	case GranHalf:
		return "H" + strconv.Itoa(n)
	case GranSeason:
		return [...]string{"SP", "SU", "FA", "WI"}[(n-1)%4]
	}
	return fmt.Sprintf("%02d", n)
}

// relative reports whether an op depends on the anchor.
func (sp *spec) relative() bool {
	switch sp.op {
	case opAbs:
		return sp.y == 0
	case opYear, opDecade, opDur, opVague, opSet:
		return false
	}
	return true
}

// resolve computes the value of sp in the clause's tense.
func (r *resolver) resolve(sp *spec, tense Tense) Value {
	switch sp.op {
	case opDur:
		d := Duration{Amount: sp.amt, Unit: sp.dunit, Unspecified: sp.unspec}
		if d.Unit == GranHour && !d.Unspecified && d.Amount != float64(int(d.Amount)) && d.Amount*60 == float64(int(d.Amount*60)) {
			d.Amount, d.Unit = d.Amount*60, GranMinute // "half an hour" is PT30M
		}
		return Value{Kind: KindDuration, TIMEX: r.durTIMEX(d), Mod: sp.mod, Dur: d}
	case opVague:
		return Value{Kind: sp.kind, TIMEX: sp.vague}
	case opSet:
		return Value{Kind: KindSet, TIMEX: sp.vague, Quant: sp.quant, Freq: sp.freq}
	}
	if r.undated && sp.relative() {
		return unresolved(sp)
	}
	var iv Interval
	switch sp.op {
	case opAbs:
		y := sp.y
		if y == 0 {
			y, _, _, _ = r.anchorDate()
			if sp.d == 0 {
				y = r.pickYear(GranMonth, sp.m, 0, tense)
			} else {
				t := r.day(y, time.Month(sp.m), sp.d)
				switch {
				case sp.plan:
					// a plan made in the past or moved: the nearest such
					// date (below)
					fallthrough
				default:
					// no signal (or a present clause): the nearest such
					// date, a written day and month being precise enough
					// to tell "last May" from "this May"
					prev := r.day(y-1, time.Month(sp.m), sp.d)
					next := r.day(y+1, time.Month(sp.m), sp.d)
					best := t
					if r.anchor.Sub(prev) < absDur(t.Sub(r.anchor)) {
						best = prev
					}
					if next.Sub(r.anchor) < absDur(best.Sub(r.anchor)) {
						best = next
					}
					y = best.Year()
				case tense == TenseFuture:
					if t.Before(r.anchor) {
						y++
					}
				case tense == TensePast:
					if t.After(r.anchor) {
						y--
					}
				}
			}
		}
		if sp.d > 0 {
			iv = r.unitInterval(r.day(y, time.Month(sp.m), sp.d), GranDay)
		} else {
			iv = r.unitInterval(r.day(y, time.Month(sp.m), 1), GranMonth)
		}
	case opYear:
		iv = r.unitInterval(r.day(sp.y, 1, 1), GranYear)
		if sp.sub != GranUnknown {
			y := sp.y
			if sp.sub == GranSeason && sp.subN == 4 {
				// "winter 2024" is the winter that starts in December 2024
			}
			iv = r.subStart(y, sp.sub, sp.subN)
		}
	case opSubYear:
		if sp.rule == "thanksgiving" {
			// the fourth Thursday of November, in the year the tense points to
			y, _, _, _ := r.anchorDate()
			t := thanksgiving(r, y)
			if tense == TenseFuture && t.Before(r.anchor) {
				t = thanksgiving(r, y+1)
			} else if tense != TenseFuture && t.After(r.anchor) {
				t = thanksgiving(r, y-1)
			}
			iv = r.unitInterval(t, GranDay)
			break
		}
		y := r.pickYear(sp.sub, sp.subN, sp.dir, tense)
		iv = r.subStart(y, sp.sub, sp.subN)
	case opWeekday:
		a := r.anchor
		_, _, _, aw := r.anchorDate()
		var t time.Time
		switch sp.dir {
		case -1, 1, 2:
			mon := r.addDate(a, 0, 0, -((aw + 6) % 7))
			off := (sp.wd + 6) % 7
			wk := 0
			if sp.dir == -1 {
				wk = -7
			} else if sp.dir == 1 {
				wk = 7
			}
			t = r.addDate(mon, 0, 0, wk+off)
		case 3:
			base := a
			if !r.refDay.IsZero() {
				base = r.refDay.Start
			}
			diff := (sp.wd - int(base.Weekday()) + 7) % 7
			if diff == 0 {
				diff = 7
			}
			t = r.addDate(base, 0, 0, diff)
		default:
			if tense == TenseFuture {
				t = r.addDate(a, 0, 0, (sp.wd-aw+7)%7)
			} else {
				t = r.addDate(a, 0, 0, -((aw - sp.wd + 7) % 7))
			}
		}
		iv = r.unitInterval(t, GranDay)
	case opDeictic:
		iv = r.unitInterval(r.addDate(r.anchor, 0, 0, sp.n), GranDay)
	case opMonthDay:
		y, m, _, _ := r.anchorDate()
		t := r.day(y, m, sp.d)
		if tense == TenseFuture && t.Before(r.anchor) {
			t = r.day(y, m+1, sp.d)
		} else if tense != TenseFuture && t.After(r.anchor) {
			t = r.day(y, m-1, sp.d)
		}
		if t.Day() != sp.d {
			return unresolved(sp)
		}
		iv = r.unitInterval(t, GranDay)
	case opRelUnit:
		g := sp.g
		if g == GranWeekend && sp.dir == 5 {
			// "the weekend": the last one in the past, the next one in the future
			_, _, _, aw := r.anchorDate()
			var t time.Time
			if tense == TenseFuture {
				t = r.addDate(r.anchor, 0, 0, (6-aw+7)%7)
				if aw == 0 {
					t = r.anchor
				}
			} else {
				t = r.addDate(r.anchor, 0, 0, -((aw - 6 + 7) % 7))
				if aw == 0 {
					t = r.anchor
				}
			}
			iv = r.unitInterval(t, GranWeekend)
			break
		}
		base := r.shift(r.unitInterval(r.anchor, g).Start, g, sp.n)
		iv = r.unitInterval(base, g)
		if sp.sub != GranUnknown {
			iv = r.subStart(iv.Start.Year(), sp.sub, sp.subN)
		}
	case opAgo:
		iv = r.shifted(r.unitInterval(r.anchor, GranDay), sp)
	case opRef, opRefShift:
		base := r.unitInterval(r.anchor, GranDay)
		if need := refNeed(sp.g); need == GranDay && !r.refDay.IsZero() {
			base = r.refDay
		} else if !r.ref.IsZero() && r.ref.Gran <= need {
			base = r.ref
		}
		if sp.op == opRef {
			g := sp.g
			if g < base.Gran {
				g = base.Gran
			}
			iv = r.unitInterval(base.Start, g)
		} else {
			iv = r.shifted(base, sp)
		}
	case opDecade:
		iv = r.unitInterval(r.day(sp.y, 1, 1), sp.g)
	case opClock:
		day := r.anchor
		pub := r.pub
		loc := r.loc
		if sp.zloc != nil {
			loc = sp.zloc
		}
		y, m, d := day.Date()
		t := time.Date(y, m, d, sp.hh, sp.mi, 0, 0, loc)
		if !pub.IsZero() && day.Equal(r.unitInterval(pub, GranDay).Start) {
			switch {
			case tense == TensePast && t.After(pub):
				t = time.Date(y, m, d-1, sp.hh, sp.mi, 0, 0, loc)
			case tense == TenseFuture && t.Before(pub):
				t = time.Date(y, m, d+1, sp.hh, sp.mi, 0, 0, loc)
			}
			y, m, d = t.Date()
		}
		zone, off := byte(0), 0
		switch {
		case sp.zone == "Z":
			zone = 'Z'
		case sp.zloc != nil:
			_, off = t.Zone()
			zone = 'o'
		}
		val := clockTIMEX(y, int(m), d, sp.hh, sp.mi, zone, off)
		st := t.In(r.loc)
		end := st.Add(time.Minute)
		g := GranMinute
		if sp.g == GranHour && sp.mi == 0 {
			end = st.Add(time.Hour)
			g = GranHour
		}
		return Value{Kind: KindTime, TIMEX: val, When: Interval{Start: st, End: end, Gran: g}}
	}
	if iv.IsZero() {
		return unresolved(sp)
	}
	if sp.mod != "" || sp.approx {
		iv.Approx = true
	}
	v := r.dateValue(iv, sp.kind)
	v.Mod = sp.mod
	if sp.fiscal {
		v.TIMEX = "FY" + strconv.Itoa(iv.Start.Year())
	}
	if sp.pod != "" && iv.Gran == GranDay {
		v.When = podInterval(iv.Start, sp.pod)
		v.TIMEX += "T" + sp.pod
		v.Kind = KindTime
	}
	return v
}

// refNeed is the coarsest reference precision a shift in unit g can use.
func refNeed(g Granularity) Granularity {
	switch g {
	case GranDay, GranWeek, GranWeekend, GranHour, GranMinute, GranPartOfDay:
		return GranDay
	case GranMonth:
		return GranMonth
	case GranQuarter:
		return GranQuarter
	}
	return GranYear
}

// shifted moves base by sp.n units of sp.g and returns the result at the
// unit's precision (days and weeks land on a day; months on a month; years
// on a year), or at dunit when given ("this time last year" is a day).
func (r *resolver) shifted(base Interval, sp *spec) Interval {
	g := sp.g
	switch g {
	case GranHour, GranMinute, GranInstant:
		return r.unitInterval(base.Start, GranDay)
	case GranDecade:
		t := r.addDate(base.Start, 10*sp.n, 0, 0)
		return r.unitInterval(t, GranYear)
	case GranCentury:
		t := r.addDate(base.Start, 100*sp.n, 0, 0)
		return r.unitInterval(t, GranYear)
	}
	out := g
	if g == GranWeek || g == GranWeekend {
		out = GranDay
	}
	if sp.dunit != GranUnknown {
		out = sp.dunit
	}
	if base.Gran > out && base.Gran != GranWeek {
		out = base.Gran // "a day later" after "in 2004" stays a year
	}
	var t time.Time
	switch g {
	case GranDay:
		t = r.addDate(base.Start, 0, 0, sp.n)
	case GranWeek, GranWeekend:
		t = r.addDate(base.Start, 0, 0, 7*sp.n)
	case GranMonth:
		if out != GranDay {
			t = r.shift(base.Start, GranMonth, sp.n)
		} else {
			t = r.addDate(base.Start, 0, sp.n, 0)
		}
	case GranQuarter:
		t = r.shift(base.Start, GranQuarter, sp.n)
	case GranYear:
		t = r.addDate(base.Start, sp.n, 0, 0)
	default:
		t = base.Start
	}
	return r.unitInterval(t, out)
}

func thanksgiving(r *resolver, y int) time.Time {
	first := r.day(y, time.November, 1)
	off := (int(time.Thursday) - int(first.Weekday()) + 7) % 7
	return r.day(y, time.November, 1+off+21)
}

func absDur(d time.Duration) time.Duration {
	if d < 0 {
		return -d
	}
	return d
}
