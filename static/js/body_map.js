// The leg body map (templates/runlog/includes/body_map.html). The checkboxes under the map
// are the real form controls and work without JavaScript. With it, each shape on the map
// becomes a checkbox of its own for pointer and keyboard (Tab to it, Space or Enter to toggle)
// that ticks and unticks its box, and the map follows the boxes when they are ticked directly.
(() => {
  function boxFor(map, shape) {
    for (const box of map.querySelectorAll('input[type="checkbox"]')) {
      if (box.value === shape.dataset.region) return box;
    }
    return null;
  }

  function show(shape, checked) {
    shape.setAttribute("aria-checked", checked ? "true" : "false");
    shape.classList.toggle("is-selected", checked);
  }

  function enhance(map) {
    if (map.dataset.enhanced) return;
    const svg = map.querySelector("[data-body-map-svg]");
    const shapes = [...map.querySelectorAll("[data-region]")];
    const pairs = shapes.map((shape) => [shape, boxFor(map, shape)]).filter(([, box]) => box);
    if (!svg || pairs.length === 0) return; // a map that only shows (heat map): leave it be
    map.dataset.enhanced = "true";
    svg.setAttribute("role", "group");
    for (const [shape, box] of pairs) {
      shape.setAttribute("role", "checkbox");
      shape.setAttribute("tabindex", "0");
      shape.setAttribute("aria-label", shape.dataset.label);
      show(shape, box.checked);
      const toggle = () => {
        box.checked = !box.checked;
        box.dispatchEvent(new Event("change", { bubbles: true }));
      };
      shape.addEventListener("click", toggle);
      shape.addEventListener("keydown", (event) => {
        if (event.key === " " || event.key === "Enter") {
          event.preventDefault(); // no page scroll on Space, no form submit on Enter
          toggle();
        }
      });
      box.addEventListener("change", () => show(shape, box.checked));
    }
  }

  function enhanceAll(root) {
    const scope = root && root.querySelectorAll ? root : document;
    if (scope.matches && scope.matches("[data-body-map]")) enhance(scope);
    for (const map of scope.querySelectorAll("[data-body-map]")) enhance(map);
  }

  document.addEventListener("DOMContentLoaded", () => enhanceAll(document));
  // Content swapped in by htmx (the check-in form after a save) gets the same treatment.
  document.addEventListener("htmx:load", (event) => enhanceAll(event.detail.elt));
})();
