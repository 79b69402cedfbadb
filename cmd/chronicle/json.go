package main

import (
	"bufio"
	"io"
	"strconv"

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

// streamMentions tags the articles and writes each one's mentions as JSON
// Lines as soon as it and every article before it are tagged; nothing but
// the articles in flight is kept. The workers encode the lines, the
// caller's goroutine writes them in input order.
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
	defer raiseGC(streamGCPercent)()
	err = writeOutput(c, c.String("output"), func(w io.Writer) error {
		bw := bufio.NewWriterSize(w, 256<<10)
		err := mapFormatted(c.Context, ex, in.articles(), bopts, func(dst []byte, a *parse.Article, ms []parse.Mention) ([]byte, error) {
			d := timeline.NewDoc(a, ms)
			return appendMentionLines(dst, &d), nil
		}, func(out []byte) error {
			_, err := bw.Write(out)
			return err
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

// appendMentionLines appends the lines render.WriteMentionLine writes for
// the mentions of d outside page furniture. Each sentence is put on one
// line (render.OneLine) once, not once per mention in it.
func appendMentionLines(b []byte, d *timeline.Doc) []byte {
	var sent, line string
	for i, m := range d.Mentions {
		if m.Furniture {
			continue
		}
		s := m.Sentence
		m.Sentence = "" // NewMentionJSON would put it on one line again
		mj := render.NewMentionJSON(d.Source, m)
		if i == 0 || s != sent {
			sent, line = s, render.OneLine(s)
		}
		mj.Sentence = line
		mj.Type = "mention"
		b = appendMentionLine(b, &mj)
	}
	return b
}

// appendMentionLine appends m as a json.Encoder writes it: the JSON object
// (field order, omitempty fields and string escapes of json.Marshal) and a
// newline.
func appendMentionLine(b []byte, m *render.MentionJSON) []byte {
	b = append(b, '{')
	if m.Type != "" {
		b = appendJSONString(append(b, `"type":`...), m.Type)
		b = append(b, ',')
	}
	b = appendJSONString(append(b, `"source":`...), m.Source)
	b = appendJSONString(append(b, `,"outlet":`...), m.Outlet)
	b = appendJSONString(append(b, `,"published":`...), m.Published)
	b = appendJSONString(append(b, `,"expression":`...), m.Expression)
	b = strconv.AppendInt(append(b, `,"start":`...), int64(m.Start), 10)
	b = strconv.AppendInt(append(b, `,"end":`...), int64(m.End), 10)
	b = appendJSONString(append(b, `,"kind":`...), m.Kind)
	b = appendJSONString(append(b, `,"value":`...), m.Value)
	b = appendJSONField(b, `,"mod":`, m.Mod)
	b = appendJSONString(append(b, `,"date":`...), m.Date)
	b = appendJSONString(append(b, `,"until":`...), m.Until)
	b = appendJSONString(append(b, `,"granularity":`...), m.Granularity)
	if m.Approx {
		b = append(b, `,"approx":true`...)
	}
	b = appendJSONString(append(b, `,"tense":`...), m.Tense)
	b = appendJSONField(b, `,"signal":`, m.Signal)
	b = appendJSONString(append(b, `,"sentence":`...), m.Sentence)
	b = appendJSONField(b, `,"event":`, m.Event)
	if len(m.Conflicts) > 0 {
		b = append(b, `,"conflicts":[`...)
		for i, c := range m.Conflicts {
			if i > 0 {
				b = append(b, ',')
			}
			b = appendJSONString(b, c)
		}
		b = append(b, ']')
	}
	return append(b, "}\n"...)
}
