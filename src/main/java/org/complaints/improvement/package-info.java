/**
 * Corrective and preventive action (ISO 10002 8.7): the CAPA register, what opens an action (systemic
 * findings, recurrence threshold, a manager), and the delegates of {@code corrective-action.bpmn}.
 */
package org.complaints.improvement;
