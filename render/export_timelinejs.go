package render

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"html"
	"io"
	"strconv"
	"strings"

	"chronicle/parse"
	"chronicle/timeline"
)

// TimelineJS is a TimelineJS 3 document (https://timeline.knightlab.com/docs/json-format.html).
type TimelineJS struct {
	Title  *TimelineJSSlide  `json:"title,omitempty"`
	Events []TimelineJSSlide `json:"events"`
}

// TimelineJSSlide is one slide: an event, or the title slide (no dates).
type TimelineJSSlide struct {
	StartDate   *TimelineJSDate `json:"start_date,omitempty"`
	EndDate     *TimelineJSDate `json:"end_date,omitempty"`
	Text        TimelineJSText  `json:"text"`
	Group       string          `json:"group,omitempty"`
	DisplayDate string          `json:"display_date,omitempty"`
	UniqueID    string          `json:"unique_id,omitempty"`
}

// TimelineJSDate is a date at its precision: only Year for a year, Year
// and Month for a month, and so on. Hour and Minute are pointers so that
// midnight is written.
type TimelineJSDate struct {
	Year        int    `json:"year"`
	Month       int    `json:"month,omitempty"`
	Day         int    `json:"day,omitempty"`
	Hour        *int   `json:"hour,omitempty"`
	Minute      *int   `json:"minute,omitempty"`
	DisplayDate string `json:"display_date,omitempty"`
}

// TimelineJSText is a slide's text. TimelineJS renders both fields as
// HTML, so every piece of article text in them is HTML-escaped.
type TimelineJSText struct {
	Headline string `json:"headline"`
	Text     string `json:"text"`
}

// NewTimelineJS converts the timeline: one slide per dated mention
// (page furniture, durations and vague values left out), grouped by
// outlet, dated at the value's granularity (a month as year+month, a week
// as its first and last day, a clock time with hour and minute), the text
// quoting the sentence with the expression in <mark>.
func NewTimelineJS(tl *timeline.Timeline) TimelineJS {
	doc := TimelineJS{Events: []TimelineJSSlide{}}
	names, _ := lanes(tl)
	doc.Title = &TimelineJSSlide{Text: TimelineJSText{
		Headline: html.EscapeString("Timeline of " + strconv.Itoa(len(tl.Sources)) + " articles"),
		Text:     html.EscapeString(strings.Join(names, " · ")),
	}}
	for i, m := range tl.Mentions {
		if !placed(&tl.Mentions[i]) {
			continue
		}
		src := tl.Sources[m.Doc]
		start, end := tljsDates(m.When)
		headline := m.Text
		var b strings.Builder
		if e := eventByID(tl, m.Event); e != nil && e.Label != "" {
			headline = e.Label
		}
		q := quoteOf(m)
		b.WriteString("<p>")
		b.WriteString(html.EscapeString(q.Before))
		b.WriteString("<mark>")
		b.WriteString(html.EscapeString(q.Expr))
		b.WriteString("</mark>")
		b.WriteString(html.EscapeString(q.After))
		b.WriteString("</p><p>")
		b.WriteString(html.EscapeString(OneLine(src.Outlet) + ", published " + publishedText(src) + ". Value " + m.TIMEX + " (" + m.When.Gran.String() + ")."))
		for _, c := range m.Conflicts {
			b.WriteString(" Conflict ")
			b.WriteString(html.EscapeString(c))
			b.WriteString(".")
		}
		b.WriteString("</p>")
		doc.Events = append(doc.Events, TimelineJSSlide{
			StartDate: start, EndDate: end,
			Text:        TimelineJSText{Headline: html.EscapeString(OneLine(headline)), Text: b.String()},
			Group:       html.EscapeString(OneLine(src.Outlet)),
			DisplayDate: html.EscapeString(display(m.When)),
			UniqueID:    mentionID(src, m),
		})
	}
	return doc
}

// TimelineJSON writes the timeline as a TimelineJS 3 JSON document.
func TimelineJSON(w io.Writer, tl *timeline.Timeline) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(NewTimelineJS(tl))
}

// mentionID is a stable id for a mention: its article and offsets.
func mentionID(src timeline.Source, m timeline.Mention) string {
	h := sha256.Sum256([]byte(src.Source + "\x00" + strconv.Itoa(m.Span.Start) + "\x00" + strconv.Itoa(m.Span.End)))
	return "m-" + hex.EncodeToString(h[:8])
}

func tljsDates(iv parse.Interval) (start, end *TimelineJSDate) {
	s := iv.Start
	last := iv.End.AddDate(0, 0, -1)
	dayOf := func(y int, mo int, d int) *TimelineJSDate { return &TimelineJSDate{Year: y, Month: mo, Day: d} }
	switch {
	case iv.Gran == parse.GranYear:
		return &TimelineJSDate{Year: s.Year()}, nil
	case iv.Gran == parse.GranMonth:
		return &TimelineJSDate{Year: s.Year(), Month: int(s.Month())}, nil
	case iv.Gran == parse.GranDay:
		return dayOf(s.Year(), int(s.Month()), s.Day()), nil
	case iv.Gran != parse.GranUnknown && iv.Gran < parse.GranDay:
		h, mi := s.Hour(), s.Minute()
		start = &TimelineJSDate{Year: s.Year(), Month: int(s.Month()), Day: s.Day(), Hour: &h, Minute: &mi}
		if iv.Gran == parse.GranPartOfDay {
			e := iv.End
			eh, em := e.Hour(), e.Minute()
			end = &TimelineJSDate{Year: e.Year(), Month: int(e.Month()), Day: e.Day(), Hour: &eh, Minute: &em}
		}
		return start, end
	}
	// weeks, weekends, quarters, seasons, halves, decades: first and last day
	return dayOf(s.Year(), int(s.Month()), s.Day()), dayOf(last.Year(), int(last.Month()), last.Day())
}
