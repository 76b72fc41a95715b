/**
 * Acknowledgement (ISO 10002 7.4): the acknowledgement with the committed response date, and the delegate
 * of the BPMN task that sends it.
 */
package org.complaints.acknowledgement;
