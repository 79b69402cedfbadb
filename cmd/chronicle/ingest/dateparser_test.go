package ingest

import (
	"testing"
	"time"

	dps "github.com/markusmobius/go-dateparser"
	"github.com/markusmobius/go-dateparser/date"
)

// TestDateparserLocales checks the parser go-htmldate falls back on for
// dates written in words, configured as go-htmldate configures it.
// third_party/go-dateparser builds its locale tables and compiles their
// regexps on first use instead of at start-up, and so its time-zone and
// calendar tables; the dates below need the tables of several languages,
// zone names and offsets, and the Jalali and Hijri calendars, so they fail
// if that loading is broken.
func TestDateparserLocales(t *testing.T) {
	p := &dps.Parser{ParserTypes: []dps.ParserType{dps.CustomFormat, dps.AbsoluteTime}}
	cfg := &dps.Configuration{PreferredDateSource: dps.Past, StrictParsing: true, CurrentTime: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)}
	for _, c := range []struct{ in, want string }{
		{"3 December 2025", "2025-12-03"},
		{"December 3, 2025", "2025-12-03"},
		{"3 décembre 2025", "2025-12-03"},
		{"3. Dezember 2025", "2025-12-03"},
		{"3 de diciembre de 2025", "2025-12-03"},
		{"3 dicembre 2025", "2025-12-03"},
	} {
		t.Run(c.in, func(t *testing.T) {
			d, err := p.Parse(cfg, c.in)
			if err != nil {
				t.Fatalf("Parse(%q): %v", c.in, err)
			}
			if got := d.Time.Format("2006-01-02"); got != c.want {
				t.Errorf("Parse(%q) = %s, want %s", c.in, got, c.want)
			}
		})
	}
	zoned := &dps.Parser{ParserTypes: []dps.ParserType{dps.AbsoluteTime}}
	for _, c := range []struct{ in, want string }{
		{"3 December 2025 10:00 EST", "2025-12-03T10:00:00-05:00"},
		{"3 December 2025 10:00 CEST", "2025-12-03T10:00:00+02:00"},
		{"3 December 2025 10:00 UTC+05:30", "2025-12-03T10:00:00+05:30"},
	} {
		t.Run(c.in, func(t *testing.T) {
			d, err := zoned.Parse(cfg, c.in)
			if err != nil {
				t.Fatalf("Parse(%q): %v", c.in, err)
			}
			if got := d.Time.Format(time.RFC3339); got != c.want {
				t.Errorf("Parse(%q) = %s, want %s", c.in, got, c.want)
			}
		})
	}
	for _, c := range []struct {
		name, in, want string
		parse          func(*dps.Configuration, string) (date.Date, error)
	}{
		{"Jalali", "12 آذر 1404", "2025-12-03", dps.ParseJalali},
		{"Hijri", "06-12-1447 هـ", "2025-12-03", dps.ParseHijri},
	} {
		t.Run(c.name, func(t *testing.T) {
			d, err := c.parse(cfg, c.in)
			if err != nil {
				t.Fatalf("%s(%q): %v", c.name, c.in, err)
			}
			if got := d.Time.Format("2006-01-02"); got != c.want {
				t.Errorf("%s(%q) = %s, want %s", c.name, c.in, got, c.want)
			}
		})
	}
}
