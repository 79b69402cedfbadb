package main

import "github.com/urfave/cli/v2"

func jsonCommand() *cli.Command {
	return &cli.Command{
		Name:   "json",
		Usage:  "(not yet implemented)",
		Action: func(c *cli.Context) error { return usageErr("json: not yet implemented") },
	}
}
