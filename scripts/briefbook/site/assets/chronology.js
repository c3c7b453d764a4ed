// briefbook chronology: filter events by actor, type, provenance and date range, and show the
// list newest first. No network, no dependencies; without JavaScript the form stays hidden,
// every event is shown and the list reads oldest first.
(function () {
  "use strict";
  // The nodes of the main list between its two markers, grouped into years (an H2 and what
  // follows it) and months (an H3 and the events under it).
  function mainList() {
    var start = document.querySelector("[data-bb-chrono-start]");
    var end = document.querySelector("[data-bb-chrono-end]");
    if (!start || !end) return null;
    var years = [], year = null, month = null, n = start.nextElementSibling;
    while (n && n !== end) {
      if (n.tagName === "H2") { year = { head: n, months: [] }; years.push(year); month = null; }
      else if (n.tagName === "H3" && year) { month = { head: n, items: [] }; year.months.push(month); }
      else if (month) month.items.push(n);
      else if (year) { month = { head: null, items: [n] }; year.months.push(month); }
      n = n.nextElementSibling;
    }
    return { end: end, years: years };
  }
  // The list as the page gave it (oldest first), read once: both orders are built from it.
  var original = null;
  function order(newest) {
    var list = original || (original = mainList());
    if (!list) return;
    var years = list.years.slice(), parent = list.end.parentNode;
    if (newest) years.reverse();
    years.forEach(function (y) {
      parent.insertBefore(y.head, list.end);
      var months = y.months.slice();
      if (newest) months.reverse();
      months.forEach(function (m) {
        if (m.head) parent.insertBefore(m.head, list.end);
        var items = m.items.slice();
        if (newest) items.reverse();
        items.forEach(function (el) { parent.insertBefore(el, list.end); });
      });
    });
  }
  function setup() {
    var form = document.querySelector("[data-bb-chrono-filter]");
    if (!form) return;
    var events = Array.prototype.slice.call(document.querySelectorAll(".bb-event"));
    original = mainList();
    var newest = false;
    function apply() {
      var actor = form.elements.actor.value;
      var type = form.elements.type.value;
      var curatedOnly = form.elements.curated.checked;
      var from = form.elements.from.value, to = form.elements.to.value;
      var shown = 0;
      events.forEach(function (el) {
        var actors = (el.getAttribute("data-actors") || "").split(" ");
        var first = el.getAttribute("data-earliest") || "";
        var last = el.getAttribute("data-latest") || first;
        var ok = (!actor || actors.indexOf(actor) !== -1) &&
          (!type || el.getAttribute("data-type") === type) &&
          (!curatedOnly || el.classList.contains("bb-curated")) &&
          (!from || last >= from) && (!to || first <= to);
        el.classList.toggle("bb-filtered-out", !ok);
        if (ok) shown += 1;
      });
      if (form.elements.newest.checked !== newest) {
        newest = form.elements.newest.checked;
        order(newest);
      }
      // Hide year and month headings left without a visible event.
      document.querySelectorAll(".md-content h2, .md-content h3").forEach(function (h) {
        if (!/^(year|month)-/.test(h.id)) return;
        var level = h.tagName, any = false, n = h.nextElementSibling;
        while (n && !(n.tagName === "H2" || (level === "H3" && n.tagName === "H3")) &&
               !n.hasAttribute("data-bb-chrono-end")) {
          if (n.classList.contains("bb-event") && !n.classList.contains("bb-filtered-out")) any = true;
          n = n.nextElementSibling;
        }
        h.classList.toggle("bb-chrono-hidden", !any);
      });
      form.elements.count.value = shown + " of " + events.length + " events shown";
    }
    form.hidden = false;
    form.addEventListener("change", apply);
    form.addEventListener("input", apply);
    form.addEventListener("submit", function (e) { e.preventDefault(); });
    apply();
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setup);
  else setup();
})();
