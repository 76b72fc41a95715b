/**
 * Investigation (ISO 10002 7.6): related complaints, findings and root cause, and the delegates of those
 * BPMN tasks.
 */
package org.complaints.investigation;
