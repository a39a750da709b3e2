package org.hcp.analytics;

import org.hcp.evaluation.Channel;

/** The unit a figure is about — a region, institution, department, window, staff member or item — optionally one channel. */
public record Subject(Dimension dimension, String key, Channel channel) {

	public Subject {
		if (dimension == null || key == null || key.isBlank()) {
			throw new IllegalArgumentException("a subject needs a dimension and a key");
		}
	}

	public static Subject region(String code) {
		return new Subject(Dimension.REGION, code, null);
	}

	public static Subject of(Dimension dimension, String key) {
		return new Subject(dimension, key, null);
	}

	public Subject on(Channel channel) {
		return new Subject(dimension, key, channel);
	}
}
