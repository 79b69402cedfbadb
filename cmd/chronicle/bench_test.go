package main

// End-to-end benchmarks over generated corpora (cmd/chronicle-gen).
//
//	go test -run '^$' -bench . ./cmd/chronicle                  # 1k and 10k articles
//	CHRONICLE_BENCH_LARGE=1 go test -run '^$' -bench . -benchtime 1x -timeout 1h ./cmd/chronicle
//
// CHRONICLE_BENCH_LARGE=1 adds the 100,000-article cases (about 450 MB of
// JSON Lines, generated once per benchmark into a temporary directory).
// The corpus is given as one JSON Lines file when chronicle reads them,
// else as a directory of front-matter text files.

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// largeBench reports whether the 100,000-article cases should run.
func largeBench(b *testing.B) bool {
	return os.Getenv("CHRONICLE_BENCH_LARGE") != "" && !testing.Short()
}

// sizes are the corpus sizes of the end-to-end benchmarks.
func sizes(b *testing.B) []int {
	if largeBench(b) {
		return []int{1000, 10000, 100000}
	}
	return []int{1000, 10000}
}

// benchEnv builds the binaries once per benchmark function and generates
// corpora on demand.
type benchEnv struct {
	b        *testing.B
	dir      string
	chron    string // chronicle binary
	gen      string // chronicle-gen binary
	jsonl    bool   // chronicle reads JSON Lines input
	corpora  map[int]corpus
	hasFlags map[string]bool
}

// corpus is a generated input: what to pass to chronicle, its article
// count and its text size in bytes.
type corpus struct {
	arg   string
	jsonl string
	n     int
	bytes int64
}

func newBenchEnv(b *testing.B) *benchEnv {
	b.Helper()
	e := &benchEnv{b: b, dir: b.TempDir(), corpora: map[int]corpus{}, hasFlags: map[string]bool{}}
	e.chron = filepath.Join(e.dir, "chronicle")
	e.gen = filepath.Join(e.dir, "chronicle-gen")
	for bin, pkg := range map[string]string{e.chron: ".", e.gen: "../chronicle-gen"} {
		out, err := exec.Command("go", "build", "-o", bin, pkg).CombinedOutput()
		if err != nil {
			b.Fatalf("go build %s: %v\n%s", pkg, err, out)
		}
	}
	// Does this chronicle read JSON Lines? (An unsupported file reads as
	// one article without a publication date: a warning, an error with
	// --strict.)
	small := e.generate(20)
	e.jsonl = exec.Command(e.chron, "csv", "--strict", small).Run() == nil // stdout: /dev/null
	help, _ := exec.Command(e.chron, "csv", "--help").CombinedOutput()
	e.hasFlags["workers"] = bytes.Contains(help, []byte("--workers"))
	help, _ = exec.Command(e.chron, "tag", "--help").CombinedOutput()
	e.hasFlags["tag-jsonl"] = bytes.Contains(help, []byte("--format")) && bytes.Contains(help, []byte("jsonl"))
	return e
}

// generate writes n articles as JSON Lines and returns the file name.
func (e *benchEnv) generate(n int) string {
	name := filepath.Join(e.dir, fmt.Sprintf("corpus-%d.jsonl", n))
	if _, err := os.Stat(name); err == nil {
		return name
	}
	out, err := exec.Command(e.gen, "-n", strconv.Itoa(n), "-seed", "1", "-dev", "../../testdata/meantime/dev.jsonl", "-o", name).CombinedOutput()
	if err != nil {
		e.b.Fatalf("chronicle-gen -n %d: %v\n%s", n, err, out)
	}
	return name
}

// corpus returns the input for n articles.
func (e *benchEnv) corpus(n int) corpus {
	if c, ok := e.corpora[n]; ok {
		return c
	}
	c := corpus{jsonl: e.generate(n), n: n}
	c.arg = c.jsonl
	dir := filepath.Join(e.dir, fmt.Sprintf("corpus-%d", n))
	if !e.jsonl {
		if err := os.Mkdir(dir, 0o755); err != nil {
			e.b.Fatal(err)
		}
		c.arg = dir
	}
	f, err := os.Open(c.jsonl)
	if err != nil {
		e.b.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<24)
	for i := 0; sc.Scan(); i++ {
		var a struct{ Outlet, URL, Published, Timezone, Title, Text string }
		if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
			e.b.Fatal(err)
		}
		c.bytes += int64(len(a.Text))
		if e.jsonl {
			continue
		}
		var buf bytes.Buffer
		buf.WriteString("---\n")
		for _, kv := range [][2]string{{"outlet", a.Outlet}, {"url", a.URL}, {"published", a.Published}, {"timezone", a.Timezone}, {"title", a.Title}} {
			fmt.Fprintf(&buf, "%s: %s\n", kv[0], strconv.Quote(kv[1]))
		}
		buf.WriteString("---\n")
		buf.WriteString(a.Text)
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("%06d.txt", i)), buf.Bytes(), 0o644); err != nil {
			e.b.Fatal(err)
		}
	}
	if err := sc.Err(); err != nil {
		e.b.Fatal(err)
	}
	e.corpora[n] = c
	return c
}

// proc is one run of the chronicle binary.
type proc struct {
	wall   time.Duration
	maxRSS int64 // bytes
	user   time.Duration
	sys    time.Duration
}

// exec runs the chronicle binary with output to /dev/null.
func (e *benchEnv) exec(b *testing.B, env []string, args ...string) proc {
	b.Helper()
	cmd := exec.Command(e.chron, args...)
	cmd.Env = append(os.Environ(), env...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	devnull, err := os.OpenFile(os.DevNull, os.O_WRONLY, 0)
	if err != nil {
		b.Fatal(err)
	}
	defer devnull.Close()
	cmd.Stdout = devnull
	start := time.Now()
	if err := cmd.Run(); err != nil {
		b.Fatalf("chronicle %s: %v\n%s", strings.Join(args, " "), err, clipOutput(stderr.String()))
	}
	wall := time.Since(start)
	ru := cmd.ProcessState.SysUsage().(*syscall.Rusage)
	p := proc{
		wall:   wall,
		maxRSS: ru.Maxrss * 1024, // kilobytes on Linux
		user:   cmd.ProcessState.UserTime(),
		sys:    cmd.ProcessState.SystemTime(),
	}
	// Linux carries the parent's peak RSS into a child that shares its
	// memory until exec (Go starts children with CLONE_VM): a child can
	// only be measured when the test process itself stayed smaller.
	if own := selfPeakRSS(); own > 0 && p.maxRSS <= own {
		b.Logf("peak RSS %d MB is not above this test process's own (%d MB): it may be the test's; run this benchmark alone (-bench '%s$')",
			p.maxRSS>>20, own>>20, strings.Split(b.Name(), "/")[0])
	}
	return p
}

// selfPeakRSS returns this process's peak resident set size (VmHWM), or 0.
func selfPeakRSS() int64 {
	data, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for line := range strings.Lines(string(data)) {
		if rest, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			kb, _ := strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(rest), " kB"), 10, 64)
			return kb * 1024
		}
	}
	return 0
}

// reportLoad reports the machine's one-minute load average: figures taken
// while other work runs on the same cores are not comparable.
func reportLoad(b *testing.B) {
	data, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return
	}
	if f := strings.Fields(string(data)); len(f) > 0 {
		if l, err := strconv.ParseFloat(f[0], 64); err == nil {
			b.ReportMetric(l, "loadavg")
		}
	}
}

func clipOutput(s string) string {
	if len(s) > 2000 {
		return s[:2000] + "…"
	}
	return s
}

func (e *benchEnv) input() string {
	if e.jsonl {
		return "jsonl"
	}
	return "text-files"
}

// BenchmarkCSV runs `chronicle csv` in-process over 1,000, 10,000 (and
// with CHRONICLE_BENCH_LARGE=1, 100,000) generated articles and reports
// articles/s and µs/article: the per-article cost at 100k should be
// within 1.3× of that at 1k. Profile it with -cpuprofile.
func BenchmarkCSV(b *testing.B) {
	e := newBenchEnv(b)
	for _, n := range sizes(b) {
		c := e.corpus(n)
		b.Run(fmt.Sprintf("articles=%d/input=%s", n, e.input()), func(b *testing.B) {
			b.SetBytes(c.bytes)
			for b.Loop() {
				var stderr bytes.Buffer
				if code := run(context.Background(), []string{"chronicle", "csv", c.arg}, nil, io.Discard, &stderr); code != 0 {
					b.Fatalf("exit %d: %s", code, clipOutput(stderr.String()))
				}
			}
			perArticle := b.Elapsed().Seconds() / float64(b.N*n)
			b.ReportMetric(1/perArticle, "articles/s")
			b.ReportMetric(perArticle*1e6, "µs/article")
			reportLoad(b)
		})
	}
}

// BenchmarkTag runs `chronicle tag --format jsonl` in-process over the
// generated JSON Lines: the streaming path (no merge), for -cpuprofile.
func BenchmarkTag(b *testing.B) {
	e := newBenchEnv(b)
	if !e.hasFlags["tag-jsonl"] || !e.jsonl {
		b.Skip("chronicle tag --format jsonl over JSON Lines input is not implemented yet")
	}
	for _, n := range sizes(b) {
		c := e.corpus(n)
		b.Run(fmt.Sprintf("articles=%d", n), func(b *testing.B) {
			b.SetBytes(c.bytes)
			for b.Loop() {
				var stderr bytes.Buffer
				if code := run(context.Background(), []string{"chronicle", "tag", "--format", "jsonl", c.jsonl}, nil, io.Discard, &stderr); code != 0 {
					b.Fatalf("exit %d: %s", code, clipOutput(stderr.String()))
				}
			}
			perArticle := b.Elapsed().Seconds() / float64(b.N*n)
			b.ReportMetric(1/perArticle, "articles/s")
			b.ReportMetric(perArticle*1e6, "µs/article")
			reportLoad(b)
		})
	}
}

// BenchmarkCSVProcess runs the chronicle binary (`chronicle csv`) as a
// subprocess and reports, besides articles/s, its peak resident set size
// (rusage Maxrss) in MB: under 300 MB for 100,000 articles, and close to
// flat as the input grows.
func BenchmarkCSVProcess(b *testing.B) {
	e := newBenchEnv(b)
	for _, n := range sizes(b) {
		c := e.corpus(n)
		b.Run(fmt.Sprintf("articles=%d/input=%s", n, e.input()), func(b *testing.B) {
			b.SetBytes(c.bytes)
			var peak int64
			var cpu time.Duration
			for b.Loop() {
				p := e.exec(b, nil, "csv", c.arg)
				peak = max(peak, p.maxRSS)
				cpu += p.user + p.sys
			}
			b.ReportMetric(float64(b.N*n)/b.Elapsed().Seconds(), "articles/s")
			b.ReportMetric(float64(cpu.Microseconds())/float64(b.N*n), "cpu-µs/article")
			b.ReportMetric(float64(peak)/(1<<20), "peak-RSS-MB")
			reportLoad(b)
		})
	}
}

// BenchmarkWorkers reports the speed-up from one to two workers (target
// ≥ 1.7×) of `chronicle csv` and of `chronicle tag --format jsonl` over
// 10,000 articles, each run a whole process timed by the wall clock. The
// gomaxprocs variants run with GOMAXPROCS=1 and 2 (one core, two cores);
// the flag variants, when chronicle has --workers, keep GOMAXPROCS and
// set --workers 1 and 2. Run it on an otherwise idle machine (see
// loadavg). Package initialisation, which no worker count shortens,
// takes about 0.03 s (TestStartup keeps it small).
func BenchmarkWorkers(b *testing.B) {
	e := newBenchEnv(b)
	if runtime.NumCPU() < 2 {
		b.Skip("needs two CPUs")
	}
	c := e.corpus(10000)
	type variant struct {
		name string
		run  func(b *testing.B, workers int) proc
	}
	variants := []variant{{"csv/gomaxprocs", func(b *testing.B, w int) proc {
		return e.exec(b, []string{"GOMAXPROCS=" + strconv.Itoa(w)}, "csv", c.arg)
	}}}
	if e.hasFlags["workers"] {
		variants = append(variants, variant{"csv/flag", func(b *testing.B, w int) proc {
			return e.exec(b, nil, "csv", "--workers", strconv.Itoa(w), c.arg)
		}})
	}
	if e.hasFlags["tag-jsonl"] && e.jsonl {
		variants = append(variants, variant{"tag/gomaxprocs", func(b *testing.B, w int) proc {
			return e.exec(b, []string{"GOMAXPROCS=" + strconv.Itoa(w)}, "tag", "--format", "jsonl", c.jsonl)
		}})
		if e.hasFlags["workers"] {
			variants = append(variants, variant{"tag/flag", func(b *testing.B, w int) proc {
				return e.exec(b, nil, "tag", "--format", "jsonl", "--workers", strconv.Itoa(w), c.jsonl)
			}})
		}
	}
	for _, v := range variants {
		b.Run(v.name, func(b *testing.B) {
			var one, two time.Duration
			for b.Loop() {
				one += v.run(b, 1).wall
				two += v.run(b, 2).wall
			}
			b.ReportMetric(float64(b.N*c.n)/one.Seconds(), "articles/s-1")
			b.ReportMetric(float64(b.N*c.n)/two.Seconds(), "articles/s-2")
			b.ReportMetric(one.Seconds()/two.Seconds(), "speedup")
			reportLoad(b)
		})
	}
}

// BenchmarkTagJSONL streams the corpus through `chronicle tag --format
// jsonl` (JSON Lines in and out) as a subprocess: MB/s of article text,
// articles/s and peak RSS.
func BenchmarkTagJSONL(b *testing.B) {
	e := newBenchEnv(b)
	if !e.hasFlags["tag-jsonl"] || !e.jsonl {
		b.Skip("chronicle tag --format jsonl over JSON Lines input is not implemented yet")
	}
	for _, n := range sizes(b) {
		c := e.corpus(n)
		b.Run(fmt.Sprintf("articles=%d", n), func(b *testing.B) {
			b.SetBytes(c.bytes)
			var peak int64
			var cpu time.Duration
			for b.Loop() {
				p := e.exec(b, nil, "tag", "--format", "jsonl", c.jsonl)
				peak = max(peak, p.maxRSS)
				cpu += p.user + p.sys
			}
			b.ReportMetric(float64(b.N*n)/b.Elapsed().Seconds(), "articles/s")
			b.ReportMetric(float64(cpu.Microseconds())/float64(b.N*n), "cpu-µs/article")
			b.ReportMetric(float64(peak)/(1<<20), "peak-RSS-MB")
			reportLoad(b)
		})
	}
}
