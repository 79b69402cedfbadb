package timeline

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"iter"
	"os"
	"reflect"
	"runtime"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"
	"unsafe"

	"chronicle/parse"
)

// taggerFunc adapts a function to [Tagger].
type taggerFunc func(a *parse.Article) []parse.Mention

func (f taggerFunc) Extract(a *parse.Article) []parse.Mention { return f(a) }

// wordTagger is a stand-in for the real tagger: it returns every weekday
// and month name in the body, with its line as the sentence and the word
// before it as the signal (both point into the body, as the real
// tagger's strings may).
var wordTagger = taggerFunc(func(a *parse.Article) []parse.Mention {
	var ms []parse.Mention
	names := []string{"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January", "March", "October", "December"}
	for off := 0; off < len(a.Body); {
		end := strings.IndexByte(a.Body[off:], '\n')
		if end < 0 {
			end = len(a.Body)
		} else {
			end += off
		}
		line := a.Body[off:end]
		prev := ""
		for w := range strings.FieldsSeq(line) {
			w = strings.Trim(w, ".,;:\"'()")
			if slices.Contains(names, w) {
				i := strings.Index(line, w)
				ms = append(ms, parse.Mention{
					Text:     a.Body[off+i : off+i+len(w)],
					Span:     parse.Span{Start: off + i, End: off + i + len(w)},
					Sentence: parse.Span{Start: off, End: end},
					Value:    parse.Value{Kind: parse.KindDate, TIMEX: "XXXX-XX-XX"},
					Signal:   prev,
					Rule:     "word",
				})
			}
			prev = w
		}
		off = end + 1
	}
	return ms
})

// loadDev reads the MEANTIME dev texts as articles.
func loadDev(t testing.TB) []parse.Article {
	t.Helper()
	f, err := os.Open("../testdata/meantime/dev.jsonl")
	if err != nil {
		t.Fatalf("dev data: %v", err)
	}
	defer f.Close()
	var arts []parse.Article
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<24)
	for sc.Scan() {
		var d struct{ ID, Title, Text, URL, DCT string }
		if err := json.Unmarshal(sc.Bytes(), &d); err != nil {
			t.Fatal(err)
		}
		pub, err := time.Parse("2006-01-02", d.DCT)
		if err != nil {
			t.Fatal(err)
		}
		arts = append(arts, parse.Article{
			Source: d.ID, Outlet: "Wikinews", Title: d.Title, URL: d.URL,
			Published: pub, DateOnly: true, Loc: time.UTC, Body: d.Text,
		})
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if len(arts) == 0 {
		t.Fatal("no dev articles")
	}
	return arts
}

// numbered yields n articles named "a0", "a1", … with a short body.
func numbered(n int, pulled *atomic.Int64) iter.Seq[parse.Article] {
	return func(yield func(parse.Article) bool) {
		for i := 0; n < 0 || i < n; i++ {
			if pulled != nil {
				pulled.Add(1)
			}
			if !yield(parse.Article{Source: fmt.Sprintf("a%d", i), Loc: time.UTC, Body: fmt.Sprintf("Article %d was published on Monday.", i)}) {
				return
			}
		}
	}
}

// slowFirst tags every article, taking longer for lower-numbered ones so
// that workers finish out of input order.
var slowFirst = taggerFunc(func(a *parse.Article) []parse.Mention {
	var i int
	fmt.Sscanf(a.Source, "a%d", &i)
	if i%7 == 0 {
		time.Sleep(time.Duration(200-i%200) * time.Microsecond)
	}
	return wordTagger(a)
})

func TestEachOrder(t *testing.T) {
	for _, workers := range []int{0, 1, 2, 4, 16} {
		t.Run(fmt.Sprintf("workers=%d", workers), func(t *testing.T) {
			var got []string
			err := Each(context.Background(), slowFirst, numbered(300, nil), Options{Workers: workers}, func(a *parse.Article, ms []parse.Mention) error {
				if len(ms) != 1 || ms[0].Text != "Monday" {
					t.Errorf("%s: mentions %v, want one Monday", a.Source, ms)
				}
				got = append(got, a.Source)
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != 300 {
				t.Fatalf("fn called %d times, want 300", len(got))
			}
			for i, s := range got {
				if want := fmt.Sprintf("a%d", i); s != want {
					t.Fatalf("call %d was for %s, want %s", i, s, want)
				}
			}
		})
	}
}

func TestBuildSameForAnyWorkers(t *testing.T) {
	dev := loadDev(t)
	taggers := []struct {
		name string
		ex   Tagger
	}{
		{"parse.Extractor", parse.NewExtractor(parse.Options{})},
		{"word tagger", wordTagger},
	}
	for _, tg := range taggers {
		t.Run(tg.name, func(t *testing.T) {
			want, err := Build(context.Background(), tg.ex, slices.Values(dev), Options{Workers: 1})
			if err != nil {
				t.Fatal(err)
			}
			if len(want.Sources) != len(dev) {
				t.Fatalf("%d sources, want %d", len(want.Sources), len(dev))
			}
			for _, workers := range []int{2, 4, 7} {
				got, err := Build(context.Background(), tg.ex, slices.Values(dev), Options{Workers: workers})
				if err != nil {
					t.Fatal(err)
				}
				if !reflect.DeepEqual(got, want) {
					t.Errorf("workers=%d: timeline differs from workers=1", workers)
				}
			}
		})
	}
	t.Run("word tagger finds mentions", func(t *testing.T) {
		tl, err := Build(context.Background(), wordTagger, slices.Values(dev), Options{})
		if err != nil {
			t.Fatal(err)
		}
		if len(tl.Mentions) < 50 {
			t.Errorf("%d mentions in the dev texts, want at least 50 (is the test tagger broken?)", len(tl.Mentions))
		}
	})
}

func TestEachCancel(t *testing.T) {
	for _, workers := range []int{1, 4} {
		t.Run(fmt.Sprintf("workers=%d/during", workers), func(t *testing.T) {
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			var pulled atomic.Int64
			calls := 0
			err := Each(ctx, wordTagger, numbered(-1, &pulled), Options{Workers: workers}, func(*parse.Article, []parse.Mention) error {
				calls++
				if calls == 10 {
					cancel()
				}
				return nil
			})
			if !errors.Is(err, context.Canceled) {
				t.Fatalf("err = %v, want context.Canceled", err)
			}
			if calls != 10 {
				t.Errorf("fn called %d times, want 10 (none after the cancel)", calls)
			}
			if n, bound := pulled.Load(), int64(10+workers*inFlightPerWorker+1); n > bound {
				t.Errorf("%d articles read from an endless input, want at most %d", n, bound)
			}
		})
		t.Run(fmt.Sprintf("workers=%d/before", workers), func(t *testing.T) {
			ctx, cancel := context.WithCancel(context.Background())
			cancel()
			var pulled atomic.Int64
			err := Each(ctx, wordTagger, numbered(-1, &pulled), Options{Workers: workers}, func(*parse.Article, []parse.Mention) error {
				t.Error("fn called after cancel")
				return nil
			})
			if !errors.Is(err, context.Canceled) {
				t.Fatalf("err = %v, want context.Canceled", err)
			}
			if n := pulled.Load(); n > 1 {
				t.Errorf("%d articles read, want at most 1", n)
			}
		})
	}
}

func TestEachNoGoroutineLeft(t *testing.T) {
	before := runtime.NumGoroutine()
	ctx, cancel := context.WithCancel(context.Background())
	calls := 0
	_ = Each(ctx, slowFirst, numbered(-1, nil), Options{Workers: 8}, func(*parse.Article, []parse.Mention) error {
		if calls++; calls == 20 {
			cancel()
		}
		return nil
	})
	_ = Each(context.Background(), slowFirst, numbered(100, nil), Options{Workers: 8}, func(*parse.Article, []parse.Mention) error {
		return errors.New("stop")
	})
	// Each waits for its workers, so the count is back at once.
	if after := runtime.NumGoroutine(); after > before {
		t.Errorf("%d goroutines after Each, %d before", after, before)
	}
}

func TestEachBoundedReadAhead(t *testing.T) {
	for _, workers := range []int{1, 2, 4} {
		t.Run(fmt.Sprintf("workers=%d", workers), func(t *testing.T) {
			var pulled atomic.Int64
			emitted, maxAhead := int64(0), int64(0)
			err := Each(context.Background(), slowFirst, numbered(500, &pulled), Options{Workers: workers}, func(*parse.Article, []parse.Mention) error {
				emitted++
				maxAhead = max(maxAhead, pulled.Load()-emitted)
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			if bound := int64(workers * inFlightPerWorker); maxAhead > bound {
				t.Errorf("read %d articles ahead of fn, want at most %d", maxAhead, bound)
			}
		})
	}
}

// panicOn panics while tagging the named articles.
func panicOn(names ...string) Tagger {
	return taggerFunc(func(a *parse.Article) []parse.Mention {
		if slices.Contains(names, a.Source) {
			var m map[string]int
			m["x"]++ // a runtime error, as a tagger bug would be
		}
		return wordTagger(a)
	})
}

func TestEachPanic(t *testing.T) {
	for _, workers := range []int{1, 3} {
		t.Run(fmt.Sprintf("workers=%d/OnError", workers), func(t *testing.T) {
			var got []string
			var aerrs []*ArticleError
			opts := Options{Workers: workers, OnError: func(err *ArticleError) error {
				got = append(got, "error:"+err.Source)
				aerrs = append(aerrs, err)
				return nil
			}}
			err := Each(context.Background(), panicOn("a3", "a7"), numbered(10, nil), opts, func(a *parse.Article, ms []parse.Mention) error {
				got = append(got, a.Source)
				return nil
			})
			if err != nil {
				t.Fatalf("err = %v, want nil (errors go to OnError)", err)
			}
			want := []string{"a0", "a1", "a2", "error:a3", "a4", "a5", "a6", "error:a7", "a8", "a9"}
			if !slices.Equal(got, want) {
				t.Errorf("calls %q, want %q", got, want)
			}
			for _, e := range aerrs {
				if !errors.Is(e, ErrTaggerPanic) {
					t.Errorf("%v does not wrap ErrTaggerPanic", e)
				}
				if !strings.Contains(string(e.Stack), "panicOn") {
					t.Errorf("stack does not name the panicking function:\n%s", e.Stack)
				}
			}
			if len(aerrs) == 2 && (aerrs[0].Index != 3 || aerrs[1].Index != 7) {
				t.Errorf("indexes %d, %d, want 3, 7", aerrs[0].Index, aerrs[1].Index)
			}
		})
		t.Run(fmt.Sprintf("workers=%d/joined", workers), func(t *testing.T) {
			tl, err := Build(context.Background(), panicOn("a0", "a5"), numbered(8, nil), Options{Workers: workers})
			var aerr *ArticleError
			if !errors.As(err, &aerr) || !errors.Is(err, ErrTaggerPanic) {
				t.Fatalf("err = %v, want the joined *ArticleErrors", err)
			}
			want := "a0: tagger panicked: assignment to entry in nil map; this is a bug in chronicle: the article was skipped, please report it with the article\n" +
				"a5: tagger panicked: assignment to entry in nil map; this is a bug in chronicle: the article was skipped, please report it with the article"
			if err.Error() != want {
				t.Errorf("error:\n%s\nwant:\n%s", err, want)
			}
			if tl == nil {
				t.Fatal("no timeline for the other articles")
			}
			var srcs []string
			for _, s := range tl.Sources {
				srcs = append(srcs, s.Source)
			}
			if want := []string{"a1", "a2", "a3", "a4", "a6", "a7"}; !slices.Equal(srcs, want) {
				t.Errorf("sources %q, want %q", srcs, want)
			}
		})
		t.Run(fmt.Sprintf("workers=%d/OnError stops", workers), func(t *testing.T) {
			stop := errors.New("stop")
			calls := 0
			err := Each(context.Background(), panicOn("a2"), numbered(-1, nil), Options{Workers: workers, OnError: func(*ArticleError) error { return stop }},
				func(*parse.Article, []parse.Mention) error { calls++; return nil })
			if !errors.Is(err, stop) || calls != 2 {
				t.Errorf("err = %v after %d calls, want stop after 2", err, calls)
			}
		})
	}
}

func TestEachFnError(t *testing.T) {
	for _, workers := range []int{1, 4} {
		t.Run(fmt.Sprintf("workers=%d", workers), func(t *testing.T) {
			stop := errors.New("disk full")
			var pulled atomic.Int64
			calls := 0
			err := Each(context.Background(), wordTagger, numbered(-1, &pulled), Options{Workers: workers}, func(*parse.Article, []parse.Mention) error {
				if calls++; calls == 5 {
					return stop
				}
				return nil
			})
			if !errors.Is(err, stop) || calls != 5 {
				t.Errorf("err = %v after %d calls, want %v after 5", err, calls, stop)
			}
			if n, bound := pulled.Load(), int64(5+workers*inFlightPerWorker); n > bound {
				t.Errorf("%d articles read, want at most %d", n, bound)
			}
		})
	}
}

func TestArticleError(t *testing.T) {
	tests := []struct {
		name string
		err  *ArticleError
		want string
	}{
		{"panic", &ArticleError{Source: "ap.txt", Index: 4, Err: fmt.Errorf("%w: boom", ErrTaggerPanic)},
			"ap.txt: tagger panicked: boom; this is a bug in chronicle: the article was skipped, please report it with the article"},
		{"no source", &ArticleError{Index: 4, Err: errors.New("too long")}, "article #5: too long"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.err.Error(); got != tt.want {
				t.Errorf("Error() = %q, want %q", got, tt.want)
			}
		})
	}
}

// aliases reports whether s shares memory with body.
func aliases(s, body string) bool {
	if s == "" || body == "" {
		return false
	}
	p, b := uintptr(unsafe.Pointer(unsafe.StringData(s))), uintptr(unsafe.Pointer(unsafe.StringData(body)))
	return p >= b && p < b+uintptr(len(body))
}

func TestNewDocDetachesBody(t *testing.T) {
	body := "Headline on Monday\nTalks ended on Tuesday, and resumed Wednesday.\nFooter"
	a := &parse.Article{Source: "x.txt", Outlet: "Wire", Loc: time.UTC, Body: strings.Clone(body)}
	ms := wordTagger(a)
	ms = append(ms, parse.Mention{Text: "outside", Span: parse.Span{Start: 0, End: 3}, Sentence: parse.Span{Start: 19, End: 65}, Signal: a.Body[0:8]})
	d := NewDoc(a, ms)
	if len(d.Mentions) != 4 {
		t.Fatalf("%d mentions, want 4", len(d.Mentions))
	}
	want := []struct{ text, sentence, signal string }{
		{"Monday", "Headline on Monday", "on"},
		{"Tuesday", "Talks ended on Tuesday, and resumed Wednesday.", "on"},
		{"Wednesday", "Talks ended on Tuesday, and resumed Wednesday.", "resumed"},
		{"outside", "Talks ended on Tuesday, and resumed Wednesday.", "Headline"},
	}
	for i, m := range d.Mentions {
		t.Run(m.Text, func(t *testing.T) {
			if m.Text != want[i].text || m.Sentence != want[i].sentence || m.Signal != want[i].signal {
				t.Errorf("got (%q, %q, %q), want %v", m.Text, m.Sentence, m.Signal, want[i])
			}
			for name, s := range map[string]string{"Text": m.Text, "Sentence": m.Sentence, "Signal": m.Signal, "Rule": m.Rule, "TIMEX": m.TIMEX} {
				if aliases(s, a.Body) {
					t.Errorf("%s %q points into the body", name, s)
				}
			}
		})
	}
	if unsafe.StringData(d.Mentions[1].Sentence) != unsafe.StringData(d.Mentions[2].Sentence) {
		t.Error("two mentions of one sentence hold two copies of it")
	}
	if got := d.Source; got.Source != "x.txt" || got.Outlet != "Wire" || got.Zone != "UTC" {
		t.Errorf("source %+v", got)
	}
}

func TestNewDocBadSpans(t *testing.T) {
	a := &parse.Article{Source: "x.txt", Loc: time.UTC, Body: "Talks ended on Tuesday."}
	tests := []struct {
		name         string
		span, sent   parse.Span
		wantSentence string
	}{
		{"sentence past the end", parse.Span{Start: 15, End: 22}, parse.Span{Start: 0, End: 99}, ""},
		{"reversed sentence", parse.Span{Start: 15, End: 22}, parse.Span{Start: 22, End: 0}, ""},
		{"negative", parse.Span{Start: -1, End: 3}, parse.Span{Start: -5, End: 23}, ""},
		{"good", parse.Span{Start: 15, End: 22}, parse.Span{Start: 0, End: 23}, "Talks ended on Tuesday."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := NewDoc(a, []parse.Mention{{Text: "Tuesday", Span: tt.span, Sentence: tt.sent}})
			if m := d.Mentions[0]; m.Text != "Tuesday" || m.Sentence != tt.wantSentence {
				t.Errorf("got (%q, %q), want (Tuesday, %q)", m.Text, m.Sentence, tt.wantSentence)
			}
		})
	}
}

func TestBuildSharesZones(t *testing.T) {
	load := func() *time.Location {
		loc, err := time.LoadLocation("Europe/Berlin") // a new copy each call
		if err != nil {
			t.Fatal(err)
		}
		return loc
	}
	fixed := time.FixedZone("", 3600)
	var arts []parse.Article
	for i := range 4 {
		loc := load()
		if i == 3 {
			loc = fixed
		}
		arts = append(arts, parse.Article{Source: fmt.Sprintf("a%d", i), Loc: loc, Published: time.Date(2025, 3, 30, 12, 0, 0, 0, loc), Body: "It opened on Monday."})
	}
	day := taggerFunc(func(a *parse.Article) []parse.Mention {
		start := time.Date(2025, 3, 30, 0, 0, 0, 0, a.Loc) // a daylight-saving day: 23 hours
		return []parse.Mention{{Text: "Monday", Span: parse.Span{Start: 13, End: 19}, Sentence: parse.Span{Start: 0, End: 20},
			Value: parse.Value{Kind: parse.KindDate, When: parse.Interval{Start: start, End: start.AddDate(0, 0, 1), Gran: parse.GranDay}}}}
	})
	tl, err := Build(context.Background(), day, slices.Values(arts), Options{Workers: 2})
	if err != nil {
		t.Fatal(err)
	}
	if len(tl.Mentions) != 4 {
		t.Fatalf("%d mentions, want 4", len(tl.Mentions))
	}
	first := tl.Mentions[0].When.Start.Location()
	for i, m := range tl.Mentions {
		want := first
		if i == 3 {
			want = fixed
		}
		if got := m.When.Start.Location(); got != want || m.When.End.Location() != want || tl.Sources[i].Published.Location() != want {
			t.Errorf("mention %d: zone %p (%s), want %p", i, got, got, want)
		}
		if got := m.When.Start.Format(time.RFC3339) + " " + m.When.End.Format(time.RFC3339); i < 3 && got != "2025-03-30T00:00:00+01:00 2025-03-31T00:00:00+02:00" {
			t.Errorf("mention %d: %s", i, got)
		}
	}
}

func TestMap(t *testing.T) {
	for _, workers := range []int{1, 4} {
		t.Run(fmt.Sprintf("workers=%d/order", workers), func(t *testing.T) {
			var got []string
			err := Map(context.Background(), slowFirst, numbered(200, nil), Options{Workers: workers},
				func(a *parse.Article, ms []parse.Mention) (string, error) {
					return fmt.Sprintf("%s:%d", a.Source, len(ms)), nil
				},
				func(s string) error {
					got = append(got, s)
					return nil
				})
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != 200 {
				t.Fatalf("%d results, want 200", len(got))
			}
			for i, s := range got {
				if want := fmt.Sprintf("a%d:1", i); s != want {
					t.Fatalf("result %d = %q, want %q", i, s, want)
				}
			}
		})
		t.Run(fmt.Sprintf("workers=%d/work error", workers), func(t *testing.T) {
			bad := errors.New("cannot encode")
			calls := 0
			err := Map(context.Background(), wordTagger, numbered(-1, nil), Options{Workers: workers},
				func(a *parse.Article, ms []parse.Mention) (int, error) {
					if a.Source == "a3" {
						return 0, bad
					}
					return len(ms), nil
				},
				func(int) error { calls++; return nil })
			if !errors.Is(err, bad) || calls != 3 {
				t.Errorf("err = %v after %d calls, want %v after 3", err, calls, bad)
			}
		})
		t.Run(fmt.Sprintf("workers=%d/work panic", workers), func(t *testing.T) {
			var failed []int
			calls := 0
			err := Map(context.Background(), wordTagger, numbered(6, nil), Options{Workers: workers, OnError: func(e *ArticleError) error {
				failed = append(failed, e.Index)
				return nil
			}},
				func(a *parse.Article, ms []parse.Mention) (int, error) {
					if a.Source == "a4" {
						panic("encoder bug")
					}
					return len(ms), nil
				},
				func(int) error { calls++; return nil })
			if err != nil || calls != 5 || !slices.Equal(failed, []int{4}) {
				t.Errorf("err = %v, %d calls, failed %v; want nil, 5, [4]", err, calls, failed)
			}
		})
	}
}
