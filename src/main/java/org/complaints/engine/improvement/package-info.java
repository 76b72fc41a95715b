/**
 * Engine hooks of corrective actions ({@code improvement}): an instance cancelled before its action
 * closed leaves no action open.
 */
package org.complaints.engine.improvement;
