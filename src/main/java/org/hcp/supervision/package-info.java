/**
 * Supervision 监督: quarterly random phone revisits 随机电话回访 (reproducible samples, call tasks, results),
 * 监督查评 findings and 综合点评 comments; a problem found opens a work order on the rectification path.
 */
package org.hcp.supervision;
