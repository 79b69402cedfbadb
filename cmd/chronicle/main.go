// Command chronicle rebuilds the timeline of a news story from many
// articles: it finds every date and time expression, resolves relative
// ones against each article's publication date and zone, merges the events
// several outlets report and flags where they disagree about the date.
//
// With no file arguments every command runs on the embedded seed articles.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime"
	"slices"
	"syscall"

	_ "time/tzdata" // zones resolve the same on every machine

	"github.com/urfave/cli/v2"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args, os.Stdin, os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// exitError carries an exit status: 1 when some input could not be used
// (everything else was still written), 2 for usage errors.
type exitError struct {
	code int
	err  error
}

func (e *exitError) Error() string { return e.err.Error() }
func (e *exitError) Unwrap() error { return e.err }

func usageErr(format string, args ...any) error {
	return &exitError{code: 2, err: fmt.Errorf(format, args...)}
}

// run is main without the process: arguments, streams and exit status.
// Tests call it directly.
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	app := newApp(stdin, stdout, stderr)
	err := app.RunContext(ctx, args)
	if err == nil {
		return 0
	}
	fmt.Fprintln(stderr, "chronicle:", err)
	var ee *exitError
	if errors.As(err, &ee) {
		return ee.code
	}
	return 2 // errors from flag parsing are usage errors
}

func newApp(stdin io.Reader, stdout, stderr io.Writer) *cli.App {
	app := &cli.App{
		Name:      "chronicle",
		Usage:     "rebuild the timeline of a news story from many articles",
		UsageText: "chronicle COMMAND [options] [FILE|DIR|-]...   (no files: the embedded seed articles)",
		Reader:    stdin,
		Writer:    stdout,
		ErrWriter: stderr,
		Commands: []*cli.Command{
			htmlCommand(),
			csvCommand(),
			conflictsCommand(),
			jsonCommand(),
			exportCommand(),
			tagCommand(),
			evalCommand(),
		},
		HideHelpCommand: true,
		OnUsageError: func(c *cli.Context, err error, _ bool) error {
			return &exitError{code: 2, err: err}
		},
		ExitErrHandler: func(*cli.Context, error) {}, // run maps errors to exit codes
	}
	for _, cmd := range app.Commands {
		capProcessors(cmd)
	}
	return app
}

// capProcessors makes a command that has the --workers flag run on at most
// that many processors (GOMAXPROCS) while it runs, so that `--workers 1`
// uses one CPU: not one tagging goroutine beside a merge, a CSV formatter
// and a garbage collector running on the others.
func capProcessors(cmd *cli.Command) {
	if !slices.ContainsFunc(cmd.Flags, func(f cli.Flag) bool { return slices.Contains(f.Names(), "workers") }) {
		return
	}
	action := cmd.Action
	cmd.Action = func(c *cli.Context) error {
		if n := c.Int("workers"); n > 0 && n < runtime.GOMAXPROCS(0) {
			defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(n))
		}
		return action(c)
	}
}
