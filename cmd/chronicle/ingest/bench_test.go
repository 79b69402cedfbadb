package ingest

import (
	"fmt"
	"io"
	"iter"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// BenchmarkHTML extracts the three saved pages in testdata/html.
func BenchmarkHTML(b *testing.B) {
	var pages [][]byte
	var size int64
	for _, name := range []string{"wire-jsonld.html", "blog-wordpress.htm", "url-date-time.html"} {
		data, err := os.ReadFile(filepath.Join("..", "..", "..", "testdata", "html", name))
		if err != nil {
			b.Fatal(err)
		}
		pages = append(pages, data)
		size += int64(len(data))
	}
	b.SetBytes(size)
	b.ReportAllocs()
	for b.Loop() {
		for _, p := range pages {
			if it := HTML("p.html", p, Options{}); it.Err != nil {
				b.Fatal(it.Err)
			}
		}
	}
	b.ReportMetric(float64(len(pages)*b.N)/b.Elapsed().Seconds(), "pages/s")
}

// benchFeed is a feed of 1000 JSON Lines records of about 1 KB.
func benchFeed() string {
	line := `{"outlet":"A","published":"2025-12-03","timezone":"Europe/Berlin","text":"` + strings.Repeat("The talks ended on Tuesday without a deal. ", 24) + `"}` + "\n"
	return strings.Repeat(line, 1000)
}

// benchDecode runs decode over feed b.N times, checking that it gives
// the feed's 1000 articles without errors, and reports articles/s.
func benchDecode(b *testing.B, feed string, decode func(r io.Reader) iter.Seq[Item]) {
	b.SetBytes(int64(len(feed)))
	b.ReportAllocs()
	for b.Loop() {
		n := 0
		for it := range decode(strings.NewReader(feed)) {
			if it.Err != nil {
				b.Fatal(it.Err)
			}
			n++
		}
		if n != 1000 {
			b.Fatalf("%d records", n)
		}
	}
	b.ReportMetric(float64(1000*b.N)/b.Elapsed().Seconds(), "articles/s")
}

// BenchmarkJSONL decodes benchFeed on the caller's goroutine.
func BenchmarkJSONL(b *testing.B) {
	benchDecode(b, benchFeed(), func(r io.Reader) iter.Seq[Item] {
		return JSONL("f.jsonl", io.NopCloser(r), Options{})
	})
}

// BenchmarkJSONLMap decodes benchFeed with JSONLMap and 1, 2 and 4
// decoding goroutines (1 is JSONL itself).
func BenchmarkJSONLMap(b *testing.B) {
	feed := benchFeed()
	for _, workers := range []int{1, 2, 4} {
		b.Run(fmt.Sprintf("workers=%d", workers), func(b *testing.B) {
			benchDecode(b, feed, func(r io.Reader) iter.Seq[Item] {
				return JSONLMap("f.jsonl", r, Options{}, workers, func(it Item) Item { return it })
			})
		})
	}
}
