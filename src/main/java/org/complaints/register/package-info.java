/**
 * The complaint register (ISO 10002 7.2, 7.3, 8.1): the application's own record of every complaint, its
 * decisions, event log and references, and which complaint a process instance handles.
 */
package org.complaints.register;
