/**
 * The public JSON API for complainants and other front ends: file, follow, add information, answer the
 * decision, withdraw.
 */
package org.complaints.intake.api;
