/* chronicle timeline page script. Trusted and static: the page's data is
   read from the JSON script element and every string taken from it is
   HTML-encoded with echarts.format.encodeHTML before it reaches the DOM. */
(function () {
  'use strict';
  var el = document.getElementById('chronicle-chart');
  var P = JSON.parse(document.getElementById('chronicle-data').textContent);
  var D = P.data, opt = P.option;
  opt.series = opt.series || [];
  ['lanes', 'colors', 'shapes', 'src', 's', 'm', 'v', 'bk', 'ev', 'cf'].forEach(function (k) { D[k] = D[k] || []; });
  var enc = echarts.format.encodeHTML;
  var CONFLICT = '#D55E00', LINK = '#555555';

  // Every series but the category axis' labels sits on the hidden value
  // axis (yAxisIndex 1) where lane N is centred on N.
  // D.m[k] = [doc, sentence, exprStart, exprEnd, value, event, conflicts?]
  // D.v[i] = [TIMEX3, granularity, human-readable, point]
  var ctx = null;
  function begin(params) { ctx = params.context; }
  function laneH(api) {
    if (ctx.h === undefined) ctx.h = api.size([0, 1])[1];
    return ctx.h;
  }
  function spanY(lane, slot) { return lane + 0.26 + (slot % 3) * 0.075; }
  function val(item) { return item && item.value !== undefined ? item.value : item; }

  // where each detailed mention is drawn, [x, y] in data units
  var POS = {};
  opt.series.forEach(function (s) {
    var id = String(s.id);
    if (id.indexOf('outlet-') === 0) {
      s.data.forEach(function (item) {
        var v = val(item), p = [v[0], v[1]];
        if (D.agg) D.bk[v[2]].m.forEach(function (k) { POS[k] = p; });
        else POS[v[2]] = p;
      });
    } else if (id.indexOf('span-') === 0) {
      s.data.forEach(function (v) {
        var p = [(v[0] + v[1]) / 2, spanY(v[2], v[4])];
        if (D.agg) D.bk[v[3]].m.forEach(function (k) { POS[k] = p; });
        else POS[v[3]] = p;
      });
    }
  });
  function posOf(api, k) { return api.coord(POS[k] || [0, 0]); }
  function hasConflict(idx) {
    if (!D.agg) return !!D.m[idx][6];
    return D.bk[idx].m.some(function (k) { return !!D.m[k][6]; });
  }

  // a coarse value: a pale bar across its interval, less solid than a point
  function renderSpan(params, api) {
    begin(params);
    var x0 = api.value(0), x1 = api.value(1), lane = api.value(2), idx = api.value(3), slot = api.value(4);
    var color = D.colors[lane], conflict = hasConflict(idx);
    var a = api.coord([x0, spanY(lane, slot)]), e = api.coord([x1, lane]);
    var hh = Math.max(4, laneH(api) * 0.06), w = Math.max(e[0] - a[0], 3);
    return {type: 'rect', shape: {x: a[0], y: a[1] - hh / 2, width: w, height: hh, r: 2},
      style: {fill: color, opacity: conflict ? 0.5 : 0.28, stroke: conflict ? CONFLICT : color, lineWidth: conflict ? 2 : 1}};
  }

  function renderPub(params, api) {
    begin(params);
    var x0 = api.value(0), x1 = api.value(1), lane = api.value(2);
    var color = D.colors[lane], h = laneH(api), p = api.coord([x0, lane - 0.46]);
    var top = p[1], x = p[0], s = Math.max(4, Math.min(7, h * 0.08));
    var style = {stroke: color, lineWidth: 2, fill: 'none'};
    if (x1 > x0) {
      var b = api.coord([x1, lane])[0];
      return {type: 'group', children: [
        {type: 'polyline', shape: {points: [[x, top + s], [x, top], [b, top], [b, top + s]]}, style: style},
        {type: 'polygon', shape: {points: [[(x + b) / 2 - s, top], [(x + b) / 2 + s, top], [(x + b) / 2, top + s * 1.4]]}, style: {fill: color}}
      ]};
    }
    return {type: 'group', children: [
      {type: 'line', shape: {x1: x, y1: top, x2: x, y2: top + h * 0.3}, style: style},
      {type: 'polygon', shape: {points: [[x - s, top], [x + s, top], [x, top + s * 1.4]]}, style: {fill: color}}
    ]};
  }

  function renderLink(params, api) {
    begin(params);
    var ev = D.ev[api.value(3)];
    var pts = ev.m.map(function (k) { return posOf(api, k); });
    pts.sort(function (a, b) { return a[1] - b[1] || a[0] - b[0]; });
    return {type: 'polyline', shape: {points: pts}, style: {stroke: LINK, lineWidth: 1.5, lineDash: [5, 4], fill: 'none', opacity: 0.8}};
  }

  function renderConflict(params, api) {
    begin(params);
    var x0 = api.value(0), x1 = api.value(1), cf = D.cf[api.value(3)];
    var pts = cf.m.map(function (k) { return posOf(api, k); });
    var lanes = cf.m.map(function (k) { return Math.round((POS[k] || [0, 0])[1]); });
    var l0 = Math.min.apply(null, lanes), l1 = Math.max.apply(null, lanes);
    var a = api.coord([x0, l0 - 0.5]), b = api.coord([x1, l1 + 0.5]);
    var top = a[1], bottom = b[1];
    a = a[0]; b = b[0];
    if (b - a < 10) { a -= 5; b += 5; }
    pts.sort(function (p, q) { return p[1] - q[1] || p[0] - q[0]; });
    var many = D.cf.length > 30;
    var line = {type: 'polyline', shape: {points: pts}, style: {stroke: CONFLICT, lineWidth: many ? 1.2 : 2.5, opacity: many ? 0.6 : 1, fill: 'none'}};
    // a band behind the sides, unless there are so many that bands would
    // wash the chart out: then the joining lines alone
    if (many) return line;
    return {type: 'group', children: [
      {type: 'rect', shape: {x: a, y: top, width: b - a, height: bottom - top}, style: {fill: CONFLICT, opacity: 0.10}},
      line
    ]};
  }

  function quote(k) {
    var m = D.m[k], s = D.s[m[1]];
    return enc(s.slice(0, m[2])) + '<mark>' + enc(s.slice(m[2], m[3])) + '</mark>' + enc(s.slice(m[3]));
  }
  function mentionTip(k) {
    var m = D.m[k], src = D.src[m[0]], v = D.v[m[4]];
    var h = '<div class="tt-o">' + enc(D.lanes[src.o]) + '</div>' +
      '<div class="tt-p">' + enc(src.t) + '<br>published ' + enc(src.p) + '</div>' +
      '<div class="tt-q">' + quote(k) + '</div>' +
      '<div class="tt-v">' + enc(v[2]) + ' · <code>' + enc(v[0]) + '</code> · ' + enc(v[1]) + '</div>';
    if (m[5] >= 0) h += '<div class="tt-e">event: ' + enc(D.ev[m[5]].l) + '</div>';
    (m[6] || []).forEach(function (ci) { h += '<div class="tt-c">conflict ' + enc(D.cf[ci].id) + ': ' + enc(D.cf[ci].t) + '</div>'; });
    return h;
  }
  function conflictTip(ci) {
    var cf = D.cf[ci];
    var h = '<div class="tt-c">Conflict ' + enc(cf.id) + ' (' + enc(cf.k) + ')</div><div class="tt-v">' + enc(cf.t) + '</div>';
    cf.m.forEach(function (k) {
      var m = D.m[k], src = D.src[m[0]], v = D.v[m[4]];
      h += '<div class="tt-side"><b>' + enc(D.lanes[src.o]) + '</b>, published ' + enc(src.p) + ': ' + enc(v[2]) +
        ' <code>' + enc(v[0]) + '</code><div class="tt-q">' + quote(k) + '</div></div>';
    });
    return h;
  }
  function eventTip(ei) {
    var ev = D.ev[ei];
    var h = '<div class="tt-o">Event ' + enc(ev.id) + '</div><div class="tt-v">' + enc(ev.l) + '<br>' + enc(ev.w) + ' · ' + ev.n + ' outlet(s)</div>';
    ev.m.slice(0, 6).forEach(function (k) { h += '<div class="tt-side"><b>' + enc(D.lanes[D.src[D.m[k][0]].o]) + '</b>: <span class="tt-q">' + quote(k) + '</span></div>'; });
    return h;
  }
  function day(ms) { return new Date(ms).toISOString().slice(0, 10); }
  function bucketTip(bi, lane, when) {
    var b = D.bk[bi], h = '<div class="tt-o">' + enc(D.lanes[lane]) + '</div><div class="tt-v">' + b.n + ' mention(s), ' + enc(when) + '</div>';
    b.m.forEach(function (k) { h += '<div class="tt-side">' + mentionTip(k) + '</div>'; });
    if (b.n > b.m.length) h += '<div class="tt-p">zoom in or see the CSV for the other ' + (b.n - b.m.length) + '</div>';
    return h;
  }
  function tip(p) {
    var id = p.seriesId || '', v = p.value || [];
    if (id.indexOf('outlet-') === 0) return D.agg ? bucketTip(v[2], Math.round(v[1]), 'around ' + day(v[0])) : mentionTip(v[2]);
    if (id.indexOf('span-') === 0) return D.agg ? bucketTip(v[3], v[2], day(v[0]) + ' – ' + day(v[1] - 1)) : mentionTip(v[3]);
    if (id.indexOf('pub-') === 0) {
      var src = D.src[v[3]];
      return '<div class="tt-o">' + enc(D.lanes[src.o]) + '</div><div class="tt-p">' + enc(src.t) + '<br>' + enc(src.f) + '<br>published ' + enc(src.p) + '</div>';
    }
    if (id === 'events') return eventTip(v[3]);
    if (id === 'conflicts') return conflictTip(v[3]);
    return '';
  }

  var renderers = {events: renderLink, conflicts: renderConflict};
  opt.series.forEach(function (s) {
    var id = String(s.id);
    if (id.indexOf('outlet-') === 0) {
      if (D.agg) s.symbolSize = function (v) { return Math.min(24, 7 + 4 * Math.log(v[3]) / Math.LN10); };
      s.large = s.data.length > 5000;
      s.emphasis = {scale: 1.6};
    } else {
      s.renderItem = renderers[id] || (id.indexOf('pub-') === 0 ? renderPub : renderSpan);
    }
    s.clip = true;
  });
  opt.tooltip.formatter = tip;
  opt.tooltip.confine = true;
  opt.tooltip.enterable = true;
  opt.tooltip.extraCssText = 'max-width:min(440px,86vw);white-space:normal;';
  opt.xAxis[0].axisLabel.formatter = {year: '{yyyy}', month: '{MMM} {yyyy}', day: '{d} {MMM}', hour: '{HH}:{mm}', minute: '{HH}:{mm}', second: '{HH}:{mm}:{ss}', millisecond: '{HH}:{mm}:{ss}'};
  opt.dataZoom.forEach(function (z) { z.startValue = D.view[0]; z.endValue = D.view[1]; });

  var chart = echarts.init(el, null, {renderer: 'canvas'});
  chart.on('finished', function () {
    if (!window.chronicleRenderedAt) window.chronicleRenderedAt = performance.now();
  });
  function layout() {
    var narrow = el.clientWidth < 640;
    opt.grid[0].left = narrow ? 6 : 16;
    opt.grid[0].right = narrow ? 14 : 36;
    opt.yAxis[0].axisLabel.width = narrow ? 76 : 170;
    opt.yAxis[0].axisLabel.fontSize = narrow ? 10 : 12;
    opt.xAxis[0].splitNumber = narrow ? 3 : 8;
  }
  layout();
  chart.setOption(opt);
  window.addEventListener('resize', function () { layout(); chart.setOption({grid: opt.grid, yAxis: opt.yAxis, xAxis: opt.xAxis}); chart.resize(); });

  function focus(row) {
    var x0 = +row.getAttribute('data-x0'), x1 = +row.getAttribute('data-x1');
    var pad = Math.max((x1 - x0) * 0.4, 3 * 86400000);
    chart.dispatchAction({type: 'dataZoom', startValue: x0 - pad, endValue: x1 + pad});
    document.querySelectorAll('tr.focused').forEach(function (r) { r.classList.remove('focused'); });
    row.classList.add('focused');
    el.scrollIntoView({block: 'nearest'});
  }
  // the tables come after this script in the page: listen on the document
  function rowOf(e) { return e.target.closest ? e.target.closest('tr[data-x0]') : null; }
  document.addEventListener('click', function (e) { var row = rowOf(e); if (row) focus(row); });
  document.addEventListener('keydown', function (e) {
    var row = rowOf(e);
    if (row && (e.key === 'Enter' || e.key === ' ')) { e.preventDefault(); focus(row); }
  });
}());
