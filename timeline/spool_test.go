package timeline

import (
	"errors"
	"math"
	"os"
	"reflect"
	"testing"
	"time"

	"chronicle/parse"
)

// sameTime reports whether two times are one instant, in zones of the
// same name and, at that instant, the same offset and abbreviation.
func sameTime(a, b time.Time) bool {
	na, oa := a.Zone()
	nb, ob := b.Zone()
	return a.Equal(b) && a.IsZero() == b.IsZero() && a.Location().String() == b.Location().String() && na == nb && oa == ob &&
		a.Format(time.RFC3339Nano) == b.Format(time.RFC3339Nano)
}

// sameMention compares two mentions field by field, times by sameTime.
func sameMention(t *testing.T, got, want Mention) {
	t.Helper()
	if !sameTime(got.When.Start, want.When.Start) || !sameTime(got.When.End, want.When.End) {
		t.Errorf("When = %v … %v, want %v … %v", got.When.Start, got.When.End, want.When.Start, want.When.End)
	}
	g, w := got, want
	g.When.Start, g.When.End, w.When.Start, w.When.End = time.Time{}, time.Time{}, time.Time{}, time.Time{}
	if math.IsNaN(w.Dur.Amount) {
		if !math.IsNaN(g.Dur.Amount) || math.Float64bits(g.Dur.Amount) != math.Float64bits(w.Dur.Amount) {
			t.Errorf("Dur.Amount = %v, want NaN", g.Dur.Amount)
		}
		g.Dur.Amount, w.Dur.Amount = 0, 0
	}
	if !reflect.DeepEqual(g, w) {
		t.Errorf("mention = %#v\nwant %#v", g, w)
	}
}

func mustZone(t *testing.T, name string) *time.Location {
	t.Helper()
	loc, err := time.LoadLocation(name)
	if err != nil {
		t.Fatal(err)
	}
	return loc
}

// spoolCases are documents of mentions covering every field of a mention
// and the cases the encoding treats apart.
func spoolCases(t *testing.T) [][]Mention {
	ny, berlin, kolkata := mustZone(t, "America/New_York"), mustZone(t, "Europe/Berlin"), mustZone(t, "Asia/Kolkata")
	berlin2 := mustZone(t, "Europe/Berlin") // another copy of the same zone
	day := func(loc *time.Location, y int, m time.Month, d int) parse.Interval {
		s := time.Date(y, m, d, 0, 0, 0, 0, loc)
		return parse.Interval{Start: s, End: s.AddDate(0, 0, 1), Gran: parse.GranDay}
	}
	sent := "On Wednesday, 3 December, the minister said the talks would resume."
	m := func(text string, start int, iv parse.Interval) Mention {
		return Mention{
			Mention: parse.Mention{Text: text, Span: parse.Span{Start: 100 + start, End: 100 + start + len(text)}, Sentence: parse.Span{Start: 100, End: 100 + len(sent)},
				Value: parse.Value{Kind: parse.KindDate, TIMEX: "2025-12-03", When: iv}, Tense: parse.TensePast, Signal: "said", Rule: "weekday"},
			Sentence: sent,
		}
	}
	dst := day(berlin, 2024, 3, 31) // 23 hours
	month := parse.Interval{Start: time.Date(2024, 3, 1, 0, 0, 0, 0, ny), End: time.Date(2024, 4, 1, 0, 0, 0, 0, ny), Gran: parse.GranMonth, Approx: true}
	clock := parse.Interval{Start: time.Date(2025, 12, 3, 16, 15, 0, 0, time.FixedZone("JST", 9*3600)), Gran: parse.GranMinute}
	clock.End = clock.Start.Add(time.Minute)
	est1, est2 := time.FixedZone("EST", -5*3600), time.FixedZone("EST", -5*3600) // made afresh per mention
	nano := parse.Interval{Start: time.Date(2025, 1, 2, 3, 4, 5, 123456789, kolkata), End: time.Date(2025, 1, 2, 3, 4, 6, 987, kolkata), Gran: parse.GranInstant}
	old := parse.Interval{Start: time.Date(1850, 6, 1, 0, 0, 0, 0, berlin2), End: time.Date(1850, 6, 2, 0, 0, 0, 0, berlin2), Gran: parse.GranDay}
	zeroStart := parse.Interval{End: time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC), Gran: parse.GranYear}

	withText := func(x Mention, f func(*Mention)) Mention { f(&x); return x }
	return [][]Mention{
		{ // one sentence, several mentions: later ones refer back to it
			m("Wednesday", 3, day(ny, 2025, 12, 3)),
			m("3 December", 14, day(ny, 2025, 12, 3)),
			withText(m("talks", 47, parse.Interval{}), func(x *Mention) {
				x.Kind, x.TIMEX, x.Tense, x.Signal, x.Rule = parse.KindDuration, "P3.5Y", parse.TenseFuture, "", ""
				x.Dur = parse.Duration{Amount: 3.5, Unit: parse.GranYear}
			}),
		},
		{ // zones: daylight saving, a month across it, fixed zones, UTC, sub-second times, old dates, half-zero intervals
			m("Sunday", 0, dst),
			m("in March", 9, month),
			m("4:15 p.m.", 20, clock),
			withText(m("noon", 30, parse.Interval{Start: time.Date(2025, 12, 3, 12, 0, 0, 0, est1), End: time.Date(2025, 12, 3, 13, 0, 0, 0, est1), Gran: parse.GranHour}), func(x *Mention) {}),
			m("1 p.m.", 35, parse.Interval{Start: time.Date(2025, 12, 3, 13, 0, 0, 0, est2), End: time.Date(2025, 12, 3, 14, 0, 0, 0, est2), Gran: parse.GranHour}),
			m("2025", 42, parse.Interval{Start: time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC), End: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), Gran: parse.GranYear}),
			m("then", 50, nano),
			m("in 1850", 55, old),
			m("by 2025", 60, zeroStart),
			m("July", 62, day(berlin2, 2025, 7, 1)),
		},
		{ // empty strings, furniture, sets, non-ASCII, a text that is not the sentence's at its span, odd spans
			{Mention: parse.Mention{Span: parse.Span{Start: 0, End: 0}}, Sentence: ""},
			{Mention: parse.Mention{Text: "every week", Span: parse.Span{Start: 5, End: 15}, Sentence: parse.Span{Start: 0, End: 40},
				Value:     parse.Value{Kind: parse.KindSet, TIMEX: "P1W", Quant: "EVERY", Freq: "1W", Mod: "APPROX", Dur: parse.Duration{Amount: 1, Unit: parse.GranWeek, Unspecified: true}},
				Furniture: true}, Sentence: "Sign up every week for our newsletter. ✉️"},
			{Mention: parse.Mention{Text: "mercredi 3 décembre", Span: parse.Span{Start: 10, End: 30}, Sentence: parse.Span{Start: 0, End: 60},
				Value: parse.Value{Kind: parse.KindTime, TIMEX: "2025-12-03", When: day(kolkata, 2025, 12, 3)}, Tense: parse.TensePresent, Signal: "est", Rule: "fr-date"},
				Sentence: "Le sommet est prévu mercredi 3 décembre à Genève — 日本語も。"},
			{Mention: parse.Mention{Text: "Friday", Span: parse.Span{Start: 500, End: 506}, Sentence: parse.Span{Start: 400, End: 420}, Value: parse.Value{TIMEX: "XXXX-WXX-5"}},
				Sentence: "A sentence without it"},
			{Mention: parse.Mention{Text: "x", Span: parse.Span{Start: -3, End: 1 << 40}, Sentence: parse.Span{Start: 7, End: 2}, Value: parse.Value{Kind: parse.Kind(-1), When: parse.Interval{Gran: parse.Granularity(99)}, Dur: parse.Duration{Amount: math.Inf(-1)}}, Tense: parse.Tense(3)},
				Sentence: "A sentence without it"},
			{Mention: parse.Mention{Text: "nan", Value: parse.Value{Dur: parse.Duration{Amount: math.NaN()}}}, Sentence: "A sentence without it"},
		},
		{}, // a document without mentions
		{m("Wednesday", 3, day(ny, 2025, 12, 3))},
	}
}

// TestSpoolRoundTrip writes documents of mentions to a spool and reads
// every mention back, at random and in order: every field survives.
func TestSpoolRoundTrip(t *testing.T) {
	docs := spoolCases(t)
	sp, err := newSpool(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer sp.close()
	var want []Mention
	for d, ms := range docs {
		recs, rel := sp.encodeDoc(nil, ms)
		if err := sp.addDoc(recs, rel); err != nil {
			t.Fatal(err)
		}
		for _, m := range ms {
			m.Doc = d
			want = append(want, m)
		}
	}
	if err := sp.finish(); err != nil {
		t.Fatal(err)
	}
	if sp.len() != len(want) {
		t.Fatalf("%d mentions spooled, want %d", sp.len(), len(want))
	}
	t.Run("at random", func(t *testing.T) {
		for i := len(want) - 1; i >= 0; i-- {
			got, err := sp.mention(i)
			if err != nil {
				t.Fatalf("mention %d: %v", i, err)
			}
			sameMention(t, got, want[i])
			s, err := sp.sentence(i)
			if err != nil || s != want[i].Sentence {
				t.Errorf("sentence %d = %q, %v; want %q", i, s, err, want[i].Sentence)
			}
		}
		if _, err := sp.mention(len(want)); err == nil {
			t.Error("mention past the end: no error")
		}
	})
	for _, batch := range []int{1, 2, 5, 100} {
		t.Run("in order/batch="+itoa(batch), func(t *testing.T) {
			l := &Lean{sp: sp}
			next := 0
			err := l.Scan(batch, func(first int, ms []Mention) error {
				if first != next || len(ms) == 0 || len(ms) > batch {
					t.Fatalf("batch at %d of %d mentions, want at %d, 1 to %d", first, len(ms), next, batch)
				}
				for k := range ms {
					sameMention(t, ms[k], want[first+k])
				}
				next += len(ms)
				return nil
			})
			if err != nil || next != len(want) {
				t.Fatalf("scan: %v after %d mentions, want %d", err, next, len(want))
			}
		})
	}
	t.Run("zones kept once", func(t *testing.T) {
		// UTC, New York, Berlin (two copies), JST, EST (two copies), Kolkata
		if n := len(sp.zones.locs); n != 6 {
			t.Errorf("%d zones in the table, want 6 (UTC, New York, Berlin, JST, EST, Kolkata)", n)
		}
	})
}

// TestSpoolRemoved checks that the spool's file leaves the directory: at
// once where the system allows it, at the latest on close.
func TestSpoolRemoved(t *testing.T) {
	dir := t.TempDir()
	sp, err := newSpool(dir)
	if err != nil {
		t.Fatal(err)
	}
	recs, rel := sp.encodeDoc(nil, spoolCases(t)[0])
	if err := sp.addDoc(recs, rel); err != nil {
		t.Fatal(err)
	}
	if err := sp.finish(); err != nil {
		t.Fatal(err)
	}
	if sp.unlinked {
		assertEmpty(t, dir)
	}
	if _, err := sp.mention(0); err != nil {
		t.Errorf("reading after removal: %v", err)
	}
	if err := sp.close(); err != nil {
		t.Fatal(err)
	}
	assertEmpty(t, dir)
}

// TestSpoolWriteError checks that a write the file refuses is an error
// that says what to do.
func TestSpoolWriteError(t *testing.T) {
	sp, err := newSpool(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	sp.f.Close() // every write fails from now on, as on a full disk
	big := make([]byte, 1<<17)
	err = sp.addDoc(big, nil)
	if err == nil {
		err = sp.finish()
	}
	if err == nil || !errors.Is(err, os.ErrClosed) {
		t.Fatalf("write to a closed file: %v, want an error wrapping os.ErrClosed", err)
	}
	if got := err.Error(); !contains(got, "TMPDIR") || !contains(got, "temporary file") {
		t.Errorf("error %q does not say what failed and how to choose another directory", got)
	}
}

func assertEmpty(t *testing.T, dir string) {
	t.Helper()
	es, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range es {
		t.Errorf("left in %s: %s", dir, e.Name())
	}
}

func contains(s, sub string) bool {
	for i := 0; i+len(sub) <= len(s); i++ {
		if s[i:i+len(sub)] == sub {
			return true
		}
	}
	return false
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var b []byte
	for ; n > 0; n /= 10 {
		b = append([]byte{byte('0' + n%10)}, b...)
	}
	return string(b)
}
