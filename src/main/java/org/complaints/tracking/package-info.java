/**
 * Tracking (ISO 10002 7.3): the complaint's stage as the process moves, the status complainants see and
 * the periodic status e-mails.
 */
package org.complaints.tracking;
