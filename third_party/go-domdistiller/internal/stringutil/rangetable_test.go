package stringutil

import (
	"testing"
	"unicode"

	"golang.org/x/text/unicode/rangetable"
)

// TestCreateRangeTable checks chronicle's createRangeTable, which builds
// the table from the rune pairs, against upstream's, which gave every rune
// the pairs span to rangetable.New: both hold exactly the same runes.
func TestCreateRangeTable(t *testing.T) {
	upstream := func(pairs []rune) *unicode.RangeTable {
		var runes []rune
		for i := 0; i+1 < len(pairs); i += 2 {
			lo, hi := pairs[i], pairs[i+1]
			if hi < lo {
				lo, hi = hi, lo
			}
			for r := lo; r <= hi; r++ {
				runes = append(runes, r)
			}
		}
		return rangetable.New(runes...)
	}
	tests := []struct {
		name  string
		pairs []rune
	}{
		{"matcher 1", []rune("azAZ09__\u00C0\u1FFF\uAC00\uD7AF")},
		{"matcher 2", []rune("\u3040\uA4CF")},
		{"matcher 3", []rune("azAZ09__\u00C0\u1FFF")},
		{"reversed, overlapping and adjacent pairs", []rune("zaMAnz\u00FF\u0100")},
		{"across the 16-bit boundary", []rune("\uFFF0\U00010010\U0001F600\U0001F64F")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := createRangeTable(append([]rune(nil), tt.pairs...))
			want := upstream(append([]rune(nil), tt.pairs...))
			for r := rune(0); r <= unicode.MaxRune; r++ {
				if unicode.Is(got, r) != unicode.Is(want, r) {
					t.Fatalf("rune %U: in the table %v, upstream %v", r, unicode.Is(got, r), unicode.Is(want, r))
				}
			}
		})
	}
	if createRangeTable([]rune("abc")) != nil {
		t.Errorf("an odd number of runes gives a table")
	}
}
