package org.hcp.catalog;

import org.hcp.shared.Level;

/** One evaluation indicator 评价指标 of one catalog version, e.g. 201 “办事效率低”. */
public record Indicator(int version, String code, Level level, ChannelFamily family, String text) {
}
