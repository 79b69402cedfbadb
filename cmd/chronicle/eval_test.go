package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"chronicle/parse/tempeval"
)

const devGold = "../../testdata/meantime/dev.jsonl"

// TestEvalMeantimeDev is the tagger's bar (issue 4): value F1 and strict
// F1 of at least 85 on the MEANTIME dev set, scored on the annotated
// region. It prints the figures either way.
func TestEvalMeantimeDev(t *testing.T) {
	out, errs, code := runWith(t, "", "eval", "--gold", devGold, "--format", "json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var r tempeval.Report
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatal(err)
	}
	if r.Docs != 60 || r.Overall.Gold != 262 {
		t.Fatalf("%d documents, %d gold timexes; want 60 and 262", r.Docs, r.Overall.Gold)
	}
	o := r.Overall
	t.Logf("MEANTIME dev: strict P/R/F1 %.2f/%.2f/%.2f, relaxed %.2f/%.2f/%.2f, type acc %.2f, value acc %.2f, value P/R/F1 %.2f/%.2f/%.2f",
		o.StrictP, o.StrictR, o.StrictF1, o.RelaxedP, o.RelaxedR, o.RelaxedF1, o.TypeAcc, o.ValueAcc, o.ValueP, o.ValueR, o.ValueF1)
	for _, tf := range r.Types {
		t.Logf("  %-8s gold %3d sys %3d strict F1 %6.2f value F1 %6.2f", tf.Type, tf.Gold, tf.System, tf.StrictF1, tf.ValueF1)
	}
	tests := []struct {
		name string
		got  float64
	}{
		{"value F1", o.ValueF1},
		{"strict F1", o.StrictF1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.got < 85 {
				t.Errorf("%s = %.2f, want ≥ 85", tt.name, tt.got)
			}
		})
	}
}

func TestEvalText(t *testing.T) {
	out, errs, code := runWith(t, "", "eval", "--gold", devGold, "--errors")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	for _, want := range []string{"60 documents, 262 gold timexes", "overall", "DATE", "DURATION", "val-F1", "errors:"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q", want)
		}
	}
	// Every error line names the document, the kind and the context.
	lines := strings.Split(out[strings.Index(out, "errors:"):], "\n")[1:]
	for _, l := range lines {
		if l == "" {
			continue
		}
		f := strings.Split(l, "\t")
		if len(f) != 4 || !strings.Contains(f[3], "[") {
			t.Errorf("error line %q: want doc, kind, timexes and context with [brackets]", l)
		}
	}
}

const evalTML = `<?xml version="1.0" ?>
<TimeML>
<DCT><TIMEX3 tid="t0" type="DATE" value="2013-03-22" temporalFunction="false" functionInDocument="CREATION_TIME">March 22, 2013</TIMEX3></DCT>
<TEXT>The company said on <TIMEX3 tid="t1" type="DATE" value="2013-03-21">Thursday</TIMEX3> that sales fell <TIMEX3 tid="t2" type="DATE" value="2012">last year</TIMEX3>.</TEXT>
</TimeML>
`

func TestEvalTML(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "a.tml"), []byte(evalTML), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, gold := range []string{dir, filepath.Join(dir, "a.tml")} {
		out, errs, code := runWith(t, "", "eval", "--gold", gold, "--format", "json", "--errors")
		if code != 0 {
			t.Fatalf("%s: exit %d: %s", gold, code, errs)
		}
		var r tempeval.Report
		if err := json.Unmarshal([]byte(out), &r); err != nil {
			t.Fatal(err)
		}
		if r.Docs != 1 || r.Overall.Gold != 2 {
			t.Fatalf("%s: %+v", gold, r)
		}
		// "Thursday" before a Friday DCT and "last year" are plain cases.
		if r.Overall.ValueOKGold != 2 {
			t.Errorf("%s: values right %d of 2; errors %+v", gold, r.Overall.ValueOKGold, r.Errors)
		}
	}
}

func TestEvalUsage(t *testing.T) {
	tests := []struct {
		name   string
		args   []string
		code   int
		stderr string
	}{
		{"no gold", []string{"eval"}, 2, "--gold"},
		{"missing path", []string{"eval", "--gold", "does/not/exist.jsonl"}, 1, "no such file"},
		{"bad format", []string{"eval", "--gold", devGold, "--format", "yaml"}, 2, "--format"},
		{"empty tml dir", []string{"eval", "--gold", "."}, 1, "no .tml files"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, errs, code := runWith(t, "", tt.args...)
			if code != tt.code || !strings.Contains(errs, tt.stderr) {
				t.Errorf("exit %d (want %d), stderr %q (want %q)", code, tt.code, errs, tt.stderr)
			}
		})
	}
}

// TestTagDevRoundTrip: for every dev document, `tag --format timeml` with
// the text on stdin gives back the text once the tags are stripped.
func TestTagDevRoundTrip(t *testing.T) {
	docs, err := tempeval.LoadMeantimeFile(devGold)
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range docs {
		out, errs, code := runWith(t, d.Text, "tag", "--format", "timeml", "--dct", d.DCTValue, "-")
		if code != 0 {
			t.Fatalf("%s: exit %d: %s", d.ID, code, errs)
		}
		if got := stripTags(t, out); got != d.Text {
			t.Errorf("%s: round trip differs", d.ID)
		}
		if !strings.Contains(out, `value="`+d.DCTValue+`"`) || strings.Count(out, "<TIMEX3 ") < 2 {
			t.Errorf("%s: DCT or timexes missing:\n%.300s", d.ID, out)
		}
	}
}
