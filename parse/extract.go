package parse

import (
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/olebedev/when/rules"
	"github.com/olebedev/when/rules/en"
)

// Options configures an [Extractor].
type Options struct {
	// NoResolve leaves every relative expression unresolved (X-filled
	// TIMEX3 values, zero When), as for an undated article.
	NoResolve bool
}

// Extractor finds and resolves temporal expressions. Build one with
// [NewExtractor] and share it: it holds only read-only tables, so one
// Extractor may be used from many goroutines.
type Extractor struct {
	opts       Options
	lx         *lexicon
	countNouns map[string]bool
	paperNames map[string]bool
	dayNames   map[string]bool // words that make a weekday a name: Black Monday
	ordAdj     map[string]bool // words after an ordinal "second": consecutive, straight
	tenseWords map[string]byte

	// olebedev/when rules used for clock times, built here (never the
	// shared when.EN) and run on small windows only.
	whenHourMinute rules.Rule
	whenHour       rules.Rule
	whenOpts       rules.Options

	pool  sync.Pool // *[]tok scratch buffers
	cpool sync.Pool // *[]cand scratch buffers
	zones map[string]*time.Location
}

// NewExtractor compiles the rules and tables once.
func NewExtractor(opts Options) *Extractor {
	x := &Extractor{
		opts:           opts,
		lx:             newLexicon(),
		countNouns:     newCountNouns(),
		tenseWords:     newTenseWords(),
		whenHourMinute: en.HourMinute(rules.Override),
		whenHour:       en.Hour(rules.Override),
		whenOpts:       rules.Options{Afternoon: 15, Evening: 18, Morning: 8, Noon: 12, Distance: 5},
	}
	x.paperNames = map[string]bool{}
	for _, w := range []string{"times", "telegraph", "mirror", "express", "post", "herald", "mail", "independent", "tribune", "star", "observer", "standard", "edition", "magazine", "review", "journal", "sport", "show", "football", "night", "club", "school", "service", "programme", "program", "supplement", "people", "sun", "record", "age", "news", "morning", "briefing", "live", "talk"} {
		x.paperNames[w] = true
	}
	x.dayNames = map[string]bool{}
	for _, w := range []string{"black", "cyber", "good", "easter", "palm", "ash", "holy", "super", "blue", "bloody", "man", "girl", "joe", "maundy", "shrove", "whit", "low", "giving", "mad", "fat", "plough", "clean", "great", "red", "white", "orange", "green", "manic", "freaky", "casual", "spy", "silent"} {
		x.dayNames[w] = true
	}
	x.ordAdj = map[string]bool{"consecutive": true, "straight": true, "successive": true, "time": true, "round": true, "term": true, "largest": true, "biggest": true, "half": true, "quarter": true, "place": true, "world": true, "day": true, "week": true, "year": true, "month": true}
	x.pool.New = func() any { b := make([]tok, 0, 1024); return &b }
	x.cpool.New = func() any { b := make([]cand, 0, 64); return &b }
	x.zones = map[string]*time.Location{}
	for _, name := range []string{"America/New_York", "America/Los_Angeles", "America/Chicago"} {
		if loc, err := time.LoadLocation(name); err == nil {
			x.zones[name] = loc
		}
	}
	return x
}

// Extract returns every temporal expression in a.Body, in body order, each
// resolved against a's publication day in a's zone. Expressions in page
// furniture are returned with Furniture set.
func (x *Extractor) Extract(a *Article) []Mention {
	if a == nil || a.Body == "" {
		return nil
	}
	body := a.Body
	bp := x.pool.Get().(*[]tok)
	if need := len(body)/3 + 16; cap(*bp) < need {
		// about one token per 4–5 bytes of news text: size once, never grow
		*bp = make([]tok, 0, need)
	}
	toks := x.lx.tokenize(body, *bp)
	defer func() { *bp = toks[:0]; x.pool.Put(bp) }()

	cp := x.cpool.Get().(*[]cand)
	cands := x.scan(body, toks, (*cp)[:0])
	defer func() { *cp = cands[:0]; x.cpool.Put(cp) }()
	if len(cands) == 0 {
		return nil
	}
	segs := Segments(body)
	r := resolver{loc: a.loc(), undated: a.Undated || x.opts.NoResolve}
	if !r.undated {
		r.anchor = a.PubDay().Start
	}
	out := make([]Mention, 0, len(cands))
	si := 0
	for _, c := range cands {
		s, e := int(toks[c.a].s), int(toks[c.b-1].e)
		for si < len(segs) && segs[si].End <= s {
			si++
		}
		var seg Segment
		if si < len(segs) && segs[si].Start <= s {
			seg = segs[si]
		} else {
			seg = Segment{Span: Span{s, e}}
		}
		sa := sort.Search(len(toks), func(k int) bool { return int(toks[k].s) >= seg.Start })
		sb := sort.Search(len(toks), func(k int) bool { return int(toks[k].s) >= seg.End })
		if sb < c.b {
			sb = c.b
		}
		if sa > c.a {
			sa = c.a
		}
		tense, signal := TenseUnknown, ""
		if c.sp.kind == KindDate || c.sp.kind == KindTime {
			tense, signal = x.tenseAt(body, toks, sa, sb, c.a, c.b)
		}
		v := r.resolve(&c.sp, tense)
		m := Mention{
			Text:      body[s:e],
			Span:      Span{s, e},
			Sentence:  seg.Span,
			Value:     v,
			Tense:     tense,
			Signal:    signal,
			Rule:      c.sp.rule,
			Furniture: seg.Furniture,
		}
		out = append(out, m)
		// the reference date for anaphoric expressions ("the day before",
		// "two days later"): the last date placed on the calendar
		if !v.When.IsZero() && (v.Kind == KindDate || v.Kind == KindTime) && !seg.Furniture {
			ref := v.When
			if ref.Gran < GranDay {
				ref = r.unitInterval(ref.Start, GranDay)
			}
			if ref.Gran <= GranYear && !afterSince(body, toks, c.a) {
				r.ref = ref
				if ref.Gran == GranDay {
					r.refDay = ref
				}
			}
		}
	}
	x.attachClocks(body, cands, out, &r)
	return out
}

// attachClocks puts a clock time on the day written next to it ("5 p.m.
// EDT Friday", "on Tuesday at 14:30") instead of the publication day.
func (x *Extractor) attachClocks(body string, cands []cand, out []Mention, r *resolver) {
	if r.undated {
		return
	}
	for k := range out {
		if cands[k].sp.op != opClock {
			continue
		}
		var day Interval
		if k+1 < len(out) && out[k+1].When.Gran == GranDay && smallGap(body[out[k].Span.End:out[k+1].Span.Start]) {
			day = out[k+1].When
		} else if k > 0 && out[k-1].When.Gran == GranDay && smallGap(body[out[k-1].Span.End:out[k].Span.Start]) {
			day = out[k-1].When
		}
		if day.IsZero() {
			continue
		}
		anchor := r.anchor
		r.anchor = day.Start
		v := r.resolve(&cands[k].sp, out[k].Tense)
		r.anchor = anchor
		out[k].Value = v
	}
}

// smallGap reports whether the text between two expressions only joins
// them: spaces, a comma, "on", "at", "by".
func smallGap(s string) bool {
	s = strings.TrimSpace(strings.Trim(strings.TrimSpace(s), ","))
	switch strings.ToLower(s) {
	case "", "on", "at", "by", "of":
		return true
	}
	return false
}

// scan runs the rules around every trigger token, left to right; a match
// consumes its tokens.
func (x *Extractor) scan(body string, toks []tok, out []cand) []cand {
	m := matcher{x: x, body: body, t: toks}
	for i := 0; i < len(toks); i++ {
		if toks[i].cls&clsTrigger == 0 {
			continue
		}
		c, ok := m.match(i)
		if !ok || c.b <= i || c.a < m.lo || c.b > len(toks) {
			continue
		}
		out = append(out, c)
		m.lo = c.b
		i = c.b - 1
	}
	return out
}

// afterSince reports whether the expression at token a follows "since"
// (a bound of a comparison, not the time the narrative moves to).
func afterSince(body string, toks []tok, a int) bool {
	return a > 0 && toks[a-1].k == tkWord && strings.EqualFold(body[toks[a-1].s:toks[a-1].e], "since")
}
