/**
 * Demo mode only: demo users, the embedded SMTP server and the mailbox page that shows what was sent.
 */
package org.complaints.demo;
