package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/urfave/cli/v2"

	"chronicle/parse"
	"chronicle/render"
	"chronicle/timeline"
)

func exportCommand() *cli.Command {
	return &cli.Command{
		Name:  "export",
		Usage: "export the timeline for other tools: TimelineJS, iCalendar or TimeML",
		Description: "--format timelinejs: TimelineJS 3 JSON, one slide per dated mention, grouped by outlet.\n" +
			"--format ics: iCalendar (RFC 5545), one all-day event per event or unmerged dated mention;\n" +
			"  uncertain and conflicting ones are TENTATIVE.\n" +
			"--format timeml: each article as a TimeML document with its TIMEX3 tags; with several\n" +
			"  articles give -o DIR (one FILE.tml per article).",
		ArgsUsage: "[FILE|DIR|-]...",
		Flags: append(inputFlags(),
			&cli.StringFlag{Name: "format", Usage: "`timelinejs`, ics or timeml (required)"},
			&cli.StringFlag{Name: "output", Aliases: []string{"o"}, Usage: "write to `FILE` (atomically) instead of stdout; a directory for timeml"},
		),
		Action: func(c *cli.Context) error {
			format := c.String("format")
			switch format {
			case "timelinejs", "ics":
			case "timeml":
				return exportTimeML(c)
			case "":
				return usageErr("export needs --format: timelinejs, ics or timeml")
			default:
				return usageErr("--format %q: use timelinejs, ics or timeml", format)
			}
			tl, finish, err := buildTimeline(c)
			if err != nil {
				return err
			}
			if err := writeOutput(c, c.String("output"), func(w io.Writer) error {
				if format == "ics" {
					return render.ICS(w, tl)
				}
				return render.TimelineJSON(w, tl)
			}); err != nil {
				return err
			}
			return finish()
		},
	}
}

// exportTimeML re-reads and tags the input one article at a time (the
// timeline keeps no bodies) and writes each as a TimeML document: to
// stdout or FILE when there is one article, as DIR/NAME.tml otherwise.
func exportTimeML(c *cli.Context) error {
	in, err := readInput(c)
	if err != nil {
		return err
	}
	out := c.String("output")
	dir := ""
	if st, err := os.Stat(out); err == nil && st.IsDir() || strings.HasSuffix(out, string(os.PathSeparator)) {
		dir = out
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return &exitError{code: 1, err: err}
		}
	} else if len(in.sources) > 1 {
		return usageErr("timeml writes one document per article and the input has %d; give -o DIR", len(in.sources))
	}
	ex := parse.NewExtractor(parse.Options{})
	bopts, tagErrs, err := buildOptions(c)
	if err != nil {
		return err
	}
	used := map[string]int{}
	err = timeline.Each(c.Context, ex, in.articles(), bopts, func(a *parse.Article, ms []parse.Mention) error {
		write := func(w io.Writer) error { return render.TimeML(w, a, ms, render.TimeMLOptions{}) }
		if dir == "" {
			return writeOutput(c, out, write)
		}
		name := strings.TrimSuffix(filepath.Base(a.Source), filepath.Ext(a.Source))
		if name == "" || name == "." || name == "-" {
			name = "stdin"
		}
		if n := used[name]; n > 0 {
			used[name]++
			name = fmt.Sprintf("%s-%d", name, n+1)
		} else {
			used[name] = 1
		}
		return writeFileAtomic(filepath.Join(dir, name+".tml"), write)
	})
	if err != nil {
		return err
	}
	return finishBuild(c, in, *tagErrs)
}
