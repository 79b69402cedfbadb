package timeline

import (
	"bufio"
	"cmp"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"iter"
	"runtime/debug"
	"slices"
	"sync"
	"unsafe"

	"chronicle/parse"
)

// Lean is a timeline made by [BuildLean] for the CSV: its sources, events
// and conflicts are in memory as in any [Timeline], but its mentions wait
// in a temporary file (Timeline.Mentions stays nil); read them with
// [Lean.Scan] or [Lean.Mention]. Close removes the file.
//
// It leaves out what the CSV does not print, which costs memory at scale:
// the sources' Title and URL, the events' Outlets and the conflicts'
// Summary are empty. Everything else (IDs, labels, dates, supports, sides)
// is what [Build] gives for the same input.
type Lean struct {
	Timeline
	sp       *spool
	event    []int32  // per mention: 1 + its event's index in eventIDs, 0 for none
	eventIDs []string // event IDs
	sides    []side   // the conflict sides, by mention (in order of Conflicts for each)
}

// side is a mention in a conflict: Timeline.Conflicts[c].
type side struct{ m, c int32 }

// BuildLean is [Build] for outputs that go through the mentions once, in
// order (CSV): each document's mentions are written to a temporary file in
// opts.TempDir (os.TempDir() when empty) as soon as they are tagged, and
// only what merging needs of them stays in memory (that too waits on disk
// until the merge starts, so that it is allocated once, at its size). The
// events, conflicts and mentions are those Build gives for the same input
// (but for what [Lean] leaves out). The caller must Close the result; on
// an error the files are already removed, and where the system allows it
// they are removed as soon as created, so that no way of ending the
// process leaves them behind. A failure to write them (a full disk) is an
// error.
func BuildLean(ctx context.Context, ex Tagger, arts iter.Seq[parse.Article], opts Options) (*Lean, error) {
	sp, err := newSpool(opts.TempDir)
	if err != nil {
		return nil, err
	}
	l := &Lean{sp: sp}
	// the merge's items and tokens wait on disk too, until the merge
	isp, err := newRawSpool[item](opts.TempDir)
	if err != nil {
		sp.close()
		return nil, err
	}
	defer isp.close()
	asp, err := newRawSpool[uint32](opts.TempDir)
	if err != nil {
		sp.close()
		return nil, err
	}
	defer asp.close()
	ok := false
	defer func() {
		if !ok {
			sp.close()
		}
	}()
	tl := &l.Timeline
	mg := newMerger(tl, opts.Workers)
	mg.sp, mg.lean, mg.slim = sp, l, true
	zones := zoneCache{}
	folders := sync.Pool{New: func() any { return folder{} }} // one in use per worker
	step := func(s *slot) {
		d := NewDoc(&s.a, s.ms)
		s.a, s.ms = parse.Article{}, nil
		f := folders.Get().(folder)
		s.prep = prepare(d.Mentions, &d.Source, f)
		folders.Put(f)
		s.rec, s.rel = sp.encodeDoc(nil, d.Mentions)
		s.doc = Doc{Source: d.Source}
		s.doc.Source.Title, s.doc.Source.URL = "", "" // not printed
	}
	err = each(ctx, ex, arts, opts, step, func(s *slot) error {
		zones.share(&s.doc)
		doc, base := len(tl.Sources), sp.len()
		tl.Sources = append(tl.Sources, s.doc.Source)
		if err := sp.addDoc(s.rec, s.rel); err != nil {
			return err
		}
		mg.addDoc(doc, base, &s.prep)
		mg.nMent = sp.len()
		if len(mg.items) >= spoolBatch {
			if err := isp.write(mg.items); err != nil {
				return err
			}
			mg.items = mg.items[:0]
		}
		if len(mg.arena) >= spoolBatch {
			if err := asp.write(mg.arena); err != nil {
				return err
			}
			mg.arenaBase += len(mg.arena)
			mg.arena = mg.arena[:0]
		}
		s.doc, s.prep, s.rec, s.rel = Doc{}, prepared{}, nil, nil
		return nil
	})
	var aerr *ArticleError
	if err != nil && !errors.As(err, &aerr) {
		return nil, err
	}
	if ferr := sp.finish(); ferr != nil {
		return nil, ferr
	}
	if (isp.n+len(mg.items))*int(unsafe.Sizeof(item{})) >= releaseBytes {
		// the tagging's garbage, which a raised collector target (see
		// cmd/chronicle) lets pile up to the memory limit, is returned
		// before the merge's arrays are read in: on 100k articles the
		// resident set was 244 MB after tagging and peaked at 271–283
		// MB while they were read; it is 67 MB after this, 169 MB once
		// they are in
		debug.FreeOSMemory()
	}
	items, lerr := isp.load(mg.items)
	if lerr != nil {
		return nil, lerr
	}
	arena, lerr := asp.load(mg.arena)
	if lerr != nil {
		return nil, lerr
	}
	mg.items, mg.arena, mg.arenaBase = items, arena, 0
	isp.close() // (and again, harmlessly, on return)
	asp.close()
	if opts.Spooled != nil {
		opts.Spooled(l)
	}
	if merr := mg.run(ctx); merr != nil {
		return nil, merr
	}
	if rerr := sp.readErr(); rerr != nil {
		return nil, rerr
	}
	slices.SortStableFunc(l.sides, func(a, b side) int { return cmp.Compare(a.m, b.m) })
	ok = true
	return l, err
}

// releaseBytes is the size of the merge's items from which BuildLean
// returns the tagging's memory to the system before it reads them in
// (about 500,000 dated mentions).
const releaseBytes = 32 << 20

// Close removes the temporary file. The mentions cannot be read after.
func (l *Lean) Close() error { return l.sp.close() }

// Len returns the number of mentions.
func (l *Lean) Len() int { return l.sp.len() }

// Mention reads mention i back, with its event and conflicts.
func (l *Lean) Mention(i int) (Mention, error) {
	m, err := l.sp.mention(i)
	if err != nil {
		return Mention{}, err
	}
	k, _ := slices.BinarySearchFunc(l.sides, int32(i), func(s side, m int32) int { return cmp.Compare(s.m, m) })
	l.results(i, &m, k)
	return m, nil
}

// results sets mention i's event and conflicts, whose sides (if any)
// start at l.sides[k]; it returns the index of the next mention's.
func (l *Lean) results(i int, m *Mention, k int) int {
	m.Event, m.Conflicts = "", nil
	if i < len(l.event) {
		if e := l.event[i]; e > 0 {
			m.Event = l.eventIDs[e-1]
		}
	}
	for ; k < len(l.sides) && l.sides[k].m == int32(i); k++ {
		m.Conflicts = append(m.Conflicts, l.Conflicts[l.sides[k].c].ID)
	}
	return k
}

// Scan reads the mentions back in timeline order, in batches of up to
// batch mentions with their event and conflicts set, and calls fn with
// each batch and the index of its first mention. fn may keep the mentions
// but not the slice, which the next batch reuses. An error from fn stops
// the scan and is returned.
func (l *Lean) Scan(batch int, fn func(first int, ms []Mention) error) error {
	return l.scan(batch, true, fn)
}

// ScanSpooled is [Lean.Scan] without the merge's results: the mentions'
// Event and Conflicts are empty. Unlike Scan it may run while
// [BuildLean] merges the events (see Options.Spooled), on any number of
// goroutines.
func (l *Lean) ScanSpooled(batch int, fn func(first int, ms []Mention) error) error {
	return l.scan(batch, false, fn)
}

// EventOf returns the ID of mention i's event, or "" when it has none.
// Call it once BuildLean has returned.
func (l *Lean) EventOf(i int) string {
	if i >= 0 && i < len(l.event) {
		if e := l.event[i]; e > 0 {
			return l.eventIDs[e-1]
		}
	}
	return ""
}

// AppendConflicts appends the IDs of the conflicts mention i is a side of
// to dst, in the order of [Mention].Conflicts, and returns the result.
// Call it once BuildLean has returned.
func (l *Lean) AppendConflicts(dst []string, i int) []string {
	k, _ := slices.BinarySearchFunc(l.sides, int32(i), func(s side, m int32) int { return cmp.Compare(s.m, m) })
	for ; k < len(l.sides) && l.sides[k].m == int32(i); k++ {
		dst = append(dst, l.Conflicts[l.sides[k].c].ID)
	}
	return dst
}

// scan runs Scan, and ScanSpooled when merged is false.
func (l *Lean) scan(batch int, merged bool, fn func(first int, ms []Mention) error) error {
	batch = max(batch, 1)
	sp := l.sp
	br := bufio.NewReaderSize(io.NewSectionReader(sp.f, 0, sp.size), 1<<20)
	ms := make([]Mention, 0, min(batch, sp.len()))
	var (
		rec  []byte
		last lastSentence
		off  int64
		doc  int
		side int // the first of l.sides not passed yet
	)
	for i := 0; i < sp.len(); i++ {
		n, err := binary.ReadUvarint(br)
		if err != nil {
			return l.readErr(err)
		}
		if uint64(cap(rec)) < n {
			rec = make([]byte, n)
		}
		rec = rec[:n]
		if _, err := io.ReadFull(br, rec); err != nil {
			return l.readErr(err)
		}
		for doc+1 < len(sp.docFirst) && int(sp.docFirst[doc+1]) <= i {
			doc++
		}
		ms = append(ms, Mention{Doc: doc})
		m := &ms[len(ms)-1]
		if err := sp.decode(rec, off, m, &last); err != nil {
			return l.readErr(err)
		}
		if merged {
			for side < len(l.sides) && l.sides[side].m < int32(i) {
				side++
			}
			side = l.results(i, m, side)
		}
		off += int64(uvarintLen(n)) + int64(n)
		if len(ms) == batch || i == sp.len()-1 {
			if err := fn(i+1-len(ms), ms); err != nil {
				return err
			}
			clear(ms)
			ms = ms[:0]
		}
	}
	return nil
}

func (l *Lean) readErr(err error) error {
	if errors.Is(err, io.EOF) {
		err = io.ErrUnexpectedEOF
	}
	return fmt.Errorf("reading the mentions back from their temporary file: %w", err)
}
