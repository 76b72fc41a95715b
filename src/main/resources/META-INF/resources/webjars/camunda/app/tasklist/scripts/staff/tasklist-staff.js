// Tasklist for complaint staff (webapps.WebappConfigScripts registers this module): a search box and a link to
// the complaint search in the navbar (Tasklist's own search sees only task and process variables, and the
// complainant's contact data is kept out of those; see docs/security.md), and, right after a complaint is registered with the start form, a notice with its
// reference and any likely duplicates, which stays until the clerk closes it.

const WORDS = {
  en: { find: 'Find a complaint', close: 'Close', duplicates: 'Possible duplicate of',
    box: 'Reference, name, e-mail or phone', search: 'Search' },
  nl: { find: 'Klacht zoeken', close: 'Sluiten', duplicates: 'Mogelijk dubbel met',
    box: 'Kenmerk, naam, e-mail of telefoon', search: 'Zoeken' },
  tr: { find: 'Şikâyet bul', close: 'Kapat', duplicates: 'Olası mükerrer kayıt',
    box: 'Referans, ad, e-posta veya telefon', search: 'Ara' },
  et: { find: 'Leia kaebus', close: 'Sulge', duplicates: 'Võimalik topelt',
    box: 'Viide, nimi, e-post või telefon', search: 'Otsi' }
};

function words() {
  const chosen = (window.localStorage && localStorage.getItem('camLocale')) || navigator.language || 'en';
  return WORDS[chosen.slice(0, 2)] || WORDS.en;
}

function text(tag, className, content) {
  const element = document.createElement(tag);
  if (className) {
    element.className = className;
  }
  if (content !== undefined) {
    element.textContent = content;
  }
  return element;
}

function showNotice(notice) {
  const old = document.querySelector('.cmp-registration-notice');
  if (old) {
    old.remove();
  }
  const box = text('div', 'cmp-registration-notice');
  box.setAttribute('role', 'status');
  box.setAttribute('aria-live', 'polite');
  box.appendChild(text('p', 'cmp-registered', notice.message));
  if (notice.possibleDuplicates && notice.possibleDuplicates.length) {
    const warning = text('div', 'cmp-duplicate-warning');
    warning.setAttribute('role', 'alert');
    warning.appendChild(text('p', null, notice.duplicateWarning));
    const list = text('ul');
    notice.possibleDuplicates.forEach((d) => {
      const item = text('li');
      const link = text('a', null, d.reference);
      link.href = '/staff/complaints/' + encodeURIComponent(d.reference);
      item.appendChild(link);
      item.appendChild(document.createTextNode(' (' + d.receivedAt + ', ' + d.productOrService + '; ' + d.sameAs + ')'));
      list.appendChild(item);
    });
    warning.appendChild(list);
    box.appendChild(warning);
  }
  const close = text('button', 'btn btn-default cmp-close', words().close);
  close.type = 'button';
  close.addEventListener('click', () => box.remove());
  box.appendChild(close);
  document.body.appendChild(box);
}

// the start form is sent by Tasklist's own request; its answer names the new process instance
const STARTED = /\/process-definition\/[^/]+(\/[^/]+)?\/(submit-form|start)(\?|$)/;
const open = XMLHttpRequest.prototype.open;
XMLHttpRequest.prototype.open = function (method, url) {
  if (String(method).toUpperCase() === 'POST' && STARTED.test(String(url))) {
    this.addEventListener('load', () => {
      if (this.status !== 200) {
        return;
      }
      let id;
      try {
        id = JSON.parse(this.responseText).id;
      } catch (notJson) {
        return;
      }
      fetch('/staff/webapps/registrations/' + encodeURIComponent(id), {
        credentials: 'same-origin',
        headers: { Accept: 'application/json' }
      })
        .then((response) => (response.ok ? response.json() : null))
        .then((notice) => notice && notice.reference && showNotice(notice))
        .catch(() => undefined);
    });
  }
  return open.apply(this, arguments);
};

export default [
  {
    id: 'complaints-find-a-complaint',
    pluginPoint: 'tasklist.navbar.action',
    priority: 100,
    render: (node) => {
      // a plain GET form: the application's search page answers it in a new tab, so the task list stays open
      const form = text('form', 'cmp-find-form');
      form.setAttribute('role', 'search');
      form.method = 'get';
      form.action = '/staff/complaints';
      form.target = '_blank';
      const box = text('input', 'cmp-find-box');
      box.type = 'search';
      box.name = 'q';
      box.placeholder = words().box;
      box.setAttribute('aria-label', words().box);
      const go = text('button', 'btn btn-default btn-sm cmp-find-submit', words().search);
      go.type = 'submit';
      const link = text('a', 'cmp-find-complaint', words().find);
      link.href = '/staff/complaints';
      link.target = '_blank';
      form.appendChild(box);
      form.appendChild(go);
      form.appendChild(link);
      node.appendChild(form);
    }
  }
];
