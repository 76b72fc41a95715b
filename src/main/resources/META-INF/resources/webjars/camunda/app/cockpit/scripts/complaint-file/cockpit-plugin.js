/*
 * Cockpit's "Complaints" entry: a navigation link and a route that frames the staff search over open and closed
 * complaints (/staff/complaints), each result opening the complaint file and, while the complaint's process
 * runs, its process instance in Cockpit. Registered in scripts/config.js (customScripts) as Camunda 7.24
 * plugin modules.
 */
const SUPPORTED = ['en', 'tr', 'nl', 'et'];

/** The application's root: the webapps live one level below it (app-root is e.g. /camunda). */
function applicationRoot() {
  const webapps = document.querySelector('base').getAttribute('app-root') || '';
  return webapps.substring(0, webapps.lastIndexOf('/'));
}

function language() {
  const wanted = (navigator.languages || [navigator.language || 'en']).map((l) => String(l).slice(0, 2).toLowerCase());
  return wanted.find((l) => SUPPORTED.includes(l)) || 'en';
}

const LABEL = {en: 'Complaints', tr: 'Şikâyetler', nl: 'Klachten', et: 'Kaebused'}[language()];
const PATH = '/complaints';

export default [
  {
    id: 'complaint-file.navigation',
    pluginPoint: 'cockpit.navigation',
    priority: 50,
    properties: {
      pagePath: `#${PATH}`,
      label: LABEL,
      checkActive: (path) => path.indexOf(`#${PATH}`) > -1
    },
    render: (node) => {
      const link = document.createElement('a');
      link.href = `#${PATH}`;
      link.textContent = LABEL;
      node.appendChild(link);
    }
  },
  {
    id: 'complaint-file.route',
    pluginPoint: 'cockpit.route',
    properties: {
      path: PATH,
      label: PATH
    },
    render: (node) => {
      const frame = document.createElement('iframe');
      frame.className = 'complaint-search-frame';
      frame.title = LABEL;
      frame.src = `${applicationRoot()}/staff/complaints?embedded=true`
        + `&lang=${language()}`;
      frame.style.width = '100%';
      frame.style.height = 'calc(100vh - 120px)';
      frame.style.border = '0';
      node.appendChild(frame);
    }
  }
];
