// Cockpit for complaint staff (webapps.WebappConfigScripts registers this module): staff who may only read
// (quality managers) get the class cmp-read-only on the page, and user-styles.css hides the buttons that would
// only fail with a permission error for them. The engine refuses those calls either way; this is presentation.
// Diagrams open at a readable size: Cockpit fits the whole wide complaint diagram into the pane, which makes its
// labels unreadably small; staff pan and zoom from the start event instead.

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

/** The smallest zoom at which task labels can be read. */
const READABLE = 0.8;

function readable(viewer) {
  const canvas = viewer.get('canvas');
  const apply = () => {
    const box = canvas.viewbox();
    if (!box || !box.inner || box.scale >= READABLE) {
      return;
    }
    canvas.zoom(READABLE);
    const zoomed = canvas.viewbox();
    canvas.viewbox({ x: box.inner.x - 20, y: box.inner.y - 20, width: zoomed.width, height: zoomed.height });
  };
  viewer.on('import.done', () => setTimeout(apply, 100));
  setTimeout(apply, 300);
}

export default ['cockpit.processDefinition.diagram.plugin', 'cockpit.processInstance.diagram.plugin'].map(
  (pluginPoint) => ({
    id: 'complaints-readable-diagram-' + pluginPoint,
    pluginPoint: pluginPoint,
    priority: 0,
    render: (viewer) => readable(viewer)
  })
);
