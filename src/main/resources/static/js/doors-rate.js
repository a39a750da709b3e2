/* The rating pages: progressive enhancement of plain forms (they work without this file). No framework. */
(function () {
  'use strict';
  var doc = document, html = doc.documentElement;

  /* 适老化: large text and high contrast; the cookie is read by the server, so the next page paints large at once */
  function a11yCookie() {
    var v = [];
    if (html.classList.contains('a11y-large')) { v.push('large'); }
    if (html.classList.contains('a11y-contrast')) { v.push('contrast'); }
    doc.cookie = 'hcp-a11y=' + (v.join('.') || 'none') + '; path=/; max-age=31536000; SameSite=Lax';
  }
  doc.querySelectorAll('[data-a11y]').forEach(function (b) {
    b.addEventListener('click', function (e) {
      e.preventDefault();
      var on = html.classList.toggle('a11y-' + b.getAttribute('data-a11y'));
      b.setAttribute('aria-pressed', on ? 'true' : 'false');
      a11yCookie();
    });
  });

  /* the rating form */
  function panels(form) { return form.querySelectorAll('[data-bad-panel]'); }
  function openPanel(form, level) {
    panels(form).forEach(function (p) {
      var mine = p.getAttribute('data-bad-panel') === String(level);
      p.hidden = !mine;
      p.disabled = !mine;
    });
    form.querySelectorAll('.level[aria-controls]').forEach(function (b) {
      b.setAttribute('aria-expanded', b.getAttribute('data-level') === String(level) ? 'true' : 'false');
    });
    var panel = form.querySelector('[data-bad-panel="' + level + '"]');
    if (panel) {
      var first = panel.querySelector('input, textarea');
      panel.scrollIntoView({ block: 'start' });
      if (first) { first.focus(); }
    }
  }
  function refuse(form, panel) {
    var msg = panel.querySelector('.bad-error');
    msg.textContent = form.getAttribute('data-msg-bad-required');
    msg.focus();
  }
  function send(form, submitter, level) {
    var panel = level <= 2 ? form.querySelector('[data-bad-panel="' + level + '"]') : null;
    var indicators = [], text = '';
    if (panel) {
      panel.querySelectorAll('input[name="indicators"]:checked').forEach(function (c) { indicators.push(c.value); });
      text = panel.querySelector('textarea[name="badText"]').value.trim();
    } else {
      var c = form.querySelector('textarea[name="comment"]');
      text = c ? c.value.trim() : '';
    }
    var detail = { level: level, indicators: indicators, comment: text || null, form: form, submitter: submitter,
      idempotencyKey: (form.querySelector('input[name="idempotencyKey"]') || {}).value || null };
    var ev = new CustomEvent('doors:rate', { cancelable: true, bubbles: true, detail: detail });
    return form.dispatchEvent(ev);
  }
  doc.querySelectorAll('[data-rating-form]').forEach(function (form) {
    form.addEventListener('submit', function (e) {
      var b = e.submitter;
      if (!b || !b.hasAttribute('data-level') && !b.hasAttribute('data-bad-submit')) { return; } /* e.g. "send code" */
      if (form.getAttribute('data-sending') === 'true') { e.preventDefault(); return; }
      var level = Number(b.getAttribute('data-level') || b.getAttribute('data-bad-submit'));
      if (b.hasAttribute('data-level') && level <= 2) { e.preventDefault(); openPanel(form, level); return; }
      if (level <= 2) {
        var panel = form.querySelector('[data-bad-panel="' + level + '"]');
        if (!panel.querySelector('input[name="indicators"]:checked')
            && !panel.querySelector('textarea[name="badText"]').value.trim()) {
          e.preventDefault(); refuse(form, panel); return;
        }
      }
      if (!send(form, b, level)) { e.preventDefault(); return; } /* a door sends it itself (evaluator) */
      form.setAttribute('data-sending', 'true'); /* one tap, one rating: a second tap is ignored */
    });
  });

  /* the rater's proof, shown again by the server: to the field it refused, or to the code field once a code was sent */
  var proof = doc.querySelector('.proof [aria-invalid="true"], .proof [data-focus="true"]') || doc.getElementById('proof-error');
  if (proof) { proof.focus(); }

  /* kiosk and evaluator: after data-idle seconds without input, clear everything and go to data-idle-home */
  var idle = Number(doc.body.getAttribute('data-idle') || 0), home = doc.body.getAttribute('data-idle-home');
  if (idle > 0 && home) {
    var timer;
    var reset = function () {
      clearTimeout(timer);
      timer = setTimeout(function () {
        doc.querySelectorAll('form').forEach(function (f) { f.reset(); });
        try { sessionStorage.clear(); } catch (ignored) { /* storage may be off */ }
        location.replace(home);
      }, idle * 1000);
    };
    ['pointerdown', 'keydown', 'input', 'touchstart', 'scroll'].forEach(function (t) {
      doc.addEventListener(t, reset, { passive: true, capture: true });
    });
    reset();
  }
}());
