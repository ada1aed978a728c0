// Finder: choosing a pain area (body map or button) or a condition shows its prepared result block.
(function () {
  "use strict";
  var result = document.getElementById("finder-result");
  if (!result) { return; }

  function choose(kind, id, fromMap) {
    var block = document.getElementById(kind + "-" + id);
    if (!block) { return; }
    result.replaceChildren(block.content.cloneNode(true));
    document.querySelectorAll("button[aria-pressed]").forEach(function (b) {
      b.setAttribute("aria-pressed", String(b.getAttribute("data-" + kind) === id));
    });
    document.querySelectorAll(".view .target").forEach(function (shape) {
      shape.classList.toggle("chosen", kind === "region" && shape.getAttribute("data-region") === id);
    });
    if (fromMap) { result.scrollIntoView({ block: "nearest" }); }
  }

  document.addEventListener("click", function (event) {
    var el = event.target.closest("[data-region], [data-condition]");
    if (!el) { return; }
    var kind = el.hasAttribute("data-region") ? "region" : "condition";
    choose(kind, el.getAttribute("data-" + kind), el.tagName.toLowerCase() !== "button");
  });

  var wanted = /^#(region|condition)=([a-z0-9_]+)$/.exec(window.location.hash);
  if (wanted) { choose(wanted[1], wanted[2], true); }
}());
