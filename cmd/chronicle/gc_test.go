package main

import (
	"runtime/debug"
	"testing"
)

// TestRaiseGC checks that raiseGC sets the collector's target (csv's and
// the streaming commands'), puts the previous one back, and leaves the
// target alone when GOGC is set.
func TestRaiseGC(t *testing.T) {
	tests := []struct {
		name   string
		gogc   string // the GOGC environment variable, "" for unset
		during int    // the target between raiseGC and restore
	}{
		{name: "default", gogc: "", during: spoolGCPercent},
		{name: "GOGC set", gogc: "150", during: 77},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Setenv("GOGC", tt.gogc)
			prev := debug.SetGCPercent(77)
			defer debug.SetGCPercent(prev)
			restore := raiseGC(spoolGCPercent)
			if got := debug.SetGCPercent(-1); got != tt.during {
				t.Errorf("target while spooling = %d, want %d", got, tt.during)
			}
			debug.SetGCPercent(tt.during) // SetGCPercent(-1) turned the collector off
			restore()
			if got := debug.SetGCPercent(55); got != 77 {
				t.Errorf("target after restore = %d, want 77", got)
			}
		})
	}
}
