package org.complaints.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The first administrator outside demo mode (production: COMPLAINTS_ADMIN_USER, COMPLAINTS_ADMIN_PASSWORD).
 *
 * @param user     user id of the first member of camunda-admin
 * @param password its initial password, at least 12 characters
 */
@ConfigurationProperties("complaints.admin")
public record AdministratorProperties(String user, String password) {}
