package main

import "github.com/urfave/cli/v2"

// runCorefEval runs `chronicle eval --coref`: cross-document event merging
// scored against gold chains.
func runCorefEval(c *cli.Context) error {
	return usageErr("eval --coref: not yet implemented")
}
