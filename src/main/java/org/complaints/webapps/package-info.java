/**
 * The Camunda webapps (Tasklist, Cockpit, Admin, Welcome) as staff meet them: the organisation's name, the
 * languages, the plugin modules they load, what read-only staff are offered, the notice of a registration, and
 * readable refusals instead of the servlet container's error pages.
 */
package org.complaints.webapps;
