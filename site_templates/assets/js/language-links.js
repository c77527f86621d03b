// The links to the same page in the model's other languages (base.html, sitegen/editions.py). A link takes along
// what follows the page's address: the result a share link shows (#deel=...), a page's open step. The ids in it
// carry no language, so it opens as it is in the other language; the scans in this browser are the same in both.
export function setupLanguageLinks(root = document) {
  for (const link of root.querySelectorAll("[data-language-link]")) {
    link.addEventListener("click", () => {
      const target = new URL(link.href);
      target.search = window.location.search;
      target.hash = window.location.hash;
      link.href = target.href;
    });
  }
}
