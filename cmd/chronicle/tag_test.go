package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"chronicle/parse"
)

// runWith runs chronicle in-process with stdin and returns stdout, stderr
// and the exit status.
func runWith(t *testing.T, stdin string, args ...string) (string, string, int) {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(context.Background(), append([]string{"chronicle"}, args...), strings.NewReader(stdin), &out, &errb)
	return out.String(), errb.String(), code
}

// stripTags removes the markup of a TimeML document's TEXT and undoes the
// XML escapes, giving back the text that was tagged.
func stripTags(t *testing.T, doc string) string {
	t.Helper()
	i, j := strings.Index(doc, "<TEXT>"), strings.LastIndex(doc, "</TEXT>")
	if i < 0 || j < i {
		t.Fatalf("no TEXT element: %.200q", doc)
	}
	text := doc[i+len("<TEXT>") : j]
	var b strings.Builder
	for k := 0; k < len(text); {
		switch text[k] {
		case '<':
			e := strings.IndexByte(text[k:], '>')
			if e < 0 {
				t.Fatalf("unclosed tag")
			}
			k += e + 1
		case '&':
			e := strings.IndexByte(text[k:], ';')
			if e < 0 {
				t.Fatalf("unterminated entity")
			}
			switch ent := text[k+1 : k+e]; {
			case ent == "amp":
				b.WriteByte('&')
			case ent == "lt":
				b.WriteByte('<')
			case ent == "gt":
				b.WriteByte('>')
			case ent == "quot":
				b.WriteByte('"')
			case ent == "apos":
				b.WriteByte('\'')
			case strings.HasPrefix(ent, "#"):
				n, err := strconv.Atoi(ent[1:])
				if err != nil {
					t.Fatalf("entity %q", ent)
				}
				b.WriteRune(rune(n))
			default:
				t.Fatalf("entity %q", ent)
			}
			k += e + 1
		default:
			b.WriteByte(text[k])
			k++
		}
	}
	return b.String()
}

func TestTagPlainText(t *testing.T) {
	const text = "Talks ended on Tuesday & resume <next week>.\r\nThe war began in February 2022.\n"
	tests := []struct {
		name     string
		args     []string
		code     int
		contains []string
		stderr   string
	}{
		{"needs a DCT", []string{"tag", "-"}, 2, nil, "pass --dct"},
		{"dct date", []string{"tag", "--dct", "2025-12-03", "-"}, 0,
			[]string{`<DCT><TIMEX3 tid="t0" type="DATE" value="2025-12-03" temporalFunction="false" functionInDocument="CREATION_TIME">2025-12-03</TIMEX3></DCT>`,
				`<TIMEX3 tid="t1" type="DATE" value="2025-12-02">Tuesday</TIMEX3> &amp; resume &lt;`, `value="2022-02">February 2022</TIMEX3>`}, ""},
		{"dct time and zone", []string{"tag", "--dct", "2025-12-03T10:00:00", "--tz", "Europe/Moscow", "-"}, 0,
			[]string{`type="TIME" value="2025-12-03T10:00:00"`, `value="2025-12-02">Tuesday`}, ""},
		{"published is the same flag", []string{"tag", "--published", "2025-12-03", "-"}, 0, []string{`value="2025-12-02">Tuesday`}, ""},
		{"dct and published disagree", []string{"tag", "--dct", "2025-12-03", "--published", "2025-12-04", "-"}, 2, nil, "disagree"},
		{"bad dct", []string{"tag", "--dct", "yesterday", "-"}, 2, nil, "--published \"yesterday\""},
		{"no resolve", []string{"tag", "--no-resolve", "--format", "csv", "-"}, 0, []string{"Tuesday,15,22,DATE,XXXX-WXX-2"}, ""},
		{"bad format", []string{"tag", "--format", "xml", "--dct", "2025-12-03", "-"}, 2, nil, `--format "xml"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, errs, code := runWith(t, text, tt.args...)
			if code != tt.code {
				t.Fatalf("exit %d, want %d; stderr %s", code, tt.code, errs)
			}
			for _, c := range tt.contains {
				if !strings.Contains(out, c) {
					t.Errorf("output lacks %q:\n%s", c, out)
				}
			}
			if tt.stderr != "" && !strings.Contains(errs, tt.stderr) {
				t.Errorf("stderr %q lacks %q", errs, tt.stderr)
			}
			if tt.code == 0 && strings.Contains(out, "<TEXT>") {
				if got := stripTags(t, out); got != text {
					t.Errorf("round trip %q, want %q", got, text)
				}
			}
		})
	}
}

func TestTagFrontMatter(t *testing.T) {
	dir := t.TempDir()
	f := filepath.Join(dir, "a.txt")
	body := "The talks were held on Tuesday.\n"
	if err := os.WriteFile(f, []byte("---\noutlet: Test\npublished: 2025-12-04\ntimezone: Europe/Moscow\n---\n"+body), 0o644); err != nil {
		t.Fatal(err)
	}
	// The front matter wins over --dct, which is only a default.
	out, errs, code := runWith(t, "", "tag", "--dct", "2020-01-01", f)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if !strings.Contains(out, `value="2025-12-04" temporalFunction="false"`) || !strings.Contains(out, `value="2025-12-02">Tuesday`) {
		t.Errorf("front matter DCT not used:\n%s", out)
	}
	if got := stripTags(t, out); got != body {
		t.Errorf("round trip %q, want the body %q", got, body)
	}
}

func TestTagSeedsFormats(t *testing.T) {
	t.Run("jsonl", func(t *testing.T) {
		out, errs, code := runWith(t, "", "tag", "--format", "jsonl")
		if code != 0 {
			t.Fatalf("exit %d: %s", code, errs)
		}
		sc := bufio.NewScanner(strings.NewReader(out))
		sc.Buffer(nil, 1<<24)
		var sources []string
		for sc.Scan() {
			var a tagJSON
			if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
				t.Fatalf("line %q: %v", sc.Text(), err)
			}
			if len(a.Mentions) == 0 || a.Published == "" || a.Zone == "" {
				t.Errorf("%s: %d mentions, published %q, zone %q", a.Source, len(a.Mentions), a.Published, a.Zone)
			}
			for _, m := range a.Mentions {
				if m.End <= m.Start || m.Value == "" || m.Type == "" {
					t.Errorf("%s: bad mention %+v", a.Source, m)
				}
			}
			sources = append(sources, a.Source)
		}
		if strings.Join(sources, ",") != "01-hurriyet-afp.txt,02-moscow-times.txt,03-melbourne-post.txt,04-whistlebuzz.txt,05-sbs-news.txt" {
			t.Errorf("sources in order: %v", sources)
		}
	})
	t.Run("json", func(t *testing.T) {
		out, errs, code := runWith(t, "", "tag", "--format", "json")
		if code != 0 {
			t.Fatalf("exit %d: %s", code, errs)
		}
		var arts []tagJSON
		if err := json.Unmarshal([]byte(out), &arts); err != nil || len(arts) != 5 {
			t.Fatalf("%d articles, %v", len(arts), err)
		}
	})
	t.Run("csv", func(t *testing.T) {
		out, errs, code := runWith(t, "", "tag", "--format", "csv", "--no-furniture")
		if code != 0 {
			t.Fatalf("exit %d: %s", code, errs)
		}
		recs, err := csv.NewReader(strings.NewReader(out)).ReadAll()
		if err != nil || len(recs) < 2 {
			t.Fatalf("%d records, %v", len(recs), err)
		}
		if strings.Join(recs[0], ",") != strings.Join(tagCSVColumns, ",") {
			t.Errorf("header %v", recs[0])
		}
		for _, r := range recs[1:] {
			if r[17] != "false" {
				t.Errorf("furniture row with --no-furniture: %v", r)
			}
		}
	})
	// `tag` writes exactly the TimeML of the render golden files (which
	// `go test ./render -run TimeML -update` regenerates).
	seeds, _ := filepath.Glob("../../seeds/*.txt")
	if len(seeds) != 5 {
		t.Fatalf("%d seeds", len(seeds))
	}
	for _, f := range seeds {
		name := strings.TrimSuffix(filepath.Base(f), ".txt")
		t.Run("timeml/"+name, func(t *testing.T) {
			out, errs, code := runWith(t, "", "tag", f)
			if code != 0 {
				t.Fatalf("exit %d: %s", code, errs)
			}
			want, err := os.ReadFile("../../render/testdata/" + name + ".tml")
			if err != nil {
				t.Fatal(err)
			}
			if out != string(want) {
				t.Errorf("tag output differs from render/testdata/%s.tml", name)
			}
		})
	}
}

// TestAppendTagJSON checks the hand-written encoder of `tag --format
// json|jsonl` against json.Marshal of the article's tagJSON (tagHead and
// newMentionJSON): on strings that need each kind of escape, on every
// kind, granularity and tense, on years a date layout cannot pad, and on
// the articles of the dev data and the seeds as tagged.
func TestAppendTagJSON(t *testing.T) {
	odd := "a\"b\\c/d\b\f\n\r\t\x00\x1f\x7f <x> & é \u2028\u2029 \ufffd \xff\xc3 😀"
	berlin, err := time.LoadLocation("Europe/Berlin")
	if err != nil {
		t.Fatal(err)
	}
	day := time.Date(2025, 12, 3, 0, 0, 0, 0, berlin)
	var ms []parse.Mention
	for _, k := range []parse.Kind{parse.KindDate, parse.KindTime, parse.KindDuration, parse.KindSet, 9, -1} {
		ms = append(ms, parse.Mention{Text: odd, Span: parse.Span{Start: -1, End: 1 << 40}, Value: parse.Value{Kind: k, TIMEX: odd, Mod: odd, Quant: odd, Freq: odd},
			Signal: odd, Rule: odd, Furniture: true, Sentence: parse.Span{Start: 0, End: 7}})
	}
	for g := parse.Granularity(-1); g <= parse.GranCentury+1; g++ {
		for _, tense := range []parse.Tense{parse.TenseUnknown, parse.TensePast, parse.TensePresent, parse.TenseFuture} {
			ms = append(ms, parse.Mention{Text: "x", Value: parse.Value{TIMEX: "2025-12-03", When: parse.Interval{Start: day.Add(90 * time.Minute), End: day.AddDate(0, 0, 1), Gran: g}}, Tense: tense})
		}
	}
	for _, y := range []int{-12, 0, 7, 999, 9999, 10000, 123456} {
		for _, g := range []parse.Granularity{parse.GranDay, parse.GranMinute} {
			start := time.Date(y, 2, 9, 4, 5, 6, 0, time.UTC)
			ms = append(ms, parse.Mention{Value: parse.Value{When: parse.Interval{Start: start, End: start.AddDate(1, 0, 0), Gran: g}}})
		}
	}
	ms = append(ms, parse.Mention{Value: parse.Value{When: parse.Interval{End: day, Gran: parse.GranDay}}}, parse.Mention{})
	// Zones with DST, negative, half-hour and 45-minute offsets, offsets
	// with seconds or of days (not real zones, but time formats them),
	// bounds on and next to the transitions, interleaved so that the
	// zone cache of appendBound changes period and location.
	var zones []*time.Location
	for _, name := range []string{"America/New_York", "Asia/Kathmandu", "America/St_Johns", "Australia/Lord_Howe", "Pacific/Kiritimati", "Pacific/Pago_Pago", "Europe/Berlin"} {
		loc, err := time.LoadLocation(name)
		if err != nil {
			t.Fatal(err)
		}
		zones = append(zones, loc)
	}
	zones = append(zones, time.UTC, time.FixedZone("", 0), time.FixedZone("X", -30), time.FixedZone("Y", 3600+30), time.FixedZone("Z", -(5*3600+59)),
		time.FixedZone("D", 200*3600), time.FixedZone("E", -200*3600))
	var instants []time.Time
	for _, u := range []int64{-62167219200, -62167219200 + 86399, -62135596800, 0, 1743296400, 1761440400, 4102444800, 253402300799 - 86400, 253402300799} {
		for _, d := range []int64{-86400, -3601, -1, 0, 1, 3600} {
			instants = append(instants, time.Unix(u+d, 123456789))
		}
	}
	for i, at := range instants {
		for j, loc := range zones {
			start := at.In(loc)
			for _, g := range []parse.Granularity{parse.GranDay, parse.GranInstant} {
				ms = append(ms, parse.Mention{Value: parse.Value{When: parse.Interval{Start: start, End: instants[(i+j+1)%len(instants)].In(zones[(j+i)%len(zones)]), Gran: g}}})
			}
		}
	}
	// Strings of each length with each escaped character at each place,
	// for the 8-byte scan of appendJSONString.
	var texts []string
	for _, c := range []string{"", "\"", "\\", "<", ">", "&", "\x00", "\x1f", "\x7f", "\n", "é", "\u2028", "\u2029", "\xff", "\xe2\x80", "😀"} {
		for n := 0; n <= 17; n++ {
			for at := 0; at <= n; at++ {
				texts = append(texts, strings.Repeat("a", at)+c+strings.Repeat("b", n-at))
			}
		}
	}
	for i := 0; i < len(texts); i += 3 {
		ms = append(ms, parse.Mention{Text: texts[i], Value: parse.Value{TIMEX: texts[(i+1)%len(texts)], Quant: texts[(i+2)%len(texts)]}})
	}
	tests := []struct {
		name string
		arts []taggedArticle
	}{
		{name: "empty", arts: []taggedArticle{{}, {a: parse.Article{Source: "s", Loc: time.UTC}}}},
		{name: "escapes, kinds and dates", arts: []taggedArticle{{
			a:  parse.Article{Source: odd, Outlet: odd, Title: odd, Published: day, DateOnly: true, Loc: berlin},
			ms: ms,
		}}},
		{name: "dev data and seeds", arts: taggedArticles(t)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, ta := range tt.arts {
				want, err := json.Marshal(newTagJSON(&ta.a, ta.ms))
				if err != nil {
					t.Fatal(err)
				}
				got, err := formatTagged(nil, &ta.a, ta.ms, tagOptions{format: "json"})
				if err != nil {
					t.Fatal(err)
				}
				if !bytes.Equal(got, want) {
					i := 0
					for i < len(got) && i < len(want) && got[i] == want[i] {
						i++
					}
					from := max(i-120, 0)
					t.Fatalf("formatTagged differs at byte %d:\n got …%s\nwant …%s", i, got[from:min(i+60, len(got))], want[from:min(i+60, len(want))])
				}
			}
		})
	}
}

// TestFormatTagged checks what `tag --format json|jsonl` writes for an
// article against json.Marshal of its tagJSON, on the dev data and the
// seeds, with and without page furniture.
func TestFormatTagged(t *testing.T) {
	arts := taggedArticles(t)
	tests := []struct {
		name string
		opts tagOptions
		end  string
	}{
		{"jsonl", tagOptions{format: "jsonl"}, "\n"},
		{"json", tagOptions{format: "json"}, ""},
		{"jsonl no furniture", tagOptions{format: "jsonl", noFurniture: true}, "\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, ta := range arts {
				ms := ta.ms
				if tt.opts.noFurniture {
					ms = nil
					for _, m := range ta.ms {
						if !m.Furniture {
							ms = append(ms, m)
						}
					}
				}
				want, err := json.Marshal(newTagJSON(&ta.a, ms))
				if err != nil {
					t.Fatal(err)
				}
				got, err := formatTagged([]byte("kept"), &ta.a, ta.ms, tt.opts)
				if err != nil {
					t.Fatal(err)
				}
				if string(got) != "kept"+string(want)+tt.end {
					t.Fatalf("%s:\n got %s\nwant kept%s", ta.a.Source, got, want)
				}
			}
		})
	}
}

// FuzzAppendJSONString checks the string encoder against json.Marshal.
func FuzzAppendJSONString(f *testing.F) {
	for _, s := range []string{"", "plain", "a\"b\\c\b\f\n\r\t\x00\x1f\x7f<>&", "é\u2028\u2029\ufffd\xff\xc3\xa9\xe2\x80", "😀\xf0\x9f\x98"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		want, err := json.Marshal(s)
		if err != nil {
			t.Fatal(err)
		}
		if got := appendJSONString(nil, s); !bytes.Equal(got, want) {
			t.Fatalf("appendJSONString(%q) = %s, want %s", s, got, want)
		}
	})
}

// newTagJSON is the tagJSON of an article: formatTagged writes it
// (tagHead and newMentionJSON), mention by mention.
func newTagJSON(a *parse.Article, ms []parse.Mention) tagJSON {
	out := tagHead(a)
	out.Mentions = make([]mentionJSON, 0, len(ms))
	for _, m := range ms {
		out.Mentions = append(out.Mentions, newMentionJSON(m))
	}
	return out
}

// TestAppendMentionAllocs checks that appendMention allocates nothing
// once its buffer is large enough, whatever the bounds' zone and layout.
func TestAppendMentionAllocs(t *testing.T) {
	ny, err := time.LoadLocation("America/New_York")
	if err != nil {
		t.Fatal(err)
	}
	start := time.Date(2025, 3, 8, 22, 30, 0, 0, ny)
	tests := []struct {
		name string
		iv   parse.Interval
	}{
		{"no interval", parse.Interval{}},
		{"day across DST", parse.Interval{Start: start, End: start.AddDate(0, 0, 2), Gran: parse.GranDay}},
		{"minute, UTC", parse.Interval{Start: start.UTC(), End: start.UTC().Add(time.Minute), Gran: parse.GranMinute}},
		{"year 12345", parse.Interval{Start: time.Date(12345, 1, 1, 0, 0, 0, 0, ny), End: time.Date(12346, 1, 1, 0, 0, 0, 0, ny), Gran: parse.GranYear}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := parse.Mention{Text: "Saturday <night>", Span: parse.Span{Start: 123, End: 4567}, Value: parse.Value{Kind: parse.KindDate, TIMEX: "2025-03-08TNI", When: tt.iv},
				Tense: parse.TensePast, Signal: "said", Rule: "weekday-part", Furniture: true, Sentence: parse.Span{Start: 100, End: 123456789}}
			b := make([]byte, 0, 4096)
			var zc zoneCache
			if n := testing.AllocsPerRun(100, func() { b = appendMention(b[:0], &m, &zc) }); n != 0 {
				t.Errorf("appendMention: %v allocations per mention, want 0", n)
			}
		})
	}
}
