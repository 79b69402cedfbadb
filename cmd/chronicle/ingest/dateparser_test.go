package ingest

import (
	"testing"
	"time"

	dps "github.com/markusmobius/go-dateparser"
)

// TestDateparserLocales checks the parser go-htmldate falls back on for
// dates written in words, configured as go-htmldate configures it.
// third_party/go-dateparser builds its locale tables and compiles their
// regexps on first use instead of at start-up; the dates below need the
// tables of several languages, so they fail if that loading is broken.
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
}
