package main

import (
	"bytes"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"testing"
)

// TestStartup checks that package initialisation stays cheap: the test
// binary (which links everything chronicle links) is run again with
// GODEBUG=inittrace=1 and no tests, and the bytes the dependencies
// allocate before main are summed. go-dateparser's locale tables used to
// be built there, compiling about 4,500 regexps (95 MB, 0.2–0.3 s per
// process); third_party/go-dateparser builds them on first use instead
// (cmd/chronicle/ingest's TestDateparserLocales checks that they still
// load). Bytes, not time: a count does not depend on the machine's load.
func TestStartup(t *testing.T) {
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), "GODEBUG=inittrace=1")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("re-running the test binary: %v\n%s", err, stderr.String())
	}
	total, perPkg := initBytes(t, stderr.String())
	if len(perPkg) < 20 {
		t.Fatalf("inittrace listed %d packages; want the whole dependency tree:\n%s", len(perPkg), stderr.String())
	}
	const limit = 20 << 20
	if total > limit {
		t.Errorf("package initialisation allocates %d MB, want under %d MB", total>>20, limit>>20)
	}
	for _, pkg := range []string{"github.com/markusmobius/go-dateparser/internal/data", "github.com/markusmobius/go-htmldate"} {
		if _, ok := perPkg[pkg]; !ok {
			t.Errorf("%s is not initialised: the test no longer covers HTML reading's dependencies", pkg)
		}
	}
	if n := perPkg["github.com/markusmobius/go-dateparser/internal/data"]; n > 1<<20 {
		t.Errorf("go-dateparser's locale tables allocate %d KB at start-up, want under 1 MB: are they built eagerly again (third_party/README.md)?", n>>10)
	}
}

// initBytes sums the "N bytes" fields of inittrace lines ("init PKG @T ms,
// D ms clock, N bytes, K allocs"), in total and per package.
func initBytes(t *testing.T, trace string) (int64, map[string]int64) {
	t.Helper()
	var total int64
	perPkg := map[string]int64{}
	for _, line := range strings.Split(trace, "\n") {
		f := strings.Fields(line)
		if len(f) < 9 || f[0] != "init" || f[8] != "bytes," {
			continue
		}
		n, err := strconv.ParseInt(f[7], 10, 64)
		if err != nil {
			t.Fatalf("inittrace line %q: %v", line, err)
		}
		perPkg[f[1]] += n
		total += n
	}
	return total, perPkg
}
