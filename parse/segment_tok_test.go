package parse

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// segmentTexts returns texts that exercise the furniture word scan: the
// seeds, the dev texts, the golden inputs and hand-made edge cases.
func segmentTexts(tb testing.TB) map[string]string {
	tb.Helper()
	texts := map[string]string{
		"unicode-words":  "Naïve café owners / AFP\n\nÉcole: “Subscribe to our newsletter” today.",
		"numbers":        "Read 5 min read. 3.5,000 apps: 2024.\n\n10 mins read",
		"quotes":         "\"We need your help,\" she said. “You and us” — your inbox.\nSign in",
		"straddle-bytes": "a\xe2\x80\n\xc2\xa9 2024 \xe2\x80\x9cUS\xe2\x80\x9d\xc2",
		"nbsp":           "Published\u00a0\n3 December 2025, 8:40am\u2009ET\u3000Share",
		"credit":         "Andrew Caballero-Reynolds / AFP\n\nPhoto: Getty Images",
		"letters-digits": "Q3 5pm 4.20pm ªb µs ℕx US us",
	}
	for k, v := range seedBodies(tb) {
		texts["seed/"+k] = v
	}
	for _, d := range loadDevDocs(tb) {
		texts["dev/"+d.ID] = d.Text
	}
	files, _ := filepath.Glob("testdata/*.txt")
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			tb.Fatal(err)
		}
		texts["testdata/"+filepath.Base(f)] = string(b)
	}
	return texts
}

// TestSegmentTokens checks that the tagger's segmentation, which reads the
// tokenizer's tokens for the furniture word scan, gives exactly what
// Segments gives from the bytes.
func TestSegmentTokens(t *testing.T) {
	eachText(t, segmentTexts(t), func(t *testing.T, lx *lexicon, sc *segScratch, body string) {
		want := Segments(body)
		got := segment(body, lx.tokenize(body, nil), sc)
		if !slices.Equal(got, want) {
			t.Errorf("segments from tokens differ:\n got %v\nwant %v", got, want)
		}
		checkFeats(t, body, lx.tokenize(body, nil), want)
	})
}

// FuzzSegmentTokens checks the same on any input.
func FuzzSegmentTokens(f *testing.F) {
	for _, s := range segmentTexts(f) {
		f.Add(s)
	}
	lx := newLexicon()
	f.Fuzz(func(t *testing.T, body string) {
		var sc segScratch
		want := Segments(body)
		got := segment(body, lx.tokenize(body, nil), &sc)
		if !slices.Equal(got, want) {
			t.Fatalf("segments from tokens differ for %q:\n got %v\nwant %v", body, got, want)
		}
		checkFeats(t, body, lx.tokenize(body, nil), want)
	})
}

// checkFeats compares, segment by segment, what the word scan learns from
// the bytes and from the tokens (quotation state carried along).
func checkFeats(t *testing.T, body string, toks []tok, segs []Segment) {
	t.Helper()
	qb, qt := false, false
	k := 0
	for i, sg := range segs {
		if i > 0 && sg.Para != segs[i-1].Para {
			qb, qt = false, false
		}
		var fb, ft feat
		scanSegment(body[sg.Start:sg.End], &fb, &qb)
		k = scanSegmentToks(body, sg.Start, sg.End, toks, k, &ft, &qt)
		if fb != ft || qb != qt {
			t.Fatalf("segment %d %q: bytes %+v (quote %v), tokens %+v (quote %v)", i, body[sg.Start:sg.End], fb, qb, ft, qt)
		}
	}
}
