package main

import (
	"bytes"
	"context"
	"encoding/csv"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"chronicle/parse"
	"chronicle/render"
	"chronicle/timeline"
)

// chronicle runs the command line in-process and returns stdout.
func chronicle(tb testing.TB, args ...string) []byte {
	tb.Helper()
	var out, errb bytes.Buffer
	if code := run(context.Background(), append([]string{"chronicle"}, args...), strings.NewReader(""), &out, &errb); code != 0 {
		tb.Fatalf("chronicle %v: exit %d\n%s", args, code, errb.String())
	}
	return out.Bytes()
}

// placedMentions counts, from the CSV, the mentions the chart must draw:
// dates and times placed on the calendar, page furniture left out.
func placedMentions(tb testing.TB, args ...string) (int, map[string]bool) {
	tb.Helper()
	recs, err := csv.NewReader(bytes.NewReader(chronicle(tb, append([]string{"csv"}, args...)...))).ReadAll()
	if err != nil || len(recs) == 0 {
		tb.Fatalf("csv: %v", err)
	}
	col := map[string]int{}
	for i, h := range recs[0] {
		col[h] = i
	}
	n, outlets := 0, map[string]bool{}
	for _, r := range recs[1:] {
		outlets[r[col["outlet"]]] = true
		if (r[col["kind"]] == "date" || r[col["kind"]] == "time") && r[col["date"]] != "" {
			n++
		}
	}
	return n, outlets
}

func TestHTMLCommand(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	chronicle(t, "html")
	first, err := os.ReadFile("timeline.html")
	if err != nil {
		t.Fatalf("html without -o wrote no timeline.html: %v", err)
	}
	chronicle(t, "html", "-o", "again.html")
	second, err := os.ReadFile("again.html")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(first, second) {
		t.Error("two runs on the seeds wrote different pages")
	}
	if stdout := chronicle(t, "html", "-o", "-"); !bytes.Equal(stdout, first) {
		t.Error("-o - differs from the file")
	}
	for _, want := range []string{"<!DOCTYPE html>", `id="chronicle-chart"`, "Content-Security-Policy", `id="conflicts-table"`} {
		if !bytes.Contains(first, []byte(want)) {
			t.Errorf("page lacks %q", want)
		}
	}
	if leftovers, _ := filepath.Glob(filepath.Join(dir, ".*.tmp*")); len(leftovers) > 0 {
		t.Errorf("temporary files left: %v", leftovers)
	}
}

// probeArticles writes articles whose front matter and body carry every
// probe, and returns their directory.
func probeArticles(tb testing.TB) string {
	dir := tb.TempDir()
	arts := map[string]string{
		"p1.txt": "---\noutlet: </script><script>window.__pwned=1</script>\ntitle: __f__function(){window.__pwned=2}__f__\npublished: 2025-12-03\ntimezone: America/New_York\nurl: javascript:window.__pwned=5\n---\n" +
			"Officials said on Tuesday </script><script>window.__pwned=1</script> that talks would resume on Thursday.\n\n" +
			"The envoys met in November __f__function(){window.__pwned=2}__f__ and again last week.\n",
		"p2.txt": "---\noutlet: <img src=x onerror=\"window.__pwned=3\">\ntitle: <img src=x onerror=\"window.__pwned=3\">\npublished: 2025-12-04T08:00:00+11:00\ntimezone: Australia/Melbourne\nurl: https://example.org/story?a=1&b=\"2\"\n---\n" +
			"The meeting was held on Wednesday <img src=x onerror=\"window.__pwned=3\"> in Moscow.\n\n" +
			"A deal __f__(window.__pwned=4)__f__ could come by Friday, officials said.\n",
		"p3.txt": "---\noutlet: The \"Quoted\" Post's Desk\ntitle: javascript:window.__pwned=6\npublished: 2025-12-03T18:30:00Z\ntimezone: Europe/London\n---\n" +
			"On Monday, the \"talks\" <b>began</b> & ended; a ceasefire was announced on 2 December 2025.\n",
	}
	for name, text := range arts {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			tb.Fatal(err)
		}
	}
	return dir
}

// probeTimeline is a timeline built directly (not through the tagger, so
// it does not depend on what the tagger finds) with every probe in every
// text field: outlet, title, URL, sentence, expression, event label and
// conflict summary.
func probeTimeline(tb testing.TB) *timeline.Timeline {
	probes := []string{
		`</script><script>window.__pwned=1</script>`,
		`__f__function(){window.__pwned=2}__f__`,
		`<img src=x onerror="window.__pwned=3">`,
		`__f__(window.__pwned=4)__f__`,
		`javascript:window.__pwned=5`,
		`The "Quoted" Post's Desk`,
	}
	ny, err := time.LoadLocation("America/New_York")
	if err != nil {
		tb.Fatal(err)
	}
	tl := &timeline.Timeline{}
	for i, p := range probes {
		tl.Sources = append(tl.Sources, timeline.Source{Source: p + ".txt", Outlet: p, Title: p, URL: p,
			Published: time.Date(2025, 12, 3, 9+i, 0, 0, 0, ny), Zone: "America/New_York"})
		for j, g := range []parse.Granularity{parse.GranDay, parse.GranWeek, parse.GranMinute} {
			s := time.Date(2025, 12, 1+i, 0, 0, 0, 0, ny)
			e := s.AddDate(0, 0, 1)
			switch g {
			case parse.GranWeek:
				s = time.Date(2025, 12, 1, 0, 0, 0, 0, ny)
				e = s.AddDate(0, 0, 7)
			case parse.GranMinute:
				s = s.Add(14 * time.Hour)
				e = s.Add(time.Minute)
			}
			expr := p + " Tuesday " + strconv.Itoa(j)
			sent := "Before " + p + " the " + expr + " after " + p
			a := strings.Index(sent, expr)
			tl.Mentions = append(tl.Mentions, timeline.Mention{
				Mention: parse.Mention{Text: expr, Span: parse.Span{Start: a, End: a + len(expr)}, Sentence: parse.Span{Start: 0, End: len(sent)},
					Value: parse.Value{Kind: parse.KindDate, TIMEX: p, When: parse.Interval{Start: s, End: e, Gran: g}}},
				Doc: i, Sentence: sent, Event: "E" + p,
			})
		}
		tl.Mentions = append(tl.Mentions, timeline.Mention{
			Mention: parse.Mention{Text: p, Span: parse.Span{Start: 0, End: len(p)}, Sentence: parse.Span{Start: 0, End: len(p)},
				Value: parse.Value{Kind: parse.KindDuration, TIMEX: p, Dur: parse.Duration{Amount: 4, Unit: parse.GranYear}}},
			Doc: i, Sentence: p,
		})
	}
	var ev []int
	for i := range tl.Mentions {
		if tl.Mentions[i].Kind == parse.KindDate {
			ev = append(ev, i)
		}
	}
	tl.Events = []timeline.Event{{ID: probes[0], Label: probes[1] + probes[2], When: tl.Mentions[0].When, Mentions: ev, Outlets: probes, Conflict: []string{probes[3]}}}
	tl.Conflicts = []timeline.Conflict{{ID: probes[3], Event: probes[0], Kind: probes[2], Summary: strings.Join(probes, " "), Sides: []timeline.Side{{Mention: 0}, {Mention: 4}, {Mention: 8}}}}
	for _, s := range []int{0, 4, 8} {
		tl.Mentions[s].Conflicts = []string{probes[3]}
	}
	return tl
}

func writeHTML(tb testing.TB, tl *timeline.Timeline, file string) int {
	tb.Helper()
	var b bytes.Buffer
	if err := render.HTML(&b, tl, render.HTMLOptions{}); err != nil {
		tb.Fatal(err)
	}
	if err := os.WriteFile(file, b.Bytes(), 0o644); err != nil {
		tb.Fatal(err)
	}
	return b.Len()
}

// checkClean fails on JS errors, requests leaving the file, CSP
// violations and a set window.__pwned.
func checkClean(t *testing.T, tb *tab, info chartInfo) {
	t.Helper()
	if errs := tb.errors(); len(errs) > 0 {
		t.Errorf("JavaScript errors: %q", errs)
	}
	if ext := tb.externals(); len(ext) > 0 {
		t.Errorf("requests leaving the file: %q", ext)
	}
	if len(info.CSP) > 0 {
		t.Errorf("Content-Security-Policy violations: %q", info.CSP)
	}
	if info.Pwned != nil {
		t.Errorf("window.__pwned = %q: injected code ran", *info.Pwned)
	}
}

// focusJS clicks the first table row that has a date and checks that the
// chart's zoom window now covers the row's dates (and is not the whole
// axis).
const focusJS = `(async () => {
  const row = document.querySelector('tr[data-x0]');
  if (!row) return 'no clickable row';
  const i = echarts.getInstanceByDom(document.getElementById('chronicle-chart'));
  i.dispatchAction({type: 'dataZoom', start: 0, end: 100});
  row.click();
  await new Promise(r => setTimeout(r, 300));
  const [lo, hi] = i.getModel().getComponent('xAxis', 0).axis.scale.getExtent();
  const x0 = +row.getAttribute('data-x0'), x1 = +row.getAttribute('data-x1');
  const z = i.getOption().dataZoom[0];
  if (!(lo <= x0 && hi >= x1) || (z.start === 0 && z.end === 100)) return JSON.stringify({lo, hi, x0, x1, start: z.start, end: z.end});
  return row.classList.contains('focused') ? '' : 'row not marked';
})()`

// legendJS switches the first outlet off in the legend and checks that
// its three series (points, spans, publications) are all hidden.
const legendJS = `(() => {
  const i = echarts.getInstanceByDom(document.getElementById('chronicle-chart'));
  const name = i.getOption().yAxis[0].data[0];
  i.dispatchAction({type: 'legendUnSelect', name});
  const shown = i.getModel().getSeries().filter(s => s.name === name).map(s => s.id);
  const visible = i.getModel().getSeries().filter(s => s.name === name && i.getModel().isSeriesFiltered(s) === false).map(s => s.id);
  i.dispatchAction({type: 'legendSelect', name});
  if (shown.length !== 3) return 'outlet has series ' + JSON.stringify(shown);
  return visible.length ? 'still visible: ' + JSON.stringify(visible) : '';
})()`

// TestHTMLBrowser opens generated pages in headless Chromium (one browser
// for all the checks).
func TestHTMLBrowser(t *testing.T) {
	br := startBrowser(t)
	dir := t.TempDir()

	t.Run("seeds", func(t *testing.T) {
		file := filepath.Join(dir, "seeds.html")
		chronicle(t, "html", "-o", file)
		placed, outlets := placedMentions(t)
		tb := br.open(t, file, 1400, 900, false)
		info := inspect(t, tb)
		t.Logf("seeds: %d outlets, %d placed mentions; rendered in %.0f ms; series %+v", len(outlets), placed, info.Rendered, info.Series)
		checkClean(t, tb, info)
		if info.Charts != 1 {
			t.Fatalf("%d chart instances, want 1", info.Charts)
		}
		// series per outlet: "outlet-N" (points: mentions precise to a day
		// or finer), "span-N" (coarser mentions), "pub-N" (publications);
		// plus "events" and "conflicts" when there are any
		var nOutlet, nSpan, nPub, points, pubs int
		for _, s := range info.Series {
			switch {
			case strings.HasPrefix(s.ID, "outlet-"):
				nOutlet++
				points += s.N
			case strings.HasPrefix(s.ID, "span-"):
				nSpan++
				points += s.N
			case strings.HasPrefix(s.ID, "pub-"):
				nPub++
				pubs += s.N
			case s.ID == "events" || s.ID == "conflicts":
			default:
				t.Errorf("unexpected series %+v", s)
			}
		}
		if nOutlet != 5 || nSpan != 5 || nPub != 5 {
			t.Errorf("%d point, %d span and %d publication series, want one each per seed outlet (5)", nOutlet, nSpan, nPub)
		}
		if len(outlets) > 0 && len(outlets) != nOutlet {
			t.Errorf("CSV names %d outlets, chart has %d lanes", len(outlets), nOutlet)
		}
		if points != placed {
			t.Errorf("chart draws %d mentions, the CSV has %d dated ones", points, placed)
		}
		if pubs != 5 {
			t.Errorf("%d publication marks, want 5", pubs)
		}
		if info.DataZoom != 2 {
			t.Errorf("%d dataZoom components, want slider and inside", info.DataZoom)
		}
		if !strings.Contains(strings.Join(info.Tables, " "), "conflicts-table") {
			t.Errorf("no conflicts table; tables: %v", info.Tables)
		}
		screenshot(t, tb, filepath.Join(dir, "seeds-1400x900.png"))
		tip := evalJS[string](t, tb, tooltipJS)
		if tip == "" {
			t.Error("no tooltip shown")
		} else if !strings.Contains(tip, "published") {
			t.Errorf("tooltip %q lacks the publication time", tip)
		}
		screenshot(t, tb, filepath.Join(dir, "seeds-1400x900-tooltip.png"))
		if problem := evalJS[string](t, tb, focusJS); problem != "" {
			t.Errorf("clicking a table row did not focus the chart: %s", problem)
		}
		fullScreenshot(t, tb, filepath.Join(dir, "seeds-full.png"))
		if hidden := evalJS[string](t, tb, legendJS); hidden != "" {
			t.Errorf("legend does not toggle an outlet: %s", hidden)
		}

		phone := br.open(t, file, 390, 844, true)
		pinfo := inspect(t, phone)
		checkClean(t, phone, pinfo)
		if pinfo.Overflow > 0 {
			t.Errorf("page is %d px wider than a 390 px phone screen", pinfo.Overflow)
		}
		screenshot(t, phone, filepath.Join(dir, "seeds-390x844.png"))
	})

	t.Run("empty", func(t *testing.T) {
		file := filepath.Join(dir, "empty.html")
		writeHTML(t, &timeline.Timeline{}, file)
		tb := br.open(t, file, 1400, 900, false)
		info := inspect(t, tb)
		checkClean(t, tb, info)
		if info.Charts != 1 || len(info.Series) != 0 {
			t.Errorf("empty timeline: %d charts, series %+v", info.Charts, info.Series)
		}
	})

	t.Run("probes", func(t *testing.T) {
		pipeline := filepath.Join(dir, "probes-articles.html")
		var errb bytes.Buffer
		run(context.Background(), []string{"chronicle", "html", "-o", pipeline, probeArticles(t)}, strings.NewReader(""), &bytes.Buffer{}, &errb)
		if _, err := os.Stat(pipeline); err != nil {
			t.Fatalf("no page for the probe articles: %v\n%s", err, errb.String())
		}
		direct := filepath.Join(dir, "probes-timeline.html")
		writeHTML(t, probeTimeline(t), direct)
		for _, file := range []string{pipeline, direct} {
			tb := br.open(t, file, 1400, 900, false)
			shown := evalJS[int](t, tb, allTipsJS)
			// click every table row too
			evalJS[int](t, tb, `(async () => { const rows = [...document.querySelectorAll('tr[data-x0]')]; rows.forEach(r => r.click()); await new Promise(r => setTimeout(r, 300)); return rows.length; })()`)
			info := inspect(t, tb)
			t.Logf("%s: %d tooltips shown, series %+v", filepath.Base(file), shown, info.Series)
			checkClean(t, tb, info)
			if info.Charts != 1 {
				t.Errorf("%s: %d charts", file, info.Charts)
			}
			text := evalJS[string](t, tb, `document.body.innerText`)
			for _, want := range []string{"</script><script>window.__pwned=1</script>", `<img src=x onerror="window.__pwned=3">`} {
				if !strings.Contains(text, want) {
					t.Errorf("%s: probe %q is not shown as text", filepath.Base(file), want)
				}
			}
			if n := evalJS[int](t, tb, `document.querySelectorAll('a[href^="javascript:"], img, iframe, object, embed').length`); n != 0 {
				t.Errorf("%s: %d javascript: links or injected elements", filepath.Base(file), n)
			}
			if file == direct {
				if shown < len(probeTimeline(t).Mentions) {
					t.Errorf("only %d tooltips shown", shown)
				}
				screenshot(t, tb, filepath.Join(dir, "probes-1400x900.png"))
			}
		}
	})
}

// generatedTimeline builds a timeline of n dated mentions from generated
// articles (ten mentions each, twelve outlets in six zones, publication
// dates clustered in two months of a two-year span, mostly days with some
// clock times, weeks, months and years; every fifteenth mention in a
// three-outlet event, one event in fifty with a conflict). It is built
// directly so the benchmark measures the page, not the tagger.
func generatedTimeline(tb testing.TB, n int) *timeline.Timeline {
	tb.Helper()
	zones := []string{"America/New_York", "Europe/London", "Australia/Melbourne", "Asia/Tokyo", "Europe/Berlin", "UTC"}
	outlets := []string{"Agence Wire", "Daily Ledger", "Morning Post", "Evening Star", "Harbour Times", "Capital Report", "Northern Echo", "Global Desk", "Valley News", "Metro Herald", "Coastal Tribune", "City Bulletin"}
	words := strings.Fields("officials said the talks between negotiators would resume after a pause while ministers met envoys in the capital to discuss the proposal ceasefire sanctions aid vote parliament summit court ruling election")
	state := uint64(2025)
	rnd := func(k int) int {
		state ^= state << 13
		state ^= state >> 7
		state ^= state << 17
		return int(state % uint64(k))
	}
	locs := make([]*time.Location, len(zones))
	for i, z := range zones {
		l, err := time.LoadLocation(z)
		if err != nil {
			tb.Fatal(err)
		}
		locs[i] = l
	}
	tl := &timeline.Timeline{}
	var evm []int
	for len(tl.Mentions) < n {
		doc := len(tl.Sources)
		loc := locs[doc%len(locs)]
		day := 540 + rnd(60)
		if rnd(4) == 0 {
			day = rnd(730)
		}
		d0 := time.Date(2024, 1, 1+day, 0, 0, 0, 0, loc)
		pub := time.Date(d0.Year(), d0.Month(), d0.Day(), 6+rnd(14), rnd(60), 0, 0, loc)
		tl.Sources = append(tl.Sources, timeline.Source{Source: "gen/" + strconv.Itoa(doc) + ".txt", Outlet: outlets[rnd(len(outlets))], Title: "Story " + strconv.Itoa(doc), Published: pub, Zone: loc.String()})
		for k := 0; k < 10 && len(tl.Mentions) < n; k++ {
			var sb strings.Builder
			for w := 0; w < 22; w++ {
				sb.WriteString(words[rnd(len(words))] + " ")
			}
			d := time.Date(pub.Year(), pub.Month(), pub.Day()-rnd(10), 0, 0, 0, 0, loc)
			iv := parse.Interval{Start: d, End: d.AddDate(0, 0, 1), Gran: parse.GranDay}
			expr := d.Weekday().String()
			switch g := rnd(20); {
			case g == 14 || g == 15:
				s := d.Add(time.Duration(8+rnd(12)) * time.Hour)
				iv, expr = parse.Interval{Start: s, End: s.Add(time.Minute), Gran: parse.GranMinute}, s.Format("3.04pm")
			case g == 16 || g == 17:
				s := d.AddDate(0, 0, -int((d.Weekday()+6)%7))
				iv, expr = parse.Interval{Start: s, End: s.AddDate(0, 0, 7), Gran: parse.GranWeek}, "this week"
			case g == 18:
				s := time.Date(d.Year(), d.Month(), 1, 0, 0, 0, 0, loc)
				iv, expr = parse.Interval{Start: s, End: s.AddDate(0, 1, 0), Gran: parse.GranMonth}, "in "+s.Month().String()
			case g == 19:
				s := time.Date(d.Year()-1, 1, 1, 0, 0, 0, 0, loc)
				iv, expr = parse.Interval{Start: s, End: s.AddDate(1, 0, 0), Gran: parse.GranYear}, "in "+strconv.Itoa(s.Year())
			}
			sent := "Officials " + sb.String() + "on " + expr + "."
			a := strings.LastIndex(sent, expr)
			tl.Mentions = append(tl.Mentions, timeline.Mention{
				Mention: parse.Mention{Text: expr, Span: parse.Span{Start: 500*k + a, End: 500*k + a + len(expr)}, Sentence: parse.Span{Start: 500 * k, End: 500*k + len(sent)},
					Value: parse.Value{Kind: parse.KindDate, TIMEX: iv.Start.Format("2006-01-02"), When: iv}},
				Doc: doc, Sentence: sent,
			})
			if len(tl.Mentions)%5 == 0 && iv.Gran == parse.GranDay {
				evm = append(evm, len(tl.Mentions)-1)
			}
		}
	}
	for i := 0; i+2 < len(evm); i += 3 {
		id := "E" + strconv.Itoa(len(tl.Events)+1)
		ms := evm[i : i+3]
		e := timeline.Event{ID: id, Label: "talks resume", When: tl.Mentions[ms[0]].When, Mentions: ms}
		for _, mi := range ms {
			tl.Mentions[mi].Event = id
			e.Outlets = append(e.Outlets, tl.Sources[tl.Mentions[mi].Doc].Outlet)
		}
		if len(tl.Events)%50 == 0 {
			cid := "C" + strconv.Itoa(len(tl.Conflicts)+1)
			e.Conflict = []string{cid}
			tl.Conflicts = append(tl.Conflicts, timeline.Conflict{ID: cid, Event: id, Kind: "date", Summary: "dates differ", Sides: []timeline.Side{{Mention: ms[0]}, {Mention: ms[1]}}})
			tl.Mentions[ms[0]].Conflicts = []string{cid}
			tl.Mentions[ms[1]].Conflicts = []string{cid}
		}
		tl.Events = append(tl.Events, e)
	}
	return tl
}

// benchmarkHTMLChromium renders n mentions and opens the page in headless
// Chromium; it reports the file size and the time from navigation start to
// the chart's first finished render.
func benchmarkHTMLChromium(b *testing.B, n int) {
	br := startBrowser(b)
	file := filepath.Join(b.TempDir(), "bench.html")
	size := writeHTML(b, generatedTimeline(b, n), file)
	var total float64
	iters := 0
	for b.Loop() {
		tb := br.open(b, file, 1400, 900, false)
		total += evalJS[float64](b, tb, `window.chronicleRenderedAt`)
		if iters == 0 && os.Getenv("CHRONICLE_SCREENSHOTS") != "" {
			info := inspect(b, tb)
			if len(tb.errors()) > 0 || info.Pwned != nil || len(tb.externals()) > 0 {
				b.Fatalf("page not clean: %v %v", tb.errors(), tb.externals())
			}
			screenshot(b, tb, "bench-"+strconv.Itoa(n)+".png")
			if tip := evalJS[string](b, tb, tooltipJS); tip == "" {
				b.Error("no tooltip")
			}
			screenshot(b, tb, "bench-"+strconv.Itoa(n)+"-tooltip.png")
		}
		iters++
		tb.close()
	}
	b.ReportMetric(total/float64(iters), "ms-render")
	b.ReportMetric(float64(size)/1e6, "MB")
}

func BenchmarkHTML10kChromium(b *testing.B)  { benchmarkHTMLChromium(b, 10000) }
func BenchmarkHTML100kChromium(b *testing.B) { benchmarkHTMLChromium(b, 100000) }

// BenchmarkHTMLCorpusChromium runs the whole pipeline on articles written
// by chronicle-gen (seed and dev texts recombined; 870 articles give about
// 10,000 dated mentions), writes the page with `chronicle html` and opens
// it in Chromium. It reports the dated mentions drawn, the file size and
// the render time.
func BenchmarkHTMLCorpusChromium(b *testing.B) {
	dir := b.TempDir()
	corpus := filepath.Join(dir, "corpus.jsonl")
	if out, err := exec.Command("go", "run", "../chronicle-gen", "-n", "870", "-seed", "1", "-dev", "../../testdata/meantime/dev.jsonl", "-o", corpus).CombinedOutput(); err != nil {
		b.Fatalf("chronicle-gen: %v\n%s", err, out)
	}
	file := filepath.Join(dir, "corpus.html")
	var errb bytes.Buffer
	if code := run(context.Background(), []string{"chronicle", "html", "-o", file, corpus}, strings.NewReader(""), &bytes.Buffer{}, &errb); code != 0 {
		b.Fatalf("chronicle html: exit %d\n%s", code, errb.String())
	}
	st, err := os.Stat(file)
	if err != nil {
		b.Fatal(err)
	}
	br := startBrowser(b)
	var total float64
	var points, iters int
	for b.Loop() {
		tb := br.open(b, file, 1400, 900, false)
		total += evalJS[float64](b, tb, `window.chronicleRenderedAt`)
		if iters == 0 {
			info := inspect(b, tb)
			for _, s := range info.Series {
				if strings.HasPrefix(s.ID, "outlet-") || strings.HasPrefix(s.ID, "span-") {
					points += s.N
				}
			}
			if errs := tb.errors(); len(errs) > 0 || info.Pwned != nil || len(tb.externals()) > 0 {
				b.Fatalf("page not clean: %v %v", errs, tb.externals())
			}
			screenshot(b, tb, filepath.Join(dir, "corpus.png"))
		}
		iters++
		tb.close()
	}
	b.ReportMetric(float64(points), "mentions")
	b.ReportMetric(total/float64(iters), "ms-render")
	b.ReportMetric(float64(st.Size())/1e6, "MB")
}
