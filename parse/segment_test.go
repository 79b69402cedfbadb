package parse

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

func segTexts(body string) []string {
	var out []string
	for _, s := range Segments(body) {
		out = append(out, body[s.Start:s.End])
	}
	return out
}

func TestSegmentsSplit(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"titles and abbreviations", "Mr. Smith met Gen. Jones on Dec. 3 at No. 10 Downing St. in London. They talked.",
			[]string{"Mr. Smith met Gen. Jones on Dec. 3 at No. 10 Downing St. in London.", "They talked."}},
		{"dotted acronym inside", "U.S. officials met on Tuesday. They agreed.",
			[]string{"U.S. officials met on Tuesday.", "They agreed."}},
		{"dotted acronym at the end", "He left the U.S. The talks failed.",
			[]string{"He left the U.S.", "The talks failed."}},
		{"initials", "George W. Bush spoke first. J. K. Rowling wrote later.",
			[]string{"George W. Bush spoke first.", "J. K. Rowling wrote later."}},
		{"decimals and clock times", "The talks ended at 4.20pm local time. Growth was 3.5 percent.",
			[]string{"The talks ended at 4.20pm local time.", "Growth was 3.5 percent."}},
		{"p.m. before a weekday", "The vote is at 5 p.m. Tuesday in Washington. It may slip.",
			[]string{"The vote is at 5 p.m. Tuesday in Washington.", "It may slip."}},
		{"p.m. before a place and time", "The vote is set for 3 p.m. Ottawa time on Tuesday. It may slip.",
			[]string{"The vote is set for 3 p.m. Ottawa time on Tuesday.", "It may slip."}},
		{"p.m. before a two-word place and time", "Markets open at 9.30 a.m. New York time. Futures rose.",
			[]string{"Markets open at 9.30 a.m. New York time.", "Futures rose."}},
		{"a.m. before a place with de and time", "Kick-off is at 11 a.m. Rio de Janeiro time on Sunday.",
			[]string{"Kick-off is at 11 a.m. Rio de Janeiro time on Sunday."}},
		{"p.m. before a zone abbreviation", "The quake hit at 11:40 p.m. CEST on Sunday. Rescuers arrived.",
			[]string{"The quake hit at 11:40 p.m. CEST on Sunday.", "Rescuers arrived."}},
		{"p.m. before a long zone", "Polls close at 8 p.m. Eastern Standard Time on Tuesday.",
			[]string{"Polls close at 8 p.m. Eastern Standard Time on Tuesday."}},
		{"a.m. before UTC", "It struck at 4 a.m. UTC Monday.", []string{"It struck at 4 a.m. UTC Monday."}},
		{"p.m. before a month", "The deadline is 5 p.m. March 3. Bids are due.",
			[]string{"The deadline is 5 p.m. March 3.", "Bids are due."}},
		{"p.m. then a new sentence", "The meeting ended at 3 p.m. The minister said it went well.",
			[]string{"The meeting ended at 3 p.m.", "The minister said it went well."}},
		{"p.m. then a name", "The polls closed at 8 p.m. Smith conceded an hour later.",
			[]string{"The polls closed at 8 p.m.", "Smith conceded an hour later."}},
		{"p.m. then a place without time", "The blast came at 3 p.m. Ottawa police sealed the area.",
			[]string{"The blast came at 3 p.m.", "Ottawa police sealed the area."}},
		{"p.m. then a sentence with time later", "It closed at 5 p.m. Police said time was short.",
			[]string{"It closed at 5 p.m.", "Police said time was short."}},
		{"p.m. then IT", "It ended at 5 p.m. IT staff stayed late.", []string{"It ended at 5 p.m.", "IT staff stayed late."}},
		{"p.m. at the end", "It ended at 5 p.m. The next day it resumed.",
			[]string{"It ended at 5 p.m.", "The next day it resumed."}},
		{"month abbreviation and day", "Since Sept. 11 the rules changed. On Jan. 6 rioters entered.",
			[]string{"Since Sept. 11 the rules changed.", "On Jan. 6 rioters entered."}},
		{"No. at the end", "He said No. Then he left.", []string{"He said No.", "Then he left."}},
		{"ellipses", "He said... and then left. Wait… What?", []string{"He said... and then left.", "Wait…", "What?"}},
		{"closing quote after the period", `He said, "We are ready." Then he left.`,
			[]string{`He said, "We are ready."`, "Then he left."}},
		{"question inside a quote", `"Is it over?" she asked.`, []string{`"Is it over?" she asked.`}},
		{"curly closing quote", "They called it “constructive.” Trump said nothing.",
			[]string{"They called it “constructive.”", "Trump said nothing."}},
		{"exclamation and question", "Why? Because! Yes.", []string{"Why?", "Because!", "Yes."}},
		{"camel-case start", "The iPhone 4 ships. iOS 4 follows.", []string{"The iPhone 4 ships.", "iOS 4 follows."}},
		{"etc. at the end", "They bought apples, pears etc. The shop closed.", []string{"They bought apples, pears etc.", "The shop closed."}},
		{"lower case after period continues", "The plan, i.e. the draft, is out. Fine.", []string{"The plan, i.e. the draft, is out.", "Fine."}},
		{"headline and dateline lines", "Apple unveils iPhone 4\nJune 8, 2010\nYesterday, Jobs spoke. It was long.",
			[]string{"Apple unveils iPhone 4", "June 8, 2010", "Yesterday, Jobs spoke.", "It was long."}},
		{"bullets", "Key Points\n  • First point here.\n  • Second point\nNext line",
			[]string{"Key Points", "• First point here.", "• Second point", "Next line"}},
		{"never across a blank line", "First part without end\n\nsecond part", []string{"First part without end", "second part"}},
		{"blank line with spaces", "One\n \t\nTwo", []string{"One", "Two"}},
		{"lower-case continuation line", "The talks between the two sides lasted\nuntil midnight on Tuesday.",
			[]string{"The talks between the two sides lasted\nuntil midnight on Tuesday."}},
		{"hard-wrapped paragraph", "The talks between Russian and American negotiators lasted\nfive hours in Moscow and ended without agreement on\nTuesday, officials said after the meeting ended.",
			[]string{"The talks between Russian and American negotiators lasted\nfive hours in Moscow and ended without agreement on\nTuesday, officials said after the meeting ended."}},
		{"no-break space", "It ended.\u00a0Then it began.", []string{"It ended.", "Then it began."}},
		{"trailing space and CRLF", "  Line one.\r\nLine two  \r\n", []string{"Line one.", "Line two"}},
		{"empty", "", nil},
		{"only space", " \n\t\n", nil},
		{"number then capital", "The toll rose in 2008. 2009 was worse.", []string{"The toll rose in 2008.", "2009 was worse."}},
		{"Inc. before a name", "Apple Inc. CEO Tim Cook spoke. Apple Inc. The end.", []string{"Apple Inc. CEO Tim Cook spoke.", "Apple Inc.", "The end."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := segTexts(tt.in)
			if strings.Join(got, "|") != strings.Join(tt.want, "|") || len(got) != len(tt.want) {
				t.Errorf("Segments(%q)\n got %q\nwant %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestSegmentsFurniture(t *testing.T) {
	type seg struct {
		text string
		furn bool
	}
	tests := []struct {
		name string
		in   string
		want []seg
	}{
		{"read time", "5 min read", []seg{{"5 min read", true}}},
		{"published label", "Published 3 December 2025, 8:40am", []seg{{"Published 3 December 2025, 8:40am", true}}},
		{"published alone", "Published", []seg{{"Published", true}}},
		{"published label on its own line", "Published\n3 December 2025, 8:40am\n\nThe talks ended on Tuesday.",
			[]seg{{"Published", true}, {"3 December 2025, 8:40am", true}, {"The talks ended on Tuesday.", false}}},
		{"a dateline is not a label", "WASHINGTON\nDec. 3, 2025\nThe talks ended on Tuesday.",
			[]seg{{"WASHINGTON", false}, {"Dec. 3, 2025", false}, {"The talks ended on Tuesday.", false}}},
		{"first published", "First published on Wed 3 Dec 2025 14.05 GMT", []seg{{"First published on Wed 3 Dec 2025 14.05 GMT", true}}},
		{"last modified", "Last modified on Wed 3 Dec 2025 19.12 GMT", []seg{{"Last modified on Wed 3 Dec 2025 19.12 GMT", true}}},
		{"image source", "Image source, Getty Images", []seg{{"Image source, Getty Images", true}}},
		{"correction is news", "This story has been corrected to show that the meeting was on Tuesday, not Wednesday.",
			[]seg{{"This story has been corrected to show that the meeting was on Tuesday, not Wednesday.", false}}},
		{"wire dateline is news", "WASHINGTON (AP) — President Donald Trump said Wednesday he would meet Putin next week.",
			[]seg{{"WASHINGTON (AP) — President Donald Trump said Wednesday he would meet Putin next week.", false}}},
		{"published in a headline", "Published papers show rising seas", []seg{{"Published papers show rising seas", false}}},
		{"share", "Share", []seg{{"Share", true}}},
		{"source credit", "Source: AFP, Reuters", []seg{{"Source: AFP, Reuters", true}}},
		{"photo credit", "Andrew Caballero-Reynolds / AFP", []seg{{"Andrew Caballero-Reynolds / AFP", true}}},
		{"slash in news", "The client handles audio / video / text messaging since May.", []seg{{"The client handles audio / video / text messaging since May.", false}}},
		{"newsletter", "Sign up for our free weekly newsletter", []seg{{"Sign up for our free weekly newsletter", true}}},
		{"app", "For the latest from SBS News, download our app and subscribe to our newsletter.", []seg{{"For the latest from SBS News, download our app and subscribe to our newsletter.", true}}},
		{"subscribers in news", "Netflix added 5 million subscribers in the third quarter.", []seg{{"Netflix added 5 million subscribers in the third quarter.", false}}},
		{"privacy policy in news", "Facebook changed its privacy policy last year, regulators said on Tuesday after a long review of its practices.",
			[]seg{{"Facebook changed its privacy policy last year, regulators said on Tuesday after a long review of its practices.", false}}},
		{"privacy policy line", "Privacy Policy", []seg{{"Privacy Policy", true}}},
		{"app store in news", "Apple's App Store opened in July 2008.", []seg{{"Apple's App Store opened in July 2008.", false}}},
		{"advertising in news", "iAd, the new mobile advertising service, goes live on July 1.", []seg{{"iAd, the new mobile advertising service, goes live on July 1.", false}}},
		{"newsletter in news", "The company's newsletter said revenue rose 5% in 2024.", []seg{{"The company's newsletter said revenue rose 5% in 2024.", false}}},
		{"read more", "Read more: Putin's war in numbers", []seg{{"Read more: Putin's war in numbers", true}}},
		{"copyright", "© 2025 The Outlet. All rights reserved.", []seg{{"© 2025 The Outlet.", true}, {"All rights reserved.", true}}},
		{"advertisement", "Advertisement", []seg{{"Advertisement", true}}},
		{"donation imperative", "Support The Outlet!", []seg{{"Support The Outlet!", true}}},
		{"support in news", "Support for the plan fell in March.", []seg{{"Support for the plan fell in March.", false}}},
		{"menu run", "Home\nWorld\nBusiness\nSport", []seg{{"Home", true}, {"World", true}, {"Business", true}, {"Sport", true}}},
		{"schedule is not a menu", "Monday: talks\nTuesday: vote\nWednesday: results",
			[]seg{{"Monday: talks", false}, {"Tuesday: vote", false}, {"Wednesday: results", false}}},
		{"newsletter block", "Our weekly newsletter contains the news. You will receive it in your mailbox every Friday. Never miss a story.",
			[]seg{{"Our weekly newsletter contains the news.", true}, {"You will receive it in your mailbox every Friday.", true}, {"Never miss a story.", true}}},
		{"caption printed twice: the caption copy is furniture",
			"Talks went past midnight on Tuesday in Moscow. Source: Anadolu / Getty\n\nThe talks began at 7pm.\n\nTalks went past midnight on Tuesday in Moscow.",
			[]seg{{"Talks went past midnight on Tuesday in Moscow.", true}, {"Source: Anadolu / Getty", true}, {"The talks began at 7pm.", false}, {"Talks went past midnight on Tuesday in Moscow.", false}}},
		{"repeated line: the later copy is furniture",
			"Markets fell sharply on Monday in Asia.\n\nTraders sold.\n\nMarkets fell sharply on Monday in Asia.",
			[]seg{{"Markets fell sharply on Monday in Asia.", false}, {"Traders sold.", false}, {"Markets fell sharply on Monday in Asia.", true}}},
		{"inline read more does not carry the text after it",
			"The vote was held on Monday.\n\nRead more\n\nThe count ends on Friday, officials said in a statement to reporters.\n\nShare",
			[]seg{{"The vote was held on Monday.", false}, {"Read more", true}, {"The count ends on Friday, officials said in a statement to reporters.", false}, {"Share", true}}},
		{"donation letter at the end",
			"The vote was held on Monday.\n\nSign up for our newsletter\n\nDear readers,\n\nWe are facing unprecedented challenges this year. Our work is at risk.\n\nNot ready to support today?",
			[]seg{{"The vote was held on Monday.", false}, {"Sign up for our newsletter", true}, {"Dear readers,", true},
				{"We are facing unprecedented challenges this year.", true}, {"Our work is at risk.", true}, {"Not ready to support today?", true}}},
		{"quoted first person is news", "The vote was held on Monday.\n\n\"We will win, and our people know it,\" he said.\n\nShare",
			[]seg{{"The vote was held on Monday.", false}, {"\"We will win, and our people know it,\" he said.", false}, {"Share", true}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			segs := Segments(tt.in)
			var got []seg
			for _, s := range segs {
				got = append(got, seg{tt.in[s.Start:s.End], s.Furniture})
				if s.Furniture != (s.Reason != "") {
					t.Errorf("segment %q: Furniture=%v but Reason=%q", tt.in[s.Start:s.End], s.Furniture, s.Reason)
				}
			}
			if len(got) != len(tt.want) {
				t.Fatalf("Segments(%q)\n got %v\nwant %v", tt.in, got, tt.want)
			}
			for i := range got {
				if got[i] != tt.want[i] {
					t.Errorf("segment %d: got %+v (%s), want %+v", i, got[i], segs[i].Reason, tt.want[i])
				}
			}
		})
	}
}

// checkCover checks the invariants every segmentation must keep: spans in
// order, trimmed, within one paragraph, and covering every non-space byte.
func checkCover(t *testing.T, name, body string, segs []Segment) {
	t.Helper()
	covered := make([]bool, len(body))
	prev := 0
	for _, s := range segs {
		if s.Start < prev || s.End <= s.Start || s.End > len(body) {
			t.Fatalf("%s: bad span %v after %d", name, s.Span, prev)
		}
		txt := body[s.Start:s.End]
		if strings.TrimSpace(txt) != txt {
			t.Errorf("%s: span %v not trimmed: %q", name, s.Span, txt)
		}
		if strings.Contains(txt, "\n\n") || strings.Contains(txt, "\n\r\n") {
			t.Errorf("%s: span %v crosses a blank line: %q", name, s.Span, txt)
		}
		for i := s.Start; i < s.End; i++ {
			covered[i] = true
		}
		prev = s.End
	}
	for i, c := range []byte(body) {
		if !covered[i] && c > ' ' && c < 0x80 {
			t.Fatalf("%s: byte %d (%q) in no segment: %q", name, i, c, body[max(0, i-20):min(len(body), i+20)])
		}
	}
}

// seedBodies reads the seed articles (the copies in ../seeds) and returns
// their bodies by file name.
func seedBodies(t testing.TB) map[string]string {
	t.Helper()
	return bodiesIn(t, "../seeds")
}

// bodiesIn reads the articles (*.txt) of a directory and returns their
// bodies by file name.
func bodiesIn(t testing.TB, dir string) map[string]string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no articles in %s: %v", dir, err)
	}
	out := map[string]string{}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		_, off, err := SplitFrontMatter(f, data)
		if err != nil {
			t.Fatal(err)
		}
		out[filepath.Base(f)] = string(data[off:])
	}
	return out
}

// goldQuote is a timex line of seeds-gold.yaml.
type goldQuote struct {
	doc, quote, text string
	boilerplate      bool
}

// readGold reads the timexes of a gold file (../testdata/seeds-gold.yaml,
// ../testdata/stories/*/gold.yaml). The files are in YAML flow style, one
// `- {doc: …, quote: "…", text: …}` per line, which is all this reader
// handles.
func readGold(t testing.TB, path string) []goldQuote {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var out []goldQuote
	inTimexes := false
	for _, line := range strings.Split(string(data), "\n") {
		if !strings.HasPrefix(line, " ") && strings.HasSuffix(line, ":") {
			inTimexes = line == "timexes:"
			continue
		}
		l := strings.TrimSpace(line)
		if !inTimexes || !strings.HasPrefix(l, "- {") {
			continue
		}
		g := goldQuote{doc: field(l, "doc"), quote: field(l, "quote"), text: field(l, "text"), boilerplate: field(l, "boilerplate") == "true"}
		if g.doc == "" || g.quote == "" {
			t.Fatalf("cannot read gold line %q", l)
		}
		out = append(out, g)
	}
	return out
}

// field extracts `key: value` from a YAML flow mapping line.
func field(l, key string) string {
	i := strings.Index(l, " "+key+": ")
	if i < 0 {
		i = strings.Index(l, "{"+key+": ")
	}
	if i < 0 {
		return ""
	}
	v := l[i+len(key)+3:]
	if strings.HasPrefix(v, `"`) {
		end := strings.Index(v[1:], `"`)
		s, err := strconv.Unquote(v[:end+2])
		if err != nil {
			return v[1 : end+1]
		}
		return s
	}
	if j := strings.IndexAny(v, ",}"); j >= 0 {
		v = v[:j]
	}
	return strings.TrimSpace(v)
}

func segmentAt(segs []Segment, off int) (Segment, bool) {
	for _, s := range segs {
		if s.Start <= off && off < s.End {
			return s, true
		}
	}
	return Segment{}, false
}

// TestSegmentsGold checks the seeds and the test stories against their
// gold: every boilerplate timex is in furniture, no other timex is, no
// quote is cut, and the segmentation covers the text.
func TestSegmentsGold(t *testing.T) {
	sets := map[string]string{"../seeds": "../testdata/seeds-gold.yaml"}
	stories, _ := filepath.Glob("../testdata/stories/*/gold.yaml")
	clusters, _ := filepath.Glob("../testdata/clusters/*/gold.yaml")
	stories = append(stories, clusters...)
	for _, g := range stories {
		sets[filepath.Dir(g)] = g
	}
	boiler := 0
	for dir, goldFile := range sets {
		bodies := bodiesIn(t, dir)
		segsOf := map[string][]Segment{}
		for name, body := range bodies {
			segsOf[name] = Segments(body)
			checkCover(t, name, body, segsOf[name])
		}
		for _, g := range readGold(t, goldFile) {
			if g.boilerplate {
				boiler++
			}
			t.Run(filepath.Base(dir)+"/"+g.doc+"/"+g.quote, func(t *testing.T) {
				body, ok := bodies[g.doc]
				if !ok {
					t.Fatalf("no article %s in %s", g.doc, dir)
				}
				i := strings.Index(body, g.quote)
				if i < 0 {
					t.Fatalf("quote %q not in %s", g.quote, g.doc)
				}
				j := strings.Index(g.quote, g.text)
				if j < 0 {
					j = 0
				}
				s, ok := segmentAt(segsOf[g.doc], i+j)
				if !ok {
					t.Fatalf("%q is in no segment", g.quote)
				}
				if s.Furniture != g.boilerplate {
					t.Errorf("%q in segment %q: furniture %v (%s), want %v", g.text, body[s.Start:s.End], s.Furniture, s.Reason, g.boilerplate)
				}
				if s.End < i+len(g.quote) && !strings.Contains(g.quote, ". ") {
					t.Errorf("quote %q is split: segment %q", g.quote, body[s.Start:s.End])
				}
			})
		}
	}
	if boiler < 4 {
		t.Errorf("only %d boilerplate timexes in the gold files; the test reads them wrong", boiler)
	}
}

// TestSegmentsSeedsText checks that the news text of the seeds is not
// furniture: every segment before the closing furniture of a page that
// holds a verb-like word is kept, except the caption copy of a repeated
// line.
func TestSegmentsSeedsText(t *testing.T) {
	bodies := seedBodies(t)
	// The last news sentence of each seed; everything up to it is news
	// (captions and credits aside).
	lastNews := map[string]string{
		"01-hurriyet-afp.txt":   "so that it does not force Kiev to capitulate.",
		"02-moscow-times.txt":   "AFP contributed reporting.",
		"03-melbourne-post.txt": "The Guardian writes.",
		"04-whistlebuzz.txt":    "Izvestia newspaper.",
		"05-sbs-news.txt":       "was to ease Western sanctions.",
	}
	for name, body := range bodies {
		t.Run(name, func(t *testing.T) {
			end := strings.Index(body, lastNews[name])
			if end < 0 {
				t.Fatalf("marker not found")
			}
			for _, s := range Segments(body) {
				txt := body[s.Start:s.End]
				if s.Start > end {
					if !s.Furniture {
						t.Errorf("closing furniture kept: %q", txt)
					}
					continue
				}
				if s.Furniture && s.Reason != reasonCredit && s.Reason != reasonRepeat && !strings.HasPrefix(txt, "Support The") {
					t.Errorf("news marked furniture (%s): %q", s.Reason, txt)
				}
			}
		})
	}
}

// devDoc is the part of a MEANTIME record these tests read.
type devDoc struct {
	ID           string
	Text         string
	AnnotatedEnd int `json:"annotated_end"`
	Timexes      []struct {
		Start, End int
		Text       string
	}
}

func loadDevDocs(t testing.TB) []devDoc {
	t.Helper()
	f, err := os.Open("../testdata/meantime/dev.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var docs []devDoc
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<24)
	for sc.Scan() {
		var d devDoc
		if err := json.Unmarshal(sc.Bytes(), &d); err != nil {
			t.Fatal(err)
		}
		docs = append(docs, d)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return docs
}

// TestSegmentsDev checks the MEANTIME dev texts: no gold timex is in
// furniture and no timex is cut by a sentence boundary.
func TestSegmentsDev(t *testing.T) {
	docs := loadDevDocs(t)
	if len(docs) == 0 {
		t.Fatal("no dev documents")
	}
	for _, d := range docs {
		segs := Segments(d.Text)
		checkCover(t, d.ID, d.Text, segs)
		cp := []int{}
		for i := range d.Text {
			cp = append(cp, i)
		}
		cp = append(cp, len(d.Text))
		for _, x := range d.Timexes {
			bs, be := cp[x.Start], cp[x.End]
			s, ok := segmentAt(segs, bs)
			if !ok {
				t.Errorf("%s: timex %q in no segment", d.ID, x.Text)
				continue
			}
			if s.Furniture {
				t.Errorf("%s: timex %q in furniture (%s): %q", d.ID, x.Text, s.Reason, d.Text[s.Start:s.End])
			}
			if be > s.End {
				t.Errorf("%s: timex %q cut by a sentence end: %q", d.ID, x.Text, d.Text[s.Start:s.End])
			}
		}
	}
}

func BenchmarkSegments(b *testing.B) {
	var texts []string
	n := 0
	for _, body := range seedBodies(b) {
		texts = append(texts, body)
		n += len(body)
	}
	for _, d := range loadDevDocs(b) {
		texts = append(texts, d.Text)
		n += len(d.Text)
	}
	b.SetBytes(int64(n))
	b.ReportAllocs()
	segs := 0
	cpu0 := segCPUTime()
	for b.Loop() {
		for _, t := range texts {
			segs += len(Segments(t))
		}
	}
	// CPU time of the process, not wall time: on a loaded machine MB/s
	// measures the neighbours; cpu-MB/s measures Segments.
	if d := segCPUTime() - cpu0; d > 0 {
		b.ReportMetric(float64(n)*float64(b.N)/d.Seconds()/1e6, "cpu-MB/s")
	}
	b.ReportMetric(float64(segs)/float64(b.N), "segments/op")
}

// segCPUTime returns the user and system CPU time of the process.
func segCPUTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// FuzzSegments checks that any input segments without panicking and keeps
// the invariants of checkCover.
func FuzzSegments(f *testing.F) {
	for _, s := range []string{"", "a. B", "U.S. The\n\n• x\r\n", "Dec.\n3", "“x.” Y…", "\xe2\x80", "\xc2", "a\u00a0.\u00a0B", "Published\n3", "x / Y Z"} {
		f.Add(s)
	}
	for _, body := range seedBodies(f) {
		f.Add(body)
	}
	f.Fuzz(func(t *testing.T, body string) {
		segs := Segments(body)
		covered := make([]bool, len(body))
		prev := 0
		for _, s := range segs {
			if s.Start < prev || s.End <= s.Start || s.End > len(body) {
				t.Fatalf("bad span %v after %d in %q", s.Span, prev, body)
			}
			if s.Furniture != (s.Reason != "") {
				t.Fatalf("Furniture %v with Reason %q", s.Furniture, s.Reason)
			}
			for i := s.Start; i < s.End; i++ {
				covered[i] = true
			}
			prev = s.End
		}
		for i, c := range []byte(body) {
			if !covered[i] && c > ' ' && c < 0x7f {
				t.Fatalf("byte %d (%q) in no segment of %q", i, c, body)
			}
		}
	})
}
