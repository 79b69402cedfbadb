package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"encoding/xml"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"chronicle/render"
)

func TestJSONCommand(t *testing.T) {
	var doc render.Document
	dec := json.NewDecoder(bytes.NewReader(chronicle(t, "json")))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&doc); err != nil {
		t.Fatalf("json output: %v", err)
	}
	if len(doc.Sources) != 5 {
		t.Errorf("%d sources, want the 5 seeds", len(doc.Sources))
	}
	placed, _ := placedMentions(t)
	for _, tc := range []struct {
		name string
		args []string
		typ  string
	}{
		{"per-mention", []string{"json", "--format", "jsonl"}, "mention"},
		{"per-event", []string{"json", "--format", "jsonl", "--per", "event"}, "event"},
		{"stream", []string{"json", "--format", "jsonl", "--stream"}, "mention"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			sc := bufio.NewScanner(bytes.NewReader(chronicle(t, tc.args...)))
			sc.Buffer(nil, 1<<20)
			n, dated := 0, 0
			for sc.Scan() {
				var rec struct {
					Type string `json:"type"`
					Date string `json:"date"`
					Kind string `json:"kind"`
				}
				if err := json.Unmarshal(sc.Bytes(), &rec); err != nil || rec.Type != tc.typ {
					t.Fatalf("line %d: %v (type %q)", n+1, err, rec.Type)
				}
				n++
				if rec.Date != "" && (rec.Kind == "date" || rec.Kind == "time") {
					dated++
				}
			}
			switch tc.typ {
			case "event":
				if n != len(doc.Events) {
					t.Errorf("%d event lines, the document has %d events", n, len(doc.Events))
				}
			default:
				if dated != placed {
					t.Errorf("%d dated mention lines, the CSV has %d", dated, placed)
				}
			}
		})
	}
}

func TestExportCommand(t *testing.T) {
	t.Run("timelinejs", func(t *testing.T) {
		var doc render.TimelineJS
		dec := json.NewDecoder(bytes.NewReader(chronicle(t, "export", "--format", "timelinejs")))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&doc); err != nil {
			t.Fatal(err)
		}
		placed, _ := placedMentions(t)
		if len(doc.Events) != placed {
			t.Errorf("%d slides, %d dated mentions", len(doc.Events), placed)
		}
		for _, s := range doc.Events {
			if s.StartDate == nil || s.StartDate.Year == 0 || s.Group == "" {
				t.Errorf("slide lacks start_date or group: %+v", s)
			}
		}
	})
	t.Run("ics", func(t *testing.T) {
		out := chronicle(t, "export", "--format", "ics")
		if !bytes.HasPrefix(out, []byte("BEGIN:VCALENDAR\r\n")) || !bytes.HasSuffix(out, []byte("END:VCALENDAR\r\n")) {
			t.Errorf("not an iCalendar stream: %.80q", out)
		}
		if bytes.Contains(bytes.ReplaceAll(out, []byte("\r\n"), nil), []byte("\n")) {
			t.Error("bare LF in iCalendar output")
		}
	})
	t.Run("timeml", func(t *testing.T) {
		dir := filepath.Join(t.TempDir(), "tml") + string(os.PathSeparator)
		chronicle(t, "export", "--format", "timeml", "-o", dir)
		files, _ := filepath.Glob(filepath.Join(dir, "*.tml"))
		if len(files) != 5 {
			t.Fatalf("%d TimeML files, want one per seed", len(files))
		}
		for _, f := range files {
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			dec := xml.NewDecoder(bytes.NewReader(data))
			root := ""
			for {
				tok, err := dec.Token()
				if errors.Is(err, io.EOF) {
					break
				}
				if err != nil {
					t.Fatalf("%s: not well-formed XML: %v", f, err)
				}
				if se, ok := tok.(xml.StartElement); ok && root == "" {
					root = se.Name.Local
				}
			}
			if root != "TimeML" {
				t.Errorf("%s: root %q", f, root)
			}
		}
		var errb bytes.Buffer
		if code := run(t.Context(), []string{"chronicle", "export", "--format", "timeml"}, strings.NewReader(""), &bytes.Buffer{}, &errb); code != 2 || !strings.Contains(errb.String(), "-o DIR") {
			t.Errorf("several articles to stdout: exit %d, %q", code, errb.String())
		}
	})
}
