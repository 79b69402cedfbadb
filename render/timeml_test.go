package render

import (
	"bytes"
	"encoding/xml"
	"errors"
	"flag"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"chronicle/parse"
	"chronicle/parse/tempeval"
	"chronicle/seeds"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// stripTimeML returns the TEXT of a TimeML document with every tag removed
// and the XML escapes undone: for [TimeML] output, the article body.
func stripTimeML(t testing.TB, doc string) string {
	t.Helper()
	i := strings.Index(doc, "<TEXT>")
	j := strings.LastIndex(doc, "</TEXT>")
	if i < 0 || j < i {
		t.Fatalf("no <TEXT> element in %q", clipTest(doc))
	}
	text := doc[i+len("<TEXT>") : j]
	var b strings.Builder
	for k := 0; k < len(text); {
		switch text[k] {
		case '<':
			e := strings.IndexByte(text[k:], '>')
			if e < 0 {
				t.Fatalf("unclosed tag at %d", k)
			}
			tag := text[k : k+e+1]
			if !strings.HasPrefix(tag, "<TIMEX3 ") && tag != "</TIMEX3>" {
				t.Fatalf("unexpected tag %q", tag)
			}
			k += e + 1
		case '&':
			e := strings.IndexByte(text[k:], ';')
			if e < 0 {
				t.Fatalf("unterminated entity at %d", k)
			}
			ent := text[k+1 : k+e]
			switch {
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
			case strings.HasPrefix(ent, "#x"):
				n, err := strconv.ParseUint(ent[2:], 16, 32)
				if err != nil {
					t.Fatalf("bad entity %q", ent)
				}
				b.WriteRune(rune(n))
			case strings.HasPrefix(ent, "#"):
				n, err := strconv.ParseUint(ent[1:], 10, 32)
				if err != nil {
					t.Fatalf("bad entity %q", ent)
				}
				b.WriteRune(rune(n))
			default:
				t.Fatalf("unknown entity %q", ent)
			}
			k += e + 1
		default:
			b.WriteByte(text[k])
			k++
		}
	}
	return b.String()
}

func clipTest(s string) string {
	if len(s) > 200 {
		return s[:200] + "…"
	}
	return s
}

// checkTimeML checks one rendering: the frame, the round trip, and (for
// bodies XML can carry) that an XML reader sees the same TIMEX3 texts.
func checkTimeML(t *testing.T, name string, a *parse.Article, ms []parse.Mention, out string) {
	t.Helper()
	if !strings.HasPrefix(out, "<?xml version=\"1.0\" ?>\n<TimeML>\n<DCT><TIMEX3 tid=\"t0\" type=\"") || !strings.HasSuffix(out, "</TEXT>\n</TimeML>\n") {
		t.Errorf("%s: frame wrong: %q", name, clipTest(out))
	}
	if got := stripTimeML(t, out); got != a.Body {
		i := 0
		for i < len(got) && i < len(a.Body) && got[i] == a.Body[i] {
			i++
		}
		t.Fatalf("%s: round trip differs at byte %d: got %q, want %q", name, i, clipTest(got[i:]), clipTest(a.Body[i:]))
	}
	if strings.ContainsAny(a.Body, "\x00\x01\x02\x03\x04\x05\x06\x07\x08\x0b\x0c\x0e\x0f\x7f") {
		return
	}
	dec := xml.NewDecoder(strings.NewReader(out))
	var texts []string
	inText, inTimex := false, false
	var cur strings.Builder
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatalf("%s: not well-formed XML: %v", name, err)
		}
		switch tk := tok.(type) {
		case xml.StartElement:
			if tk.Name.Local == "TEXT" {
				inText = true
			}
			if tk.Name.Local == "TIMEX3" && inText {
				inTimex = true
				cur.Reset()
			}
		case xml.EndElement:
			if tk.Name.Local == "TEXT" {
				inText = false
			}
			if tk.Name.Local == "TIMEX3" && inTimex {
				inTimex = false
				texts = append(texts, cur.String())
			}
		case xml.CharData:
			if inTimex {
				cur.Write(tk)
			}
		}
	}
	kept := TimeMLMentions(a.Body, ms, TimeMLOptions{})
	if len(texts) != len(kept) {
		t.Fatalf("%s: %d TIMEX3 in TEXT, want %d", name, len(texts), len(kept))
	}
	for i, m := range kept {
		want := strings.ReplaceAll(a.Body[m.Span.Start:m.Span.End], "\r\n", "\n")
		if texts[i] != want {
			t.Errorf("%s: TIMEX3 %d holds %q, want %q", name, i+1, texts[i], want)
		}
	}
}

func readSeeds(t testing.TB) map[string]parse.Article {
	t.Helper()
	fsys := seeds.FS()
	names, err := fs.Glob(fsys, "*.txt")
	if err != nil || len(names) == 0 {
		t.Fatalf("no seeds: %v", err)
	}
	out := map[string]parse.Article{}
	for _, n := range names {
		data, err := fs.ReadFile(fsys, n)
		if err != nil {
			t.Fatal(err)
		}
		a, err := parse.ReadArticle(n, data, parse.ReadOptions{})
		if err != nil {
			t.Fatal(err)
		}
		out[n] = a
	}
	return out
}

func TestTimeMLSeedsGolden(t *testing.T) {
	ex := parse.NewExtractor(parse.Options{})
	for name, a := range readSeeds(t) {
		t.Run(name, func(t *testing.T) {
			ms := ex.Extract(&a)
			var b bytes.Buffer
			if err := TimeML(&b, &a, ms, TimeMLOptions{}); err != nil {
				t.Fatal(err)
			}
			golden := filepath.Join("testdata", strings.TrimSuffix(name, ".txt")+".tml")
			if *update {
				if err := os.WriteFile(golden, b.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			checkTimeML(t, name, &a, ms, b.String())
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test ./render -run TimeML -update to create it)", err)
			}
			if !bytes.Equal(b.Bytes(), want) {
				t.Errorf("%s differs from %s; if the tagger changed on purpose, review and run go test ./render -run TimeML -update\n%s",
					name, golden, firstDiff(b.String(), string(want)))
			}
			// The golden file itself round-trips to the body.
			if got := stripTimeML(t, string(want)); got != a.Body {
				t.Errorf("%s: golden file does not strip to the body", golden)
			}
		})
	}
}

// firstDiff shows the first differing line of two texts.
func firstDiff(got, want string) string {
	g, w := strings.Split(got, "\n"), strings.Split(want, "\n")
	for i := 0; i < len(g) || i < len(w); i++ {
		var gl, wl string
		if i < len(g) {
			gl = g[i]
		}
		if i < len(w) {
			wl = w[i]
		}
		if gl != wl {
			return "line " + strconv.Itoa(i+1) + ":\n got: " + clipTest(gl) + "\nwant: " + clipTest(wl)
		}
	}
	return ""
}

func TestTimeMLDevRoundTrip(t *testing.T) {
	docs, err := tempeval.LoadMeantimeFile("../testdata/meantime/dev.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	ex := parse.NewExtractor(parse.Options{})
	for _, d := range docs {
		a := parse.Article{Source: d.ID, Body: d.Text, Published: d.DCT, DateOnly: true, Loc: time.UTC}
		ms := ex.Extract(&a)
		var b strings.Builder
		if err := TimeML(&b, &a, ms, TimeMLOptions{}); err != nil {
			t.Fatal(err)
		}
		checkTimeML(t, d.ID, &a, ms, b.String())
		if !strings.Contains(b.String(), `value="`+d.DCTValue+`" temporalFunction="false" functionInDocument="CREATION_TIME">`+d.DCTValue+`</TIMEX3></DCT>`) {
			t.Errorf("%s: DCT not %s", d.ID, d.DCTValue)
		}
	}
}

func TestTimeML(t *testing.T) {
	loc, err := time.LoadLocation("Europe/Moscow")
	if err != nil {
		t.Fatal(err)
	}
	day := time.Date(2025, 12, 4, 0, 0, 0, 0, loc)
	mention := func(body, text string, kind parse.Kind, val string) parse.Mention {
		i := strings.Index(body, text)
		return parse.Mention{Text: text, Span: parse.Span{Start: i, End: i + len(text)}, Value: parse.Value{Kind: kind, TIMEX: val}}
	}
	const head = "<?xml version=\"1.0\" ?>\n<TimeML>\n"
	tests := []struct {
		name string
		a    parse.Article
		ms   func(body string) []parse.Mention
		opts TimeMLOptions
		want string
	}{
		{
			name: "escaping and attributes",
			a:    parse.Article{Body: "AT&T <said> on Monday \"x\" every Friday.", Published: day, DateOnly: true, Loc: loc},
			ms: func(body string) []parse.Mention {
				set := mention(body, "every Friday", parse.KindSet, "XXXX-WXX-5")
				set.Quant, set.Freq = "EVERY", "1W"
				return []parse.Mention{set, mention(body, "Monday", parse.KindDate, "2025-12-01")}
			},
			want: head + `<DCT><TIMEX3 tid="t0" type="DATE" value="2025-12-04" temporalFunction="false" functionInDocument="CREATION_TIME">2025-12-04</TIMEX3></DCT>` + "\n" +
				`<TEXT>AT&amp;T &lt;said&gt; on <TIMEX3 tid="t1" type="DATE" value="2025-12-01">Monday</TIMEX3> "x" <TIMEX3 tid="t2" type="SET" value="XXXX-WXX-5" quant="EVERY" freq="1W">every Friday</TIMEX3>.</TEXT>` + "\n</TimeML>\n",
		},
		{
			name: "nested and overlapping mentions are skipped",
			a:    parse.Article{Body: "nearly four years after", Published: time.Date(2025, 12, 4, 14, 5, 0, 0, loc), Loc: loc},
			ms: func(body string) []parse.Mention {
				inner := mention(body, "four years", parse.KindDuration, "P4Y")
				outer := mention(body, "nearly four years", parse.KindDuration, "P4Y")
				outer.Mod = "APPROX"
				over := mention(body, "years after", parse.KindDate, "X")
				bad := parse.Mention{Span: parse.Span{Start: 10, End: 99}}
				return []parse.Mention{inner, over, bad, outer}
			},
			want: head + `<DCT><TIMEX3 tid="t0" type="TIME" value="2025-12-04T14:05:00" temporalFunction="false" functionInDocument="CREATION_TIME">2025-12-04T14:05:00</TIMEX3></DCT>` + "\n" +
				`<TEXT><TIMEX3 tid="t1" type="DURATION" value="P4Y" mod="APPROX">nearly four years</TIMEX3> after</TEXT>` + "\n</TimeML>\n",
		},
		{
			name: "furniture left out on request, undated article",
			a:    parse.Article{Body: "Out on Monday.\r\nRead every Friday", Undated: true},
			ms: func(body string) []parse.Mention {
				f := mention(body, "every Friday", parse.KindSet, "XXXX-WXX-5")
				f.Furniture = true
				return []parse.Mention{mention(body, "Monday", parse.KindDate, "XXXX-WXX-1"), f}
			},
			opts: TimeMLOptions{NoFurniture: true},
			want: head + `<DCT><TIMEX3 tid="t0" type="DATE" value="XXXX-XX-XX" temporalFunction="false" functionInDocument="CREATION_TIME">XXXX-XX-XX</TIMEX3></DCT>` + "\n" +
				`<TEXT>Out on <TIMEX3 tid="t1" type="DATE" value="XXXX-WXX-1">Monday</TIMEX3>.&#13;` + "\n" + `Read every Friday</TEXT>` + "\n</TimeML>\n",
		},
		{
			name: "control characters and no mentions",
			a:    parse.Article{Body: "a\x0cb\x01", Published: day, DateOnly: true, Loc: loc},
			ms:   func(string) []parse.Mention { return nil },
			want: head + `<DCT><TIMEX3 tid="t0" type="DATE" value="2025-12-04" temporalFunction="false" functionInDocument="CREATION_TIME">2025-12-04</TIMEX3></DCT>` + "\n" +
				"<TEXT>a&#12;b&#1;</TEXT>\n</TimeML>\n",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ms := tt.ms(tt.a.Body)
			var b strings.Builder
			if err := TimeML(&b, &tt.a, ms, tt.opts); err != nil {
				t.Fatal(err)
			}
			if b.String() != tt.want {
				t.Errorf("got\n%s\nwant\n%s", b.String(), tt.want)
			}
			if got := stripTimeML(t, b.String()); got != tt.a.Body {
				t.Errorf("round trip %q, want %q", got, tt.a.Body)
			}
		})
	}
}
