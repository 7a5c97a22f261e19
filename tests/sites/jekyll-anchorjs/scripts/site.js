// AnchorJS is loaded by the layout; this gives every heading of an article an id and a link.
document.addEventListener("DOMContentLoaded", function () {
  anchors.add(".article h1, .article h2, .article h3");
});
