package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"

	"github.com/urfave/cli/v2"

	"chronicle/parse"
	"chronicle/seeds"
)

// inputFlags are the flags of every command that reads articles.
func inputFlags() []cli.Flag {
	return []cli.Flag{
		&cli.StringFlag{Name: "published", Usage: "publication `DATE` (2025-12-03 or RFC 3339) for articles that give none"},
		&cli.StringFlag{Name: "tz", Usage: "IANA time `ZONE` for articles that give none (default UTC)"},
		&cli.StringFlag{Name: "outlet", Usage: "outlet `NAME` for articles that give none"},
		&cli.BoolFlag{Name: "strict", Usage: "treat warnings as errors"},
	}
}

// input is what the command line named: the articles that could be read
// and the problems found on the way (each names its file and line).
type input struct {
	arts     []parse.Article
	problems []error // articles that could not be used
	warnings []error
}

// readInput reads the articles named by the arguments, or the embedded
// seeds when there are none. One bad article never stops the others.
func readInput(c *cli.Context) (*input, error) {
	opts, err := readOptions(c)
	if err != nil {
		return nil, err
	}
	in := &input{}
	args := c.Args().Slice()
	if len(args) == 0 {
		fsys := seeds.FS()
		names, _ := fs.Glob(fsys, "*.txt")
		for _, n := range names {
			data, err := fs.ReadFile(fsys, n)
			if err != nil {
				in.problems = append(in.problems, err)
				continue
			}
			in.add(n, data, opts)
		}
		return in, nil
	}
	for _, arg := range args {
		if err := c.Context.Err(); err != nil {
			return nil, err
		}
		if arg == "-" {
			data, err := io.ReadAll(c.App.Reader)
			if err != nil {
				in.problems = append(in.problems, fmt.Errorf("-: %v", err))
				continue
			}
			in.add("-", data, opts)
			continue
		}
		files, err := expand(arg)
		if err != nil {
			in.problems = append(in.problems, err)
			continue
		}
		for _, f := range files {
			data, err := os.ReadFile(f)
			if err != nil {
				in.problems = append(in.problems, fmt.Errorf("%s: %v; check the path and permissions", f, err))
				continue
			}
			in.add(f, data, opts)
		}
	}
	return in, nil
}

func (in *input) add(name string, data []byte, opts parse.ReadOptions) {
	a, err := parse.ReadArticle(name, data, opts)
	if err != nil {
		if errors.Is(err, parse.ErrNoPubDate) {
			in.warnings = append(in.warnings, err)
			in.arts = append(in.arts, a)
			return
		}
		in.problems = append(in.problems, err)
		return
	}
	in.arts = append(in.arts, a)
}

// expand turns a file, directory (recursive, sorted) or glob into files.
func expand(arg string) ([]string, error) {
	st, err := os.Stat(arg)
	if err != nil {
		if matches, gerr := filepath.Glob(arg); gerr == nil && len(matches) > 0 {
			var out []string
			for _, m := range matches {
				f, err := expand(m)
				if err != nil {
					return nil, err
				}
				out = append(out, f...)
			}
			return out, nil
		}
		return nil, fmt.Errorf("%s: no such file or directory; check the path", arg)
	}
	if !st.IsDir() {
		return []string{arg}, nil
	}
	var out []string
	err = filepath.WalkDir(arg, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if p != arg && strings.HasPrefix(d.Name(), ".") {
				return filepath.SkipDir
			}
			return nil
		}
		if articleExt(p) {
			out = append(out, p)
		}
		return nil
	})
	slices.Sort(out)
	return out, err
}

// articleExt reports whether a file in a directory is read as an article.
func articleExt(p string) bool {
	switch strings.ToLower(path.Ext(p)) {
	case ".txt", ".md", ".markdown":
		return true
	}
	return false
}

func readOptions(c *cli.Context) (parse.ReadOptions, error) {
	var o parse.ReadOptions
	if tz := c.String("tz"); tz != "" {
		loc, err := parse.LoadZone(tz)
		if err != nil {
			return o, usageErr("--tz %q: unknown time zone; use an IANA name such as Europe/Berlin", tz)
		}
		o.Loc = loc
	}
	if p := c.String("published"); p != "" {
		t, _, err := parse.ParsePublished(p, o.Loc)
		if err != nil {
			return o, usageErr("--published %q: write a date (2025-12-03) or an RFC 3339 time", p)
		}
		o.Published = t
	}
	o.Outlet = c.String("outlet")
	return o, nil
}

// report prints the problems and warnings on stderr, once each, and
// returns the error that sets the exit status: 1 when an article could not
// be used (or, with --strict, when there was a warning).
func (in *input) report(c *cli.Context) error {
	for _, w := range in.warnings {
		fmt.Fprintln(c.App.ErrWriter, "warning:", w)
	}
	for _, p := range in.problems {
		fmt.Fprintln(c.App.ErrWriter, "error:", p)
	}
	n := len(in.problems)
	if c.Bool("strict") {
		n += len(in.warnings)
	}
	if n > 0 {
		return &exitError{code: 1, err: fmt.Errorf("%d input problem(s); the other articles were processed", n)}
	}
	return nil
}
