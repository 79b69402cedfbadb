package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"iter"
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

// input is what the command line named: a list of sources read lazily,
// one article at a time, and the problems found on the way (each names its
// file and line).
type input struct {
	c        *cli.Context
	opts     parse.ReadOptions
	sources  []source
	problems []error // articles that could not be used
	warnings []error
}

// source is one thing to read: a file, stdin or an embedded seed.
type source struct {
	name string
	read func() ([]byte, error)
}

// readInput resolves the arguments (files, directories, globs, "-") into
// sources, or the embedded seeds when there are none. Nothing is read yet.
func readInput(c *cli.Context) (*input, error) {
	opts, err := readOptions(c)
	if err != nil {
		return nil, err
	}
	in := &input{c: c, opts: opts}
	args := c.Args().Slice()
	if len(args) == 0 {
		fsys := seeds.FS()
		names, _ := fs.Glob(fsys, "*.txt")
		for _, n := range names {
			in.sources = append(in.sources, source{name: n, read: func() ([]byte, error) { return fs.ReadFile(fsys, n) }})
		}
		return in, nil
	}
	for _, arg := range args {
		if arg == "-" {
			in.sources = append(in.sources, source{name: "-", read: func() ([]byte, error) { return io.ReadAll(c.App.Reader) }})
			continue
		}
		files, err := expand(arg)
		if err != nil {
			in.problems = append(in.problems, err)
			continue
		}
		for _, f := range files {
			in.sources = append(in.sources, source{name: f, read: func() ([]byte, error) { return os.ReadFile(f) }})
		}
	}
	return in, nil
}

// articles yields the articles one at a time, in source order; sources
// that cannot be used are recorded as problems and skipped.
func (in *input) articles() iter.Seq[parse.Article] {
	return func(yield func(parse.Article) bool) {
		for _, s := range in.sources {
			if in.c.Context.Err() != nil {
				return
			}
			data, err := s.read()
			if err != nil {
				in.problems = append(in.problems, fmt.Errorf("%s: %v; check the path and permissions", s.name, err))
				continue
			}
			a, ok := in.decode(s.name, data)
			if ok && !yield(a) {
				return
			}
		}
	}
}

// decode reads one article, recording problems and warnings.
func (in *input) decode(name string, data []byte) (parse.Article, bool) {
	a, err := parse.ReadArticle(name, data, in.opts)
	if err != nil {
		if errors.Is(err, parse.ErrNoPubDate) {
			in.warnings = append(in.warnings, err)
			return a, true
		}
		in.problems = append(in.problems, err)
		return a, false
	}
	return a, true
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
