// Copy-link and print buttons on the result page. Without JavaScript they stay hidden and the
// link can still be copied from its text box.
document.addEventListener("DOMContentLoaded", () => {
  for (const button of document.querySelectorAll("[data-copy-target]")) {
    button.hidden = false;
    button.addEventListener("click", async () => {
      const input = document.getElementById(button.dataset.copyTarget);
      try {
        await navigator.clipboard.writeText(input.value);
        button.textContent = "Link copied";
      } catch {
        input.select();
        button.textContent = "Press Ctrl+C to copy";
      }
    });
  }
  for (const button of document.querySelectorAll("[data-print]")) {
    button.hidden = false;
    button.addEventListener("click", () => window.print());
  }
});
