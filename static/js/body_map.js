// The leg body map (templates/runlog/includes/body_map.html). The table under the map holds
// the real form controls (a checkbox and a 0-10 select per area) and works without
// JavaScript. With it, each shape on the map becomes a checkbox of its own for pointer and
// keyboard (Tab to it, Space or Enter to toggle) that ticks and unticks its box; the area just
// ticked gets a row of 0-10 buttons under the map that set its select, so two areas and their
// levels take four taps. The chosen areas are listed as buttons that bring their 0-10 back.
// The table folds away (but for rows the map has no shape for, or with an error).
(() => {
  function enhance(map) {
    if (map.dataset.enhanced) return;
    const svg = map.querySelector("[data-body-map-svg]");
    const boxes = [...map.querySelectorAll('input[type="checkbox"][name="regions"]')];
    const controls = new Map();
    for (const box of boxes) {
      const score = [...map.querySelectorAll("select")].find((s) => s.name === `score-${box.value}`);
      controls.set(box.value, { box, score: score || null, shape: null, label: box.value });
    }
    for (const shape of map.querySelectorAll("[data-region]")) {
      const control = controls.get(shape.dataset.region);
      if (control) {
        control.shape = shape;
        control.label = shape.dataset.label;
      }
    }
    const mapped = [...controls.values()].filter((c) => c.shape);
    if (!svg || mapped.length === 0) return; // a map that only shows (heat map): leave it be
    map.dataset.enhanced = "true";
    map.classList.add("is-enhanced");

    const panel = map.querySelector("[data-region-level]");
    const group = map.querySelector("[data-level-group]");
    const name = map.querySelector("[data-level-name]");
    const levels = [...map.querySelectorAll("[data-level]")];
    const clear = map.querySelector("[data-level-clear]");
    const chosen = map.querySelector("[data-chosen]");
    let active = null;

    // Fold the table, but keep any row the map cannot set (an area stored without a side)
    // or that shows an error.
    const table = map.querySelector("[data-region-table]");
    if (table && panel) {
      let shown = 0;
      for (const row of table.querySelectorAll("[data-region-row]")) {
        const all = [...row.querySelectorAll('input[name="regions"]')];
        const onMap = all.every((box) => controls.get(box.value).shape);
        row.hidden = onMap && !row.querySelector(".errorlist");
        if (!row.hidden) shown += 1;
      }
      table.hidden = shown === 0;
      panel.hidden = false;
    }

    function changed(element) {
      if (element) element.dispatchEvent(new Event("change", { bubbles: true }));
    }

    function levelOf(control) {
      return control.score && control.score.value !== "" ? control.score.value : null;
    }

    function render() {
      for (const control of mapped) {
        control.shape.setAttribute("aria-checked", control.box.checked ? "true" : "false");
        control.shape.classList.toggle("is-selected", control.box.checked);
        control.shape.classList.toggle("is-active", control === active);
      }
      if (!panel) return;
      if (active && !active.box.checked) active = null;
      group.hidden = !active;
      if (active) {
        name.textContent = `${active.label}: how sore, 0-10`;
        const level = levelOf(active);
        for (const button of levels) {
          button.setAttribute("aria-pressed", button.dataset.level === level ? "true" : "false");
        }
        clear.textContent = `${active.label}: not sore after all`;
      }
      chosen.replaceChildren();
      for (const control of controls.values()) {
        if (!control.box.checked || !control.shape) continue;
        const item = document.createElement("li");
        const button = document.createElement("button");
        button.type = "button";
        button.className = "region-chosen-button";
        const level = levelOf(control);
        button.textContent = `${control.label}: ${level === null ? "no number" : level}`;
        if (control === active) button.setAttribute("aria-current", "true");
        button.addEventListener("click", () => {
          active = control;
          render();
          focusLevels();
        });
        item.append(button);
        chosen.append(item);
      }
      chosen.hidden = chosen.children.length === 0;
    }

    function focusLevels() {
      if (!active || !panel) return;
      const pressed = levels.find((b) => b.getAttribute("aria-pressed") === "true");
      (pressed || levels[0]).focus();
    }

    for (const control of mapped) {
      const { shape, box } = control;
      shape.setAttribute("role", "checkbox");
      shape.setAttribute("tabindex", "0");
      shape.setAttribute("aria-label", control.label);
      const toggle = (byKeyboard) => {
        box.checked = !box.checked;
        if (box.checked) {
          active = control;
        } else if (control.score) {
          control.score.value = ""; // a 0-10 alone would still count as choosing the area
          changed(control.score);
        }
        changed(box);
        render();
        if (byKeyboard && box.checked) focusLevels();
      };
      shape.addEventListener("click", () => toggle(false));
      shape.addEventListener("keydown", (event) => {
        if (event.key === " " || event.key === "Enter") {
          event.preventDefault(); // no page scroll on Space, no form submit on Enter
          toggle(true);
        }
      });
    }
    for (const { box, score } of controls.values()) {
      box.addEventListener("change", render);
      if (score) score.addEventListener("change", render);
    }
    if (panel) {
      for (const button of levels) {
        button.addEventListener("click", (event) => {
          if (!active) return;
          const control = active;
          if (control.score) {
            control.score.value = button.dataset.level;
            changed(control.score);
          }
          if (!control.box.checked) {
            control.box.checked = true;
            changed(control.box);
          }
          render();
          // From the keyboard, back to the area, ready for the next one.
          if (event.detail === 0) control.shape.focus();
        });
      }
      clear.addEventListener("click", () => {
        if (!active) return;
        const control = active;
        control.box.checked = false;
        if (control.score) {
          control.score.value = "";
          changed(control.score);
        }
        changed(control.box);
        active = null;
        render();
        control.shape.focus();
      });
    }
    svg.setAttribute("role", "group");
    render();
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
