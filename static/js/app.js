// When an HTMX request fails (expired session, stale CSRF token after a long pause, server
// error), a swap would silently not happen. Fall back to a full page load of the same
// address instead, so the runner sees the real page or error message.
document.addEventListener("htmx:responseError", (event) => {
  const path = event.detail.pathInfo && event.detail.pathInfo.requestPath;
  window.location.assign(path || window.location.href);
});
document.addEventListener("htmx:sendError", () => {
  const note = document.getElementById("connection-note");
  if (note) note.hidden = false;
});
