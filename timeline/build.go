package timeline

import (
	"context"
	"iter"
	"strings"

	"chronicle/parse"
)

// Tag tags one article and returns it without its body: each mention keeps
// a copy of its sentence, so the body can be freed.
func Tag(ex *parse.Extractor, a *parse.Article) Doc {
	return NewDoc(a, ex.Extract(a))
}

// NewDoc describes a tagged article without its body.
func NewDoc(a *parse.Article, ms []parse.Mention) Doc {
	d := Doc{Source: Source{
		Source: a.Source, Outlet: a.Outlet, Title: a.Title, URL: a.URL,
		Published: a.Published, DateOnly: a.DateOnly, Undated: a.Undated, Zone: a.Loc.String(),
	}}
	for _, m := range ms {
		d.Mentions = append(d.Mentions, Mention{Mention: m, Sentence: strings.Clone(a.Body[m.Sentence.Start:m.Sentence.End])})
	}
	return d
}

// Each tags the articles and calls fn for each one with its mentions, in
// input order. fn may keep neither a nor its body after it returns.
func Each(ctx context.Context, ex *parse.Extractor, arts iter.Seq[parse.Article], opts Options, fn func(a *parse.Article, ms []parse.Mention) error) error {
	for a := range arts {
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := fn(&a, ex.Extract(&a)); err != nil {
			return err
		}
	}
	return ctx.Err()
}

// Build tags the articles as they are read and merges their mentions into
// a timeline. Bodies are dropped once tagged.
func Build(ctx context.Context, ex *parse.Extractor, arts iter.Seq[parse.Article], opts Options) (*Timeline, error) {
	var docs []Doc
	err := Each(ctx, ex, arts, opts, func(a *parse.Article, ms []parse.Mention) error {
		docs = append(docs, NewDoc(a, ms))
		return nil
	})
	if err != nil {
		return nil, err
	}
	return Merge(ctx, docs)
}
