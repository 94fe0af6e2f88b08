// Click a highlighted span to bring its fact card into view (and back).
document.addEventListener("click", function (event) {
  var mark = event.target.closest("mark[data-fact]");
  if (!mark) return;
  document.querySelectorAll(".active").forEach(function (el) { el.classList.remove("active"); });
  var card = document.getElementById(mark.dataset.fact);
  if (card) { card.classList.add("active"); card.scrollIntoView({ behavior: "smooth", block: "center" }); }
  document.querySelectorAll('mark[data-fact="' + mark.dataset.fact + '"]').forEach(function (el) { el.classList.add("active"); });
});

// After a decision, colour the fact's highlighted spans by its new status.
document.addEventListener("htmx:afterSwap", function (event) {
  var card = event.detail.elt && event.detail.elt.id ? document.getElementById(event.detail.elt.id) : null;
  if (!card) { card = event.target; }
  if (!card || !card.id) return;
  var status = ["verified", "corrected", "rejected", "in_review", "machine"].find(function (s) { return card.classList.contains(s); });
  document.querySelectorAll('mark[data-fact="' + card.id + '"]').forEach(function (mark) {
    mark.classList.remove("verified", "corrected", "rejected", "in_review", "machine");
    if (status) mark.classList.add(status);
  });
});

// "Correct" on an event opens a small offline map (boundaries.js, no tiles): a
// click there fills the correction's latitude and longitude, so a reviewer
// places an event by pointing rather than by typing coordinates.
function initPicker(box) {
  if (box.dataset.ready || !window.L) return;
  box.dataset.ready = "1";
  var form = box.closest("form");
  var lat = form.querySelector("input[data-field=latitude]");
  var lon = form.querySelector("input[data-field=longitude]");
  var start = [parseFloat(box.dataset.lat), parseFloat(box.dataset.lon)];
  var known = !isNaN(start[0]) && !isNaN(start[1]);
  var map = marsadBoundaries.credit(L.map(box, { zoomSnap: 0.5, attributionControl: true }).setView(known ? start : [35.0, 39.0], known ? 8 : 6));
  function dot(point) { return L.circleMarker(point, { radius: 7, color: "#fff", weight: 1, fillColor: "#b3261e", fillOpacity: 0.9 }).addTo(map); }
  var marker = known ? dot(start) : null;
  marsadBoundaries.load(box.dataset.boundaries).then(function (data) {
    marsadBoundaries.draw(map, data);
    if (marker) marker.bringToFront();
    box.dataset.loaded = "1";
  });
  map.on("click", function (event) {
    var point = [Math.round(event.latlng.lat * 1e5) / 1e5, Math.round(event.latlng.lng * 1e5) / 1e5];
    lat.value = point[0];
    lon.value = point[1];
    if (marker) marker.setLatLng(point); else marker = dot(point);
  });
}

// <details> toggles do not bubble: listen in the capture phase.
document.addEventListener("toggle", function (event) {
  if (!event.target.open) return;
  event.target.querySelectorAll(".pick-map").forEach(initPicker);
}, true);
