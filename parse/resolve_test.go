package parse

import (
	"fmt"
	"testing"
	"time"
)

// TestUnitIntervals: every granularity's interval and TIMEX3 value around
// one day, computed in the zone.
func TestUnitIntervals(t *testing.T) {
	ny, _ := time.LoadLocation("America/New_York")
	r := resolver{loc: ny, anchor: time.Date(2025, 12, 3, 0, 0, 0, 0, ny)}
	day := time.Date(2025, 12, 3, 15, 0, 0, 0, ny)
	for _, c := range []struct {
		g          Granularity
		timex, str string
	}{
		{GranDay, "2025-12-03", "2025-12-03/P1D day America/New_York"},
		{GranWeek, "2025-W49", "2025-12-01/P1W week America/New_York"},
		{GranWeekend, "2025-W49-WE", "2025-12-06/P2D weekend America/New_York"},
		{GranMonth, "2025-12", "2025-12-01/P1M month America/New_York"},
		{GranQuarter, "2025-Q4", "2025-10-01/P3M quarter America/New_York"},
		{GranHalf, "2025-H2", "2025-07-01/P6M half America/New_York"},
		{GranSeason, "2025-WI", "2025-12-01/P3M season America/New_York"},
		{GranYear, "2025", "2025-01-01/P1Y year America/New_York"},
		{GranDecade, "202", "2020-01-01/P10Y decade America/New_York"},
		{GranCentury, "20", "2000-01-01/P100Y century America/New_York"},
	} {
		t.Run(c.g.String(), func(t *testing.T) {
			iv := r.unitInterval(day, c.g)
			if got := timexOf(iv); got != c.timex {
				t.Errorf("timex %s, want %s", got, c.timex)
			}
			if got := iv.String(); got != c.str {
				t.Errorf("interval %s, want %s", got, c.str)
			}
			if c.g != GranWeekend && !iv.Contains(r.unitInterval(day, GranDay)) {
				t.Errorf("%s does not contain its day", iv)
			}
		})
	}
}

// TestSeasons: a winter is named by the year of its December; January and
// February belong to the winter that began the December before.
func TestSeasons(t *testing.T) {
	r := resolver{loc: time.UTC}
	for _, c := range []struct {
		name  string
		day   time.Time
		timex string
	}{
		{"january", time.Date(2026, 1, 15, 0, 0, 0, 0, time.UTC), "2025-WI"},
		{"february", time.Date(2026, 2, 28, 0, 0, 0, 0, time.UTC), "2025-WI"},
		{"march", time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC), "2026-SP"},
		{"june", time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC), "2026-SU"},
		{"september", time.Date(2026, 9, 30, 0, 0, 0, 0, time.UTC), "2026-FA"},
		{"december", time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC), "2026-WI"},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := timexOf(r.unitInterval(c.day, GranSeason)); got != c.timex {
				t.Errorf("got %s, want %s", got, c.timex)
			}
		})
	}
}

// TestPickYear: the year of a month, quarter or season without one.
func TestPickYear(t *testing.T) {
	r := resolver{loc: time.UTC, anchor: time.Date(2025, 5, 20, 0, 0, 0, 0, time.UTC)}
	for _, c := range []struct {
		name  string
		g     Granularity
		n     int
		dir   int
		tense Tense
		want  int
	}{
		{"month/past-earlier", GranMonth, 2, 0, TensePast, 2025},
		{"month/past-later", GranMonth, 9, 0, TensePast, 2024},
		{"month/none-later", GranMonth, 9, 0, TenseUnknown, 2024},
		{"month/future-later", GranMonth, 9, 0, TenseFuture, 2025},
		{"month/future-earlier", GranMonth, 2, 0, TenseFuture, 2026},
		{"month/same-past", GranMonth, 5, 0, TensePast, 2025},
		{"month/same-future", GranMonth, 5, 0, TenseFuture, 2025},
		{"month/last-same", GranMonth, 5, -1, TenseUnknown, 2024},
		{"month/next-same", GranMonth, 5, 1, TenseUnknown, 2026},
		{"month/this", GranMonth, 11, 2, TensePast, 2025},
		{"quarter/past-q4", GranQuarter, 4, 0, TensePast, 2024},
		{"quarter/future-q1", GranQuarter, 1, 0, TenseFuture, 2026},
		{"season/past-winter", GranSeason, 4, 0, TensePast, 2024},
		{"season/future-summer", GranSeason, 2, 0, TenseFuture, 2025},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := r.pickYear(c.g, c.n, c.dir, c.tense); got != c.want {
				t.Errorf("got %d, want %d", got, c.want)
			}
		})
	}
}

// TestDurationValues: the TIMEX3 form of durations read from text.
func TestDurationValues(t *testing.T) {
	r := resolver{loc: time.UTC}
	for _, c := range []struct {
		name string
		sp   spec
		want string
	}{
		{"hours", spec{op: opDur, amt: 5, dunit: GranHour}, "PT5H"},
		{"half-years", spec{op: opDur, amt: 3.5, dunit: GranYear}, "P3.5Y"},
		{"week", spec{op: opDur, amt: 1, dunit: GranWeek}, "P1W"},
		{"minutes", spec{op: opDur, amt: 30, dunit: GranMinute}, "PT30M"},
		{"unspecified-years", spec{op: opDur, unspec: true, dunit: GranYear}, "PXY"},
		{"quarters", spec{op: opDur, amt: 2, dunit: GranQuarter}, "P2Q"},
	} {
		t.Run(c.name, func(t *testing.T) {
			v := r.resolve(&c.sp, TenseUnknown)
			if v.TIMEX != c.want || v.Kind != KindDuration || !v.When.IsZero() {
				t.Errorf("got %+v, want %s", v, c.want)
			}
		})
	}
}

// TestPad checks pad against fmt's zero padding for every width the
// TIMEX values use and the numbers around them (a negative number adds
// nothing).
func TestPad(t *testing.T) {
	for width := 1; width <= 5; width++ {
		for _, n := range []int{-1, -42, 0, 7, 9, 10, 99, 100, 999, 1000, 2025, 9999, 10000, 12345, 123456789} {
			want := ""
			if n >= 0 {
				want = fmt.Sprintf("%0*d", width, n)
			}
			if got := string(pad([]byte("x"), n, width)); got != "x"+want {
				t.Errorf("pad(%d, %d) = %q, want %q", n, width, got, "x"+want)
			}
		}
		for n := 0; n < 10500; n += 3 {
			if got, want := string(pad(nil, n, width)), fmt.Sprintf("%0*d", width, n); got != want {
				t.Fatalf("pad(%d, %d) = %q, want %q", n, width, got, want)
			}
		}
	}
}

// TestValidDay checks validDay against time.Date's calendar: a day is
// valid when time.Date keeps it (year 0 stands for a leap year).
func TestValidDay(t *testing.T) {
	for y := -801; y <= 2801; y++ {
		for mo := -1; mo <= 13; mo++ {
			for d := -1; d <= 33; d++ {
				yy := y
				if yy == 0 {
					yy = 2000
				}
				want := mo >= 1 && mo <= 12 && d >= 1 && d <= 31 && time.Date(yy, time.Month(mo), d, 0, 0, 0, 0, time.UTC).Day() == d
				if got := validDay(y, mo, d); got != want {
					t.Fatalf("validDay(%d, %d, %d) = %v, want %v", y, mo, d, got, want)
				}
			}
		}
	}
}
