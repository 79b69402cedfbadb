package ingest

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"io"
	"iter"
	"runtime/pprof"
	"sync"

	"chronicle/parse"
)

// Batches of lines handed from the reader of a feed to its decoders: a
// batch is sent once it holds batchLines lines or batchBytes bytes, and
// at most batchesPerWorker batches per decoder (plus one) are read ahead
// of the consumer.
const (
	batchLines       = 64
	batchBytes       = 64 << 10
	batchesPerWorker = 2
)

// JSONLMap reads a JSON Lines feed as [JSONL] does and yields f of each
// item, in line order, on the caller's goroutine; the records are decoded
// and f is run by a pool of workers goroutines. f must be safe to call
// from several goroutines at once (it may, for instance, hash an
// article's text, so that the caller only looks the hash up).
//
// One goroutine reads the feed and cuts it into batches of whole lines;
// at most a few batches per worker are read ahead of the consumer, so
// memory stays bounded by the batch size and the longest line, not the
// file. The items are exactly those of JSONL, whatever the number of
// workers; with workers <= 1 it is JSONL, with f run on the caller's
// goroutine.
//
// When the consumer stops early the decoders are waited for; the reading
// goroutine returns at the latest when its pending Read does (a read from
// an idle pipe cannot be interrupted), without reading further.
func JSONLMap[T any](name string, r io.Reader, opts Options, workers int, f func(Item) T) iter.Seq[T] {
	if workers <= 1 {
		return func(yield func(T) bool) {
			for it := range JSONL(name, r, opts) {
				if !yield(f(it)) {
					return
				}
			}
		}
	}
	return func(yield func(T) bool) {
		n := workers*batchesPerWorker + 1
		free := make(chan *lineBatch[T], n)
		for range n {
			free <- &lineBatch[T]{ready: make(chan struct{}, 1)} // filled on first use
		}
		// Neither channel ever blocks a send: there are n batches.
		work := make(chan *lineBatch[T], n)
		order := make(chan *lineBatch[T], n)
		stop := make(chan struct{})
		// The labels let a CPU profile tell these goroutines' time from
		// the caller's (go tool pprof -tagfocus ingest=decoder).
		go pprof.Do(context.Background(), pprof.Labels("ingest", "reader"), func(context.Context) {
			readBatches(name, r, free, work, order, stop)
		})
		var wg sync.WaitGroup
		for range workers {
			o := opts
			// One of each per goroutine: neither is safe for concurrent use.
			o.zones = zoneCache{}
			o.arena = &textArena{}
			wg.Go(func() {
				pprof.Do(context.Background(), pprof.Labels("ingest", "decoder"), func(context.Context) {
					for {
						select {
						case <-stop:
							return
						case b, ok := <-work:
							if !ok {
								return
							}
							b.decode(name, o, f)
							b.ready <- struct{}{}
						}
					}
				})
			})
		}
		defer func() {
			close(stop)
			wg.Wait()
		}()
		for b := range order {
			<-b.ready
			for i := range b.out {
				if !yield(b.out[i]) {
					return
				}
			}
			b.reset()
			free <- b
		}
	}
}

// lineBatch is a run of consecutive non-blank lines of a feed, copied out
// of the reader's buffer, and, once decoded, their results.
type lineBatch[T any] struct {
	data  []byte
	lines []batchLine
	fail  *Item // a read error after the lines
	out   []T
	ready chan struct{} // receives once out is filled
}

// batchLine is one line of a batch: data[start:end], line number no,
// starting at byte off of the file.
type batchLine struct{ start, end, no, off int }

func (b *lineBatch[T]) decode(name string, opts Options, f func(Item) T) {
	for _, l := range b.lines {
		b.out = append(b.out, f(jsonlItem(name, l.no, l.off, b.data[l.start:l.end], opts)))
	}
	if b.fail != nil {
		b.out = append(b.out, f(*b.fail))
	}
}

// reset empties the batch for reuse; a buffer grown by a huge line is
// dropped.
func (b *lineBatch[T]) reset() {
	clear(b.out) // the items' texts can be freed
	b.out, b.lines, b.data, b.fail = b.out[:0], b.lines[:0], b.data[:0], nil
	if cap(b.data) > 1<<20 {
		b.data = nil
	}
}

// readBatches reads the feed into batches of lines, hands each to the
// decoders (work) and, in line order, to the consumer (order), and closes
// both at the end of the feed, after a read error, or when stop is
// closed.
func readBatches[T any](name string, r io.Reader, free <-chan *lineBatch[T], work, order chan<- *lineBatch[T], stop <-chan struct{}) {
	defer close(order)
	defer close(work)
	get := func() *lineBatch[T] {
		if stopped(stop) {
			return nil
		}
		select {
		case b := <-free:
			if b.data == nil {
				// A batch ends after the line that fills it.
				b.data = make([]byte, 0, batchBytes+batchBytes/4)
				b.lines = make([]batchLine, 0, batchLines)
				b.out = make([]T, 0, batchLines+1)
			}
			return b
		case <-stop:
			return nil
		}
	}
	send := func(b *lineBatch[T]) {
		work <- b
		order <- b
	}
	b := get()
	if b == nil {
		return
	}
	br := bufio.NewReaderSize(r, 64<<10)
	off := 0 // of the line in the file
	for lineNo := 1; ; lineNo++ {
		start := len(b.data)
		line, err := br.ReadSlice('\n')
		b.data = append(b.data, line...)
		for err == bufio.ErrBufferFull {
			line, err = br.ReadSlice('\n')
			b.data = append(b.data, line...)
		}
		line = b.data[start:]
		if len(bytes.TrimSpace(line)) > 0 {
			b.lines = append(b.lines, batchLine{start: start, end: len(b.data), no: lineNo, off: off})
		} else {
			b.data = b.data[:start]
		}
		off += len(line)
		if err != nil && err != io.EOF {
			b.fail = &Item{Article: parse.Article{Source: name}, Err: &parse.Error{File: name, Pos: parse.Pos{Line: lineNo, Col: 1}, Msg: fmt.Sprintf("read error: %v", err), Hint: "check the file"}}
		}
		if err != nil {
			if len(b.lines) > 0 || b.fail != nil {
				send(b)
			}
			return
		}
		if len(b.lines) >= batchLines || len(b.data) >= batchBytes {
			send(b)
			if b = get(); b == nil {
				return
			}
		} else if stopped(stop) {
			return
		}
	}
}

// stopped reports whether stop is closed.
func stopped(stop <-chan struct{}) bool {
	select {
	case <-stop:
		return true
	default:
		return false
	}
}
