/* gongkai: the ranking's filters by kind of body and by place, in place and at once. Without this
   script each filter link opens the static page of that kind or place. The ranks are recounted
   among the rows shown (equal scores share a rank), as the static pages count them. */
(function () {
  "use strict";
  var table = document.querySelector("table.ranking[data-filterable]");
  if (!table) return;
  var state = { kind: "", place: "" };
  var links = Array.prototype.slice.call(document.querySelectorAll(".filters a[data-filter]"));
  var count = document.getElementById("ranking-count");
  function rows() {
    var all = [];
    Array.prototype.forEach.call(table.tBodies, function (body) { all = all.concat(Array.prototype.slice.call(body.rows)); });
    return all;
  }
  function matches(row) {
    if (state.kind && row.getAttribute("data-kind") !== state.kind) return false;
    if (state.place && row.getAttribute("data-place") !== state.place) return false;
    return true;
  }
  function rerank(shown) {
    var scored = shown.filter(function (row) { return row.hasAttribute("data-score"); });
    scored.sort(function (a, b) {
      return parseFloat(b.getAttribute("data-score")) - parseFloat(a.getAttribute("data-score"));
    });
    var last = null, rank = 0;
    scored.forEach(function (row, index) {
      var score = parseFloat(row.getAttribute("data-score"));
      if (last === null || score !== last) rank = index + 1;
      last = score;
      row.cells[0].textContent = String(rank);
      row.cells[0].setAttribute("data-sort", String(rank));
    });
  }
  function apply() {
    var shown = [], reports = 0;
    rows().forEach(function (row) {
      var visible = matches(row);
      row.hidden = !visible;
      if (visible) {
        shown.push(row);
        if (row.parentNode === table.tBodies[0]) reports += 1;
      }
    });
    rerank(shown.filter(function (row) { return row.parentNode === table.tBodies[0]; }));
    if (count) count.textContent = String(reports);
    links.forEach(function (link) {
      var current = state[link.getAttribute("data-filter")] === link.getAttribute("data-value");
      if (current) link.setAttribute("aria-current", "page"); else link.removeAttribute("aria-current");
    });
  }
  links.forEach(function (link) {
    link.addEventListener("click", function (event) {
      event.preventDefault();
      state[link.getAttribute("data-filter")] = link.getAttribute("data-value");
      apply();
      var hash = [];
      if (state.kind) hash.push("kind=" + state.kind);
      if (state.place) hash.push("place=" + state.place);
      try { history.replaceState(null, "", hash.length ? "#" + hash.join("&") : location.pathname + location.search); } catch (e) { /* file:// */ }
    });
  });
  location.hash.replace(/^#/, "").split("&").forEach(function (pair) {
    var parts = pair.split("=");
    if (parts.length === 2 && state.hasOwnProperty(parts[0])) state[parts[0]] = decodeURIComponent(parts[1]);
  });
  if (state.kind || state.place) apply();
})();
