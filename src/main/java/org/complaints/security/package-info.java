/**
 * Who may see and do what (ISO 10002 4.7, 4.10): staff groups and grants, per-complaint access
 * (confidential, named staff), what clients of the engine's APIs may send, authentication, sign-in throttling
 * and the mapping of refusals to HTTP answers.
 */
package org.complaints.security;
