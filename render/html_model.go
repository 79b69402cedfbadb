package render

import (
	"cmp"
	"encoding/json"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf16"
	"unicode/utf8"

	"chronicle/parse"
	"chronicle/timeline"
)

// The page's data: what the chart's own script reads to draw marks and
// tooltips. Everything is plain data (strings and numbers); the page script
// HTML-encodes every string before it reaches the DOM.
//
// Times on the axis are "floating": a value's wall-clock time in its own
// article's zone, written as if it were UTC (and the axis uses UTC). So
// "Wednesday" in a New York paper and "Wednesday" in a Melbourne paper sit
// on the same day of the axis, which is what a reader compares.
type pageData struct {
	Lanes   []string     `json:"lanes"`   // outlet names, one lane each
	Colors  []string     `json:"colors"`  // lane colour
	Shapes  []string     `json:"shapes"`  // lane marker shape
	Sources []pageSource `json:"src"`     // articles
	Sents   []string     `json:"s"`       // sentences, deduplicated (may be shortened)
	Ments   []pageMent   `json:"m"`       // mentions with detail
	Vals    []pageVal    `json:"v"`       // resolved values, deduplicated
	Buckets []pageBucket `json:"bk"`      // aggregated marks (large timelines only)
	Events  []pageEvent  `json:"ev"`      // events drawn as links
	Confs   []pageConf   `json:"cf"`      // conflicts
	View    [2]int64     `json:"view"`    // first dataZoom window (floating ms)
	Agg     bool         `json:"agg"`     // marks are aggregated per day and outlet
	Omitted int          `json:"omitted"` // mentions without details in the file
}

type pageSource struct {
	Lane      int    `json:"o"`
	Source    string `json:"f"`
	Title     string `json:"t"`
	Published string `json:"p"`
}

// pageMent is one mention with its details. It is written as a JSON array
// [doc, sentence, exprStart, exprEnd, value, event(, conflicts)] to keep
// large pages small; offsets are UTF-16 code units (JavaScript indexing).
type pageMent struct {
	Doc      int
	Sent     int    // index into pageData.Sents
	AB       [2]int // expression in the sentence, UTF-16 offsets
	Val      int    // index into pageData.Vals
	Event    int    // index into pageData.Events, -1 if none
	Conflict []int
	Pos      [3]int64 // x (floating ms), lane, slot: where the mark is drawn
	Point    bool
}

// MarshalJSON writes the compact array form.
func (m pageMent) MarshalJSON() ([]byte, error) {
	b := make([]byte, 0, 40)
	b = append(b, '[')
	for i, v := range []int{m.Doc, m.Sent, m.AB[0], m.AB[1], m.Val, m.Event} {
		if i > 0 {
			b = append(b, ',')
		}
		b = strconv.AppendInt(b, int64(v), 10)
	}
	if len(m.Conflict) > 0 {
		b = append(b, ",["...)
		for i, c := range m.Conflict {
			if i > 0 {
				b = append(b, ',')
			}
			b = strconv.AppendInt(b, int64(c), 10)
		}
		b = append(b, ']')
	}
	return append(b, ']'), nil
}

// pageVal is a resolved value as shown in tooltips, written as
// [TIMEX3, granularity, human-readable, point (0 or 1)].
type pageVal struct {
	TIMEX, Gran, When string
	Point             bool
}

// MarshalJSON writes the compact array form.
func (v pageVal) MarshalJSON() ([]byte, error) {
	pt := 0
	if v.Point {
		pt = 1
	}
	return json.Marshal([]any{v.TIMEX, v.Gran, v.When, pt})
}

type pageBucket struct {
	N     int   `json:"n"`
	Ments []int `json:"m"` // sampled mentions with detail
}

type pageEvent struct {
	ID      string `json:"id"`
	Label   string `json:"l"`
	When    string `json:"w"`
	Ments   []int  `json:"m"` // indexes into pageData.Ments (drawn ones)
	Outlets int    `json:"n"`
}

type pageConf struct {
	ID      string `json:"id"`
	Kind    string `json:"k"`
	Summary string `json:"t"`
	Sides   []int  `json:"m"`
}

// mark is one data item of a chart series: [x0, x1, lane, index, slot].
type mark struct {
	x0, x1    int64
	lane      int
	idx, slot int
	point     bool // drawn as a point (a day or finer), else as a span
	conflict  bool // takes part in a conflict
	n         int  // mentions in an aggregated mark
}

// Limits of the page. Above AggregateAbove placed mentions the marks are
// aggregated per day (or coarser) and outlet and only a sample keeps its
// sentence; SentenceBudget caps the bytes of sentence text in the file.
const (
	defaultAggregateAbove = 20000
	defaultSentenceBudget = 2 << 20
	maxSentence           = 320 // bytes of context kept around an expression
	maxTableRows          = 500 // events and undated expressions listed under the chart
	maxConflictRows       = 200 // conflicts listed under the chart
	maxSideRows           = 8   // sides of one conflict listed in its table row
	maxLinks              = 3000
)

var (
	// Okabe–Ito colours, distinguishable with the common colour-vision
	// deficiencies; vermillion is kept for conflicts.
	laneColors   = []string{"#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#000000", "#B8A200"}
	laneShapes   = []string{"circle", "rect", "triangle", "diamond"}
	conflictHex  = "#D55E00"
	floatingZone = time.UTC
)

// floating returns t's wall clock read as UTC, in milliseconds.
func floating(t time.Time) int64 {
	return time.Date(t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(), t.Second(), t.Nanosecond(), floatingZone).UnixMilli()
}

// placed reports whether a mention is drawn on the time axis.
func placed(m *timeline.Mention) bool {
	return !m.Furniture && !m.When.IsZero() && (m.Kind == parse.KindDate || m.Kind == parse.KindTime)
}

// isPoint reports whether a value is precise enough to be drawn as a point.
func isPoint(g parse.Granularity) bool { return g != parse.GranUnknown && g <= parse.GranDay }

// lanes returns the outlets in order of first appearance sorted by name,
// and each source's lane.
func lanes(tl *timeline.Timeline) ([]string, []int) {
	names := make([]string, 0)
	seen := map[string]bool{}
	for _, s := range tl.Sources {
		o := outletName(s)
		if !seen[o] {
			seen[o] = true
			names = append(names, o)
		}
	}
	slices.Sort(names)
	idx := make(map[string]int, len(names))
	for i, n := range names {
		idx[n] = i
	}
	lane := make([]int, len(tl.Sources))
	for i, s := range tl.Sources {
		lane[i] = idx[outletName(s)]
	}
	return names, lane
}

func outletName(s timeline.Source) string {
	if o := strings.TrimSpace(s.Outlet); o != "" {
		return OneLine(o)
	}
	return "(unknown outlet)"
}

// shorten shortens a sentence to at most maxSentence bytes around the span
// [a, b) and returns the text and the span's new UTF-8 offsets.
func shorten(s string, a, b int) (string, int, int) {
	if a < 0 || b > len(s) || a > b {
		a, b = 0, 0
	}
	if len(s) <= maxSentence {
		return s, a, b
	}
	room := max(maxSentence-(b-a), 40) / 2
	lo, hi := max(a-room, 0), min(b+room, len(s))
	for lo > 0 && !utf8.RuneStart(s[lo]) {
		lo--
	}
	for hi < len(s) && !utf8.RuneStart(s[hi]) {
		hi++
	}
	out := s[lo:hi]
	a, b = a-lo, b-lo
	if lo > 0 {
		out = "…" + out
		a, b = a+len("…"), b+len("…")
	}
	if hi < len(s) {
		out += "…"
	}
	return out, a, b
}

// utf16Len is the length of s in UTF-16 code units (JavaScript's indexing).
func utf16Len(s string) int {
	n := 0
	for _, r := range s {
		n += len(utf16.Encode([]rune{r}))
	}
	return n
}

// display formats a value for a reader: "Wed 3 Dec 2025", "Nov 2025",
// "week 2025-W49 (1–7 Dec 2025)", "3 Dec 2025 16:20 EST".
func display(iv parse.Interval) string {
	if iv.IsZero() {
		return ""
	}
	s, e := iv.Start, iv.End
	last := e.AddDate(0, 0, -1)
	var out string
	switch {
	case iv.Gran == parse.GranUnknown:
		out = s.Format("2 Jan 2006") + " – " + last.Format("2 Jan 2006")
	case iv.Gran < parse.GranPartOfDay:
		out = s.Format("Mon 2 Jan 2006 15:04 MST")
	case iv.Gran == parse.GranPartOfDay:
		out = s.Format("Mon 2 Jan 2006 15:04") + "–" + e.Format("15:04 MST")
	case iv.Gran == parse.GranDay:
		out = s.Format("Mon 2 Jan 2006")
	case iv.Gran == parse.GranMonth:
		out = s.Format("January 2006")
	case iv.Gran == parse.GranYear:
		out = s.Format("2006")
	default:
		out = s.Format("2 Jan 2006") + " – " + last.Format("2 Jan 2006")
	}
	if iv.Approx {
		out = "about " + out
	}
	return out
}

// pageModel is everything the page is made of: the chart's data and marks
// and the rows of the tables.
type pageModel struct {
	data   pageData
	ments  [][]mark // per lane
	pubs   [][]mark // per lane
	links  []mark
	confs  []mark
	extent [2]int64
	stats  pageStats
	// rows for the tables under the chart
	eventRows     []eventRow
	conflictRows  []conflictRow
	otherRows     []otherRow
	sourceRows    []sourceRow
	moreEvents    int
	moreOthers    int
	moreConflicts int
}

type pageStats struct {
	Articles, Outlets, Mentions, Placed, Events, Conflicts int
	PubFrom, PubTo                                         string
	From, To                                               string
	Outlet                                                 []string // the first maxNamedOutlets
	MoreOutlets                                            int
}

// maxNamedOutlets is how many outlets the page's subtitle names.
const maxNamedOutlets = 15

// buildPage computes the page's data and the chart's marks.
func buildPage(tl *timeline.Timeline, opts HTMLOptions) *pageModel {
	aggAbove := opts.AggregateAbove
	if aggAbove <= 0 {
		aggAbove = defaultAggregateAbove
	}
	budget := opts.SentenceBudget
	if budget <= 0 {
		budget = defaultSentenceBudget
	}
	pm := &pageModel{}
	d := &pm.data
	names, laneOf := lanes(tl)
	d.Lanes = names
	for i := range names {
		d.Colors = append(d.Colors, laneColors[i%len(laneColors)])
		d.Shapes = append(d.Shapes, laneShapes[(i/len(laneColors)+i)%len(laneShapes)])
	}
	pm.ments = make([][]mark, len(names))
	pm.pubs = make([][]mark, len(names))
	st := &pm.stats
	st.Articles, st.Outlets, st.Outlet = len(tl.Sources), len(names), names
	if len(names) > maxNamedOutlets {
		st.Outlet, st.MoreOutlets = names[:maxNamedOutlets], len(names)-maxNamedOutlets
	}
	st.Events, st.Conflicts = len(tl.Events), len(tl.Conflicts)

	// sources and publication marks
	var pubFrom, pubTo time.Time
	for i, s := range tl.Sources {
		d.Sources = append(d.Sources, pageSource{Lane: laneOf[i], Source: s.Source, Title: OneLine(s.Title), Published: publishedText(s)})
		if s.Undated || s.Published.IsZero() {
			continue
		}
		x0 := floating(s.Published)
		x1 := x0
		if s.DateOnly {
			day := time.Date(s.Published.Year(), s.Published.Month(), s.Published.Day(), 0, 0, 0, 0, s.Published.Location())
			x0, x1 = floating(day), floating(day.AddDate(0, 0, 1))
		}
		pm.pubs[laneOf[i]] = append(pm.pubs[laneOf[i]], mark{x0: x0, x1: x1, lane: laneOf[i], idx: i})
		pm.grow(x0, x1)
		if pubFrom.IsZero() || floatingTime(x0).Before(pubFrom) {
			pubFrom = floatingTime(x0)
		}
		if floatingTime(x0).After(pubTo) {
			pubTo = floatingTime(x0)
		}
	}
	if !pubFrom.IsZero() {
		st.PubFrom, st.PubTo = pubFrom.Format("2 Jan 2006"), pubTo.Format("2 Jan 2006")
	}

	// which mentions are placed, which conflicts they take part in
	var placedIdx []int
	confOf := map[int][]int{}
	for ci, c := range tl.Conflicts {
		for _, s := range c.Sides {
			confOf[s.Mention] = append(confOf[s.Mention], ci)
		}
	}
	for i := range tl.Mentions {
		m := &tl.Mentions[i]
		if m.Furniture {
			continue
		}
		st.Mentions++
		if placed(m) {
			placedIdx = append(placedIdx, i)
		} else {
			pm.addOther(tl, i, laneOf)
		}
	}
	st.Placed = len(placedIdx)
	d.Agg = len(placedIdx) > aggAbove

	eventIdx := map[string]int{}
	for i, e := range tl.Events {
		eventIdx[e.ID] = i
	}

	// detail entries: all mentions, or a sample within the budget
	detail := map[int]int{} // timeline mention -> pageData.Ments index
	sentIdx := map[string]int{}
	valIdx := map[pageVal]int{}
	used := 0
	addDetail := func(i int) int {
		if k, ok := detail[i]; ok {
			return k
		}
		m := &tl.Mentions[i]
		text, a, b := shorten(m.Sentence, m.Span.Start-m.Mention.Sentence.Start, m.Span.End-m.Mention.Sentence.Start)
		si, ok := sentIdx[text]
		if !ok {
			si = len(d.Sents)
			sentIdx[text] = si
			d.Sents = append(d.Sents, text)
			used += len(text)
		}
		pv := pageVal{TIMEX: m.TIMEX, Gran: m.When.Gran.String(), When: display(m.When), Point: isPoint(m.When.Gran)}
		vi, ok := valIdx[pv]
		if !ok {
			vi = len(d.Vals)
			valIdx[pv] = vi
			d.Vals = append(d.Vals, pv)
		}
		pmn := pageMent{
			Doc: m.Doc, Sent: si, AB: [2]int{utf16Len(text[:a]), utf16Len(text[:b])},
			Val: vi, Event: -1, Point: pv.Point,
		}
		if e, ok := eventIdx[m.Event]; ok && m.Event != "" {
			pmn.Event = e
		}
		pmn.Conflict = confOf[i]
		x0, x1 := floating(m.When.Start), floating(m.When.End)
		pmn.Pos = [3]int64{x0 + (x1-x0)/2, int64(laneOf[m.Doc]), 0}
		k := len(d.Ments)
		d.Ments = append(d.Ments, pmn)
		detail[i] = k
		return k
	}

	// marks
	if !d.Agg {
		for _, i := range placedIdx {
			k := addDetail(i)
			m := &tl.Mentions[i]
			lane := laneOf[m.Doc]
			x0, x1 := floating(m.When.Start), floating(m.When.End)
			pm.ments[lane] = append(pm.ments[lane], mark{x0: x0, x1: x1, lane: lane, idx: k, point: d.Ments[k].Point, n: 1, conflict: len(d.Ments[k].Conflict) > 0})
			pm.grow(x0, x1)
		}
		for lane := range pm.ments {
			assignSlots(pm.ments[lane], d.Ments)
		}
	} else {
		// conflict sides always keep their detail
		for _, c := range tl.Conflicts {
			for _, s := range c.Sides {
				if s.Mention >= 0 && s.Mention < len(tl.Mentions) && placed(&tl.Mentions[s.Mention]) {
					addDetail(s.Mention)
				}
			}
		}
		pm.aggregate(tl, placedIdx, laneOf, addDetail, func(i int) (int, bool) { k, ok := detail[i]; return k, ok }, &used, budget)
	}
	d.Omitted = st.Placed - len(d.Ments)

	// events: linked marks across lanes
	for _, e := range tl.Events {
		pe := pageEvent{ID: e.ID, Label: eventLabel(tl, e), When: display(e.When), Outlets: len(e.Outlets)}
		for _, mi := range e.Mentions {
			if k, ok := detail[mi]; ok {
				pe.Ments = append(pe.Ments, k)
			}
		}
		d.Events = append(d.Events, pe)
	}
	pm.linkEvents(tl)
	for ci, c := range tl.Conflicts {
		pc := pageConf{ID: c.ID, Kind: c.Kind, Summary: OneLine(c.Summary)}
		var lo, hi int64
		lmin := -1
		for _, s := range c.Sides {
			k, ok := detail[s.Mention]
			if !ok {
				continue
			}
			pc.Sides = append(pc.Sides, k)
			m := &tl.Mentions[s.Mention]
			x0, x1 := floating(m.When.Start), floating(m.When.End)
			if len(pc.Sides) == 1 || x0 < lo {
				lo = x0
			}
			if len(pc.Sides) == 1 || x1 > hi {
				hi = x1
			}
			if l := int(d.Ments[k].Pos[1]); lmin < 0 || l < lmin {
				lmin = l
			}
		}
		d.Confs = append(d.Confs, pc)
		if len(pc.Sides) > 0 {
			pm.confs = append(pm.confs, mark{x0: lo, x1: hi, lane: lmin, idx: ci})
		}
	}

	// date range covered and the first view
	if pm.extent != [2]int64{} {
		st.From = floatingTime(pm.extent[0]).Format("2 Jan 2006")
		st.To = floatingTime(pm.extent[1] - 1).Format("2 Jan 2006")
	}
	d.View = pm.firstView()
	pm.tables(tl, laneOf, detail)
	return pm
}

func floatingTime(ms int64) time.Time { return time.UnixMilli(ms).In(floatingZone) }

func (pm *pageModel) grow(x0, x1 int64) {
	if pm.extent == [2]int64{} {
		pm.extent = [2]int64{x0, x1}
		return
	}
	pm.extent[0] = min(pm.extent[0], x0)
	pm.extent[1] = max(pm.extent[1], x1)
}

// assignSlots spreads marks that would overlap in a lane: points on the
// same day take successive slots, spans are stacked on rows that do not
// overlap in time.
func assignSlots(ms []mark, det []pageMent) {
	slices.SortStableFunc(ms, func(a, b mark) int {
		return cmp.Or(cmp.Compare(a.x0, b.x0), cmp.Compare(b.x1, a.x1), cmp.Compare(a.idx, b.idx))
	})
	perDay := map[int64]int{}
	var rows []int64 // end of the last span on each row
	for i := range ms {
		m := &ms[i]
		if m.point {
			day := m.x0 / 86400000
			m.slot = perDay[day]
			perDay[day]++
		} else {
			rows, m.slot = stackRow(rows, m.x0, m.x1)
		}
		det[m.idx].Pos[2] = int64(m.slot)
	}
}

// stackRow puts a span [x0, x1) on the first row whose last span ends by
// x0, or on a new row, and returns the rows' new ends and the row.
func stackRow(rows []int64, x0, x1 int64) ([]int64, int) {
	r := slices.IndexFunc(rows, func(end int64) bool { return end <= x0 })
	if r < 0 {
		r = len(rows)
		rows = append(rows, 0)
	}
	rows[r] = x1
	return rows, r
}

// aggregate groups placed mentions per lane and day (points) or per lane
// and interval (spans), coarsening to weeks or months when there are too
// many groups, and keeps a sample of sentences within the budget.
func (pm *pageModel) aggregate(tl *timeline.Timeline, placedIdx []int, laneOf []int, addDetail func(int) int, detailed func(int) (int, bool), used *int, budget int) {
	type key struct {
		lane   int
		x0, x1 int64
	}
	const maxBuckets = 30000
	var groups map[key][]int
	for unit := 0; unit < 3; unit++ {
		groups = map[key][]int{}
		for _, i := range placedIdx {
			m := &tl.Mentions[i]
			x0, x1 := floating(m.When.Start), floating(m.When.End)
			if isPoint(m.When.Gran) {
				t := floatingTime(x0)
				s := time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, floatingZone)
				switch unit {
				case 1:
					s = s.AddDate(0, 0, -int((s.Weekday()+6)%7))
				case 2:
					s = time.Date(t.Year(), t.Month(), 1, 0, 0, 0, 0, floatingZone)
				}
				e := [...]time.Time{s.AddDate(0, 0, 1), s.AddDate(0, 0, 7), s.AddDate(0, 1, 0)}[unit]
				x0, x1 = s.UnixMilli(), e.UnixMilli()
			}
			k := key{laneOf[m.Doc], x0, x1}
			groups[k] = append(groups[k], i)
		}
		if len(groups) <= maxBuckets {
			break
		}
	}
	keys := slices.SortedFunc(func(yield func(key) bool) {
		for k := range groups {
			if !yield(k) {
				return
			}
		}
	}, func(a, b key) int {
		return cmp.Or(cmp.Compare(a.lane, b.lane), cmp.Compare(a.x0, b.x0), cmp.Compare(b.x1, a.x1))
	})
	d := &pm.data
	// sample round-robin: the first mention of every bucket, then the
	// second, … until the sentence budget is spent
	samples := make([][]int, len(keys))
	for bi, k := range keys {
		for _, i := range groups[k] {
			if k, ok := detailed(i); ok {
				samples[bi] = append(samples[bi], k)
			}
		}
	}
	for round := 0; round < 3 && *used < budget; round++ {
		for bi, k := range keys {
			g := groups[k]
			if round < len(g) && *used < budget {
				if _, ok := detailed(g[round]); !ok {
					samples[bi] = append(samples[bi], addDetail(g[round]))
				}
			}
		}
	}
	for bi, k := range keys {
		g := groups[k]
		d.Buckets = append(d.Buckets, pageBucket{N: len(g), Ments: samples[bi]})
		point := isPoint(tl.Mentions[g[0]].When.Gran) || k.x1-k.x0 <= 86400000
		mk := mark{x0: k.x0, x1: k.x1, lane: k.lane, idx: bi, point: point, n: len(g)}
		for _, mi := range samples[bi] {
			mk.conflict = mk.conflict || len(d.Ments[mi].Conflict) > 0
		}
		pm.ments[k.lane] = append(pm.ments[k.lane], mk)
		pm.grow(k.x0, k.x1)
	}
	// place sampled mentions at their bucket so links and conflicts find them
	for bi, b := range d.Buckets {
		k := keys[bi]
		for _, mi := range b.Ments {
			if d.Ments[mi].Point {
				d.Ments[mi].Pos = [3]int64{k.x0 + (k.x1-k.x0)/2, int64(k.lane), 0}
			}
		}
	}
	for lane := range pm.ments {
		rows := []int64{}
		for i := range pm.ments[lane] {
			m := &pm.ments[lane][i]
			if m.point {
				continue
			}
			rows, m.slot = stackRow(rows, m.x0, m.x1)
		}
	}
}

// linkEvents adds one link mark per event with marks in at least two
// places, largest events first when there are too many.
func (pm *pageModel) linkEvents(tl *timeline.Timeline) {
	d := &pm.data
	var cand []int
	for ei, e := range d.Events {
		if len(e.Ments) >= 2 {
			cand = append(cand, ei)
		}
	}
	if len(cand) > maxLinks {
		slices.SortStableFunc(cand, func(a, b int) int { return cmp.Compare(len(d.Events[b].Ments), len(d.Events[a].Ments)) })
		cand = cand[:maxLinks]
		slices.Sort(cand)
	}
	for _, ei := range cand {
		e := d.Events[ei]
		lo, hi, lmin := int64(0), int64(0), -1
		for j, k := range e.Ments {
			p := d.Ments[k].Pos
			if j == 0 || p[0] < lo {
				lo = p[0]
			}
			if j == 0 || p[0] > hi {
				hi = p[0]
			}
			if lmin < 0 || int(p[1]) < lmin {
				lmin = int(p[1])
			}
		}
		pm.links = append(pm.links, mark{x0: lo, x1: hi, lane: lmin, idx: ei})
	}
}

// firstView picks the initial zoom window: the stretch holding the most
// point marks (and publication marks) among windows of 31 days, or of 14,
// 7 or 3 days when the busiest month holds more than viewMarks marks,
// padded a little.
func (pm *pageModel) firstView() [2]int64 {
	const viewMarks = 600
	var xs []int64
	for lane := range pm.ments {
		for _, m := range pm.ments[lane] {
			if m.x1-m.x0 <= 86400000 {
				xs = append(xs, m.x0+(m.x1-m.x0)/2)
			}
		}
		for _, m := range pm.pubs[lane] {
			xs = append(xs, m.x0)
		}
	}
	if len(xs) == 0 {
		return pm.extent
	}
	slices.Sort(xs)
	var bi, bj int
	for _, days := range []int64{31, 14, 7, 3} {
		window := days * 86400000
		bi, bj = 0, 0
		j := 0
		for i := range xs {
			for j+1 < len(xs) && xs[j+1]-xs[i] <= window {
				j++
			}
			if j-i > bj-bi {
				bi, bj = i, j
			}
		}
		if bj-bi < viewMarks {
			break
		}
	}
	lo, hi := xs[bi], xs[bj]
	pad := max((hi-lo)/12, 86400000/2)
	return [2]int64{lo - pad, hi + pad}
}

func eventLabel(tl *timeline.Timeline, e timeline.Event) string {
	if l := OneLine(e.Label); l != "" {
		return l
	}
	if len(e.Mentions) > 0 && e.Mentions[0] < len(tl.Mentions) {
		return OneLine(Marked(tl.Mentions[e.Mentions[0]]))
	}
	return e.ID
}

func publishedText(s timeline.Source) string {
	switch {
	case s.Undated || s.Published.IsZero():
		return "date unknown"
	case s.DateOnly:
		return s.Published.Format("Mon 2 Jan 2006") + " (" + s.Zone + ", time not given)"
	}
	return s.Published.Format("Mon 2 Jan 2006 15:04 MST") + " (" + s.Zone + ")"
}

// itoa is strconv.Itoa, short.
func itoa(i int) string { return strconv.Itoa(i) }
