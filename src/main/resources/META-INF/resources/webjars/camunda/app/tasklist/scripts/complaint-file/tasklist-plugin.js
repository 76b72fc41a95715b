/*
 * The "Complaint" tab of every Tasklist task of the complaint diagrams: the complaint file of the task's
 * complaint (its process instance's business key is the reference; a call's is "reference/message", and the file
 * opens at its "Call to make" section with whom to call and what to say), framed from /staff/complaints/{reference},
 * which the application serves with the staff member's webapp session. Registered in scripts/config.js
 * (customScripts) as a Camunda 7.24 plugin module.
 */
const SUPPORTED = ['en', 'tr', 'nl', 'et'];

/** The application's root: the webapps live one level below it (app-root is e.g. /camunda). */
function applicationRoot() {
  const webapps = document.querySelector('base').getAttribute('app-root') || '';
  return webapps.substring(0, webapps.lastIndexOf('/'));
}

/** The staff member's language as the webapps choose it: the first of the browser's languages we support. */
function language() {
  const wanted = (navigator.languages || [navigator.language || 'en']).map((l) => String(l).slice(0, 2).toLowerCase());
  return wanted.find((l) => SUPPORTED.includes(l)) || 'en';
}

const TEXT = {
  en: {label: 'Complaint', none: 'This task belongs to no complaint.', failed: 'The complaint could not be loaded.'},
  tr: {label: 'Şikâyet', none: 'Bu görev bir şikâyete ait değil.', failed: 'Şikâyet yüklenemedi.'},
  nl: {label: 'Klacht', none: 'Deze taak hoort bij geen klacht.', failed: 'De klacht kon niet worden geladen.'},
  et: {label: 'Kaebus', none: 'See ülesanne ei kuulu ühegi kaebuse juurde.', failed: 'Kaebust ei õnnestunud laadida.'}
};
const text = TEXT[language()];
const COMPLAINT_PROCESSES = ['complaint-handling'];
/** Processes about one message to a complaint: the business key is "reference/message"; the anchor to open at. */
const MESSAGE_PROCESSES = {'complainant-call': '#calls-to-make'};

function json(url) {
  return fetch(url, {credentials: 'same-origin', headers: {Accept: 'application/json'}}).then((response) => {
    if (!response.ok) {
      throw new Error(String(response.status));
    }
    return response.json();
  });
}

function message(node, words) {
  const p = document.createElement('p');
  p.className = 'complaint-file-message';
  p.textContent = words;
  node.appendChild(p);
}

export default {
  id: 'complaint-file.task-detail',
  pluginPoint: 'tasklist.task.detail',
  priority: 900,
  properties: {
    label: text.label
  },
  render: (node, {api, taskId}) => {
    node.textContent = '';
    json(`${api.engineApi}/task/${encodeURIComponent(taskId)}`)
      .then((task) => json(`${api.engineApi}/process-instance/${encodeURIComponent(task.processInstanceId)}`)
        .then((instance) => ({task, instance})))
      .then(({instance}) => {
        const definition = String(instance.definitionId || '').split(':')[0];
        const perMessage = Object.prototype.hasOwnProperty.call(MESSAGE_PROCESSES, definition);
        const key = perMessage ? String(instance.businessKey || '').split('/')[0] : instance.businessKey;
        if (!key || !(perMessage || COMPLAINT_PROCESSES.includes(definition))) {
          message(node, text.none);
          return;
        }
        const frame = document.createElement('iframe');
        frame.className = 'complaint-file-frame';
        frame.title = `${text.label} ${key}`;
        frame.src = `${applicationRoot()}/staff/complaints/`
          + `${encodeURIComponent(key)}?embedded=true&lang=${language()}${perMessage ? MESSAGE_PROCESSES[definition] : ''}`;
        frame.style.width = '100%';
        frame.style.minHeight = '70vh';
        frame.style.border = '0';
        node.appendChild(frame);
      })
      .catch(() => message(node, text.failed));
  }
};
