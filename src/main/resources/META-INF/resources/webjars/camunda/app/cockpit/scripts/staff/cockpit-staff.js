// Cockpit for complaint staff (webapps.WebappConfigScripts registers this module): staff who may only read
// (quality managers) get the class cmp-read-only on the page, and user-styles.css hides the buttons that would
// only fail with a permission error for them. The engine refuses those calls either way; this is presentation.

let known = false;

function ask() {
  if (location.hash.indexOf('/login') >= 0) {
    // signed out: the next person to sign in is asked about afresh
    known = false;
    document.documentElement.classList.remove('cmp-read-only');
    return;
  }
  if (known) {
    return;
  }
  fetch('/staff/webapps/me', { credentials: 'same-origin', headers: { Accept: 'application/json' } })
    .then((response) => (response.ok ? response.json() : null))
    .then((me) => {
      if (me && typeof me.editor === 'boolean') {
        known = true;
        document.documentElement.classList.toggle('cmp-read-only', !me.editor);
      }
    })
    .catch(() => undefined);
}

// signed out, the answer is the sign-in page: ask again after the next navigation (the sign-in changes the route)
window.addEventListener('hashchange', ask);
ask();

export default [];
