package parse

import (
	"os"
	"path/filepath"
	"slices"
	"syscall"
	"testing"
	"time"

	"github.com/olebedev/when"
	"github.com/olebedev/when/rules/common"
	"github.com/olebedev/when/rules/en"
)

// benchArticles returns the dev texts and the seed articles.
func benchArticles(tb testing.TB) []Article {
	tb.Helper()
	var arts []Article
	for _, d := range loadMeantime(tb) {
		arts = append(arts, mtArticle(tb, d))
	}
	files, _ := filepath.Glob("../seeds/*.txt")
	return append(arts, readArticleFiles(tb, files)...)
}

// readArticleFiles reads front-matter articles from files, in sorted order.
func readArticleFiles(tb testing.TB, files []string) []Article {
	tb.Helper()
	files = slices.Sorted(slices.Values(files))
	arts := make([]Article, 0, len(files))
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			tb.Fatal(err)
		}
		a, err := ReadArticle(filepath.Base(f), data, ReadOptions{})
		if err != nil {
			tb.Fatal(err)
		}
		arts = append(arts, a)
	}
	return arts
}

func totalBytes(arts []Article) int64 {
	var n int64
	for _, a := range arts {
		n += int64(len(a.Body))
	}
	return n
}

// BenchmarkExtract measures chronicle's tagger on one core: MB/s over the
// MEANTIME dev texts and the seeds, and mentions found per pass.
func BenchmarkExtract(b *testing.B) {
	arts := benchArticles(b)
	x := NewExtractor(Options{})
	b.SetBytes(totalBytes(arts))
	b.ReportAllocs()
	n := 0
	clk := startCPU()
	for b.Loop() {
		n = 0
		for i := range arts {
			n += len(x.Extract(&arts[i]))
		}
	}
	clk.report(b, totalBytes(arts))
	b.ReportMetric(float64(n), "mentions/op")
}

// BenchmarkWhenLoop is the baseline: olebedev/when's own Parse, called
// again on the rest of the text after each match to find every expression.
func BenchmarkWhenLoop(b *testing.B) {
	arts := benchArticles(b)
	w := when.New(nil)
	w.Add(en.All...)
	w.Add(common.All...)
	b.SetBytes(totalBytes(arts))
	n := 0
	clk := startCPU()
	for b.Loop() {
		n = 0
		for _, a := range arts {
			base := a.Published
			if base.IsZero() {
				base = time.Date(2025, 12, 3, 0, 0, 0, 0, time.UTC)
			}
			text := a.Body
			for len(text) > 0 {
				r, err := w.Parse(text, base)
				if err != nil || r == nil {
					break
				}
				n++
				next := r.Index + len(r.Text)
				if next <= 0 || next > len(text) {
					break
				}
				text = text[next:]
			}
		}
	}
	clk.report(b, totalBytes(arts))
	b.ReportMetric(float64(n), "mentions/op")
}

// BenchmarkTokenFloor is the least work any tagger must do: split the text
// into words and look each up in a map of weekday and month names.
func BenchmarkTokenFloor(b *testing.B) {
	arts := benchArticles(b)
	names := map[string]bool{}
	for _, m := range monthNames {
		names[m] = true
	}
	for _, d := range weekdayNames {
		names[d] = true
	}
	b.SetBytes(totalBytes(arts))
	n := 0
	var low [32]byte
	clk := startCPU()
	for b.Loop() {
		n = 0
		for _, a := range arts {
			s := a.Body
			for i := 0; i < len(s); {
				c := s[i] | 0x20
				if c < 'a' || c > 'z' {
					i++
					continue
				}
				j := i
				for j < len(s) && s[j]|0x20 >= 'a' && s[j]|0x20 <= 'z' {
					j++
				}
				if j-i <= len(low) {
					for k := i; k < j; k++ {
						low[k-i] = s[k] | 0x20
					}
					if names[string(low[:j-i])] {
						n++
					}
				}
				i = j
			}
		}
	}
	clk.report(b, totalBytes(arts))
	b.ReportMetric(float64(n), "mentions/op")
}

// cpuClock measures the process's CPU time (user+system), which a loaded
// machine disturbs far less than wall time. cpuMBps reports it as the
// throughput one busy core would reach.
type cpuClock struct{ start time.Duration }

func cpuNow() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func startCPU() cpuClock { return cpuClock{cpuNow()} }

func (c cpuClock) report(b *testing.B, bytes int64) {
	d := cpuNow() - c.start
	if d <= 0 || b.N == 0 {
		return
	}
	b.ReportMetric(float64(bytes)*float64(b.N)/d.Seconds()/1e6, "cpu-MB/s")
}
