// The passage controls of a translated page. Without this script each
// passage of running text ends with a small link to its report form, which
// shows the Japanese original as well. With it, the link becomes a button
// that opens a panel in place: the Japanese original, where the translation
// came from, and the report link. One Tab stop per passage either way: the
// panel's link is reachable only while the panel is open.
//
// A page answered before all of its translation was ready (body
// data-pending) is fetched again every few seconds; each passage that has
// been translated since replaces its Japanese placeholder, and once nothing
// is pending the whole main content is refreshed (disclaimer included).
// Without the script, the next load shows the translations.
(function () {
  "use strict";
  var body = document.body;
  var labels = {
    original: body.getAttribute("data-label-original") || "原文",
    report: body.getAttribute("data-label-report") || "",
    machine: body.getAttribute("data-origin-machine") || "",
    bundled: body.getAttribute("data-origin-bundled") || "",
    translator: body.getAttribute("data-origin-translator") || ""
  };
  var attached = 0;
  attachAll();
  if (body.getAttribute("data-pending") === "true" && window.fetch && window.DOMParser) {
    poll(2000, 0);
  }

  function attachAll() {
    var links = document.querySelectorAll("a.passage-tools");
    for (var i = 0; i < links.length; i++) {
      attach(links[i], attached++);
    }
  }

  function poll(delay, tries) {
    if (tries >= 40) {
      return;
    }
    window.setTimeout(function () {
      window
        .fetch(window.location.href, { cache: "no-store", credentials: "same-origin" })
        .then(function (response) {
          return response.ok ? response.text() : null;
        })
        .then(function (html) {
          if (html !== null && takeIn(new window.DOMParser().parseFromString(html, "text/html"))) {
            return;
          }
          poll(Math.min(delay * 1.5, 10000), tries + 1);
        })
        .catch(function () {
          poll(Math.min(delay * 1.5, 10000), tries + 1);
        });
    }, delay);
  }

  // Takes in what `fresh` has translated; true once nothing is pending.
  function takeIn(fresh) {
    var waiting = document.querySelectorAll('[data-origin="pending"][id]');
    for (var i = 0; i < waiting.length; i++) {
      var old = waiting[i];
      var now = fresh.getElementById(old.id);
      if (now && now.getAttribute("data-origin") !== "pending" && old.parentElement && now.parentElement) {
        old.parentElement.innerHTML = now.parentElement.innerHTML;
      }
    }
    var done = fresh.body && fresh.body.getAttribute("data-pending") !== "true";
    if (done) {
      var main = document.getElementById("main");
      var freshMain = fresh.getElementById("main");
      if (main && freshMain) {
        main.innerHTML = freshMain.innerHTML;
      }
      body.removeAttribute("data-pending");
    }
    attachAll();
    return done;
  }

  function line(className, label, text, lang) {
    var line = document.createElement("span");
    line.className = className;
    if (label) {
      var name = document.createElement("span");
      name.className = "label";
      name.textContent = label;
      line.appendChild(name);
      line.appendChild(document.createElement("br"));
    }
    var value = document.createElement("span");
    if (lang) {
      value.lang = lang;
    }
    value.textContent = text;
    line.appendChild(value);
    return line;
  }

  function attach(link, n) {
    var passage = link.previousElementSibling;
    if (!passage || !passage.hasAttribute("data-ja")) {
      return;
    }
    var panel = document.createElement("span");
    panel.className = "passage-panel";
    panel.id = "passage-panel-" + n;
    panel.hidden = true;
    panel.appendChild(line("passage-original", labels.original, passage.getAttribute("data-ja"), "ja"));
    var origin = labels[passage.getAttribute("data-origin")];
    if (origin) {
      panel.appendChild(line("passage-origin", "", origin, ""));
    }
    var report = document.createElement("a");
    report.className = "report-link";
    report.href = link.getAttribute("href");
    report.textContent = labels.report;
    var reportLine = document.createElement("span");
    reportLine.appendChild(report);
    panel.appendChild(reportLine);

    var button = document.createElement("button");
    button.type = "button";
    button.className = "passage-tools";
    button.setAttribute("aria-label", link.getAttribute("aria-label") || "");
    button.setAttribute("aria-expanded", "false");
    button.setAttribute("aria-controls", panel.id);
    while (link.firstChild) {
      button.appendChild(link.firstChild);
    }
    button.addEventListener("click", function () {
      var open = panel.hidden;
      panel.hidden = !open;
      button.setAttribute("aria-expanded", open ? "true" : "false");
    });
    link.parentNode.replaceChild(button, link);
    button.insertAdjacentElement("afterend", panel);
  }
})();
