/** Catalog 基础目录: regions 行政区划, institutions/windows/staff, departments, service items 事项, indicator catalog 评价指标. */
package org.hcp.catalog;
