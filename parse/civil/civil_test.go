package civil

import (
	"math"
	"testing"
	"time"
)

// TestDays checks Days and Date against time.Date in UTC,
// months and days out of range included (time.Date normalizes them).
func TestDays(t *testing.T) {
	for y := -1200; y <= 12000; y += 7 {
		for m := time.Month(-14); m <= 27; m += 3 {
			for _, d := range []int{-40, -1, 0, 1, 15, 28, 29, 30, 31, 32, 70} {
				want := time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
				if got := Days(y, m, d) * 86400; got != want.Unix() {
					t.Fatalf("Days(%d, %d, %d) = %d days, want %d", y, m, d, got/86400, want.Unix()/86400)
				}
			}
		}
	}
	for days := int64(-1_200_000); days <= 4_000_000; days += 37 {
		wy, wm, wd := time.Unix(days*86400, 0).UTC().Date()
		if y, m, d := Date(days); y != wy || m != wm || d != wd {
			t.Fatalf("Date(%d) = %d-%d-%d, want %d-%d-%d", days, y, m, d, wy, wm, wd)
		}
	}
}

// TestPeriodOf checks periods against Time.Zone on both sides of their
// bounds, in zones with and without daylight saving time.
func TestPeriodOf(t *testing.T) {
	for _, name := range []string{"UTC", "America/New_York", "Europe/Berlin", "Australia/Lord_Howe", "Asia/Kathmandu", "Pacific/Apia"} {
		loc, err := time.LoadLocation(name)
		if err != nil {
			t.Fatal(err)
		}
		for _, tm := range []time.Time{time.Date(2025, 3, 30, 1, 30, 0, 0, loc), time.Date(2025, 7, 1, 12, 0, 0, 0, loc), time.Date(2011, 12, 29, 12, 0, 0, 0, loc), time.Date(1990, 1, 1, 0, 0, 0, 0, loc)} {
			p := PeriodOf(tm)
			u := tm.Unix()
			if _, off := tm.Zone(); !p.Has(u) || p.Off != int64(off) {
				t.Fatalf("%s %v: PeriodOf = %+v, want one holding %d with offset %d", name, tm, p, u, off)
			}
			for _, edge := range []int64{p.Start, p.End - 1} {
				if edge == math.MinInt64 || edge == math.MaxInt64-1 {
					continue
				}
				if _, off := time.Unix(edge, 0).In(loc).Zone(); int64(off) != p.Off {
					t.Errorf("%s: offset at %d (inside %+v) is %d", name, edge, p, off)
				}
			}
			if p.End != math.MaxInt64 {
				if _, off := time.Unix(p.End, 0).In(loc).Zone(); int64(off) == p.Off && PeriodOf(time.Unix(p.End, 0).In(loc)).Start != p.End {
					t.Errorf("%s: %+v does not end at a new period", name, p)
				}
			}
		}
	}
}
