package render

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestShorten(t *testing.T) {
	long := strings.Repeat("Путин сказал, ", 40) // 2-byte letters
	for _, tc := range []struct {
		name, s  string
		a, b     int
		wantExpr string
	}{
		{"short", "They met on Friday.", 12, 18, "Friday"},
		{"long-middle", long + "on Friday" + long, len(long) + 3, len(long) + 9, "Friday"},
		{"long-start", "Friday" + long, 0, 6, "Friday"},
		{"bad-span", "abc", 2, 9, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			out, a, b := shorten(tc.s, tc.a, tc.b)
			if !utf8.ValidString(out) {
				t.Fatalf("shortened text is not UTF-8: %q", out)
			}
			if len(out) > maxSentence+2*len("…")+8 {
				t.Errorf("kept %d bytes", len(out))
			}
			if got := out[a:b]; got != tc.wantExpr {
				t.Errorf("expression %q, want %q", got, tc.wantExpr)
			}
		})
	}
}

func TestLinkable(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"https://example.org/a?b=1", "https://example.org/a?b=1"},
		{" http://example.com ", "http://example.com"},
		{"javascript:alert(1)", ""},
		{"JavaScript:alert(1)", ""},
		{"data:text/html,<script>", ""},
		{"//example.org/x", ""},
		{"/relative", ""},
		{"", ""},
	} {
		t.Run(tc.in, func(t *testing.T) {
			if got := linkable(tc.in); got != tc.want {
				t.Errorf("linkable(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

func TestSlotOffset(t *testing.T) {
	want := []float64{0, -1, 1, -2, 2, -3, 3, 0}
	for slot, w := range want {
		if got := slotOffset(slot); got != w {
			t.Errorf("slotOffset(%d) = %v, want %v", slot, got, w)
		}
	}
}

func TestFirstView(t *testing.T) {
	for _, tc := range []struct {
		name    string
		n       int
		maxDays int64
	}{
		{"fixture", 0, 40},
		{"dense-10k", 10000, 10},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tl := fixture(t, "")
			if tc.n > 0 {
				tl = generated(t, tc.n)
			}
			pm := buildPage(tl, HTMLOptions{})
			v := pm.data.View
			days := (v[1] - v[0]) / 86400000
			if v[0] >= v[1] || days > tc.maxDays {
				t.Errorf("first view %v spans %d days, want at most %d", v, days, tc.maxDays)
			}
			if v[0] < pm.extent[0]-86400000 || v[1] > pm.extent[1]+86400000 {
				t.Errorf("first view %v outside the data %v", v, pm.extent)
			}
		})
	}
}
