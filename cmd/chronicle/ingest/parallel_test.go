package ingest

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"strings"
	"testing"
	"time"

	"chronicle/parse"
)

// failingReader returns its data, then err.
type failingReader struct {
	data string
	err  error
}

func (r *failingReader) Read(p []byte) (int, error) {
	if r.data == "" {
		return 0, r.err
	}
	n := copy(p, r.data)
	r.data = r.data[n:]
	return n, nil
}

// summary is what a test compares of an item: everything the input
// checks and the taggers read.
func summary(it Item) string {
	a := it.Article
	var probs []string
	for _, e := range append([]error{it.Err}, it.Warnings...) {
		if e != nil {
			probs = append(probs, e.Error())
		}
	}
	return fmt.Sprintf("%s|%s|%s|%s|%s|%v|%v|%v|%v|%d:%d|%q|%q", a.Source, a.Outlet, a.Title, a.URL, a.Published.Format(time.RFC3339Nano),
		a.DateOnly, a.Undated, a.Loc, it.PubAt.File, it.PubAt.Pos.Line, it.PubAt.Pos.Col, a.Body, probs)
}

// TestJSONLMap checks that the parallel reader yields exactly JSONL's
// items, in order, for any number of workers: good and bad lines, blank
// lines, CRLF, lines longer than the read buffer, many batches, a read
// error and a last line without a newline.
func TestJSONLMap(t *testing.T) {
	feed, err := os.ReadFile(filepath.Join("..", "..", "..", "testdata", "jsonl", "feed.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	good := `{"outlet":"A","published":"2025-12-03","timezone":"Europe/Berlin","text":"Talks ended on Tuesday."}`
	var many strings.Builder
	for i := range 1000 {
		switch i % 7 {
		case 3:
			fmt.Fprintf(&many, "{\"outlet\":\"B\",\"timezone\":\"Asia/Tokyo\",\"published\":\"2025-12-%02d\",\"text\":%q}\r\n", i%28+1, strings.Repeat("Fighting went on. ", i%50+1))
		case 5:
			many.WriteString("\n  \n{\"text\":1}\n")
		default:
			fmt.Fprintf(&many, "{\"outlet\":\"A%d\",\"published\":\"2025-11-%02d\",\"text\":%q}\n", i, i%30+1, strings.Repeat("On Monday. ", i%9+1))
		}
	}
	long := `{"published":"2025-12-03","text":"` + strings.Repeat("The vote was held on Sunday. ", 20000) + `"}`
	tests := []struct {
		name string
		feed func() io.Reader
		opts Options
	}{
		{"feed.jsonl", func() io.Reader { return strings.NewReader(string(feed)) }, Options{}},
		{"many batches", func() io.Reader { return strings.NewReader(many.String()) }, Options{}},
		{"defaults and override", func() io.Reader { return strings.NewReader(many.String()) }, Options{
			Defaults: parse.ReadOptions{Outlet: "Default", Loc: time.UTC},
			Override: &Meta{Timezone: "America/Chicago", At: map[string]Ref{"timezone": {File: "m.csv", Pos: parse.Pos{Line: 2, Col: 3}}}},
		}},
		{"long lines", func() io.Reader {
			return strings.NewReader(good + "\n" + long + "\n" + good + "\n" + long + "\n" + long + "\n" + good)
		}, Options{}},
		{"empty", func() io.Reader { return strings.NewReader("") }, Options{}},
		{"blank", func() io.Reader { return strings.NewReader("\n \r\n\t\n") }, Options{}},
		{"read error", func() io.Reader {
			return &failingReader{data: good + "\n" + good + "\n{\"te", err: errors.New("disk on fire")}
		}, Options{}},
		{"read error at once", func() io.Reader { return &failingReader{err: errors.New("disk on fire")} }, Options{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var want []string
			for it := range JSONL("f.jsonl", tt.feed(), tt.opts) {
				want = append(want, summary(it))
			}
			for _, workers := range []int{1, 2, 3, 8} {
				var got []string
				for s := range JSONLMap("f.jsonl", tt.feed(), tt.opts, workers, summary) {
					got = append(got, s)
				}
				if !reflect.DeepEqual(got, want) {
					t.Fatalf("workers=%d: %d items, JSONL %d; first difference:\n%s", workers, len(got), len(want), firstDiff(got, want))
				}
			}
		})
	}
}

func firstDiff(got, want []string) string {
	for i := range max(len(got), len(want)) {
		var g, w string
		if i < len(got) {
			g = got[i]
		}
		if i < len(want) {
			w = want[i]
		}
		if g != w {
			return fmt.Sprintf("item %d:\n got  %.300s\n want %.300s", i, g, w)
		}
	}
	return "none"
}

// TestJSONLMapStreams checks that the parallel reader reads a bounded
// amount ahead of its consumer and that stopping early stops the reading
// and leaves no decoding goroutine behind.
func TestJSONLMapStreams(t *testing.T) {
	line := `{"outlet":"A","published":"2025-12-03","timezone":"UTC","text":"` + strings.Repeat("The talks ended on Tuesday without a deal. ", 24) + `"}` + "\n"
	n := 50 << 20 / len(line)
	const workers = 4
	// The reader is at most a buffer and every batch ahead: a batch holds
	// at most batchLines lines or batchBytes bytes and a line.
	ahead := int64(64<<10 + (workers*batchesPerWorker+1)*(min(batchLines*len(line), batchBytes+len(line))))
	before := runtime.NumGoroutine()
	r := &countingReader{r: io.LimitReader(repeatReader(line), int64(n*len(line)))}
	count := 0
	for it := range JSONLMap("big.jsonl", r, Options{}, workers, func(it Item) Item { return it }) {
		if it.Err != nil {
			t.Fatal(it.Err)
		}
		count++
		if count == 1 && r.load() > ahead {
			t.Fatalf("read %d bytes before the first article: the feed is not streamed", r.load())
		}
		if count == 1000 {
			break
		}
	}
	if max := int64(1000*len(line)) + ahead; r.load() > max {
		t.Errorf("read %d bytes for 1000 articles of %d bytes (at most %d)", r.load(), len(line), max)
	}
	read := r.load()
	deadline := time.Now().Add(5 * time.Second)
	for runtime.NumGoroutine() > before && time.Now().Before(deadline) {
		time.Sleep(time.Millisecond) // the reading goroutine returns on its own
	}
	if after := runtime.NumGoroutine(); after > before {
		t.Errorf("%d goroutines after stopping, %d before", after, before)
	}
	if r.load() > read+64<<10 { // a read under way when it stopped
		t.Errorf("read on after the consumer stopped: %d bytes, then %d", read, r.load())
	}
}
