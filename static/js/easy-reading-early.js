/* Easy reading (长者模式), applied before the first paint: the only script loaded without `defer`,
   so it must stay tiny. It sets a class on <html>; the stylesheet does the rest. It is a file,
   not inline, because the Content-Security-Policy forbids inline scripts and a nonce cannot live
   in a cached page. The server never knows about the mode (localStorage, no cookie), so every
   visitor gets the same cached HTML. A link to "#easy-reading" turns the mode on (site.js then
   focuses the switch, whose id that is). */
(function () {
  var on = location.hash === "#easy-reading";
  try {
    if (on) localStorage.setItem("coop-portal-easy-reading", "on");
    else on = localStorage.getItem("coop-portal-easy-reading") === "on";
  } catch (error) {
    /* storage blocked: the mode can still be switched on for this page */
  }
  if (on) document.documentElement.classList.add("easy-reading");
})();
