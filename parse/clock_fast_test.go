package parse

import (
	"fmt"
	"testing"
)

// TestClockFast checks clockFast against olebedev/when's rules
// (whenRule) on every window shape it claims to know: hours of one and
// two digits, minutes 00–99, each a.m./p.m. spelling and case, with and
// without white space before it, and windows it must leave to the rules.
func TestClockFast(t *testing.T) {
	x := NewExtractor(Options{})
	var hours []string
	for h := 0; h < 100; h++ {
		hours = append(hours, fmt.Sprint(h))
		if h < 10 {
			hours = append(hours, fmt.Sprintf("0%d", h))
		}
	}
	var mins []string
	for m := 0; m < 100; m += 7 {
		mins = append(mins, fmt.Sprintf("%02d", m))
	}
	mins = append(mins, "59", "60", "5", "123")
	sufs := []string{"", "am", "pm", "AM", "Pm", "pM", "a.m.", "p.m.", "A.M.", "P.m.", "a.m", "P.M", "xm", "a.x.", "amx", "a"}
	gaps := []string{"", " ", "  ", "\n", "\t", "\v", "\u00a0"}
	known, n := 0, 0
	check := func(win string, minutes bool) {
		t.Helper()
		r := x.whenHour
		if minutes {
			r = x.whenHourMinute
		}
		hh, mi, ok, k := clockFast(win, minutes)
		n++
		if !k {
			return
		}
		known++
		wh, wm, wok := x.whenRule(r, win)
		if ok != wok || ok && (hh != wh || mi != wm) {
			t.Errorf("clockFast(%q, %v) = %d, %d, %v; the rule gives %d, %d, %v", win, minutes, hh, mi, ok, wh, wm, wok)
		}
	}
	for _, h := range hours {
		for _, g := range gaps {
			for _, s := range sufs {
				if s == "" && g != "" {
					continue
				}
				check(h+g+s, false)
				for _, m := range mins {
					check(h+":"+m+g+s, true)
				}
			}
		}
	}
	for _, w := range []string{"", ":", "5", "5:", "5:3", "123:45", "12:34:56", "1-30", "5 p.m. ET", "a5pm"} {
		check(w, true)
		check(w, false)
	}
	for _, w := range []struct {
		win     string
		minutes bool
	}{{"16:08", true}, {"5:30 pm", true}, {"10:30 a.m.", true}, {"9 a.m.", false}, {"11 p.m", false}, {"5pm", false}} {
		if _, _, _, k := clockFast(w.win, w.minutes); !k {
			t.Errorf("clockFast(%q, %v) leaves the window to the rule", w.win, w.minutes)
		}
	}
	if known < n/3 {
		t.Errorf("clockFast knows %d of %d windows", known, n)
	}
}
