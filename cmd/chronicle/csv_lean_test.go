package main

import (
	"bytes"
	"context"
	"encoding/csv"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"chronicle/render"
)

// TestCSVTempFiles checks that `chronicle csv` keeps its temporary files in
// TMPDIR, leaves none there however it ends, and writes the CSV an
// in-memory build gives.
func TestCSVTempFiles(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("TMPDIR", dir)
	tl := seedTimeline(t) // the embedded seeds, which `chronicle csv` reads without arguments
	var want bytes.Buffer
	if err := render.CSV(&want, tl, render.CSVOptions{}); err != nil {
		t.Fatal(err)
	}
	cancelled, cancel := context.WithCancel(context.Background())
	cancel()
	for _, c := range []struct {
		name     string
		ctx      context.Context
		args     []string
		wantCode int
	}{
		{"written", context.Background(), []string{"csv", "--workers", "2"}, 0},
		{"cancelled", cancelled, []string{"csv"}, 1},
		{"output not writable", context.Background(), []string{"csv", "-o", filepath.Join(dir, "missing", "out.csv")}, 1},
	} {
		t.Run(c.name, func(t *testing.T) {
			var out, errb bytes.Buffer
			code := run(c.ctx, append([]string{"chronicle"}, c.args...), strings.NewReader(""), &out, &errb)
			if (code == 0) != (c.wantCode == 0) {
				t.Fatalf("exit %d, want %d; stderr: %s", code, c.wantCode, errb.String())
			}
			if code == 0 {
				if _, err := csv.NewReader(bytes.NewReader(out.Bytes())).ReadAll(); err != nil {
					t.Fatalf("output is no CSV: %v", err)
				}
				if !bytes.Equal(out.Bytes(), want.Bytes()) {
					t.Errorf("csv differs from the in-memory build's (%d bytes, want %d)", out.Len(), want.Len())
				}
			}
			es, err := os.ReadDir(dir)
			if err != nil {
				t.Fatal(err)
			}
			for _, e := range es {
				t.Errorf("left in TMPDIR: %s", e.Name())
			}
		})
	}
}
