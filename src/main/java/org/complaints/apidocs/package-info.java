/**
 * The OpenAPI 3 description of the complainants' and the staff JSON APIs ({@code /v3/api-docs}, Swagger UI at
 * {@code /swagger-ui/index.html}), generated from the controllers by springdoc-openapi: the shared error answers
 * (RFC 9457 problem details, {@code urn:complaints:problem:*}) the controllers name, with examples.
 */
package org.complaints.apidocs;
