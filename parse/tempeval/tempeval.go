// Package tempeval scores a temporal tagger the way TempEval-3 (SemEval
// 2013 task 1, task A) scores time expressions, and loads the annotated
// corpora it is scored on: TempEval-3 .tml files and the MEANTIME JSON
// Lines of testdata/meantime.
//
// All offsets are UTF-8 byte offsets into Doc.Text. The loaders convert
// whatever the source counts (code points in MEANTIME, characters of the
// tag-stripped XML in .tml files).
package tempeval

import (
	"bufio"
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"chronicle/parse"
)

// Timex is one time expression, gold or predicted.
type Timex struct {
	Start, End int    // byte offsets into Doc.Text, End exclusive
	Text       string // Doc.Text[Start:End]
	Type       string // DATE, TIME, DURATION, SET
	Value      string // TIMEX3 value
	Mod        string // TIMEX3 mod, if any
}

// Doc is one annotated document.
type Doc struct {
	ID   string
	Text string
	// DCT is the document creation time: midnight UTC of the publication
	// day, or the full time when the corpus gives one.
	DCT time.Time
	// DCTValue is the DCT as the corpus writes it ("2013-03-22").
	DCTValue string
	Gold     []Timex // sorted by Start
	// AnnotatedEnd is the byte offset where exhaustive annotation ends;
	// predictions starting at or after it are not scored. It is
	// len(Text) when the whole text is annotated.
	AnnotatedEnd int
}

// FromMentions converts a tagger's mentions to timexes. Mentions flagged
// as page furniture are kept: a scorer sees what the tagger found.
func FromMentions(ms []parse.Mention) []Timex {
	out := make([]Timex, 0, len(ms))
	for _, m := range ms {
		out = append(out, Timex{Start: m.Span.Start, End: m.Span.End, Text: m.Text, Type: m.Kind.TIMEX3Type(), Value: m.TIMEX, Mod: m.Mod})
	}
	return out
}

// meantimeRecord is one line of the MEANTIME JSON Lines.
type meantimeRecord struct {
	ID      string `json:"id"`
	Text    string `json:"text"`
	DCT     string `json:"dct"`
	Timexes []struct {
		Start int    `json:"start"`
		End   int    `json:"end"`
		Text  string `json:"text"`
		Type  string `json:"type"`
		Value string `json:"value"`
		Mod   string `json:"mod"`
		IsDCT bool   `json:"is_dct"`
	} `json:"timexes"`
	AnnotatedEnd *int `json:"annotated_end"`
}

// LoadMeantime reads documents in the MEANTIME JSON Lines schema (see
// testdata/meantime/README.md). Offsets there count code points; they are
// converted to bytes. The dateline timexes (is_dct) are kept: the dateline
// is a time expression of the text.
func LoadMeantime(r io.Reader) ([]Doc, error) {
	var docs []Doc
	sc := bufio.NewScanner(r)
	sc.Buffer(nil, 1<<26)
	line := 0
	for sc.Scan() {
		line++
		b := sc.Bytes()
		if len(strings.TrimSpace(string(b))) == 0 {
			continue
		}
		var rec meantimeRecord
		if err := json.Unmarshal(b, &rec); err != nil {
			return nil, fmt.Errorf("line %d: %v; each line must be one JSON object in the MEANTIME schema", line, err)
		}
		dct, err := time.Parse("2006-01-02", rec.DCT)
		if err != nil {
			return nil, fmt.Errorf("line %d: document %q: dct %q is not a date (2006-01-02)", line, rec.ID, rec.DCT)
		}
		off := CodePointOffsets(rec.Text)
		at := func(cp int) (int, error) {
			if cp < 0 || cp >= len(off) {
				return 0, fmt.Errorf("line %d: document %q: offset %d outside the text (%d code points)", line, rec.ID, cp, len(off)-1)
			}
			return off[cp], nil
		}
		d := Doc{ID: rec.ID, Text: rec.Text, DCT: dct, DCTValue: rec.DCT, AnnotatedEnd: len(rec.Text)}
		if rec.AnnotatedEnd != nil {
			if d.AnnotatedEnd, err = at(*rec.AnnotatedEnd); err != nil {
				return nil, err
			}
		}
		for _, x := range rec.Timexes {
			s, err := at(x.Start)
			if err != nil {
				return nil, err
			}
			e, err := at(x.End)
			if err != nil {
				return nil, err
			}
			if e < s {
				return nil, fmt.Errorf("line %d: document %q: timex %q ends before it starts", line, rec.ID, x.Text)
			}
			if rec.Text[s:e] != x.Text {
				return nil, fmt.Errorf("line %d: document %q: timex %q does not match the text at %d-%d (%q)", line, rec.ID, x.Text, x.Start, x.End, rec.Text[s:e])
			}
			d.Gold = append(d.Gold, Timex{Start: s, End: e, Text: x.Text, Type: x.Type, Value: x.Value, Mod: x.Mod})
		}
		sortTimexes(d.Gold)
		docs = append(docs, d)
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	return docs, nil
}

// LoadMeantimeFile opens and reads a MEANTIME JSON Lines file.
func LoadMeantimeFile(path string) ([]Doc, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	docs, err := LoadMeantime(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return docs, nil
}

// CodePointOffsets maps code-point offsets (as MEANTIME and Python count
// them) to byte offsets: off[i] is the byte offset of code point i,
// off[n] = len(s).
func CodePointOffsets(s string) []int {
	off := make([]int, 0, utf8.RuneCountInString(s)+1)
	for i := range s {
		off = append(off, i)
	}
	return append(off, len(s))
}

// LoadTML reads every .tml file of a directory (sorted by name, not
// recursive) in the TempEval-3 TimeML format.
func LoadTML(dir string) ([]Doc, error) {
	names, err := filepath.Glob(filepath.Join(dir, "*.tml"))
	if err != nil {
		return nil, err
	}
	if len(names) == 0 {
		return nil, fmt.Errorf("%s: no .tml files", dir)
	}
	slices.Sort(names)
	docs := make([]Doc, 0, len(names))
	for _, n := range names {
		data, err := os.ReadFile(n)
		if err != nil {
			return nil, err
		}
		d, err := ParseTML(strings.TrimSuffix(filepath.Base(n), ".tml"), data)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", n, err)
		}
		docs = append(docs, d)
	}
	return docs, nil
}

// ParseTML reads one TempEval-3 TimeML document. The DCT comes from the
// TIMEX3 with functionInDocument="CREATION_TIME" (inside <DCT>); the text
// is the content of <TEXT> with every tag stripped and XML entities
// unescaped, and the gold timexes are the TIMEX3 elements inside it.
// id names the document (the file name without .tml).
func ParseTML(id string, data []byte) (Doc, error) {
	d := Doc{ID: id}
	dec := xml.NewDecoder(strings.NewReader(string(data)))
	dec.Strict = false
	dec.Entity = xml.HTMLEntity
	var text strings.Builder
	inText, inDCT := false, false
	var open *Timex
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return d, fmt.Errorf("malformed TimeML: %v", err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "TEXT":
				inText = true
			case "DCT":
				inDCT = true
			case "TIMEX3":
				attr := func(k string) string {
					for _, a := range t.Attr {
						if a.Name.Local == k {
							return a.Value
						}
					}
					return ""
				}
				if attr("functionInDocument") == "CREATION_TIME" || inDCT {
					if d.DCTValue == "" {
						d.DCTValue = attr("value")
					}
				}
				if inText && open == nil {
					open = &Timex{Start: text.Len(), Type: attr("type"), Value: attr("value"), Mod: attr("mod")}
				}
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "TEXT":
				inText = false
			case "DCT":
				inDCT = false
			case "TIMEX3":
				if open != nil && inText {
					open.End = text.Len()
					if open.End > open.Start {
						d.Gold = append(d.Gold, *open)
					}
					open = nil
				}
			}
		case xml.CharData:
			if inText {
				text.Write(t)
			}
		}
	}
	d.Text = text.String()
	d.AnnotatedEnd = len(d.Text)
	for i := range d.Gold {
		d.Gold[i].Text = d.Text[d.Gold[i].Start:d.Gold[i].End]
	}
	sortTimexes(d.Gold)
	if d.DCTValue == "" {
		return d, errors.New("no creation time: add <DCT><TIMEX3 functionInDocument=\"CREATION_TIME\" value=\"YYYY-MM-DD\">")
	}
	dct, err := parseDCT(d.DCTValue)
	if err != nil {
		return d, err
	}
	d.DCT = dct
	return d, nil
}

// parseDCT reads a TIMEX3 creation-time value: a date, or a date and time.
func parseDCT(v string) (time.Time, error) {
	for _, layout := range []string{"2006-01-02T15:04:05", "2006-01-02T15:04", "2006-01-02"} {
		if t, err := time.Parse(layout, v); err == nil {
			return t, nil
		}
	}
	if len(v) >= 10 {
		if t, err := time.Parse("2006-01-02", v[:10]); err == nil {
			return t, nil
		}
	}
	if len(v) == 8 {
		if t, err := time.Parse("20060102", v); err == nil {
			return t, nil
		}
	}
	return time.Time{}, fmt.Errorf("creation time %q is not a date", v)
}

func sortTimexes(xs []Timex) {
	slices.SortStableFunc(xs, func(a, b Timex) int {
		if a.Start != b.Start {
			return a.Start - b.Start
		}
		return a.End - b.End
	})
}
