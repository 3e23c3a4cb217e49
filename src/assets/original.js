// Lets a reader of a translated page see the Japanese original of any
// passage without reloading. Each translated unit carries its original in
// data-ja; this adds a small toggle after it that shows the original below.
(function () {
  "use strict";
  var body = document.body;
  var showLabel = body.getAttribute("data-show-original") || "原文";
  var hideLabel = body.getAttribute("data-hide-original") || "原文";
  var units = document.querySelectorAll("[data-ja]");
  for (var i = 0; i < units.length; i++) {
    attach(units[i], i);
  }
  function attach(unit, n) {
    var original = document.createElement("span");
    original.className = "original";
    original.lang = "ja";
    original.id = "original-" + n;
    original.hidden = true;
    original.textContent = unit.getAttribute("data-ja");
    var button = document.createElement("button");
    button.type = "button";
    button.className = "show-original";
    button.textContent = showLabel;
    button.setAttribute("aria-expanded", "false");
    button.setAttribute("aria-controls", original.id);
    button.addEventListener("click", function () {
      var open = original.hidden;
      original.hidden = !open;
      button.setAttribute("aria-expanded", open ? "true" : "false");
      button.textContent = open ? hideLabel : showLabel;
    });
    unit.insertAdjacentElement("afterend", original);
    unit.insertAdjacentElement("afterend", button);
  }
})();
