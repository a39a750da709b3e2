package org.hcp.analytics;

import java.util.Locale;

import org.hcp.evaluation.Channel;
import org.hcp.shared.HcpException;

/** Reads the query parameters of the statistics endpoints; a bad value is a 400 naming its field. */
final class StatisticsRequest {

	private StatisticsRequest() {
	}

	static Subject subject(String dimension, String key, String channel) {
		if (key == null || key.isBlank()) {
			throw HcpException.badRequest("key", "REQUIRED", "key 不能为空", "key is required");
		}
		return new Subject(dimension(dimension), key.trim(), channel(channel));
	}

	static Dimension dimension(String text) {
		if (text == null || text.isBlank()) {
			return Dimension.REGION;
		}
		try {
			return Dimension.valueOf(text.trim().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException e) {
			throw HcpException.badRequest("dimension", "DIMENSION_INVALID",
					"统计维度应为 REGION、INSTITUTION、DEPARTMENT、WINDOW、STAFF 或 ITEM",
					"dimension is one of REGION, INSTITUTION, DEPARTMENT, WINDOW, STAFF, ITEM");
		}
	}

	static Channel channel(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return Channel.valueOf(text.trim().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException e) {
			throw HcpException.badRequest("channel", "CHANNEL_INVALID", "评价渠道不存在", "no such rating channel");
		}
	}

	static int limit(int limit) {
		if (limit < 1 || limit > 100) {
			throw HcpException.badRequest("limit", "LIMIT_INVALID", "limit 应在 1 到 100 之间", "limit is between 1 and 100");
		}
		return limit;
	}
}
