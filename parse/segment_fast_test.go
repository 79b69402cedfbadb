package parse

import (
	"testing"
)

// segmentSpansRef splits body as the splitter did before the tagger's
// shortcuts (nextParagraphRef, splitParagraphRef: a line search per line
// and per paragraph, no fast path for the usual ". X"): the reference
// for the sentence and paragraph spans of Segments and segmentLex.
func segmentSpansRef(body string) []Segment {
	var out []Segment
	i, para := 0, 0
	for i < len(body) {
		ps, pe, next := nextParagraphRef(body, i)
		if ps < 0 {
			break
		}
		out = splitParagraphRef(body, ps, pe, para, out)
		para++
		i = next
	}
	return out
}

// nextParagraphRef is nextParagraph as it was.
func nextParagraphRef(body string, i int) (ps, pe, next int) {
	ps = -1
	for i < len(body) {
		e := lineEnd(body, i)
		blank := lineBlank(body, i, e)
		if ps < 0 {
			if !blank {
				ps, pe = i, e
			}
		} else {
			if blank {
				return ps, pe, e + 1
			}
			pe = e
		}
		i = e + 1
	}
	return ps, pe, len(body)
}

// splitParagraphRef is splitParagraph as it was, with the byte search
// for stops.
func splitParagraphRef(body string, ps, pe, para int, out []Segment) []Segment {
	wrap := false
	if lineEnd(body, ps) < pe {
		wrap = wrapped(body, ps, pe)
	}
	emit := func(s, e int) {
		s, e = trimSpan(body, s, e)
		if e > s {
			out = append(out, Segment{Span: Span{s, e}, Para: para})
		}
	}
	s := skipSpace(body, ps, pe)
	j := s
	nf := stopFinder{body: body[:pe], pos: [5]int{-1, -1, -1, -1, -1}}
	for j < pe {
		j = nf.next(j)
		if j >= pe {
			break
		}
		c := body[j]
		switch {
		case c == '\n':
			nx := skipSpace(body, j+1, pe)
			if nx < pe && lineBreakIsBoundary(body, s, j, nx, pe, wrap) {
				emit(s, j)
				s = nx
				j = nx
				continue
			}
			j++
		case c == '.' || c == '!' || c == '?' || (c == 0xE2 && j+2 < pe && body[j+1] == 0x80 && body[j+2] == 0xA6):
			k, single := j, c == '.'
			for k < pe {
				if body[k] == '.' || body[k] == '!' || body[k] == '?' {
					k++
					continue
				}
				if body[k] == 0xE2 && k+2 < pe && body[k+1] == 0x80 && body[k+2] == 0xA6 {
					single = false
					k += 3
					continue
				}
				break
			}
			if k-j > 1 {
				single = false
			}
			for k < pe {
				n := closerAt(body, k)
				if n == 0 {
					break
				}
				k += n
			}
			if k < pe && spaceLen(body, k) == 0 {
				j = k // inside a token: "U.S", "3.5", "4.20pm", "Yahoo!Inc"
				continue
			}
			m := skipSpace(body, k, pe)
			if m >= pe {
				j = pe
				continue
			}
			if splitBefore(body, s, j, m, pe, single) {
				emit(s, k)
				s = m
				j = m
				continue
			}
			j = k
		default:
			j++
		}
	}
	emit(s, pe)
	return out
}

// checkSpans compares the spans and paragraphs of Segments and of
// segmentLex (tokens, trigger ids and stops) with segmentSpansRef.
func checkSpans(t *testing.T, lx *lexicon, sc *segScratch, body string) {
	t.Helper()
	want := segmentSpansRef(body)
	stops := []int32{}
	toks := lx.tokenizeStops(body, 0, len(body), nil, &stops)
	for name, got := range map[string][]Segment{"Segments": Segments(body), "segmentLex": segmentLex(body, toks, lx.fws, stops, sc)} {
		if len(got) != len(want) {
			t.Fatalf("%s of %q: %d segments, want %d", name, body, len(got), len(want))
		}
		for i := range got {
			if got[i].Span != want[i].Span || got[i].Para != want[i].Para {
				t.Fatalf("%s of %q: segment %d %v (para %d), want %v (para %d)", name, body, i, got[i].Span, got[i].Para, want[i].Span, want[i].Para)
			}
		}
	}
}

// TestSegmentSpansRef checks the splitter's fast paths against the
// reference on the test corpora and the adversarial texts.
func TestSegmentSpansRef(t *testing.T) {
	texts := fastTexts(t)
	for _, extra := range []string{
		"End. Next", "End.", "A.\n\nB.", "x. y", "Mr. Smith. He left.", "Wait!  Two spaces. \u00a0Nbsp.", "\"Quote.\" Next.",
		"3.5 and 4. Then U.S. officials. E.g. this.", "Dots... More. ...", "No.  5 is here. Fig.\t3 shows. Jan.  5 it was. Gen.\u00a0Smith.", "a.\r\nb.\r\n\r\nc.", "\n\n\n", " . . ", ".",
	} {
		texts["ref/"+extra] = extra
	}
	eachText(t, texts, checkSpans)
}

// FuzzSegmentSpansRef checks the same on any input.
func FuzzSegmentSpansRef(f *testing.F) {
	for _, s := range fastTexts(f) {
		f.Add(s)
	}
	lx := newLexicon()
	f.Fuzz(func(t *testing.T, body string) {
		var sc segScratch
		checkSpans(t, lx, &sc, body)
	})
}
