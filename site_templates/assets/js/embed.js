// Inside an iframe (an intranet portal) the page drops its own header and footer: the portal has those.
// `?ingebed` forces the same look, for previews.
let framed = false;
try {
  framed = window.self !== window.top;
} catch {
  framed = true; // a cross-origin parent cannot be inspected, which itself means we are framed
}
if (framed || new URLSearchParams(window.location.search).has("ingebed")) {
  document.documentElement.classList.add("is-embedded");
}
