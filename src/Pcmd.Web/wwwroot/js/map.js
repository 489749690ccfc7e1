// The map of /map. The API named in data-points-url answers, per layer, either the points of the area asked or, when
// they are many, counts per grid cell made by the server (clusters); labels and unit names come once per answer in
// `labels` and `units`. First call: the whole area, whose `extent` the map is fitted to; then, after every move or zoom,
// the visible box (bbox=west,south,east,north) and the zoom. Points are circle markers coloured by level (hotspots) or
// management status (establishments); a cluster is a circle with its count that zooms to its points on click.
// With no tile server configured (data-tile-url empty) everything is drawn on the plain background of .pcmd-map.
// Names are typed by users: popups are built with textContent, never as HTML.
(function () {
  'use strict';
  var el = document.getElementById('pcmd-map');
  if (!el || typeof L === 'undefined') return;

  // The colours of wwwroot/css/hotspots.css (.map-complex …).
  var colours = {
    complex: '#dc3545', active: '#fd7e14', low: '#ffc107', inactive: '#198754',
    underManagement: '#0d6efd', notUnderManagement: '#6f42c1', closed: '#6c757d', tip: '#087990'
  };
  var maxZoom = 19;
  var base = el.getAttribute('data-points-url');
  var status = document.querySelector('[data-testid="map-status"]');
  var tileUrl = el.getAttribute('data-tile-url') || '';
  var map = L.map(el, { attributionControl: tileUrl !== '', maxZoom: maxZoom });
  if (tileUrl) {
    L.tileLayer(tileUrl, { attribution: el.getAttribute('data-attribution') || '', maxZoom: maxZoom }).addTo(map);
  }
  map.setView([21.0285, 105.8542], 10); // Hà Nội, until the points arrive
  var drawn = L.layerGroup().addTo(map);
  var pending = null;

  function text(template, values) {
    return (template || '').replace(/\{(\d)\}/g, function (_, i) { return String(values[+i]); });
  }

  function popup(kind, p, answer) {
    var box = document.createElement('div');
    var name = document.createElement('strong');
    name.textContent = p.name;
    box.appendChild(name);
    var labels = answer.labels || {};
    var label = kind === 'hotspot'
      ? [(labels.levels || {})[p.level], (labels.states || {})[p.state]].filter(Boolean).join(' · ')
      : kind === 'tip' ? (labels.layers || {}).tip : (labels.statuses || {})[p.status];
    // Establishments: inspected in the view's year or not (the answer's labels name the year).
    var inspected = p.inspected === undefined ? null : (labels.inspections || {})[p.inspected ? 'inspected' : 'notInspected'];
    [label, inspected, (answer.units || {})[p.unitId]].forEach(function (line) {
      if (!line) return;
      var div = document.createElement('div');
      div.textContent = line;
      box.appendChild(div);
    });
    var link = document.createElement('a');
    link.href = ((answer.urls || {})[kind] || '').replace('{id}', String(p.id));
    link.textContent = el.getAttribute('data-open-label') || 'Xem chi tiết';
    box.appendChild(link);
    return box;
  }

  function cluster(kind, c) {
    var digits = String(c.count).length;
    var size = 26 + 6 * digits;
    var marker = L.marker([c.lat, c.lng], {
      icon: L.divIcon({ className: 'map-cluster map-cluster-' + kind, html: '<span>' + c.count + '</span>', iconSize: [size, size] }),
      title: text(el.getAttribute('data-cluster-label'), [c.count]), keyboard: true
    });
    marker.on('click', function () {
      var b = c.bounds;
      if (map.getZoom() >= maxZoom) return;
      if (b[0] === b[2] && b[1] === b[3]) map.setView([b[0], b[1]], Math.min(maxZoom, map.getZoom() + 3));
      else map.fitBounds([[b[0], b[1]], [b[2], b[3]]], { padding: [24, 24], maxZoom: maxZoom });
    });
    return marker;
  }

  function draw(answer) {
    drawn.clearLayers();
    var points = 0, clusters = 0, total = 0;
    [['hotspot', answer.hotspots], ['establishment', answer.establishments], ['tip', answer.tips]].forEach(function (pair) {
      var kind = pair[0], layer = pair[1];
      if (!layer) return;
      total += layer.total;
      (layer.points || []).forEach(function (p) {
        var hotspot = kind === 'hotspot';
        // An establishment not inspected in the year has a dashed red ring (colour is not the only carrier: the popup says it).
        var notInspected = p.inspected === false;
        L.circleMarker([p.lat, p.lng], {
          radius: hotspot ? 8 : 5, color: notInspected ? '#b02a37' : '#333', weight: notInspected ? 2 : 1, dashArray: notInspected ? '3 2' : null,
          opacity: 0.9, fillColor: colours[hotspot ? p.level : kind === 'tip' ? 'tip' : p.status] || '#6c757d', fillOpacity: hotspot ? 0.85 : 0.7
        }).bindPopup(popup(kind, p, answer)).addTo(drawn);
        points++;
      });
      (layer.clusters || []).forEach(function (c) { cluster(kind, c).addTo(drawn); clusters++; });
    });
    el.setAttribute('data-points', String(points));
    el.setAttribute('data-clusters', String(clusters));
    el.setAttribute('data-zoom', String(map.getZoom()));
    if (status) status.textContent = text(el.getAttribute('data-summary-label'), [total, clusters]);
  }

  function fail(e) {
    if (e && e.name === 'AbortError') return;
    if (document.querySelector('[data-testid="map-error"]')) return;
    var note = document.createElement('p');
    note.className = 'alert alert-warning m-2';
    note.setAttribute('role', 'alert');
    note.setAttribute('data-testid', 'map-error');
    note.textContent = el.getAttribute('data-error-label') || 'Không tải được các điểm.';
    el.parentNode.insertBefore(note, el);
  }

  // A newer view cancels the answer still awaited for the previous one.
  function load(url) {
    if (pending) pending.abort();
    var mine = pending = typeof AbortController === 'function' ? new AbortController() : null;
    return fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' }, signal: mine ? mine.signal : undefined })
      .then(function (r) { if (!r.ok) throw new Error('HTTP ' + r.status); return r.json(); })
      .then(function (answer) { if (pending === mine) { pending = null; draw(answer); } return answer; });
  }

  function clamp(v, lo, hi) { return Math.min(hi, Math.max(lo, v)).toFixed(6); }

  function view() {
    var b = map.getBounds();
    var bbox = [clamp(b.getWest(), -180, 180), clamp(b.getSouth(), -90, 90), clamp(b.getEast(), -180, 180), clamp(b.getNorth(), -90, 90)];
    load(base + (base.indexOf('?') < 0 ? '?' : '&') + 'bbox=' + bbox.join(',') + '&zoom=' + Math.round(map.getZoom())).catch(fail);
  }

  load(base)
    .then(function (answer) {
      var x = answer.extent;
      map.on('moveend', view);
      if (x) map.fitBounds([[x.south, x.west], [x.north, x.east]], { padding: [24, 24], maxZoom: 15 });
    })
    .catch(fail);
})();
