package timeline

import (
	"bufio"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"slices"
	"strings"
	"sync"
	"time"
	"unsafe"

	"chronicle/parse"
)

// A spool keeps the mentions of a lean build ([BuildLean]) in a temporary
// file instead of memory: one record per mention, in timeline order,
// written as the documents arrive, read back at random by the merge (for
// the few things it needs of a mention beyond its item) and in order by
// the writers.
//
// A record is a uvarint length, then:
//
//	uvarint  flags (spool* bits)
//	varint   Span.Start, Span.End, Sentence.Start, Sentence.End
//	varint   Kind, Tense, When.Gran, Dur.Unit
//	8 bytes  Dur.Amount (IEEE 754 bits, little-endian)
//	strings  TIMEX, Mod, Quant, Freq, Signal, Rule (uvarint length, bytes)
//	times    When.Start, When.End (uvarint zone, varint Unix seconds, uvarint nanoseconds)
//	string   Text, unless it is the sentence's text at its span
//	sentence the sentence's text, or, when the mention before it in its
//	         document has the same sentence, a uvarint distance back from
//	         the record's start to that text and a uvarint length
//
// Zones are numbers into a table kept in memory (0 is UTC): a zone loaded
// from the time zone database is shared by name, a fixed zone by name and
// offset.
type spool struct {
	f        *os.File
	name     string
	unlinked bool // the file was removed as soon as it was created
	w        *bufio.Writer
	size     int64    // bytes written
	docBase  []int64  // per document: the offset of its first record
	docFirst []int32  // per document: the index of its first mention
	rel      []uint32 // per mention: its record's offset from its document's
	zones    zoneTable

	mu   sync.Mutex
	rerr error // the first read error of the merge (see fail)
}

// Record flags.
const (
	spoolFurniture = 1 << iota
	spoolApprox
	spoolUnspecified
	spoolTextInSentence // Text is the sentence's text at the span
	spoolSentenceBack   // the sentence is a reference to an earlier record's
)

// newSpool creates the spool's file in dir (os.TempDir() when empty).
// Where the system allows it the file is removed at once, so that it goes
// away with the process however that ends; close removes it otherwise.
func newSpool(dir string) (*spool, error) {
	f, err := os.CreateTemp(dir, "chronicle-mentions-*.spool")
	if err != nil {
		return nil, fmt.Errorf("creating a temporary file for the mentions: %w; set TMPDIR to a writable directory", err)
	}
	sp := &spool{f: f, name: f.Name(), w: bufio.NewWriterSize(f, 1<<16)}
	sp.unlinked = os.Remove(f.Name()) == nil
	sp.zones.init()
	return sp, nil
}

// close closes and removes the file.
func (sp *spool) close() error {
	err := sp.f.Close()
	if !sp.unlinked {
		if rerr := os.Remove(sp.name); rerr != nil && !errors.Is(rerr, os.ErrNotExist) && err == nil {
			err = rerr
		}
	}
	return err
}

// len returns the number of mentions spooled.
func (sp *spool) len() int { return len(sp.rel) }

// addDoc writes the records of one document, made by encodeDoc.
func (sp *spool) addDoc(recs []byte, rel []uint32) error {
	sp.docBase = append(sp.docBase, sp.size)
	sp.docFirst = append(sp.docFirst, int32(len(sp.rel)))
	sp.rel = append(sp.rel, rel...)
	if _, err := sp.w.Write(recs); err != nil {
		return sp.writeErr(err)
	}
	sp.size += int64(len(recs))
	return nil
}

// finish flushes what is buffered: the records can then be read.
func (sp *spool) finish() error {
	if err := sp.w.Flush(); err != nil {
		return sp.writeErr(err)
	}
	sp.w = nil
	sp.zones.mu.Lock()
	sp.zones.frozen = sp.zones.locs
	sp.zones.mu.Unlock()
	return nil
}

func (sp *spool) writeErr(err error) error {
	return fmt.Errorf("writing the mentions to a temporary file in %s (is the disk full? set TMPDIR to use another directory): %w", dirOf(sp.name), err)
}

func dirOf(name string) string {
	if i := strings.LastIndexAny(name, `/\`); i >= 0 {
		return name[:i+1]
	}
	return "."
}

// fail keeps the first read error of the merge.
func (sp *spool) fail(err error) {
	sp.mu.Lock()
	if sp.rerr == nil {
		sp.rerr = fmt.Errorf("reading the mentions back from their temporary file: %w", err)
	}
	sp.mu.Unlock()
}

// readErr returns the first read error kept by fail.
func (sp *spool) readErr() error {
	sp.mu.Lock()
	defer sp.mu.Unlock()
	return sp.rerr
}

// docOf returns the document of mention i.
func (sp *spool) docOf(i int) int {
	d, ok := slices.BinarySearch(sp.docFirst, int32(i))
	if !ok {
		d--
	}
	// documents without mentions share their first index with the next
	for d+1 < len(sp.docFirst) && sp.docFirst[d+1] == int32(i) {
		d++
	}
	return d
}

// offset returns the offset of mention i's record, and its document.
func (sp *spool) offset(i int) (int64, int) {
	d := sp.docOf(i)
	return sp.docBase[d] + int64(sp.rel[i]), d
}

// readAt reads a record at off: its bytes (the length prefix dropped).
// ReadAt is safe on several goroutines at once.
func (sp *spool) readAt(off int64) ([]byte, error) {
	buf := make([]byte, 512)
	n, err := sp.f.ReadAt(buf, off)
	if n < len(buf) && err != io.EOF && err != nil {
		return nil, err
	}
	buf = buf[:n]
	l, k := binary.Uvarint(buf)
	if k <= 0 {
		return nil, errCorrupt
	}
	if need := k + int(l); need > len(buf) {
		buf = slices.Grow(buf, need-len(buf))[:need]
		if _, err := sp.f.ReadAt(buf[n:], off+int64(n)); err != nil {
			return nil, err
		}
	}
	return buf[k : k+int(l)], nil
}

var errCorrupt = errors.New("corrupt record")

// mention reads mention i back.
func (sp *spool) mention(i int) (Mention, error) {
	if i < 0 || i >= len(sp.rel) {
		return Mention{}, fmt.Errorf("mention %d of %d", i, len(sp.rel))
	}
	off, d := sp.offset(i)
	rec, err := sp.readAt(off)
	if err != nil {
		return Mention{}, err
	}
	var m Mention
	if err := sp.decode(rec, off, &m, nil); err != nil {
		return Mention{}, err
	}
	m.Doc = d
	return m, nil
}

// sentence reads the sentence of mention i back.
func (sp *spool) sentence(i int) (string, error) {
	m, err := sp.mention(i)
	return m.Sentence, err
}

// lastSentence is the sentence last read in order, for the references
// to it of the records after it.
type lastSentence struct {
	off int64
	s   string
}

// decode decodes the record rec, which starts at off (its length prefix
// included), into m. A sentence given as a reference is last's when it
// points there, else read from the file. m.Doc is left as it is.
func (sp *spool) decode(rec []byte, off int64, m *Mention, last *lastSentence) error {
	d := decoder{b: rec}
	flags := d.uvarint()
	m.Span.Start, m.Span.End = d.int(), d.int()
	m.Mention.Sentence.Start, m.Mention.Sentence.End = d.int(), d.int()
	m.Kind, m.Tense, m.When.Gran, m.Dur.Unit = parse.Kind(d.int()), parse.Tense(d.int()), parse.Granularity(d.int()), parse.Granularity(d.int())
	m.Dur.Amount = d.float()
	m.TIMEX, m.Mod, m.Quant, m.Freq, m.Signal, m.Rule = d.string(), d.string(), d.string(), d.string(), d.string(), d.string()
	m.When.Start, m.When.End = d.time(&sp.zones), d.time(&sp.zones)
	m.Furniture, m.When.Approx, m.Dur.Unspecified = flags&spoolFurniture != 0, flags&spoolApprox != 0, flags&spoolUnspecified != 0
	m.Text = ""
	if flags&spoolTextInSentence == 0 {
		m.Text = d.string()
	}
	if flags&spoolSentenceBack == 0 {
		start := len(rec) - len(d.b)
		m.Sentence = d.string()
		if last != nil && d.err == nil {
			// the sentence's bytes start after their length
			_, k := binary.Uvarint(rec[start:])
			last.off, last.s = off+int64(uvarintLen(uint64(len(rec))))+int64(start+k), m.Sentence
		}
	} else {
		back, n := d.uvarint(), d.uvarint()
		if d.err != nil {
			return d.err
		}
		at := off - int64(back)
		if last != nil && last.off == at && uint64(len(last.s)) == n {
			m.Sentence = last.s
		} else {
			buf := make([]byte, n)
			if _, err := sp.f.ReadAt(buf, at); err != nil {
				return err
			}
			m.Sentence = string(buf)
		}
	}
	if d.err != nil {
		return d.err
	}
	if flags&spoolTextInSentence != 0 {
		s, e := m.Span.Start-m.Mention.Sentence.Start, m.Span.End-m.Mention.Sentence.Start
		if s < 0 || e > len(m.Sentence) || s > e {
			return errCorrupt
		}
		m.Text = m.Sentence[s:e]
	}
	if len(d.b) != 0 {
		return errCorrupt
	}
	return nil
}

func uvarintLen(x uint64) int {
	n := 1
	for x >= 0x80 {
		x >>= 7
		n++
	}
	return n
}

// encodeDoc appends the records of one document's mentions to buf and
// returns them with each record's offset from the first. It may be called
// on several goroutines at once.
func (sp *spool) encodeDoc(buf []byte, ms []Mention) ([]byte, []uint32) {
	start := len(buf)
	rel := make([]uint32, len(ms))
	var (
		body      []byte
		zc        zoneCacheLine
		prevSent  = -1 // the offset (from start) of the text of the previous record's sentence
		prevText  string
		prevValid bool
	)
	for i := range ms {
		m := &ms[i]
		recStart := len(buf) - start
		rel[i] = uint32(recStart)
		body = body[:0]
		var flags uint64
		if m.Furniture {
			flags |= spoolFurniture
		}
		if m.When.Approx {
			flags |= spoolApprox
		}
		if m.Dur.Unspecified {
			flags |= spoolUnspecified
		}
		if s, e := m.Span.Start-m.Mention.Sentence.Start, m.Span.End-m.Mention.Sentence.Start; s >= 0 && e <= len(m.Sentence) && s <= e && m.Sentence[s:e] == m.Text {
			flags |= spoolTextInSentence
		}
		back := prevValid && prevText == m.Sentence
		if back {
			flags |= spoolSentenceBack
		}
		body = binary.AppendUvarint(body, flags)
		for _, v := range [...]int{m.Span.Start, m.Span.End, m.Mention.Sentence.Start, m.Mention.Sentence.End, int(m.Kind), int(m.Tense), int(m.When.Gran), int(m.Dur.Unit)} {
			body = binary.AppendVarint(body, int64(v))
		}
		body = binary.LittleEndian.AppendUint64(body, math.Float64bits(m.Dur.Amount))
		for _, s := range [...]string{m.TIMEX, m.Mod, m.Quant, m.Freq, m.Signal, m.Rule} {
			body = appendString(body, s)
		}
		body = sp.zones.appendTime(body, m.When.Start, &zc)
		body = sp.zones.appendTime(body, m.When.End, &zc)
		if flags&spoolTextInSentence == 0 {
			body = appendString(body, m.Text)
		}
		sentAt := -1
		if back {
			// the distance back from this record's start
			body = binary.AppendUvarint(body, uint64(recStart-prevSent))
			body = binary.AppendUvarint(body, uint64(len(m.Sentence)))
		} else {
			body = binary.AppendUvarint(body, uint64(len(m.Sentence)))
			sentAt = len(body)
			body = append(body, m.Sentence...)
		}
		buf = binary.AppendUvarint(buf, uint64(len(body)))
		if sentAt >= 0 {
			prevSent = len(buf) - start + sentAt
			prevText, prevValid = m.Sentence, true
		}
		buf = append(buf, body...)
	}
	return buf, rel
}

func appendString(b []byte, s string) []byte {
	b = binary.AppendUvarint(b, uint64(len(s)))
	return append(b, s...)
}

// decoder reads the fields of a record; the first error sticks.
type decoder struct {
	b   []byte
	err error
}

func (d *decoder) uvarint() uint64 {
	v, n := binary.Uvarint(d.b)
	if n <= 0 {
		d.fail()
		return 0
	}
	d.b = d.b[n:]
	return v
}

func (d *decoder) int() int {
	v, n := binary.Varint(d.b)
	if n <= 0 {
		d.fail()
		return 0
	}
	d.b = d.b[n:]
	return int(v)
}

func (d *decoder) float() float64 {
	if len(d.b) < 8 {
		d.fail()
		return 0
	}
	v := math.Float64frombits(binary.LittleEndian.Uint64(d.b))
	d.b = d.b[8:]
	return v
}

func (d *decoder) string() string {
	n := d.uvarint()
	if n > uint64(len(d.b)) {
		d.fail()
		return ""
	}
	s := string(d.b[:n])
	d.b = d.b[n:]
	return s
}

func (d *decoder) time(z *zoneTable) time.Time {
	zi, sec, nsec := d.uvarint(), d.int(), d.uvarint()
	if d.err != nil {
		return time.Time{}
	}
	loc, ok := z.get(zi)
	if !ok || nsec >= 1e9 {
		d.fail()
		return time.Time{}
	}
	return time.Unix(int64(sec), int64(nsec)).In(loc)
}

func (d *decoder) fail() {
	if d.err == nil {
		d.err = errCorrupt
	}
	d.b = nil
}

// zoneTable numbers the zones of the spooled times; 0 is UTC. A zone
// from the time zone database is known by its name; a fixed zone (one
// offset for all time) by its name and offset, so that the zones a tagger
// makes afresh for each mention ("EST") are kept once.
type zoneTable struct {
	mu     sync.Mutex
	byKey  map[zoneKey]uint64
	locs   []*time.Location
	frozen []*time.Location // locs, once no zone is added any more
}

type zoneKey struct {
	name  string
	fixed bool
	off   int
}

// zoneCacheLine remembers the last zone an encoder looked up.
type zoneCacheLine struct {
	loc *time.Location
	idx uint64
}

func (z *zoneTable) init() {
	z.byKey = map[zoneKey]uint64{}
	z.locs = []*time.Location{time.UTC}
}

// appendTime appends t: its zone's number, Unix seconds and nanoseconds.
func (z *zoneTable) appendTime(b []byte, t time.Time, c *zoneCacheLine) []byte {
	loc := t.Location()
	var idx uint64
	switch {
	case loc == time.UTC:
	case loc == c.loc:
		idx = c.idx
	default:
		// one number for every time of a zone: its name, or its name
		// and its only offset
		idx = z.index(t)
		c.loc, c.idx = loc, idx
	}
	b = binary.AppendUvarint(b, idx)
	b = binary.AppendVarint(b, t.Unix())
	return binary.AppendUvarint(b, uint64(t.Nanosecond()))
}

// fixedZone reports whether t's zone has one offset for all time.
func fixedZone(t time.Time) bool {
	s, e := t.ZoneBounds()
	return s.IsZero() && e.IsZero()
}

// index returns the number of t's zone, adding it to the table.
func (z *zoneTable) index(t time.Time) uint64 {
	loc := t.Location()
	k := zoneKey{name: loc.String()}
	if fixedZone(t) {
		_, k.off = t.Zone()
		k.fixed = true
	}
	z.mu.Lock()
	defer z.mu.Unlock()
	if i, ok := z.byKey[k]; ok {
		return i
	}
	i := uint64(len(z.locs))
	z.byKey[k] = i
	z.locs = append(z.locs, loc)
	return i
}

// get returns zone number i.
func (z *zoneTable) get(i uint64) (*time.Location, bool) {
	if z.frozen != nil {
		if i >= uint64(len(z.frozen)) {
			return nil, false
		}
		return z.frozen[i], true
	}
	z.mu.Lock()
	defer z.mu.Unlock()
	if i >= uint64(len(z.locs)) {
		return nil, false
	}
	return z.locs[i], true
}

// rawSpool keeps an array that a lean build only appends to while the
// documents are tagged (the merge's items and their tokens) on disk, so
// that its memory is taken once, at its exact size, when the merge starts,
// never twice while it grows. T must hold no pointers.
type rawSpool[T any] struct {
	f        *os.File
	name     string
	unlinked bool
	n        int // elements written
}

// spoolBatch is the number of elements a lean build gathers before
// writing them to a rawSpool.
const spoolBatch = 1 << 13

// newRawSpool creates the temporary file in dir (see newSpool).
func newRawSpool[T any](dir string) (*rawSpool[T], error) {
	f, err := os.CreateTemp(dir, "chronicle-merge-*.spool")
	if err != nil {
		return nil, fmt.Errorf("creating a temporary file for the merge: %w; set TMPDIR to a writable directory", err)
	}
	s := &rawSpool[T]{f: f, name: f.Name()}
	s.unlinked = os.Remove(f.Name()) == nil
	return s, nil
}

// rawBytes returns the memory of a slice as bytes.
func rawBytes[T any](xs []T) []byte {
	if len(xs) == 0 {
		return nil
	}
	var zero T
	return unsafe.Slice((*byte)(unsafe.Pointer(&xs[0])), len(xs)*int(unsafe.Sizeof(zero)))
}

// write appends xs to the file.
func (s *rawSpool[T]) write(xs []T) error {
	var zero T
	if _, err := s.f.WriteAt(rawBytes(xs), int64(s.n)*int64(unsafe.Sizeof(zero))); err != nil {
		return fmt.Errorf("writing to a temporary file in %s (is the disk full? set TMPDIR to use another directory): %w", dirOf(s.name), err)
	}
	s.n += len(xs)
	return nil
}

// load returns the elements written, then those of rest, in one slice of
// their exact size.
func (s *rawSpool[T]) load(rest []T) ([]T, error) {
	xs := make([]T, s.n, s.n+len(rest))
	if _, err := s.f.ReadAt(rawBytes(xs), 0); err != nil {
		return nil, fmt.Errorf("reading back a temporary file: %w", err)
	}
	return append(xs, rest...), nil
}

// close closes and removes the file.
func (s *rawSpool[T]) close() error {
	err := s.f.Close()
	if !s.unlinked {
		if rerr := os.Remove(s.name); rerr != nil && !errors.Is(rerr, os.ErrNotExist) && err == nil {
			err = rerr
		}
	}
	return err
}
