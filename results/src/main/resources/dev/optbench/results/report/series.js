/* Draws the report's time-series small multiples with uPlot from the JSON in #series-data.
   Inlined into the report; no network. Each chart's static SVG is the fallback without scripts. */
(function () {
  var data = JSON.parse(document.getElementById('series-data').textContent);
  var charts = {};
  function nearest(arr, i) {
    for (var d = 0; d < 6; d++) {
      if (arr[i - d] != null) return arr[i - d];
      if (arr[i + d] != null) return arr[i + d];
    }
    return null;
  }
  function readout(unit, u, kind, list) {
    var el = document.querySelector('.readout[data-unit="' + unit + '"]');
    var i = u.cursor.idx;
    if (el == null || i == null) return;
    var parts = ['t ' + u.data[0][i].toFixed(2) + ' s'];
    list.forEach(function (s, k) {
      if (!s[1]) return;
      var v = nearest(u.data[k + 1], i);
      if (v != null) {
        parts.push(data.variants[s[0]].name + ' ' + v.toFixed(1) + (kind === 'cpu' ? ' %' : ' MiB'));
      }
    });
    el.textContent = (kind === 'cpu' ? 'CPU: ' : 'memory: ') + parts.join(' · ');
  }
  document.querySelectorAll('.ts').forEach(function (el) {
    var unit = +el.dataset.unit, kind = el.dataset.kind;
    var list = data.units[unit][kind];
    if (!list.length) return;
    var table = uPlot.join(list.map(function (s) { return [s[2], s[3]]; }));
    var series = [{ label: 's' }].concat(list.map(function (s) {
      var c = data.variants[s[0]].colour;
      return {
        label: data.variants[s[0]].name + (s[1] ? '' : ' (other invocation)'),
        stroke: s[1] ? c : c + '40',
        width: s[1] ? 2 : 1,
        spanGaps: true,
        points: { show: false }
      };
    }));
    var fallback = el.querySelector('.svgfb');
    var width = Math.max(240, Math.floor(el.getBoundingClientRect().width) || 540);
    if (fallback) fallback.remove();
    charts[unit + kind] = new uPlot({
      width: width,
      height: 200,
      legend: { show: false },
      // From 0, so a variant's level reads as a share of a core or of the memory, not a wiggle.
      scales: { x: { time: false }, y: { range: function (u, min, max) { return [0, max > 0 ? max * 1.05 : 1]; } } },
      axes: [
        { label: 's since the invocation started', size: 40, labelSize: 16 },
        { label: el.dataset.label, size: 50, labelSize: 16 }
      ],
      series: series,
      cursor: { drag: { x: true, y: false } },
      hooks: { setCursor: [function (u) { readout(unit, u, kind, list); }] }
    }, table, el);
  });
  document.documentElement.classList.add('charts-drawn');
})();
