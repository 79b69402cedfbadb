package parse

import (
	"maps"
	"slices"
	"strings"
	"testing"
)

// TestSegmentLexicon checks that the tagger's segmentation, which takes
// the furniture trigger id of each word from its lexicon entry instead of
// looking the word up again, gives exactly what Segments gives from the
// bytes.
func TestSegmentLexicon(t *testing.T) {
	eachText(t, segmentTexts(t), checkSegmentLex)
}

// eachText runs check on each of texts, in name order, as a subtest, with
// one lexicon and scratch shared by all.
func eachText(t *testing.T, texts map[string]string, check func(t *testing.T, lx *lexicon, sc *segScratch, body string)) {
	lx := newLexicon()
	var sc segScratch
	for _, name := range slices.Sorted(maps.Keys(texts)) {
		t.Run(name, func(t *testing.T) {
			check(t, lx, &sc, texts[name])
		})
	}
}

// FuzzSegmentLexicon checks the same on any input.
func FuzzSegmentLexicon(f *testing.F) {
	for _, s := range segmentTexts(f) {
		f.Add(s)
	}
	lx := newLexicon()
	f.Fuzz(func(t *testing.T, body string) {
		var sc segScratch
		checkSegmentLex(t, lx, &sc, body)
	})
}

func checkSegmentLex(t *testing.T, lx *lexicon, sc *segScratch, body string) {
	t.Helper()
	want := Segments(body)
	stops := []int32{}
	toks := lx.tokenizeStops(body, 0, len(body), nil, &stops)
	if got := lx.tokenize(body, nil); !slices.Equal(got, toks) {
		t.Fatalf("tokenizeStops gives other tokens than tokenize for %q", body)
	}
	// the stops are every line feed, '.', '!', '?' and "…", in order
	var wantStops []int32
	for i := 0; i < len(body); i++ {
		if c := body[i]; c == '\n' || c == '.' || c == '!' || c == '?' || strings.HasPrefix(body[i:], "…") {
			wantStops = append(wantStops, int32(i))
		}
	}
	if !slices.Equal(stops, wantStops) && (len(stops) > 0 || len(wantStops) > 0) {
		t.Fatalf("stops of %q: %v, want %v", body, stops, wantStops)
	}
	// every ASCII word token carries the trigger id the byte scan finds
	for _, tk := range toks {
		if tk.k != tkWord || tk.hi || tk.e-tk.s >= 16 {
			continue
		}
		if got, want := lx.ents[tk.id].fw, wordID(body[tk.s:tk.e]); got != want {
			t.Fatalf("token %q: trigger %d, want %d", body[tk.s:tk.e], got, want)
		}
	}
	got := segmentLex(body, toks, lx.fws, stops, sc)
	if !slices.Equal(got, want) {
		t.Fatalf("segments with trigger words from the lexicon differ for %q:\n got %v\nwant %v", body, got, want)
	}
}

// TestSegmentLexiconPlain checks segmentLex on texts built to reach the
// plain-segment shortcut: long sentences with no anchor word, in and out
// of quotation marks, addressed to the reader ("we", "you", "our") at the
// end of a page, where the page's tail rule reads their addresses, and
// next to calls to action and credits.
func TestSegmentLexiconPlain(t *testing.T) {
	long := "The committee met with the minister on the budget and the new rules for the year ahead of us all."
	texts := map[string]string{
		"tail-addr": "News text comes first and it is long enough to be a paragraph of its own here.\n\n" +
			long + " \"We think you and our readers will see it,\" she said to us. " + long + " We hope you like our work and we thank you.\n\n" +
			"Subscribe to our newsletter\n\nRead more",
		"quotes-curly": "Intro line of the story that goes on for a while without stopping at all.\n\n" +
			"\u201c" + long + " We told you so.\u201d Then we said that you and our team would not be with us. " + long + "\n\nShare this\nFollow us\nDonate now",
		"quotes-open":  "\"" + long + " We and you and our friends went on with the work for the next days.\n\nWe hope you like it. Our team thanks you. Sign up now",
		"credit-plain": long + "\n\nJohn Smith and Jane Doe / Reuters and Associated Press Photo\n\n" + long,
		"getty":        long + "\n\nA man walks past the burned out shop in the old town, Getty Images",
		"copyright":    long + " \u00a9 All the words in this sentence are plain ones with no anchors.",
		"labels":       "Published\n3 December 2025, 8:40am\n\n" + long + "\nUpdated 4 December 2025",
		"menus":        "Home\nNews\nSport\nWeather\n\n" + long + "\n\n" + long,
	}
	lx := newLexicon()
	var sc segScratch
	for name, body := range texts {
		t.Run(name, func(t *testing.T) {
			checkSegmentLex(t, lx, &sc, body)
		})
	}
}

// TestQuoteState checks quoteState against the word scan's handling of
// quotation marks.
func TestQuoteState(t *testing.T) {
	for _, text := range []string{"", "a \"b\" c", "\"open", "\u201copen", "close\u201d", "\u201ca\u201d \"b", "x\xe2\x80", "\xe2\x80\x9c", "a \xe2\x80\x94 b \"", "\u201c\u201d\u201c"} {
		for _, in := range []bool{false, true} {
			var f feat
			want := in
			scanSegment(text, &f, &want)
			if got := quoteState(text, in); got != want {
				t.Errorf("quoteState(%q, %v) = %v, want %v", text, in, got, want)
			}
		}
	}
}

// TestPlainSegmentQuotes checks the quotation-mark state plainSegment
// reads from the tokens against quoteState's reading of the bytes, on
// every plain segment of the test texts and on sentences built around
// quotation marks, dashes and broken UTF-8.
func TestPlainSegmentQuotes(t *testing.T) {
	texts := segmentTexts(t)
	long := "the committee met with the minister on the budget and the new rules for the year"
	for i, q := range []string{"\"", "\u201c", "\u201d", "\u201c\u201d\u201c", "\u2014", "\xe2\x80", "\xe2\x80\x9c\"", "\u2018x\u2019"} {
		texts["built/"+string(rune('a'+i))] = "He said " + q + long + q + " and " + long + ".\n\n" + q + long + " went on " + long + "."
	}
	lx := newLexicon()
	for _, name := range slices.Sorted(maps.Keys(texts)) {
		body := texts[name]
		toks := lx.tokenize(body, nil)
		segs := Segments(body)
		k, plains := 0, 0
		for _, sg := range segs {
			next := k
			for _, in := range []bool{false, true} {
				n, plain, q := plainSegment(body, sg.Start, sg.End, toks, k, in)
				if !plain {
					continue
				}
				plains++
				if want := quoteState(body[sg.Start:sg.End], in); q != want {
					t.Errorf("%s: segment %q from %v: quote state %v, want %v", name, body[sg.Start:sg.End], in, q, want)
				}
				if strings.IndexByte(body[sg.Start:sg.End], 0xC2) >= 0 {
					t.Errorf("%s: segment %q with a 0xC2 byte is plain", name, body[sg.Start:sg.End])
				}
				next = n
			}
			k = next
		}
		if strings.HasPrefix(name, "built/") && plains == 0 {
			t.Errorf("%s: no plain segment", name)
		}
	}
}

// quoteState returns the state of quotation marks after text, in when
// it starts inside quotes: what the word scan's scanMark leaves. It is
// the reference for the state plainSegment reads from the tokens.
func quoteState(text string, in bool) bool {
	for i := 0; i < len(text); {
		q := strings.IndexByte(text[i:], '"')
		c := strings.IndexByte(text[i:], 0xE2)
		switch {
		case q < 0 && c < 0:
			return in
		case c < 0 || (q >= 0 && q < c):
			in = !in
			i += q + 1
		default:
			i += c
			if i+2 < len(text) && text[i+1] == 0x80 {
				switch text[i+2] {
				case 0x9C:
					in = true
				case 0x9D:
					in = false
				}
			}
			i++
		}
	}
	return in
}
