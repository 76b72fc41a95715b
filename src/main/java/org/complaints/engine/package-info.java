/**
 * Small adapters to the Camunda engine every concern uses: form values read in whatever shape they arrive,
 * the current user, refusals of bad input, and the decision engine's FEEL evaluation.
 */
package org.complaints.engine;
