// Command chronicle-gen writes a corpus of realistic news articles as JSON
// Lines, for benchmarks and load tests of chronicle:
//
//	chronicle-gen -n 10000 -seed 1 -o corpus.jsonl
//
// Each line is one article, {outlet, url, published, timezone, title,
// text}. The texts recombine the paragraphs and sentences of the embedded
// seed articles and of the MEANTIME dev texts (-dev): each article follows
// one source story, drops some of its sentences and borrows paragraphs
// from stories on the same topic, so it reads like coverage of that story
// and holds the same kinds of date expressions. Outlets, IANA zones and
// publication times (some date-only) vary. The output depends only on -n,
// -seed and the source texts: no clock, no global random source.
package main

import (
	"bufio"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
)

// defaultDev is the dev set, relative to the module root.
const defaultDev = "testdata/meantime/dev.jsonl"

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// run is main without the process: flags, output stream, exit status.
func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("chronicle-gen", flag.ContinueOnError)
	fs.SetOutput(stderr)
	n := fs.Int("n", 1000, "number of articles to write")
	seed := fs.Uint64("seed", 1, "random seed: the same seed writes the same bytes")
	out := fs.String("o", "-", "output `FILE` (- for stdout)")
	dev := fs.String("dev", defaultDev, "MEANTIME dev set (JSON Lines) to draw texts from; empty: the seed articles only")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: chronicle-gen [-n N] [-seed S] [-o FILE] [-dev FILE]")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if fs.NArg() > 0 || *n < 0 {
		fs.Usage()
		return 2
	}
	if err := generate(*out, *dev, *n, *seed); err != nil {
		fmt.Fprintln(stderr, "chronicle-gen:", err)
		return 1
	}
	return 0
}

func generate(out, dev string, n int, seed uint64) error {
	stories, err := loadStories(dev)
	if err != nil {
		return err
	}
	g, err := newGenerator(stories, seed)
	if err != nil {
		return err
	}
	if out == "-" || out == "" {
		bw := bufio.NewWriterSize(os.Stdout, 1<<16)
		if err := g.write(bw, n); err != nil {
			return err
		}
		return bw.Flush()
	}
	f, err := os.Create(out)
	if err != nil {
		return err
	}
	bw := bufio.NewWriterSize(f, 1<<16)
	if err := g.write(bw, n); err != nil {
		f.Close()
		return err
	}
	if err := bw.Flush(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
