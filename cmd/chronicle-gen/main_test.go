package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"chronicle/parse"
)

const testDev = "../../testdata/meantime/dev.jsonl"

// corpus runs the command and returns what it wrote.
func corpus(t *testing.T, args ...string) []byte {
	t.Helper()
	out := filepath.Join(t.TempDir(), "corpus.jsonl")
	var stderr bytes.Buffer
	if code := run(append(args, "-o", out), &stderr, &stderr); code != 0 {
		t.Fatalf("run %v: exit %d: %s", args, code, stderr.String())
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func TestDeterministic(t *testing.T) {
	tests := []struct {
		name     string
		a, b     []string
		wantSame bool
	}{
		{"same seed", []string{"-n", "300", "-seed", "7", "-dev", testDev}, []string{"-n", "300", "-seed", "7", "-dev", testDev}, true},
		{"same seed, seeds only", []string{"-n", "100", "-seed", "7", "-dev", ""}, []string{"-n", "100", "-seed", "7", "-dev", ""}, true},
		{"other seed", []string{"-n", "300", "-seed", "7", "-dev", testDev}, []string{"-n", "300", "-seed", "8", "-dev", testDev}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, b := corpus(t, tt.a...), corpus(t, tt.b...)
			if same := bytes.Equal(a, b); same != tt.wantSame {
				t.Errorf("identical output = %v, want %v", same, tt.wantSame)
			}
		})
	}
	t.Run("prefix", func(t *testing.T) {
		// article i does not depend on how many follow it
		small := corpus(t, "-n", "50", "-seed", "3", "-dev", testDev)
		big := corpus(t, "-n", "200", "-seed", "3", "-dev", testDev)
		if !bytes.HasPrefix(big, small) {
			t.Error("the first 50 of 200 articles differ from a run with -n 50")
		}
	})
}

func TestValidJSONL(t *testing.T) {
	const n = 2000
	data := corpus(t, "-n", "2000", "-seed", "1", "-dev", testDev)
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(nil, 1<<24)
	var (
		lines             int
		outlets, zones    = map[string]bool{}, map[string]bool{}
		years             = map[int]bool{}
		dateOnly, wire    int
		totalLen, minLen  = 0, 1 << 30
		seedLike, devLike int
	)
	for sc.Scan() {
		lines++
		dec := json.NewDecoder(bytes.NewReader(sc.Bytes()))
		dec.DisallowUnknownFields()
		var a article
		if err := dec.Decode(&a); err != nil {
			t.Fatalf("line %d: %v", lines, err)
		}
		for field, v := range map[string]string{"outlet": a.Outlet, "url": a.URL, "published": a.Published, "timezone": a.Timezone, "title": a.Title, "text": a.Text} {
			if strings.TrimSpace(v) == "" {
				t.Fatalf("line %d: empty %s", lines, field)
			}
		}
		loc, err := parse.LoadZone(a.Timezone)
		if err != nil {
			t.Fatalf("line %d: zone %q: %v", lines, a.Timezone, err)
		}
		pub, only, err := parse.ParsePublished(a.Published, loc)
		if err != nil {
			t.Fatalf("line %d: published %q: %v", lines, a.Published, err)
		}
		if !only {
			_, off := pub.Zone()
			if _, want := pub.In(loc).Zone(); off != want {
				t.Errorf("line %d: published %s has an offset that is not %s's", lines, a.Published, a.Timezone)
			}
		}
		if !strings.HasPrefix(a.URL, "https://") || strings.ContainsAny(a.URL, " \n") {
			t.Errorf("line %d: bad url %q", lines, a.URL)
		}
		outlets[a.Outlet] = true
		zones[a.Timezone] = true
		years[pub.Year()] = true
		if only {
			dateOnly++
		}
		if strings.HasSuffix(a.Outlet, ")") {
			wire++
		}
		totalLen += len(a.Text)
		minLen = min(minLen, len(a.Text))
		if strings.Contains(a.Text, "Kremlin") {
			seedLike++
		}
		if strings.Contains(a.Text, "Apple") || strings.Contains(a.Text, "stock") {
			devLike++
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if lines != n {
		t.Fatalf("%d lines, want %d", lines, n)
	}
	if !bytes.HasSuffix(data, []byte("\n")) {
		t.Error("the last line does not end with a newline")
	}
	checks := []struct {
		name     string
		got, min int
	}{
		{"outlets", len(outlets), 40},
		{"zones", len(zones), 20},
		{"years", len(years), 3},
		{"date-only", dateOnly, n / 10},
		{"wire copies", wire, n / 6},
		{"seed-story articles", seedLike, n / 5},
		{"dev-story articles", devLike, n / 3},
		{"mean text length", totalLen / n, 3500},
		{"min text length", minLen, 1000},
	}
	for _, c := range checks {
		t.Run(c.name, func(t *testing.T) {
			if c.got < c.min {
				t.Errorf("%s = %d, want at least %d", c.name, c.got, c.min)
			}
		})
	}
	if mean := totalLen / n; mean > 6000 {
		t.Errorf("mean text length %d, want news-sized articles (under 6000 bytes)", mean)
	}
}

func TestSentences(t *testing.T) {
	tests := []struct {
		name, in string
		want     []string
	}{
		{"two", "It rained. Then it stopped.", []string{"It rained.", "Then it stopped."}},
		{"abbreviation", "Mr. Smith met U.S. officials on Dec. 3 in Washington. They talked.", []string{"Mr. Smith met U.S. officials on Dec. 3 in Washington.", "They talked."}},
		{"initial", "Donald J. Trump spoke. He left.", []string{"Donald J. Trump spoke.", "He left."}},
		{"quote", `He said "no." Then he left.`, []string{`He said "no."`, "Then he left."}},
		{"curly quote", "He said “no.” Then he left.", []string{"He said “no.”", "Then he left."}},
		{"decimal", "It rose 3.5 percent. Shares fell.", []string{"It rose 3.5 percent.", "Shares fell."}},
		{"lower case next", "It was 5 p.m. in the city.", []string{"It was 5 p.m. in the city."}},
		{"empty", "", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := sentences(tt.in); !slices.Equal(got, tt.want) {
				t.Errorf("sentences(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestSlug(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Trump says Putin wants to end war, US to hold new talks with Ukraine", "trump-says-putin-wants-to-end-war-us"},
		{"Apple's OS X", "apple-s-os-x"},
		{"¿?", "article"},
	}
	for _, tt := range tests {
		t.Run(tt.want, func(t *testing.T) {
			if got := slug(tt.in); got != tt.want {
				t.Errorf("slug(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestFlags(t *testing.T) {
	tests := []struct {
		name string
		args []string
		want int
	}{
		{"negative n", []string{"-n", "-1"}, 2},
		{"stray argument", []string{"x"}, 2},
		{"unknown flag", []string{"-z"}, 2},
		{"missing dev", []string{"-dev", "no/such/file.jsonl", "-o", filepath.Join(t.TempDir(), "x")}, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stderr bytes.Buffer
			if got := run(tt.args, &stderr, &stderr); got != tt.want {
				t.Errorf("exit %d, want %d (%s)", got, tt.want, stderr.String())
			}
			if stderr.Len() == 0 {
				t.Error("no message on stderr")
			}
		})
	}
}

func TestOutletZones(t *testing.T) {
	for _, o := range outlets {
		t.Run(o.name, func(t *testing.T) {
			if _, err := time.LoadLocation(o.zone); err != nil {
				t.Error(err)
			}
		})
	}
}
