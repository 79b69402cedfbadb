package main

import (
	"bufio"
	"bytes"
	"fmt"
	"hash/maphash"
	"io"
	"io/fs"
	"iter"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"time"

	"github.com/schollz/progressbar/v3"
	"github.com/urfave/cli/v2"
	"golang.org/x/term"

	"chronicle/cmd/chronicle/ingest"
	"chronicle/parse"
	"chronicle/seeds"
)

// inputFlags are the flags of every command that reads articles, the
// tagging flags (buildFlags) included.
func inputFlags() []cli.Flag {
	return append([]cli.Flag{
		&cli.StringFlag{Name: "published", Usage: "publication `DATE` (2025-12-03 or RFC 3339) for articles that give none"},
		&cli.StringFlag{Name: "tz", Usage: "IANA time `ZONE` for articles that give none (default UTC)"},
		&cli.StringFlag{Name: "outlet", Usage: "outlet `NAME` for articles that give none"},
		&cli.BoolFlag{Name: "strict", Usage: "treat warnings as errors: an article with a warning is not used"},
	}, buildFlags()...)
}

// input is what the command line named: a list of sources read lazily,
// one article at a time, and the problems found on the way (each names its
// file and line).
type input struct {
	c      *cli.Context
	opts   parse.ReadOptions
	strict bool
	// now is the run's clock, read once: only to warn about publication
	// dates in the future. Nothing in the output depends on it.
	now     time.Time
	sources []source
	diags   []diag            // problems and warnings, in the order found
	seen    map[dupKey]string // outlet and text -> first source, for duplicates
	seeds   [4]maphash.Seed   // of the hashes of a dupKey
	// decoders is the number of goroutines that decode a JSON Lines feed
	// (--workers, default one per CPU; 1: the caller's goroutine).
	decoders int
	// decode decodes one text or HTML input (ingest.Decode; tests swap
	// in their own).
	decode func(name string, f ingest.Format, data []byte, opts ingest.Options) ingest.Item
}

// dupKey identifies an article's outlet and text for the duplicate
// check: the text's length and two 64-bit hashes of the text and the
// outlet, each with its own random seeds (h[i] is the hash of the text
// with seeds[i] xor that of the outlet with seeds[2+i]). Two articles
// that differ in outlet or text get the same key with probability
// 2^-128, a chance as remote as a collision of a 128-bit cryptographic
// hash; the hashes are much faster than one, and nothing else is kept.
type dupKey struct {
	n int
	h [2]uint64
}

// keyedItem is a decoded item and, when its article has a text, its
// dupKey, computed where the item was decoded.
type keyedItem struct {
	ingest.Item
	key dupKey
}

// keyed returns it with its dupKey. It is safe to call from several
// goroutines at once.
func (in *input) keyed(it ingest.Item) keyedItem {
	k := keyedItem{Item: it}
	if a := &it.Article; it.Err == nil && a.Body != "" {
		k.key = dupKey{n: len(a.Body), h: [2]uint64{
			maphash.String(in.seeds[0], a.Body) ^ maphash.String(in.seeds[2], a.Outlet),
			maphash.String(in.seeds[1], a.Body) ^ maphash.String(in.seeds[3], a.Outlet),
		}}
	}
	return k
}

// diag is one problem: an error (the article was not used) or a warning.
type diag struct {
	warning bool
	err     error
}

// source is one thing to read: a file, stdin or an embedded seed; a
// manifest entry carries the metadata that overrides the file's.
type source struct {
	name     string
	open     func() (io.ReadCloser, error)
	stdin    bool
	override *ingest.Meta
}

// readInput resolves the arguments (files, directories, globs, "-") into
// sources, or the embedded seeds when there are none. Nothing is read yet.
func readInput(c *cli.Context) (*input, error) {
	opts, err := readOptions(c)
	if err != nil {
		return nil, err
	}
	in := &input{c: c, opts: opts, strict: c.Bool("strict"), now: time.Now(), seen: map[dupKey]string{}, decode: ingest.Decode,
		seeds: [4]maphash.Seed{maphash.MakeSeed(), maphash.MakeSeed(), maphash.MakeSeed(), maphash.MakeSeed()}, decoders: c.Int("workers")}
	if in.decoders <= 0 {
		in.decoders = runtime.GOMAXPROCS(0)
	}
	args := c.Args().Slice()
	if len(args) == 0 {
		fsys := seeds.FS()
		names, _ := fs.Glob(fsys, "*.txt")
		for _, n := range names {
			in.sources = append(in.sources, source{name: n, open: func() (io.ReadCloser, error) { return fsys.Open(n) }})
		}
		return in, nil
	}
	stdin := false
	for _, arg := range args {
		if arg == "-" {
			if stdin {
				return nil, usageErr("- (stdin) is named twice; name it once")
			}
			stdin = true
			in.sources = append(in.sources, source{name: "-", stdin: true, open: func() (io.ReadCloser, error) { return io.NopCloser(c.App.Reader), nil }})
			continue
		}
		if len(arg) > 1 && arg[0] == '-' {
			if _, err := os.Stat(arg); err != nil {
				return nil, usageErr("%s: flags go before the files: chronicle %s [options] FILE...", arg, c.Command.Name)
			}
		}
		files, err := expand(arg, true)
		if err != nil {
			in.fail(err)
			continue
		}
		for _, f := range files {
			in.sources = append(in.sources, fileSource(f, nil))
		}
	}
	return in, nil
}

func fileSource(name string, override *ingest.Meta) source {
	return source{name: name, override: override, open: func() (io.ReadCloser, error) { return os.Open(name) }}
}

func (in *input) fail(err error) { in.diags = append(in.diags, diag{err: err}) }
func (in *input) warn(err error) { in.diags = append(in.diags, diag{warning: true, err: err}) }

// articles yields the articles one at a time, in source order; articles
// that cannot be used are recorded as problems and skipped. A JSON Lines
// feed is streamed line by line.
func (in *input) articles() iter.Seq[parse.Article] {
	return func(yield func(parse.Article) bool) {
		bar := in.progress(len(in.sources))
		defer bar.finish()
		for _, s := range in.sources {
			if in.c.Context.Err() != nil {
				return
			}
			if !in.readSource(s, 0, bar, yield) {
				return
			}
			bar.source()
		}
	}
}

// readSource reads one source and yields its articles. It returns false
// when the consumer stopped.
func (in *input) readSource(s source, depth int, bar *progress, yield func(parse.Article) bool) bool {
	rc, err := s.open()
	if err != nil {
		in.fail(&parse.Error{File: s.name, Msg: fmt.Sprintf("cannot read: %v", unwrapPath(err)), Hint: "check the path and permissions"})
		return true
	}
	defer rc.Close()
	var size int64 // for reading a whole file in one allocation
	if f, ok := rc.(*os.File); ok {
		if st, err := f.Stat(); err == nil && st.Mode().IsRegular() {
			size = st.Size()
		}
	}
	readAll := func(r io.Reader) ([]byte, error) {
		buf := bytes.NewBuffer(make([]byte, 0, size+bytes.MinRead))
		_, err := buf.ReadFrom(r)
		return buf.Bytes(), err
	}
	// A feed is read 256 KB at a time; a smaller file needs no more than
	// its size (and the 4 KB sniffed).
	bufSize := 256 << 10
	if size > 0 {
		bufSize = int(min(int64(bufSize), max(size+1, 4096)))
	}
	br := bufio.NewReaderSize(rc, bufSize)
	head, _ := br.Peek(4096)
	format := ingest.Sniff(s.name, head)
	if s.stdin {
		format = ingest.SniffContent(head)
	}
	opts := ingest.Options{Defaults: in.opts, Override: s.override}
	emit := func(it keyedItem) bool {
		if in.c.Context.Err() != nil {
			return false // interrupted: stop reading a long feed too
		}
		a, ok := in.check(&it)
		if !ok {
			return true
		}
		bar.article()
		return yield(a)
	}
	switch format {
	case ingest.FormatJSONL:
		// The records are decoded, and their texts hashed, by a pool of
		// goroutines; this one only checks and hands on the articles.
		for it := range ingest.JSONLMap(s.name, br, opts, in.decoders, in.keyed) {
			if !emit(it) {
				return false
			}
		}
		return true
	case ingest.FormatJSON:
		data, err := readAll(br)
		if err != nil {
			in.fail(&parse.Error{File: s.name, Msg: fmt.Sprintf("cannot read: %v", unwrapPath(err)), Hint: "check the path and permissions"})
			return true
		}
		for it := range ingest.JSON(s.name, data, opts) {
			if !emit(in.keyed(it)) {
				return false
			}
		}
		return true
	case ingest.FormatManifest:
		if depth > 0 {
			in.fail(&parse.Error{File: s.name, Msg: "a manifest lists another manifest", Hint: "list the articles themselves"})
			return true
		}
		data, err := readAll(br)
		if err != nil {
			in.fail(&parse.Error{File: s.name, Msg: fmt.Sprintf("cannot read: %v", unwrapPath(err)), Hint: "check the path and permissions"})
			return true
		}
		entries, problems, err := readManifest(s.name, data)
		for _, p := range problems {
			if isWarning(p) {
				in.warn(p)
			} else {
				in.fail(p)
			}
		}
		if err != nil {
			in.fail(err)
			return true
		}
		for _, e := range entries {
			files, err := expand(e.Path, false)
			if err != nil {
				in.fail(&parse.Error{File: e.At.File, Pos: e.At.Pos, Msg: fmt.Sprintf("%s: no such file or directory", e.Path), Hint: "paths are relative to the manifest's directory"})
				continue
			}
			meta := e.Meta
			for _, f := range files {
				if !in.readSource(fileSource(f, &meta), depth+1, bar, yield) {
					return false
				}
			}
		}
		return true
	}
	data, err := readAll(br)
	if err != nil {
		in.fail(&parse.Error{File: s.name, Msg: fmt.Sprintf("cannot read: %v", unwrapPath(err)), Hint: "check the path and permissions"})
		return true
	}
	return emit(in.keyed(in.safeDecode(s.name, format, data, opts)))
}

// safeDecode decodes one input; a panic becomes that input's error, so
// the other inputs are still read.
func (in *input) safeDecode(name string, f ingest.Format, data []byte, opts ingest.Options) (it ingest.Item) {
	defer func() {
		if r := recover(); r != nil {
			it = ingest.Item{Article: parse.Article{Source: name}, Err: ingest.Panic(name, r)}
		}
	}()
	return in.decode(name, f, data, opts)
}

// readManifest reads a manifest; a panic becomes its error.
func readManifest(name string, data []byte) (entries []ingest.Entry, problems []error, err error) {
	defer func() {
		if r := recover(); r != nil {
			entries, err = nil, ingest.Panic(name, r)
		}
	}()
	return ingest.ReadManifest(name, data)
}

// isWarning reports whether a decoder's problem leaves the input usable.
func isWarning(err error) bool {
	pe, ok := err.(*parse.Error)
	return ok && (pe.Err == parse.ErrBadUTF8 || pe.Err == parse.ErrNoPubDate)
}

// check records an item's problems and decides whether its article is
// used: not when it has an error, is a copy of an earlier article, or
// (with --strict) has a warning. It adds the warnings that need the whole
// run: a publication date in the future and duplicates.
func (in *input) check(it *keyedItem) (parse.Article, bool) {
	a := it.Article
	if it.Err != nil {
		in.fail(it.Err)
		return a, false
	}
	warns := it.Warnings
	if !a.Undated && !a.Published.IsZero() && a.PubDay().Start.After(in.now.AddDate(0, 0, 1)) {
		ref := it.PubAt
		if ref.File == "" {
			ref.File = a.Source
		}
		warns = append(warns, &parse.Error{File: ref.File, Pos: ref.Pos,
			Msg:  fmt.Sprintf("publication date %s is in the future", a.Published.Format(time.DateOnly)),
			Hint: "check the year; relative dates are resolved against it as given"})
	}
	if a.Body != "" {
		if first, dup := in.seen[it.key]; dup {
			e := &parse.Error{File: a.Source, Msg: fmt.Sprintf("same outlet and text as %s", first), Hint: "kept once; remove one of the copies"}
			if in.strict {
				in.fail(e)
			} else {
				in.warn(e)
			}
			return a, false
		}
		in.seen[it.key] = a.Source
	}
	for _, w := range warns {
		if in.strict {
			in.fail(w)
		} else {
			in.warn(w)
		}
	}
	if in.strict && len(warns) > 0 {
		return a, false
	}
	return a, true
}

// unwrapPath drops the path from an *fs.PathError: messages name the file
// themselves.
func unwrapPath(err error) error {
	if pe, ok := err.(*fs.PathError); ok {
		return pe.Err
	}
	return err
}

// expand turns a file, directory (recursive, sorted) or glob into files.
// In directories, only article files are read (.txt, .md, .markdown,
// .html, .htm, .jsonl, .ndjson, .json) and hidden files and directories are
// skipped; a manifest must be named explicitly. A glob is expanded only
// when the argument does not name an existing file.
func expand(arg string, glob bool) ([]string, error) {
	st, err := os.Stat(arg)
	if err != nil {
		if matches, gerr := filepath.Glob(arg); glob && gerr == nil && len(matches) > 0 {
			var out []string
			for _, m := range matches {
				if hiddenMatch(arg, m) {
					continue
				}
				f, err := expand(m, false)
				if err != nil {
					return nil, err
				}
				out = append(out, f...)
			}
			return out, nil
		}
		return nil, &parse.Error{File: arg, Msg: "no such file or directory", Hint: "check the path"}
	}
	if !st.IsDir() {
		return []string{arg}, nil
	}
	var out []string
	err = filepath.WalkDir(arg, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		hidden := p != arg && strings.HasPrefix(d.Name(), ".")
		if d.IsDir() {
			if hidden {
				return filepath.SkipDir
			}
			return nil
		}
		if !hidden && articleExt(p) {
			out = append(out, p)
		}
		return nil
	})
	if err != nil {
		return nil, &parse.Error{File: arg, Msg: fmt.Sprintf("cannot read the directory: %v", unwrapPath(err)), Hint: "check the permissions"}
	}
	slices.Sort(out)
	return out, nil
}

// hiddenMatch reports whether a glob match has a hidden element ("." at
// its start) where the pattern has none: like a shell, "*" does not match
// .git or .cache.
func hiddenMatch(pattern, match string) bool {
	pe := strings.Split(filepath.ToSlash(pattern), "/")
	me := strings.Split(filepath.ToSlash(match), "/")
	if len(pe) != len(me) {
		return false
	}
	for i := range me {
		if strings.HasPrefix(me[i], ".") && !strings.HasPrefix(pe[i], ".") {
			return true
		}
	}
	return false
}

// articleExt reports whether a file in a directory is read as an article.
func articleExt(p string) bool {
	switch strings.ToLower(filepath.Ext(p)) {
	case ".txt", ".md", ".markdown", ".html", ".htm", ".jsonl", ".ndjson", ".json":
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

// report prints the problems and warnings on stderr, once each, in the
// order they were found, as "warning: FILE:LINE:COL: what; fix" or
// "error: …", and returns the error that sets the exit status: 1 when an
// article could not be used (with --strict, every warning is an error).
func (in *input) report(c *cli.Context) error {
	n := 0
	for _, d := range in.diags {
		if d.warning {
			fmt.Fprintln(c.App.ErrWriter, "warning:", d.err)
			continue
		}
		n++
		fmt.Fprintln(c.App.ErrWriter, "error:", d.err)
	}
	if n > 0 {
		return &exitError{code: 1, err: fmt.Errorf("%d input problem(s); the other articles were processed", n)}
	}
	return nil
}

// progress is a progress bar on stderr, shown only when stderr is a
// terminal and the run is long enough to need one (more than
// progressMin sources, or articles for a feed); a nil *progress is silent.
type progress struct {
	bar      *progressbar.ProgressBar
	w        io.Writer
	sources  int
	articles int
	byArts   bool // counting articles of a feed, total unknown
	throttle time.Duration
}

const progressMin = 40

func (in *input) progress(sources int) *progress {
	f, ok := in.c.App.ErrWriter.(*os.File)
	if !ok || !term.IsTerminal(int(f.Fd())) {
		return nil
	}
	p := &progress{w: f, sources: sources, throttle: 100 * time.Millisecond}
	if sources > progressMin {
		p.bar = p.newBar(int64(sources), "0 articles")
	}
	return p
}

func (p *progress) newBar(max int64, desc string) *progressbar.ProgressBar {
	return progressbar.NewOptions64(max,
		progressbar.OptionSetWriter(p.w),
		progressbar.OptionSetDescription(desc),
		progressbar.OptionShowCount(),
		progressbar.OptionThrottle(p.throttle),
		progressbar.OptionClearOnFinish(),
		progressbar.OptionSetWidth(30),
	)
}

// source counts a finished source.
func (p *progress) source() {
	if p != nil && p.bar != nil && !p.byArts {
		p.bar.Add(1)
	}
}

// article counts an article. A bar over sources shows the article count
// in its description (a long feed is one source); a run of few sources
// gets an open-ended bar once it passes progressMin articles.
func (p *progress) article() {
	if p == nil {
		return
	}
	p.articles++
	switch {
	case p.bar == nil && p.articles > progressMin:
		p.byArts = true
		p.bar = p.newBar(-1, "articles")
		p.bar.Add(p.articles)
	case p.byArts:
		p.bar.Add(1)
	case p.bar != nil && p.articles%64 == 0:
		p.bar.Describe(fmt.Sprintf("%d articles", p.articles))
	}
}

func (p *progress) finish() {
	if p != nil && p.bar != nil {
		p.bar.Finish()
		p.bar.Clear()
	}
}
