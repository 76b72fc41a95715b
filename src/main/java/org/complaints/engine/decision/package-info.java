/**
 * The decision engine's FEEL evaluation: literal decision-table cells answered from memory.
 */
package org.complaints.engine.decision;
