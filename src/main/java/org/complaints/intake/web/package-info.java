/**
 * The public pages for complainants (form, status page, answers) in their language, with every asset served
 * by the application.
 */
package org.complaints.intake.web;
