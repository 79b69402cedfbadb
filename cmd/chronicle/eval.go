package main

import "github.com/urfave/cli/v2"

func evalCommand() *cli.Command {
	return &cli.Command{
		Name:   "eval",
		Usage:  "(not yet implemented)",
		Action: func(c *cli.Context) error { return usageErr("eval: not yet implemented") },
	}
}
