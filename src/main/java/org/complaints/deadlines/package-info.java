/**
 * Every deadline in one place: the working-day calendar with public holidays, and the dates timers, due
 * dates, e-mails and public pages show, so every surface tells the same date.
 */
package org.complaints.deadlines;
