/** Security 安全: API keys (stored hashed) for systems and platforms, roles, region scope, the HTTP security chain. */
package org.hcp.security;
