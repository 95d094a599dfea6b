// A failed HTMX request (expired session, stale CSRF token after a long pause, server error,
// lost connection) is not swapped in, so without this the button would seem to do nothing.
// Show a note instead; the runner's earlier screens are saved on the server.
function showNote(id) {
  for (const note of document.querySelectorAll(".request-note")) note.hidden = note.id !== id;
}
document.addEventListener("htmx:responseError", () => showNote("request-failed-note"));
document.addEventListener("htmx:sendError", () => showNote("connection-note"));
document.addEventListener("htmx:afterRequest", (event) => {
  if (event.detail.successful) showNote(null);
});
