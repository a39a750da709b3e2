package org.hcp.analytics;

/** A labelled count in a breakdown: a channel, an indicator 差评原因, an item, a child region or department. */
public record Tally(String key, String name, long count) {
}
