/**
 * Complaints that come back and complaints that repeat another (ISO 10002 7.3, 7.9): reopening a closed complaint
 * at the assessment, with its reference and history, in a new process instance; closing a duplicate into the
 * complaint it repeats. Who may do either, and on which complaints, is the complaint file's to decide; this package
 * does the change to the register, the process and the complainant's e-mail.
 */
package org.complaints.reopening;
