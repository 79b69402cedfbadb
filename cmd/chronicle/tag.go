package main

import "github.com/urfave/cli/v2"

func tagCommand() *cli.Command {
	return &cli.Command{
		Name:   "tag",
		Usage:  "(not yet implemented)",
		Action: func(c *cli.Context) error { return usageErr("tag: not yet implemented") },
	}
}
