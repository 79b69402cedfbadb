package ingest

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"chronicle/parse"
)

// TestHTML reads saved pages of three layouts (a wire story with JSON-LD,
// a WordPress blog post with Open Graph article meta, an old-style page
// dated only by its URL) and checks the text, title, outlet, publication
// date and zone that come out.
func TestHTML(t *testing.T) {
	tests := []struct {
		file, tz string
		outlet   string
		title    string
		url      string
		pub      string // RFC 3339, or a date for date-only
		zone     string
		body     []string // paragraphs that must be in the text, in order
		notBody  []string // page furniture that must not
		warnings []string
	}{{
		file:   "wire-jsonld.html",
		outlet: "Northline Wire", title: "Kremlin talks end without deal, envoys head to Florida",
		url: "https://www.northlinewire.example/world/europe/kremlin-talks-end-without-deal-NW8831",
		pub: "2025-12-03T09:12:00+03:00", zone: "UTC+03:00",
		body: []string{
			"MOSCOW, Dec 3 (Northline) - Five hours of talks between Russian President Vladimir Putin and two U.S. envoys ended after midnight without a breakthrough on ending the war in Ukraine, a Kremlin aide said on Wednesday.\n\n",
			"\n\nThe envoys are expected to meet Ukraine's chief negotiator Rustem Umerov in Florida on Thursday, two officials familiar with the plans said, speaking on condition of anonymity.\n\n",
			"\n\nRussia launched its full-scale invasion of Ukraine in February 2022.\n",
		},
		notBody: []string{"cookies", "Share on X", "Updated 5 hours ago", "Related stories", "newsletter", "All rights reserved", "2019"},
	}, {
		file: "wire-jsonld.html", tz: "Europe/Moscow",
		outlet: "Northline Wire", title: "Kremlin talks end without deal, envoys head to Florida",
		url: "https://www.northlinewire.example/world/europe/kremlin-talks-end-without-deal-NW8831",
		pub: "2025-12-03T09:12:00+03:00", zone: "Europe/Moscow", // --tz has the page's offset: its IANA name is kept
	}, {
		file: "wire-jsonld.html", tz: "Europe/Berlin",
		outlet: "Northline Wire", title: "Kremlin talks end without deal, envoys head to Florida",
		url: "https://www.northlinewire.example/world/europe/kremlin-talks-end-without-deal-NW8831",
		pub: "2025-12-03T09:12:00+03:00", zone: "UTC+03:00", // the page's own offset beats a --tz that disagrees
	}, {
		file:   "blog-wordpress.htm",
		outlet: "The Harbour Letter", title: "What the Kremlin meeting did not settle",
		url: "https://harbourletter.example/2025/what-the-kremlin-meeting-did-not-settle/",
		pub: "2025-12-04T07:30:00+11:00", zone: "UTC+11:00",
		body: []string{
			"Overnight our time, the two American envoys sat down with Vladimir Putin",
			"\n\nFlorida next\n\nSteve Witkoff and Jared Kushner are due to meet Ukraine’s negotiator Rustem Umerov in Florida later this week.",
			"leaders will be asked to decide later this month.\n",
		},
		notBody: []string{"Skip to content", "Posted in", "Previous post", "Thanks, this was helpful", "Support independent writing", "WordPress", "5 December"},
	}, {
		file: "blog-wordpress.htm", tz: "Australia/Sydney",
		outlet: "The Harbour Letter", title: "What the Kremlin meeting did not settle",
		url: "https://harbourletter.example/2025/what-the-kremlin-meeting-did-not-settle/",
		pub: "2025-12-04T07:30:00+11:00", zone: "Australia/Sydney",
	}, {
		file:   "url-date-time.html",
		outlet: "Riverside Evening Post", title: "Ukraine's negotiators prepare for Florida round",
		url: "https://www.riversideeveningpost.example/2025/12/04/world/ukraine-negotiators-prepare-florida-round.html",
		pub: "2025-12-04", zone: "UTC",
		body: []string{
			"Ukraine's negotiators prepare for Florida round\n\nUkraine's lead negotiator Rustem Umerov was preparing on Thursday",
			"\n\nThe war, which began with Russia's full-scale invasion nearly four years ago, has killed tens of thousands of people.\n",
		},
		notBody:  []string{"Classifieds", "Print this story", "Email to a friend", "Copyright", "Home >"},
		warnings: []string{"url-date-time.html: the page gives no time zone for its date; assuming UTC; pass --tz with the outlet's zone (e.g. --tz Europe/London)"},
	}, {
		file: "url-date-time.html", tz: "America/Chicago",
		outlet: "Riverside Evening Post", title: "Ukraine's negotiators prepare for Florida round",
		url: "https://www.riversideeveningpost.example/2025/12/04/world/ukraine-negotiators-prepare-florida-round.html",
		pub: "2025-12-04", zone: "America/Chicago",
	}}
	for _, tt := range tests {
		t.Run(strings.TrimSuffix(tt.file, filepath.Ext(tt.file))+"/tz="+tt.tz, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join("..", "..", "..", "testdata", "html", tt.file))
			if err != nil {
				t.Fatal(err)
			}
			var opts Options
			if tt.tz != "" {
				opts.Defaults.Loc = mustZone(t, tt.tz)
			}
			it := HTML(tt.file, data, opts)
			if it.Err != nil {
				t.Fatalf("error: %v", it.Err)
			}
			a := it.Article
			if a.Outlet != tt.outlet || a.Title != tt.title || a.URL != tt.url {
				t.Errorf("outlet, title, url = %q, %q, %q\nwant %q, %q, %q", a.Outlet, a.Title, a.URL, tt.outlet, tt.title, tt.url)
			}
			if got := published(a); got != tt.pub || a.Loc.String() != tt.zone || a.Undated {
				t.Errorf("published %s in %s (undated %v), want %s in %s", got, a.Loc, a.Undated, tt.pub, tt.zone)
			}
			at := 0
			for _, p := range tt.body {
				i := strings.Index(a.Body[at:], p)
				if i < 0 {
					t.Errorf("text lacks (after byte %d) %q\ntext:\n%s", at, p, a.Body)
					continue
				}
				at += i + len(p) - 1
			}
			for _, p := range tt.notBody {
				if strings.Contains(a.Body, p) {
					t.Errorf("text has page furniture %q", p)
				}
			}
			if got := strings.Join(errStrings(it.Warnings), "\n"); got != strings.Join(tt.warnings, "\n") {
				t.Errorf("warnings:\n%s\nwant:\n%s", got, strings.Join(tt.warnings, "\n"))
			}
		})
	}
}

// TestHTMLProblems covers pages that cannot be used or lack metadata.
func TestHTMLProblems(t *testing.T) {
	para := "<p>" + strings.Repeat("The envoys met the president in the capital and talked for hours about the plan. ", 4) + "</p>"
	tests := []struct {
		name, page string
		opts       Options
		err        string
		warnings   []string
		pub        string
		body       string
	}{
		{name: "empty", page: " \n", err: "p.html: the file is empty; save the complete page"},
		{name: "binary", page: "\x89PNG\r\n\x1a\n\x00\x00", err: "p.html: the file looks binary, not HTML; save the page as HTML (not a PDF, image or archive)"},
		{name: "no-text", page: "<html><head><title>Consent</title></head><body><form><button>Accept</button></form></body></html>",
			err: "p.html: no article text found in the page; save the article page itself (not a consent, login or index page)"},
		{name: "undated", page: "<html><body><article>" + para + "</article></body></html>",
			warnings: []string{"p.html: no publication date in the page or its URL: relative dates are left unresolved; pass --published, or list the page in a manifest with its date"}},
		{name: "undated-default", page: "<html><body><article>" + para + "</article></body></html>",
			opts: Options{Defaults: parse.ReadOptions{Published: time.Date(2025, 12, 3, 0, 0, 0, 0, time.UTC)}}, pub: "2025-12-03"},
		{name: "override", page: `<html><head><meta property="article:published_time" content="2025-12-01T10:00:00Z"></head><body><article>` + para + "</article></body></html>",
			opts: Options{Override: &Meta{Published: "2025-12-04", Timezone: "Asia/Tokyo", Outlet: "Manifest Outlet"}}, pub: "2025-12-04"},
		{name: "override-bad-zone", page: "<html><body><article>" + para + "</article></body></html>",
			opts: Options{Override: &Meta{Timezone: "JST", At: map[string]Ref{"timezone": {File: "list.csv", Pos: parse.Pos{Line: 3, Col: 30}}}}},
			err:  `list.csv:3:30: unknown time zone "JST"; use an IANA name such as Europe/Berlin or America/New_York`},
		{name: "latin1-undeclared", page: "<html><head><meta name=\"date\" content=\"2025-12-03T10:00:00Z\"></head><body><article>" + para + "<p>Caf\xe9 owners said on Monday that trade had fallen again this week.</p></article></body></html>",
			pub: "2025-12-03T10:00:00Z", body: "Café owners",
			warnings: []string{"p.html:1:421: the page declares no charset and is not UTF-8 (byte 0xe9 at offset 420); decoded as windows-1252; add <meta charset=...> or save the page as UTF-8"}},
		{name: "latin1", body: "Café owners", page: "<html><head><meta charset=\"iso-8859-1\"><meta name=\"date\" content=\"2025-12-03\"></head><body><article>" + para + "<p>Caf\xe9 owners said on Monday that trade had fallen again this week.</p></article></body></html>",
			pub: "2025-12-03", warnings: []string{"p.html: the page gives no time zone for its date; assuming UTC; pass --tz with the outlet's zone (e.g. --tz Europe/London)"}},
		{name: "bad-utf8", page: "<html><head><meta charset=\"utf-8\"><meta name=\"date\" content=\"2025-12-03T10:00:00Z\"></head><body><article>" + para + "<p>Bad \xff byte on Monday.</p></article></body></html>",
			pub:      "2025-12-03T10:00:00Z",
			warnings: []string{"p.html:1:444: invalid UTF-8 (byte 0xff at offset 443) replaced with U+FFFD; save the file as UTF-8"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			it := HTML("p.html", []byte(tt.page), tt.opts)
			if got := fmt.Sprint(it.Err); tt.err != "" || it.Err != nil {
				if got != tt.err {
					t.Fatalf("error %q, want %q", got, tt.err)
				}
				return
			}
			if got := strings.Join(errStrings(it.Warnings), "\n"); got != strings.Join(tt.warnings, "\n") {
				t.Errorf("warnings:\n%s\nwant:\n%s", got, strings.Join(tt.warnings, "\n"))
			}
			if tt.pub != "" && published(it.Article) != tt.pub {
				t.Errorf("published %s, want %s", published(it.Article), tt.pub)
			}
			if tt.pub == "" && !it.Article.Undated {
				t.Errorf("published %s, want undated", published(it.Article))
			}
			if tt.body != "" && !strings.Contains(it.Article.Body, tt.body) {
				t.Errorf("text lacks %q: %q", tt.body, it.Article.Body)
			}
			if !strings.Contains(it.Article.Body, "The envoys met the president") {
				t.Errorf("text lost: %q", it.Article.Body)
			}
		})
	}
}

func published(a parse.Article) string {
	if a.Undated {
		return "undated"
	}
	if a.DateOnly {
		return a.Published.Format(time.DateOnly)
	}
	return a.Published.Format(time.RFC3339)
}

func errStrings(errs []error) []string {
	var out []string
	for _, e := range errs {
		out = append(out, e.Error())
	}
	return out
}

func mustZone(t testing.TB, name string) *time.Location {
	t.Helper()
	l, err := time.LoadLocation(name)
	if err != nil {
		t.Fatal(err)
	}
	return l
}
