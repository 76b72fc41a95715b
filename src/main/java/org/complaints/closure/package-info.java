/**
 * Closing a complaint (ISO 10002 7.9): closure, withdrawal, internal review and external referral (ISO
 * 10003), the notices that go with them, and the delegates of those BPMN tasks.
 */
package org.complaints.closure;
