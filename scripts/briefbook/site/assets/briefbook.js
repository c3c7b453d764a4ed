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
