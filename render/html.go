package render

import (
	"crypto/sha256"
	_ "embed"
	"encoding/base64"
	"html/template"
	"io"
	"net/url"
	"strings"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"

	"chronicle/timeline"
)

// ChartID is the id of the chart's element in the HTML page. It is fixed
// so that reruns produce the same bytes.
const ChartID = "chronicle-chart"

var (
	//go:embed assets/echarts.min.js
	echartsJS string
	//go:embed assets/timeline.js
	pageJS string
	//go:embed assets/timeline.css
	pageCSS string
	//go:embed assets/timeline.html.tmpl
	pageTmpl string
)

var page = template.Must(template.New("page").Parse(pageTmpl))

// HTMLOptions configures [HTML]. The zero value is the default.
type HTMLOptions struct {
	// AggregateAbove is the number of placed mentions above which the
	// chart draws one mark per outlet and day (or week, or month) instead
	// of one per mention; 0 means 20,000.
	AggregateAbove int
	// SentenceBudget caps the bytes of sentence text kept for tooltips
	// when marks are aggregated; 0 means 3 MiB.
	SentenceBudget int
}

// HTML writes the timeline as one self-contained HTML page: an ECharts
// chart (time axis, one lane per outlet, zoom) followed by tables of
// events, conflicts, undated expressions and sources.
//
// The page makes no network request: ECharts is inlined, and a
// Content-Security-Policy allows only the page's own two scripts (by hash)
// and inline styles. Article text never executes: the chart's options are
// built with go-echarts but written by html/template as JSON data inside a
// non-executed script element (so <, > and & are escaped and go-echarts'
// __f__ rewrite never runs), and the page script HTML-encodes every string
// it puts in a tooltip. The output depends only on the timeline.
func HTML(w io.Writer, tl *timeline.Timeline, opts HTMLOptions) error {
	pm := buildPage(tl, opts)
	chart := buildChart(pm)
	st := pm.stats
	title := "Timeline: " + itoa(st.Articles) + " article"
	if st.Articles != 1 {
		title += "s"
	}
	if len(st.Outlet) > 0 {
		title += " from " + itoa(st.Outlets) + " outlet"
		if st.Outlets != 1 {
			title += "s"
		}
	}
	lanes := len(pm.data.Lanes)
	// lanes are 62 px high, less when there are many outlets (26 px at
	// least), so a hundred outlets still make a chart one can scroll
	laneH := max(26, min(62, 900/max(lanes, 1)))
	height := max(360, 130+laneH*lanes)
	return page.Execute(w, map[string]any{
		"Title":     title,
		"Stats":     st,
		"CSP":       csp(),
		"CSS":       template.CSS(pageCSS),
		"ECharts":   template.JS(echartsJS),
		"Script":    template.JS(pageJS),
		"ChartID":   ChartID,
		"Height":    height,
		"Data":      map[string]any{"option": chart, "data": pm.data},
		"Events":    pm.eventRows,
		"MoreEv":    pm.moreEvents,
		"Conflicts": pm.conflictRows,
		"MoreConf":  pm.moreConflicts,
		"Others":    pm.otherRows,
		"MoreOther": pm.moreOthers,
		"Sources":   pm.sourceRows,
		"Agg":       pm.data.Agg,
		"Omitted":   pm.data.Omitted,
	})
}

// csp is the page's Content-Security-Policy: nothing may be fetched, and
// only the two scripts shipped in the page may run.
func csp() string {
	return "default-src 'none'; script-src " + scriptHash(echartsJS) + " " + scriptHash(pageJS) +
		"; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"
}

func scriptHash(s string) string {
	h := sha256.Sum256([]byte(s))
	return "'sha256-" + base64.StdEncoding.EncodeToString(h[:]) + "'"
}

// buildChart builds the chart's options with go-echarts. Series, by id:
//
//   - "outlet-N": a scatter series of outlet N's mentions precise to a day
//     or finer (one point each; one per outlet and day when aggregated);
//   - "span-N": a custom series of its coarser mentions (weeks, months, …)
//     drawn as bars across their interval;
//   - "pub-N": a custom series of its articles' publication marks;
//   - "events": links between the mentions of one event;
//   - "conflicts": a band and a line joining the sides of each conflict.
//
// The three series of an outlet share its name, so its legend entry
// toggles them together. Lanes are placed on a hidden value axis (lane N
// is centred on N) beside the visible category axis of outlet names. The
// page script attaches the drawing and tooltip functions.
func buildChart(pm *pageModel) map[string]any {
	d := &pm.data
	c := charts.NewCustom()
	var legend []map[string]string
	for i, n := range d.Lanes {
		legend = append(legend, map[string]string{"name": n, "icon": d.Shapes[i]})
	}
	if len(pm.links) > 0 {
		legend = append(legend, map[string]string{"name": "Events", "icon": "path://M0,4L3,4L3,6L0,6ZM5,4L8,4L8,6L5,6ZM10,4L13,4L13,6L10,6Z"})
	}
	if len(pm.confs) > 0 {
		legend = append(legend, map[string]string{"name": "Conflicts", "icon": "roundRect"})
	}
	lanes := len(d.Lanes)
	c.SetGlobalOptions(
		charts.WithInitializationOpts(opts.Initialization{ChartID: ChartID}),
		charts.WithAnimation(len(d.Ments) < 2000 && !d.Agg),
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "item", TriggerOn: "mousemove|click"}),
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(true), Type: "scroll", Top: "4", Left: "center", Data: legend}),
		charts.WithGridOpts(opts.Grid{Top: "40", Bottom: "70", Left: "16", Right: "36", ContainLabel: opts.Bool(true)}),
		charts.WithDataZoomOpts(
			opts.DataZoom{Type: "slider", XAxisIndex: []int{0}, FilterMode: "weakFilter"},
			opts.DataZoom{Type: "inside", XAxisIndex: []int{0}, FilterMode: "weakFilter"},
		),
		charts.WithXAxisOpts(opts.XAxis{Type: "time", SplitLine: &opts.SplitLine{Show: opts.Bool(true)},
			AxisLabel: &opts.AxisLabel{HideOverlap: opts.Bool(true)},
			AxisLine:  &opts.AxisLine{Show: opts.Bool(true), OnZero: opts.Bool(false)}}),
		charts.WithYAxisOpts(opts.YAxis{Type: "category", Data: d.Lanes, Inverse: opts.Bool(true),
			AxisLabel: &opts.AxisLabel{Width: 170, Overflow: "truncate", Interval: "0"},
			SplitArea: &opts.SplitArea{Show: opts.Bool(true)}}),
	)
	c.ExtendYAxis(opts.YAxis{Type: "value", Show: opts.Bool(false), Inverse: opts.Bool(true),
		Min: -0.5, Max: float64(lanes) - 0.5})
	custom := []charts.SeriesOpts{charts.WithEncodeOpts(opts.Encode{X: []int{0, 1}, Y: 2}), onLaneAxis()}
	for i, n := range d.Lanes {
		var pts, spans []mark
		for _, m := range pm.ments[i] {
			if m.point {
				pts = append(pts, m)
			} else {
				spans = append(spans, m)
			}
		}
		c.AddSeries(n, nil, charts.WithSeriesId("outlet-"+itoa(i)), pointData(pts, pm.data.Agg),
			charts.WithSeriesOpts(func(s *charts.SingleSeries) {
				s.Type = "scatter"
				s.Symbol = d.Shapes[i]
				s.SymbolSize = 9
			}),
			charts.WithEncodeOpts(opts.Encode{X: 0, Y: 1}), onLaneAxis(),
			charts.WithItemStyleOpts(opts.ItemStyle{Color: d.Colors[i], BorderColor: "#ffffff", BorderWidth: 1}))
		c.AddSeries(n, nil, append(custom, charts.WithSeriesId("span-"+itoa(i)), customData(spans),
			charts.WithItemStyleOpts(opts.ItemStyle{Color: d.Colors[i]}))...)
	}
	for i, n := range d.Lanes {
		c.AddSeries(n, nil, append(custom, charts.WithSeriesId("pub-"+itoa(i)), customData(pm.pubs[i]),
			charts.WithItemStyleOpts(opts.ItemStyle{Color: d.Colors[i]}))...)
	}
	if len(pm.links) > 0 {
		c.AddSeries("Events", nil, append(custom, charts.WithSeriesId("events"), customData(pm.links),
			charts.WithItemStyleOpts(opts.ItemStyle{Color: "#555555"}))...)
	}
	if len(pm.confs) > 0 {
		c.AddSeries("Conflicts", nil, append(custom, charts.WithSeriesId("conflicts"), customData(pm.confs),
			charts.WithItemStyleOpts(opts.ItemStyle{Color: conflictHex}))...)
	}
	c.Validate()
	return c.JSON()
}

func onLaneAxis() charts.SeriesOpts {
	return charts.WithSeriesOpts(func(s *charts.SingleSeries) { s.YAxisIndex = 1 })
}

// customData sets a custom series' data as plain arrays
// [x0, x1, lane, index, slot] (ECharts' compact form; go-echarts'
// CustomData would wrap each in {"value": …}).
func customData(ms []mark) charts.SeriesOpts {
	out := make([][5]int64, len(ms))
	for i, m := range ms {
		out[i] = [5]int64{m.x0, m.x1, int64(m.lane), int64(m.idx), int64(m.slot)}
	}
	return charts.WithSeriesOpts(func(s *charts.SingleSeries) { s.Data = out })
}

// pointData sets a scatter series' data: [x, y, index] where x is the
// middle of the value's interval and y its lane, shifted by its slot so
// that points on the same day do not hide each other; aggregated marks add
// their count: [x, y, index, n]. Points in a conflict get a ring.
func pointData(ms []mark, agg bool) charts.SeriesOpts {
	out := make([]any, len(ms))
	for i, m := range ms {
		y := float64(m.lane) - 0.04 + slotOffset(m.slot)*0.085
		var v any = []any{m.x0 + (m.x1-m.x0)/2, y, m.idx}
		if agg {
			v = []any{m.x0 + (m.x1-m.x0)/2, float64(m.lane), m.idx, m.n}
		}
		if m.conflict {
			v = map[string]any{"value": v, "itemStyle": map[string]any{"borderColor": conflictHex, "borderWidth": 3}}
		}
		out[i] = v
	}
	return charts.WithSeriesOpts(func(s *charts.SingleSeries) { s.Data = out })
}

// slotOffset spreads slots 0, 1, 2, … as 0, -1, +1, -2, +2, … (seven rows).
func slotOffset(slot int) float64 {
	k := slot % 7
	if k == 0 {
		return 0
	}
	off := float64((k + 1) / 2)
	if k%2 == 1 {
		off = -off
	}
	return off
}

// Rows of the tables under the chart.
type (
	quoteParts struct{ Before, Expr, After string }
	eventRow   struct {
		X0, X1    int64
		ID, Date  string
		Label     string
		Outlets   string
		Mentions  int
		Conflicts []string
	}
	conflictSide struct {
		Outlet, Published, Source, Value, Date string
		Quote                                  quoteParts
	}
	conflictRow struct {
		X0, X1                int64
		ID, Event, Kind, Text string
		Sides                 []conflictSide
		MoreSides             int // sides not listed (see the tooltip or `chronicle conflicts`)
	}
	otherRow struct {
		Outlet, Expression, Kind, Value, Gran string
		Quote                                 quoteParts
	}
	sourceRow struct {
		Outlet, Title, Source, Published string
		URL                              template.URL // http(s) only; empty otherwise
		RawURL                           string       // shown as text when not linkable
	}
)

func quoteOf(m timeline.Mention) quoteParts {
	text, a, b := shorten(m.Sentence, m.Span.Start-m.Mention.Sentence.Start, m.Span.End-m.Mention.Sentence.Start)
	return quoteParts{OneLine(text[:a]) + spaceAfter(text[:a]), text[a:b], spaceBefore(text[b:]) + OneLine(text[b:])}
}

func spaceAfter(s string) string {
	if s != "" && strings.TrimRight(s, " \t\r\n") != s {
		return " "
	}
	return ""
}

func spaceBefore(s string) string {
	if s != "" && strings.TrimLeft(s, " \t\r\n") != s {
		return " "
	}
	return ""
}

func (pm *pageModel) addOther(tl *timeline.Timeline, i int, laneOf []int) {
	if len(pm.otherRows) >= maxTableRows {
		pm.moreOthers++
		return
	}
	m := tl.Mentions[i]
	gran := ""
	if !m.Dur.IsZero() {
		gran = m.Dur.Unit.String()
	} else if !m.When.IsZero() {
		gran = m.When.Gran.String()
	}
	value := m.TIMEX
	if m.Mod != "" {
		value += " (" + m.Mod + ")"
	}
	pm.otherRows = append(pm.otherRows, otherRow{
		Outlet: pm.data.Lanes[laneOf[m.Doc]], Expression: OneLine(m.Text), Kind: m.Kind.String(),
		Value: value, Gran: gran, Quote: quoteOf(m),
	})
}

func (pm *pageModel) tables(tl *timeline.Timeline, laneOf []int, detail map[int]int) {
	for _, e := range tl.Events {
		if len(pm.eventRows) >= maxTableRows {
			pm.moreEvents++
			continue
		}
		pm.eventRows = append(pm.eventRows, eventRow{
			X0: floating(e.When.Start), X1: floating(e.When.End), ID: e.ID, Date: display(e.When),
			Label: eventLabel(tl, e), Outlets: strings.Join(oneLines(e.Outlets), ", "), Mentions: len(e.Mentions),
			Conflicts: e.Conflict,
		})
	}
	for _, c := range tl.Conflicts {
		if len(pm.conflictRows) >= maxConflictRows {
			pm.moreConflicts++
			continue
		}
		row := conflictRow{ID: c.ID, Event: c.Event, Kind: c.Kind, Text: OneLine(c.Summary)}
		for j, s := range c.Sides {
			if s.Mention < 0 || s.Mention >= len(tl.Mentions) {
				continue
			}
			if len(row.Sides) >= maxSideRows {
				row.MoreSides++
				continue
			}
			m := tl.Mentions[s.Mention]
			src := tl.Sources[m.Doc]
			if !m.When.IsZero() {
				x0, x1 := floating(m.When.Start), floating(m.When.End)
				if j == 0 || row.X0 == 0 || x0 < row.X0 {
					row.X0 = x0
				}
				if x1 > row.X1 {
					row.X1 = x1
				}
			}
			date := display(m.When)
			if date == "" && !m.Dur.IsZero() {
				date = "a length of time"
			}
			row.Sides = append(row.Sides, conflictSide{
				Outlet: pm.data.Lanes[laneOf[m.Doc]], Published: publishedText(src), Source: src.Source,
				Value: m.TIMEX, Date: date, Quote: quoteOf(m),
			})
		}
		if e := eventByID(tl, c.Event); e != nil && e.Label != "" {
			row.Event = c.Event + ": " + OneLine(e.Label)
		}
		if row.X0 == 0 && row.X1 == 0 {
			row.X0, row.X1 = pm.data.View[0], pm.data.View[1]
		}
		pm.conflictRows = append(pm.conflictRows, row)
	}
	for i, s := range tl.Sources {
		row := sourceRow{Outlet: pm.data.Lanes[laneOf[i]], Title: OneLine(s.Title), Source: s.Source, Published: publishedText(s)}
		if u := linkable(s.URL); u != "" {
			row.URL = template.URL(u)
		} else {
			row.RawURL = OneLine(s.URL)
		}
		pm.sourceRows = append(pm.sourceRows, row)
	}
}

func eventByID(tl *timeline.Timeline, id string) *timeline.Event {
	for i := range tl.Events {
		if tl.Events[i].ID == id {
			return &tl.Events[i]
		}
	}
	return nil
}

func oneLines(ss []string) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = OneLine(s)
	}
	return out
}

// linkable returns the URL if it is an absolute http or https URL with a
// host, and "" otherwise (javascript:, data:, relative, malformed).
func linkable(raw string) string {
	raw = strings.TrimSpace(raw)
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" || (u.Scheme != "http" && u.Scheme != "https") {
		return ""
	}
	return u.String()
}
