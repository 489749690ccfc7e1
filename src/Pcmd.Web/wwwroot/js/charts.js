// Charts of the monitoring pages (Features/Monitoring), drawn by the vendored Chart.js from the table beside each chart, so
// that the figures exist once, as text, for screen readers and for print: <canvas data-chart-table="id" data-chart-type="line|bar">
// reads the table's column headers marked data-label and, per body row, the row header (the series) and data-value cells.
// Series differ by dash and point shape as well as by colour (colour is never the only carrier).
(function () {
  'use strict';
  if (typeof Chart === 'undefined') return;
  var colours = ['#0d6efd', '#6c757d', '#fd7e14', '#198754', '#6f42c1', '#d63384'];
  var dashes = [[], [6, 4], [2, 3], [10, 3, 2, 3], [4, 4], [1, 2]];
  var points = ['circle', 'rect', 'triangle', 'rectRot', 'cross', 'star'];
  document.querySelectorAll('canvas[data-chart-table]').forEach(function (canvas) {
    var table = document.getElementById(canvas.getAttribute('data-chart-table'));
    if (!table) return;
    var labels = Array.prototype.map.call(table.querySelectorAll('thead th[data-label]'), function (th) { return th.textContent.trim(); });
    var rows = Array.prototype.slice.call(table.querySelectorAll('tbody tr'));
    // The newest series (this year) is the last row: draw it first and strongest.
    var datasets = rows.reverse().map(function (tr, i) {
      var c = colours[i % colours.length];
      return {
        label: tr.querySelector('th').textContent.trim(),
        data: Array.prototype.map.call(tr.querySelectorAll('td[data-value]'), function (td) {
          var v = td.getAttribute('data-value');
          return v === '' ? null : Number(v);
        }),
        borderColor: c, backgroundColor: c, borderDash: dashes[i % dashes.length], pointStyle: points[i % points.length],
        borderWidth: i === 0 ? 3 : 2, pointRadius: 3, spanGaps: false
      };
    });
    new Chart(canvas, {
      type: canvas.getAttribute('data-chart-type') || 'line',
      data: { labels: labels, datasets: datasets },
      options: {
        animation: false, responsive: true, maintainAspectRatio: false,
        plugins: { legend: { position: 'bottom', labels: { usePointStyle: true } } },
        scales: { y: { beginAtZero: true } }
      }
    });
  });
})();
