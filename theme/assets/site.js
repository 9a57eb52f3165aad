/* gongkai: sortable tables. Pages are complete without this script; it only adds sorting. */
(function () {
  "use strict";
  function cellValue(row, index) {
    var cell = row.cells[index];
    if (!cell) return { num: NaN, text: "" };
    var sort = cell.getAttribute("data-sort");
    var text = cell.textContent.trim();
    var num = sort !== null ? parseFloat(sort) : parseFloat(text.replace(/,/g, ""));
    return { num: num, text: text };
  }
  function compare(a, b) {
    var aNum = !isNaN(a.num), bNum = !isNaN(b.num);
    if (aNum && bNum) return a.num - b.num;
    if (aNum) return -1;
    if (bNum) return 1;
    return a.text.localeCompare(b.text, "zh-CN");
  }
  function sortBy(table, header, index) {
    var body = table.tBodies[0];
    if (!body) return;
    var ascending = header.getAttribute("aria-sort") !== "ascending";
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (r1, r2) {
      var result = compare(cellValue(r1, index), cellValue(r2, index));
      return ascending ? result : -result;
    });
    rows.forEach(function (row) { body.appendChild(row); });
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
