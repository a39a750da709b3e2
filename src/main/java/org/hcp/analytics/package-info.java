/**
 * Analytics 统计分析: the figures of domain §10 (counts and rates, each defined once in {@link org.hcp.analytics.Metric}),
 * kept current in rollups fed in the same transaction as each fact and recomputable from the raw tables; fair rankings
 * 客观分析, the quarterly report 通报, the office's dashboard and public disclosure 公开. Nothing depends on it.
 */
package org.hcp.analytics;
