// The incident map: the shipped Natural Earth boundaries as vector layers
// (no tile server), incidents as circles coloured by location precision.
(function () {
  var box = document.getElementById("map");
  if (!box || !window.L) return;
  var map = L.map(box, { zoomSnap: 0.5, attributionControl: true }).setView([35.0, 39.0], 6);
  map.attributionControl.setPrefix(false);
  map.attributionControl.addAttribution("Boundaries: Natural Earth (public domain)");
  var colours = { 1: "#b3261e", 2: "#e08a00", 3: "#6b7a99" };
  var styles = {
    land: { color: "#b9b29f", weight: 0.5, fillColor: "#f3efe3", fillOpacity: 1 },
    admin0: { color: "#4d4d4d", weight: 1.4 },
    admin1: { color: "#8c8c8c", weight: 0.7, dashArray: "3 3" }
  };
  fetch(box.dataset.boundaries, { credentials: "same-origin" }).then(function (r) { return r.json(); }).then(function (data) {
    L.geoJSON(data, {
      filter: function (f) { return f.properties.layer !== "label"; },
      style: function (f) { return styles[f.properties.layer] || {}; },
      interactive: false
    }).addTo(map);
    data.features.filter(function (f) { return f.properties.layer === "label"; }).forEach(function (f) {
      var c = f.geometry.coordinates;
      L.marker([c[1], c[0]], { icon: L.divIcon({ className: "country-label", html: f.properties.name || "" }), interactive: false }).addTo(map);
    });
    return fetch(box.dataset.points, { credentials: "same-origin" });
  }).then(function (r) { return r.json(); }).then(function (points) {
    var bounds = [];
    points.forEach(function (p) {
      var precision = Math.min(Math.max(p.precision || 3, 1), 3);
      L.circleMarker([p.lat, p.lon], { radius: 7, color: "#fff", weight: 1, fillColor: colours[precision], fillOpacity: 0.9 })
        .bindPopup('<a href="/incidents/' + p.id + '">Incident ' + p.id + "</a><br>" + L.Util.template("{l}", { l: p.label.replace(/[<>&]/g, "") }))
        .addTo(map);
      bounds.push([p.lat, p.lon]);
    });
    if (bounds.length) map.fitBounds(bounds, { padding: [60, 60], maxZoom: 7 });
  });
})();
