package render

import (
	"encoding/json"
	"fmt"
	"io"

	"chronicle/timeline"
)

// Document is what `chronicle json` writes: the articles, the events with
// their mentions, the mentions that are in no event, and the conflicts.
// Page furniture is left out.
type Document struct {
	Sources   []SourceJSON   `json:"sources"`
	Events    []EventJSON    `json:"events"`
	Mentions  []MentionJSON  `json:"mentions"` // mentions in no event
	Conflicts []ConflictJSON `json:"conflicts"`
}

// SourceJSON is one article, without its text.
type SourceJSON struct {
	Source    string `json:"source"`
	Outlet    string `json:"outlet"`
	Title     string `json:"title,omitempty"`
	URL       string `json:"url,omitempty"`
	Published string `json:"published"` // date, RFC 3339 time, or "" when unknown
	Zone      string `json:"zone"`
}

// MentionJSON is one dated expression with its provenance. Start and End
// are UTF-8 byte offsets into the article body; Date and Until bound the
// resolved interval (Until exclusive), empty for durations and vague
// values.
type MentionJSON struct {
	Type        string   `json:"type,omitempty"` // "mention" in JSON Lines
	Source      string   `json:"source"`
	Outlet      string   `json:"outlet"`
	Published   string   `json:"published"`
	Expression  string   `json:"expression"`
	Start       int      `json:"start"`
	End         int      `json:"end"`
	Kind        string   `json:"kind"`
	Value       string   `json:"value"`
	Mod         string   `json:"mod,omitempty"`
	Date        string   `json:"date"`
	Until       string   `json:"until"`
	Granularity string   `json:"granularity"`
	Approx      bool     `json:"approx,omitempty"`
	Tense       string   `json:"tense"`
	Signal      string   `json:"signal,omitempty"`
	Sentence    string   `json:"sentence"`
	Event       string   `json:"event,omitempty"`
	Conflicts   []string `json:"conflicts,omitempty"`
}

// EventJSON is one event with the mentions that report it.
type EventJSON struct {
	Type        string        `json:"type,omitempty"` // "event" in JSON Lines
	ID          string        `json:"id"`
	Label       string        `json:"label"`
	Date        string        `json:"date"`
	Until       string        `json:"until"`
	Granularity string        `json:"granularity"`
	Approx      bool          `json:"approx,omitempty"`
	Outlets     []string      `json:"outlets"`
	Support     int           `json:"support"`
	Conflicts   []string      `json:"conflicts,omitempty"`
	Mentions    []MentionJSON `json:"mentions"`
}

// NewMentionJSON converts one mention of an article.
func NewMentionJSON(src timeline.Source, m timeline.Mention) MentionJSON {
	date, until := Bounds(m.When)
	gran := Granularity(m.Mention)
	return MentionJSON{
		Source: src.Source, Outlet: src.Outlet, Published: Published(src),
		Expression: m.Text, Start: m.Span.Start, End: m.Span.End,
		Kind: m.Kind.String(), Value: m.TIMEX, Mod: m.Mod, Date: date, Until: until,
		Granularity: gran, Approx: m.When.Approx, Tense: m.Tense.String(), Signal: m.Signal,
		Sentence: OneLine(m.Sentence), Event: m.Event, Conflicts: m.Conflicts,
	}
}

func newEventJSON(tl *timeline.Timeline, e timeline.Event) EventJSON {
	date, until := Bounds(e.When)
	ej := EventJSON{
		ID: e.ID, Label: e.Label, Date: date, Until: until, Approx: e.When.Approx,
		Outlets: e.Outlets, Support: e.Support, Conflicts: e.Conflict, Mentions: []MentionJSON{},
	}
	if !e.When.IsZero() {
		ej.Granularity = e.When.Gran.String()
	}
	if ej.Outlets == nil {
		ej.Outlets = []string{}
	}
	for _, mi := range e.Mentions {
		if mi >= 0 && mi < len(tl.Mentions) {
			m := tl.Mentions[mi]
			ej.Mentions = append(ej.Mentions, NewMentionJSON(tl.Sources[m.Doc], m))
		}
	}
	return ej
}

// NewDocument converts a timeline to its JSON document.
func NewDocument(tl *timeline.Timeline) Document {
	doc := Document{Sources: []SourceJSON{}, Events: []EventJSON{}, Mentions: []MentionJSON{}, Conflicts: Conflicts(tl)}
	for _, s := range tl.Sources {
		doc.Sources = append(doc.Sources, SourceJSON{Source: s.Source, Outlet: s.Outlet, Title: s.Title, URL: s.URL, Published: Published(s), Zone: s.Zone})
	}
	for _, e := range tl.Events {
		doc.Events = append(doc.Events, newEventJSON(tl, e))
	}
	for _, m := range tl.Mentions {
		if m.Furniture || m.Event != "" {
			continue
		}
		doc.Mentions = append(doc.Mentions, NewMentionJSON(tl.Sources[m.Doc], m))
	}
	return doc
}

// JSON writes the timeline as one indented JSON document ([Document]).
func JSON(w io.Writer, tl *timeline.Timeline) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(NewDocument(tl))
}

// JSONLines writes one JSON object per line: per mention (type
// "mention", page furniture left out) when per is "mention", per event
// (type "event", with its mentions) when per is "event".
func JSONLines(w io.Writer, tl *timeline.Timeline, per string) error {
	enc := json.NewEncoder(w)
	switch per {
	case "mention", "":
		for _, m := range tl.Mentions {
			if m.Furniture {
				continue
			}
			if err := WriteMentionLine(enc, tl.Sources[m.Doc], m); err != nil {
				return err
			}
		}
	case "event":
		for _, e := range tl.Events {
			ej := newEventJSON(tl, e)
			ej.Type = "event"
			if err := enc.Encode(ej); err != nil {
				return err
			}
		}
	default:
		return fmt.Errorf("JSON Lines per %q: use mention or event", per)
	}
	return nil
}

// WriteMentionLine writes one mention as a JSON Lines record. Callers that
// stream articles (tagging one at a time) use it directly; such lines
// carry no event or conflict, which need the whole input.
func WriteMentionLine(enc *json.Encoder, src timeline.Source, m timeline.Mention) error {
	mj := NewMentionJSON(src, m)
	mj.Type = "mention"
	return enc.Encode(mj)
}
