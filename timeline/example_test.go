package timeline_test

import (
	"context"
	"fmt"
	"strings"
	"time"

	"chronicle/parse"
	"chronicle/timeline"
)

// article tags a one-sentence article by hand: the expression is in
// [brackets] and resolves to the day given.
func article(outlet, published, sentence string, day time.Time, tense parse.Tense) timeline.Doc {
	loc := day.Location()
	pub, _ := time.ParseInLocation("2006-01-02", published, loc)
	i, j := strings.Index(sentence, "["), strings.Index(sentence, "]")
	body := sentence[:i] + sentence[i+1:j] + sentence[j+1:]
	a := &parse.Article{Source: strings.ToLower(outlet) + ".txt", Outlet: outlet, Published: pub, DateOnly: true, Loc: loc, Body: body}
	m := parse.Mention{
		Text: body[i : j-1], Span: parse.Span{Start: i, End: j - 1}, Sentence: parse.Span{Start: 0, End: len(body)},
		Value: parse.Value{Kind: parse.KindDate, TIMEX: day.Format("2006-01-02"),
			When: parse.Interval{Start: day, End: day.AddDate(0, 0, 1), Gran: parse.GranDay}},
		Tense: tense,
	}
	return timeline.NewDoc(a, []parse.Mention{m})
}

// Three outlets report one planned meeting, two of them on the same day
// but a day apart; a fourth reports another event on the same Thursday.
func ExampleMerge() {
	ny, _ := time.LoadLocation("America/New_York")
	thu := time.Date(2025, 12, 4, 0, 0, 0, 0, ny)
	wed := time.Date(2025, 12, 3, 0, 0, 0, 0, ny)
	docs := []timeline.Doc{
		article("Wire", "2025-12-03", "Witkoff and Kushner are due to meet Umerov in Florida on [Thursday], officials said.", thu, parse.TenseFuture),
		article("Daily", "2025-12-03", "Witkoff and Kushner could meet Umerov as soon as [Wednesday], an official said.", wed, parse.TenseFuture),
		article("Post", "2025-12-04", "Witkoff and Kushner are expected to meet Umerov in Florida on [Thursday].", thu, parse.TenseFuture),
		article("Review", "2025-12-04", "Putin gave an interview to Indian media broadcast on [Thursday].", thu, parse.TensePast),
	}
	tl, err := timeline.Merge(context.Background(), docs)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, e := range tl.Events {
		fmt.Printf("%s %s %v support=%d\n", e.ID, e.When.Start.Format("2006-01-02"), e.Outlets, e.Support)
	}
	for _, c := range tl.Conflicts {
		fmt.Printf("%s [%s]: %s\n", c.ID, c.Kind, c.Summary)
	}
	// Output:
	// 2025-12-04-broadcast-indian-putin 2025-12-04 [Review] support=1
	// 2025-12-04-meet-kushner-umerov 2025-12-04 [Daily Post Wire] support=3
	// 2025-12-04-meet-kushner-umerov-date [date]: The event “meet: Kushner, Umerov” is dated two ways: Daily (published 2025-12-03) says "Wednesday" (Wednesday 2025-12-03), but Post (published 2025-12-04) and Wire (published 2025-12-03) say "Thursday" (Thursday 2025-12-04); these reports came out at about the same time, so this is no later update: check which date is right before using either.
}
