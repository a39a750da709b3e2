// The hall evaluator's tablet (templates/doors/evaluator.html), around the shared rating form (doors-rate.js). No rating is lost and none is stored twice: a rating is
// written to localStorage with a random Idempotency-Key BEFORE it is sent, and re-sent with the same key, with
// backoff, until the server acknowledges it (2xx) or refuses it for good (a 4xx other than 401/408/429). Network
// errors and 5xx keep it. The queue survives a reload; the page keeps working while the network is down.
(function () {
  'use strict';
  var main = document.querySelector('[data-evaluator]');
  var form = main && main.querySelector('[data-rating-form]');
  if (!main || !form) {
    return;
  }
  var device = main.getAttribute('data-device');
  var base = main.getAttribute('data-base') + encodeURIComponent(device);
  var idleMs = Number(main.getAttribute('data-idle-seconds')) * 1000;
  var pollMs = Number(main.getAttribute('data-poll'));
  var SECRET = 'hcp.evaluator.key.' + device;
  var QUEUE = 'hcp.evaluator.queue.' + device;
  var THANKS_AT_LEAST_MS = Math.min(3000, idleMs);

  // the set-up link: keep the secret on this tablet and take it out of the address bar (and its history)
  var params = new URLSearchParams(location.search);
  if (params.has('key')) {
    localStorage.setItem(SECRET, params.get('key'));
    params.delete('key');
    var rest = params.toString();
    history.replaceState(null, '', location.pathname + (rest ? '?' + rest : ''));
  }

  var screen = 'idle';
  var current = null;       // the service on screen: {token, itemName, windowCode, staffNo}
  var left = {};            // tokens rated or left unrated here: never shown again
  var idleTimer = null;
  var shownAt = 0;
  var sending = false;
  var retryTimer = null;
  var backoff = 1000;
  var fullscreenAsked = false;

  function byId(id) {
    return document.getElementById(id);
  }

  function text(templateId) {
    return byId(templateId).content.textContent.trim();
  }

  function show(id) {
    screen = id;
    ['idle', 'not-registered', 'rate', 'thanks'].forEach(function (s) {
      byId(s).hidden = s !== id;
    });
  }

  // ------------------------------------------------------------------ the stored queue

  function queue() {
    try {
      return JSON.parse(localStorage.getItem(QUEUE)) || [];
    }
    catch (e) {
      return [];
    }
  }

  function save(items) {
    localStorage.setItem(QUEUE, JSON.stringify(items));
    showPending();
  }

  function drop(key) {
    save(queue().filter(function (item) {
      return item.key !== key;
    }));
  }

  function showPending() {
    var n = queue().length;
    var pending = byId('pending');
    pending.hidden = n === 0;
    pending.textContent = n === 0 ? '' : text('pending-text').replace('{0}', String(n));
  }

  function newKey() {
    var bytes = new Uint8Array(16);
    crypto.getRandomValues(bytes);
    return Array.prototype.map.call(bytes, function (b) {
      return (b < 16 ? '0' : '') + b.toString(16);
    }).join('');
  }

  function retryLater() {
    if (retryTimer) {
      return;
    }
    retryTimer = setTimeout(function () {
      retryTimer = null;
      flush();
    }, backoff);
    backoff = Math.min(backoff * 2, 30000);
  }

  function finalRefusal(status) {
    return status >= 400 && status < 500 && status !== 401 && status !== 408 && status !== 429;
  }

  function flush() {
    if (sending) {
      return;
    }
    var items = queue();
    if (items.length === 0) {
      backoff = 1000;
      return;
    }
    sending = true;
    var item = items[0];
    fetch(base + '/ratings', {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        'Accept': 'application/json',
        'X-Device-Key': localStorage.getItem(SECRET) || '',
        'Idempotency-Key': item.key
      },
      body: JSON.stringify(item.rating)
    }).then(function (response) {
      if (response.ok) {
        drop(item.key);
        backoff = 1000;
        return true;
      }
      if (finalRefusal(response.status)) {
        return response.json().catch(function () {
          return {};
        }).then(function (problem) {
          refused(problem);
          drop(item.key);
          return true;
        });
      }
      return false;
    }, function () {
      return false;
    }).then(function (next) {
      sending = false;
      if (next) {
        flush();
      }
      else {
        retryLater();
      }
    });
  }

  function refused(problem) {
    var message = problem && problem.message ? (document.documentElement.lang.indexOf('en') === 0
        ? problem.message.en : problem.message.zh) : '';
    var p = byId('thanks-refused');
    p.textContent = text('refused-text') + ' ' + (message || '');
    p.hidden = false;
  }

  // ------------------------------------------------------------------ the screens

  function toIdle() {
    clearTimeout(idleTimer);
    if (current) {
      left[current.token] = true;
    }
    current = null;
    byId('thanks-refused').hidden = true;
    show('idle');
  }

  function restartIdleTimer() {
    clearTimeout(idleTimer);
    idleTimer = setTimeout(toIdle, idleMs);
  }

  function present(service) {
    current = service;
    byId('service-item').textContent = service.itemName || '';
    byId('service-window').textContent = service.windowCode || '';
    byId('service-staff').textContent = service.staffNo || '';
    resetForm();
    show('rate');
    restartIdleTimer();
  }

  // the shared form, as it was before anyone tapped: no level, no panel open, nothing typed
  function resetForm() {
    form.reset();
    form.removeAttribute('data-sending');
    Array.prototype.forEach.call(form.querySelectorAll('[data-bad-panel]'), function (panel) {
      panel.hidden = true;
      panel.disabled = true;
    });
    Array.prototype.forEach.call(form.querySelectorAll('.level[aria-controls]'), function (b) {
      b.setAttribute('aria-expanded', 'false');
    });
    Array.prototype.forEach.call(form.querySelectorAll('.bad-error'), function (p) {
      p.textContent = '';
    });
    var details = form.querySelector('details');
    if (details) {
      details.open = false;
    }
  }

  function rate(level, indicators, comment) {
    if (!current) {
      return;
    }
    var token = current.token;
    var items = queue();
    items.push({ key: newKey(), rating: { token: token, level: level, indicators: indicators, comment: comment } });
    save(items); // kept before it is sent: a dropped connection or a reload loses nothing
    left[token] = true;
    current = null;
    resetForm();
    show('thanks');
    shownAt = Date.now();
    byId('thanks-heading').focus();
    restartIdleTimer();
    flush();
  }

  function askFullscreen() {
    if (fullscreenAsked) {
      return;
    }
    fullscreenAsked = true;
    var root = document.documentElement;
    if (root.requestFullscreen && !document.fullscreenElement) {
      root.requestFullscreen().catch(function () {
        // not allowed here (an embedded view, a browser setting): the page works as it is
      });
    }
  }

  // ------------------------------------------------------------------ the next service

  function mayTakeNext() {
    return screen === 'idle' || screen === 'not-registered'
        || (screen === 'thanks' && Date.now() - shownAt >= THANKS_AT_LEAST_MS);
  }

  function poll() {
    if (!mayTakeNext()) {
      setTimeout(poll, pollMs);
      return;
    }
    fetch(base + '/next', {
      headers: { 'Accept': 'application/json', 'X-Device-Key': localStorage.getItem(SECRET) || '' },
      cache: 'no-store'
    }).then(function (response) {
      if (response.status === 401) {
        show('not-registered');
        return null;
      }
      if (screen === 'not-registered') {
        show('idle');
      }
      flush(); // the server answers: whatever waits can go now
      return response.status === 200 ? response.json() : null;
    }).then(function (service) {
      if (service && !left[service.token] && mayTakeNext()) {
        present(service);
      }
    }, function () {
      // offline: stay on this screen and ask again
    }).then(function () {
      setTimeout(poll, screen === 'not-registered' ? Math.max(pollMs, 10000) : pollMs);
    });
  }

  // the shared form checks the rating (a bad one needs an indicator or a text) and hands it over here
  form.addEventListener('doors:rate', function (event) {
    event.preventDefault();
    rate(event.detail.level, event.detail.indicators, event.detail.comment);
  });
  ['pointerdown', 'keydown', 'input'].forEach(function (type) {
    form.addEventListener(type, function () {
      if (screen === 'rate') {
        restartIdleTimer();
      }
    });
  });
  document.addEventListener('pointerdown', askFullscreen, { once: true });
  window.addEventListener('online', flush);
  window.addEventListener('storage', showPending);

  showPending();
  flush();
  poll();
})();
