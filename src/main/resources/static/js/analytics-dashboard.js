// The dashboard's charts: ECharts over the same JSON the server rendered the tables from (/app/dashboard/data).
// Every chart has a text summary (aria-label) and a table next to it; without scripts the tables stay.
(function () {
  'use strict';
  function ready(fn) {
    if (document.readyState !== 'loading') { fn(); } else { document.addEventListener('DOMContentLoaded', fn); }
  }
  function chart(id, option) {
    var el = document.getElementById(id);
    if (!el || !window.echarts) { return; }
    var c = window.echarts.init(el, null, { renderer: 'canvas' });
    c.setOption(option);
    window.addEventListener('resize', function () { c.resize(); });
  }
  function rows(id) {
    var table = document.getElementById(id);
    if (!table) { return []; }
    return Array.prototype.map.call(table.querySelectorAll('tbody tr'), function (tr) {
      return Array.prototype.map.call(tr.cells, function (td) { return td.textContent.trim(); });
    }).filter(function (r) { return r.length > 1; });
  }
  function draw(data) {
    var trendNames = Array.prototype.map.call(document.querySelectorAll('#table-trend thead th'), function (th) {
      return th.textContent.trim();
    });
    chart('chart-trend', {
      animation: false,
      tooltip: { trigger: 'axis' },
      legend: { data: trendNames.slice(1) },
      grid: { left: 40, right: 16, top: 32, bottom: 24 },
      xAxis: { type: 'category', data: data.trend.map(function (t) { return t.from; }) },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        { name: trendNames[1], type: 'line', data: data.trend.map(function (t) { return t.evaluations; }) },
        { name: trendNames[2], type: 'line', data: data.trend.map(function (t) { return t.good; }) },
        { name: trendNames[3], type: 'line', data: data.trend.map(function (t) { return t.bad; }) }
      ]
    });
    var levelNames = rows('table-levels').map(function (r) { return r[0]; });
    chart('chart-levels', {
      animation: false,
      tooltip: { trigger: 'item' },
      series: [{ type: 'pie', radius: ['35%', '65%'],
        data: data.levels.map(function (l, i) { return { name: levelNames[i] || String(l.level), value: l.count }; }) }]
    });
    var channelNames = rows('table-channels').map(function (r) { return r[0]; });
    chart('chart-channels', {
      animation: false,
      tooltip: { trigger: 'item' },
      series: [{ type: 'pie', radius: '65%',
        data: data.channels.map(function (c, i) { return { name: channelNames[i] || c.key, value: c.count }; }) }]
    });
    chart('chart-reasons', {
      animation: false,
      tooltip: { trigger: 'axis' },
      grid: { left: 120, right: 16, top: 8, bottom: 24 },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', inverse: true, data: data.reasons.map(function (r) { return r.name || r.key; }) },
      series: [{ type: 'bar', data: data.reasons.map(function (r) { return r.count; }) }]
    });
  }
  ready(function () {
    var main = document.getElementById('dashboard');
    if (!main || !document.getElementById('chart-trend')) { return; }
    fetch(main.getAttribute('data-source'), { headers: { 'Accept': 'application/json' }, credentials: 'same-origin' })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (data) { if (data) { draw(data); } });
  });
})();
