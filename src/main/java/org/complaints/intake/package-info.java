/**
 * Receipt (ISO 10002 7.2, 4.5): every channel turns what arrived into one submission; validation,
 * attachments, rate limits, and the complainant's later messages with their delivery to the process.
 */
package org.complaints.intake;
