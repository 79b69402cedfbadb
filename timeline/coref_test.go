package timeline

import (
	"bufio"
	"encoding/json"
	"os"
	"testing"
	"time"

	"chronicle/parse"
)

// meantimeDoc is one article of testdata/meantime/dev.jsonl (see its
// README): offsets are code points.
type meantimeDoc struct {
	ID     string `json:"id"`
	Text   string `json:"text"`
	DCT    string `json:"dct"`
	Events []struct {
		Start, End int
		Chain      *string
	} `json:"events"`
}

// loadCoref reads the gold event mentions that have a chain.
func loadCoref(t *testing.T, path string) (ms []CorefMention, docs, chains []string) {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<24)
	for sc.Scan() {
		var d meantimeDoc
		if err := json.Unmarshal(sc.Bytes(), &d); err != nil {
			t.Fatal(err)
		}
		dct, err := time.Parse("2006-01-02", d.DCT)
		if err != nil {
			t.Fatal(err)
		}
		b := make([]int, 0, len(d.Text)+1)
		for i := range d.Text {
			b = append(b, i)
		}
		b = append(b, len(d.Text))
		for _, e := range d.Events {
			if e.Chain == nil {
				continue
			}
			ms = append(ms, CorefMention{Doc: d.ID, Text: d.Text, Span: parse.Span{Start: b[e.Start], End: b[e.End]}, Published: dct})
			docs = append(docs, d.ID)
			chains = append(chains, *e.Chain)
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return ms, docs, chains
}

// TestCorefBeatsBaseline groups the MEANTIME dev gold event mentions with
// chronicle's merging and with the same-head-lemma baseline: chronicle
// must have the better cross-article pairwise F1.
func TestCorefBeatsBaseline(t *testing.T) {
	ms, docs, chains := loadCoref(t, "../testdata/meantime/dev.jsonl")
	if len(ms) < 400 {
		t.Fatalf("only %d chained mentions read", len(ms))
	}
	DateCorefMentions(parse.NewExtractor(parse.Options{}), ms)
	dated := 0
	for _, m := range ms {
		if !m.When.IsZero() {
			dated++
		}
	}
	t.Logf("%d of %d event mentions dated by their sentence", dated, len(ms))
	sys, err := CorefClusters(t.Context(), ms)
	if err != nil {
		t.Fatal(err)
	}
	got := ScoreCoref(docs, chains, sys)
	base := ScoreCoref(docs, chains, HeadLemmaClusters(ms))
	t.Logf("chronicle: pairwise P %.3f R %.3f F1 %.3f; B3 P %.3f R %.3f F1 %.3f", got.Pairwise.P, got.Pairwise.R, got.Pairwise.F1, got.B3.P, got.B3.R, got.B3.F1)
	t.Logf("baseline:  pairwise P %.3f R %.3f F1 %.3f; B3 P %.3f R %.3f F1 %.3f", base.Pairwise.P, base.Pairwise.R, base.Pairwise.F1, base.B3.P, base.B3.R, base.B3.F1)
	if got.Pairwise.F1 <= base.Pairwise.F1 {
		t.Errorf("chronicle pairwise F1 %.3f does not beat the head-lemma baseline's %.3f", got.Pairwise.F1, base.Pairwise.F1)
	}
}

func TestScoreCoref(t *testing.T) {
	tests := []struct {
		name       string
		docs, gold []string
		pred       []int
		want       CorefScore
	}{
		{"perfect", []string{"a", "b", "a", "b"}, []string{"x", "x", "y", "y"}, []int{0, 0, 1, 1},
			CorefScore{Pairwise: PRF{1, 1, 1}, B3: PRF{1, 1, 1}}},
		{"all merged", []string{"a", "b", "a", "b"}, []string{"x", "x", "y", "y"}, []int{0, 0, 0, 0},
			// cross pairs: (0,1) x-x, (0,3) x-y, (2,1) y-x, (2,3) y-y: 2 right of 4 merged
			CorefScore{Pairwise: PRF{0.5, 1, 2.0 / 3}, B3: PRF{0.5, 1, 2.0 / 3}}},
		{"all apart", []string{"a", "b"}, []string{"x", "x"}, []int{0, 1},
			CorefScore{Pairwise: PRF{0, 0, 0}, B3: PRF{1, 0.5, 2.0 / 3}}},
		{"same-doc pairs ignored", []string{"a", "a"}, []string{"x", "y"}, []int{0, 0},
			CorefScore{Pairwise: PRF{0, 0, 0}, B3: PRF{0.5, 1, 2.0 / 3}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := ScoreCoref(tt.docs, tt.gold, tt.pred)
			near := func(a, b PRF) bool {
				d := func(x, y float64) bool { return x-y < 1e-9 && y-x < 1e-9 }
				return d(a.P, b.P) && d(a.R, b.R) && d(a.F1, b.F1)
			}
			if !near(got.Pairwise, tt.want.Pairwise) || !near(got.B3, tt.want.B3) {
				t.Errorf("got %+v, want %+v", got, tt.want)
			}
		})
	}
}
