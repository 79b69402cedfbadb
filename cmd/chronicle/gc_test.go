package main

import (
	"runtime"
	"runtime/debug"
	"testing"

	"github.com/urfave/cli/v2"
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

// TestCapProcessors checks that a command run with --workers N uses at
// most N processors while it runs, and puts GOMAXPROCS back after; without
// the flag, or with more workers than processors, GOMAXPROCS is left alone.
func TestCapProcessors(t *testing.T) {
	prev := runtime.GOMAXPROCS(4)
	defer runtime.GOMAXPROCS(prev)
	tests := []struct {
		args   []string
		during int
	}{
		{[]string{"--workers", "1"}, 1},
		{[]string{"--workers", "3"}, 3},
		{[]string{"--workers", "9"}, 4},
		{nil, 4},
	}
	for _, tt := range tests {
		var during int
		cmd := &cli.Command{
			Name:   "probe",
			Flags:  buildFlags(),
			Action: func(*cli.Context) error { during = runtime.GOMAXPROCS(0); return nil },
		}
		capProcessors(cmd)
		app := &cli.App{Commands: []*cli.Command{cmd}}
		if err := app.Run(append([]string{"chronicle", "probe"}, tt.args...)); err != nil {
			t.Fatal(err)
		}
		if during != tt.during {
			t.Errorf("%v: GOMAXPROCS %d while the command ran, want %d", tt.args, during, tt.during)
		}
		if got := runtime.GOMAXPROCS(0); got != 4 {
			t.Errorf("%v: GOMAXPROCS %d after, want 4", tt.args, got)
		}
	}
}
