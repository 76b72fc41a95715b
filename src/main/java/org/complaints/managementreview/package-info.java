/**
 * Management review (ISO 10002 8.6): its prepared input, outcome and actions, for
 * {@code management-review.bpmn}.
 */
package org.complaints.managementreview;
