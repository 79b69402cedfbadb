package parse

// Segment is one sentence (or headline, caption, furniture line) of a body.
type Segment struct {
	Span
	Furniture bool // page furniture: newsletter, donation, app promotion, navigation
}

// Segments splits a body into sentences, in order, covering every
// non-blank stretch of text once.
func Segments(body string) []Segment {
	var out []Segment
	start := 0
	for i := 0; i < len(body); i++ {
		if body[i] == '\n' {
			if i > start {
				out = append(out, Segment{Span: Span{start, i}})
			}
			start = i + 1
		}
	}
	if start < len(body) {
		out = append(out, Segment{Span: Span{start, len(body)}})
	}
	return out
}
