// Search over the index written at publish time (search-index.js); every word typed must match.
(function () {
  "use strict";
  var input = document.getElementById("q");
  var list = document.getElementById("search-results");
  var count = document.getElementById("search-count");
  var index = window.PERFECT_SPOTS_INDEX || [];

  function fold(text) {
    return text.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "");
  }

  function search(query) {
    var words = fold(query).split(/\s+/).filter(Boolean);
    var hits = [];
    index.forEach(function (entry) {
      var title = fold(entry.title);
      var all = title + " " + fold(entry.text) + " " + fold(entry.where);
      if (words.length && words.every(function (w) { return all.indexOf(w) !== -1; })) {
        var score = words.every(function (w) { return title.indexOf(w) !== -1; }) ? 0 : 1;
        hits.push([score, entry]);
      }
    });
    hits.sort(function (a, b) { return a[0] - b[0]; });
    return hits.map(function (h) { return h[1]; });
  }

  function show() {
    var hits = search(input.value);
    list.replaceChildren();
    hits.forEach(function (entry) {
      var li = document.createElement("li");
      var a = document.createElement("a");
      a.href = entry.url;
      a.textContent = entry.title;
      var kind = document.createElement("span");
      kind.className = "kind";
      kind.textContent = " (" + entry.kind + (entry.where ? ": " + entry.where : "") + ")";
      li.append(a, kind);
      list.append(li);
    });
    count.textContent = input.value.trim() ? count.getAttribute("data-template").replace("{count}", hits.length) : "";
  }

  input.addEventListener("input", show);
  input.form.addEventListener("submit", function (event) { event.preventDefault(); show(); });
  var q = new URLSearchParams(window.location.search).get("q");
  if (q) { input.value = q; show(); }
}());
