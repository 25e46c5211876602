// The comparison page's chooser: tick what matters, and the table marks the tools that fit.
// Plain DOM, no framework, no network. The form is in the page from the start (nothing moves
// when this runs); each box carries the criterion it asks about and the values it accepts, from
// the data file. Fitting columns are marked in words as well as by the stylesheet.
(function () {
  "use strict";

  function setUp() {
    var form = document.getElementById("guide-chooser");
    var table = document.getElementById("guide-comparison");
    if (!form || !table || form.dataset.ready) return;
    form.dataset.ready = "true";

    var tools = Array.prototype.map.call(table.querySelectorAll("thead th[data-tool]"), function (th) {
      return { slug: th.dataset.tool, name: th.querySelector("a").textContent.trim(), header: th };
    });
    var result = form.querySelector(".guide-chooser__result");
    var idle = result.textContent;

    function valueOf(tool, criterion) {
      var cell = table.querySelector('td[data-tool="' + tool + '"][data-criterion="' + criterion + '"]');
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
      tools.forEach(function (tool) {
        var marked = ticked.length > 0;
        tool.header.querySelector(".guide-fit-label").textContent =
          marked ? (fits[tool.slug] ? "fits" : "does not fit") : "";
        table.querySelectorAll('[data-tool="' + tool.slug + '"]').forEach(function (cell) {
          cell.classList.toggle("guide-fit", marked && !!fits[tool.slug]);
          cell.classList.toggle("guide-unfit", marked && !fits[tool.slug]);
        });
      });
      if (!ticked.length) {
        result.textContent = idle;
      } else if (!fitting.length) {
        result.textContent = "No tool fits all of these: untick the one that matters least.";
      } else {
        result.textContent = (fitting.length === 1 ? "1 fits: " : fitting.length + " fit: ") +
          fitting.map(function (t) { return t.name; }).join(", ") + ".";
      }
    }

    form.addEventListener("change", update);
    update();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUp);
  } else {
    setUp();
  }
})();
