/**
 * The engine's handler of failed-e-mail incidents ({@code mail}): resolving one retries the e-mail.
 */
package org.complaints.engine.mail;
