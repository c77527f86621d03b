// Inside an iframe (an intranet portal) the page drops its own header and footer: the portal has those.
// `?ingebed` forces the same look, for previews.
function isFramed() {
  try {
    return window.self !== window.top;
  } catch {
    return true; // a cross-origin parent cannot be inspected, which itself means we are framed
  }
}

if (isFramed() || new URLSearchParams(window.location.search).has("ingebed")) {
  document.documentElement.classList.add("is-embedded");
}
