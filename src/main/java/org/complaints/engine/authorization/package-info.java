/**
 * Authorization rows written inside the running engine command, and the engine authority the access
 * policy's bookkeeping runs with.
 */
package org.complaints.engine.authorization;
