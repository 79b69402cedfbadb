package parse

import (
	"strings"
	"time"
)

// carryDay puts a bare clock time on the day of the sentence right before
// it when the clock's sentence goes on with the same future event:
// "Skyforge will launch the rocket on Sunday. The launch window opens at
// 11:00 a.m." It is conservative: the clock's sentence holds no date of
// its own (clock times and durations only) and is not past or present
// tense; the sentence before comes right before it, in the same paragraph
// or the one before (news runs one sentence a paragraph), and holds
// exactly one future date, of a single day, and no other future or
// clock expression ("will launch on Sunday, the company said Thursday");
// and the two sentences share a content word or the clock's sentence
// opens with a pronoun ("It", "They").
func (x *Extractor) carryDay(body string, cands clockSpecs, out []Mention, r *resolver) {
	for k := range out {
		sp := cands.at(k)
		if sp == nil || out[k].Furniture || out[k].Tense == TensePast || out[k].Tense == TensePresent {
			continue
		}
		if !writtenDay(body, out, k).IsZero() || !x.sameInstant(body, cands, out, k, r).IsZero() {
			continue
		}
		sent := out[k].Sentence
		// the clock's sentence: clock times only
		lo, hi := k, k+1
		for lo > 0 && out[lo-1].Sentence == sent {
			lo--
		}
		for hi < len(out) && out[hi].Sentence == sent {
			hi++
		}
		only := true
		for j := lo; j < hi; j++ {
			if cands.at(j) == nil && out[j].Kind != KindDuration {
				only = false
			}
		}
		if !only || lo == 0 {
			continue
		}
		// the sentence before: right before it, at most a paragraph
		// break between them
		ps := out[lo-1].Sentence
		if out[lo-1].Furniture || ps.End > sent.Start {
			continue
		}
		gap := body[ps.End:sent.Start]
		if strings.TrimSpace(gap) != "" || strings.Count(gap, "\n") > 2 {
			continue
		}
		// one future date of one day; other dates past (the attribution)
		var day Interval
		n := 0
		for j := lo - 1; j >= 0 && out[j].Sentence == ps; j-- {
			p := out[j]
			if cands.at(j) != nil || p.Kind == KindTime {
				n = 2
				break
			}
			if p.Kind != KindDate || p.Tense != TenseFuture {
				continue
			}
			n++
			day = p.When
		}
		if n != 1 || day.Gran != GranDay || day.IsZero() {
			continue
		}
		if !sameTopic(body[ps.Start:ps.End], body[sent.Start:sent.End]) {
			continue
		}
		anchor, pub := r.anchor, r.pub
		r.anchor, r.pub = day.Start, time.Time{}
		for j := lo; j < hi; j++ {
			if s := cands.at(j); s != nil && writtenDay(body, out, j).IsZero() {
				out[j].Value = r.resolve(s, out[j].Tense)
			}
		}
		r.anchor, r.pub = anchor, pub
	}
}

// sameTopic reports whether sentence b goes on from sentence a: it opens
// with a pronoun, or the two share a content word of five letters or more
// (by its first five letters: "launch" meets "launches").
func sameTopic(a, b string) bool {
	first, _, _ := strings.Cut(b, " ")
	switch strings.ToLower(first) {
	case "it", "they", "it's", "they'll", "it'll", "it’s", "they’ll", "it’ll":
		return true
	}
	stems := map[string]bool{}
	for _, w := range strings.FieldsFunc(strings.ToLower(a), notLetter) {
		if len(w) >= 5 && !stopStem(w) {
			stems[w[:5]] = true
		}
	}
	for _, w := range strings.FieldsFunc(strings.ToLower(b), notLetter) {
		if len(w) >= 5 && !stopStem(w) && stems[w[:5]] {
			return true
		}
	}
	return false
}

func notLetter(c rune) bool { return c < 'a' || c > 'z' }

// stopStem reports whether w is too common to tie two sentences together.
func stopStem(w string) bool {
	switch w {
	case "about", "after", "again", "before", "being", "could", "local", "their", "there", "these", "those", "which", "while", "would", "should", "where", "other", "under", "until", "since", "still", "sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "today", "tomorrow", "official", "officials", "said", "says", "time", "times":
		return true
	}
	return false
}
