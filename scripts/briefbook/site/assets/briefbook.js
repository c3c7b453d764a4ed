// briefbook: copy a paragraph's citation to the clipboard. No network, no dependencies.
document.addEventListener("click", (event) => {
  const button = event.target.closest(".bb-copy");
  if (!button) return;
  const text = button.dataset.cite;
  const done = () => {
    button.classList.add("bb-copied");
    setTimeout(() => button.classList.remove("bb-copied"), 1500);
  };
  if (navigator.clipboard && window.isSecureContext) {
    navigator.clipboard.writeText(text).then(done, () => {});
  } else {
    const area = document.createElement("textarea");
    area.value = text;
    document.body.appendChild(area);
    area.select();
    try { document.execCommand("copy"); done(); } catch (e) { /* selection stays visible */ }
    area.remove();
  }
});

// The sources index's filter box (long books): hide the rows that miss a word typed.
document.addEventListener("input", (event) => {
  if (!event.target || event.target.id !== "bb-sources-filter") return;
  const words = event.target.value.toLowerCase().split(/\s+/).filter(Boolean);
  const rows = document.querySelectorAll(".bb-sources-table tbody tr");
  let shown = 0;
  rows.forEach((row) => {
    const text = row.textContent.toLowerCase();
    const ok = words.every((w) => text.indexOf(w) !== -1);
    row.hidden = !ok;
    if (ok) shown += 1;
  });
  const count = document.getElementById("bb-sources-shown");
  if (count) count.textContent = words.length ? `${shown} of ${rows.length} shown` : "";
});
