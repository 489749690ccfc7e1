// The map of /map: reads the points from the API named in data-points-url and draws them with Leaflet as circle
// markers coloured by level (hotspots) or management status (establishments). With no tile server configured
// (data-tile-url empty) the points are drawn on the plain background of .pcmd-map, fitted to their bounds.
// Names are typed by users: popups are built with textContent, never as HTML.
(function () {
  'use strict';
  var el = document.getElementById('pcmd-map');
  if (!el || typeof L === 'undefined') return;

  // The colours of wwwroot/css/hotspots.css (.map-complex …).
  var colours = {
    complex: '#dc3545', active: '#fd7e14', low: '#ffc107', inactive: '#198754',
    underManagement: '#0d6efd', notUnderManagement: '#6f42c1', closed: '#6c757d'
  };
  var tileUrl = el.getAttribute('data-tile-url') || '';
  var map = L.map(el, { attributionControl: tileUrl !== '' });
  if (tileUrl) {
    L.tileLayer(tileUrl, { attribution: el.getAttribute('data-attribution') || '', maxZoom: 19 }).addTo(map);
  }
  map.setView([21.0285, 105.8542], 10); // Hà Nội, until the points arrive

  function popup(p) {
    var box = document.createElement('div');
    var name = document.createElement('strong');
    name.textContent = p.name;
    box.appendChild(name);
    [p.label, p.orgUnitName].forEach(function (text) {
      if (!text) return;
      var line = document.createElement('div');
      line.textContent = text;
      box.appendChild(line);
    });
    var link = document.createElement('a');
    link.href = p.url;
    link.textContent = el.getAttribute('data-open-label') || 'Xem chi tiết';
    box.appendChild(link);
    return box;
  }

  function fail() {
    var note = document.createElement('p');
    note.className = 'alert alert-warning m-2';
    note.setAttribute('role', 'alert');
    note.textContent = el.getAttribute('data-error-label') || 'Không tải được các điểm.';
    el.parentNode.insertBefore(note, el);
  }

  fetch(el.getAttribute('data-points-url'), { credentials: 'same-origin', headers: { Accept: 'application/json' } })
    .then(function (r) { if (!r.ok) throw new Error('HTTP ' + r.status); return r.json(); })
    .then(function (points) {
      var group = L.featureGroup();
      points.forEach(function (p) {
        var hotspot = p.kind === 'hotspot';
        L.circleMarker([p.lat, p.lng], {
          radius: hotspot ? 8 : 5, color: '#333', weight: 1, opacity: 0.9,
          fillColor: colours[hotspot ? p.level : p.status] || '#6c757d', fillOpacity: hotspot ? 0.85 : 0.7
        }).bindPopup(popup(p)).addTo(group);
      });
      group.addTo(map);
      if (points.length > 0) map.fitBounds(group.getBounds(), { padding: [24, 24], maxZoom: 15 });
      el.setAttribute('data-points', String(points.length));
    })
    .catch(fail);
})();
