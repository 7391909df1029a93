// Ordo pages: the browser's time zone for the server's times, and keyboard shortcuts for the common path.
(function () {
  "use strict";
  try {
    var zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (zone && document.cookie.indexOf("tz=" + zone) < 0) {
      document.cookie = "tz=" + zone + "; path=/; max-age=31536000; SameSite=Strict";
    }
  } catch (e) { /* no Intl: times stay in UTC */ }
  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey) { return; }
    var target = event.target;
    if (target && (target.tagName === "INPUT" || target.tagName === "TEXTAREA" || target.tagName === "SELECT" || target.isContentEditable)) {
      return;
    }
    var element = document.querySelector('[data-shortcut="' + event.key + '"]');
    if (!element) { return; }
    event.preventDefault();
    if (element.tagName === "INPUT") { element.focus(); } else { element.click(); }
  });
})();
