package tempeval

import (
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// tx builds a timex over the first occurrence of sub in text.
func tx(t *testing.T, text, sub, typ, val string) Timex {
	t.Helper()
	i := strings.Index(text, sub)
	if i < 0 {
		t.Fatalf("%q not in %q", sub, text)
	}
	return Timex{Start: i, End: i + len(sub), Text: sub, Type: typ, Value: val}
}

func near(a, b float64) bool { return math.Abs(a-b) < 0.01 }

func TestScore(t *testing.T) {
	text1 := "On Monday, stocks fell 3% for two weeks in March 2008."
	text2 := "Apple Q3\nMay 7, 2005\nSales rose today. Next year they fall."
	end2 := strings.Index(text2, " Next")
	docs := []Doc{
		{ID: "d1", Text: text1, AnnotatedEnd: len(text1), Gold: []Timex{
			tx(t, text1, "Monday", "DATE", "2008-03-03"),
			tx(t, text1, "two weeks", "DURATION", "P2W"),
			tx(t, text1, "March 2008", "DATE", "2008-03"),
		}},
		{ID: "d2", Text: text2, AnnotatedEnd: end2, Gold: []Timex{
			tx(t, text2, "May 7, 2005", "DATE", "2005-05-07"),
			tx(t, text2, "today", "DATE", "2005-05-07"),
		}},
	}
	pred := map[string][]Timex{
		"d1": {
			tx(t, text1, "On Monday", "DATE", "2008-03-03"), // relaxed only, value right
			tx(t, text1, "two weeks", "DURATION", "P1W"),    // strict, value wrong
			tx(t, text1, "stocks", "DATE", "XXXX"),          // spurious
		}, // March 2008 missed
		"d2": {
			tx(t, text2, "today", "DATE", "2005-05-07"),
			tx(t, text2, "May 7, 2005", "DATE", "2005-05-07"),
			tx(t, text2, "Next year", "DATE", "2006"), // past the annotated end: dropped
			{Start: 5, End: 400, Type: "DATE"},        // outside the text: dropped
		},
	}
	r := Score(docs, pred)
	// By hand: gold 5, system 5; strict 3 (two weeks, May 7, today);
	// relaxed 4 (+ On Monday); types all right; values right 3 of 4.
	want := Counts{Gold: 5, System: 5, StrictGold: 3, StrictSys: 3, RelaxedGold: 4, RelaxedSys: 4, TypeOK: 4, ValueOKGold: 3, ValueOKSys: 3}
	if r.Overall.Counts != want {
		t.Fatalf("counts %+v, want %+v", r.Overall.Counts, want)
	}
	figs := []struct {
		name      string
		got, want float64
	}{
		{"strict P", r.Overall.StrictP, 60}, {"strict R", r.Overall.StrictR, 60}, {"strict F1", r.Overall.StrictF1, 60},
		{"relaxed P", r.Overall.RelaxedP, 80}, {"relaxed R", r.Overall.RelaxedR, 80}, {"relaxed F1", r.Overall.RelaxedF1, 80},
		{"type accuracy", r.Overall.TypeAcc, 100}, {"value accuracy", r.Overall.ValueAcc, 75},
		{"value P", r.Overall.ValueP, 60}, {"value R", r.Overall.ValueR, 60}, {"value F1", r.Overall.ValueF1, 60},
		{"value F1 = relaxed F1 × value accuracy", r.Overall.ValueF1, r.Overall.RelaxedF1 * r.Overall.ValueAcc / 100},
	}
	for _, f := range figs {
		t.Run(f.name, func(t *testing.T) {
			if !near(f.got, f.want) {
				t.Errorf("%s = %.2f, want %.2f", f.name, f.got, f.want)
			}
		})
	}
	kinds := map[string]int{}
	for _, e := range r.Errors {
		kinds[e.Kind]++
	}
	wantKinds := map[string]int{Missed: 1, Spurious: 1, Value: 1, Extent: 1}
	for _, k := range []string{Missed, Spurious, Value, Extent, Type} {
		if kinds[k] != wantKinds[k] {
			t.Errorf("%d %s errors, want %d (%+v)", kinds[k], k, wantKinds[k], r.Errors)
		}
	}
	for _, e := range r.Errors {
		if e.Kind == Missed && e.Context != "On Monday, stocks fell 3% for two weeks in [March 2008]." {
			t.Errorf("missed context %q", e.Context)
		}
		if e.Kind == Spurious && e.System.Text != "stocks" {
			t.Errorf("spurious %q", e.System.Text)
		}
	}
	// Per type: DATE gold 4 (3 relaxed, 2 strict), DURATION gold 1.
	types := map[string]TypeFigures{}
	for _, tf := range r.Types {
		types[tf.Type] = tf
	}
	if d := types["DATE"]; d.Gold != 4 || d.System != 4 || d.RelaxedGold != 3 || d.StrictGold != 2 || d.ValueOKGold != 3 || !near(d.ValueF1, 75) {
		t.Errorf("DATE figures %+v", d)
	}
	if d := types["DURATION"]; d.Gold != 1 || d.System != 1 || d.StrictGold != 1 || d.ValueOKGold != 0 || d.ValueF1 != 0 {
		t.Errorf("DURATION figures %+v", d)
	}
}

func TestScoreTypes(t *testing.T) {
	text := "He waited a week before Monday."
	docs := []Doc{{ID: "d", Text: text, AnnotatedEnd: len(text), Gold: []Timex{
		tx(t, text, "a week", "DURATION", "P1W"),
		tx(t, text, "Monday", "DATE", "XXXX-WXX-1"),
	}}}
	pred := map[string][]Timex{"d": {
		tx(t, text, "a week", "DATE", "P1W"),               // wrong type, right value
		tx(t, text, "before Monday", "DATE", "2025-W49-1"), // relaxed, wrong value
	}}
	r := Score(docs, pred)
	tests := []struct {
		name      string
		got, want float64
	}{
		{"type accuracy", r.Overall.TypeAcc, 50},
		{"value accuracy", r.Overall.ValueAcc, 50},
		{"strict F1", r.Overall.StrictF1, 50},
		{"relaxed F1", r.Overall.RelaxedF1, 100},
		{"value F1", r.Overall.ValueF1, 50},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if !near(tt.got, tt.want) {
				t.Errorf("%s = %.2f, want %.2f", tt.name, tt.got, tt.want)
			}
		})
	}
	byType := map[string]TypeFigures{}
	for _, tf := range r.Types {
		byType[tf.Type] = tf
	}
	// Recall by gold type, precision by system type: the DURATION gold
	// is found (by a DATE), so DURATION recall is 100 and precision 0
	// (no system DURATION); DATE precision counts both system DATEs.
	if d := byType["DURATION"]; !near(d.RelaxedR, 100) || d.System != 0 || d.RelaxedP != 0 {
		t.Errorf("DURATION %+v", d)
	}
	if d := byType["DATE"]; !near(d.RelaxedP, 100) || !near(d.RelaxedR, 100) || !near(d.ValueP, 50) {
		t.Errorf("DATE %+v", d)
	}
}

func TestScoreOneToOne(t *testing.T) {
	text := "from Monday to Friday"
	docs := []Doc{{ID: "d", Text: text, AnnotatedEnd: len(text), Gold: []Timex{
		tx(t, text, "Monday", "DATE", "1"), tx(t, text, "Friday", "DATE", "5"),
	}}}
	// One system timex over both gold ones matches only one of them.
	pred := map[string][]Timex{"d": {{Start: 5, End: len(text), Text: text[5:], Type: "DATE", Value: "1"}}}
	r := Score(docs, pred)
	if r.Overall.RelaxedGold != 1 || r.Overall.RelaxedSys != 1 || r.Overall.ValueOKGold != 1 {
		t.Fatalf("counts %+v", r.Overall.Counts)
	}
	if !near(r.Overall.RelaxedP, 100) || !near(r.Overall.RelaxedR, 50) {
		t.Errorf("relaxed P %.2f R %.2f, want 100 and 50", r.Overall.RelaxedP, r.Overall.RelaxedR)
	}
	// An exact match wins a tie against a longer one.
	pred = map[string][]Timex{"d": {{Start: 0, End: 11, Type: "DATE", Value: "x"}, {Start: 5, End: 11, Type: "DATE", Value: "1"}}}
	r = Score(docs, pred)
	if r.Overall.StrictGold != 1 || r.Overall.ValueOKGold != 1 {
		t.Errorf("exact match not preferred: %+v", r.Overall.Counts)
	}
}

func TestScoreEmpty(t *testing.T) {
	r := Score(nil, nil)
	if r.Overall.ValueF1 != 0 || r.Overall.StrictP != 0 || len(r.Errors) != 0 {
		t.Errorf("empty report %+v", r)
	}
	var b strings.Builder
	if err := r.WriteText(&b, true); err != nil || !strings.Contains(b.String(), "0 documents") {
		t.Errorf("WriteText: %v %q", err, b.String())
	}
}

func TestLoadMeantime(t *testing.T) {
	// Code-point offsets: "Café" has 4 code points and 5 bytes.
	line := `{"id":"1","dct":"2008-03-06","text":"Café “Q”\nMarch 06, 2008\nSales fell on Monday.","annotated_end":24,` +
		`"timexes":[{"start":9,"end":23,"text":"March 06, 2008","type":"DATE","value":"2008-03-06","is_dct":true},` +
		`{"start":38,"end":44,"text":"Monday","type":"DATE","value":"2008-03-03","is_dct":false}]}` + "\n\n"
	docs, err := LoadMeantime(strings.NewReader(line))
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != 1 {
		t.Fatalf("%d docs", len(docs))
	}
	d := docs[0]
	if !d.DCT.Equal(time.Date(2008, 3, 6, 0, 0, 0, 0, time.UTC)) || d.DCTValue != "2008-03-06" {
		t.Errorf("DCT %v %q", d.DCT, d.DCTValue)
	}
	if len(d.Gold) != 2 {
		t.Fatalf("gold %+v", d.Gold)
	}
	for _, g := range d.Gold {
		if d.Text[g.Start:g.End] != g.Text {
			t.Errorf("timex %q at %d-%d is %q", g.Text, g.Start, g.End, d.Text[g.Start:g.End])
		}
	}
	if d.Gold[0].Start != 14 || d.AnnotatedEnd != 29 {
		t.Errorf("byte offsets: dateline at %d (want 14), annotated end %d (want 29)", d.Gold[0].Start, d.AnnotatedEnd)
	}
	bad := []struct{ name, in, want string }{
		{"not json", "{", "line 1"},
		{"bad dct", `{"id":"x","dct":"March","text":"a"}`, `dct "March"`},
		{"offset out of range", `{"id":"x","dct":"2008-01-01","text":"ab","timexes":[{"start":0,"end":9,"text":"ab"}]}`, "outside the text"},
		{"text mismatch", `{"id":"x","dct":"2008-01-01","text":"ab","timexes":[{"start":0,"end":1,"text":"b"}]}`, "does not match"},
	}
	for _, b := range bad {
		t.Run(b.name, func(t *testing.T) {
			_, err := LoadMeantime(strings.NewReader(b.in))
			if err == nil || !strings.Contains(err.Error(), b.want) {
				t.Errorf("error %v, want it to contain %q", err, b.want)
			}
		})
	}
}

func TestLoadMeantimeDev(t *testing.T) {
	docs, err := LoadMeantimeFile("../../testdata/meantime/dev.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	n, types := 0, map[string]int{}
	for _, d := range docs {
		for _, g := range d.Gold {
			n++
			types[g.Type]++
			if g.End > d.AnnotatedEnd {
				t.Errorf("%s: gold %q past the annotated end", d.ID, g.Text)
			}
		}
	}
	// Figures from testdata/meantime/README.md.
	if len(docs) != 60 || n != 262 || types["DATE"] != 218 || types["DURATION"] != 34 || types["TIME"] != 7 || types["SET"] != 3 {
		t.Errorf("%d docs, %d timexes %v; want 60, 262 (DATE 218, DURATION 34, TIME 7, SET 3)", len(docs), n, types)
	}
	// Gold against itself scores 100 everywhere.
	pred := map[string][]Timex{}
	for _, d := range docs {
		pred[d.ID] = d.Gold
	}
	r := Score(docs, pred)
	if r.Overall.StrictF1 != 100 || r.Overall.ValueF1 != 100 || len(r.Errors) != 0 {
		t.Errorf("gold vs gold: %+v, %d errors", r.Overall, len(r.Errors))
	}
}

const sampleTML = `<?xml version="1.0" ?>
<TimeML xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:noNamespaceSchemaLocation="http://timeml.org/timeMLdocs/TimeML_1.2.1.xsd">
<DOCID>APW19980227.0487</DOCID>
<DCT><TIMEX3 tid="t0" type="TIME" value="1998-02-27T14:20:00" temporalFunction="false" functionInDocument="CREATION_TIME">02/27/1998 14:20:00</TIMEX3></DCT>
<TITLE>Test</TITLE>
<TEXT>
AT&amp;T <EVENT eid="e1" class="OCCURRENCE">said</EVENT> <TIMEX3 tid="t1" type="DATE" value="1998-02-26" temporalFunction="true" functionInDocument="NONE" anchorTimeID="t0">Thursday</TIMEX3> it would cut costs &lt;5%&gt; over <TIMEX3 tid="t2" type="DURATION" value="P2Y" mod="MORE_THAN">more than two years</TIMEX3>.
</TEXT>
<MAKEINSTANCE eventID="e1" eiid="ei1" tense="PAST" aspect="NONE" polarity="POS" pos="VERB"/>
</TimeML>
`

func TestParseTML(t *testing.T) {
	d, err := ParseTML("APW", []byte(sampleTML))
	if err != nil {
		t.Fatal(err)
	}
	wantText := "\nAT&T said Thursday it would cut costs <5%> over more than two years.\n"
	if d.Text != wantText {
		t.Errorf("text %q, want %q", d.Text, wantText)
	}
	if d.DCTValue != "1998-02-27T14:20:00" || !d.DCT.Equal(time.Date(1998, 2, 27, 14, 20, 0, 0, time.UTC)) {
		t.Errorf("DCT %q %v", d.DCTValue, d.DCT)
	}
	if len(d.Gold) != 2 {
		t.Fatalf("gold %+v", d.Gold)
	}
	for i, want := range []Timex{{Text: "Thursday", Type: "DATE", Value: "1998-02-26"}, {Text: "more than two years", Type: "DURATION", Value: "P2Y", Mod: "MORE_THAN"}} {
		g := d.Gold[i]
		if g.Text != want.Text || g.Type != want.Type || g.Value != want.Value || g.Mod != want.Mod || d.Text[g.Start:g.End] != want.Text {
			t.Errorf("gold %d = %+v, want %+v", i, g, want)
		}
	}
	if _, err := ParseTML("x", []byte("<TimeML><TEXT>no dct</TEXT></TimeML>")); err == nil || !strings.Contains(err.Error(), "creation time") {
		t.Errorf("missing DCT: %v", err)
	}
	if _, err := ParseTML("x", []byte("<TimeML><TEXT>broken")); err == nil {
		t.Error("truncated XML accepted")
	}
}

func TestLoadTML(t *testing.T) {
	dir := t.TempDir()
	for _, n := range []string{"b.tml", "a.tml"} {
		if err := os.WriteFile(filepath.Join(dir, n), []byte(sampleTML), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	docs, err := LoadTML(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != 2 || docs[0].ID != "a" || docs[1].ID != "b" {
		t.Errorf("docs %v", docs)
	}
	if _, err := LoadTML(t.TempDir()); err == nil {
		t.Error("empty directory accepted")
	}
}
