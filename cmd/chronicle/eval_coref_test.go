package main

import (
	"bytes"
	"context"
	"encoding/json"
	"strings"
	"testing"
)

func TestEvalCoref(t *testing.T) {
	tests := []struct {
		name     string
		args     []string
		wantCode int
		wantOut  []string // substrings of stdout
		wantErr  string   // substring of stderr
	}{
		{"text", []string{"--gold", "../../testdata/meantime/dev.jsonl"}, 0,
			[]string{"60 articles, 477 gold event mentions with a chain, 45 coreferent pairs across articles", "chronicle", "same head lemma"}, ""},
		{"no gold", nil, 2, nil, "needs --gold"},
		{"bad format", []string{"--gold", "../../testdata/meantime/dev.jsonl", "--format", "xml"}, 2, nil, `--format "xml"`},
		{"missing file", []string{"--gold", "testdata/nonexistent.jsonl"}, 1, nil, "cannot open it"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out, errb bytes.Buffer
			args := append([]string{"chronicle", "eval", "--coref"}, tt.args...)
			if code := run(context.Background(), args, strings.NewReader(""), &out, &errb); code != tt.wantCode {
				t.Fatalf("exit %d, want %d; stderr %s", code, tt.wantCode, errb.String())
			}
			for _, w := range tt.wantOut {
				if !strings.Contains(out.String(), w) {
					t.Errorf("stdout lacks %q:\n%s", w, out.String())
				}
			}
			if !strings.Contains(errb.String(), tt.wantErr) {
				t.Errorf("stderr %q lacks %q", errb.String(), tt.wantErr)
			}
		})
	}
}

// TestEvalCorefJSON checks the JSON shape and that chronicle beats the
// same-head-lemma baseline on cross-article pairwise F1.
func TestEvalCorefJSON(t *testing.T) {
	var out, errb bytes.Buffer
	args := []string{"chronicle", "eval", "--coref", "--gold", "../../testdata/meantime/dev.jsonl", "--format", "json"}
	if code := run(context.Background(), args, strings.NewReader(""), &out, &errb); code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	type prf struct{ P, R, F1 *float64 }
	type score struct{ Pairwise, B3 *prf }
	var r struct{ System, Baseline *score }
	if err := json.Unmarshal(out.Bytes(), &r); err != nil {
		t.Fatalf("%v:\n%s", err, out.String())
	}
	for name, s := range map[string]*score{"system": r.System, "baseline": r.Baseline} {
		if s == nil || s.Pairwise == nil || s.B3 == nil || s.Pairwise.F1 == nil || s.B3.P == nil || s.B3.R == nil {
			t.Fatalf("%s: missing figures in %s", name, out.String())
		}
	}
	if *r.System.Pairwise.F1 <= *r.Baseline.Pairwise.F1 {
		t.Errorf("chronicle pairwise F1 %.3f does not beat the baseline's %.3f", *r.System.Pairwise.F1, *r.Baseline.Pairwise.F1)
	}
}
