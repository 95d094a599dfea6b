// A search box over the time-zone list (select[data-zone-search]): typing "york" or "new z"
// leaves only the matching zones. The list works without it; this only adds the box.
(() => {
  const fold = (text) =>
    text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/[_/,()]/g, " ").toLowerCase();

  let count = 0;
  for (const select of document.querySelectorAll("select[data-zone-search]")) {
    count += 1;
    const id = `${select.id || "zone"}-search-${count}`;
    const box = document.createElement("div");
    box.className = "zone-search";
    const label = document.createElement("label");
    label.htmlFor = id;
    label.textContent = "Search the time zones";
    const input = document.createElement("input");
    input.type = "search";
    input.id = id;
    input.autocomplete = "off";
    input.spellcheck = false;
    if (select.id) input.setAttribute("aria-controls", select.id);
    const status = document.createElement("p");
    status.className = "helptext";
    status.setAttribute("aria-live", "polite");
    box.append(label, input, status);
    select.before(box);

    const options = [...select.options].map((option) => {
      const group = option.parentElement.tagName === "OPTGROUP" ? option.parentElement.label : "";
      return { option, text: fold(`${option.text} ${option.value} ${group}`) };
    });

    input.addEventListener("input", () => {
      const words = fold(input.value).split(/\s+/).filter(Boolean);
      let first = null;
      let shown = 0;
      for (const { option, text } of options) {
        const match = words.every((word) => text.includes(word));
        option.hidden = !match;
        if (match) {
          shown += 1;
          first ??= option;
        }
      }
      for (const group of select.querySelectorAll("optgroup")) {
        group.hidden = ![...group.children].some((option) => !option.hidden);
      }
      // A closed list shows only its choice: show the first match there.
      if (first && select.selectedOptions[0]?.hidden) select.value = first.value;
      status.textContent = words.length
        ? `${shown} time ${shown === 1 ? "zone matches" : "zones match"}.`
        : "";
    });
    input.addEventListener("keydown", (event) => {
      if (event.key === "Enter") event.preventDefault(); // Enter picks, never sends the form
    });
  }
})();
