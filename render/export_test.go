package render

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

// --- a small RFC 5545 reader, strict about what chronicle must write ---

type icsProp struct {
	Name   string
	Params map[string]string
	Value  string
}

type icsComp struct {
	Name  string
	Props []icsProp
	Comps []*icsComp
}

func (c *icsComp) get(name string) []icsProp {
	var out []icsProp
	for _, p := range c.Props {
		if p.Name == name {
			out = append(out, p)
		}
	}
	return out
}

func (c *icsComp) one(t *testing.T, name string) icsProp {
	t.Helper()
	ps := c.get(name)
	if len(ps) != 1 {
		t.Fatalf("%s has %d %s properties, want 1", c.Name, len(ps), name)
	}
	return ps[0]
}

// parseICS checks the physical format (CRLF only, lines of at most 75
// octets, valid UTF-8, folds not splitting characters), unfolds, parses
// each content line (name *(";" param) ":" value) and nests BEGIN/END.
func parseICS(data []byte) (*icsComp, error) {
	if !bytes.HasSuffix(data, []byte("\r\n")) {
		return nil, errors.New("does not end in CRLF")
	}
	if !utf8.Valid(data) {
		return nil, errors.New("not UTF-8 (a fold split a character?)")
	}
	phys := strings.Split(strings.TrimSuffix(string(data), "\r\n"), "\r\n")
	var lines []string
	for i, l := range phys {
		if strings.ContainsAny(l, "\r\n") {
			return nil, fmt.Errorf("line %d: bare CR or LF", i+1)
		}
		if len(l) > 75 {
			return nil, fmt.Errorf("line %d: %d octets, more than 75", i+1, len(l))
		}
		if !utf8.ValidString(l) {
			return nil, fmt.Errorf("line %d: fold splits a UTF-8 sequence", i+1)
		}
		if strings.HasPrefix(l, " ") || strings.HasPrefix(l, "\t") {
			if len(lines) == 0 {
				return nil, errors.New("continuation line first")
			}
			lines[len(lines)-1] += l[1:]
			continue
		}
		lines = append(lines, l)
	}
	root := &icsComp{}
	stack := []*icsComp{root}
	for i, l := range lines {
		p, err := parseContentLine(l)
		if err != nil {
			return nil, fmt.Errorf("content line %d %q: %v", i+1, l, err)
		}
		top := stack[len(stack)-1]
		switch p.Name {
		case "BEGIN":
			c := &icsComp{Name: p.Value}
			top.Comps = append(top.Comps, c)
			stack = append(stack, c)
		case "END":
			if top.Name != p.Value || len(stack) == 1 {
				return nil, fmt.Errorf("END:%s closes %s", p.Value, top.Name)
			}
			stack = stack[:len(stack)-1]
		default:
			top.Props = append(top.Props, p)
		}
	}
	if len(stack) != 1 || len(root.Comps) != 1 || root.Comps[0].Name != "VCALENDAR" {
		return nil, errors.New("not one complete VCALENDAR")
	}
	return root.Comps[0], nil
}

func parseContentLine(l string) (icsProp, error) {
	p := icsProp{Params: map[string]string{}}
	i := strings.IndexAny(l, ";:")
	if i <= 0 {
		return p, errors.New("no name")
	}
	p.Name = l[:i]
	for _, r := range p.Name {
		if !(r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-') {
			return p, fmt.Errorf("bad name %q", p.Name)
		}
	}
	rest := l[i:]
	for strings.HasPrefix(rest, ";") {
		rest = rest[1:]
		eq := strings.IndexByte(rest, '=')
		if eq <= 0 {
			return p, errors.New("bad parameter")
		}
		name := rest[:eq]
		rest = rest[eq+1:]
		var v string
		if strings.HasPrefix(rest, `"`) {
			end := strings.IndexByte(rest[1:], '"')
			if end < 0 {
				return p, errors.New("unterminated quoted parameter")
			}
			v, rest = rest[1:end+1], rest[end+2:]
		} else {
			end := strings.IndexAny(rest, ";:")
			if end < 0 {
				return p, errors.New("parameter runs to the end")
			}
			v, rest = rest[:end], rest[end:]
		}
		p.Params[name] = v
	}
	if !strings.HasPrefix(rest, ":") {
		return p, errors.New("no value")
	}
	p.Value = rest[1:]
	return p, nil
}

// unescapeText decodes an RFC 5545 TEXT value and rejects unescaped
// separators.
func unescapeText(s string) (string, error) {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '\\':
			if i+1 == len(s) {
				return "", errors.New("trailing backslash")
			}
			i++
			switch s[i] {
			case 'n', 'N':
				b.WriteByte('\n')
			case '\\', ';', ',':
				b.WriteByte(s[i])
			default:
				return "", fmt.Errorf("bad escape \\%c", s[i])
			}
		case ';', ',':
			return "", fmt.Errorf("unescaped %q", s[i])
		default:
			b.WriteByte(s[i])
		}
	}
	return b.String(), nil
}

func TestICS(t *testing.T) {
	for _, tc := range []struct{ name, probe string }{
		{"plain", ""},
		{"separators", `a, b; c\d` + "\nnext line"},
		{"probes", strings.Join(probes, " ")},
		{"long-multibyte", strings.Repeat("Путин и Трамп — переговоры ", 8)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tl := fixture(t, tc.probe)
			var b bytes.Buffer
			if err := ICS(&b, tl); err != nil {
				t.Fatal(err)
			}
			var again bytes.Buffer
			if err := ICS(&again, tl); err != nil || !bytes.Equal(b.Bytes(), again.Bytes()) {
				t.Fatal("two exports differ")
			}
			cal, err := parseICS(b.Bytes())
			if err != nil {
				t.Fatalf("invalid iCalendar: %v\n%s", err, b.String())
			}
			if v := cal.one(t, "VERSION").Value; v != "2.0" {
				t.Errorf("VERSION %q", v)
			}
			cal.one(t, "PRODID")
			// 2 events + 3 placed mentions in no event (4.20pm, last month, this week)
			if len(cal.Comps) != 5 {
				t.Fatalf("%d components, want 5 VEVENTs", len(cal.Comps))
			}
			uids := map[string]bool{}
			summaries := map[string]icsProp{}
			for _, ev := range cal.Comps {
				if ev.Name != "VEVENT" {
					t.Fatalf("component %s", ev.Name)
				}
				u := ev.one(t, "UID").Value
				if uids[u] {
					t.Errorf("UID %s twice", u)
				}
				uids[u] = true
				// the latest publication: 4 Dec 08:15 in Melbourne = 3 Dec 21:15 UTC
				if st := ev.one(t, "DTSTAMP").Value; st != "20251203T211500Z" {
					t.Errorf("DTSTAMP %s, want the latest publication time 20251203T211500Z", st)
				}
				start, end := ev.one(t, "DTSTART"), ev.one(t, "DTEND")
				layout := "20060102T150405Z"
				if start.Params["VALUE"] == "DATE" {
					layout = "20060102"
					if end.Params["VALUE"] != "DATE" {
						t.Errorf("DTSTART is a DATE, DTEND %v is not", end)
					}
				}
				s, err1 := time.Parse(layout, start.Value)
				e, err2 := time.Parse(layout, end.Value)
				if err1 != nil || err2 != nil || !e.After(s) {
					t.Errorf("bad DTSTART/DTEND %q %q (%v %v)", start.Value, end.Value, err1, err2)
				}
				for _, name := range []string{"SUMMARY", "DESCRIPTION"} {
					txt, err := unescapeText(ev.one(t, name).Value)
					if err != nil {
						t.Errorf("%s: %v", name, err)
					}
					if name == "SUMMARY" {
						summaries[txt] = start
					}
				}
				if st := ev.one(t, "STATUS").Value; st != "TENTATIVE" && st != "CONFIRMED" {
					t.Errorf("STATUS %q", st)
				}
			}
			// the conflicting event is TENTATIVE, a month is TENTATIVE, a day event CONFIRMED
			status := map[string]string{}
			for _, ev := range cal.Comps {
				sum, _ := unescapeText(ev.one(t, "SUMMARY").Value)
				status[sum] = ev.one(t, "STATUS").Value + " " + ev.one(t, "DTSTART").Value + " " + ev.one(t, "DTEND").Value
			}
			p := func(s string) string {
				if tc.probe == "" {
					return s
				}
				return s + " " + tc.probe
			}
			for sum, want := range map[string]string{
				OneLine(p("meet Umerov")):             "TENTATIVE 20251204 20251205",
				OneLine(p("meet Putin envoys")):       "CONFIRMED 20251202 20251203",
				OneLine(p("Post B")) + ": last month": "TENTATIVE 20251101 20251201",
				OneLine(p("News C")) + ": this week":  "TENTATIVE 20251201 20251208",
				OneLine(p("Wire A")) + ": 4.20pm":     "CONFIRMED 20251202T212000Z 20251202T212100Z",
			} {
				if got := status[sum]; got != want {
					t.Errorf("%q: got %q, want %q", sum, got, want)
				}
			}
		})
	}
}

func TestTimelineJS(t *testing.T) {
	type date struct {
		Year        int    `json:"year"`
		Month       int    `json:"month"`
		Day         int    `json:"day"`
		Hour        *int   `json:"hour"`
		Minute      *int   `json:"minute"`
		DisplayDate string `json:"display_date"`
	}
	type slide struct {
		StartDate *date `json:"start_date"`
		EndDate   *date `json:"end_date"`
		Text      *struct {
			Headline string `json:"headline"`
			Text     string `json:"text"`
		} `json:"text"`
		Group       string `json:"group"`
		DisplayDate string `json:"display_date"`
		UniqueID    string `json:"unique_id"`
	}
	var doc struct {
		Title  *slide  `json:"title"`
		Events []slide `json:"events"`
	}
	tl := fixture(t, strings.Join(probes, " "))
	var b bytes.Buffer
	if err := TimelineJSON(&b, tl); err != nil {
		t.Fatal(err)
	}
	dec := json.NewDecoder(&b)
	dec.DisallowUnknownFields()
	if err := dec.Decode(&doc); err != nil {
		t.Fatalf("not a TimelineJS document: %v", err)
	}
	if doc.Title == nil || doc.Title.Text == nil || doc.Title.StartDate != nil {
		t.Errorf("title slide %+v", doc.Title)
	}
	if len(doc.Events) != 7 {
		t.Fatalf("%d slides, want 7 (the placed mentions)", len(doc.Events))
	}
	ids := map[string]bool{}
	byGran := map[string]slide{}
	for _, s := range doc.Events {
		if s.StartDate == nil || s.StartDate.Year == 0 || s.Text == nil || s.Text.Text == "" || s.Group == "" || s.UniqueID == "" {
			t.Fatalf("slide lacks a required field: %+v", s)
		}
		if ids[s.UniqueID] {
			t.Errorf("unique_id %s twice", s.UniqueID)
		}
		ids[s.UniqueID] = true
		for _, d := range []*date{s.StartDate, s.EndDate} {
			if d == nil {
				continue
			}
			if d.Month < 0 || d.Month > 12 || d.Day < 0 || d.Day > 31 || (d.Day > 0 && d.Month == 0) {
				t.Errorf("bad date %+v", d)
			}
		}
		for _, txt := range []string{s.Text.Headline, s.Text.Text, s.Group, s.DisplayDate} {
			if strings.Contains(txt, "<script") || strings.Contains(txt, "<img") || strings.Contains(txt, `"Quoted"`) {
				t.Errorf("unescaped HTML in %q", txt)
			}
		}
		switch {
		case s.StartDate.Hour != nil:
			byGran["time"] = s
		case s.EndDate != nil:
			byGran["week"] = s
		case s.StartDate.Day == 0:
			byGran["month"] = s
		default:
			byGran["day"] = s
		}
	}
	if s := byGran["month"]; s.StartDate == nil || *s.StartDate != (date{Year: 2025, Month: 11}) {
		t.Errorf("month slide starts %+v, want year 2025 month 11 only", s.StartDate)
	}
	if s := byGran["week"]; s.EndDate == nil || s.StartDate.Day != 1 || s.EndDate.Day != 7 {
		t.Errorf("week slide %+v – %+v, want 1–7 Dec", s.StartDate, s.EndDate)
	}
	if s := byGran["time"]; s.StartDate == nil || *s.StartDate.Hour != 16 || *s.StartDate.Minute != 20 {
		t.Errorf("clock time slide %+v", s.StartDate)
	}
	if !strings.Contains(byGran["day"].Text.Text, "<mark>") {
		t.Errorf("quote lacks the marked expression: %q", byGran["day"].Text.Text)
	}
}

func TestJSONExports(t *testing.T) {
	tl := fixture(t, strings.Join(probes, " "))
	var b bytes.Buffer
	if err := JSON(&b, tl); err != nil {
		t.Fatal(err)
	}
	var doc Document
	dec := json.NewDecoder(&b)
	dec.DisallowUnknownFields()
	if err := dec.Decode(&doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.Sources) != 3 || len(doc.Events) != 2 || len(doc.Conflicts) != 1 {
		t.Fatalf("sources %d, events %d, conflicts %d", len(doc.Sources), len(doc.Events), len(doc.Conflicts))
	}
	inEvents := 0
	for _, e := range doc.Events {
		inEvents += len(e.Mentions)
		for _, m := range e.Mentions {
			if m.Event != e.ID || m.Date == "" {
				t.Errorf("event %s mention %+v", e.ID, m)
			}
		}
	}
	// 9 non-furniture mentions: 4 in events, 5 elsewhere
	if inEvents != 4 || len(doc.Mentions) != 5 {
		t.Errorf("%d mentions in events, %d outside, want 4 and 5", inEvents, len(doc.Mentions))
	}
	if doc.Events[1].Mentions[0].Sentence != OneLine(tl.Mentions[1].Sentence) {
		t.Errorf("sentence %q", doc.Events[1].Mentions[0].Sentence)
	}

	for _, tc := range []struct {
		per   string
		lines int
		typ   string
	}{{"mention", 9, "mention"}, {"event", 2, "event"}} {
		t.Run("jsonl-"+tc.per, func(t *testing.T) {
			var b bytes.Buffer
			if err := JSONLines(&b, tl, tc.per); err != nil {
				t.Fatal(err)
			}
			sc := bufio.NewScanner(&b)
			sc.Buffer(nil, 1<<20)
			n := 0
			for sc.Scan() {
				var rec map[string]any
				if err := json.Unmarshal(sc.Bytes(), &rec); err != nil {
					t.Fatalf("line %d: %v", n+1, err)
				}
				if rec["type"] != tc.typ {
					t.Errorf("line %d type %v", n+1, rec["type"])
				}
				n++
			}
			if n != tc.lines {
				t.Errorf("%d lines, want %d", n, tc.lines)
			}
		})
	}
	if err := JSONLines(&bytes.Buffer{}, tl, "sentence"); err == nil {
		t.Error("JSONLines accepted per=sentence")
	}
}
