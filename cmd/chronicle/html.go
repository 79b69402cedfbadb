package main

import (
	"io"

	"github.com/urfave/cli/v2"

	"chronicle/render"
)

func htmlCommand() *cli.Command {
	return &cli.Command{
		Name:      "html",
		Usage:     "write the interactive timeline page (self-contained, works offline)",
		ArgsUsage: "[FILE|DIR|-]...",
		Flags: append(inputFlags(),
			&cli.StringFlag{Name: "output", Aliases: []string{"o"}, Value: "timeline.html", Usage: "write to `FILE` (atomically); - for stdout"},
		),
		Action: func(c *cli.Context) error {
			tl, finish, err := buildTimeline(c)
			if err != nil {
				return err
			}
			if err := writeOutput(c, c.String("output"), func(w io.Writer) error {
				return render.HTML(w, tl, render.HTMLOptions{})
			}); err != nil {
				return err
			}
			return finish()
		},
	}
}
