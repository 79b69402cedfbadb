package render

import (
	"io"
	"math"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"chronicle/timeline"
)

// CSVLean writes the CSV of a timeline built by [timeline.BuildLean]: the
// bytes [CSV] writes for the timeline [timeline.Build] makes of the same
// input. It is [StartCSVLean] started once the build is done.
func CSVLean(w io.Writer, l *timeline.Lean, opts CSVOptions) error {
	return StartCSVLean(l, opts).Write(w)
}

// CSVAhead formats the CSV of a lean build, from the time its mentions are
// spooled (see timeline.Options.Spooled): every column but event and
// conflict, which wait for the merge, is formatted while the events are
// merged, on the processors the merge leaves idle.
type CSVAhead struct {
	l       *timeline.Lean
	all     bool
	workers int
	parts   chan *csvPart // in input order, to Write
	work    chan *csvPart // to the formatters
	raw     chan struct{} // bounds the parts not formatted yet
	slots   chan struct{} // bounds the parts not written yet
	stop    chan struct{} // closed by Stop
	writing chan struct{} // closed by Write
	scanErr error         // the scan's error, set before parts is closed
	started bool          // the scan is running
	wg      sync.WaitGroup
	once    sync.Once
}

// csvAheadParts bounds the parts formatted ahead of Write: about
// csvChunk*csvAheadParts*200 bytes (some 40 MB), enough for the whole CSV
// of 10,000 articles to be formatted during their merge.
const csvAheadParts = 96

// csvPart is a chunk of up to csvChunk mentions: read by the scan,
// formatted by a worker, written by Write.
type csvPart struct {
	first int                // index of the first mention
	ms    []timeline.Mention // until formatted
	buf   []byte             // the formatted columns of the rows
	rows  []csvRow
	done  chan struct{} // closed once formatted
}

// csvRow is one row of a csvPart: buf[pre0:pre1] holds the columns
// before event (no trailing comma), buf[s0:s1] the sentence column (shared
// by the rows of one sentence), buf[t0:t1] the columns after it (each
// with its leading comma) and the line end.
type csvRow struct {
	m                          int32 // the mention's index in the part
	pre0, pre1, s0, s1, t0, t1 int32
}

// StartCSVLean starts formatting the CSV of l, as [CSVLean] would write it,
// with opts.Workers goroutines (0 means GOMAXPROCS). Called from
// timeline.Options.Spooled, it formats during the merge on all workers but
// one when there is more than one worker and processor (with one, the
// merge has the processor to itself) and the merge leaves the memory for
// it (see roomToMerge and roomAhead), keeping up to csvAheadParts chunks
// formatted. Write then writes the CSV once the build is done, splicing in
// the event and conflict columns; Stop ends the work without writing.
// The output is the same whether or not anything was formatted ahead.
func StartCSVLean(l *timeline.Lean, opts CSVOptions) *CSVAhead {
	workers := opts.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	a := &CSVAhead{
		l: l, all: opts.All, workers: workers,
		parts:   make(chan *csvPart, csvAheadParts),
		work:    make(chan *csvPart, csvAheadParts),
		raw:     make(chan struct{}, 2*workers),
		slots:   make(chan struct{}, csvAheadParts),
		stop:    make(chan struct{}),
		writing: make(chan struct{}),
	}
	if workers > 1 && runtime.GOMAXPROCS(0) > 1 && roomToMerge(l.Len()) {
		// one processor for the merge, the others format
		a.begin(workers - 1)
	}
	return a
}

// begin starts the scan, if it is not running yet, and n formatters.
func (a *CSVAhead) begin(n int) {
	if !a.started {
		a.started = true
		a.wg.Go(a.scan)
	}
	for range n {
		a.wg.Go(func() {
			for p := range a.work {
				p.format(&a.l.Timeline, a.all)
				<-a.raw
				close(p.done)
			}
		})
	}
}

// scan reads the mentions into parts and hands them to the formatters and,
// in order, to Write.
func (a *CSVAhead) scan() {
	defer close(a.parts)
	defer close(a.work)
	err := a.l.ScanSpooled(csvChunk, func(first int, ms []timeline.Mention) error {
		if !a.isWriting() && !roomAhead() {
			select {
			case <-a.writing:
			case <-a.stop:
				return errStop
			}
		}
		select {
		case a.slots <- struct{}{}:
		case <-a.stop:
			return errStop
		}
		select {
		case a.raw <- struct{}{}:
		case <-a.stop:
			return errStop
		}
		p := &csvPart{first: first, ms: append([]timeline.Mention(nil), ms...), done: make(chan struct{})}
		a.work <- p // never blocks: at most csvAheadParts parts are out
		a.parts <- p
		return nil
	})
	if err != errStop {
		a.scanErr = err
	}
}

// Write writes the CSV to w, once timeline.BuildLean has returned l, and
// stops the work. Call it at most once, and not after Stop.
func (a *CSVAhead) Write(w io.Writer) error {
	defer a.Stop()
	if err := writeCSVHeader(w); err != nil {
		return err
	}
	// the merge is over: every worker formats
	close(a.writing)
	if a.started {
		a.begin(1)
	} else {
		a.begin(a.workers)
	}
	var (
		out   []byte
		confs []string
	)
	for p := range a.parts {
		<-p.done
		for _, r := range p.rows {
			i := p.first + int(r.m)
			out = append(out, p.buf[r.pre0:r.pre1]...)
			out = append(out, ',')
			out = appendCSVField(out, a.l.EventOf(i))
			out = append(out, ',')
			confs = a.l.AppendConflicts(confs[:0], i)
			out = appendCSVField(out, strings.Join(confs, ";"))
			out = append(out, ',')
			out = append(out, p.buf[r.s0:r.s1]...)
			out = append(out, p.buf[r.t0:r.t1]...)
			if len(out) >= 1<<16 {
				if _, err := w.Write(out); err != nil {
					return err
				}
				out = out[:0]
			}
		}
		p.buf, p.rows = nil, nil
		<-a.slots
	}
	if len(out) > 0 {
		if _, err := w.Write(out); err != nil {
			return err
		}
	}
	return a.scanErr
}

// isWriting reports whether Write has started.
func (a *CSVAhead) isWriting() bool {
	select {
	case <-a.writing:
		return true
	default:
		return false
	}
}

// mergeBytesPerMention is about the heap a merge needs per mention (40 MB
// for the 170,000 mentions of 10,000 generated articles).
const mergeBytesPerMention = 256

// roomToMerge reports whether the merge of n mentions leaves room under
// the runtime's soft memory limit, if one is set, for rows formatted ahead
// (see roomAhead). A larger merge needs the memory itself: formatting
// ahead during it would only make the collector run more, for a higher
// peak.
func roomToMerge(n int) bool {
	limit := debug.SetMemoryLimit(-1)
	return limit == math.MaxInt64 || int64(n)*mergeBytesPerMention < limit/2
}

// roomAhead reports whether the rows formatted ahead of Write may grow:
// while the live heap is under half the runtime's soft memory limit
// (debug.SetMemoryLimit), if one is set. A large merge needs the memory
// more than the CSV needs to be formatted early.
func roomAhead() bool {
	limit := debug.SetMemoryLimit(-1)
	if limit == math.MaxInt64 {
		return true
	}
	s := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	metrics.Read(s)
	return s[0].Value.Kind() == metrics.KindUint64 && s[0].Value.Uint64() < uint64(limit/2)
}

// Stop ends the work started by StartCSVLean and waits for its goroutines.
// It is safe to call more than once, and after Write.
func (a *CSVAhead) Stop() {
	a.once.Do(func() { close(a.stop) })
	a.wg.Wait()
}

// format formats the part's rows but for event and conflict, the same
// bytes as csvRows.
func (p *csvPart) format(tl *timeline.Timeline, all bool) {
	buf := make([]byte, 0, len(p.ms)*256)
	rows := make([]csvRow, 0, len(p.ms))
	var (
		last   string          // the sentence of the last row
		s0, s1 int32  = -1, -1 // its column in buf
		doc           = -1     // the document of src
		src    []byte          // its source, outlet and published columns
	)
	for k := range p.ms {
		m := &p.ms[k]
		if m.Furniture && !all {
			continue
		}
		if m.Doc != doc {
			doc = m.Doc
			s := &tl.Sources[doc]
			src = appendCSVField(src[:0], s.Source)
			src = append(src, ',')
			src = appendCSVField(src, s.Outlet)
			src = append(src, ',')
			src = appendCSVField(src, Published(*s))
		}
		r := csvRow{m: int32(k), pre0: int32(len(buf))}
		buf = append(buf, src...)
		date, until := Bounds(m.When)
		for _, f := range [...]string{m.Text, strconv.Itoa(m.Span.Start), strconv.Itoa(m.Span.End),
			m.Kind.String(), m.TIMEX, date, until, Granularity(m.Mention)} {
			buf = append(buf, ',')
			buf = appendCSVField(buf, f)
		}
		r.pre1 = int32(len(buf))
		if s0 < 0 || m.Sentence != last {
			s0 = int32(len(buf))
			buf = appendCSVField(buf, OneLine(m.Sentence))
			s1 = int32(len(buf))
			last = m.Sentence
		}
		r.s0, r.s1 = s0, s1
		r.t0 = int32(len(buf))
		for _, f := range [...]string{m.Mod, m.Tense.String(), m.Signal, strconv.FormatBool(m.Furniture)} {
			buf = append(buf, ',')
			buf = appendCSVField(buf, f)
		}
		buf = append(buf, '\n')
		r.t1 = int32(len(buf))
		rows = append(rows, r)
	}
	p.buf, p.rows, p.ms = buf, rows, nil
}

// appendCSVField appends s as one CSV field, quoted as encoding/csv's
// Writer (with its defaults) quotes it.
func appendCSVField(dst []byte, s string) []byte {
	if !csvNeedsQuotes(s) {
		return append(dst, s...)
	}
	dst = append(dst, '"')
	for len(s) > 0 {
		i := strings.IndexByte(s, '"')
		if i < 0 {
			return append(append(dst, s...), '"')
		}
		dst = append(dst, s[:i+1]...)
		dst = append(dst, '"')
		s = s[i+1:]
	}
	return append(dst, '"')
}

// csvNeedsQuotes is encoding/csv's Writer.fieldNeedsQuotes with a comma
// as the separator.
func csvNeedsQuotes(s string) bool {
	if s == "" {
		return false
	}
	if s == `\.` {
		return true
	}
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '\n', '\r', '"', ',':
			return true
		}
	}
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsSpace(r)
}

// errStop ends a scan early.
var errStop = errStopType{}

type errStopType struct{}

func (errStopType) Error() string { return "stopped" }
