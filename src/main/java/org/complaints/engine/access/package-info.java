/**
 * Engine hooks of the access rules ({@code security}): the authorization provider and task listener that
 * apply per-complaint access, the rules for what clients of the engine's APIs may send, the claimed-task rule,
 * and the narrowing of a user's groups before the engine's checks.
 */
package org.complaints.engine.access;
