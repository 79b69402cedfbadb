package timeline

import (
	"context"
	"errors"
	"fmt"
	"iter"
	"runtime"
	"runtime/debug"
	"runtime/pprof"
	"strings"
	"sync"
	"time"
	"unsafe"

	"chronicle/parse"
)

// Tagger finds the mentions of one article. [*parse.Extractor] is the
// Tagger every caller uses; tests substitute their own. Extract must be
// safe to call from several goroutines at once.
type Tagger interface {
	Extract(a *parse.Article) []parse.Mention
}

var _ Tagger = (*parse.Extractor)(nil)

// bufTagger is a [Tagger] that can write an article's mentions into a
// slice it is given, as [parse.Extractor.ExtractInto] does: a worker then
// reuses one slice for all its articles instead of allocating one for
// each (about a third of what `chronicle tag` allocated).
type bufTagger interface {
	ExtractInto(a *parse.Article, buf []parse.Mention) []parse.Mention
}

var _ bufTagger = (*parse.Extractor)(nil)

// maxKeptMentions caps the slice a slot keeps for its next article, so
// that one article with a huge number of mentions does not hold its
// slice for the rest of the run.
const maxKeptMentions = 4096

// ErrTaggerPanic is wrapped by the [ArticleError] of an article whose
// tagging panicked.
var ErrTaggerPanic = errors.New("tagger panicked")

// ArticleError reports one article that could not be tagged. The run goes
// on without it: the other articles are tagged and kept.
type ArticleError struct {
	Source string // the article's input name (parse.Article.Source)
	Index  int    // 0-based position of the article in the input
	Err    error  // wraps ErrTaggerPanic when the tagger panicked
	Stack  []byte // the tagger's stack when it panicked, for a bug report
}

// Error names the article ("article #N" when it has no source name) and
// says what went wrong.
func (e *ArticleError) Error() string {
	name := e.Source
	if name == "" {
		name = fmt.Sprintf("article #%d", e.Index+1)
	}
	msg := name + ": " + e.Err.Error()
	if errors.Is(e.Err, ErrTaggerPanic) {
		msg += "; this is a bug in chronicle: the article was skipped, please report it with the article"
	}
	return msg
}

// Unwrap returns the underlying error.
func (e *ArticleError) Unwrap() error { return e.Err }

// Tag tags one article and returns it without its body: each mention keeps
// a copy of its sentence, so the body can be freed.
func Tag(ex Tagger, a *parse.Article) Doc {
	return NewDoc(a, ex.Extract(a))
}

// NewDoc describes a tagged article without its body. The mentions keep a
// copy of their sentence (one copy per sentence, shared by the mentions in
// it), and no string in the result points into a.Body, so the body can be
// freed as soon as the caller drops the article.
func NewDoc(a *parse.Article, ms []parse.Mention) Doc {
	d := Doc{Source: Source{
		Source: a.Source, Outlet: a.Outlet, Title: a.Title, URL: a.URL,
		Published: a.Published, DateOnly: a.DateOnly, Undated: a.Undated, Zone: a.Loc.String(),
	}}
	if len(ms) == 0 {
		return d
	}
	d.Mentions = make([]Mention, len(ms))
	var (
		sent     string
		sentSpan = parse.Span{Start: -1, End: -1}
	)
	for i, m := range ms {
		if m.Sentence != sentSpan {
			sentSpan = m.Sentence
			sent = strings.Clone(sub(a.Body, m.Sentence))
		}
		if m.Span.Start >= m.Sentence.Start && m.Span.End <= m.Sentence.End && len(sent) == m.Sentence.Len() && sub(a.Body, m.Span) == m.Text {
			m.Text = sent[m.Span.Start-m.Sentence.Start : m.Span.End-m.Sentence.Start]
		} else {
			m.Text = detach(m.Text, a.Body)
		}
		m.TIMEX = detach(m.TIMEX, a.Body)
		m.Mod = detach(m.Mod, a.Body)
		m.Quant = detach(m.Quant, a.Body)
		m.Freq = detach(m.Freq, a.Body)
		m.Signal = detach(m.Signal, a.Body)
		m.Rule = detach(m.Rule, a.Body)
		d.Mentions[i] = Mention{Mention: m, Sentence: sent}
	}
	return d
}

// sub returns body[sp.Start:sp.End], or "" when the span is out of range.
func sub(body string, sp parse.Span) string {
	if sp.Start < 0 || sp.End > len(body) || sp.Start > sp.End {
		return ""
	}
	return body[sp.Start:sp.End]
}

// detach returns s, copied when it shares memory with body: a substring
// of the body would keep the whole body alive.
func detach(s, body string) string {
	if s == "" || body == "" {
		return s
	}
	p := uintptr(unsafe.Pointer(unsafe.StringData(s)))
	b := uintptr(unsafe.Pointer(unsafe.StringData(body)))
	if p >= b && p < b+uintptr(len(body)) {
		return strings.Clone(s)
	}
	return s
}

// inFlightPerWorker bounds the articles read ahead of fn: at most
// workers*inFlightPerWorker articles (bodies included) are held at once.
const inFlightPerWorker = 8

// Each tags the articles with a pool of opts.Workers goroutines (0 means
// GOMAXPROCS) and calls fn for each article with its mentions, strictly in
// input order and on the caller's goroutine, so the result never depends
// on the number of workers. The iterator is also consumed on the caller's
// goroutine, at most a few articles per worker ahead of fn, so memory
// stays flat however long the input. fn may keep neither a nor its body
// after it returns; an error from fn stops the run and is returned.
//
// An article whose tagging panics is not passed to fn: it becomes an
// [*ArticleError] (wrapping [ErrTaggerPanic]) given to opts.OnError in
// input order, and the run goes on. Without OnError, Each returns those
// errors joined once every other article has been passed to fn.
//
// Each checks ctx before reading each article and returns ctx.Err() when
// it is cancelled; articles already being tagged are finished and
// dropped, and no goroutine outlives the call.
func Each(ctx context.Context, ex Tagger, arts iter.Seq[parse.Article], opts Options, fn func(a *parse.Article, ms []parse.Mention) error) error {
	return each(ctx, ex, arts, opts, nil, func(s *slot) error { return fn(&s.a, s.ms) })
}

// Map is [Each] with a step run by the workers: work gets each tagged
// article, in parallel and in no particular order, and its result goes to
// fn in input order on the caller's goroutine. Putting the per-article
// formatting of an output in work leaves fn only the writing, so the
// output scales with the workers too. An error from work stops the run
// when its article's turn comes; a panic in work is reported like one in
// the tagger. work may keep neither a, its body nor ms: ms's storage is
// reused for a later article.
func Map[T any](ctx context.Context, ex Tagger, arts iter.Seq[parse.Article], opts Options, work func(a *parse.Article, ms []parse.Mention) (T, error), fn func(T) error) error {
	step := func(s *slot) {
		s.out, s.outErr = work(&s.a, s.ms)
	}
	return each(ctx, ex, arts, opts, step, func(s *slot) error {
		if s.outErr != nil {
			return s.outErr
		}
		return fn(s.out.(T))
	})
}

// slot is one article in flight: filled by the caller, tagged by a worker,
// handed to emit by the caller once every earlier article has been.
type slot struct {
	a      parse.Article
	idx    int
	ms     []parse.Mention
	buf    []parse.Mention // ms's storage, kept for the slot's next article (see tag)
	doc    Doc             // set by Build's step (which then drops a and ms)
	prep   prepared        // set by Build's step: doc's part of the merge
	rec    []byte          // set by BuildLean's step: the spool records of doc's mentions
	rel    []uint32        // and their offsets
	out    any             // set by Map's step
	outErr error
	err    *ArticleError
	done   chan struct{} // receives once the worker is finished with the slot
}

// tag is a worker's job: tag the article, then run step if there is one.
// A panic becomes an *ArticleError for the article.
//
// step is the last user of s.ms (Build and BuildLean copy the mentions
// out, Map formats them), so with a step and a [bufTagger] the mentions
// are written into s.buf, and s.ms is cleared and kept in s.buf for the
// slot's next article once step is done.
func (s *slot) tag(ex Tagger, step func(*slot)) {
	defer func() {
		if r := recover(); r != nil {
			s.ms, s.buf, s.doc, s.prep, s.out, s.outErr, s.rec, s.rel = nil, nil, Doc{}, prepared{}, nil, nil, nil, nil
			s.err = &ArticleError{Source: s.a.Source, Index: s.idx, Err: fmt.Errorf("%w: %v", ErrTaggerPanic, r), Stack: debug.Stack()}
		}
	}()
	bt, ok := ex.(bufTagger)
	if !ok || step == nil {
		s.ms = ex.Extract(&s.a)
		if step != nil {
			step(s)
		}
		return
	}
	ms := bt.ExtractInto(&s.a, s.buf)
	s.ms = ms
	step(s)
	clear(ms) // the strings point into the body: let it go
	s.ms, s.buf = nil, nil
	if cap(ms) <= maxKeptMentions {
		s.buf = ms[:0]
	}
}

// each runs Each, Map and Build: the workers tag each article and run
// step on it; emit gets the slots in input order, on the caller's
// goroutine. step must not keep s.ms, whose storage may be reused for a
// later article (see slot.tag); without a step, emit gets s.ms to keep.
func each(ctx context.Context, ex Tagger, arts iter.Seq[parse.Article], opts Options, step func(*slot), emit func(s *slot) error) error {
	workers := opts.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	var failed []error
	handle := func(s *slot) error {
		if s.err == nil {
			return emit(s)
		}
		if opts.OnError != nil {
			return opts.OnError(s.err)
		}
		failed = append(failed, s.err)
		return nil
	}
	var err error
	if workers == 1 {
		err = eachSerial(ctx, ex, arts, step, handle)
	} else {
		err = eachPool(ctx, ex, arts, workers, step, handle)
	}
	if err != nil {
		return err
	}
	return errors.Join(failed...)
}

// eachSerial is each with one worker: everything on the caller's goroutine.
func eachSerial(ctx context.Context, ex Tagger, arts iter.Seq[parse.Article], step func(*slot), handle func(*slot) error) error {
	var s slot
	idx := 0
	for a := range arts {
		if err := ctx.Err(); err != nil {
			return err
		}
		s = slot{a: a, idx: idx, buf: s.buf}
		idx++
		s.tag(ex, step)
		if err := handle(&s); err != nil {
			return err
		}
	}
	return ctx.Err()
}

// eachPool is each with a pool of workers. The caller's goroutine reads
// the articles into a ring of slots, sends each slot to the workers, and
// hands the oldest slot on whenever the ring is full (and at the end), so
// the slots come out in input order.
func eachPool(ctx context.Context, ex Tagger, arts iter.Seq[parse.Article], workers int, step func(*slot), handle func(*slot) error) error {
	ring := make([]slot, workers*inFlightPerWorker)
	for i := range ring {
		ring[i].done = make(chan struct{}, 1)
	}
	jobs := make(chan *slot, len(ring)) // never blocks: at most len(ring) slots are out
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			// The label lets a CPU profile tell the workers' time from the
			// caller's (go tool pprof -tagfocus timeline=worker).
			pprof.Do(ctx, pprof.Labels("timeline", "worker"), func(context.Context) {
				for s := range jobs {
					if ctx.Err() == nil {
						// Let the goroutine this worker readied when it
						// finished its previous article (the caller, to
						// hand it on and read the next) run first: else it
						// waits on this processor's run queue until the
						// worker is done with the next article too, and
						// the other workers run out of articles. go tool
						// trace of `chronicle tag` (1,000 articles, two
						// processors): the caller waited 30 to 400 µs for
						// a processor after each wake-up without the yield,
						// under 2 µs with it; the workers were idle about
						// 35% of their time without it, 10% with it. A
						// yield costs about a microsecond an article.
						runtime.Gosched()
						s.tag(ex, step)
					}
					s.done <- struct{}{}
				}
			})
		})
	}
	var head, n int // oldest slot in flight, slots in flight
	defer func() {
		close(jobs)
		for ; n > 0; n-- { // wait for the workers, then drop what they held
			s := &ring[head]
			<-s.done
			*s = slot{done: s.done, buf: s.buf}
			head = (head + 1) % len(ring)
		}
		wg.Wait()
	}()
	next := func() error {
		s := &ring[head]
		select {
		case <-s.done:
		case <-ctx.Done():
			return ctx.Err()
		}
		head = (head + 1) % len(ring)
		n--
		err := ctx.Err()
		if err == nil {
			err = handle(s)
		}
		*s = slot{done: s.done, buf: s.buf} // free the body and mentions now
		return err
	}
	idx := 0
	for a := range arts {
		if err := ctx.Err(); err != nil {
			return err
		}
		if n == len(ring) {
			if err := next(); err != nil {
				return err
			}
		}
		s := &ring[(head+n)%len(ring)]
		s.a, s.idx = a, idx
		idx++
		n++
		jobs <- s
	}
	for n > 0 {
		if err := next(); err != nil {
			return err
		}
	}
	return ctx.Err()
}

// Build tags the articles as they are read and merges their mentions into
// a timeline. Bodies are dropped once tagged. Articles that could not be
// tagged go to opts.OnError; without it, Build returns the timeline of the
// other articles together with those errors joined (see [Each]).
func Build(ctx context.Context, ex Tagger, arts iter.Seq[parse.Article], opts Options) (*Timeline, error) {
	// The workers also compute each document's part of the merge (its
	// items' signatures); the merger interns them as documents arrive.
	// Each document is appended to the timeline as it arrives, so the
	// mentions are held once, not in per-document slices and again in
	// the timeline.
	tl := &Timeline{}
	mg := newMerger(tl, opts.Workers)
	zones := zoneCache{}
	folders := sync.Pool{New: func() any { return folder{} }} // one in use per worker
	step := func(s *slot) {
		s.doc = NewDoc(&s.a, s.ms)
		s.a, s.ms = parse.Article{}, nil
		f := folders.Get().(folder)
		s.prep = prepare(s.doc.Mentions, &s.doc.Source, f)
		folders.Put(f)
	}
	sents := sentenceCache{}
	err := each(ctx, ex, arts, opts, step, func(s *slot) error {
		zones.share(&s.doc)
		sents.share(&s.doc)
		doc, base := len(tl.Sources), len(tl.Mentions)
		tl.add(s.doc)
		mg.addDoc(doc, base, &s.prep)
		s.doc, s.prep = Doc{}, prepared{}
		return nil
	})
	var aerr *ArticleError
	if err != nil && !errors.As(err, &aerr) {
		return nil, err
	}
	if merr := mg.run(ctx); merr != nil {
		return nil, merr
	}
	return tl, err
}

// zoneCache holds one *time.Location per IANA zone name. A reader that
// loads the zone afresh for each article (time.LoadLocation does not
// cache) gives each article its own copy, a few kilobytes that every
// mention's interval keeps alive: 100,000 articles would hold hundreds of
// megabytes of identical zone tables.
type zoneCache struct {
	byName   map[string]*time.Location
	from, to *time.Location // the last replacement made
}

// share points the times of d at the cached zone of the same name. The
// instants, offsets and zone names are unchanged.
func (z *zoneCache) share(d *Doc) {
	d.Source.Published = z.time(d.Source.Published)
	for i := range d.Mentions {
		w := &d.Mentions[i].When
		w.Start, w.End = z.time(w.Start), z.time(w.End)
	}
}

func (z *zoneCache) time(t time.Time) time.Time {
	loc := t.Location()
	if loc == z.from {
		return t.In(z.to)
	}
	name := loc.String()
	if loc == time.UTC || !strings.Contains(name, "/") {
		return t // UTC is shared already; fixed zones are small and may share a name
	}
	if z.byName == nil {
		z.byName = map[string]*time.Location{}
	}
	c, ok := z.byName[name]
	if !ok {
		z.byName[name] = loc
		return t
	}
	z.from, z.to = loc, c
	return t.In(c)
}

// sentenceCache holds one copy of each sentence text seen: wire copies
// print the same sentences under many mastheads, and a timeline of them
// need keep each once.
type sentenceCache map[string]string

// maxSentences bounds the sentences a sentenceCache remembers.
const maxSentences = 1 << 20

// share points the sentences of d's mentions (and the expressions, which
// are substrings of them) at the copies seen before.
func (c sentenceCache) share(d *Doc) {
	for i := range d.Mentions {
		m := &d.Mentions[i]
		if m.Sentence == "" {
			continue
		}
		first, ok := c[m.Sentence]
		if !ok {
			if len(c) >= maxSentences {
				clear(c)
			}
			c[m.Sentence] = m.Sentence
			continue
		}
		if unsafe.StringData(first) == unsafe.StringData(m.Sentence) {
			continue
		}
		if off, ok := offsetIn(m.Text, m.Sentence); ok {
			m.Text = first[off : off+len(m.Text)]
		}
		m.Sentence = first
	}
}

// offsetIn returns the offset of s in within, when s is a substring of it
// (shares its memory).
func offsetIn(s, within string) (int, bool) {
	if s == "" || within == "" {
		return 0, false
	}
	p := uintptr(unsafe.Pointer(unsafe.StringData(s)))
	w := uintptr(unsafe.Pointer(unsafe.StringData(within)))
	if p < w || p+uintptr(len(s)) > w+uintptr(len(within)) {
		return 0, false
	}
	return int(p - w), true
}
