package parse_test

import (
	"fmt"
	"time"

	"chronicle/parse"
)

// Tense decides the direction of a weekday: in an article published on
// Wednesday 3 December 2025 in New York, the Wednesday Trump spoke is that
// day and the Thursday of the planned meeting is the next day.
func ExampleExtractor_Extract() {
	ny, _ := time.LoadLocation("America/New_York")
	a := &parse.Article{
		Published: time.Date(2025, 12, 3, 0, 0, 0, 0, ny),
		DateOnly:  true,
		Loc:       ny,
		Body:      "Trump said Wednesday that Witkoff and Kushner will meet Umerov on Thursday, nearly four years after the invasion. The plan was revealed last month.",
	}
	x := parse.NewExtractor(parse.Options{})
	for _, m := range x.Extract(a) {
		fmt.Printf("%-17q %-5s %-8s %-10s %s\n", m.Text, m.Tense, m.Kind, m.TIMEX, m.When)
	}
	// Output:
	// "Wednesday"       past  date     2025-12-03 2025-12-03/P1D day America/New_York
	// "Thursday"        future date     2025-12-04 2025-12-04/P1D day America/New_York
	// "nearly four years" unknown duration P4Y        unresolved
	// "last month"      past  date     2025-11    2025-11-01/P1M month America/New_York
}
