package main

import (
	"io"

	"github.com/urfave/cli/v2"

	"chronicle/render"
)

func csvCommand() *cli.Command {
	return &cli.Command{
		Name:      "csv",
		Usage:     "print a CSV of every dated mention, one row each",
		ArgsUsage: "[FILE|DIR|-]...",
		Flags: append(inputFlags(),
			&cli.BoolFlag{Name: "all", Usage: "include page furniture (newsletter, app and donation boilerplate)"},
			&cli.StringFlag{Name: "output", Aliases: []string{"o"}, Usage: "write to `FILE` (atomically) instead of stdout"},
		),
		Action: func(c *cli.Context) error {
			tl, finish, err := buildTimeline(c)
			if err != nil {
				return err
			}
			if err := writeOutput(c, c.String("output"), func(w io.Writer) error {
				return render.CSV(w, tl, render.CSVOptions{All: c.Bool("all"), Workers: c.Int("workers")})
			}); err != nil {
				return err
			}
			return finish()
		},
	}
}
