/* gongkai: sortable tables. Pages are complete without this script; it only adds sorting.
   A cell with no value (“?”, “—”, data-unknown, or no number in a column of numbers) stays
   after the others in both directions. */
(function () {
  "use strict";
  function cellValue(row, index) {
    var cell = row.cells[index];
    if (!cell) return { num: NaN, text: "", unknown: true };
    var sort = cell.getAttribute("data-sort");
    var text = cell.textContent.trim();
    var num = sort !== null ? parseFloat(sort) : parseFloat(text.replace(/,/g, ""));
    var unknown = cell.hasAttribute("data-unknown") || cell.classList.contains("unknown") || text === "?" || text === "—";
    return { num: num, text: text, unknown: unknown };
  }
  function compare(a, b, numeric) {
    if (numeric) return a.num - b.num;
    return a.text.localeCompare(b.text, "zh-CN");
  }
  function sortBy(table, header, index) {
    var body = table.tBodies[0];
    if (!body) return;
    var ascending = header.getAttribute("aria-sort") !== "ascending";
    var rows = Array.prototype.slice.call(body.rows);
    var values = rows.map(function (row, at) { return { row: row, at: at, value: cellValue(row, index) }; });
    var numeric = values.some(function (v) { return !v.value.unknown && !isNaN(v.value.num); });
    values.forEach(function (v) { if (numeric && isNaN(v.value.num)) v.value.unknown = true; });
    values.sort(function (x, y) {
      if (x.value.unknown !== y.value.unknown) return x.value.unknown ? 1 : -1;
      var result = x.value.unknown ? 0 : compare(x.value, y.value, numeric);
      if (!ascending) result = -result;
      return result || x.at - y.at;
    });
    values.forEach(function (v) { body.appendChild(v.row); });
    Array.prototype.forEach.call(table.querySelectorAll("thead th"), function (th) { th.removeAttribute("aria-sort"); });
    header.setAttribute("aria-sort", ascending ? "ascending" : "descending");
  }
  Array.prototype.forEach.call(document.querySelectorAll("table.sortable"), function (table) {
    var headRow = table.tHead && table.tHead.rows[table.tHead.rows.length - 1];
    if (!headRow) return;
    Array.prototype.forEach.call(headRow.cells, function (th, index) {
      th.tabIndex = 0;
      th.title = "点击排序";
      th.addEventListener("click", function () { sortBy(table, th, index); });
      th.addEventListener("keydown", function (event) {
        if (event.key === "Enter" || event.key === " ") { event.preventDefault(); sortBy(table, th, index); }
      });
    });
  });
})();
