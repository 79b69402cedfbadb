package ingest

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"gopkg.in/yaml.v3"

	"chronicle/parse"
)

// Entry is one line of a manifest: a file to read (a text article, a
// saved copy of a web page, a feed or a directory) and the metadata that
// overrides what the file says.
type Entry struct {
	Path string // resolved against the manifest's directory
	Meta Meta
	At   Ref // where the entry is written
}

// manifestColumns maps the accepted column (or YAML key) names to fields.
var manifestColumns = map[string]string{
	"path": "path", "file": "path", "saved": "path", "copy": "path", "filename": "path",
	"url": "url", "link": "url",
	"outlet": "outlet", "source": "outlet", "site": "outlet", "publisher": "outlet",
	"published": "published", "date": "published", "pubdate": "published",
	"timezone": "timezone", "tz": "timezone", "zone": "timezone",
	"title": "title", "headline": "title",
}

// IsManifest reports whether a file is a manifest by its name (*.csv,
// *.yaml, *.yml, including *.manifest.csv) and, for CSV, by a header
// naming a path or file column.
func IsManifest(name string, head []byte) bool {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".yaml", ".yml":
		return true
	case ".csv":
		if strings.HasSuffix(strings.ToLower(name), ".manifest.csv") {
			return true
		}
		return csvManifestHeader(head)
	}
	return false
}

// csvManifestHeader reports whether data starts with a CSV header row
// that has a path (or file) column.
func csvManifestHeader(head []byte) bool {
	first, _, _ := bytes.Cut(bytes.TrimPrefix(head, []byte("\xef\xbb\xbf")), []byte("\n"))
	if !bytes.Contains(first, []byte(",")) {
		return false
	}
	for _, f := range strings.Split(string(first), ",") {
		f = strings.ToLower(strings.Trim(strings.TrimSpace(f), `"`))
		if manifestColumns[f] == "path" {
			return true
		}
	}
	return false
}

// ReadManifest decodes a manifest: a CSV file with a header row, or a YAML
// list of mappings (or a mapping whose "articles" key holds the list).
// Columns/keys: path (or file: the saved file, relative to the manifest),
// url, outlet, published, timezone, title. An entry without a path is
// reported as a problem (chronicle reads saved copies; it does not fetch
// URLs) and the others are returned. err is set when the manifest as a
// whole cannot be read.
func ReadManifest(name string, data []byte) (entries []Entry, problems []error, err error) {
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, nil, &parse.Error{File: name, Msg: "the manifest is empty", Hint: "list one file per line under a header such as path,outlet,published,timezone", Err: parse.ErrEmpty}
	}
	if w := parse.CheckUTF8(name, data); w != nil {
		problems = append(problems, w)
		data = bytes.ToValidUTF8(data, []byte("\uFFFD"))
	}
	var rows []map[string]string
	var at []map[string]Ref
	switch strings.ToLower(filepath.Ext(name)) {
	case ".yaml", ".yml":
		rows, at, err = manifestYAML(name, data)
	default:
		rows, at, err = manifestCSV(name, data)
	}
	if err != nil {
		return nil, problems, err
	}
	dir := filepath.Dir(name)
	for i, row := range rows {
		e := Entry{At: at[i]["_row"], Meta: Meta{
			Outlet: row["outlet"], URL: row["url"], Published: row["published"], Timezone: row["timezone"], Title: row["title"],
			At: at[i],
		}}
		p := row["path"]
		switch {
		case p == "" && row["url"] != "":
			problems = append(problems, &parse.Error{File: e.At.File, Pos: e.At.Pos, Msg: fmt.Sprintf("no saved copy given for %s", row["url"]), Hint: "save the page and give its file in the path column (chronicle does not fetch URLs)"})
			continue
		case p == "":
			problems = append(problems, &parse.Error{File: e.At.File, Pos: e.At.Pos, Msg: "the entry names no file", Hint: "fill in the path column"})
			continue
		case filepath.IsAbs(p):
			e.Path = p
		default:
			e.Path = filepath.Join(dir, filepath.FromSlash(p))
		}
		entries = append(entries, e)
	}
	return entries, problems, nil
}

func manifestCSV(name string, data []byte) ([]map[string]string, []map[string]Ref, error) {
	r := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))))
	r.FieldsPerRecord = -1
	r.TrimLeadingSpace = true
	r.Comment = '#'
	header, err := r.Read()
	if err != nil {
		return nil, nil, csvError(name, err)
	}
	cols := make([]string, len(header))
	hasPath := false
	for i, h := range header {
		cols[i] = manifestColumns[strings.ToLower(strings.TrimSpace(h))]
		hasPath = hasPath || cols[i] == "path"
	}
	if !hasPath {
		return nil, nil, &parse.Error{File: name, Pos: parse.Pos{Line: 1, Col: 1}, Msg: "the manifest header has no path column", Hint: "start the file with a header such as path,outlet,published,timezone,title,url", Err: parse.ErrBadFrontMatter}
	}
	var rows []map[string]string
	var ats []map[string]Ref
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return rows, ats, csvError(name, err)
		}
		line, _ := r.FieldPos(0)
		row := map[string]string{}
		at := map[string]Ref{"_row": {File: name, Pos: parse.Pos{Line: line, Col: 1}}}
		empty := true
		for i, v := range rec {
			v = strings.TrimSpace(v)
			empty = empty && v == ""
			if i >= len(cols) || cols[i] == "" || v == "" {
				continue
			}
			l, c := r.FieldPos(i)
			row[cols[i]] = v
			at[cols[i]] = Ref{File: name, Pos: parse.Pos{Line: l, Col: c}}
		}
		if empty {
			continue
		}
		rows = append(rows, row)
		ats = append(ats, at)
	}
	return rows, ats, nil
}

func csvError(name string, err error) error {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return &parse.Error{File: name, Pos: parse.Pos{Line: pe.Line, Col: pe.Column}, Msg: fmt.Sprintf("invalid CSV: %v", pe.Err), Hint: "quote fields that contain commas or quotes"}
	}
	return &parse.Error{File: name, Msg: fmt.Sprintf("cannot read the manifest: %v", err), Hint: "give a CSV file with a header row"}
}

func manifestYAML(name string, data []byte) ([]map[string]string, []map[string]Ref, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, nil, &parse.Error{File: name, Pos: yamlErrPos(err), Msg: fmt.Sprintf("invalid YAML: %s", yamlErrMsg(err)), Hint: "write a list of entries, each with path: and optional outlet:, published:, timezone:, title:, url:"}
	}
	pos := func(n *yaml.Node) Ref { return Ref{File: name, Pos: parse.Pos{Line: n.Line, Col: n.Column}} }
	list := &doc
	if list.Kind == yaml.DocumentNode && len(list.Content) > 0 {
		list = list.Content[0]
	}
	if list.Kind == yaml.MappingNode {
		for i := 0; i+1 < len(list.Content); i += 2 {
			if k := strings.ToLower(list.Content[i].Value); k == "articles" || k == "files" || k == "entries" {
				list = list.Content[i+1]
				break
			}
		}
	}
	if list.Kind != yaml.SequenceNode {
		return nil, nil, &parse.Error{File: name, Pos: pos(list).Pos, Msg: "the manifest is not a list of entries", Hint: "write a YAML list: `- path: article.html` with optional outlet:, published:, timezone:, title:, url:"}
	}
	var rows []map[string]string
	var ats []map[string]Ref
	for _, item := range list.Content {
		if item.Kind != yaml.MappingNode {
			return nil, nil, &parse.Error{File: name, Pos: pos(item).Pos, Msg: "an entry is not a mapping", Hint: "write each entry as `- path: FILE` followed by indented `key: value` lines"}
		}
		row := map[string]string{}
		at := map[string]Ref{"_row": pos(item)}
		for i := 0; i+1 < len(item.Content); i += 2 {
			k, v := item.Content[i], item.Content[i+1]
			f := manifestColumns[strings.ToLower(k.Value)]
			if f == "" {
				continue
			}
			if v.Kind != yaml.ScalarNode {
				return nil, nil, &parse.Error{File: name, Pos: pos(v).Pos, Msg: fmt.Sprintf("%s must be a single value", k.Value), Hint: "write `key: value` on one line"}
			}
			row[f] = strings.TrimSpace(v.Value)
			at[f] = pos(v)
		}
		rows = append(rows, row)
		ats = append(ats, at)
	}
	return rows, ats, nil
}

// yamlErrPos extracts "line N" from a yaml.v3 error message.
func yamlErrPos(err error) parse.Pos {
	var line int
	s := err.Error()
	if i := strings.Index(s, "line "); i >= 0 {
		fmt.Sscanf(s[i+5:], "%d", &line)
	}
	if line == 0 {
		return parse.Pos{}
	}
	return parse.Pos{Line: line, Col: 1}
}

// yamlErrMsg drops yaml.v3's "yaml: line N:" prefix.
func yamlErrMsg(err error) string {
	s := strings.TrimPrefix(err.Error(), "yaml: ")
	if strings.HasPrefix(s, "line ") {
		if i := strings.Index(s, ": "); i >= 0 {
			s = s[i+2:]
		}
	}
	return s
}
