package ingest

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/url"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/markusmobius/go-htmldate"
	"github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"
	"golang.org/x/net/html/charset"

	"chronicle/parse"
)

// htmlDateBounds are the dates a page's publication date may take. They
// are fixed so that the result does not depend on the day of the run
// (htmldate's default upper bound is today); a page dated after the run is
// reported by the caller instead.
var htmlDateBounds = [2]time.Time{
	time.Date(1990, 1, 1, 0, 0, 0, 0, time.UTC),
	time.Date(2200, 1, 1, 0, 0, 0, 0, time.UTC),
}

// maxDepth bounds the walks over a page's element tree.
const maxDepth = 512

// minWords is the fewest words of extracted text that make an article; a
// page with less (a consent wall, a login form) has no article.
const minWords = 15

// HTML decodes a saved web page. The main text is extracted with
// go-trafilatura (navigation, comments, share buttons and footers
// dropped; paragraphs separated by blank lines). The metadata comes from
// the page:
//   - publication date: JSON-LD datePublished, then <meta> tags such as
//     article:published_time, then <time datetime> elements, then
//     go-htmldate's search of the URL and text;
//   - zone: the date's UTC offset where the page gives one (the --tz zone
//     when it has that offset at that instant), else --tz, else UTC with a
//     warning;
//   - outlet: og:site_name, JSON-LD publisher, the site name trafilatura
//     finds, the host name of the page's URL, then --outlet;
//   - title: og:title, JSON-LD headline, then <title>.
//
// A manifest row or feed record in opts.Override takes precedence.
func HTML(name string, data []byte, opts Options) Item {
	var it Item
	it.Article.Source = name
	if len(bytes.TrimSpace(data)) == 0 {
		it.Err = &parse.Error{File: name, Msg: "the file is empty", Hint: "save the complete page", Err: parse.ErrEmpty}
		return it
	}
	if bytes.IndexByte(data[:min(len(data), 1024)], 0) >= 0 {
		it.Err = &parse.Error{File: name, Msg: "the file looks binary, not HTML", Hint: "save the page as HTML (not a PDF, image or archive)", Err: parse.ErrBinary}
		return it
	}
	text, warn := pageUTF8(name, data)
	if warn != nil && warn.Msg != "" {
		it.warn(warn)
	}
	doc, err := html.Parse(bytes.NewReader(text))
	if err != nil {
		it.Err = &parse.Error{File: name, Msg: fmt.Sprintf("cannot parse the page: %v", err), Hint: "save the complete page as HTML"}
		return it
	}
	pm := readPageMeta(doc)
	ov := opts.Override
	if ov == nil {
		ov = &Meta{}
	}
	pageURL := firstNonEmpty(ov.URL, pm.url)
	var origURL *url.URL
	if u, err := url.Parse(pageURL); err == nil && u.Host != "" {
		origURL = u
	}

	cfg := trafilatura.DefaultConfig()
	// Fall back to the whole-page baseline (which loses paragraph breaks)
	// only when the main extraction finds less than a short paragraph.
	cfg.MinExtractedSize = 50
	res, err := trafilatura.ExtractDocument(doc, trafilatura.Options{
		Config:          cfg,
		OriginalURL:     origURL,
		EnableFallback:  true,
		ExcludeComments: true,
		HtmlDateMode:    trafilatura.Disabled,
	})
	if err != nil || res == nil || len(strings.Fields(res.ContentText)) < minWords {
		it.Err = &parse.Error{File: name, Msg: "no article text found in the page", Hint: "save the article page itself (not a consent, login or index page)"}
		return it
	}
	a := &it.Article
	a.Body = blockText(res.ContentNode)
	if strings.TrimSpace(a.Body) == "" {
		a.Body = paragraphs(res.ContentText)
	}
	a.URL = pageURL
	a.Title = firstNonEmpty(pm.title, res.Metadata.Title, pm.docTitle)
	a.Outlet = firstNonEmpty(pm.site, titleSite(pm.docTitle, pageURL), res.Metadata.Sitename, host(pageURL), host(res.Metadata.URL), opts.Defaults.Outlet)

	// Publication date and zone, unless the override gives them.
	if ov.Published == "" {
		t, hasTime, hasZone, ok := pm.published, pm.hasTime, pm.hasZone, !pm.published.IsZero()
		if !ok {
			if r, err := htmldate.FromDocument(doc, htmldate.Options{
				URL: pageURL, ExtractTime: true, UseOriginalDate: true,
				MinDate: htmlDateBounds[0], MaxDate: htmlDateBounds[1],
			}); err == nil && !r.IsZero() {
				t, hasTime, hasZone, ok = r.DateTime, r.HasTime, r.HasTimezone, true
			}
		}
		def := opts.Defaults
		switch {
		case ok:
			loc := pageZone(t, hasZone, def.Loc)
			if loc == nil && ov.Timezone == "" {
				loc = time.UTC
				it.warn(&parse.Error{File: name, Msg: "the page gives no time zone for its date; assuming UTC", Hint: "pass --tz with the outlet's zone (e.g. --tz Europe/London)"})
			}
			if loc == nil {
				loc = time.UTC // replaced by the override below
			}
			if hasTime {
				if !hasZone {
					t = time.Date(t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(), t.Second(), 0, loc)
				}
				a.Published = t.In(loc)
			} else {
				a.Published, a.DateOnly = time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, loc), true
			}
			a.Loc = loc
		case !def.Published.IsZero():
			a.Published, a.Loc, a.DateOnly = def.DefaultPublication(def.Loc)
		default:
			a.Loc, a.Undated = def.Loc, true
			if a.Loc == nil {
				a.Loc = time.UTC
			}
			it.warn(&parse.Error{File: name, Msg: "no publication date in the page or its URL: relative dates are left unresolved", Hint: "pass --published, or list the page in a manifest with its date", Err: parse.ErrNoPubDate})
		}
	}
	it.PubAt = Ref{File: name}
	it.override(ov, opts.zones)
	return it
}

// pageUTF8 returns the page as UTF-8: as is when it is valid UTF-8, else
// decoded from the charset its <meta> declares. A page that declares UTF-8
// (or nothing) but is not valid UTF-8 is decoded with U+FFFD replacement,
// or as windows-1252 when it declares nothing, with a warning naming the
// first bad byte.
func pageUTF8(name string, data []byte) ([]byte, *parse.Error) {
	if utf8.Valid(data) {
		return data, nil
	}
	head := bytes.ToLower(data[:min(len(data), 1024)])
	declared := bytes.Contains(head, []byte("charset"))
	enc, cs, _ := charset.DetermineEncoding(data, "text/html")
	w := parse.CheckUTF8(name, data)
	if declared && cs != "utf-8" {
		if out, err := enc.NewDecoder().Bytes(data); err == nil {
			return out, nil
		}
	}
	if !declared && cs != "utf-8" {
		if out, err := enc.NewDecoder().Bytes(data); err == nil {
			w.Msg = fmt.Sprintf("the page declares no charset and is not UTF-8 (byte 0x%02x at offset %d); decoded as %s", data[w.Pos.Offset], w.Pos.Offset, cs)
			w.Hint = "add <meta charset=...> or save the page as UTF-8"
			return out, w
		}
	}
	return bytes.ToValidUTF8(data, []byte("\uFFFD")), w
}

// paragraphs normalises extracted text: one paragraph per block, blocks
// separated by a blank line, spaces collapsed, so that sentence splitting
// sees paragraph ends.
func paragraphs(s string) string {
	var b strings.Builder
	for line := range strings.SplitSeq(s, "\n") {
		line = strings.Join(strings.Fields(line), " ")
		if line == "" {
			continue
		}
		if b.Len() > 0 {
			b.WriteString("\n\n")
		}
		b.WriteString(line)
	}
	if b.Len() > 0 {
		b.WriteByte('\n')
	}
	return b.String()
}

// blockElements end a paragraph: their text is set off by blank lines.
var blockElements = map[string]bool{
	"p": true, "div": true, "h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true,
	"li": true, "ul": true, "ol": true, "dl": true, "dt": true, "dd": true, "blockquote": true,
	"pre": true, "table": true, "tr": true, "td": true, "th": true, "br": true, "hr": true,
	"section": true, "article": true, "header": true, "footer": true, "figure": true,
	"figcaption": true, "main": true, "aside": true, "body": true,
	// trafilatura's own tags
	"head": true, "list": true, "item": true, "quote": true, "lb": true, "row": true, "cell": true,
	"graphic": true, "code": true, "ref": false,
}

// blockText renders an extracted content tree as text: one paragraph per
// block element, paragraphs separated by blank lines, spaces collapsed.
func blockText(n *html.Node) string {
	if n == nil {
		return ""
	}
	var b strings.Builder
	var walk func(n *html.Node, depth int)
	walk = func(n *html.Node, depth int) {
		if depth > maxDepth {
			return
		}
		switch n.Type {
		case html.TextNode:
			b.WriteString(n.Data)
			return
		case html.ElementNode:
			switch n.Data {
			case "script", "style", "noscript", "template":
				return
			}
		}
		block := n.Type == html.ElementNode && blockElements[n.Data]
		if block {
			b.WriteString("\n")
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, depth+1)
		}
		if block {
			b.WriteString("\n")
		}
	}
	walk(n, 0)
	return paragraphs(b.String())
}

// titleSite returns the site name in a "Headline - Site" or "Headline |
// Site" title when it spells the page's domain ("Riverside Evening Post"
// for riversideeveningpost.com), else "".
func titleSite(title, pageURL string) string {
	h := host(pageURL)
	if h == "" {
		return ""
	}
	label, _, _ := strings.Cut(h, ".")
	for _, sep := range []string{" | ", " - ", " – ", " — ", " :: "} {
		i := strings.LastIndex(title, sep)
		if i < 0 {
			continue
		}
		site := strings.TrimSpace(title[i+len(sep):])
		var squash strings.Builder
		for _, r := range strings.ToLower(site) {
			if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
				squash.WriteRune(r)
			}
		}
		if sq := squash.String(); sq != "" && (sq == label || strings.TrimPrefix(sq, "the") == label) {
			return site
		}
	}
	return ""
}

// pageZone picks the zone of a page's date: the --tz zone when the page
// gives no offset, or when --tz has the page's offset at that instant (an
// IANA zone knows daylight saving; a bare offset does not); else a fixed
// zone named after the offset. It returns nil when there is neither.
func pageZone(t time.Time, hasZone bool, def *time.Location) *time.Location {
	if !hasZone {
		return def
	}
	_, off := t.Zone()
	if def != nil {
		if _, o := t.In(def).Zone(); o == off {
			return def
		}
	}
	return parse.OffsetZone(t)
}

// pageMeta is what a page says about itself in its markup.
type pageMeta struct {
	title, site, url string
	docTitle         string // the <title> element, site name and all
	published        time.Time
	hasTime, hasZone bool
}

// readPageMeta reads the structured metadata of a page: JSON-LD, <meta>
// tags, the canonical link and <time> elements.
func readPageMeta(doc *html.Node) pageMeta {
	var pm pageMeta
	var timePub bool
	var ldTitle, ldSite, ldDate, metaDate, timeDate, ogTitle, docTitle, canonical, ogURL string
	var walk func(n *html.Node, inArticle bool, depth int)
	walk = func(n *html.Node, inArticle bool, depth int) {
		if depth > maxDepth {
			return
		}
		if n.Type == html.ElementNode {
			switch n.Data {
			case "script":
				if strings.Contains(strings.ToLower(attr(n, "type")), "ld+json") && n.FirstChild != nil {
					t, s, d := readJSONLD(n.FirstChild.Data)
					ldTitle, ldSite, ldDate = firstNonEmpty(ldTitle, t), firstNonEmpty(ldSite, s), firstNonEmpty(ldDate, d)
				}
				return
			case "style", "noscript", "template":
				return
			case "title":
				if docTitle == "" && n.FirstChild != nil && n.FirstChild.Type == html.TextNode {
					docTitle = strings.Join(strings.Fields(n.FirstChild.Data), " ")
				}
			case "meta":
				key := strings.ToLower(firstNonEmpty(attr(n, "property"), attr(n, "name"), attr(n, "itemprop")))
				val := strings.TrimSpace(attr(n, "content"))
				switch key {
				case "og:site_name":
					pm.site = firstNonEmpty(pm.site, val)
				case "og:title", "twitter:title":
					ogTitle = firstNonEmpty(ogTitle, val)
				case "og:url":
					ogURL = firstNonEmpty(ogURL, val)
				case "article:published_time", "og:published_time", "article:published", "datepublished",
					"pubdate", "publishdate", "publish-date", "publish_date", "published_time", "date",
					"dc.date", "dc.date.issued", "dcterms.created", "dcterms.issued", "parsely-pub-date",
					"sailthru.date", "citation_publication_date", "citation_date", "article.published",
					"originalpublicationdate", "displaydate":
					metaDate = firstNonEmpty(metaDate, val)
				}
			case "link":
				if strings.EqualFold(attr(n, "rel"), "canonical") {
					canonical = firstNonEmpty(canonical, strings.TrimSpace(attr(n, "href")))
				}
			case "time":
				dt := strings.TrimSpace(attr(n, "datetime"))
				cls := " " + strings.ToLower(attr(n, "class")) + " "
				pub := strings.EqualFold(attr(n, "itemprop"), "datePublished") || hasAttr(n, "pubdate") || strings.Contains(cls, " published ")
				switch {
				case dt == "" || timePub || strings.Contains(cls, "updated") || strings.Contains(cls, "modified"):
				case pub:
					timeDate, timePub = dt, true
				case inArticle && timeDate == "":
					timeDate = dt
				}
			case "article":
				if attr(n, "class") != "" && strings.Contains(attr(n, "class"), "comment") {
					return // comments carry their own dates
				}
				inArticle = true
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, inArticle, depth+1)
		}
	}
	walk(doc, false, 0)
	pm.title = firstNonEmpty(ogTitle, ldTitle)
	pm.docTitle = docTitle
	pm.site = firstNonEmpty(pm.site, ldSite)
	pm.url = firstNonEmpty(canonical, ogURL)
	for _, d := range []string{ldDate, metaDate, timeDate} {
		if t, hasTime, hasZone, ok := parseMetaDate(d); ok {
			pm.published, pm.hasTime, pm.hasZone = t, hasTime, hasZone
			break
		}
	}
	return pm
}

// readJSONLD returns the headline, publisher name and datePublished of the
// first article-like object in a JSON-LD block (objects, arrays and
// @graph lists are searched).
func readJSONLD(src string) (title, site, date string) {
	var v any
	if err := json.Unmarshal([]byte(strings.TrimSpace(src)), &v); err != nil {
		return "", "", ""
	}
	var visit func(v any, depth int)
	visit = func(v any, depth int) {
		if depth > 8 || date != "" {
			return
		}
		switch x := v.(type) {
		case []any:
			for _, e := range x {
				visit(e, depth+1)
			}
		case map[string]any:
			if d, ok := x["datePublished"].(string); ok && d != "" {
				date = d
				title, _ = x["headline"].(string)
				switch p := x["publisher"].(type) {
				case map[string]any:
					site, _ = p["name"].(string)
				case []any:
					if len(p) > 0 {
						if m, ok := p[0].(map[string]any); ok {
							site, _ = m["name"].(string)
						}
					}
				case string:
					site = p
				}
				return
			}
			if g, ok := x["@graph"]; ok {
				visit(g, depth+1)
			}
			if m, ok := x["mainEntity"]; ok {
				visit(m, depth+1)
			}
		}
	}
	visit(v, 0)
	return strings.TrimSpace(title), strings.TrimSpace(site), strings.TrimSpace(date)
}

// parseMetaDate parses a machine-readable date from page metadata.
func parseMetaDate(s string) (t time.Time, hasTime, hasZone, ok bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return
	}
	for _, l := range []string{time.RFC3339Nano, "2006-01-02T15:04Z07:00", "2006-01-02T15:04:05-0700", "2006-01-02T15:04:05.999999999-0700",
		"2006-01-02 15:04:05Z07:00", "2006-01-02 15:04:05 -0700", "2006-01-02 15:04:05-0700", time.RFC1123Z, time.RFC1123Z[5:]} {
		if t, err := time.Parse(l, s); err == nil {
			return t, true, true, true
		}
	}
	for _, l := range []string{"2006-01-02T15:04:05.999999999", "2006-01-02T15:04", "2006-01-02 15:04:05", "2006-01-02 15:04"} {
		if t, err := time.Parse(l, s); err == nil {
			return t, true, false, true
		}
	}
	for _, l := range []string{"2006-01-02", "20060102", "2006/01/02"} {
		if t, err := time.Parse(l, s); err == nil {
			return t, false, false, true
		}
	}
	return
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if strings.EqualFold(a.Key, key) {
			return a.Val
		}
	}
	return ""
}

func hasAttr(n *html.Node, key string) bool {
	for _, a := range n.Attr {
		if strings.EqualFold(a.Key, key) {
			return true
		}
	}
	return false
}

// host returns a URL's host name without "www.", or "".
func host(raw string) string {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil || u.Hostname() == "" {
		return ""
	}
	return strings.TrimPrefix(strings.ToLower(u.Hostname()), "www.")
}

func firstNonEmpty(ss ...string) string {
	for _, s := range ss {
		if s = strings.TrimSpace(s); s != "" {
			return s
		}
	}
	return ""
}
