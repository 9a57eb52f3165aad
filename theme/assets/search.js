/* gongkai offline search: the index (assets/search-index.js loads one script per year, each a
   shard pushed onto window.GONGKAI_SEARCH_SHARDS) maps overlapping character pairs (bigrams) to
   documents; a query's bigrams narrow the candidates, then an exact substring check on the
   normalised text confirms each hit. Works from file:// (no fetch). */
(function () {
  "use strict";
  var shards = window.GONGKAI_SEARCH_SHARDS || (window.GONGKAI_SEARCH ? [window.GONGKAI_SEARCH] : null);
  var status = document.getElementById("search-status");
  var list = document.getElementById("search-results");
  var input = document.getElementById("search-query");
  if (!shards || !status || !list) return;
  function normalise(text) {
    return text.replace(/[\uFF01-\uFF5E]/g, function (c) { return String.fromCharCode(c.charCodeAt(0) - 0xFEE0); })
      .replace(/\u3000/g, " ").replace(/\s+/g, "").toLowerCase();
  }
  function bigrams(text) {
    var grams = [];
    for (var i = 0; i + 1 < text.length; i++) grams.push(text.substr(i, 2));
    return grams;
  }
  function candidates(index, query) {
    var grams = bigrams(query);
    if (grams.length === 0) return index.docs.map(function (_, i) { return i; });
    var result = null;
    for (var g = 0; g < grams.length; g++) {
      var posting = index.grams[grams[g]] || [];
      if (result === null) { result = posting.slice(); continue; }
      var set = {};
      posting.forEach(function (d) { set[d] = true; });
      result = result.filter(function (d) { return set[d]; });
      if (result.length === 0) break;
    }
    return result || [];
  }
  function snippet(doc, query) {
    var at = doc.n.indexOf(query);
    if (at < 0) return null;
    var start = Math.max(0, at - 30);
    return { before: doc.n.slice(start, at), hit: doc.n.substr(at, query.length), after: doc.n.substr(at + query.length, 40) };
  }
  function render(query) {
    list.textContent = "";
    var q = normalise(query);
    if (!q) { status.textContent = "请输入检索词。"; return; }
    var hits = [];
    shards.forEach(function (index) {
      candidates(index, q).forEach(function (i) {
        var doc = index.docs[i];
        var inTitle = normalise(doc.t).indexOf(q) >= 0;
        var s = snippet(doc, q);
        if (inTitle || s) hits.push({ doc: doc, s: s, inTitle: inTitle });
      });
    });
    hits.sort(function (a, b) { return (b.inTitle - a.inTitle) || (b.doc.y - a.doc.y); });
    status.textContent = "“" + query + "”：找到 " + hits.length + " 份报告。";
    hits.forEach(function (hit) {
      var li = document.createElement("li");
      var a = document.createElement("a");
      a.href = hit.doc.u;
      a.textContent = hit.doc.t;
      li.appendChild(a);
      if (hit.s) {
        var span = document.createElement("span");
        span.className = "snippet";
        span.appendChild(document.createTextNode("…" + hit.s.before));
        var mark = document.createElement("mark");
        mark.textContent = hit.s.hit;
        span.appendChild(mark);
        span.appendChild(document.createTextNode(hit.s.after + "…"));
        li.appendChild(span);
      }
      list.appendChild(li);
    });
  }
  var params = new URLSearchParams(window.location.search);
  var query = params.get("q") || "";
  if (input) input.value = query;
  if (query) render(query); else status.textContent = "输入机关名称或报告中的任意词句，例如“依申请公开”。";
})();
