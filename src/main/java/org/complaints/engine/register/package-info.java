/**
 * Engine hooks of the complaint register: the one way a user task's result is recorded. Every user task of every
 * diagram gets the {@link org.complaints.engine.register.TaskResultRecorder} on completion, which writes the values
 * of the task form's input fields to the complaint's event log, unless the diagram hands the result to a Record
 * service task ({@link org.complaints.engine.register.TaskResultRule}).
 */
package org.complaints.engine.register;
