// Click a highlighted span to bring its fact card into view (and back).
document.addEventListener("click", function (event) {
  var mark = event.target.closest("mark[data-fact]");
  if (!mark) return;
  document.querySelectorAll(".active").forEach(function (el) { el.classList.remove("active"); });
  var card = document.getElementById(mark.dataset.fact);
  if (card) { card.classList.add("active"); card.scrollIntoView({ behavior: "smooth", block: "center" }); }
  document.querySelectorAll('mark[data-fact="' + mark.dataset.fact + '"]').forEach(function (el) { el.classList.add("active"); });
});
