// Package render writes a timeline as HTML, CSV, JSON and the other
// export formats. It is the only package that knows about go-echarts.
package render

import (
	"bytes"
	"encoding/csv"
	"io"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"time"

	"chronicle/parse"
	"chronicle/timeline"
)

// CSVColumns is the header of [CSV] output, in order. The first fourteen
// are the output contract; later columns may be added, never reordered.
var CSVColumns = []string{
	"source", "outlet", "published", "expression", "start", "end", "kind",
	"value", "date", "until", "granularity", "event", "conflict", "sentence",
	"mod", "tense", "signal", "furniture",
}

// CSVOptions configures [CSV].
type CSVOptions struct {
	All     bool // include page furniture (boilerplate) mentions
	Workers int  // goroutines formatting rows; 0 means GOMAXPROCS
}

// csvChunk is the number of mentions one goroutine formats at a time.
const csvChunk = 2048

// CSV writes one RFC 4180 row per mention, in the timeline's order
// (article, then position). start and end are UTF-8 byte offsets into the
// article body; date and until are the interval's bounds, until exclusive.
//
// Rows are formatted by opts.Workers goroutines, a chunk of mentions each,
// and written in order: the output is the same for any number of workers,
// and at most a chunk per worker is held formatted at once.
func CSV(w io.Writer, tl *timeline.Timeline, opts CSVOptions) error {
	if err := writeCSVHeader(w); err != nil {
		return err
	}
	workers := opts.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	bufs := make([]bytes.Buffer, workers)
	errs := make([]error, workers)
	for start := 0; start < len(tl.Mentions); start += workers * csvChunk {
		var wg sync.WaitGroup
		for k := range workers {
			lo := start + k*csvChunk
			if lo >= len(tl.Mentions) {
				break
			}
			hi := min(lo+csvChunk, len(tl.Mentions))
			bufs[k].Reset()
			wg.Go(func() { errs[k] = csvRows(&bufs[k], tl, tl.Mentions[lo:hi], opts.All) })
		}
		wg.Wait()
		for k := range workers {
			if errs[k] != nil {
				return errs[k]
			}
			if _, err := w.Write(bufs[k].Bytes()); err != nil {
				return err
			}
			bufs[k].Reset()
		}
	}
	return nil
}

// writeCSVHeader writes the CSVColumns row.
func writeCSVHeader(w io.Writer) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(CSVColumns); err != nil {
		return err
	}
	cw.Flush()
	return cw.Error()
}

// csvRows formats the rows of ms, a slice of tl.Mentions, into buf.
func csvRows(buf *bytes.Buffer, tl *timeline.Timeline, ms []timeline.Mention, all bool) error {
	cw := csv.NewWriter(buf)
	row := make([]string, len(CSVColumns))
	for i := range ms {
		m := &ms[i]
		if m.Furniture && !all {
			continue
		}
		src := &tl.Sources[m.Doc]
		date, until := Bounds(m.When)
		row = append(row[:0],
			src.Source, src.Outlet, Published(*src), m.Text,
			strconv.Itoa(m.Span.Start), strconv.Itoa(m.Span.End),
			m.Kind.String(), m.TIMEX, date, until, Granularity(m.Mention), m.Event,
			strings.Join(m.Conflicts, ";"), OneLine(m.Sentence),
			m.Mod, m.Tense.String(), m.Signal, strconv.FormatBool(m.Furniture),
		)
		if err := cw.Write(row); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// Bounds formats an interval's start and exclusive end: dates for day
// granularity and coarser, RFC 3339 times with offset for finer ones.
// Both are empty for a zero interval.
func Bounds(iv parse.Interval) (date, until string) {
	if iv.IsZero() {
		return "", ""
	}
	layout := "2006-01-02"
	if iv.Gran != parse.GranUnknown && iv.Gran < parse.GranDay {
		layout = time.RFC3339
	}
	return iv.Start.Format(layout), iv.End.Format(layout)
}

// Granularity names a mention's precision: its interval's granularity, or
// for a duration its unit; empty when neither is known.
func Granularity(m parse.Mention) string {
	switch {
	case !m.When.IsZero():
		return m.When.Gran.String()
	case !m.Dur.IsZero():
		return m.Dur.Unit.String()
	}
	return ""
}

// Published formats an article's publication time: a date when only the
// day is known, RFC 3339 otherwise, empty when unknown.
func Published(s timeline.Source) string {
	switch {
	case s.Undated || s.Published.IsZero():
		return ""
	case s.DateOnly:
		return s.Published.Format("2006-01-02")
	}
	return s.Published.Format(time.RFC3339)
}

// OneLine folds runs of white space (line breaks included) into one space.
func OneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}
