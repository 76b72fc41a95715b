/**
 * Satisfaction survey (ISO 10002 8.4): invitations after closure, single-use links, answers and results.
 */
package org.complaints.survey;
