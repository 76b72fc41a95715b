/**
 * Initial assessment (ISO 10002 7.5): the decision table's result, the handler's confirmation or override,
 * the scope decision, and the delegates of those BPMN tasks.
 */
package org.complaints.assessment;
