/**
 * Responding (ISO 10002 7.7, 7.8): the proposal, the four-eyes approval, the decision and its
 * communication, and the delegates of those BPMN tasks.
 */
package org.complaints.response;
