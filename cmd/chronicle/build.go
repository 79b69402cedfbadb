package main

import (
	"bufio"
	"io"
	"os"
	"path/filepath"

	"github.com/urfave/cli/v2"

	"chronicle/parse"
	"chronicle/timeline"
)

// buildTimeline reads the input and builds the timeline. The returned
// finish func prints the input problems and gives the exit error; call it
// after the output is written, so one bad article loses nothing else.
func buildTimeline(c *cli.Context) (*timeline.Timeline, func() error, error) {
	in, err := readInput(c)
	if err != nil {
		return nil, nil, err
	}
	ex := parse.NewExtractor(parse.Options{})
	tl, err := timeline.Build(c.Context, ex, in.articles(), timeline.Options{})
	if err != nil {
		return nil, nil, err
	}
	return tl, func() error { return in.report(c) }, nil
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
	defer func() {
		if err != nil {
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
	return os.Rename(tmp.Name(), name)
}
