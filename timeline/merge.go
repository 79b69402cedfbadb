package timeline

import (
	"cmp"
	"context"
	"iter"
	"math"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"chronicle/parse"
)

// Merging, in outline (see DESIGN.md, "Events and merging"):
//
//  1. Every dated mention off the page furniture becomes an item with the
//     signature of its clause: folded names, predicate classes, the head
//     predicate and overnight cues. Tokens are weighted by rarity (IDF).
//  2. Items are visited in a canonical order (finest granularity first,
//     then date, then provenance), never in input order. Each joins the
//     most similar cluster whose dates it is compatible with, found
//     through an index of (name, day) and (name, week) keys, or opens a
//     cluster. Compatible: overlapping as written or as instants (a
//     time-zone shift), or consecutive days of an overnight event.
//  3. Clusters with strongly overlapping signatures (two shared names or
//     objects, the event's noun counting as much as a name, and an event
//     word other than "said") but incompatible near dates are joined: one
//     event dated two ways is a conflict candidate, not two events. The
//     day of a postponement is no reading of what it postpones. A happening reported as past cannot be the plan another
//     outlet reports as future after that date, and one article giving
//     two dates tells of two events.
//  4. Durations that measure something still going on ("the
//     three-and-a-half year war", "nearly four years after the invasion")
//     are placed at their implied start and join the event they measure.
//
// Work per item is bounded (capped posting scans, at most three lookup
// names, windows of days), so a run is near-linear in the number of
// mentions. Memory per mention is an item (64 bytes), its tokens (4 bytes
// each) and its postings (16 bytes each, shared by the keys of a run,
// and their keys in the index).
//
// Step 1 depends on one document only: [Build] runs it in the tagging
// workers (see prepare) and only interns the tokens as documents arrive.
// Steps 2 and 3 are sequential: in step 2 a second goroutine compares an
// item with half of its candidates when it has many (a year, see
// joinHelper), and step 3 looks for its pairs in parallel. The events are
// then drafted in parallel.
//
// Tuning constants, set by hand on the seeds, the stories in
// testdata/stories and the MEANTIME dev set.
const (
	joinSim      = 0.30 // similarity needed to join a cluster with compatible dates
	conflictSim  = 0.45 // similarity needed to join clusters with incompatible dates
	postingScan  = 32   // cluster postings looked at per (token, day) key
	nameShare    = 0.55 // names' share of the similarity
	headBonus    = 0.15 // added to the predicate similarity when heads match
	noNameFactor = 0.5  // discount when one side names nobody
	sayNameShare = 0.8  // names' share when both are statements ("said")
	// discount when one side names nobody but both have the same event
	// word (other than "said")
	sameHeadNoName = 0.8
	commonShare    = 4 // a name in at least 1/commonShare of the items is very common
)

// item is one mention being merged, kept small (64 bytes): a run merges
// millions.
type item struct {
	m, doc int32  // indexes into Timeline.Mentions and Timeline.Sources
	fs, fe int64  // the interval in floating (wall-clock, as if UTC) Unix seconds
	shash  uint64 // sentenceHash of its sentence
	tok    int32  // offset of its tokens in merger.arena: names, then predicates
	head   uint32 // head predicate (0: none)
	spk    uint32 // the speaker of a statement (0: none)
	pos    int32  // the mention's Span.Start (math.MaxInt32: too large, read the mention)
	dz     int32  // fs minus the Unix seconds of the start of the mention's When (see when)
	nn, np uint8  // number of names and predicates
	nl     uint8  // number of places, after the predicates
	g      int8   // granularity of the interval (see gran)
	cue    cueSet
	old    bool // the old date of a plan that moved: no claim, no conflict side
	moved  bool // the new date of a plan that moved: a plan even in a past-tense clause
	dur    bool // an anchored duration, spanning the range of its implied start
	flags  uint8
	tense  uint8 // the mention's parse.Tense
	when   uint8 // what dz tells (whenUnknown, whenZero, whenStart, whenKnown)
	linked bool  // one date phrase with the item before it (in input order)
}

// gran returns the granularity of an item's interval.
func (it *item) gran() parse.Granularity { return parse.Granularity(it.g) }

// What an item knows of its mention's interval as instants (see
// merger.realOverlap): the merge compares them without reading the
// mention, which [BuildLean] keeps on disk.
const (
	whenUnknown = iota // read the mention (sub-second bounds, durations)
	whenZero           // the interval is zero
	whenStart          // fs-dz is its start in Unix seconds; read the mention for its end
	whenKnown          // fs-dz and fe-dz are its bounds in Unix seconds (one offset)
)

// setMention records in an item what the merge needs of its mention m:
// its position, tense and interval as instants. Call it once fs and fe are
// final.
func (it *item) setMention(m *Mention) {
	it.pos = math.MaxInt32
	if m.Span.Start < math.MaxInt32 {
		it.pos = int32(m.Span.Start)
	}
	it.tense = uint8(m.Tense)
	it.when = whenUnknown
	w := m.When
	switch {
	case w.IsZero():
		it.when = whenZero
	case it.dur || w.Start.Nanosecond() != 0 || w.End.Nanosecond() != 0:
	default:
		ds, de := it.fs-w.Start.Unix(), it.fe-w.End.Unix()
		if ds == int64(int32(ds)) {
			it.dz, it.when = int32(ds), whenStart
			if de == ds {
				it.when = whenKnown
			}
		}
	}
}

// realOverlap reports whether the intervals of two items' mentions
// overlap as instants ([parse.Interval.Overlaps]) and, if so, how many
// seconds they share (from their bounds' Unix seconds).
func (mg *merger) realOverlap(a, b *item) (bool, int64) {
	if a.when == whenZero || b.when == whenZero {
		return false, 0
	}
	if a.when == whenKnown && b.when == whenKnown {
		as, ae := a.fs-int64(a.dz), a.fe-int64(a.dz)
		bs, be := b.fs-int64(b.dz), b.fe-int64(b.dz)
		if as < be && bs < ae {
			return true, min(ae, be) - max(as, bs)
		}
		return false, 0
	}
	wa, wb := mg.mention(int(a.m)).When, mg.mention(int(b.m)).When
	if !wa.Overlaps(wb) {
		return false, 0
	}
	return true, min(wa.End.Unix(), wb.End.Unix()) - max(wa.Start.Unix(), wb.Start.Unix())
}

// realStart returns the Unix seconds of the start of an item's mention's
// interval.
func (mg *merger) realStart(it *item) int64 {
	if it.when == whenKnown || it.when == whenStart {
		return it.fs - int64(it.dz)
	}
	return mg.mention(int(it.m)).When.Start.Unix()
}

// mention returns mention i of the timeline: in memory, or read back from
// the spool of a lean build (a fresh copy; a read error is kept by the
// spool and returned by the run, and gives an empty mention).
func (mg *merger) mention(i int) *Mention {
	if mg.sp == nil {
		return &mg.tl.Mentions[i]
	}
	m, err := mg.sp.mention(i)
	if err != nil {
		mg.sp.fail(err)
	}
	return &m
}

// sentence returns the sentence of mention i (see mention).
func (mg *merger) sentence(i int) string {
	if mg.sp == nil {
		return mg.tl.Mentions[i].Sentence
	}
	s, err := mg.sp.sentence(i)
	if err != nil {
		mg.sp.fail(err)
	}
	return s
}

// setEvent records that mention i is in the event with that ID, the
// k-th drafted.
func (mg *merger) setEvent(i, k int, id string) {
	if mg.lean == nil {
		mg.tl.Mentions[i].Event = id
		return
	}
	mg.lean.event[i] = int32(k + 1)
}

// addConflict records that mention i is a side of the conflict with that
// ID, Timeline.Conflicts[c].
func (mg *merger) addConflict(i, c int, id string) {
	if mg.lean == nil {
		mg.tl.Mentions[i].Conflicts = append(mg.tl.Mentions[i].Conflicts, id)
		return
	}
	mg.lean.sides = append(mg.lean.sides, side{int32(i), int32(c)})
}

// Item flags, set once the items are built.
const (
	flagHappened = 1 << iota // reported as past, dated before its publication day
	flagPlanned              // reported as future, or dated after its publication day
	flagSuspect              // tense and date disagree, or an old date: no conflict side
)

// from returns the start of the floating interval as a time.
func (it *item) from() time.Time { return time.Unix(it.fs, 0).UTC() }

// names and preds return an item's token ids, sorted.
func (mg *merger) names(it *item) []uint32 {
	return mg.arena[it.tok : it.tok+int32(it.nn)]
}

func (mg *merger) preds(it *item) []uint32 {
	return mg.arena[it.tok+int32(it.nn) : it.tok+int32(it.nn)+int32(it.np)]
}

// places returns the names an item's clause places it at ("in Florida").
func (mg *merger) places(it *item) []uint32 {
	o := it.tok + int32(it.nn) + int32(it.np)
	return mg.arena[o : o+int32(it.nl)]
}

// vocab interns tokens as small integers; id 0 is unused.
type vocab struct {
	ids   map[string]uint32
	words []string
	df    []int32
	show  [][]spelling // per id: the spellings seen of a name (up to 8), for labels
}

// spelling is one way a name was written and how often.
type spelling struct {
	s string
	n int
}

func newVocab() *vocab {
	return &vocab{ids: map[string]uint32{}, words: []string{""}, df: []int32{0}, show: [][]spelling{nil}}
}

// saw counts a spelling of name id: the first eight spellings seen are
// kept.
func (v *vocab) saw(id uint32, sp string) {
	ss := v.show[id]
	for i := range ss {
		if ss[i].s == sp {
			ss[i].n++
			return
		}
	}
	if len(ss) < 8 {
		// a copy: the spelling may be part of a sentence, which a lean
		// build does not keep
		v.show[id] = append(ss, spelling{strings.Clone(sp), 1})
	}
}

func (v *vocab) id(s string) uint32 {
	if id, ok := v.ids[s]; ok {
		return id
	}
	id := uint32(len(v.words))
	v.ids[s] = id
	v.words = append(v.words, s)
	v.df = append(v.df, 0)
	v.show = append(v.show, nil)
	return id
}

// floating returns t's wall clock as a UTC time: days written the same in
// two zones compare equal.
func floating(t time.Time) time.Time {
	return time.Date(t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(), t.Second(), t.Nanosecond(), time.UTC)
}

// eligible reports whether a mention belongs on the timeline as a dated
// event mention.
func eligible(m *Mention, src *Source) bool {
	return !m.Furniture && !src.Undated && !m.When.IsZero() && (m.Kind == parse.KindDate || m.Kind == parse.KindTime) && m.When.Gran != parse.GranUnknown
}

// mention builds the signature of a mention's clause.
func (sg *signer) mention(m *Mention) signature {
	s := m.Span.Start - m.Mention.Sentence.Start
	e := m.Span.End - m.Mention.Sentence.Start
	if s < 0 || e > len(m.Sentence) || s > e {
		return sg.at(m.Text, 0, len(m.Text))
	}
	return sg.at(m.Sentence, s, e)
}

// phrase builds the signature of a mention's clause as if the
// expression were the whole phrase ("9:30 a.m. EST on Wednesday" for
// either of its two mentions), keeping the mention's own overnight cues
// and old-date flag.
func (sg *signer) phrase(m *Mention, phrase parse.Span) signature {
	s := phrase.Start - m.Mention.Sentence.Start
	e := phrase.End - m.Mention.Sentence.Start
	if s < 0 || e > len(m.Sentence) || s > e {
		return sg.mention(m)
	}
	sig := sg.at(m.Sentence, s, e)
	own := sg.mention(m)
	sig.cue, sig.old, sig.moved = own.cue|sig.cue, own.old, own.moved
	return sig
}

// phraseJoin reports whether two mentions of one sentence, a before b, are
// parts of one date phrase: a clock time and its day ("9:30 a.m. EST on
// Wednesday"), joined by nothing but "on", "at", "of" or a comma.
func phraseJoin(a, b *Mention) bool {
	if a.Doc != b.Doc || a.Mention.Sentence != b.Mention.Sentence || a.Span.End > b.Span.Start {
		return false
	}
	s, e := a.Span.End-a.Mention.Sentence.Start, b.Span.Start-a.Mention.Sentence.Start
	if s < 0 || e > len(a.Sentence) || e-s > 8 {
		return false
	}
	for _, w := range strings.FieldsFunc(strings.ToLower(a.Sentence[s:e]), func(r rune) bool { return r == ' ' || r == ',' }) {
		if w != "on" && w != "at" && w != "of" {
			return false
		}
	}
	return true
}

// merger holds the state of one Merge.
type merger struct {
	tl    *Timeline
	sp    *spool // the mentions of a lean build (nil: in tl.Mentions)
	lean  *Lean  // where a lean build's per-mention results go
	nMent int    // mentions added so far
	// slim drops what a lean build's CSV does not print: the events'
	// outlets and the conflicts' summaries
	slim bool
	// the head of each anchored duration, by mention index, and its
	// token id once interned
	durHeads   map[int32]string
	durHeadIDs map[int32]uint32
	workers    int // goroutines for per-event work
	voc        *vocab
	items      []item
	mate       map[int32]int32 // the other part of an item's date phrase, for the few that have one (see renumber)
	home       map[int32]int32 // in phaseJoin: the cluster of an item with a mate
	arena      []uint32        // item tokens
	arenaBase  int             // tokens before arena[0], on disk until the merge (see BuildLean)
	weight     []float64       // per token id
	isName     []bool          // per token id
	known      []bool          // per token id: a predicate class
	sure       map[uint32]bool // heads given as the event word itself (coref)
	// the ids of "say" and "postpone" (0: no item has it), set once
	// every item is interned
	say, postpone uint32

	// clusters: first item of each; multi-item ones also in multi
	first    []int32
	multi    []*cluster // nil for one-item clusters
	index    postings   // (token, week) → clusters
	parent   []int32    // union-find over clusters (conflict joins)
	orphans  []int32    // durations that found no event
	pubS     []int64    // floating start of each doc\'s publication day
	docRank  []int32    // per doc: its rank by provenance (see compareProvenance)
	agencies []uint32   // per doc: the news agencies it names (see prepared)

	scratch [2]bag   // bags of one-item clusters, reused
	candBuf []int32  // candidates, reused
	seen    []uint32 // per cluster: the stamp of the last candidates call that met it
	stamp   uint32
}

// cluster is a growing event of more than one item.
type cluster struct {
	members []int32 // item indexes
	vals    []int32 // one item per distinct interval
	// the latest start and the earliest end of the vals' intervals: an
	// interval overlaps every val when it starts before hiEnd and ends
	// after loStart (see compatibleAll)
	loStart, hiEnd int64
	// the weights of cent over the members (see clusterSides), when
	// sidesOK
	sideN, sideP float64
	sidesOK      bool
	cent         []tokCount // token counts over the members, capped
	heads        []tokCount // head predicate counts
	named        bool       // cent has a name
}

// tokCount is a token and how many members of a cluster have it.
type tokCount struct {
	tok uint32
	n   float32
}

// bag is what similarity compares: token counts over n members.
type bag struct {
	toks  []tokCount
	heads []tokCount
	n     int
}

// maxCentroid caps the tokens a cluster keeps: the most frequent.
const maxCentroid = 96

// members returns a cluster's items.
func (mg *merger) members(ci int32) []int32 {
	if c := mg.multi[ci]; c != nil {
		return c.members
	}
	return mg.first[ci : ci+1 : ci+1]
}

// vals returns one item per distinct interval of a cluster.
func (mg *merger) vals(ci int32) []int32 {
	if c := mg.multi[ci]; c != nil {
		return c.vals
	}
	return mg.first[ci : ci+1 : ci+1]
}

// bagOf returns a cluster's bag; one-item clusters use scratch slot k.
func (mg *merger) bagOf(ci int32, k int) bag {
	if c := mg.multi[ci]; c != nil {
		return bag{c.cent, c.heads, len(c.members)}
	}
	sb := &mg.scratch[k]
	sb.toks, sb.heads = mg.vector(&mg.items[mg.first[ci]], sb.toks[:0], sb.heads[:0])
	sb.n = 1
	return *sb
}

// preItem is an item before its tokens are interned: what a tagging
// worker computes for one mention, from its document alone.
type preItem struct {
	it    item // dates and cues; it.m is the mention's index in its document
	sig   signature
	link  bool   // one date phrase with the item before it
	drop  bool   // an anchored duration without an implied start: interned, not kept
	coref bool   // the expression is the event word itself
	head  string // an anchored duration's head (see durationHead)
}

// prepared is the part of merging that depends on one document only,
// computed by the tagging workers ([Build]) so that the merge itself only
// interns it.
type prepared struct {
	items    []preItem
	agencies uint32 // bit k: the document names agencyNames[k]
}

// prepare computes the items of one document's mentions ms (all of one
// document, in order) and the news agencies it names. f remembers the
// folded names (see folder); prepare may be called on several goroutines
// at once, each with its own folder.
func prepare(ms []Mention, src *Source, f folder) prepared {
	var p prepared
	sg := signer{fold: f}
	p.agencies = agencyMask(ms, src)
	// date phrases: runs of eligible mentions joined by "on", "at", ","
	phrase := make([]parse.Span, len(ms))
	for i := range ms {
		m := &ms[i]
		phrase[i] = m.Span
		if i > 0 && eligible(m, src) && eligible(&ms[i-1], src) && phraseJoin(&ms[i-1], m) {
			phrase[i].Start = phrase[i-1].Start
		}
	}
	for i := len(ms) - 2; i >= 0; i-- {
		if phrase[i+1].Start < ms[i+1].Span.Start && phrase[i+1].Start <= ms[i].Span.Start {
			phrase[i].End = phrase[i+1].End
		}
	}
	var (
		hashed *string // the sentence last hashed (mentions of one sentence are adjacent), and its hash
		hash   uint64
	)
	sentHash := func(m *Mention) uint64 {
		if hashed == nil || m.Sentence != *hashed {
			hashed, hash = &m.Sentence, sentenceHash(m.Sentence)
		}
		return hash
	}
	for i := range ms {
		m := &ms[i]
		switch {
		case eligible(m, src):
			// a phrase joined to the mention before: that mention is
			// eligible too, so its item is the one just before
			pi := preItem{link: phrase[i].Start < m.Span.Start, coref: m.Rule == corefRule}
			pi.it, pi.sig = sg.itemOf(m, phrase[i])
			pi.it.m, pi.it.shash = int32(i), sentHash(m)
			pi.it.setMention(m)
			p.items = append(p.items, pi)
		case anchoredDuration(m, src):
			pi := preItem{coref: m.Rule == corefRule}
			pi.it, pi.sig = sg.itemOf(m, m.Span)
			pi.it.m, pi.it.shash = int32(i), sentHash(m)
			pi.drop = !placeDuration(&pi.it, m, src)
			pi.it.setMention(m)
			head, _ := durationHead(m)
			pi.head = strings.Clone(head)
			p.items = append(p.items, pi)
		}
	}
	return p
}

// itemOf computes a mention's item, but for its tokens, and its clause's
// signature.
func (sg *signer) itemOf(m *Mention, phrase parse.Span) (item, signature) {
	sig := sg.mention(m)
	if phrase != m.Span {
		sig = sg.phrase(m, phrase)
	}
	it := item{cue: sig.cue, old: sig.old, moved: sig.moved}
	if m.Rule == corefRule {
		// the expression is the event word itself: it is the head
		sig.head = predicate(HeadLemma(m.Text))
		sig.preds = append(sig.preds, sig.head)
	}
	if !m.When.IsZero() {
		it.fs, it.fe, it.g = floating(m.When.Start).Unix(), floating(m.When.End).Unix(), int8(m.When.Gran)
		if off, ok := writtenOffset(m.TIMEX); ok && it.gran() <= parse.GranHour {
			// "11:30 p.m. Oslo time" in a Kyiv paper: the wall clock
			// as written, not as converted
			z := time.FixedZone("", off)
			it.fs, it.fe = floating(m.When.Start.In(z)).Unix(), floating(m.When.End.In(z)).Unix()
		}
	}
	return it, sig
}

// addDoc interns the prepared items of document doc, whose first mention
// is tl.Mentions[base], in order, and keeps them.
func (mg *merger) addDoc(doc, base int, p *prepared) {
	for len(mg.agencies) <= doc {
		mg.agencies = append(mg.agencies, 0)
	}
	mg.agencies[doc] = p.agencies
	for k := range p.items {
		pi := &p.items[k]
		it := pi.it
		it.m, it.doc = int32(base)+pi.it.m, int32(doc)
		mg.intern(&it, &pi.sig, pi.coref)
		if pi.drop {
			continue
		}
		if it.dur {
			mg.durHeads[it.m] = pi.head
		}
		it.linked = pi.link
		mg.items = append(mg.items, it)
	}
}

// intern gives an item the ids of its signature's tokens.
func (mg *merger) intern(it *item, sig *signature, coref bool) {
	if sig.speaker != "" {
		it.spk = mg.voc.id("n:" + sig.speaker)
	}
	if sig.head != "" {
		it.head = mg.voc.id("p:" + sig.head)
		if coref {
			mg.sure[it.head] = true
		}
	}
	it.tok = int32(mg.arenaBase + len(mg.arena))
	start := len(mg.arena)
	for _, n := range sig.names[:min(len(sig.names), 32)] {
		id := mg.voc.id("n:" + n)
		mg.arena = append(mg.arena, id)
		mg.voc.saw(id, sig.spelling(n))
	}
	slices.Sort(mg.arena[start:])
	it.nn = uint8(len(mg.arena) - start)
	start = len(mg.arena)
	for _, p := range sig.preds {
		mg.arena = append(mg.arena, mg.voc.id("p:"+p))
	}
	slices.Sort(mg.arena[start:])
	mg.arena = append(mg.arena[:start], slices.Compact(mg.arena[start:])...)
	if len(mg.arena)-start > 64 {
		mg.arena = mg.arena[:start+64]
	}
	it.np = uint8(len(mg.arena) - start)
	start = len(mg.arena)
	for _, p := range sig.places[:min(len(sig.places), 8)] {
		mg.arena = append(mg.arena, mg.voc.id("n:"+p))
	}
	it.nl = uint8(len(mg.arena) - start)
}

// vector returns an item's tokens (names and predicates), sorted, each
// counted once, and its head, appended to the given buffers.
func (mg *merger) vector(it *item, v, h []tokCount) ([]tokCount, []tokCount) {
	ns, ps := mg.names(it), mg.preds(it)
	i, j := 0, 0
	for i < len(ns) || j < len(ps) {
		switch {
		case j == len(ps) || (i < len(ns) && ns[i] < ps[j]):
			v = append(v, tokCount{ns[i], 1})
			i++
		case i == len(ns) || ns[i] > ps[j]:
			v = append(v, tokCount{ps[j], 1})
			j++
		default:
			v = append(v, tokCount{ns[i], 1})
			i++
			j++
		}
	}
	if it.head != 0 {
		h = append(h, tokCount{it.head, 1})
	}
	return v, h
}

// sim compares two token bags (an item's, or a cluster's with counts over
// n members): names and predicates separately, each as a weighted Ochiai
// coefficient where a cluster's token counts by the share of members that
// have it; a shared head predicate adds a bonus. Without names on one
// side only the predicates speak, discounted.
func (mg *merger) sim(x, y bag) float64 {
	a, na, b, nb := x.toks, x.n, y.toks, y.n
	var s simWeights
	i, j := 0, 0
	add := func(tok uint32, fa, fb float64) {
		w := mg.weight[tok]
		if mg.isName[tok] {
			s.aN += w * fa
			s.bN += w * fb
			s.shN += w * min(fa, fb)
			if fa > 0 && fb > 0 {
				s.nShared++
			}
		} else {
			s.aP += w * fa
			s.bP += w * fb
			s.shP += w * min(fa, fb)
		}
	}
	for i < len(a) || j < len(b) {
		switch {
		case j == len(b) || (i < len(a) && a[i].tok < b[j].tok):
			add(a[i].tok, float64(a[i].n)/float64(na), 0)
			i++
		case i == len(a) || a[i].tok > b[j].tok:
			add(b[j].tok, 0, float64(b[j].n)/float64(nb))
			j++
		default:
			add(a[i].tok, float64(a[i].n)/float64(na), float64(b[j].n)/float64(nb))
			i++
			j++
		}
	}
	return mg.simOf(&s, x.heads, y.heads)
}

// simWeights are the sums sim compares: the weighted name (N) and
// predicate (P) tokens of each side (a, b) and of what they share, each
// added in token order (a token one side lacks adds zero to the shared
// sums and its side's, which changes no sum).
type simWeights struct {
	aN, bN, shN, aP, bP, shP float64
	nShared                  int // names both sides have
}

// sides returns the weights of a bag's own tokens (the a sums, which
// are a bag's own whichever side it is on).
func (mg *merger) sides(x bag) (n, p float64) {
	for _, t := range x.toks {
		w, f := mg.weight[t.tok], float64(t.n)/float64(x.n)
		if mg.isName[t.tok] {
			n += w * f
		} else {
			p += w * f
		}
	}
	return n, p
}

// simOf finishes sim from its sums and the two bags' heads.
func (mg *merger) simOf(s *simWeights, ha, hb []tokCount) float64 {
	ochiai := func(sh, x, y float64) float64 {
		if x == 0 || y == 0 {
			return 0
		}
		return sh / math.Sqrt(x*y)
	}
	ps := ochiai(s.shP, s.aP, s.bP)
	// heads: the same event word is a bonus; two different known event
	// words ("struck" and "rescued") a penalty
	same, differ, sureDiffer := false, false, false
	for _, x := range ha {
		for _, y := range hb {
			switch {
			case x.tok == y.tok:
				same = true
			case mg.sure[x.tok] && mg.sure[y.tok]:
				sureDiffer = true
			case mg.known[x.tok] && mg.known[y.tok]:
				differ = true
			}
		}
	}
	if sureDiffer && !same {
		return 0 // two given event words of different classes: two events
	}
	switch {
	case same:
		ps = min(1, ps+headBonus)
	case differ:
		ps = max(0, ps-headBonus)
	}
	say := mg.isSay(ha) || mg.isSay(hb)
	if s.aN == 0 || s.bN == 0 {
		if same && !say && mg.knownHead(ha) {
			// the same event word ("the quake struck late Sunday"):
			// names are often left out of a follow-up sentence
			return sameHeadNoName * ps
		}
		return noNameFactor * ps
	}
	ns := ochiai(s.shN, s.aN, s.bN)
	if same && mg.isSay(ha) && mg.isSay(hb) {
		// people speak every day: a statement is its speaker's
		return sayNameShare*ns + (1-sayNameShare)*ps
	}
	sim := nameShare*ns + (1-nameShare)*ps
	if s.nShared >= 2 && !say && !differ {
		// two shared names on compatible dates: outlets tell one
		// happening with different verbs ("agreed to buy", "announced")
		sim = max(sim, ns)
	}
	return sim
}

func addVec(a, b []tokCount) []tokCount {
	out := make([]tokCount, 0, len(a)+len(b))
	i, j := 0, 0
	for i < len(a) || j < len(b) {
		switch {
		case j == len(b) || (i < len(a) && a[i].tok < b[j].tok):
			out = append(out, a[i])
			i++
		case i == len(a) || a[i].tok > b[j].tok:
			out = append(out, b[j])
			j++
		default:
			out = append(out, tokCount{a[i].tok, a[i].n + b[j].n})
			i++
			j++
		}
	}
	if len(out) > maxCentroid {
		// keep the most frequent tokens (ties: lower id), back in token order
		slices.SortFunc(out, func(x, y tokCount) int {
			if c := cmp.Compare(y.n, x.n); c != 0 {
				return c
			}
			return cmp.Compare(x.tok, y.tok)
		})
		out = out[:maxCentroid]
		slices.SortFunc(out, func(x, y tokCount) int { return cmp.Compare(x.tok, y.tok) })
	}
	return out
}

// sameSpeaker reports whether a statement may join a cluster: when both
// are statements ("said") with known speakers, one speaker must be the
// item's (President Zelensky's and his foreign minister's words of one
// day are two statements).
func (mg *merger) sameSpeaker(it *item, ci int32) bool {
	say := mg.say
	if it.spk == 0 || it.head != say {
		return true
	}
	known := false
	for _, x := range mg.members(ci)[:min(len(mg.members(ci)), 64)] {
		o := &mg.items[x]
		if o.spk == 0 || o.head != say {
			continue
		}
		if o.spk == it.spk {
			return true
		}
		known = true
	}
	return !known
}

// knownHead reports whether one of the heads is a known event word.
func (mg *merger) knownHead(h []tokCount) bool {
	return slices.ContainsFunc(h, func(x tokCount) bool { return mg.known[x.tok] })
}

// isSay reports whether the heads are all "say".
func (mg *merger) isSay(h []tokCount) bool {
	say := mg.say
	for _, x := range h {
		if x.tok != say {
			return false
		}
	}
	return len(h) > 0
}

// shared yields the tokens two bags (sorted by token) have in common, in
// order.
func shared(a, b []tokCount) iter.Seq[uint32] {
	return func(yield func(uint32) bool) {
		i, j := 0, 0
		for i < len(a) && j < len(b) {
			switch {
			case a[i].tok < b[j].tok:
				i++
			case a[i].tok > b[j].tok:
				j++
			default:
				if !yield(a[i].tok) {
					return
				}
				i++
				j++
			}
		}
	}
}

// sharedNames counts the names two bags have in common.
func (mg *merger) sharedNames(a, b []tokCount) int {
	n := 0
	for t := range shared(a, b) {
		if mg.isName[t] {
			n++
		}
	}
	return n
}

// hasNames reports whether a bag has a name.
func (mg *merger) hasNames(a []tokCount) bool {
	for _, x := range a {
		if mg.isName[x.tok] {
			return true
		}
	}
	return false
}

// The blocking index has two key spaces: days, for items of a week or
// less, and weeks, for longer ones. An item looks up the days around it
// and the weeks it lies in, so a day finds the days next to it and the
// months that contain it.
const (
	daySpace      = 0
	weekSpace     = 1 << 30
	conflictSpace = 2 << 30 // names by week, for conflict candidates
)

func epochDay(unix int64) int64  { return (unix + 70*365*day) / day }
func epochWeek(unix int64) int64 { return (unix + 70*365*day) / (7 * day) }

func key(tok uint32, space uint32, n int64) uint64 {
	return uint64(tok)<<32 | uint64(space|uint32(n)&(1<<30-1))
}

// lookupTokens are the keys an item looks clusters up by: up to three of
// its names that some other item also has, rarest first, or its head when
// it names nobody (two items naming people must share one to join).
func (mg *merger) lookupTokens(it *item) []uint32 {
	var out []uint32
	for _, n := range mg.names(it) {
		if mg.voc.df[n] >= 2 {
			out = append(out, n)
		}
	}
	if len(mg.names(it)) == 0 && it.head != 0 {
		return []uint32{it.head}
	}
	slices.SortFunc(out, func(x, y uint32) int {
		if c := cmp.Compare(mg.voc.df[x], mg.voc.df[y]); c != 0 {
			return c
		}
		return cmp.Compare(x, y)
	})
	out = out[:min(3, len(out))]
	// the head (other than "said") also finds the clusters of
	// follow-up sentences that name nobody ("the quake struck late Sunday")
	if it.head != 0 && it.head != mg.say {
		out = append(out, it.head)
	}
	return out
}

// indexItem files cluster ci under the item's names and head.
func (mg *merger) indexItem(ci int32, it *item) {
	toks := mg.names(it)
	if it.head != 0 {
		toks = append(slices.Clone(toks), it.head)
	}
	for _, t := range toks {
		if mg.voc.df[t] < 2 {
			continue // nobody else has it
		}
		if it.fe-it.fs <= 7*day {
			mg.index.addRun(t, daySpace, epochDay(it.fs), epochDay(it.fe-1), ci)
			continue
		}
		w0, w1 := epochWeek(it.fs), epochWeek(it.fe-1)
		mg.index.addRun(t, weekSpace, w0, min(w1, w0+60), ci)
	}
}

// indexConflict files cluster ci by its names and the week of its
// representative, for conflict candidates (only clusters with an event
// word other than "say" can be one).
func (mg *merger) indexConflict(ci int32, b bag, week int64) {
	for _, tc := range b.toks {
		if !mg.known[tc.tok] && mg.voc.df[tc.tok] >= 2 {
			mg.index.addRun(tc.tok, conflictSpace, week, week, ci)
		}
	}
}

// eventful reports whether a bag has an event word other than "say".
func (mg *merger) eventful(b bag) bool {
	say := mg.say
	for _, tc := range b.toks {
		if mg.known[tc.tok] && tc.tok != say {
			return true
		}
	}
	for _, tc := range b.heads {
		if tc.tok != say && !mg.isName[tc.tok] {
			return true
		}
	}
	return false
}

// candidates returns the clusters filed under toks that may overlap the
// floating span [from, to), each once, in no particular order; at most
// limit per key.
func (mg *merger) candidates(toks []uint32, from, to int64, limit int) []int32 {
	out := mg.candBuf[:0]
	defer func() { mg.candBuf = out[:0] }()
	d0, d1 := epochDay(from), epochDay(to-1)
	if d1-d0 > 800 {
		d1 = d0 + 800
	}
	w0, w1 := epochWeek(from), epochWeek(to-1)
	if w1-w0 > 120 {
		w1 = w0 + 120
	}
	mg.index.newWalk()
	for _, t := range toks {
		out = mg.index.scanCached(t, daySpace, d0, d1, limit, out)
		out = mg.index.scanCached(t, weekSpace, w0, w1, limit, out)
	}
	// each once (a cluster is filed under many keys)
	for len(mg.seen) < len(mg.first) {
		mg.seen = append(mg.seen, 0)
	}
	mg.stamp++
	u := out[:0]
	for _, c := range out {
		if mg.seen[c] != mg.stamp {
			mg.seen[c] = mg.stamp
			u = append(u, c)
		}
	}
	return u
}

const day = 86400 // seconds

// mergeEvents groups the mentions of tl into events and detects conflicts
// (see the outline at the top of this file). The mentions of one document
// must be adjacent.
func mergeEvents(ctx context.Context, tl *Timeline) error {
	mg := newMerger(tl, 0)
	f := folder{}
	for lo := 0; lo < len(tl.Mentions); {
		if err := ctx.Err(); err != nil {
			return err
		}
		doc := tl.Mentions[lo].Doc
		hi := lo + 1
		for hi < len(tl.Mentions) && tl.Mentions[hi].Doc == doc {
			hi++
		}
		p := prepare(tl.Mentions[lo:hi], &tl.Sources[doc], f)
		mg.addDoc(doc, lo, &p)
		lo = hi
	}
	return mg.run(ctx)
}

// newMerger returns a merger for tl, with no items yet (see addDoc).
// It runs the per-event work on that many goroutines (0: GOMAXPROCS).
func newMerger(tl *Timeline, workers int) *merger {
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	return &merger{tl: tl, voc: newVocab(), sure: map[uint32]bool{}, workers: workers, durHeads: map[int32]string{}, durHeadIDs: map[int32]uint32{}}
}

// run merges the items added so far.
func (mg *merger) run(ctx context.Context) error {
	tl := mg.tl
	for len(mg.agencies) < len(tl.Sources) {
		mg.agencies = append(mg.agencies, 0)
	}
	mg.rankDocs()
	mg.pubS = make([]int64, len(tl.Sources))
	for d, src := range tl.Sources {
		p := src.Published
		mg.pubS[d] = time.Date(p.Year(), p.Month(), p.Day(), 0, 0, 0, 0, time.UTC).Unix()
	}
	// document frequencies and weights
	for i := range mg.items {
		it := &mg.items[i]
		mg.setFlags(it)
		for _, t := range mg.arena[it.tok : it.tok+int32(it.nn)+int32(it.np)] {
			mg.voc.df[t]++
		}
		// a duration will look its event up by its head ("company":
		// "founded"): one event dating it is enough
		if it.dur {
			h := mg.durationHeadID(it)
			mg.durHeadIDs[it.m] = h
			if !slices.Contains(mg.arena[it.tok+int32(it.nn):it.tok+int32(it.nn)+int32(it.np)], h) {
				mg.voc.df[h]++
			}
		}
	}
	// (the heads of durations, interned from here on, are ongoing
	// things, never a statement or a postponement)
	mg.say, mg.postpone = mg.voc.ids["p:say"], mg.voc.ids["p:postpone"]
	// every token is interned: the map from words is done with
	mg.voc.ids, mg.durHeads = nil, nil
	n := float64(len(mg.items))
	mg.weight = make([]float64, len(mg.voc.words))
	mg.isName = make([]bool, len(mg.voc.words))
	mg.known = make([]bool, len(mg.voc.words))
	for t, w := range mg.voc.words {
		mg.isName[t] = strings.HasPrefix(w, "n:")
		mg.known[t] = strings.HasPrefix(w, "p:") && classesSet[w[2:]]
	}
	for t, df := range mg.voc.df {
		if df > 0 {
			mg.weight[t] = math.Log(1 + n/float64(df))
		}
	}
	dated := mg.renumber()
	if err := mg.phaseJoin(ctx, dated); err != nil {
		return err
	}
	if err := mg.phaseConflictJoin(ctx); err != nil {
		return err
	}
	mg.phaseDurations()
	// the clusters are final: free the index before the events are built,
	// and what only comparing and interning tokens needed
	mg.index, mg.seen, mg.mate, mg.home = postings{}, nil, nil, nil
	mg.weight, mg.candBuf, mg.durHeadIDs = nil, nil, nil
	mg.buildEvents()
	return nil
}

// canonicalOrder compares two items for renumber: the dated items finest
// first, then by date and provenance (an order that does not depend on
// the input's), then the durations; ties in input order (by mention).
func (mg *merger) canonicalOrder(a, b *item) int {
	if a.dur || b.dur {
		if a.dur != b.dur {
			if a.dur {
				return 1
			}
			return -1
		}
		return cmp.Compare(a.m, b.m)
	}
	if c := mg.compareItems(a, b); c != 0 {
		return c
	}
	return cmp.Compare(a.m, b.m)
}

// renumber puts the items in canonical order (see canonicalOrder), in
// place, and returns the number of dated items (which come first). The
// items a cluster compares are then near each other in memory.
func (mg *merger) renumber() int {
	// the items are in input order: sort their indexes, then move them
	perm := mg.canonicalPerm()          // new index → old
	inv := make([]int32, len(mg.items)) // old index → new
	n := 0
	for k, old := range perm {
		inv[old] = int32(k)
		if !mg.items[old].dur {
			n++
		}
	}
	permute(mg.items, perm)
	// date phrases: an item linked to the one before it in input order
	mg.mate = map[int32]int32{}
	for k := range mg.items {
		if mg.items[k].linked && perm[k] > 0 {
			l := inv[perm[k]-1]
			mg.mate[int32(k)], mg.mate[l] = l, int32(k)
		}
	}
	return n
}

// canonicalPerm returns the indexes of the items in canonical order (see
// canonicalOrder). On two or more workers each half is sorted on its own
// goroutine and the halves merged: the order is total, so the result is
// the same.
func (mg *merger) canonicalPerm() []int32 {
	perm := make([]int32, len(mg.items))
	for i := range perm {
		perm[i] = int32(i)
	}
	order := func(a, b int32) int { return mg.canonicalOrder(&mg.items[a], &mg.items[b]) }
	if mg.workers < 2 || len(perm) < 1<<12 {
		slices.SortFunc(perm, order)
		return perm
	}
	mid := len(perm) / 2
	var wg sync.WaitGroup
	wg.Go(func() { slices.SortFunc(perm[:mid], order) })
	slices.SortFunc(perm[mid:], order)
	wg.Wait()
	out := make([]int32, 0, len(perm))
	a, b := perm[:mid], perm[mid:]
	for len(a) > 0 && len(b) > 0 {
		if order(b[0], a[0]) < 0 {
			out, b = append(out, b[0]), b[1:]
		} else {
			out, a = append(out, a[0]), a[1:]
		}
	}
	return append(append(out, a...), b...)
}

// permute puts xs[perm[k]] at index k for every k, in place (perm is a
// permutation of the indexes of xs), following each cycle once.
func permute[T any](xs []T, perm []int32) {
	done := make([]bool, len(xs))
	for start := range xs {
		if done[start] || int(perm[start]) == start {
			continue
		}
		tmp := xs[start]
		k := start
		for {
			done[k] = true
			src := int(perm[k])
			if src == start {
				xs[k] = tmp
				break
			}
			xs[k] = xs[src]
			k = src
		}
	}
}

func (mg *merger) compareItems(a, b *item) int {
	if c := cmp.Compare(a.g, b.g); c != 0 {
		return c
	}
	if c := cmp.Compare(a.fs, b.fs); c != 0 {
		return c
	}
	if c := cmp.Compare(a.fe, b.fe); c != 0 {
		return c
	}
	return mg.compareProvenance(a, b)
}

// compareProvenance orders the mentions of two items by their article
// (outlet, source, publication) and position, never by input order.
func (mg *merger) compareProvenance(a, b *item) int {
	if c := cmp.Compare(mg.docRank[a.doc], mg.docRank[b.doc]); c != 0 {
		return c
	}
	if a.pos != b.pos && a.pos != math.MaxInt32 && b.pos != math.MaxInt32 {
		return cmp.Compare(a.pos, b.pos)
	}
	// ties (two copies of an article), read from the mentions
	ma, mb := mg.mention(int(a.m)), mg.mention(int(b.m))
	if c := cmp.Compare(ma.Span.Start, mb.Span.Start); c != 0 {
		return c
	}
	if c := cmp.Compare(ma.Sentence, mb.Sentence); c != 0 {
		return c
	}
	return cmp.Compare(ma.Text, mb.Text)
}

// rankDocs sets docRank: the documents ranked by outlet, source and
// publication time, equal ones alike.
func (mg *merger) rankDocs() {
	srcs := mg.tl.Sources
	cmpDocs := func(a, b int32) int {
		sa, sb := &srcs[a], &srcs[b]
		if c := cmp.Compare(sa.Outlet, sb.Outlet); c != 0 {
			return c
		}
		if c := cmp.Compare(sa.Source, sb.Source); c != 0 {
			return c
		}
		return sa.Published.Compare(sb.Published)
	}
	order := make([]int32, len(srcs))
	for i := range order {
		order[i] = int32(i)
	}
	slices.SortFunc(order, cmpDocs)
	mg.docRank = make([]int32, len(srcs))
	r := int32(0)
	for k, d := range order {
		if k > 0 && cmpDocs(order[k-1], d) != 0 {
			r++
		}
		mg.docRank[d] = r
	}
}

// phaseJoin lets each item join the most similar cluster whose dates it
// is compatible with; two clusters naming people or places must share one.
// It visits the first n items (the dated ones), in order.
func (mg *merger) phaseJoin(ctx context.Context, n int) error {
	var vec, hv []tokCount
	mg.home = map[int32]int32{}
	var help joinHelper
	defer help.stop()
	for k := range n {
		ii := int32(k)
		if k%4096 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		it := &mg.items[ii]
		vec, hv = mg.vector(it, vec[:0], hv[:0])
		// one date phrase, one event: join the cluster of its other part
		if h, ok := mg.mateHome(ii); ok && mg.compatibleAll(h, it) {
			mg.join(h, ii, vec, hv)
			continue
		}
		ib := bag{vec, hv, 1}
		cands := mg.candidates(mg.lookupTokens(it), it.fs-day, it.fe+day, postingScan)
		var c choice
		if len(cands) >= splitCandidates && help.start(mg) {
			c = help.best(mg, it, ib, cands)
		} else {
			c = mg.bestOf(it, ib, cands)
		}
		if c.ci >= 0 && c.sim >= joinSim {
			mg.join(c.ci, ii, vec, hv)
			continue
		}
		ci := int32(len(mg.first))
		mg.first = append(mg.first, ii)
		mg.multi = append(mg.multi, nil)
		mg.setHome(ii, ci)
		mg.indexItem(ci, it)
	}
	return nil
}

// setHome records that item ii is in cluster ci, if its date phrase
// has another part (see mateHome).
func (mg *merger) setHome(ii, ci int32) {
	if _, ok := mg.mate[ii]; ok {
		mg.home[ii] = ci
	}
}

// mateHome returns the cluster of the other part of item ii's date
// phrase, if it has one and it is in a cluster already.
func (mg *merger) mateHome(ii int32) (int32, bool) {
	o, ok := mg.mate[ii]
	if !ok {
		return 0, false
	}
	h, ok := mg.home[o]
	return h, ok
}

// compatibleAll reports whether an item's date is compatible with every
// date of cluster ci.
func (mg *merger) compatibleAll(ci int32, it *item) bool {
	// overlapping every date is compatible with it (the first case of
	// compatible); a year meets most clusters of its year so
	lo, hi := int64(0), int64(0)
	if c := mg.multi[ci]; c != nil {
		lo, hi = c.loStart, c.hiEnd
	} else {
		f := &mg.items[mg.first[ci]]
		lo, hi = f.fs, f.fe
	}
	if it.fs < hi && lo < it.fe {
		return true
	}
	for _, v := range mg.vals(ci) {
		if !mg.compatible(&mg.items[v], it) {
			return false
		}
	}
	return true
}

// sameInstant reports whether a clock time and a clock time of cluster ci
// are the same minute written as two wall clocks (two zones), told with
// the same event word (not "said"): a Tokyo paper's "4:15 p.m. Friday Japan time" and a California paper's
// "11:15 p.m. Thursday" need share no name to be one happening.
func (mg *merger) sameInstant(it *item, ci int32) bool {
	if it.gran() < parse.GranInstant || it.gran() > parse.GranMinute || it.head == 0 || it.head == mg.say {
		return false
	}
	for _, v := range mg.vals(ci) {
		o := &mg.items[v]
		if o.head == it.head && o.gran() >= parse.GranInstant && o.gran() <= parse.GranMinute && o.fs != it.fs {
			if ok, _ := mg.realOverlap(it, o); ok {
				return true
			}
		}
	}
	return false
}

// coincides reports whether an item and a member of cluster ci, told
// with the same event word (not "said"), are one instant: the same clock
// time, or a clock time within the other's day ("11:15 p.m. Thursday" and
// "late on Thursday, March 5").
func (mg *merger) coincides(it *item, ci int32) bool {
	if it.head == 0 || it.head == mg.say || it.gran() < parse.GranInstant || it.gran() > parse.GranDay {
		return false
	}
	clock := func(x *item) bool { return x.gran() >= parse.GranInstant && x.gran() <= parse.GranMinute }
	for _, v := range mg.vals(ci) {
		o := &mg.items[v]
		if o.head != it.head || o.gran() < parse.GranInstant || o.gran() > parse.GranDay || !clock(o) && !clock(it) {
			continue
		}
		if clock(o) && clock(it) {
			if ok, _ := mg.realOverlap(it, o); ok {
				return true
			}
		}
		// a clock time within the other's day, as written
		c, d := o, it
		if clock(it) {
			c, d = it, o
		}
		if !clock(d) && c.fs >= d.fs && c.fs < d.fe {
			return true
		}
	}
	return false
}

// compatibleClusters reports whether every date of cluster a is
// compatible with every date of cluster b ("11:15 p.m. Thursday ... and
// spread overnight" reaches into a day that "4:15 p.m. Friday Japan time"
// of the same cluster does not).
func (mg *merger) compatibleClusters(a, b int32) bool {
	for _, v := range mg.vals(a) {
		if !mg.compatibleAll(b, &mg.items[v]) {
			return false
		}
	}
	return true
}

// sharedObjects counts the content words (no name, no known event word,
// no "said") two bags have in common: "shareholders", "bill", "emergency".
func (mg *merger) sharedObjects(a, b []tokCount) int {
	n := 0
	for t := range shared(a, b) {
		if !mg.isName[t] && !mg.known[t] {
			n++
		}
	}
	return n
}

// weakLink reports a join that rests on too little: an item and a cluster
// with different head predicates that share no predicate word and at most
// one name ("the death toll rose on Tuesday" and "the embassy updated its
// travel advice for Peru on Tuesday"), or a coarse date (a quarter, a
// year) whose head differs from a finer cluster's ("by the end of the
// year" is no "vote on February 17"). ov is the overlap of the item's
// tokens with the cluster's.
func (mg *merger) weakLink(it *item, ov overlap, cb bag, ci int32) bool {
	if it.head == 0 || len(cb.heads) == 0 || slices.ContainsFunc(cb.heads, func(h tokCount) bool { return h.tok == it.head }) {
		return false
	}
	if ov.preds == 0 && ov.names < 2 && !ov.rare {
		return true
	}
	if it.gran() > parse.GranMonth {
		for _, v := range mg.vals(ci) {
			if mg.items[v].gran() <= parse.GranWeek {
				return ov.preds < 2
			}
		}
	}
	return false
}

// overlap is what an item's tokens share with a cluster's.
type overlap struct {
	names, objects, preds int  // shared names, objects (see sharedObjects) and predicate tokens
	rare                  bool // a shared name is in fewer than 1/commonShare of the items
}

// named reports whether cluster ci's bag has a name (see hasNames).
func (mg *merger) named(ci int32) bool {
	if c := mg.multi[ci]; c != nil {
		return c.named
	}
	return mg.items[mg.first[ci]].nn > 0
}

// join adds item ii to cluster ci.
func (mg *merger) join(ci, ii int32, vec, hv []tokCount) {
	c := mg.multi[ci]
	if c == nil {
		f := &mg.items[mg.first[ci]]
		v, h := mg.vector(f, nil, nil)
		c = &cluster{members: []int32{mg.first[ci]}, vals: []int32{mg.first[ci]}, loStart: f.fs, hiEnd: f.fe, cent: v, heads: h, named: f.nn > 0}
		mg.multi[ci] = c
	}
	it := &mg.items[ii]
	c.members = append(c.members, ii)
	dup := false
	for _, v := range c.vals {
		o := &mg.items[v]
		if o.fs == it.fs && o.fe == it.fe && o.gran() == it.gran() {
			dup = true
			break
		}
	}
	if !dup {
		c.vals = append(c.vals, ii)
		c.loStart, c.hiEnd = max(c.loStart, it.fs), min(c.hiEnd, it.fe)
	}
	c.cent = addVec(c.cent, vec)
	c.sidesOK = false
	c.named = mg.hasNames(c.cent)
	c.heads = addVec(c.heads, hv)
	mg.setHome(ii, ci)
	mg.indexItem(ci, it)
}

// compatible reports whether two items' dates can be one event's: they
// overlap as written (same calendar day in two zones) or as instants (a
// time-zone shift), or they are consecutive days and the event ran
// overnight ("late Tuesday", "early Wednesday", "into the early hours").
func (mg *merger) compatible(a, b *item) bool {
	if a.dur || b.dur {
		return span{a.fs, a.fe}.overlaps(span{b.fs, b.fe})
	}
	if a.fs < b.fe && b.fs < a.fe {
		return true
	}
	if a.gran() > parse.GranDay || b.gran() > parse.GranDay || a.gran() == parse.GranUnknown || b.gran() == parse.GranUnknown {
		return false
	}
	gap := max(a.fs-b.fe, b.fs-a.fe) // floating seconds between them
	if gap >= day {
		return false // neither a zone shift (at most a day) nor overnight
	}
	// a time-zone shift: the same instant on different days; days and
	// finer only (a month in New York does not reach into a Sydney day)
	// (two whole days in zones two hours apart share two hours only: a
	// clock time, or zones far apart, make it the same instant)
	if ok, shared := mg.realOverlap(a, b); ok {
		if a.gran() < parse.GranDay || b.gran() < parse.GranDay || shared > 3*3600 {
			return true
		}
	}
	// consecutive days: overnight when the later is "early" or the
	// earlier "late"
	first, second := a, b
	if b.fs < a.fs {
		first, second = b, a
	}
	if epochDay(second.fs)-epochDay(first.fs) == 1 {
		// a clock time tells its side of midnight itself: "11:15 p.m.
		// Thursday ... and spread overnight" is no early Friday hour
		clock := func(x *item) bool { return x.gran() >= parse.GranInstant && x.gran() <= parse.GranHour }
		pm := func(x *item) bool { return (x.fs-epochDay(x.fs)*day+70*365*day)%day >= 12*3600 }
		early := second.cue&cueEarly != 0 && (!clock(second) || !pm(second))
		late := first.cue&cueLate != 0 && (!clock(first) || pm(first))
		return early || late
	}
	return false
}

// span is a floating interval in Unix seconds.
type span struct{ s, e int64 }

func (a span) overlaps(b span) bool { return a.s < b.e && b.s < a.e }

// spanOf returns an item's floating interval.
func spanOf(it *item) span { return span{it.fs, it.fe} }

// near reports whether two items' dates are close enough to be one event
// dated two ways (a conflict candidate). Plans move further than reports
// of what happened disagree: a planned date may move by two months.
func near(a, b *item, plan bool) bool {
	gap := max(a.fs-b.fe, b.fs-a.fe)
	coarse := max(a.gran(), b.gran())
	switch {
	case coarse <= parse.GranWeek && plan:
		return gap <= 62*day
	case coarse <= parse.GranWeek:
		return gap <= 8*day
	case coarse <= parse.GranMonth:
		return gap <= 92*day
	}
	return gap <= 366*day
}

// pubDay is the floating day of an item's publication.
func (mg *merger) pubDay(it *item) span {
	p := mg.tl.Sources[it.doc].Published
	d := time.Date(p.Year(), p.Month(), p.Day(), 0, 0, 0, 0, time.UTC)
	return span{d.Unix(), d.AddDate(0, 0, 1).Unix()}
}

// setFlags computes an item's flags (see happened, planned, suspect).
func (mg *merger) setFlags(it *item) {
	pd := mg.pubDay(it)
	tense := parse.Tense(it.tense)
	it.flags = 0
	if tense != parse.TenseFuture && it.fe <= pd.s && !it.old { // "had been set for Sunday" did not happen
		it.flags |= flagHappened
	}
	if tense == parse.TenseFuture || it.fs >= pd.e {
		it.flags |= flagPlanned
	}
	if it.old || tense == parse.TensePast && it.fs >= pd.e && !it.moved || tense == parse.TenseFuture && it.fe <= pd.s {
		it.flags |= flagSuspect
	}
}

// happened: reported as past, dated before the publication day.
func (mg *merger) happened(it *item) bool { return it.flags&flagHappened != 0 }

// planned: reported as future, or dated after the publication day.
func (mg *merger) planned(it *item) bool { return it.flags&flagPlanned != 0 }

// suspect reports a mention whose tense and date disagree (a past-tense
// clause dated after publication, or a future one before it): a reading
// the tagger likely got wrong, never used as a conflict side. The old date
// of a plan that moved is no claim either.
func (mg *merger) suspect(it *item) bool { return it.flags&flagSuspect != 0 }

// find is union-find over clusters.
func (mg *merger) find(c int32) int32 {
	for mg.parent[c] != c {
		mg.parent[c] = mg.parent[mg.parent[c]]
		c = mg.parent[c]
	}
	return c
}

// pair is two clusters that may be one happening dated two ways, a < b.
type pair struct {
	a, b int32
	sim  float64
}

// conflictPairs returns the clusters cluster ai may be joined with in
// phaseConflictJoin (see conflictable). It uses mg's scratch bags.
func (mg *merger) conflictPairs(ai int32) []pair {
	b := mg.bagOf(ai, 0)
	if len(mg.members(ai)) == 0 || !mg.eventful(b) {
		return nil
	}
	// names and objects ("shareholders", "emergency"), rarest first
	var ns []uint32
	for _, tc := range b.toks {
		if !mg.known[tc.tok] && mg.voc.df[tc.tok] >= 2 {
			ns = append(ns, tc.tok)
		}
	}
	if len(ns) == 0 {
		return nil // a strong overlap needs shared names or objects
	}
	slices.SortFunc(ns, func(x, y uint32) int {
		if c := cmp.Compare(mg.voc.df[x], mg.voc.df[y]); c != 0 {
			return c
		}
		return cmp.Compare(x, y)
	})
	rep := &mg.items[mg.first[ai]]
	reach := int64(9 * day)
	if mg.planned(rep) {
		reach = 62 * day
	}
	var cands []int32
	for _, n := range ns[:min(4, len(ns))] {
		for w := epochWeek(rep.fs - reach); w <= epochWeek(rep.fe+reach); w++ {
			cands = mg.index.scan(key(n, conflictSpace, w), 8, cands)
		}
	}
	slices.Sort(cands)
	var out []pair
	for _, bi := range slices.Compact(cands) {
		if bi == ai {
			continue
		}
		a, b := min(ai, bi), max(ai, bi)
		if sim, ok := mg.conflictable(a, b); ok {
			out = append(out, pair{a, b, sim})
		}
	}
	return out
}

// phaseConflictJoin joins clusters that describe one happening with
// incompatible near dates. Candidates share one of the two rarest names.
func (mg *merger) phaseConflictJoin(ctx context.Context) error {
	mg.parent = make([]int32, len(mg.first))
	for i := range mg.parent {
		mg.parent[i] = int32(i)
	}
	// candidates share a name (one of the four rarest seen elsewhere),
	// have an event word, and lie within a few weeks of each other
	for ci := range mg.first {
		if len(mg.members(int32(ci))) == 0 {
			continue
		}
		if b := mg.bagOf(int32(ci), 0); mg.eventful(b) {
			mg.indexConflict(int32(ci), b, epochWeek(mg.items[mg.first[ci]].fs))
		}
	}
	// what each cluster finds depends on nothing the search changes: the
	// clusters are searched in parallel
	found := make([][]pair, len(mg.first))
	mg.parallelViews(len(mg.first), func(v *merger, ai int) {
		found[ai] = v.conflictPairs(int32(ai))
	})
	if err := ctx.Err(); err != nil {
		return err
	}
	var pairs []pair
	for _, ps := range found {
		pairs = append(pairs, ps...)
	}
	used := make([]bool, len(mg.first))
	slices.SortFunc(pairs, func(x, y pair) int {
		if c := cmp.Compare(x.a, y.a); c != 0 {
			return c
		}
		return cmp.Compare(x.b, y.b)
	})
	pairs = slices.CompactFunc(pairs, func(x, y pair) bool { return x.a == y.a && x.b == y.b })
	slices.SortFunc(pairs, func(x, y pair) int {
		if c := cmp.Compare(y.sim, x.sim); c != 0 {
			return c
		}
		if c := cmp.Compare(x.a, y.a); c != 0 {
			return c
		}
		return cmp.Compare(x.b, y.b)
	})
	partner := make([]int32, len(mg.first)) // the cluster each used one was paired with
	rep := func(c int32) *item { return &mg.items[mg.first[c]] }
	for _, p := range pairs {
		// each cluster joins at most one other in this phase: a
		// conflict between two readings, not a chain of them; but a
		// cluster giving the same reading as the other side of a
		// joined pair joins it too (two clusters of one date that
		// the first phase kept apart)
		switch {
		case used[p.a] && used[p.b]:
			continue
		case used[p.a] || used[p.b]:
			x, y := p.a, p.b
			if used[p.b] {
				x, y = p.b, p.a
			}
			if z := partner[x]; mg.compatible(rep(y), rep(z)) {
				used[y], partner[y] = true, x
				mg.absorb(mg.find(x), y)
			}
			continue
		}
		used[p.a], used[p.b] = true, true
		partner[p.a], partner[p.b] = p.b, p.a
		mg.absorb(p.a, p.b)
	}
	return nil
}

// absorb moves the members of cluster b into cluster a.
func (mg *merger) absorb(a, b int32) {
	mg.parent[b] = a
	ma, mb := mg.members(a), mg.members(b)
	ba, bb := mg.bagOf(a, 0), mg.bagOf(b, 1)
	merged := &cluster{
		members: append(slices.Clone(ma), mb...),
		vals:    append(slices.Clone(mg.vals(a)), mg.vals(b)...),
		loStart: math.MinInt64,
		hiEnd:   math.MaxInt64,
		cent:    addVec(ba.toks, bb.toks),
		heads:   addVec(ba.heads, bb.heads),
	}
	merged.named = mg.hasNames(merged.cent)
	for _, v := range merged.vals {
		merged.loStart, merged.hiEnd = max(merged.loStart, mg.items[v].fs), min(merged.hiEnd, mg.items[v].fe)
	}
	mg.multi[a] = merged
	mg.multi[b] = &cluster{} // emptied
}

// conflictable reports whether two clusters are one happening dated two
// incompatible ways, and how similar they are.
func (mg *merger) conflictable(a, b int32) (float64, bool) {
	ra, rb := &mg.items[mg.first[a]], &mg.items[mg.first[b]]
	if mg.compatibleClusters(a, b) || !near(ra, rb, mg.planned(ra) || mg.planned(rb)) {
		return 0, false
	}
	ba, bb := mg.bagOf(a, 0), mg.bagOf(b, 1)
	// a strong overlap: two names or objects (the event's noun counts as
	// much as a name: "the deal", "a state of emergency"), and a shared
	// event word that is not just "said" (people speak every day; a
	// meeting happens once)
	names, objects := mg.sharedNames(ba.toks, bb.toks), mg.sharedObjects(ba.toks, bb.toks)
	// two clauses that name nobody ("the bill was tabled", "the bill,
	// which was introduced"): the event word and one object
	// Without two shared names, only events that happen once in a story
	// (a vote, a tabling, a declaration; not a rise in the death toll or
	// an attack, which recur) are joined on their objects.
	once := names >= 2 || mg.sharedOnce(ba.toks, bb.toks)
	nameless := !mg.hasNames(ba.toks) && !mg.hasNames(bb.toks) && objects >= 1 && mg.sameHead(ba.heads, bb.heads) ||
		mg.namelessPair(mg.members(a), mg.members(b))
	// the same once-only event word heading both and a shared name: "the
	// highway will reopen on Friday", "the reopening of Highway 33"
	headed := names >= 1 && mg.sameHead(ba.heads, bb.heads) && mg.sharedOnce(ba.toks, bb.toks)
	if !once || names+objects < 2 && !nameless && !headed {
		return 0, false
	}
	sayID := mg.say
	okPred := false
	i, j := 0, 0
	for i < len(ba.toks) && j < len(bb.toks) {
		switch x, y := ba.toks[i].tok, bb.toks[j].tok; {
		case x < y:
			i++
		case x > y:
			j++
		default:
			okPred = okPred || mg.known[x] && x != sayID
			i++
			j++
		}
	}
	for _, x := range ba.heads {
		for _, y := range bb.heads {
			okPred = okPred || x.tok == y.tok && x.tok != sayID
		}
	}
	if !okPred {
		return 0, false
	}
	// "postponed on Thursday" and "the verdict on Friday": the day of a
	// postponement is no reading of the date of what it postpones
	pp := mg.postpone
	isPP := func(h tokCount) bool { return h.tok == pp }
	if pa, pb := slices.ContainsFunc(ba.heads, isPP), slices.ContainsFunc(bb.heads, isPP); pa != pb {
		return 0, false
	}
	// "the company said early on Saturday": the day of a statement is
	// no reading of the date of the happening it reports
	if mg.isSay(ba.heads) != mg.isSay(bb.heads) {
		return 0, false
	}
	// what one outlet reports as done cannot be what another, later,
	// expects to happen on another day; and an article that dates two
	// things differently ("on Tuesday moved the vote to May 31") tells
	// of two events, not one dated twice
	ma, mb := mg.members(a), mg.members(b)
	sa, sb := mg.summary(ma), mg.summary(mb)
	if sb.latestPlan >= sa.firstDone || sa.latestPlan >= sb.firstDone {
		return 0, false
	}
	for _, x := range ma[:min(len(ma), 64)] {
		for _, y := range mb[:min(len(mb), 64)] {
			// the old date of a plan that moved is no other event
			if mg.items[x].doc == mg.items[y].doc && !mg.items[x].old && !mg.items[y].old {
				return 0, false
			}
		}
	}
	// two places and none in common: two meetings, in two cities
	pa, pb := mg.placeSet(ma), mg.placeSet(mb)
	if len(pa) > 0 && len(pb) > 0 && !slices.ContainsFunc(pa, func(p uint32) bool { return slices.Contains(pb, p) }) {
		return 0, false
	}
	sim := mg.sim(ba, bb)
	if sim < conflictSim && names < 2 {
		// names differ ("Canadian lawmakers", "the House of Commons"):
		// the once-only event word and the objects decide
		sim = conflictSim
	}
	return sim, sim >= conflictSim
}

// onceClasses are predicate classes of events that happen once in a
// story: two dates for one of them are a conflict, not two events.
var onceClasses = toSet(`elect launch declare verdict resign agree buy sell debate reopen found start`)

// onceMarks are words that make what they describe happen once in a
// story ("its final static-fire test", "the maiden flight"), as tokens.
var onceMarks = map[string]bool{"p:" + predicate("final"): true, "p:" + predicate("maiden"): true, "p:" + predicate("inaugural"): true}

// sharedOnce reports whether two bags share an event word of a class
// that happens once in a story (see onceClasses).
func (mg *merger) sharedOnce(a, b []tokCount) bool {
	for t := range shared(a, b) {
		if mg.known[t] && onceClasses[strings.TrimPrefix(mg.voc.words[t], "p:")] || onceMarks[mg.voc.words[t]] {
			return true
		}
	}
	return false
}

// namelessPair reports whether a member of each of two clusters names
// nobody, and both tell the same event word (not "said") of a shared
// object: "the fire, which started on March 4" and "the fire broke out
// late on Thursday, March 5", whatever else the clusters name.
func (mg *merger) namelessPair(ma, mb []int32) bool {
	say := mg.say
	for _, x := range ma[:min(len(ma), 64)] {
		a := &mg.items[x]
		if a.nn > 0 || a.head == 0 || a.head == say {
			continue
		}
		for _, y := range mb[:min(len(mb), 64)] {
			b := &mg.items[y]
			if b.nn > 0 || b.head != a.head {
				continue
			}
			for t := range shared(tokCounts(mg.preds(a)), tokCounts(mg.preds(b))) {
				if !mg.known[t] {
					return true
				}
			}
		}
	}
	return false
}

// tokCounts wraps sorted token ids as counts of one.
func tokCounts(ts []uint32) []tokCount {
	out := make([]tokCount, len(ts))
	for i, t := range ts {
		out[i] = tokCount{t, 1}
	}
	return out
}

// sameHead reports whether the most common heads of two bags are one
// event word other than "said".
func (mg *merger) sameHead(a, b []tokCount) bool {
	ta, tb := mg.topHead(a), mg.topHead(b)
	return ta != 0 && ta == tb && ta != mg.say
}

// topHead returns the most common head of a bag (ties: the lower id), or 0.
func (mg *merger) topHead(h []tokCount) uint32 {
	var best tokCount
	for _, x := range h {
		if x.n > best.n {
			best = x
		}
	}
	return best.tok
}

// placeSet returns the places of up to 64 items.
func (mg *merger) placeSet(ms []int32) []uint32 {
	var out []uint32
	for _, x := range ms[:min(len(ms), 64)] {
		for _, p := range mg.places(&mg.items[x]) {
			if !slices.Contains(out, p) {
				out = append(out, p)
			}
		}
	}
	return out
}

// planSummary condenses a cluster for the past-versus-plan test: the
// earliest end of a date reported as past, and the latest publication
// day of a report that expects the event.
type planSummary struct{ firstDone, latestPlan int64 }

func (mg *merger) summary(ms []int32) planSummary {
	s := planSummary{firstDone: math.MaxInt64, latestPlan: math.MinInt64}
	for _, x := range ms {
		it := &mg.items[x]
		if mg.happened(it) {
			s.firstDone = min(s.firstDone, it.fe)
		}
		if mg.planned(it) {
			s.latestPlan = max(s.latestPlan, mg.pubS[it.doc])
		}
	}
	return s
}

// buildEvents turns the final clusters into events and assigns IDs.
func (mg *merger) buildEvents() {
	var groups [][]int32
	for ci := range mg.first {
		if m := mg.members(int32(ci)); len(m) > 0 {
			groups = append(groups, m)
		}
	}
	groups = append(groups, mg.orphanGroups()...)
	// the clusters are done with but for their members
	mg.multi, mg.parent, mg.orphans = nil, nil, nil
	// the drafts depend on nothing but their members: in parallel
	evs := make([]*eventDraft, len(groups))
	mg.parallel(len(groups), func(k int) {
		members := groups[k]
		slices.SortFunc(members, func(a, b int32) int { return mg.compareProvenance(&mg.items[a], &mg.items[b]) })
		evs[k] = mg.draft(members)
	})
	groups = nil
	slices.SortFunc(evs, func(a, b *eventDraft) int {
		if c := cmp.Compare(a.baseID, b.baseID); c != 0 {
			return c
		}
		return mg.compareProvenance(&mg.items[a.members[0]], &mg.items[b.members[0]])
	})
	seen := map[string]int{}
	for _, ev := range evs {
		seen[ev.baseID]++
		ev.ID = ev.baseID
		if k := seen[ev.baseID]; k > 1 {
			ev.ID += "-" + strconv.Itoa(k)
		}
	}
	// the items are done with: the members become their mentions
	for _, ev := range evs {
		for k, ii := range ev.members {
			ev.members[k] = mg.items[ii].m
		}
	}
	mg.items, mg.arena, mg.voc, mg.first = nil, nil, nil, nil
	tl := mg.tl
	if mg.lean != nil {
		mg.lean.event = make([]int32, mg.nMent)
		mg.lean.eventIDs = make([]string, len(evs))
		for k, ev := range evs {
			mg.lean.eventIDs[k] = ev.ID
		}
	}
	tl.Events = slices.Grow(tl.Events, len(evs))
	for k, ev := range evs {
		e := ev.Event
		e.Mentions = make([]int, 0, len(ev.members))
		for _, m := range ev.members {
			mg.setEvent(int(m), k, ev.ID)
			e.Mentions = append(e.Mentions, int(m))
		}
		slices.Sort(e.Mentions)
		tl.Events = append(tl.Events, e)
	}
	slices.SortFunc(tl.Events, func(a, b Event) int {
		if c := a.When.Start.Compare(b.When.Start); c != 0 {
			return c
		}
		if c := a.When.End.Compare(b.When.End); c != 0 {
			return c
		}
		return cmp.Compare(a.ID, b.ID)
	})
	mg.detectConflicts(evs)
}

// parallel calls f(0) … f(n-1) on mg.workers goroutines, in no
// particular order; f may only write what is its own.
func (mg *merger) parallel(n int, f func(i int)) {
	mg.parallelOn(n, func(_, i int) { f(i) })
}

// parallelViews is parallel with a view of mg per goroutine: mg itself or
// a copy that shares everything but the scratch buffers, which f may use
// (see bagOf). f must not change the merger otherwise.
func (mg *merger) parallelViews(n int, f func(v *merger, i int)) {
	views := make([]*merger, max(1, mg.workers))
	views[0] = mg
	for w := 1; w < len(views); w++ {
		v := *mg
		v.scratch, v.candBuf, v.seen = [2]bag{}, nil, nil
		views[w] = &v
	}
	mg.parallelOn(n, func(w, i int) { f(views[w], i) })
}

// parallelOn calls f(w, i) for i from 0 to n-1 on up to mg.workers
// goroutines numbered w = 0, 1, …, in no particular order.
func (mg *merger) parallelOn(n int, f func(w, i int)) {
	const batch = 16
	w := min(mg.workers, (n+batch-1)/batch)
	if w <= 1 {
		for i := range n {
			f(0, i)
		}
		return
	}
	var next atomic.Int64
	var wg sync.WaitGroup
	for g := range w {
		wg.Go(func() {
			for {
				lo := int(next.Add(batch)) - batch
				if lo >= n {
					return
				}
				for i := lo; i < min(lo+batch, n); i++ {
					f(g, i)
				}
			}
		})
	}
	wg.Wait()
}

// writtenOffset returns the zone offset a clock-time TIMEX value carries
// ("2026-03-27T23:30+01:00"), in seconds.
func writtenOffset(timex string) (int, bool) {
	i := strings.IndexByte(timex, 'T')
	if i < 0 || len(timex) < i+6 {
		return 0, false
	}
	rest := timex[i+1:]
	j := strings.LastIndexAny(rest, "+-")
	if j < 0 || len(rest)-j != 6 || rest[j+3] != ':' {
		return 0, false
	}
	h, m := int(rest[j+1]-'0')*10+int(rest[j+2]-'0'), int(rest[j+4]-'0')*10+int(rest[j+5]-'0')
	if h > 14 || m > 59 || rest[j+1] < '0' || rest[j+1] > '9' || rest[j+2] < '0' || rest[j+2] > '9' || rest[j+4] < '0' || rest[j+4] > '9' || rest[j+5] < '0' || rest[j+5] > '9' {
		return 0, false
	}
	off := h*3600 + m*60
	if rest[j] == '-' {
		off = -off
	}
	return off, true
}
