package parse

import (
	"fmt"
	"strings"
	"testing"
)

// TestWordSlots checks the perfect hash table of the trigger words: every
// word finds itself, and no two share a slot. When the list changes, the
// failure prints the wordSlot table to paste into furniture_words.go.
func TestWordSlots(t *testing.T) {
	slots := map[int]int{}
	collide := false
	for i, e := range triggerWords[1:] {
		h := wordHash(e.w)
		if j, ok := slots[h]; ok {
			t.Errorf("%q and %q share slot %d: pick new multipliers in wordHash", e.w, triggerWords[j].w, h)
			collide = true
		}
		slots[h] = i + 1
		if e.w != strings.ToLower(e.w) {
			t.Errorf("trigger word %q is not lower case", e.w)
		}
	}
	if collide {
		return
	}
	bad := false
	for h, i := range slots {
		if int(wordSlot[h]) != i {
			bad = true
		}
	}
	for _, e := range triggerWords[1:] {
		if wordID(e.w) != e.id || wordID(strings.ToUpper(e.w)) != e.id {
			bad = true
		}
		if triggerLens[pairIndex(e.w, 0, len(e.w))]&(1<<len(e.w)) == 0 {
			t.Errorf("triggerLens lacks %q", e.w)
		}
	}
	if bad {
		var b strings.Builder
		for h := range wordSlot {
			if i, ok := slots[h]; ok {
				fmt.Fprintf(&b, "%d: %d, ", h, i)
			}
		}
		t.Errorf("wordSlot is stale; replace its entries with:\n%s", b.String())
	}
	for _, w := range []string{"said", "the", "Tuesday", "apps2", "x"} {
		if id := wordID(w); id != wNone && strings.ToLower(w) != triggerWords[wordSlot[wordHash(w)]].w {
			t.Errorf("wordID(%q) = %d", w, id)
		}
	}
}

// TestPhrasesHaveAnchors checks that every phrase holds a word that is not
// a function word, so the anchor gate in feat.match never hides it.
func TestPhrasesHaveAnchors(t *testing.T) {
	for i, p := range phraseTable {
		if p.w[0] == wAny {
			t.Errorf("phrase %d starts with a wildcard", i)
		}
		ok := false
		for _, w := range p.w[:p.n] {
			if w != wAny && !functionWord(w) {
				ok = true
			}
		}
		if !ok {
			t.Errorf("phrase %d %v has only function words", i, p.w[:p.n])
		}
	}
}
