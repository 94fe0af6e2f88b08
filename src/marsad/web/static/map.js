// The incident map: the shipped Natural Earth boundaries as vector layers
// (no tile server), incidents as circles coloured by location precision.
(function () {
  var box = document.getElementById("map");
  if (!box || !window.L) return;
  var map = marsadBoundaries.credit(L.map(box, { zoomSnap: 0.5, attributionControl: true }).setView([35.0, 39.0], 6));
  var colours = { 1: "#b3261e", 2: "#e08a00", 3: "#6b7a99" };
  marsadBoundaries.load(box.dataset.boundaries).then(function (data) {
    marsadBoundaries.draw(map, data);
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
