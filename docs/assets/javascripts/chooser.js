// The comparison page's chooser: tick what matters, and the tools that fit stay highlighted.
// Plain DOM, no framework, no network. Without JavaScript the form stays hidden and the full
// table is shown. The questions and the values they accept come from the data file.
(function () {
  "use strict";

  function setUp() {
    var form = document.getElementById("guide-chooser");
    var table = document.getElementById("guide-comparison");
    if (!form || !table || form.dataset.ready) return;
    form.dataset.ready = "true";
    form.hidden = false;

    var tools = Array.prototype.map.call(table.querySelectorAll("thead th[data-tool]"), function (th) {
      // The header's link holds the name; its text also has the version, after a <br>.
      return { slug: th.dataset.tool, name: th.querySelector("a").textContent.trim() };
    });
    var result = form.querySelector(".guide-chooser__result");

    function valueOf(tool, criterion) {
      var cell = table.querySelector(
        'td[data-tool="' + tool + '"][data-criterion="' + criterion + '"]'
      );
      return cell ? cell.dataset.value : null;
    }

    function update() {
      var ticked = Array.prototype.filter.call(form.elements, function (el) {
        return el.type === "checkbox" && el.checked;
      });
      var fitting = tools.filter(function (tool) {
        return ticked.every(function (box) {
          return JSON.parse(box.dataset.accepts).indexOf(valueOf(tool.slug, box.dataset.criterion)) !== -1;
        });
      });
      var fits = {};
      fitting.forEach(function (tool) { fits[tool.slug] = true; });
      table.querySelectorAll("[data-tool]").forEach(function (cell) {
        cell.classList.toggle("guide-fit", ticked.length > 0 && !!fits[cell.dataset.tool]);
        cell.classList.toggle("guide-unfit", ticked.length > 0 && !fits[cell.dataset.tool]);
      });
      // Highlight the values that decided it, in the rows the reader asked about.
      table.querySelectorAll("td[data-criterion]").forEach(function (cell) {
        var box = ticked.filter(function (b) { return b.dataset.criterion === cell.dataset.criterion; })[0];
        cell.classList.toggle("guide-match", !!box && JSON.parse(box.dataset.accepts).indexOf(cell.dataset.value) !== -1);
      });
      if (!ticked.length) {
        result.textContent = "";
      } else if (!fitting.length) {
        result.textContent = "No tool fits all of these: untick the one that matters least.";
      } else {
        result.textContent = (fitting.length === 1 ? "1 tool fits: " : fitting.length + " tools fit: ") +
          fitting.map(function (t) { return t.name; }).join(", ") + ".";
      }
    }

    form.addEventListener("change", update);
    update();
  }

  // Material's instant navigation swaps pages without a reload: listen to its page observable.
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(setUp);
  } else {
    document.addEventListener("DOMContentLoaded", setUp);
  }
})();
