package timeline

import (
	"context"
	"fmt"
	"iter"
	"slices"
	"testing"

	"chronicle/parse"
)

// repeat yields the articles over and over, n in all.
func repeat(arts []parse.Article, n int) iter.Seq[parse.Article] {
	return func(yield func(parse.Article) bool) {
		for i := range n {
			if !yield(arts[i%len(arts)]) {
				return
			}
		}
	}
}

// BenchmarkEach tags the dev texts with the real extractor through the
// worker pool and reports articles/s and MB/s for each number of workers.
// The speed-up from 1 to N workers is the ratio of the articles/s figures.
func BenchmarkEach(b *testing.B) {
	dev := loadDev(b)
	size := 0
	for _, a := range dev {
		size += len(a.Body)
	}
	ex := parse.NewExtractor(parse.Options{})
	for _, workers := range []int{1, 2, 4} {
		b.Run(fmt.Sprintf("workers=%d", workers), func(b *testing.B) {
			const rounds = 20 // 1200 articles per op
			b.SetBytes(int64(size * rounds))
			b.ReportAllocs()
			mentions := 0
			for b.Loop() {
				mentions = 0
				err := Each(context.Background(), ex, repeat(dev, len(dev)*rounds), Options{Workers: workers}, func(a *parse.Article, ms []parse.Mention) error {
					mentions += len(ms)
					return nil
				})
				if err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(len(dev)*rounds)*float64(b.N)/b.Elapsed().Seconds(), "articles/s")
			b.ReportMetric(float64(mentions), "mentions/op")
		})
	}
}

// BenchmarkEachOverhead measures the pool itself: a tagger that does
// nothing, so the figure is the cost of moving one article through Each.
func BenchmarkEachOverhead(b *testing.B) {
	dev := loadDev(b)
	none := taggerFunc(func(*parse.Article) []parse.Mention { return nil })
	for _, workers := range []int{1, 2, 4} {
		b.Run(fmt.Sprintf("workers=%d", workers), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if err := Each(context.Background(), none, repeat(dev, 1000), Options{Workers: workers}, func(*parse.Article, []parse.Mention) error { return nil }); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*1000), "ns/article")
		})
	}
}

// BenchmarkNewDoc measures copying the mentions' sentences out of the body.
func BenchmarkNewDoc(b *testing.B) {
	dev := loadDev(b)
	ms := make([][]parse.Mention, len(dev))
	n := 0
	for i := range dev {
		ms[i] = wordTagger(&dev[i])
		n += len(ms[i])
	}
	b.ReportAllocs()
	for b.Loop() {
		for i := range dev {
			_ = NewDoc(&dev[i], ms[i])
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*n), "ns/mention")
}

// BenchmarkBuild runs Build (tagging and Merge) over the dev texts
// repeated to 600, 6,000 and 60,000 articles, with the word tagger (whose
// mentions are undated), so the figure is the cost of the pipeline around
// the tagger and the merger: it should not grow with the input.
func BenchmarkBuild(b *testing.B) {
	dev := loadDev(b)
	for _, n := range []int{600, 6000, 60000} {
		b.Run(fmt.Sprintf("articles=%d", n), func(b *testing.B) {
			if n > 6000 && testing.Short() {
				b.Skip("-short")
			}
			for b.Loop() {
				if _, err := Build(context.Background(), wordTagger, repeat(dev, n), Options{}); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*n), "ns/article")
		})
	}
}

// variedDev returns n articles: the dev texts over and over, each round
// published a day later by another outlet, as coverage of a story grows.
func variedDev(b *testing.B, n int) []parse.Article {
	dev := loadDev(b)
	arts := make([]parse.Article, n)
	for i := range arts {
		a := dev[i%len(dev)]
		r := i / len(dev)
		a.Source = fmt.Sprintf("%s-%d", a.Source, r)
		a.Outlet = fmt.Sprintf("Outlet %d", r%17)
		a.Published = a.Published.AddDate(0, 0, r%30)
		arts[i] = a
	}
	return arts
}

// BenchmarkMerge times Merge alone over the dev texts tagged by the real
// extractor and repeated (see variedDev) to 1,000 … 8,000 articles. The
// ns/article figure should stay flat as the input doubles: Merge must be
// near-linear.
func BenchmarkMerge(b *testing.B) {
	ex := parse.NewExtractor(parse.Options{})
	for _, n := range []int{1000, 2000, 4000, 8000} {
		b.Run(fmt.Sprintf("articles=%d", n), func(b *testing.B) {
			arts := variedDev(b, n)
			docs := make([]Doc, n)
			mentions := 0
			for i := range arts {
				docs[i] = Tag(ex, &arts[i])
				mentions += len(docs[i].Mentions)
			}
			for b.Loop() {
				b.StopTimer()
				in := make([]Doc, len(docs))
				for i, d := range docs {
					in[i] = Doc{Source: d.Source, Mentions: slices.Clone(d.Mentions)}
				}
				b.StartTimer()
				if _, err := Merge(context.Background(), in); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*n), "ns/article")
			b.ReportMetric(float64(mentions)/float64(n), "mentions/article")
		})
	}
}
