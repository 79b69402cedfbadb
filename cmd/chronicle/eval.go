package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/urfave/cli/v2"

	"chronicle/parse"
	"chronicle/parse/tempeval"
	"chronicle/timeline"
)

func evalCommand() *cli.Command {
	return &cli.Command{
		Name:  "eval",
		Usage: "score the tagger on annotated data (TempEval-3 timex figures)",
		Description: `Tags the text of every gold document, resolving against its creation
time (DCT) in UTC, and prints the TempEval-3 timex figures overall and per
type: strict and relaxed precision, recall and F1 of the extents, type and
value accuracy over relaxed matches, and value F1 (relaxed matches with the
right value). MEANTIME documents are scored on their annotated region only.

--gold is a directory of TempEval-3 .tml files, one .tml file, or a JSON
Lines file in the MEANTIME schema (testdata/meantime/dev.jsonl).
With --coref, scores cross-document event merging instead.`,
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "gold", Usage: "gold `PATH`: a directory of .tml files, a .tml file or a MEANTIME .jsonl file"},
			&cli.BoolFlag{Name: "errors", Usage: "list every miss, spurious match, wrong value, extent and type, with its context"},
			&cli.StringFlag{Name: "format", Value: "text", Usage: "`text` or json"},
			&cli.BoolFlag{Name: "coref", Usage: "score cross-document event merging against the gold chains instead"},
			&cli.StringFlag{Name: "output", Aliases: []string{"o"}, Usage: "write to `FILE` (atomically) instead of stdout"},
		},
		Action: func(c *cli.Context) error {
			if c.Bool("coref") {
				return runCorefEval(c)
			}
			format := c.String("format")
			if format != "text" && format != "json" {
				return usageErr("--format %q: use text or json", format)
			}
			path := c.String("gold")
			if path == "" {
				return usageErr("eval needs --gold PATH: a directory of TempEval-3 .tml files or a MEANTIME .jsonl file")
			}
			docs, err := loadGold(path)
			if err != nil {
				return &exitError{code: 1, err: err}
			}
			preds, err := tagGold(c, docs)
			if err != nil {
				return err
			}
			r := tempeval.Score(docs, preds)
			withErrors := c.Bool("errors")
			return writeOutput(c, c.String("output"), func(w io.Writer) error {
				if format == "json" {
					if !withErrors {
						r.Errors = nil
					}
					data, err := json.MarshalIndent(r, "", "  ")
					if err != nil {
						return err
					}
					_, err = w.Write(append(data, '\n'))
					return err
				}
				return r.WriteText(w, withErrors)
			})
		},
	}
}

// loadGold reads the gold documents at path, choosing the loader by what
// path is. Document ids are made unique ("id#2" for a repeated id).
func loadGold(path string) ([]tempeval.Doc, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, fmt.Errorf("--gold %s: no such file or directory; give a directory of .tml files or a .jsonl file", path)
	}
	var docs []tempeval.Doc
	switch ext := strings.ToLower(filepath.Ext(path)); {
	case st.IsDir():
		docs, err = tempeval.LoadTML(path)
	case ext == ".tml" || ext == ".xml":
		var data []byte
		if data, err = os.ReadFile(path); err == nil {
			var d tempeval.Doc
			d, err = tempeval.ParseTML(strings.TrimSuffix(filepath.Base(path), filepath.Ext(path)), data)
			if err != nil {
				err = fmt.Errorf("%s: %w", path, err)
			}
			docs = []tempeval.Doc{d}
		}
	default:
		docs, err = tempeval.LoadMeantimeFile(path)
	}
	if err != nil {
		return nil, err
	}
	if len(docs) == 0 {
		return nil, fmt.Errorf("--gold %s: no documents", path)
	}
	seen := map[string]int{}
	for i := range docs {
		seen[docs[i].ID]++
		if n := seen[docs[i].ID]; n > 1 {
			docs[i].ID = fmt.Sprintf("%s#%d", docs[i].ID, n)
		}
	}
	return docs, nil
}

// tagGold tags each document's text against its DCT (UTC, a date-only
// DCT at midnight) and returns the predictions by document id.
func tagGold(c *cli.Context, docs []tempeval.Doc) (map[string][]tempeval.Timex, error) {
	ex := parse.NewExtractor(parse.Options{})
	arts := func(yield func(parse.Article) bool) {
		for _, d := range docs {
			dct := d.DCT.UTC()
			dateOnly := dct.Equal(time.Date(dct.Year(), dct.Month(), dct.Day(), 0, 0, 0, 0, time.UTC))
			if !yield(parse.Article{Source: d.ID, Body: d.Text, Published: dct, DateOnly: dateOnly, Loc: time.UTC}) {
				return
			}
		}
	}
	preds := make(map[string][]tempeval.Timex, len(docs))
	err := timeline.Each(c.Context, ex, arts, timeline.Options{}, func(a *parse.Article, ms []parse.Mention) error {
		preds[a.Source] = tempeval.FromMentions(ms)
		return nil
	})
	return preds, err
}
