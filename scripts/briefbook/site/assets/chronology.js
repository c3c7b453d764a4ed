// briefbook chronology: filter events by actor, type and provenance. No network, no
// dependencies; without JavaScript the form stays hidden and every event is shown.
(function () {
  "use strict";
  function setup() {
    var form = document.querySelector("[data-bb-chrono-filter]");
    if (!form) return;
    var events = Array.prototype.slice.call(document.querySelectorAll(".bb-event"));
    function apply() {
      var actor = form.elements.actor.value;
      var type = form.elements.type.value;
      var curatedOnly = form.elements.curated.checked;
      var shown = 0;
      events.forEach(function (el) {
        var actors = (el.getAttribute("data-actors") || "").split(" ");
        var ok = (!actor || actors.indexOf(actor) !== -1) &&
          (!type || el.getAttribute("data-type") === type) &&
          (!curatedOnly || el.classList.contains("bb-curated"));
        el.classList.toggle("bb-filtered-out", !ok);
        if (ok) shown += 1;
      });
      // Hide month and year headings left without a visible event.
      document.querySelectorAll(".md-content h2, .md-content h3").forEach(function (h) {
        if (!/^(year|month)-/.test(h.id)) return;
        var level = h.tagName, any = false, n = h.nextElementSibling;
        while (n && !(n.tagName === "H2" || (level === "H3" && n.tagName === "H3"))) {
          if (n.classList.contains("bb-event") && !n.classList.contains("bb-filtered-out")) any = true;
          n = n.nextElementSibling;
        }
        h.classList.toggle("bb-chrono-hidden", !any);
      });
      form.elements.count.value = shown + " of " + events.length + " events shown";
    }
    form.hidden = false;
    form.addEventListener("change", apply);
    form.addEventListener("submit", function (e) { e.preventDefault(); });
    apply();
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setup);
  else setup();
})();
