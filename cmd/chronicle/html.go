package main

import "github.com/urfave/cli/v2"

func htmlCommand() *cli.Command {
	return &cli.Command{
		Name:   "html",
		Usage:  "(not yet implemented)",
		Action: func(c *cli.Context) error { return usageErr("html: not yet implemented") },
	}
}
