// The shipped Natural Earth boundaries as Leaflet vector layers (no tile
// server): one loader and one style for every map of the newsroom.
window.marsadBoundaries = (function () {
  var styles = {
    land: { color: "#b9b29f", weight: 0.5, fillColor: "#f3efe3", fillOpacity: 1 },
    admin0: { color: "#4d4d4d", weight: 1.4 },
    admin1: { color: "#8c8c8c", weight: 0.7, dashArray: "3 3" }
  };
  var loaded = {};

  // A map credited to Natural Earth, before its layers arrive.
  function credit(map) {
    map.attributionControl.setPrefix(false);
    map.attributionControl.addAttribution("Boundaries: Natural Earth (public domain)");
    return map;
  }

  // The GeoJSON of the boundaries, fetched once per page.
  function load(url) {
    if (!loaded[url]) loaded[url] = fetch(url, { credentials: "same-origin" }).then(function (r) { return r.json(); });
    return loaded[url];
  }

  // Land, countries and governorates (not the label points) onto ``map``.
  function draw(map, data) {
    L.geoJSON(data, {
      filter: function (f) { return f.properties.layer !== "label"; },
      style: function (f) { return styles[f.properties.layer] || {}; },
      interactive: false
    }).addTo(map);
  }

  return { credit: credit, load: load, draw: draw };
})();
