// Package timeline turns tagged articles into events: it merges the
// mentions that several outlets make of one happening and flags the dates
// they disagree on.
package timeline

import (
	"context"
	"time"

	"chronicle/parse"
)

// Source describes one article: where it came from and when it was
// published, without its text.
type Source struct {
	Source    string // input name (file name)
	Outlet    string
	Title     string
	URL       string
	Published time.Time // in the article's zone
	DateOnly  bool      // only the day of publication is known
	Undated   bool      // publication date unknown: values left unresolved
	Zone      string    // IANA name of the article's zone
}

// Mention is a dated expression with its provenance: which article, which
// sentence, and which event it was merged into.
type Mention struct {
	parse.Mention
	Doc       int    // index into Timeline.Sources
	Sentence  string // the sentence's text (Mention.Sentence gives its offsets)
	Event     string // event ID; empty when the mention is in no event
	Conflicts []string
}

// Doc is one tagged article: its description and its mentions, with the
// sentence texts kept so the body itself can be dropped.
type Doc struct {
	Source   Source
	Mentions []Mention
}

// Event is one real-world happening as reported by one or more outlets.
type Event struct {
	ID       string
	Label    string         // short description: predicate and participants
	When     parse.Interval // consensus date at its granularity
	Mentions []int          // indexes into Timeline.Mentions, sorted
	Outlets  []string       // distinct outlets, sorted
	Support  int            // independent reports (wire copies count once)
	Conflict []string       // conflict IDs
}

// Side is one outlet's claim in a conflict.
type Side struct {
	Mention int // index into Timeline.Mentions
}

// Conflict is one event dated incompatibly by different outlets, with an
// explanation a reader can act on.
type Conflict struct {
	ID      string
	Event   string
	Kind    string // "date", "duration", "updated"
	Summary string
	Sides   []Side
}

// Timeline is the result of [Build]: every mention in input order, the
// events they form and the conflicts between them.
type Timeline struct {
	Sources   []Source
	Mentions  []Mention // sorted by (Doc, Span.Start)
	Events    []Event   // sorted by (When.Start, When.End, ID)
	Conflicts []Conflict
}

// Options configures [Build] and [Each].
type Options struct {
	Workers int // tagging workers; 0 means GOMAXPROCS
	// OnError is called, in input order and on the caller's goroutine, for
	// each article that could not be tagged (see [ArticleError]); the run
	// goes on without it unless OnError returns an error.
	OnError func(err *ArticleError) error
	// TempDir is where [BuildLean] keeps the mentions while it runs;
	// empty means os.TempDir().
	TempDir string
	// Spooled, when set, is called by [BuildLean] on the caller's
	// goroutine once every mention is in the temporary file and before
	// the events are merged. From then on, other goroutines may read the
	// mentions with [Lean.ScanSpooled] while the merge goes on (to format
	// what does not depend on the events meanwhile); Spooled itself must
	// return promptly. On an error BuildLean removes the file, and such
	// reads fail.
	Spooled func(l *Lean)
}

// Merge groups the mentions of tagged documents into events and detects
// conflicts. Every dated mention off the page furniture gets an event
// (one-mention events included); anchored durations ("nearly four years
// after the invasion") join the event they measure. The events, their IDs
// and the conflicts do not depend on the order of docs; only the order of
// Sources and Mentions follows it.
func Merge(ctx context.Context, docs []Doc) (*Timeline, error) {
	n := 0
	for _, d := range docs {
		n += len(d.Mentions)
	}
	tl := &Timeline{Sources: make([]Source, 0, len(docs)), Mentions: make([]Mention, 0, n)}
	for _, d := range docs {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		tl.add(d)
	}
	return tl, tl.merge(ctx)
}

// add appends one tagged document to a timeline that has not been merged
// yet.
func (tl *Timeline) add(d Doc) {
	i := len(tl.Sources)
	tl.Sources = append(tl.Sources, d.Source)
	for _, m := range d.Mentions {
		m.Doc = i
		tl.Mentions = append(tl.Mentions, m)
	}
}

// merge groups the timeline's mentions into events and finds conflicts.
func (tl *Timeline) merge(ctx context.Context) error {
	return mergeEvents(ctx, tl)
}
