package render

import (
	"bytes"
	"encoding/csv"
	"strconv"
	"testing"
)

// TestCSVWorkers checks that the rows formatted in parallel chunks are
// the same, in the same order, whatever the number of workers, and that
// each row is its mention's.
func TestCSVWorkers(t *testing.T) {
	tl := generated(t, 3*csvChunk+123) // chunks, a partial batch and a partial chunk
	for i := range tl.Mentions {
		tl.Mentions[i].Furniture = i%97 == 0
	}
	var ref bytes.Buffer
	if err := CSV(&ref, tl, CSVOptions{Workers: 1}); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(bytes.NewReader(ref.Bytes())).ReadAll()
	if err != nil {
		t.Fatalf("reading the CSV back: %v", err)
	}
	var kept []int
	for i, m := range tl.Mentions {
		if !m.Furniture {
			kept = append(kept, i)
		}
	}
	if len(rows) != len(kept)+1 {
		t.Fatalf("%d rows, want a header and %d mentions", len(rows), len(kept))
	}
	for r, i := range kept {
		m, row := tl.Mentions[i], rows[r+1]
		if row[3] != m.Text || row[4] != strconv.Itoa(m.Span.Start) || row[11] != m.Event {
			t.Fatalf("row %d = %q, want mention %d (%q at %d, event %q)", r+1, row[:12], i, m.Text, m.Span.Start, m.Event)
		}
	}
	for _, workers := range []int{0, 2, 3, 8} {
		t.Run("workers="+strconv.Itoa(workers), func(t *testing.T) {
			var got bytes.Buffer
			if err := CSV(&got, tl, CSVOptions{Workers: workers}); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got.Bytes(), ref.Bytes()) {
				t.Errorf("output differs from one worker's (%d vs %d bytes)", got.Len(), ref.Len())
			}
		})
	}
	t.Run("all", func(t *testing.T) {
		var got bytes.Buffer
		if err := CSV(&got, tl, CSVOptions{All: true, Workers: 2}); err != nil {
			t.Fatal(err)
		}
		rows, err := csv.NewReader(&got).ReadAll()
		if err != nil || len(rows) != len(tl.Mentions)+1 {
			t.Errorf("--all: %d rows, err %v; want %d", len(rows), err, len(tl.Mentions)+1)
		}
	})
}
