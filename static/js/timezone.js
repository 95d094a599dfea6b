// The browser's time zone in a cookie, so the warning pages can offer the phone numbers of
// the runner's country (helplines/detect.py) without asking first, and sign-up can offer it
// first. Not a secret; read by the server only. A year, the whole site, SameSite=Lax.
// On sign-up (select[data-zone-guess]) it also picks the browser's zone in the list.
(() => {
  let zone = "";
  try {
    zone = Intl.DateTimeFormat().resolvedOptions().timeZone || "";
  } catch (error) {
    return;
  }
  if (!/^[A-Za-z0-9_+\-\/]{1,64}$/.test(zone)) return;

  // Old names browsers still give, as in runlog/time_zones.py (BROWSER_ALIASES).
  const aliases = {
    "America/Buenos_Aires": "America/Argentina/Buenos_Aires",
    "America/Godthab": "America/Nuuk",
    "America/Indianapolis": "America/Indiana/Indianapolis",
    "America/Louisville": "America/Kentucky/Louisville",
    "Asia/Calcutta": "Asia/Kolkata",
    "Asia/Katmandu": "Asia/Kathmandu",
    "Asia/Rangoon": "Asia/Yangon",
    "Asia/Saigon": "Asia/Ho_Chi_Minh",
    "Atlantic/Faeroe": "Atlantic/Faroe",
    "Europe/Kiev": "Europe/Kyiv",
    "Etc/GMT": "UTC",
    "Etc/UTC": "UTC",
    GMT: "UTC",
  };
  const listed = Object.hasOwn(aliases, zone) ? aliases[zone] : zone;
  for (const select of document.querySelectorAll("select[data-zone-guess]")) {
    if ([...select.options].some((option) => option.value === listed)) select.value = listed;
  }

  // The checked characters are all allowed in a cookie value as they are: no encoding.
  if (document.cookie.split("; ").includes(`tz=${zone}`)) return;
  const secure = location.protocol === "https:" ? "; Secure" : "";
  document.cookie = `tz=${zone}; Max-Age=31536000; Path=/; SameSite=Lax${secure}`;
})();
