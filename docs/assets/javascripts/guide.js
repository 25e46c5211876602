// Site-wide fixes to the theme's markup, for assistive technology. No network, no framework.
(function () {
  "use strict";
  // The search overlay is a dialog without a name (WCAG 4.1.2): name it after its input.
  function nameSearch() {
    var dialog = document.querySelector(".md-search[role='dialog']");
    if (dialog && !dialog.hasAttribute("aria-label")) dialog.setAttribute("aria-label", "Search");
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", nameSearch);
  } else {
    nameSearch();
  }
})();
