// Every htmx request of a screen carries the CSRF token of the page (meta tags of templates/layout.html).
document.addEventListener('htmx:configRequest', function (event) {
  var token = document.querySelector('meta[name="_csrf"]');
  var header = document.querySelector('meta[name="_csrf_header"]');
  if (token && header) {
    event.detail.headers[header.getAttribute('content')] = token.getAttribute('content');
  }
});

// A table that scrolls sideways inside its frame (on a phone) must be reachable from the keyboard: the frame takes
// the focus then, and only then (WCAG 2.1.1; axe's scrollable-region-focusable). Checked again when the window is
// resized and when htmx has swapped in new content.
function focusableScrollingTables() {
  document.querySelectorAll('.table-wrap').forEach(function (wrap) {
    if (wrap.scrollWidth > wrap.clientWidth + 1) {
      wrap.setAttribute('tabindex', '0');
    } else {
      wrap.removeAttribute('tabindex');
    }
  });
}
document.addEventListener('DOMContentLoaded', focusableScrollingTables);
window.addEventListener('resize', focusableScrollingTables);
document.addEventListener('htmx:afterSettle', focusableScrollingTables);
