// newsgraph's pages work without this file; it only adds an "Expand all" button to timelines.
"use strict";
document.addEventListener("DOMContentLoaded", function () {
  document.querySelectorAll("button.expand-all").forEach(function (button) {
    var list = document.getElementById(button.dataset.target);
    if (!list) return;
    button.hidden = false;
    button.addEventListener("click", function () {
      var items = list.querySelectorAll("details");
      var open = button.textContent === "Expand all";
      items.forEach(function (d) { d.open = open; });
      button.textContent = open ? "Collapse all" : "Expand all";
    });
  });
});
