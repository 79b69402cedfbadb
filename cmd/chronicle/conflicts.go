package main

import (
	"io"

	"github.com/urfave/cli/v2"

	"chronicle/render"
)

func conflictsCommand() *cli.Command {
	return &cli.Command{
		Name:      "conflicts",
		Usage:     "list the dates outlets disagree on, with the quotes on each side",
		ArgsUsage: "[FILE|DIR|-]...",
		Flags: append(inputFlags(),
			&cli.StringFlag{Name: "format", Value: "text", Usage: "`text` or json"},
			&cli.StringFlag{Name: "output", Aliases: []string{"o"}, Usage: "write to `FILE` (atomically) instead of stdout"},
		),
		Action: func(c *cli.Context) error {
			format := c.String("format")
			if format != "text" && format != "json" {
				return usageErr("--format %q: use text or json", format)
			}
			tl, finish, err := buildTimeline(c)
			if err != nil {
				return err
			}
			if err := writeOutput(c, c.String("output"), func(w io.Writer) error {
				if format == "json" {
					return render.ConflictsJSON(w, tl)
				}
				return render.ConflictsText(w, tl)
			}); err != nil {
				return err
			}
			return finish()
		},
	}
}
