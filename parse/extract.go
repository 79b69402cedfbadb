package parse

// Options configures an [Extractor].
type Options struct{}

// Extractor finds and resolves temporal expressions. Build one with
// [NewExtractor] and share it: it holds only read-only tables, so one
// Extractor may be used from many goroutines.
type Extractor struct{}

// NewExtractor compiles the rules once.
func NewExtractor(opts Options) *Extractor { return &Extractor{} }

// Extract returns every temporal expression in a.Body, in body order, each
// resolved against a's publication day in a's zone. Expressions in page
// furniture are returned with Furniture set.
func (e *Extractor) Extract(a *Article) []Mention {
	return nil // TODO: the tagger
}
