package main

import (
	"os"
	"runtime/debug"
	"runtime/metrics"
	"time"

	"github.com/urfave/cli/v2"

	"chronicle/render"
	"chronicle/timeline"
)

func csvCommand() *cli.Command {
	return &cli.Command{
		Name:      "csv",
		Usage:     "print a CSV of every dated mention, one row each",
		ArgsUsage: "[FILE|DIR|-]...",
		Flags: append(inputFlags(),
			&cli.BoolFlag{Name: "all", Usage: "include page furniture (newsletter, app and donation boilerplate)"},
			&cli.StringFlag{Name: "output", Aliases: []string{"o"}, Usage: "write to `FILE` (atomically) instead of stdout"},
		),
		Action: func(c *cli.Context) error {
			// The rows are written in one pass over the mentions: they
			// wait in a temporary file, not in memory, while the events
			// are merged, and meanwhile the idle processors format all
			// but their event and conflict columns.
			defer limitMemory()()
			defer raiseGC(spoolGCPercent)()
			opts := render.CSVOptions{All: c.Bool("all"), Workers: c.Int("workers")}
			var rows *render.CSVAhead
			defer func() {
				if rows != nil { // the build failed after the mentions were spooled
					rows.Stop()
				}
			}()
			l, finish, err := buildLean(c, func(l *timeline.Lean) { rows = render.StartCSVLean(l, opts) })
			if err != nil {
				return err
			}
			defer l.Close()
			if rows == nil {
				rows = render.StartCSVLean(l, opts)
			}
			defer rows.Stop() // before the file is closed
			if err := writeOutput(c, c.String("output"), rows.Write); err != nil {
				return err
			}
			if err := l.Close(); err != nil {
				return &exitError{code: 1, err: err}
			}
			return finish()
		},
	}
}

// spoolGCPercent is the garbage collector's target (GOGC) while csv
// builds its lean timeline. Tagging and spooling keep little but the
// articles in flight (12 MB of live heap on 10,000 generated articles, 15
// MB on 20,000), so with the default target the collector ran after
// every few megabytes allocated: 148 times and 0.66 s of CPU on 20,000
// articles, 31 times and 0.14 s at 400. The merge that follows holds
// more; there the soft memory limit (csvMemoryLimit), not the target,
// bounds the heap once it nears the limit, as it does on 100,000
// articles, so the higher target only spares collections on smaller
// inputs (10,000 articles: peak RSS 240 MB instead of 175 MB, and the
// serial join, which the collector's assists slowed, about 6% faster
// with two workers). Measured on 10,000 articles: about 10% less CPU
// time, 5 to 8% less wall time with two workers; peak RSS on 100,000
// articles 274–277 MB, as before.
const spoolGCPercent = 400

// csvMemoryLimit is the soft memory limit of the csv command (see
// limitMemory): about what 100,000 articles need, so that the collector
// gives memory back rather than letting the heap double.
const csvMemoryLimit = 240 << 20

// limitMemory sets the Go runtime's soft memory limit to csvMemoryLimit
// for a lean build, unless GOMEMLIMIT is set, and watches the collector:
// when it takes over a quarter of the CPU for two seconds running (a
// larger input that needs more memory), the limit grows by half, so the
// run never crawls. The returned func puts the previous limit back.
func limitMemory() func() {
	if os.Getenv("GOMEMLIMIT") != "" {
		return func() {}
	}
	prev := debug.SetMemoryLimit(csvMemoryLimit)
	done := make(chan struct{})
	stopped := make(chan struct{})
	go func() {
		defer close(stopped)
		limit := int64(csvMemoryLimit)
		// the collector's own work (not what it does on idle CPUs)
		// against the CPU time used
		s := []metrics.Sample{
			{Name: "/cpu/classes/gc/mark/assist:cpu-seconds"},
			{Name: "/cpu/classes/gc/mark/dedicated:cpu-seconds"},
			{Name: "/cpu/classes/gc/pause:cpu-seconds"},
			{Name: "/cpu/classes/total:cpu-seconds"},
			{Name: "/cpu/classes/idle:cpu-seconds"},
		}
		read := func() (gc, used float64) {
			metrics.Read(s)
			return s[0].Value.Float64() + s[1].Value.Float64() + s[2].Value.Float64(), s[3].Value.Float64() - s[4].Value.Float64()
		}
		gc0, all0 := read()
		busy := 0
		t := time.NewTicker(time.Second)
		defer t.Stop()
		for {
			select {
			case <-done:
				return
			case <-t.C:
			}
			gc, all := read()
			if all > all0 && (gc-gc0)/(all-all0) > 0.25 {
				busy++
			} else {
				busy = 0
			}
			gc0, all0 = gc, all
			if busy >= 2 {
				limit += limit / 2
				debug.SetMemoryLimit(limit)
				busy = 0
			}
		}
	}()
	return func() {
		close(done)
		<-stopped
		debug.SetMemoryLimit(prev)
	}
}
