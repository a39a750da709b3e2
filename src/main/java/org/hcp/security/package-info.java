/** Security 安全: API keys (stored hashed) for systems, accounts of people (用户) with sign-in and lock-out, roles, the data scope, the HTTP security chains. */
package org.hcp.security;
