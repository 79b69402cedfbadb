package timeline

import (
	"context"
	"slices"
	"strings"
	"time"

	"chronicle/parse"
)

// CorefMention is one event mention to be grouped across articles: the
// event word(s) at Span in an article's text, and the article's
// publication date. It is the input of [CorefClusters], which measures
// chronicle's merging against cross-document coreference gold.
type CorefMention struct {
	Doc       string     // article ID
	Text      string     // the article's text (shared by its mentions)
	Span      parse.Span // byte offsets of the event word(s) in Text
	Published time.Time  // the article's publication date (its zone is used)
	// When dates the event when its sentence does (a resolved timex near
	// the event word); zero: the publication day stands in.
	When parse.Interval
}

// CorefClusters groups event mentions with the merging Merge uses: each
// mention becomes an event mention whose predicate is its event word
// (stemmed, mapped to its class) and whose participants are the names of
// its clause, dated by the month its article was published in (the gold
// gives event words, not their dates). It returns a cluster number per
// mention; equal numbers mean one event.
func CorefClusters(ctx context.Context, ms []CorefMention) ([]int, error) {
	tl := &Timeline{}
	docIdx := map[string]int{}
	order := make([]int, len(ms))
	for i := range ms {
		order[i] = i
	}
	// group by document, in document order, as Merge expects
	slices.SortStableFunc(order, func(a, b int) int { return strings.Compare(ms[a].Doc, ms[b].Doc) })
	mentionOf := make([]int, len(ms))
	for _, i := range order {
		cm := ms[i]
		d, ok := docIdx[cm.Doc]
		if !ok {
			d = len(tl.Sources)
			docIdx[cm.Doc] = d
			tl.Sources = append(tl.Sources, Source{Source: cm.Doc, Outlet: cm.Doc, Published: cm.Published, DateOnly: true})
		}
		if cm.Span.Start < 0 || cm.Span.End > len(cm.Text) || cm.Span.Start > cm.Span.End {
			cm.Span = parse.Span{} // an empty event word: it joins nothing by its word
		}
		sent := sentenceBounds(cm.Text, cm.Span)
		p := cm.Published
		day := time.Date(p.Year(), p.Month(), p.Day(), 0, 0, 0, 0, p.Location())
		when := parse.Interval{Start: day, End: day.AddDate(0, 0, 1), Gran: parse.GranDay}
		if !cm.When.IsZero() && cm.When.Gran != parse.GranUnknown {
			when = cm.When
		}
		m := Mention{
			Mention: parse.Mention{
				Text: cm.Text[cm.Span.Start:cm.Span.End], Span: cm.Span, Sentence: sent, Rule: corefRule,
				Value: parse.Value{Kind: parse.KindDate, TIMEX: day.Format("2006-01-02"), When: when},
			},
			Doc:      d,
			Sentence: cm.Text[sent.Start:sent.End],
		}
		mentionOf[i] = len(tl.Mentions)
		tl.Mentions = append(tl.Mentions, m)
	}
	if err := mergeEvents(ctx, tl); err != nil {
		return nil, err
	}
	ids := map[string]int{}
	out := make([]int, len(ms))
	for i := range ms {
		ev := tl.Mentions[mentionOf[i]].Event
		if _, ok := ids[ev]; !ok {
			ids[ev] = len(ids)
		}
		out[i] = ids[ev]
	}
	return out, nil
}

// DateCorefMentions dates each event mention by the nearest date or time
// the tagger resolves in its sentence (against the article's publication
// date, in UTC), as Merge dates the clause around an expression. Mentions
// whose sentence has none keep a zero When. Mentions of one article must
// be adjacent in ms (its text is tagged once per run of mentions).
func DateCorefMentions(tg Tagger, ms []CorefMention) {
	var found []parse.Mention
	for i := range ms {
		cm := &ms[i]
		if i == 0 || cm.Doc != ms[i-1].Doc || cm.Text != ms[i-1].Text {
			a := parse.Article{Source: cm.Doc, Body: cm.Text, Published: cm.Published, DateOnly: true, Loc: time.UTC}
			found = tg.Extract(&a)
		}
		best := -1
		for k, m := range found {
			if m.Furniture || m.When.IsZero() || m.When.Gran == parse.GranUnknown || m.Sentence.Start > cm.Span.Start || m.Sentence.End < cm.Span.End {
				continue
			}
			if best < 0 || absInt(m.Span.Start-cm.Span.Start) < absInt(found[best].Span.Start-cm.Span.Start) {
				best = k
			}
		}
		if best >= 0 {
			cm.When = found[best].When
		}
	}
}

func absInt(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// corefRule marks mentions whose expression is the event word itself.
const corefRule = "coref:event"

// HeadLemmaClusters is the baseline for [CorefClusters]: mentions whose
// event words share a lemma (the stem of the last word) are one event.
func HeadLemmaClusters(ms []CorefMention) []int {
	ids := map[string]int{}
	out := make([]int, len(ms))
	for i, cm := range ms {
		l := HeadLemma(cm.Text[cm.Span.Start:cm.Span.End])
		if _, ok := ids[l]; !ok {
			ids[l] = len(ids)
		}
		out[i] = ids[l]
	}
	return out
}

// HeadLemma returns the lemma chronicle uses for an event word: the
// stem of its last word, irregular forms mapped to their base ("fell" and
// "fallen" → "fall").
func HeadLemma(s string) string {
	f := strings.Fields(s)
	if len(f) == 0 {
		return ""
	}
	return stem(strings.Trim(f[len(f)-1], ".,;:!?\"'()"))
}

// sentenceBounds returns the sentence of text around sp: it ends at a line
// break or at ". ", "? ", "! " after a lower-case letter, a digit or a
// quote.
func sentenceBounds(text string, sp parse.Span) parse.Span {
	isEnd := func(i int) bool {
		if text[i] == '\n' {
			return true
		}
		if (text[i] == '.' || text[i] == '?' || text[i] == '!') && i+1 < len(text) && text[i+1] == ' ' && i > 0 {
			p := text[i-1]
			return p >= 'a' && p <= 'z' || p >= '0' && p <= '9' || p == '"' || p == ')'
		}
		return false
	}
	s := min(max(sp.Start, 0), len(text))
	for s > 0 && !isEnd(s-1) {
		s--
	}
	for s < sp.Start && text[s] == ' ' {
		s++
	}
	e := min(max(sp.End, s), len(text))
	for e < len(text) && !isEnd(e) {
		e++
	}
	if e < len(text) && text[e] != '\n' {
		e++
	}
	return parse.Span{Start: s, End: e}
}

// PRF is precision, recall and F1.
type PRF struct {
	P  float64 `json:"p"`
	R  float64 `json:"r"`
	F1 float64 `json:"f1"`
}

func prf(p, r float64) PRF {
	f := 0.0
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	return PRF{P: p, R: r, F1: f}
}

// CorefScore holds the scores of one clustering against gold chains.
type CorefScore struct {
	Pairwise PRF `json:"pairwise"` // over pairs of mentions in different articles
	B3       PRF `json:"b3"`       // B³ over all mentions
}

// ScoreCoref scores predicted clusters against gold chains. Pairwise
// precision and recall count pairs of mentions from different documents
// (same chain: should merge; different chains: keep apart); B³ averages
// over every mention.
func ScoreCoref(docs, gold []string, pred []int) CorefScore {
	var tp, fp, fn float64
	for i := range gold {
		for j := i + 1; j < len(gold); j++ {
			if docs[i] == docs[j] {
				continue
			}
			same, merged := gold[i] == gold[j], pred[i] == pred[j]
			switch {
			case same && merged:
				tp++
			case merged:
				fp++
			case same:
				fn++
			}
		}
	}
	var sc CorefScore
	p, r := 0.0, 0.0
	if tp+fp > 0 {
		p = tp / (tp + fp)
	}
	if tp+fn > 0 {
		r = tp / (tp + fn)
	}
	sc.Pairwise = prf(p, r)
	// B³
	goldSize, predSize, both := map[string]int{}, map[int]int{}, map[[2]int]int{}
	chainID := map[string]int{}
	for i := range gold {
		if _, ok := chainID[gold[i]]; !ok {
			chainID[gold[i]] = len(chainID)
		}
		goldSize[gold[i]]++
		predSize[pred[i]]++
		both[[2]int{chainID[gold[i]], pred[i]}]++
	}
	var bp, br float64
	for i := range gold {
		n := float64(both[[2]int{chainID[gold[i]], pred[i]}])
		bp += n / float64(predSize[pred[i]])
		br += n / float64(goldSize[gold[i]])
	}
	if len(gold) > 0 {
		sc.B3 = prf(bp/float64(len(gold)), br/float64(len(gold)))
	}
	return sc
}
