package render

import (
	"bytes"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"html"
	"regexp"
	"strings"
	"testing"

	"chronicle/timeline"
)

var scriptRE = regexp.MustCompile(`(?is)<script\b([^>]*)>(.*?)</script>`)

type scriptElem struct{ attrs, body string }

func scripts(page string) []scriptElem {
	var out []scriptElem
	for _, m := range scriptRE.FindAllStringSubmatch(page, -1) {
		out = append(out, scriptElem{m[1], m[2]})
	}
	return out
}

func renderHTML(t testing.TB, tl *timeline.Timeline, opts HTMLOptions) string {
	t.Helper()
	var b bytes.Buffer
	if err := HTML(&b, tl, opts); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// pagePayload is the part of the page's JSON data the tests read.
type pagePayload struct {
	Option struct {
		Series []struct {
			ID   string            `json:"id"`
			Name string            `json:"name"`
			Type string            `json:"type"`
			Data []json.RawMessage `json:"data"`
		} `json:"series"`
		YAxis []struct {
			Data []string `json:"data"`
		} `json:"yAxis"`
		DataZoom []struct {
			Type string `json:"type"`
		} `json:"dataZoom"`
	} `json:"option"`
	Data struct {
		Lanes []string            `json:"lanes"`
		Sents []string            `json:"s"`
		Ments [][]json.RawMessage `json:"m"`
		Vals  [][]json.RawMessage `json:"v"`
		Confs []pageConf          `json:"cf"`
		View  [2]int64            `json:"view"`
		Agg   bool                `json:"agg"`
	} `json:"data"`
}

func payload(t testing.TB, page string) pagePayload {
	t.Helper()
	var p pagePayload
	for _, s := range scripts(page) {
		if strings.Contains(s.attrs, `type="application/json"`) {
			if err := json.Unmarshal([]byte(s.body), &p); err != nil {
				t.Fatalf("page data is not JSON: %v", err)
			}
			return p
		}
	}
	t.Fatal("no data script in the page")
	return p
}

func TestHTMLDeterministicAndEscaped(t *testing.T) {
	for _, tc := range []struct {
		name, probe string
	}{
		{"plain", ""},
		{"script-close", probes[0]},
		{"f-marker-function", probes[1]},
		{"img-onerror", probes[2]},
		{"f-marker-expression", probes[3]},
		{"javascript-url", probes[4]},
		{"quotes", probes[5]},
		{"all", strings.Join(probes, " ")},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tl := fixture(t, tc.probe)
			page := renderHTML(t, tl, HTMLOptions{})
			if again := renderHTML(t, tl, HTMLOptions{}); again != page {
				t.Fatal("two renders of the same timeline differ")
			}
			ss := scripts(page)
			if len(ss) != 3 {
				t.Fatalf("page has %d script elements, want 3 (data, echarts, page script)", len(ss))
			}
			// no article text appears unescaped inside a script element
			var texts []string
			for _, m := range tl.Mentions {
				texts = append(texts, m.Sentence, m.Text)
			}
			for _, s := range tl.Sources {
				texts = append(texts, s.Outlet, s.Title, s.URL)
			}
			for _, e := range tl.Events {
				texts = append(texts, e.Label)
			}
			for _, c := range tl.Conflicts {
				texts = append(texts, c.Summary)
			}
			for _, txt := range texts {
				if !strings.ContainsAny(txt, `<>&'"`) {
					continue
				}
				for i, s := range ss {
					if strings.Contains(s.body, txt) {
						t.Errorf("script %d contains unescaped article text %q", i, txt)
					}
				}
			}
			for _, bad := range []string{"<script>window.__pwned", "<img src=x", `href="javascript:`, "onerror=\"window"} {
				if strings.Contains(page, bad) {
					t.Errorf("page contains %q", bad)
				}
			}
			// the escaped data decodes back to the very same text
			p := payload(t, page)
			for _, m := range tl.Mentions {
				if m.Furniture || !placed(&m) {
					continue
				}
				if !slicesContains(p.Data.Sents, m.Sentence) {
					t.Errorf("sentence %q not in the page data", m.Sentence)
				}
			}
			if p.Data.Lanes[0] != OneLine(tl.Sources[0].Outlet) && !slicesContains(p.Data.Lanes, OneLine(tl.Sources[0].Outlet)) {
				t.Errorf("lanes %q lack outlet %q", p.Data.Lanes, tl.Sources[0].Outlet)
			}
		})
	}
}

func slicesContains(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}

func TestHTMLContent(t *testing.T) {
	tl := fixture(t, "")
	page := renderHTML(t, tl, HTMLOptions{})
	p := payload(t, page)

	// the executable scripts are exactly those the CSP allows
	csp := regexp.MustCompile(`http-equiv="Content-Security-Policy" content="([^"]*)"`).FindStringSubmatch(page)
	if csp == nil {
		t.Fatal("no Content-Security-Policy meta")
	}
	csp[1] = html.UnescapeString(csp[1])
	for _, want := range []string{"default-src 'none'", "base-uri 'none'"} {
		if !strings.Contains(csp[1], want) {
			t.Errorf("CSP %q lacks %q", csp[1], want)
		}
	}
	for _, s := range scripts(page) {
		if strings.Contains(s.attrs, "application/json") {
			continue
		}
		h := sha256.Sum256([]byte(s.body))
		if !strings.Contains(csp[1], "'sha256-"+base64.StdEncoding.EncodeToString(h[:])+"'") {
			t.Errorf("script of %d bytes is not allowed by the CSP", len(s.body))
		}
	}
	if strings.Contains(csp[1], "unsafe-inline' ;") || strings.Contains(strings.Split(csp[1], "style-src")[0], "unsafe-inline") {
		t.Errorf("CSP allows inline scripts: %q", csp[1])
	}
	for _, bad := range []string{"http://", "https://"} {
		for _, s := range scripts(page) {
			if strings.Contains(s.attrs, "src=") {
				t.Errorf("script loads %q", s.attrs)
			}
		}
		if strings.Contains(page, `src="`+bad) || strings.Contains(page, `@import`) || strings.Contains(page, `url(`+bad) {
			t.Errorf("page references %s resources", bad)
		}
	}

	// series: one per outlet for mentions, one per outlet for publications,
	// events and conflicts
	lanes := map[string]int{}
	points := 0
	for _, s := range p.Option.Series {
		if want := map[bool]string{true: "scatter", false: "custom"}[strings.HasPrefix(s.ID, "outlet-")]; s.Type != want {
			t.Errorf("series %s has type %q, want %q", s.ID, s.Type, want)
		}
		switch {
		case strings.HasPrefix(s.ID, "outlet-"):
			lanes[s.Name]++
			points += len(s.Data)
		case strings.HasPrefix(s.ID, "span-"):
			points += len(s.Data)
		case strings.HasPrefix(s.ID, "pub-"):
			if len(s.Data) != 1 {
				t.Errorf("publication series %s has %d marks, want 1", s.ID, len(s.Data))
			}
		}
	}
	if len(lanes) != 3 || len(p.Data.Lanes) != 3 {
		t.Errorf("outlet series %v, lanes %v: want 3", lanes, p.Data.Lanes)
	}
	if points != 7 {
		t.Errorf("%d mention marks, want 7 (placed, non-furniture mentions)", points)
	}
	ids := map[string]bool{}
	for _, s := range p.Option.Series {
		ids[s.ID] = true
	}
	if !ids["events"] || !ids["conflicts"] {
		t.Errorf("series %v lack events or conflicts", ids)
	}
	if len(p.Option.DataZoom) != 2 {
		t.Errorf("dataZoom %v, want slider and inside", p.Option.DataZoom)
	}
	// spans are not points; the first view covers the dense stretch
	for _, v := range p.Data.Vals {
		var gran string
		var point int
		if err := json.Unmarshal(v[1], &gran); err != nil {
			t.Fatal(err)
		}
		if err := json.Unmarshal(v[3], &point); err != nil {
			t.Fatal(err)
		}
		if (gran == "week" || gran == "month") == (point == 1) {
			t.Errorf("value %s (%s) point=%d", v[0], gran, point)
		}
	}
	v := p.Data.View
	if days := (v[1] - v[0]) / 86400000; days < 2 || days > 40 {
		t.Errorf("first view spans %d days", days)
	}

	// tables
	for _, want := range []string{`id="conflicts-table"`, `id="events-table"`, `id="durations-table"`, `id="sources-table"`,
		`href="https://example.org/a?x=1&amp;y=2"`, "nearly four years", "<mark>Thursday</mark>", "<mark>Friday</mark>"} {
		if !strings.Contains(page, want) {
			t.Errorf("page lacks %q", want)
		}
	}
	if strings.Contains(page, "every Friday") {
		t.Error("page furniture reached the page")
	}
	if n := strings.Count(page, "<a "); n != 2 {
		t.Errorf("%d links, want 2 (the http and https article URLs, not javascript:)", n)
	}
}

func TestHTMLSize(t *testing.T) {
	if testing.Short() {
		t.Skip("large timelines")
	}
	for _, tc := range []struct {
		name     string
		n        int
		maxBytes int
		agg      bool
	}{
		{"10k", 10000, 5e6, false},
		{"100k", 100000, 10e6, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tl := generated(t, tc.n)
			page := renderHTML(t, tl, HTMLOptions{})
			t.Logf("%d mentions: %d bytes", len(tl.Mentions), len(page))
			for _, s := range scripts(page) {
				if strings.Contains(s.attrs, "json") {
					var parts map[string]map[string]json.RawMessage
					json.Unmarshal([]byte(s.body), &parts)
					for k, v := range parts["data"] {
						t.Logf("data.%s: %d bytes", k, len(v))
					}
					t.Logf("option: %d bytes", len(s.body))
				}
			}
			if len(page) >= tc.maxBytes {
				t.Errorf("page is %d bytes, want < %d", len(page), tc.maxBytes)
			}
			p := payload(t, page)
			if p.Data.Agg != tc.agg {
				t.Errorf("aggregated = %v, want %v", p.Data.Agg, tc.agg)
			}
			if !tc.agg {
				points := 0
				for _, s := range p.Option.Series {
					if strings.HasPrefix(s.ID, "outlet-") || strings.HasPrefix(s.ID, "span-") {
						points += len(s.Data)
					}
				}
				if points != tc.n {
					t.Errorf("%d marks, want %d", points, tc.n)
				}
			}
		})
	}
}

func BenchmarkHTML10kRender(b *testing.B) {
	tl := generated(b, 10000)
	var n int
	for b.Loop() {
		var buf bytes.Buffer
		if err := HTML(&buf, tl, HTMLOptions{}); err != nil {
			b.Fatal(err)
		}
		n = buf.Len()
	}
	b.ReportMetric(float64(n)/(1<<20), "MiB")
}
