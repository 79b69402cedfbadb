package parse

import (
	"path/filepath"
	"reflect"
	"runtime"
	"strings"
	"testing"
	"time"
)

// chunkArticles returns every article the tests know: the dev texts, the
// seeds, the test stories and the holdout clusters.
func chunkArticles(tb testing.TB) []Article {
	tb.Helper()
	arts := benchArticles(tb)
	files, _ := filepath.Glob("../testdata/stories/*/*.txt")
	more, _ := filepath.Glob("../testdata/clusters/*/*.txt")
	return append(arts, readArticleFiles(tb, append(files, more...))...)
}

// bigArticle joins the bodies of arts, blank line between them, until the
// body reaches size bytes.
func bigArticle(arts []Article, size int) Article {
	var b strings.Builder
	for b.Len() < size {
		for _, a := range arts {
			b.WriteString(a.Body)
			b.WriteString("\n\n")
		}
	}
	return Article{Source: "big.txt", Published: time.Date(2025, 12, 3, 10, 0, 0, 0, time.UTC), Body: b.String()}
}

// TestExtractChunked checks that tokenising a body a run of paragraphs at
// a time gives exactly the mentions of the whole-body pass, down to runs
// of one paragraph.
func TestExtractChunked(t *testing.T) {
	arts := chunkArticles(t)
	if len(arts) < 60 {
		t.Fatalf("only %d articles", len(arts))
	}
	x := NewExtractor(Options{})
	big := bigArticle(arts, 1)
	tests := []struct {
		name  string
		arts  []Article
		chunk int
	}{
		{"each paragraph alone", arts, 1},
		{"runs of 300 bytes", arts, 300},
		{"runs of 4 KB", arts, 4 << 10},
		{"all articles in one body, paragraph by paragraph", []Article{big}, 1},
		{"all articles in one body, runs of 64 KB", []Article{big}, 64 << 10},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n := 0
			for i := range tt.arts {
				a := &tt.arts[i]
				want := x.extract(a, len(a.Body), nil)
				got := x.extract(a, tt.chunk, nil)
				n += len(got)
				if reflect.DeepEqual(got, want) {
					continue
				}
				if len(got) != len(want) {
					t.Errorf("%s: %d mentions in runs, %d in one pass", a.Source, len(got), len(want))
					continue
				}
				for k := range got {
					if !reflect.DeepEqual(got[k], want[k]) {
						t.Errorf("%s: mention %d\n got %+v\nwant %+v", a.Source, k, got[k], want[k])
						break
					}
				}
			}
			if n < 200 {
				t.Errorf("only %d mentions: the test reads the corpora wrong", n)
			}
		})
	}
}

// TestExtractMemoryBounded checks that the tagger's memory on one long
// article grows with its mentions and sentences, not with a token slice
// of the whole body (24 bytes a token, one token per 3 bytes reserved: 8
// bytes a body byte): runs allocate less than half of what one pass
// does, and the token buffer kept for the next article fits one run.
func TestExtractMemoryBounded(t *testing.T) {
	arts := chunkArticles(t)
	big := bigArticle(arts, 8<<20)
	var x *Extractor
	// the least of three tries, each with a new Extractor (so no pooled
	// buffer): other goroutines only add to the count
	measure := func(chunk int) (perByte float64, n int) {
		perByte = -1
		for range 3 {
			x = NewExtractor(Options{})
			runtime.GC()
			var m0, m1 runtime.MemStats
			runtime.ReadMemStats(&m0)
			out := x.extract(&big, chunk, nil)
			runtime.ReadMemStats(&m1)
			if b := float64(m1.TotalAlloc-m0.TotalAlloc) / float64(len(big.Body)); perByte < 0 || b < perByte {
				perByte = b
			}
			n = len(out)
		}
		return perByte, n
	}
	whole, nw := measure(len(big.Body))
	runs, nr := measure(chunkBytes)
	t.Logf("%d MB body, %d mentions: %.2f bytes allocated a body byte in one pass, %.2f in runs", len(big.Body)>>20, nr, whole, runs)
	if nw != nr {
		t.Errorf("%d mentions in runs, %d in one pass", nr, nw)
	}
	if runs > whole/2 {
		t.Errorf("runs allocate %.2f bytes a body byte (one pass: %.2f); want at most half of one pass", runs, whole)
	}
	// the token buffer the Extractor keeps is sized for one run, not for
	// the body
	bp := x.pool.Get().(*[]tok)
	defer x.pool.Put(bp)
	if max := (2*chunkBytes)/3 + 16; cap(*bp) > max {
		t.Errorf("token buffer holds %d tokens after a %d-byte body; want at most %d", cap(*bp), len(big.Body), max)
	}
}

// BenchmarkExtractLong tags one 50 MB article (the corpora joined) and
// reports the bytes allocated per body byte and the mentions found.
func BenchmarkExtractLong(b *testing.B) {
	arts := chunkArticles(b)
	big := bigArticle(arts, 50<<20)
	x := NewExtractor(Options{})
	b.SetBytes(int64(len(big.Body)))
	n := 0
	runtime.GC()
	var m0, m1 runtime.MemStats
	runtime.ReadMemStats(&m0)
	for b.Loop() {
		n = len(x.Extract(&big))
	}
	runtime.ReadMemStats(&m1)
	b.ReportMetric(float64(m1.TotalAlloc-m0.TotalAlloc)/float64(b.N)/float64(len(big.Body)), "alloc-B/body-B")
	b.ReportMetric(float64(n), "mentions/op")
}

// TestExtractInto checks that tagging into a reused buffer gives Extract's
// mentions whatever the buffer held before (the previous article's
// mentions, a buffer too small, or one with room), in both the whole-body
// and the run-by-run paths, and that it reuses a buffer with room.
func TestExtractInto(t *testing.T) {
	arts := chunkArticles(t)
	big := bigArticle(arts, 2*chunkBytes)
	x := NewExtractor(Options{})
	tests := []struct {
		name string
		arts []Article
		buf  []Mention
	}{
		{"nil buffer", arts, nil},
		{"small buffer", arts, make([]Mention, 0, 1)},
		{"roomy buffer", arts, make([]Mention, 0, 4096)},
		{"long body in runs", []Article{big, arts[0], big}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			buf, n := tt.buf, 0
			for i := range tt.arts {
				a := &tt.arts[i]
				want := x.Extract(a)
				got := x.ExtractInto(a, buf)
				if got == nil {
					t.Fatalf("%s: nil result", a.Source)
				}
				if len(got) != len(want) {
					t.Fatalf("%s: %d mentions, Extract gives %d", a.Source, len(got), len(want))
				}
				for k := range got {
					if !reflect.DeepEqual(got[k], want[k]) {
						t.Fatalf("%s: mention %d\n got %+v\nwant %+v", a.Source, k, got[k], want[k])
					}
				}
				if cap(buf) >= len(want) && len(want) > 0 && &got[0] != &buf[:1][0] {
					t.Fatalf("%s: a buffer with room for %d mentions was not reused", a.Source, cap(buf))
				}
				n += len(got)
				buf = got[:0]
			}
			if n < 200 {
				t.Errorf("only %d mentions: the test reads the corpora wrong", n)
			}
		})
	}
}
