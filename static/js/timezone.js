// The browser's time zone in a cookie, so the warning pages can offer the phone numbers of
// the runner's country (helplines/detect.py) without asking first. Not a secret; read by the
// server only. A year, the whole site, SameSite=Lax.
(() => {
  let zone = "";
  try {
    zone = Intl.DateTimeFormat().resolvedOptions().timeZone || "";
  } catch (error) {
    return;
  }
  if (!/^[A-Za-z0-9_+\-\/]{1,64}$/.test(zone)) return;
  // The checked characters are all allowed in a cookie value as they are: no encoding.
  if (document.cookie.split("; ").includes(`tz=${zone}`)) return;
  const secure = location.protocol === "https:" ? "; Secure" : "";
  document.cookie = `tz=${zone}; Max-Age=31536000; Path=/; SameSite=Lax${secure}`;
})();
