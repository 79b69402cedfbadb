package render

import (
	"bytes"
	"encoding/csv"
	"io"
	"runtime"
	"sync"
	"sync/atomic"

	"chronicle/timeline"
)

// CSVLean writes the CSV of a timeline built by [timeline.BuildLean]: the
// bytes [CSV] writes for the timeline [timeline.Build] makes of the same
// input. The mentions are read back in order a batch at a time and
// formatted by opts.Workers goroutines, a chunk each, while the next
// batch is read.
func CSVLean(w io.Writer, l *timeline.Lean, opts CSVOptions) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(CSVColumns); err != nil {
		return err
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return err
	}
	workers := opts.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	batch := workers * csvChunk
	// Two batches in flight: one being formatted and written while the
	// scan reads the next.
	type job struct {
		ms   []timeline.Mention
		done chan error
	}
	jobs := make(chan job, 1)
	free := make(chan []timeline.Mention, 2)
	free <- make([]timeline.Mention, 0, batch)
	free <- make([]timeline.Mention, 0, batch)
	werr := make(chan error, 1)
	var failed atomic.Bool // the writing failed: stop reading
	go func() {
		bufs := make([]bytes.Buffer, workers)
		errs := make([]error, workers)
		var err error
		for j := range jobs {
			if err == nil {
				err = csvBatch(w, &l.Timeline, j.ms, opts.All, bufs, errs)
				failed.Store(err != nil)
			}
			free <- j.ms[:0]
		}
		werr <- err
	}()
	scanErr := l.Scan(batch, func(_ int, ms []timeline.Mention) error {
		if failed.Load() {
			return errStop
		}
		b := <-free
		b = append(b[:0], ms...)
		jobs <- job{ms: b}
		return nil
	})
	close(jobs)
	if err := <-werr; err != nil {
		return err
	}
	if scanErr == errStop {
		return nil // unreachable: the writer's error was returned
	}
	return scanErr
}

// errStop ends a scan early.
var errStop = errStopType{}

type errStopType struct{}

func (errStopType) Error() string { return "stopped" }

// csvBatch formats the rows of ms in chunks of csvChunk mentions on up to
// len(bufs) goroutines and writes them in order.
func csvBatch(w io.Writer, tl *timeline.Timeline, ms []timeline.Mention, all bool, bufs []bytes.Buffer, errs []error) error {
	var wg sync.WaitGroup
	for k := range bufs {
		lo := k * csvChunk
		if lo >= len(ms) {
			break
		}
		hi := min(lo+csvChunk, len(ms))
		bufs[k].Reset()
		wg.Go(func() { errs[k] = csvRows(&bufs[k], tl, ms[lo:hi], all) })
	}
	wg.Wait()
	for k := range bufs {
		if k*csvChunk >= len(ms) {
			break
		}
		if errs[k] != nil {
			return errs[k]
		}
		if _, err := w.Write(bufs[k].Bytes()); err != nil {
			return err
		}
		bufs[k].Reset()
	}
	return nil
}
