/**
 * Analysis and evaluation (ISO 10002 8.3 to 8.5): reports and objectives over a period, their CSV, the
 * evidence record of one complaint for auditors, and the roll-up of closed complaints the reports read.
 */
package org.complaints.analysis;
