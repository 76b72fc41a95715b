/**
 * Data protection (GDPR, ISO 10002 4.7): anonymisation at retention and on request, legal hold, and the
 * subject-access export.
 */
package org.complaints.privacy;
