// The translators' editor works without this script. It only asks before
// the browser leaves a page on which a translation box was changed and not
// saved: saving one unit reloads the page, which would drop what was typed
// into the others.
(function () {
  "use strict";
  var submitting = null;
  var forms = document.querySelectorAll("form.unit-form");
  for (var i = 0; i < forms.length; i++) {
    forms[i].addEventListener("submit", function (event) {
      submitting = event.currentTarget;
    });
  }
  function unsaved() {
    var boxes = document.querySelectorAll("form.unit-form textarea");
    for (var j = 0; j < boxes.length; j++) {
      var box = boxes[j];
      if (box.form !== submitting && box.value !== box.defaultValue) {
        return true;
      }
    }
    return false;
  }
  window.addEventListener("beforeunload", function (event) {
    if (unsaved()) {
      event.preventDefault();
      event.returnValue = "";
    }
  });
})();
