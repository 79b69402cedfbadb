package main

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"iter"
	"strconv"

	"github.com/urfave/cli/v2"

	"chronicle/parse"
	"chronicle/render"
	"chronicle/timeline"
)

// tagFormats are the output formats of `chronicle tag`.
var tagFormats = []string{"timeml", "json", "jsonl", "csv"}

func tagCommand() *cli.Command {
	return &cli.Command{
		Name:  "tag",
		Usage: "find and resolve the time expressions of a text (TempEval-3 TimeML, JSON, JSON Lines or CSV)",
		Description: `Tags every article of the input (a file, a directory, - for stdin; no
argument: the embedded seeds). An article with front matter is resolved
against its own published date and timezone; a plain text needs --dct
(or --published), unless --no-resolve leaves relative values unresolved.

Formats:
  timeml  one TempEval-3 TimeML document per article: the text unchanged,
          XML-escaped, with inline <TIMEX3> elements (several articles:
          one document after the other)
  json    an array with one object per article and its mentions
  jsonl   one such object per line, written as each article is tagged
  csv     one row per mention (RFC 4180, header row)`,
		ArgsUsage: "[FILE|DIR|-]...",
		Flags: append(inputFlags(),
			&cli.StringFlag{Name: "dct", Usage: "document creation `DATE|TIME` for texts that give none (same as --published)"},
			&cli.StringFlag{Name: "format", Value: "timeml", Usage: "`FORMAT`: timeml, json, jsonl or csv"},
			&cli.BoolFlag{Name: "no-resolve", Usage: "leave relative expressions unresolved (X-filled values); no DCT needed"},
			&cli.BoolFlag{Name: "no-furniture", Usage: "leave out expressions in page furniture (newsletter, app and donation boilerplate)"},
			&cli.StringFlag{Name: "output", Aliases: []string{"o"}, Usage: "write to `FILE` (atomically) instead of stdout"},
		),
		Action: runTag,
	}
}

func runTag(c *cli.Context) error {
	format := c.String("format")
	if !validFormat(format) {
		return usageErr("--format %q: use timeml, json, jsonl or csv", format)
	}
	if dct := c.String("dct"); dct != "" {
		if p := c.String("published"); p != "" && p != dct {
			return usageErr("--dct %q and --published %q disagree; give one of them", dct, p)
		}
		if err := c.Set("published", dct); err != nil {
			return usageErr("--dct %q: %v", dct, err)
		}
	}
	noResolve := c.Bool("no-resolve")
	in, err := readInput(c)
	if err != nil {
		return err
	}
	ex := parse.NewExtractor(parse.Options{NoResolve: noResolve})
	bopts, tagErrs, err := buildOptions(c)
	if err != nil {
		return err
	}
	var undated error
	arts := func(yield func(parse.Article) bool) {
		for a := range in.articles() {
			if noResolve {
				a.Undated = true
			} else if a.Undated {
				undated = usageErr("%s: no publication date to resolve relative expressions against; pass --dct 2025-12-03 (or an RFC 3339 time), add `published:` front matter, or use --no-resolve", a.Source)
				return
			}
			if !yield(a) {
				return
			}
		}
	}
	opts := tagOptions{format: format, noFurniture: c.Bool("no-furniture"), build: bopts}
	if err := writeOutput(c, c.String("output"), func(w io.Writer) error {
		return writeTagged(c, w, ex, arts, opts)
	}); err != nil {
		return err
	}
	if undated != nil {
		_ = finishBuild(c, in, *tagErrs)
		return undated
	}
	return finishBuild(c, in, *tagErrs)
}

func validFormat(f string) bool {
	for _, v := range tagFormats {
		if f == v {
			return true
		}
	}
	return false
}

type tagOptions struct {
	format      string
	noFurniture bool
	build       timeline.Options // workers and per-article error reporting
}

// writeTagged tags the articles in order and writes each as soon as it is
// tagged: nothing but the current article is held.
func writeTagged(c *cli.Context, w io.Writer, ex *parse.Extractor, arts iter.Seq[parse.Article], opts tagOptions) error {
	var cw *csv.Writer
	n := 0
	switch opts.format {
	case "csv":
		cw = csv.NewWriter(w)
		if err := cw.Write(tagCSVColumns); err != nil {
			return err
		}
	case "json":
		if _, err := io.WriteString(w, "["); err != nil {
			return err
		}
	}
	err := timeline.Each(c.Context, ex, arts, opts.build, func(a *parse.Article, ms []parse.Mention) error {
		if opts.noFurniture {
			kept := ms[:0:0]
			for _, m := range ms {
				if !m.Furniture {
					kept = append(kept, m)
				}
			}
			ms = kept
		}
		n++
		switch opts.format {
		case "timeml":
			return render.TimeML(w, a, ms, render.TimeMLOptions{})
		case "csv":
			return writeTagCSV(cw, a, ms)
		}
		data, err := json.Marshal(newTagJSON(a, ms))
		if err != nil {
			return err
		}
		switch {
		case opts.format == "jsonl":
			data = append(data, '\n')
		case n > 1:
			data = append([]byte(",\n"), data...)
		default:
			data = append([]byte("\n"), data...)
		}
		_, err = w.Write(data)
		return err
	})
	if err != nil {
		return err
	}
	switch opts.format {
	case "csv":
		cw.Flush()
		return cw.Error()
	case "json":
		_, err = io.WriteString(w, "\n]\n")
	}
	return err
}

// tagJSON is one article of `tag --format json|jsonl`.
type tagJSON struct {
	Source    string        `json:"source"`
	Outlet    string        `json:"outlet,omitempty"`
	Title     string        `json:"title,omitempty"`
	Published string        `json:"published,omitempty"` // a date, or RFC 3339; empty when undated
	Zone      string        `json:"zone"`
	Mentions  []mentionJSON `json:"mentions"`
}

// mentionJSON is one mention; start/end are UTF-8 byte offsets into the
// body, date/until the bounds of the resolved interval (until exclusive).
type mentionJSON struct {
	Text          string `json:"text"`
	Start         int    `json:"start"`
	End           int    `json:"end"`
	Type          string `json:"type"`
	Value         string `json:"value"`
	Mod           string `json:"mod,omitempty"`
	Quant         string `json:"quant,omitempty"`
	Freq          string `json:"freq,omitempty"`
	Date          string `json:"date,omitempty"`
	Until         string `json:"until,omitempty"`
	Granularity   string `json:"granularity,omitempty"`
	Tense         string `json:"tense,omitempty"`
	Signal        string `json:"signal,omitempty"`
	Rule          string `json:"rule,omitempty"`
	Furniture     bool   `json:"furniture,omitempty"`
	SentenceStart int    `json:"sentence_start"`
	SentenceEnd   int    `json:"sentence_end"`
}

func newTagJSON(a *parse.Article, ms []parse.Mention) tagJSON {
	src := timeline.NewDoc(a, nil).Source
	out := tagJSON{Source: a.Source, Outlet: a.Outlet, Title: a.Title, Published: render.Published(src), Zone: src.Zone, Mentions: make([]mentionJSON, 0, len(ms))}
	for _, m := range ms {
		out.Mentions = append(out.Mentions, newMentionJSON(m))
	}
	return out
}

func newMentionJSON(m parse.Mention) mentionJSON {
	date, until := render.Bounds(m.When)
	mj := mentionJSON{
		Text: m.Text, Start: m.Span.Start, End: m.Span.End, Type: m.Kind.TIMEX3Type(), Value: m.TIMEX,
		Mod: m.Mod, Quant: m.Quant, Freq: m.Freq, Date: date, Until: until,
		Signal: m.Signal, Rule: m.Rule, Furniture: m.Furniture,
		SentenceStart: m.Sentence.Start, SentenceEnd: m.Sentence.End,
	}
	if !m.When.IsZero() {
		mj.Granularity = m.When.Gran.String()
	}
	if m.Tense != parse.TenseUnknown {
		mj.Tense = m.Tense.String()
	}
	return mj
}

// tagCSVColumns is the header of `tag --format csv`.
var tagCSVColumns = []string{"source", "outlet", "published", "expression", "start", "end", "type", "value", "mod", "quant", "freq",
	"date", "until", "granularity", "tense", "signal", "rule", "furniture", "sentence"}

func writeTagCSV(cw *csv.Writer, a *parse.Article, ms []parse.Mention) error {
	pub := render.Published(timeline.NewDoc(a, nil).Source)
	for _, m := range ms {
		mj := newMentionJSON(m)
		sentence := ""
		if m.Sentence.Start >= 0 && m.Sentence.End <= len(a.Body) && m.Sentence.Start <= m.Sentence.End {
			sentence = render.OneLine(a.Body[m.Sentence.Start:m.Sentence.End])
		}
		row := []string{a.Source, a.Outlet, pub, m.Text, strconv.Itoa(m.Span.Start), strconv.Itoa(m.Span.End), mj.Type, mj.Value,
			mj.Mod, mj.Quant, mj.Freq, mj.Date, mj.Until, mj.Granularity, mj.Tense, mj.Signal, mj.Rule, fmt.Sprint(m.Furniture), sentence}
		if err := cw.Write(row); err != nil {
			return err
		}
	}
	return nil
}
