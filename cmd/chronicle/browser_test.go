package main

import (
	"context"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/fetch"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// Helpers to check a generated page in headless Chromium (Debian's
// chromium package; .ci/run installs it). Nothing may leave the page: every
// request other than the file itself is recorded and failed, and the
// browser's resolver and proxy point nowhere.

// chromiumPath finds Chromium. Without it the test is skipped locally and
// fails in CI (CI=true), where the browser check is required.
func chromiumPath(tb testing.TB) string {
	tb.Helper()
	for _, c := range []string{os.Getenv("CHROMIUM_PATH"), "chromium", "chromium-browser", "google-chrome"} {
		if c == "" {
			continue
		}
		if p, err := exec.LookPath(c); err == nil {
			return p
		}
	}
	if os.Getenv("CI") != "" {
		tb.Fatal("chromium not found; CI must install it (apt-get install chromium)")
	}
	tb.Skip("chromium not found (apt-get install chromium); the browser checks are skipped")
	return ""
}

// browser is one headless Chromium shared by the checks of a test.
type browser struct {
	ctx context.Context
}

func startBrowser(tb testing.TB) *browser {
	tb.Helper()
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(chromiumPath(tb)),
		chromedp.NoSandbox,
		chromedp.Flag("host-resolver-rules", "MAP * ~NOTFOUND"),
		chromedp.ProxyServer("http://0.0.0.0:0"),
		chromedp.Flag("proxy-bypass-list", "<-loopback>"),
		chromedp.Flag("disable-quic", true),
	)
	actx, cancelA := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancel := chromedp.NewContext(actx)
	tb.Cleanup(func() { cancel(); cancelA() })
	if err := chromedp.Do(ctx); err != nil { // start the browser
		tb.Fatalf("starting chromium: %v", err)
	}
	return &browser{ctx: ctx}
}

// tab is one page opened in the browser, with what it did.
type tab struct {
	ctx    context.Context
	cancel context.CancelFunc
	wg     sync.WaitGroup

	mu       sync.Mutex
	external []string // requests other than the file itself (all failed)
	jsErrors []string // uncaught exceptions
}

// csp violations are recorded by a listener installed before any script
// of the page runs.
const recordViolations = `window.__cspViolations = [];
document.addEventListener('securitypolicyviolation', e => window.__cspViolations.push(e.violatedDirective + ' ' + e.blockedURI));`

// open loads file in a new tab with the given viewport and waits until the
// chart has rendered.
func (b *browser) open(tb testing.TB, file string, width, height int64, mobile bool) *tab {
	tb.Helper()
	abs, err := filepath.Abs(file)
	if err != nil {
		tb.Fatal(err)
	}
	self := (&url.URL{Scheme: "file", Path: abs}).String()
	ctx, cancel := chromedp.NewContext(b.ctx)
	t := &tab{ctx: ctx, cancel: cancel}
	tb.Cleanup(t.close)
	paused := chromedp.Events(ctx, fetch.RequestPaused)
	exceptions := chromedp.Events(ctx, runtime.ExceptionThrown)
	if _, err := chromedp.Call(ctx, fetch.Enable, fetch.EnableParams{}); err != nil {
		tb.Fatalf("fetch.enable: %v", err)
	}
	if _, err := chromedp.Call(ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: recordViolations}); err != nil {
		tb.Fatalf("addScript: %v", err)
	}
	t.wg.Add(2)
	go func() {
		defer t.wg.Done()
		for ev, err := range paused {
			if err != nil {
				return
			}
			u := ev.Request.URL
			if strings.SplitN(u, "#", 2)[0] == self {
				_, _ = chromedp.Call(ctx, fetch.ContinueRequest, fetch.ContinueRequestParams{RequestID: ev.RequestID})
				continue
			}
			t.mu.Lock()
			t.external = append(t.external, u)
			t.mu.Unlock()
			_, _ = chromedp.Call(ctx, fetch.FailRequest, fetch.FailRequestParams{RequestID: ev.RequestID, ErrorReason: network.ErrorReasonBlockedByClient})
		}
	}()
	go func() {
		defer t.wg.Done()
		for ev, err := range exceptions {
			if err != nil {
				return
			}
			t.mu.Lock()
			t.jsErrors = append(t.jsErrors, (&chromedp.ExceptionError{ExceptionDetails: ev.ExceptionDetails}).Error())
			t.mu.Unlock()
		}
	}()
	vp := []chromedp.EmulateViewportOption{}
	if mobile {
		vp = append(vp, chromedp.EmulateMobile, chromedp.EmulateScale(2))
	}
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(width, height, vp...), chromedp.Navigate(self)); err != nil {
		tb.Fatalf("navigate %s: %v", file, err)
	}
	for deadline := time.Now().Add(15 * time.Second); ; time.Sleep(50 * time.Millisecond) {
		ready := evalJS[float64](tb, t, `window.chronicleRenderedAt || 0`)
		if ready > 0 {
			break
		}
		if time.Now().After(deadline) {
			tb.Fatalf("%s: chart did not render within 15 s; JS errors: %v", file, t.errors())
		}
	}
	return t
}

func (t *tab) close() {
	t.cancel()
	t.wg.Wait()
}

func (t *tab) errors() []string {
	t.mu.Lock()
	defer t.mu.Unlock()
	return append([]string(nil), t.jsErrors...)
}

func (t *tab) externals() []string {
	t.mu.Lock()
	defer t.mu.Unlock()
	return append([]string(nil), t.external...)
}

// evalJS evaluates a JavaScript expression in the tab (awaiting a promise).
func evalJS[T any](tb testing.TB, t *tab, expr string) T {
	tb.Helper()
	v, err := chromedp.Run(t.ctx, chromedp.Evaluate[T](expr, chromedp.EvalAwaitPromise))
	if err != nil {
		tb.Fatalf("evaluate %.60q: %v", expr, err)
	}
	return v
}

// chartInfo is what the page's chart holds.
type chartInfo struct {
	Charts   int          `json:"charts"`
	Series   []seriesInfo `json:"series"`
	DataZoom int          `json:"dataZoom"`
	Tables   []string     `json:"tables"`
	Pwned    *string      `json:"pwned"`
	CSP      []string     `json:"csp"`
	Overflow int          `json:"overflow"` // page width beyond the viewport, px
	Rendered float64      `json:"rendered"` // ms from navigation start to the first finished render
}

type seriesInfo struct {
	ID   string `json:"id"`
	Name string `json:"name"`
	N    int    `json:"n"`
}

const inspectJS = `(() => {
  const r = {charts: 0, series: [], dataZoom: 0, tables: [], csp: window.__cspViolations || [],
    pwned: window.__pwned === undefined ? null : String(window.__pwned),
    overflow: document.documentElement.scrollWidth - window.innerWidth,
    rendered: window.chronicleRenderedAt || 0};
  document.querySelectorAll('table[id]').forEach(t => r.tables.push(t.id));
  if (!window.echarts) return r;
  const insts = [...document.querySelectorAll('[_echarts_instance_]')].map(e => echarts.getInstanceByDom(e)).filter(Boolean);
  r.charts = insts.length;
  for (const i of insts) {
    const o = i.getOption();
    (o.series || []).forEach(s => r.series.push({id: String(s.id), name: String(s.name), n: (s.data || []).length}));
    r.dataZoom += (o.dataZoom || []).length;
  }
  return r;
})()`

func inspect(tb testing.TB, t *tab) chartInfo {
	tb.Helper()
	return evalJS[chartInfo](tb, t, inspectJS)
}

// tooltipJS zooms out, shows the tooltip of item 0 of the first outlet
// series with data (else of the first series with data: publications)
// and returns its text.
const tooltipJS = `(async () => {
  const sleep = ms => new Promise(r => setTimeout(r, ms));
  const i = echarts.getInstanceByDom(document.getElementById('chronicle-chart'));
  i.dispatchAction({type: 'dataZoom', start: 0, end: 100});
  await sleep(200);
  const all = i.getOption().series;
  let s = all.findIndex(s => (String(s.id).startsWith('outlet-') || String(s.id).startsWith('span-')) && s.data.length);
  if (s < 0) s = all.findIndex(s => s.data.length);
  if (s < 0) return '';
  i.dispatchAction({type: 'showTip', seriesIndex: s, dataIndex: 0});
  await sleep(400);
  const t = [...i.getDom().querySelectorAll('div')].filter(d => !d.querySelector('canvas')
    && getComputedStyle(d).display !== 'none' && d.innerText.trim());
  return t.length ? t[0].innerText.trim() : '';
})()`

// allTipsJS shows the tooltip of every item of every series (so a payload
// in any tooltip would run) and returns how many were shown.
const allTipsJS = `(async () => {
  const sleep = ms => new Promise(r => setTimeout(r, ms));
  const i = echarts.getInstanceByDom(document.getElementById('chronicle-chart'));
  i.dispatchAction({type: 'dataZoom', start: 0, end: 100});
  await sleep(200);
  let n = 0;
  const series = i.getOption().series;
  for (let s = 0; s < series.length; s++) {
    for (let d = 0; d < series[s].data.length && n < 5000; d++) {
      i.dispatchAction({type: 'showTip', seriesIndex: s, dataIndex: d});
      n++;
      if (n % 25 === 0) await sleep(10);
    }
  }
  await sleep(500);
  return n;
})()`

// fullScreenshot saves a PNG of the whole page (chart and tables).
func fullScreenshot(tb testing.TB, t *tab, file string) {
	tb.Helper()
	if d := os.Getenv("CHRONICLE_SCREENSHOTS"); d != "" {
		file = filepath.Join(d, filepath.Base(file))
	}
	png, err := chromedp.Run(t.ctx, chromedp.FullScreenshot(100))
	if err != nil {
		tb.Fatalf("screenshot: %v", err)
	}
	if err := os.WriteFile(file, png, 0o644); err != nil {
		tb.Fatal(err)
	}
	tb.Logf("screenshot: %s", file)
}

// screenshot saves a PNG of the viewport. The file goes where the test
// says (its temp dir), or into $CHRONICLE_SCREENSHOTS when that is set, so
// that a person can keep and look at them.
func screenshot(tb testing.TB, t *tab, file string) {
	tb.Helper()
	if d := os.Getenv("CHRONICLE_SCREENSHOTS"); d != "" {
		file = filepath.Join(d, filepath.Base(file))
	}
	png, err := chromedp.Run(t.ctx, chromedp.CaptureScreenshot())
	if err != nil {
		tb.Fatalf("screenshot: %v", err)
	}
	if err := os.WriteFile(file, png, 0o644); err != nil {
		tb.Fatal(err)
	}
	tb.Logf("screenshot: %s", file)
}
