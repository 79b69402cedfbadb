package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/urfave/cli/v2"

	"chronicle/parse"
	"chronicle/parse/tempeval"
	"chronicle/timeline"
)

// corefDoc is one article of a MEANTIME-style JSON Lines file, as far as
// coreference scoring needs it. Offsets are code points.
type corefDoc struct {
	ID     string `json:"id"`
	Text   string `json:"text"`
	DCT    string `json:"dct"`
	Events []struct {
		Start int     `json:"start"`
		End   int     `json:"end"`
		Chain *string `json:"chain"`
	} `json:"events"`
}

// corefReport is the output of `eval --coref`.
// Only the scores go into JSON; the counts are for the text report.
type corefReport struct {
	Gold     string              `json:"-"`
	Docs     int                 `json:"-"`
	Mentions int                 `json:"-"` // gold event mentions with a chain
	Pairs    int                 `json:"-"` // cross-article coreferent pairs
	System   timeline.CorefScore `json:"system"`
	Baseline timeline.CorefScore `json:"baseline"`
}

// runCorefEval runs `chronicle eval --coref`: cross-document event merging
// scored against gold chains. The gold event mentions that have a chain
// are dated by the tagger (the nearest date in their sentence, resolved
// against the DCT), grouped by chronicle's merging
// ([timeline.CorefClusters]) and by a same-head-lemma baseline, and both
// are scored by the same code: pairwise precision, recall and F1 over
// pairs of mentions in different articles, and B³.
func runCorefEval(c *cli.Context) error {
	format := c.String("format")
	if format != "text" && format != "json" {
		return usageErr("--format %q: use text or json", format)
	}
	path := c.String("gold")
	if path == "" {
		return usageErr("eval --coref needs --gold FILE: a MEANTIME .jsonl file with event chains (testdata/meantime/dev.jsonl)")
	}
	ms, docs, chains, ndocs, err := loadCorefGold(path)
	if err != nil {
		return &exitError{code: 1, err: err}
	}
	timeline.DateCorefMentions(parse.NewExtractor(parse.Options{}), ms)
	sys, err := timeline.CorefClusters(c.Context, ms)
	if err != nil {
		return err
	}
	r := corefReport{
		Gold: path, Docs: ndocs, Mentions: len(ms),
		System:   timeline.ScoreCoref(docs, chains, sys),
		Baseline: timeline.ScoreCoref(docs, chains, timeline.HeadLemmaClusters(ms)),
	}
	for i := range chains {
		for j := i + 1; j < len(chains); j++ {
			if docs[i] != docs[j] && chains[i] == chains[j] {
				r.Pairs++
			}
		}
	}
	return writeOutput(c, c.String("output"), func(w io.Writer) error {
		if format == "json" {
			data, err := json.MarshalIndent(r, "", "  ")
			if err != nil {
				return err
			}
			_, err = w.Write(append(data, '\n'))
			return err
		}
		return r.writeText(w)
	})
}

func (r corefReport) writeText(w io.Writer) error {
	_, err := fmt.Fprintf(w, `cross-document event merging: %s
%d articles, %d gold event mentions with a chain, %d coreferent pairs across articles

                   pairwise (cross-article)        B³
                   P      R      F1                P      R      F1
chronicle          %.3f  %.3f  %.3f             %.3f  %.3f  %.3f
same head lemma    %.3f  %.3f  %.3f             %.3f  %.3f  %.3f
`, r.Gold, r.Docs, r.Mentions, r.Pairs,
		r.System.Pairwise.P, r.System.Pairwise.R, r.System.Pairwise.F1, r.System.B3.P, r.System.B3.R, r.System.B3.F1,
		r.Baseline.Pairwise.P, r.Baseline.Pairwise.R, r.Baseline.Pairwise.F1, r.Baseline.B3.P, r.Baseline.B3.R, r.Baseline.B3.F1)
	return err
}

// loadCorefGold reads the event mentions with a non-null chain, with
// their document IDs and chains, and counts the documents.
func loadCorefGold(path string) (ms []timeline.CorefMention, docs, chains []string, ndocs int, err error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, nil, nil, 0, fmt.Errorf("--gold %s: cannot open it; give a MEANTIME .jsonl file with event chains", path)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<26)
	line := 0
	for sc.Scan() {
		line++
		if len(sc.Bytes()) == 0 {
			continue
		}
		var d corefDoc
		if err := json.Unmarshal(sc.Bytes(), &d); err != nil {
			return nil, nil, nil, 0, fmt.Errorf("%s:%d: %v; each line must be one MEANTIME document as JSON", path, line, err)
		}
		dct, err := time.Parse("2006-01-02", d.DCT)
		if err != nil {
			return nil, nil, nil, 0, fmt.Errorf("%s:%d: dct %q: want YYYY-MM-DD", path, line, d.DCT)
		}
		ndocs++
		b := tempeval.CodePointOffsets(d.Text)
		for _, e := range d.Events {
			if e.Chain == nil {
				continue
			}
			if e.Start < 0 || e.End > len(b)-1 || e.Start > e.End {
				return nil, nil, nil, 0, fmt.Errorf("%s:%d: event offsets %d-%d outside the text", path, line, e.Start, e.End)
			}
			ms = append(ms, timeline.CorefMention{Doc: d.ID, Text: d.Text, Span: parse.Span{Start: b[e.Start], End: b[e.End]}, Published: dct})
			docs = append(docs, d.ID)
			chains = append(chains, *e.Chain)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, nil, nil, 0, fmt.Errorf("%s: %v", path, err)
	}
	if ndocs == 0 {
		return nil, nil, nil, 0, fmt.Errorf("--gold %s: no documents", path)
	}
	return ms, docs, chains, ndocs, nil
}
