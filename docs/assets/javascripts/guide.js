// Site-wide fixes to the theme's markup, for assistive technology. No network, no framework.
(function () {
  "use strict";
  // The search overlay is a dialog without a name (WCAG 4.1.2): name it after its input.
  function nameSearch() {
    var dialog = document.querySelector(".md-search[role='dialog']");
    if (dialog && !dialog.hasAttribute("aria-label")) dialog.setAttribute("aria-label", "Search");
  }
  // The page's table of contents is there twice, in the side bar and inside the navigation (for
  // small screens), under one name: give the second its own, so each landmark is unique.
  function nameTocs() {
    var inNav = document.querySelector(".md-nav--primary .md-nav--secondary[aria-label='Table of contents']");
    if (inNav) inNav.setAttribute("aria-label", "Table of contents, in the navigation");
  }
  // A navigation section with its own index page (Concepts) is labelled by its toggle, which
  // holds only an icon: the landmark gets the section's name from its link instead.
  function nameSections() {
    document.querySelectorAll(".md-nav__container + nav[aria-labelledby]").forEach(function (nav) {
      var label = document.getElementById(nav.getAttribute("aria-labelledby"));
      var link = nav.previousElementSibling.querySelector("a");
      if (label && !label.textContent.trim() && link) {
        nav.setAttribute("aria-label", link.textContent.trim());
      }
    });
  }
  function fix() {
    nameSearch();
    nameTocs();
    nameSections();
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", fix);
  } else {
    fix();
  }
})();
