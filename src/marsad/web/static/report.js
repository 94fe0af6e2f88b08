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
