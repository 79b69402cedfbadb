package timeline

import (
	"context"
	"iter"

	"chronicle/parse"
)

// Tag tags one article and returns it without its body.
func Tag(ex *parse.Extractor, a *parse.Article) Doc {
	d := Doc{Source: Source{
		Source: a.Source, Outlet: a.Outlet, Title: a.Title, URL: a.URL,
		Published: a.Published, DateOnly: a.DateOnly, Undated: a.Undated, Zone: a.Loc.String(),
	}}
	for _, m := range ex.Extract(a) {
		d.Mentions = append(d.Mentions, Mention{Mention: m, Sentence: a.Body[m.Sentence.Start:m.Sentence.End]})
	}
	return d
}

// Build tags the articles as they are read and merges their mentions into
// a timeline. Bodies are dropped once tagged. It checks ctx between
// articles.
func Build(ctx context.Context, ex *parse.Extractor, arts iter.Seq[parse.Article], opts Options) (*Timeline, error) {
	var docs []Doc
	for a := range arts {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		docs = append(docs, Tag(ex, &a))
	}
	return Merge(ctx, docs)
}
