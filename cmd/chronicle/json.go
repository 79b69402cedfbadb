package main

import (
	"bufio"
	"encoding/json"
	"io"

	"github.com/urfave/cli/v2"

	"chronicle/parse"
	"chronicle/render"
	"chronicle/timeline"
)

func jsonCommand() *cli.Command {
	return &cli.Command{
		Name:  "json",
		Usage: "print the timeline as JSON: sources, events with their mentions, conflicts",
		Description: "--format json (default) writes one document. --format jsonl writes one line per mention\n" +
			"(--per mention) or per event (--per event). With --stream (jsonl, per mention) each article's\n" +
			"mentions are written as soon as it is tagged, without event or conflict ids.",
		ArgsUsage: "[FILE|DIR|-]...",
		Flags: append(inputFlags(),
			&cli.StringFlag{Name: "format", Value: "json", Usage: "`json` or jsonl"},
			&cli.StringFlag{Name: "per", Value: "mention", Usage: "jsonl: one line per `mention` or per event"},
			&cli.BoolFlag{Name: "stream", Usage: "jsonl: write each article's mentions as it is tagged (no events, flat memory)"},
			&cli.StringFlag{Name: "output", Aliases: []string{"o"}, Usage: "write to `FILE` (atomically) instead of stdout"},
		),
		Action: func(c *cli.Context) error {
			format, per := c.String("format"), c.String("per")
			if format != "json" && format != "jsonl" {
				return usageErr("--format %q: use json or jsonl", format)
			}
			if per != "mention" && per != "event" {
				return usageErr("--per %q: use mention or event", per)
			}
			if c.Bool("stream") {
				if format != "jsonl" || per != "mention" {
					return usageErr("--stream needs --format jsonl --per mention")
				}
				return streamMentions(c)
			}
			tl, finish, err := buildTimeline(c)
			if err != nil {
				return err
			}
			if err := writeOutput(c, c.String("output"), func(w io.Writer) error {
				if format == "jsonl" {
					return render.JSONLines(w, tl, per)
				}
				return render.JSON(w, tl)
			}); err != nil {
				return err
			}
			return finish()
		},
	}
}

// streamMentions tags the articles one at a time and writes each one's
// mentions as JSON Lines at once; nothing but the current article is kept.
func streamMentions(c *cli.Context) error {
	in, err := readInput(c)
	if err != nil {
		return err
	}
	ex := parse.NewExtractor(parse.Options{})
	bopts, tagErrs, err := buildOptions(c)
	if err != nil {
		return err
	}
	err = writeOutput(c, c.String("output"), func(w io.Writer) error {
		bw := bufio.NewWriter(w)
		enc := json.NewEncoder(bw)
		err := timeline.Each(c.Context, ex, in.articles(), bopts, func(a *parse.Article, ms []parse.Mention) error {
			d := timeline.NewDoc(a, ms)
			for _, m := range d.Mentions {
				if m.Furniture {
					continue
				}
				if err := render.WriteMentionLine(enc, d.Source, m); err != nil {
					return err
				}
			}
			return bw.Flush()
		})
		if err != nil {
			return err
		}
		return bw.Flush()
	})
	if err != nil {
		return err
	}
	return finishBuild(c, in, *tagErrs)
}
