package main

import "github.com/urfave/cli/v2"

func exportCommand() *cli.Command {
	return &cli.Command{
		Name:   "export",
		Usage:  "(not yet implemented)",
		Action: func(c *cli.Context) error { return usageErr("export: not yet implemented") },
	}
}
