package parse

import (
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"
)

// TestSeedMentions checks a few seed expressions end to end: value, rule
// family, tense signal and the furniture flag.
func TestSeedMentions(t *testing.T) {
	x := NewExtractor(Options{})
	arts := map[string]Article{}
	for _, a := range benchArticles(t) {
		if strings.HasSuffix(a.Source, ".txt") {
			arts[a.Source] = a
		}
	}
	if len(arts) != 5 {
		t.Fatalf("found %d seed articles, want 5", len(arts))
	}
	for _, c := range []struct {
		name, doc, quote, text, value string
		furniture                     bool
	}{
		{"afp/said-wednesday", "01-hurriyet-afp.txt", "Trump said Wednesday he believes", "Wednesday", "2025-12-03", false},
		{"afp/thursday", "01-hurriyet-afp.txt", "in Florida on Thursday", "Thursday", "2025-12-04", false},
		{"afp/february", "01-hurriyet-afp.txt", "in the Oval office in February", "February", "2025-02", false},
		{"afp/nearly-four-years", "01-hurriyet-afp.txt", "nearly four years after Russia", "nearly four years", "P4Y", false},
		{"moscow/every-friday", "02-moscow-times.txt", "in your mailbox every Friday", "every Friday", "XXXX-WXX-5", true},
		{"moscow/tuesday", "02-moscow-times.txt", "at the Kremlin on Tuesday", "Tuesday", "2025-12-02", false},
		{"melbourne/friday", "03-melbourne-post.txt", "resigned on Friday", "Friday", "2025-11-28", false},
		{"melbourne/later-this-month", "03-melbourne-post.txt", "on options later this month", "later this month", "2025-12", false},
		{"whistlebuzz/half-year", "04-whistlebuzz.txt", "the three-and-a-half year war", "three-and-a-half year", "P3.5Y", false},
		{"whistlebuzz/sunday", "04-whistlebuzz.txt", "in Miami on Sunday", "Sunday", "2025-11-30", false},
		{"sbs/february-2022", "05-sbs-news.txt", "invasion in February 2022", "February 2022", "2022-02", false},
		{"sbs/min-read", "05-sbs-news.txt", "5 min read", "5 min", "PT5M", true},
	} {
		t.Run(c.name, func(t *testing.T) {
			a := arts[c.doc]
			q := strings.Index(a.Body, c.quote)
			if q < 0 || strings.Count(a.Body, c.quote) != 1 {
				t.Fatalf("quote %q not unique in %s", c.quote, c.doc)
			}
			var got *Mention
			ms := x.Extract(&a)
			for i := range ms {
				if ms[i].Span.Start >= q && ms[i].Span.End <= q+len(c.quote) {
					got = &ms[i]
				}
			}
			if got == nil {
				t.Fatalf("no mention inside %q", c.quote)
			}
			if got.Text != c.text || got.TIMEX != c.value || got.Furniture != c.furniture {
				t.Errorf("got %q %s furniture=%v, want %q %s furniture=%v", got.Text, got.TIMEX, got.Furniture, c.text, c.value, c.furniture)
			}
			if got.Rule == "" {
				t.Error("no rule name")
			}
		})
	}
}

// TestMentionInvariants: on every dev and seed text, mentions are in body
// order, do not overlap, quote the body exactly and sit inside their
// sentence; resolved intervals are non-empty.
func TestMentionInvariants(t *testing.T) {
	x := NewExtractor(Options{})
	for _, a := range benchArticles(t) {
		t.Run(a.Source, func(t *testing.T) {
			ms := x.Extract(&a)
			last := 0
			for _, m := range ms {
				if m.Span.Start < last || m.Span.End <= m.Span.Start {
					t.Errorf("%s out of order or empty", m)
				}
				last = m.Span.End
				if a.Body[m.Span.Start:m.Span.End] != m.Text {
					t.Errorf("%s: text differs from body", m)
				}
				if m.Sentence.Start > m.Span.Start || m.Sentence.End < m.Span.End {
					t.Errorf("%s: sentence %v does not contain it", m, m.Sentence)
				}
				if !m.When.IsZero() && !m.When.Start.Before(m.When.End) {
					t.Errorf("%s: empty interval %s", m, m.When)
				}
				if m.TIMEX == "" {
					t.Errorf("%s: no value", m)
				}
			}
		})
	}
}

// TestConcurrentExtract: one Extractor shared by goroutines gives the same
// mentions as a sequential run.
func TestConcurrentExtract(t *testing.T) {
	x := NewExtractor(Options{})
	arts := benchArticles(t)
	want := make([][]Mention, len(arts))
	for i := range arts {
		want[i] = x.Extract(&arts[i])
	}
	got := make([][]Mention, len(arts))
	var wg sync.WaitGroup
	for i := range arts {
		wg.Add(1)
		go func() {
			defer wg.Done()
			got[i] = x.Extract(&arts[i])
		}()
	}
	wg.Wait()
	for i := range arts {
		if !reflect.DeepEqual(got[i], want[i]) {
			t.Errorf("%s: concurrent result differs", arts[i].Source)
		}
	}
}

// TestEmptyAndOdd: no panics and no mentions on empty or odd input.
func TestEmptyAndOdd(t *testing.T) {
	x := NewExtractor(Options{})
	for _, c := range []struct{ name, body string }{
		{"empty", ""},
		{"spaces", "   \n\n\t "},
		{"punctuation", "--- ... ,,, ;;; '' \"\""},
		{"lone-digits", "1 2 3 4 5 6 7 8 9 10 11 12 13"},
		{"long-number", "12345678901234567890123"},
		{"invalid-utf8", "caf\xe9 \xff\xfe"},
		{"trailing-hyphen", "five-"},
		{"trailing-apostrophe", "the '"},
	} {
		t.Run(c.name, func(t *testing.T) {
			a := Article{Body: c.body, Published: defPubTime(), DateOnly: true}
			if ms := x.Extract(&a); len(ms) != 0 {
				t.Errorf("got %v", ms)
			}
		})
	}
	if ms := x.Extract(nil); ms != nil {
		t.Errorf("nil article: %v", ms)
	}
}

// TestFragments: every prefix and suffix of the dev and seed texts (cut
// every few bytes, so expressions are cut in the middle) is tagged without
// panicking and with spans inside the text.
func TestFragments(t *testing.T) {
	x := NewExtractor(Options{})
	for _, a := range benchArticles(t) {
		body := a.Body
		for cut := 0; cut < len(body); cut += 7 {
			for _, frag := range []string{body[:cut], body[cut:]} {
				b := a
				b.Body = frag
				for _, m := range x.Extract(&b) {
					if m.Span.Start < 0 || m.Span.End > len(frag) {
						t.Fatalf("%s: span %v outside fragment of %d bytes", a.Source, m.Span, len(frag))
					}
				}
			}
		}
	}
}

// TestWordSoup: deterministic random sequences of trigger words, numbers
// and punctuation never make the rules panic or emit bad spans.
func TestWordSoup(t *testing.T) {
	x := NewExtractor(Options{})
	vocab := strings.Fields("the a an last next this early late mid - ' ’ , . : / ( ) 3 12 31 2024 0800 16 08 1990 s th rd Q FY fiscal year years week weeks month day days quarter half first fourth ago later earlier before after from now today tonight yesterday every each weekly Monday Friday Sunday December May March Dec Sept and of in on at UTC ET local time pm a.m. p m nearly more than over three-and-a-half five-hour recent future past present being term near Christmas New Year's Eve Day Thanksgiving")
	seed := uint64(1)
	next := func() uint64 { seed ^= seed << 13; seed ^= seed >> 7; seed ^= seed << 17; return seed }
	for n := 0; n < 3000; n++ {
		var b strings.Builder
		for k := int(next() % 14); k >= 0; k-- {
			b.WriteString(vocab[next()%uint64(len(vocab))])
			if next()%3 != 0 {
				b.WriteByte(' ')
			}
		}
		body := b.String()
		for _, undated := range []bool{false, true} {
			a := Article{Body: body, Published: defPubTime(), DateOnly: true, Undated: undated, Loc: time.UTC}
			last := 0
			for _, m := range x.Extract(&a) {
				if m.Span.Start < last || m.Span.End > len(body) || m.Span.End <= m.Span.Start || m.TIMEX == "" {
					t.Fatalf("%q: bad mention %s", body, m)
				}
				last = m.Span.End
			}
		}
	}
}
