package render

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"chronicle/timeline"
)

// ConflictJSON is one conflict in `conflicts --format json` output.
type ConflictJSON struct {
	ID      string     `json:"id"`
	Event   string     `json:"event"`
	Kind    string     `json:"kind"`
	Summary string     `json:"summary"`
	Sides   []SideJSON `json:"sides"`
}

// SideJSON is one side of a conflict: who said what, where.
type SideJSON struct {
	Source     string `json:"source"`
	Outlet     string `json:"outlet"`
	Published  string `json:"published"`
	Expression string `json:"expression"`
	Value      string `json:"value"`
	Date       string `json:"date"`
	Until      string `json:"until"`
	Sentence   string `json:"sentence"`
	Start      int    `json:"start"`
	End        int    `json:"end"`
}

// Conflicts converts the timeline's conflicts to their JSON form.
func Conflicts(tl *timeline.Timeline) []ConflictJSON {
	out := make([]ConflictJSON, 0, len(tl.Conflicts))
	for _, c := range tl.Conflicts {
		cj := ConflictJSON{ID: c.ID, Event: c.Event, Kind: c.Kind, Summary: c.Summary, Sides: []SideJSON{}}
		for _, s := range c.Sides {
			m := tl.Mentions[s.Mention]
			src := tl.Sources[m.Doc]
			date, until := Bounds(m.When)
			cj.Sides = append(cj.Sides, SideJSON{
				Source: src.Source, Outlet: src.Outlet, Published: Published(src),
				Expression: m.Text, Value: m.TIMEX, Date: date, Until: until,
				Sentence: OneLine(m.Sentence), Start: m.Span.Start, End: m.Span.End,
			})
		}
		out = append(out, cj)
	}
	return out
}

// ConflictsJSON writes the conflicts as an indented JSON array.
func ConflictsJSON(w io.Writer, tl *timeline.Timeline) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(Conflicts(tl))
}

// ConflictsText writes the conflicts for a reader: the summary, then each
// side's outlet, publication time, value and quote with the expression
// marked by [brackets].
func ConflictsText(w io.Writer, tl *timeline.Timeline) error {
	if len(tl.Conflicts) == 0 {
		_, err := fmt.Fprintln(w, "No dating conflicts found.")
		return err
	}
	var b strings.Builder
	for i, c := range tl.Conflicts {
		if i > 0 {
			b.WriteByte('\n')
		}
		fmt.Fprintf(&b, "%s [%s] event %s\n  %s\n", c.ID, c.Kind, c.Event, c.Summary)
		for _, s := range c.Sides {
			m := tl.Mentions[s.Mention]
			src := tl.Sources[m.Doc]
			fmt.Fprintf(&b, "  - %s (%s, published %s): %s\n    %q\n", src.Outlet, src.Source, Published(src), m.TIMEX, OneLine(Marked(m)))
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// Marked returns the mention's sentence with the expression in [brackets].
func Marked(m timeline.Mention) string {
	s, e := m.Span.Start-m.Mention.Sentence.Start, m.Span.End-m.Mention.Sentence.Start
	if s < 0 || e > len(m.Sentence) || s > e {
		return m.Sentence
	}
	return m.Sentence[:s] + "[" + m.Sentence[s:e] + "]" + m.Sentence[e:]
}
