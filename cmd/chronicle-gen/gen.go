package main

import (
	"bufio"
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"math/rand/v2"
	"os"
	"strings"
	"time"
	_ "time/tzdata" // zones resolve the same on every machine

	"chronicle/parse"
	"chronicle/seeds"
)

// article is one output line. The field order is the JSON Lines input
// format chronicle reads.
type article struct {
	Outlet    string `json:"outlet"`
	URL       string `json:"url"`
	Published string `json:"published"`
	Timezone  string `json:"timezone"`
	Title     string `json:"title"`
	Text      string `json:"text"`
}

// story is one source text, split into paragraphs of sentences.
type story struct {
	topic string
	title string
	day   time.Time // publication day (UTC midnight; only the date is used)
	paras [][]string
}

// outlet is an invented news outlet: its name, zone, web domain and home
// city (for wire datelines).
type outlet struct {
	name, zone, domain, city string
}

// outlets span many zones, including half- and three-quarter-hour offsets
// and both hemispheres (daylight saving in opposite seasons).
var outlets = []outlet{
	{"Harbor City Courier", "America/New_York", "harborcitycourier.example", "NEW YORK"},
	{"The Lakeside Ledger", "America/Chicago", "lakesideledger.example", "CHICAGO"},
	{"Mountain Time Journal", "America/Denver", "mtjournal.example", "DENVER"},
	{"Pacific Dispatch", "America/Los_Angeles", "pacificdispatch.example", "LOS ANGELES"},
	{"Aloha Island News", "Pacific/Honolulu", "alohaislandnews.example", "HONOLULU"},
	{"Maple Leaf Wire", "America/Toronto", "mapleleafwire.example", "TORONTO"},
	{"The Harbour Telegram", "America/St_Johns", "harbourtelegram.example", "ST. JOHN'S"},
	{"Pampas Standard", "America/Argentina/Buenos_Aires", "pampasstandard.example", "BUENOS AIRES"},
	{"Highland Gazette", "Europe/London", "highlandgazette.example", "LONDON"},
	{"Rhine Valley Post", "Europe/Berlin", "rhinevalleypost.example", "BERLIN"},
	{"Seine Tribune", "Europe/Paris", "seinetribune.example", "PARIS"},
	{"Dnipro Herald", "Europe/Kyiv", "dniproherald.example", "KYIV"},
	{"Neva Observer", "Europe/Moscow", "nevaobserver.example", "MOSCOW"},
	{"Bosphorus Daily", "Europe/Istanbul", "bosphorusdaily.example", "ISTANBUL"},
	{"Nile Courier", "Africa/Cairo", "nilecourier.example", "CAIRO"},
	{"Highveld Sentinel", "Africa/Johannesburg", "highveldsentinel.example", "JOHANNESBURG"},
	{"Gulf Evening Star", "Asia/Dubai", "gulfeveningstar.example", "DUBAI"},
	{"Caspian Review", "Asia/Tehran", "caspianreview.example", "TEHRAN"},
	{"Ganges Chronicle", "Asia/Kolkata", "ganges-chronicle.example", "NEW DELHI"},
	{"Kathmandu Valley Post", "Asia/Kathmandu", "kathmanduvalleypost.example", "KATHMANDU"},
	{"Straits Morning Mail", "Asia/Singapore", "straitsmorningmail.example", "SINGAPORE"},
	{"Kanto Evening News", "Asia/Tokyo", "kantoeveningnews.example", "TOKYO"},
	{"Yarra Review", "Australia/Melbourne", "yarrareview.example", "MELBOURNE"},
	{"Harbour Bridge Herald", "Australia/Sydney", "harbourbridgeherald.example", "SYDNEY"},
	{"Southern Cross Times", "Pacific/Auckland", "southerncrosstimes.example", "AUCKLAND"},
	{"Atlantic Wire Service", "UTC", "atlanticwire.example", "LONDON"},
}

// agencies are named in the outlet and dateline of republished wire copy.
var agencies = []string{"AFP", "Reuters", "AP"}

var titlePrefixes = []string{"UPDATE 1-", "UPDATE 2-", "Analysis: ", "Explainer: ", "Live: ", "Factbox: "}

// furniture is page boilerplate outlets append to articles.
var furniture = []string{
	"Sign up for our morning newsletter to get the day's top stories in your inbox.",
	"Download our app to get breaking news alerts.",
	"Share this article: Facebook | X | Email | Copy link",
	"Support independent journalism. Donate today.",
	"4 min read",
	"Read more: the latest coverage of this story",
	"© 2025 All rights reserved. This material may not be published, broadcast, rewritten or redistributed.",
}

// loadStories reads the embedded seeds and, when dev is not empty, the
// MEANTIME dev texts. The order is fixed: seeds by name, then dev lines.
func loadStories(dev string) ([]story, error) {
	var out []story
	fsys := seeds.FS()
	names, err := fs.Glob(fsys, "*.txt")
	if err != nil {
		return nil, err
	}
	for _, n := range names {
		data, err := fs.ReadFile(fsys, n)
		if err != nil {
			return nil, err
		}
		a, err := parse.ReadArticle(n, data, parse.ReadOptions{})
		if err != nil {
			return nil, err
		}
		y, m, d := a.Published.Date()
		out = append(out, story{
			topic: "seeds", title: a.Title,
			day:   time.Date(y, m, d, 0, 0, 0, 0, time.UTC),
			paras: paragraphs(strings.Split(a.Body, "\n")),
		})
	}
	if dev == "" {
		return out, nil
	}
	f, err := os.Open(dev)
	if err != nil {
		return nil, fmt.Errorf("%v; run from the module root, pass -dev PATH, or -dev '' for the seed articles only", err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<24)
	line := 0
	for sc.Scan() {
		line++
		var d struct {
			Topic, Title, Text string
			DCT                string `json:"dct"`
		}
		if err := json.Unmarshal(sc.Bytes(), &d); err != nil {
			return nil, fmt.Errorf("%s:%d: %v", dev, line, err)
		}
		day, err := time.Parse("2006-01-02", d.DCT)
		if err != nil {
			return nil, fmt.Errorf("%s:%d: dct %q: %v", dev, line, d.DCT, err)
		}
		lines := strings.Split(d.Text, "\n")
		if len(lines) > 2 {
			lines = lines[2:] // headline and dateline
		}
		out = append(out, story{topic: d.Topic, title: d.Title, day: day, paras: paragraphs(lines)})
	}
	return out, sc.Err()
}

// paragraphs splits each non-blank line into sentences.
func paragraphs(lines []string) [][]string {
	var out [][]string
	for _, l := range lines {
		if s := sentences(strings.TrimSpace(l)); len(s) > 0 {
			out = append(out, s)
		}
	}
	return out
}

// abbrevs end with a period inside a sentence.
var abbrevs = map[string]bool{
	"Mr": true, "Mrs": true, "Ms": true, "Dr": true, "St": true, "Jr": true, "Sr": true,
	"Gen": true, "Sen": true, "Rep": true, "Gov": true, "Lt": true, "Col": true, "Capt": true,
	"Prof": true, "Inc": true, "Corp": true, "Co": true, "Ltd": true, "No": true, "vs": true,
	"U.S": true, "U.K": true, "U.N": true, "Jan": true, "Feb": true, "Mar": true, "Apr": true,
	"Jun": true, "Jul": true, "Aug": true, "Sep": true, "Sept": true, "Oct": true, "Nov": true,
	"Dec": true, "a.m": true, "p.m": true,
}

// sentences splits a paragraph after '.', '!' or '?' (and any closing
// quotes) followed by a space and a capital, digit or quote, except after
// abbreviations and initials.
func sentences(p string) []string {
	var out []string
	start := 0
	for i := 0; i < len(p); i++ {
		c := p[i]
		if c != '.' && c != '!' && c != '?' {
			continue
		}
		j := i + 1
		for j < len(p) {
			if p[j] == '"' || p[j] == '\'' || p[j] == ')' {
				j++
			} else if strings.HasPrefix(p[j:], "”") || strings.HasPrefix(p[j:], "’") {
				j += len("”")
			} else {
				break
			}
		}
		if j+1 >= len(p) || p[j] != ' ' || !opensSentence(p[j+1:]) {
			continue
		}
		if c == '.' {
			w := p[start:i]
			if k := strings.LastIndexAny(w, " (\"“"); k >= 0 {
				w = w[k+1:]
			}
			if abbrevs[w] || (len(w) == 1 && w[0] >= 'A' && w[0] <= 'Z') {
				continue
			}
		}
		out = append(out, strings.TrimSpace(p[start:j]))
		start = j + 1
		i = j
	}
	if rest := strings.TrimSpace(p[start:]); rest != "" {
		out = append(out, rest)
	}
	return out
}

func opensSentence(s string) bool {
	c := s[0]
	return c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '"' || c == '\'' || strings.HasPrefix(s, "“") || strings.HasPrefix(s, "‘")
}

// generator draws articles from the stories with its own random source.
type generator struct {
	rng     *rand.Rand
	stories []story
	topics  map[string][]int // stories by topic
	locs    []*time.Location // per outlet
	seen    map[[sha256.Size]byte]bool
}

func newGenerator(stories []story, seed uint64) (*generator, error) {
	g := &generator{
		rng:     rand.New(rand.NewPCG(seed, 0x6368726f6e69636c)), // "chronicl"
		stories: stories,
		topics:  map[string][]int{},
		seen:    map[[sha256.Size]byte]bool{},
	}
	for i, s := range stories {
		g.topics[s.topic] = append(g.topics[s.topic], i)
	}
	for _, o := range outlets {
		loc, err := time.LoadLocation(o.zone)
		if err != nil {
			return nil, fmt.Errorf("outlet %s: %v", o.name, err)
		}
		g.locs = append(g.locs, loc)
	}
	if len(stories) == 0 {
		return nil, fmt.Errorf("no source texts")
	}
	return g, nil
}

// write writes n articles, one JSON object per line. No two have the same
// outlet and text (chronicle would keep such a copy once).
func (g *generator) write(w io.Writer, n int) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	for i := range n {
		a := g.article(i)
		for tries := 0; tries < 100 && g.seen[a.key()]; tries++ {
			a = g.article(i)
		}
		g.seen[a.key()] = true
		if err := enc.Encode(a); err != nil {
			return err
		}
	}
	return nil
}

// key identifies an article as chronicle's duplicate check does.
func (a article) key() [sha256.Size]byte {
	h := sha256.New()
	h.Write([]byte(a.Outlet))
	h.Write([]byte{0})
	h.Write([]byte(a.Text))
	var k [sha256.Size]byte
	h.Sum(k[:0])
	return k
}

// article draws article number i.
func (g *generator) article(i int) article {
	r := g.rng
	// A third of the articles follow a seed story (rich in dates), the
	// rest a dev story.
	var si int
	if seeds := g.topics["seeds"]; len(seeds) > 0 && (r.IntN(3) == 0 || len(seeds) == len(g.stories)) {
		si = seeds[r.IntN(len(seeds))]
	} else {
		si = r.IntN(len(g.stories))
	}
	s := g.stories[si]
	oi := r.IntN(len(outlets))
	o, loc := outlets[oi], g.locs[oi]

	day := s.day.AddDate(0, 0, r.IntN(10)-2) // from two days before to a week after
	y, m, d := day.Date()
	a := article{Outlet: o.name, Timezone: o.zone, Title: s.title}
	var pub time.Time
	if r.IntN(100) < 15 {
		pub = time.Date(y, m, d, 0, 0, 0, 0, loc)
		a.Published = pub.Format("2006-01-02")
	} else {
		pub = time.Date(y, m, d, 5+r.IntN(19), r.IntN(60), 0, 0, loc)
		a.Published = pub.Format(time.RFC3339)
	}
	if r.IntN(4) == 0 {
		a.Title = titlePrefixes[r.IntN(len(titlePrefixes))] + a.Title
	}
	wire := ""
	if r.IntN(4) == 0 {
		wire = agencies[r.IntN(len(agencies))]
		a.Outlet += " (" + wire + ")"
	}

	dateline := ""
	if wire != "" {
		dateline = fmt.Sprintf("%s, %s %d (%s) - ", o.city, pub.Format("Jan"), pub.Day(), wire)
	}
	target := 1300 + r.IntN(5500)
	var b strings.Builder
	b.Grow(target + 1024)
	addPara := func(sents []string) {
		if b.Len() > 0 {
			b.WriteString("\n\n")
		} else {
			b.WriteString(dateline)
		}
		for k, sent := range sents {
			if k > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(sent)
		}
	}
	peers := g.topics[s.topic]
	for pi := 0; b.Len() < target; pi++ {
		if pi < len(s.paras) {
			addPara(g.pick(s.paras[pi], pi == 0))
		}
		if pi >= len(s.paras) || r.IntN(5) == 0 {
			// borrow a paragraph from a story on the same topic
			p := g.stories[peers[r.IntN(len(peers))]]
			if len(p.paras) > 0 {
				addPara(g.pick(p.paras[r.IntN(len(p.paras))], false))
			}
		}
	}
	if r.IntN(100) < 15 {
		addPara([]string{furniture[r.IntN(len(furniture))]})
	}
	a.Text = b.String()
	a.URL = fmt.Sprintf("https://%s/%s/%s-%d", o.domain, pub.Format("2006/01/02"), slug(s.title), i+1)
	return a
}

// pick keeps most of a paragraph's sentences, in order: each is dropped
// with probability 1/6, and long paragraphs are cut to a run of at most
// four sentences. keepFirst keeps the lead sentence.
func (g *generator) pick(para []string, keepFirst bool) []string {
	r := g.rng
	from, to := 0, len(para)
	if len(para) > 4 {
		if !keepFirst {
			from = r.IntN(len(para) - 3)
		}
		to = from + 1 + r.IntN(4)
	}
	out := make([]string, 0, to-from)
	for k := from; k < to; k++ {
		if (k == from && keepFirst) || r.IntN(6) != 0 {
			out = append(out, para[k])
		}
	}
	if len(out) == 0 {
		out = append(out, para[from])
	}
	return out
}

// slug turns a title into a URL path element: lower-case ASCII words
// joined by '-', at most eight of them.
func slug(title string) string {
	var words []string
	var w strings.Builder
	flush := func() {
		if w.Len() > 0 && len(words) < 8 {
			words = append(words, w.String())
		}
		w.Reset()
	}
	for _, c := range strings.ToLower(title) {
		if c >= 'a' && c <= 'z' || c >= '0' && c <= '9' {
			w.WriteRune(c)
		} else {
			flush()
		}
	}
	flush()
	if len(words) == 0 {
		return "article"
	}
	return strings.Join(words, "-")
}
