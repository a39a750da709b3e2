/** Web 门户: start page, layout, error rendering shared by every controller. */
package org.hcp.web;
