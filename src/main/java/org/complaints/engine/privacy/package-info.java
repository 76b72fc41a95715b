/**
 * Engine hooks of data protection ({@code privacy}): the history of a complaint under legal hold gets no removal
 * time, so the engine's history clean-up keeps it; a representative's start-form fields leave the history when they
 * ask for erasure.
 */
package org.complaints.engine.privacy;
