/**
 * Building blocks that know nothing of complaints: secret random bytes, rows batched until the commit.
 */
package org.complaints.support;
