package main

import (
	"bytes"
	"encoding/json"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"chronicle/cmd/chronicle/ingest"
	"chronicle/parse"
	"chronicle/render"
	"chronicle/seeds"
	"chronicle/timeline"
)

// TestAppendMentionLines checks the encoder of `json --format jsonl
// --stream` against render.WriteMentionLine, which json --stream used to
// call: on the dev data and the seeds as tagged, and on a mention whose
// strings need each kind of escape, with every optional field set.
func TestAppendMentionLines(t *testing.T) {
	if n := reflect.TypeFor[render.MentionJSON]().NumField(); n != 19 {
		t.Fatalf("render.MentionJSON has %d fields; appendMentionLine writes 19: update it", n)
	}
	odd := "a\"b\\c/d\b\f\n\r\t\x00\x1f\x7f <x> & é \u2028\u2029 \ufffd \xff\xc3 😀"
	oddMention := timeline.Mention{
		Mention: parse.Mention{Text: odd, Span: parse.Span{Start: 3, End: 9}, Signal: odd,
			Value: parse.Value{TIMEX: odd, Mod: odd, When: parse.Interval{Approx: true}}},
		Sentence: odd + "  \n two  lines ", Event: odd, Conflicts: []string{odd, "C2"},
	}
	tests := []struct {
		name string
		docs []timeline.Doc
	}{
		{name: "escapes", docs: []timeline.Doc{{Source: timeline.Source{Source: odd, Outlet: odd}, Mentions: []timeline.Mention{oddMention, {}, oddMention}}}},
		{name: "dev data and seeds", docs: streamDocs(t)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n := 0
			for _, d := range tt.docs {
				var want bytes.Buffer
				enc := json.NewEncoder(&want)
				for _, m := range d.Mentions {
					if m.Furniture {
						continue
					}
					n++
					if err := render.WriteMentionLine(enc, d.Source, m); err != nil {
						t.Fatal(err)
					}
				}
				if got := appendMentionLines(nil, &d); !bytes.Equal(got, want.Bytes()) {
					t.Fatalf("appendMentionLines:\n got %s\nwant %s", got, want.Bytes())
				}
			}
			if n == 0 {
				t.Fatal("no mentions")
			}
		})
	}
}

// streamDocs tags the dev data and the seeds as `json --stream` does.
func streamDocs(t *testing.T) []timeline.Doc {
	t.Helper()
	var docs []timeline.Doc
	for _, ta := range taggedArticles(t) {
		docs = append(docs, timeline.NewDoc(&ta.a, ta.ms))
	}
	return docs
}

// taggedArticle is an article with its mentions.
type taggedArticle struct {
	a  parse.Article
	ms []parse.Mention
}

// taggedArticles reads and tags the dev data (published 2025-12-03) and
// the seeds.
func taggedArticles(t *testing.T) []taggedArticle {
	t.Helper()
	var arts []parse.Article
	add := func(it ingest.Item) {
		if it.Err != nil {
			t.Fatal(it.Err)
		}
		arts = append(arts, it.Article)
	}
	f, err := os.Open(filepath.Join("..", "..", "testdata", "meantime", "dev.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	pub, _, err := parse.ParsePublished("2025-12-03", nil)
	if err != nil {
		t.Fatal(err)
	}
	for it := range ingest.JSONL("dev.jsonl", f, ingest.Options{Defaults: parse.ReadOptions{Published: pub}}) {
		add(it)
	}
	names, _ := fs.Glob(seeds.FS(), "*.txt")
	for _, n := range names {
		data, err := fs.ReadFile(seeds.FS(), n)
		if err != nil {
			t.Fatal(err)
		}
		add(ingest.Decode(n, ingest.FormatText, data, ingest.Options{}))
	}
	ex := parse.NewExtractor(parse.Options{})
	var out []taggedArticle
	for i := range arts {
		out = append(out, taggedArticle{a: arts[i], ms: ex.Extract(&arts[i])})
	}
	return out
}
