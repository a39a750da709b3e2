/** Database 数据库: PostgreSQL only — an embedded server when none is configured, the configured one otherwise. */
package org.hcp.database;
