package parse

import (
	"testing"
	"time"
)

// unitIntervalRef is unitInterval as time.Date and AddDate compute it:
// the reference of the resolver's civil-day arithmetic.
func unitIntervalRef(loc *time.Location, t time.Time, g Granularity) Interval {
	day := func(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, loc) }
	y, m, d := t.Date()
	var s, e time.Time
	switch g {
	case GranDay:
		s = day(y, m, d)
		e = s.AddDate(0, 0, 1)
	case GranWeek:
		off := (int(t.Weekday()) + 6) % 7
		s = day(y, m, d-off)
		e = s.AddDate(0, 0, 7)
	case GranWeekend:
		off := (int(t.Weekday()) + 6) % 7
		s = day(y, m, d-off+5)
		e = s.AddDate(0, 0, 2)
	case GranMonth:
		s = day(y, m, 1)
		e = s.AddDate(0, 1, 0)
	case GranQuarter:
		s = day(y, time.Month((int(m)-1)/3*3+1), 1)
		e = s.AddDate(0, 3, 0)
	case GranHalf:
		s = day(y, time.Month((int(m)-1)/6*6+1), 1)
		e = s.AddDate(0, 6, 0)
	case GranSeason:
		mm, yy := int(m), y
		if mm <= 2 {
			yy--
			mm += 12
		}
		s = day(yy, time.Month((mm-3)/3*3+3), 1)
		e = s.AddDate(0, 3, 0)
	case GranYear:
		s = day(y, 1, 1)
		e = s.AddDate(1, 0, 0)
	case GranDecade:
		s = day(y-y%10, 1, 1)
		e = s.AddDate(10, 0, 0)
	case GranCentury:
		s = day(y-y%100, 1, 1)
		e = s.AddDate(100, 0, 0)
	default:
		s = day(y, m, d)
		e = s.AddDate(0, 0, 1)
		g = GranDay
	}
	return Interval{Start: s, End: e, Gran: g}
}

// TestResolverCivil checks the resolver's day arithmetic against
// time.Date and AddDate (the same Time values, field for field) in zones
// with DST at midnight, half-hour offsets and skipped days, on every day
// of years around their transitions, from resolvers whose zone period
// was first set at different days.
func TestResolverCivil(t *testing.T) {
	zones := []string{"UTC", "America/New_York", "Australia/Sydney", "Australia/Lord_Howe", "America/Santiago", "America/Havana",
		"Asia/Beirut", "Pacific/Apia", "Pacific/Kiritimati", "Asia/Tehran", "Asia/Kathmandu", "Pacific/Chatham", "Africa/Casablanca", "Europe/London"}
	exacts, days := 0, 0
	grans := []Granularity{GranDay, GranWeek, GranWeekend, GranMonth, GranQuarter, GranHalf, GranSeason, GranYear, GranDecade, GranCentury, GranUnknown}
	for _, z := range zones {
		loc, err := time.LoadLocation(z)
		if err != nil {
			t.Fatal(err)
		}
		for _, first := range []time.Time{time.Date(2025, 12, 3, 0, 0, 0, 0, loc), time.Date(2011, 12, 29, 0, 0, 0, 0, loc), time.Date(1994, 12, 30, 0, 0, 0, 0, loc), time.Date(2026, 3, 29, 0, 0, 0, 0, loc)} {
			r := resolver{loc: loc}
			fy, fm, fd := first.Date()
			r.day(fy, fm, fd) // sets the zone period
			for _, y := range []int{1994, 1995, 2011, 2012, 2025, 2026, 2040} {
				for day := -3; day < 370; day++ {
					want := time.Date(y, 1, day, 0, 0, 0, 0, loc)
					got, exact := r.dayAt(y, 1, day)
					if got != want {
						t.Fatalf("%s: dayAt(%d, 1, %d) = %v, want %v", z, y, day, got, want)
					}
					days++
					if !exact && z == "UTC" {
						t.Fatalf("UTC: dayAt(%d, 1, %d) not from the zone period", y, day)
					}
					if exact {
						exacts++
						if h, mi, s := want.Clock(); h != 0 || mi != 0 || s != 0 {
							t.Fatalf("%s: dayAt(%d, 1, %d) exact at %v", z, y, day, want)
						}
					}
					for _, tt := range []time.Time{want, want.Add(13 * time.Hour)} {
						wy, wm, wd := tt.Date()
						if gy, gm, gd := r.dateOf(tt); gy != wy || gm != wm || gd != wd {
							t.Fatalf("%s: dateOf(%v) = %d-%d-%d", z, tt, gy, gm, gd)
						}
					}
					for _, g := range grans {
						if g != GranDay && day%5 != 0 {
							continue
						}
						if got, want := r.unitIntervalOf(want, g), unitIntervalRef(loc, want, g); got != want {
							t.Fatalf("%s: unitInterval(%v, %v) = %v, want %v", z, want, g, got, want)
						}
					}
				}
			}
		}
	}
	// UTC has one period: every day in it; each other zone has some
	if exacts*5 < days {
		t.Errorf("%d of %d days from the zone period: the civil arithmetic is hardly used", exacts, days)
	}
}
