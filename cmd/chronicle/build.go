package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/urfave/cli/v2"

	"chronicle/parse"
	"chronicle/timeline"
)

// buildFlags are the flags of every command that tags articles.
func buildFlags() []cli.Flag {
	return []cli.Flag{
		&cli.IntFlag{Name: "workers", Usage: "tag with `N` goroutines on at most N processors (default: one per CPU); the output is the same for any N"},
	}
}

// buildTimeline reads the input and builds the timeline. The returned
// finish func prints the input problems and gives the exit error; call it
// after the output is written, so one bad article loses nothing else.
func buildTimeline(c *cli.Context) (*timeline.Timeline, func() error, error) {
	in, opts, tagErrs, err := startBuild(c)
	if err != nil {
		return nil, nil, err
	}
	tl, err := timeline.Build(c.Context, parse.NewExtractor(parse.Options{}), in.articles(), opts)
	if err != nil {
		return nil, nil, err
	}
	return tl, func() error { return finishBuild(c, in, *tagErrs) }, nil
}

// buildLean is buildTimeline for outputs written in one pass over the
// mentions (see timeline.BuildLean); the caller closes the result.
// spooled, when not nil, is timeline.Options.Spooled.
func buildLean(c *cli.Context, spooled func(*timeline.Lean)) (*timeline.Lean, func() error, error) {
	in, opts, tagErrs, err := startBuild(c)
	if err != nil {
		return nil, nil, err
	}
	opts.Spooled = spooled
	l, err := timeline.BuildLean(c.Context, parse.NewExtractor(parse.Options{}), in.articles(), opts)
	if err != nil {
		return nil, nil, leanErr(err)
	}
	return l, func() error { return finishBuild(c, in, *tagErrs) }, nil
}

// leanErr gives a lean build's errors about its temporary file exit
// status 1; a cancelled run stays as it is.
func leanErr(err error) error {
	var ee *exitError
	if errors.As(err, &ee) || errors.Is(err, context.Canceled) {
		return err
	}
	return &exitError{code: 1, err: err}
}

// startBuild reads the input arguments and the build options (see
// buildOptions).
func startBuild(c *cli.Context) (*input, timeline.Options, *[]error, error) {
	in, err := readInput(c)
	if err != nil {
		return nil, timeline.Options{}, nil, err
	}
	opts, tagErrs, err := buildOptions(c)
	return in, opts, tagErrs, err
}

// buildOptions reads --workers and collects the articles the tagger could
// not handle (each is reported and skipped; the others are kept).
func buildOptions(c *cli.Context) (timeline.Options, *[]error, error) {
	var errs []error
	opts := timeline.Options{
		Workers: c.Int("workers"),
		OnError: func(err *timeline.ArticleError) error {
			errs = append(errs, err)
			return nil
		},
	}
	if opts.Workers < 0 {
		return opts, nil, usageErr("--workers %d: give a positive number of workers, or 0 for one per CPU", opts.Workers)
	}
	return opts, &errs, nil
}

// finishBuild reports the articles that could not be tagged, then the
// input problems, and returns the exit error.
func finishBuild(c *cli.Context, in *input, tagErrs []error) error {
	for _, e := range tagErrs {
		fmt.Fprintln(c.App.ErrWriter, "error:", e)
	}
	err := in.report(c)
	if err == nil && len(tagErrs) > 0 {
		err = &exitError{code: 1, err: fmt.Errorf("%d article(s) could not be tagged; the other articles were processed", len(tagErrs))}
	}
	return err
}

// writeOutput writes to stdout, or atomically to a file when name is set
// and not "-": the data goes to a temporary file in the same directory,
// which is renamed over name only once complete.
func writeOutput(c *cli.Context, name string, write func(io.Writer) error) error {
	if name == "" || name == "-" {
		bw := bufio.NewWriter(c.App.Writer)
		if err := write(bw); err != nil {
			return err
		}
		return bw.Flush()
	}
	return writeFileAtomic(name, write)
}

// writeFileAtomic writes a file through a temporary sibling and a rename.
func writeFileAtomic(name string, write func(io.Writer) error) (err error) {
	dir := filepath.Dir(name)
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(name)+".tmp*")
	if err != nil {
		return &exitError{code: 1, err: err}
	}
	done := false
	defer func() {
		if !done { // an error or a panic: leave the previous file in place
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	bw := bufio.NewWriter(tmp)
	if err = write(bw); err != nil {
		return err
	}
	if err = bw.Flush(); err != nil {
		return err
	}
	if err = tmp.Sync(); err != nil {
		return err
	}
	if err = tmp.Chmod(0o644); err != nil {
		return err
	}
	if err = tmp.Close(); err != nil {
		return err
	}
	if err = os.Rename(tmp.Name(), name); err != nil {
		return err
	}
	done = true
	return nil
}
