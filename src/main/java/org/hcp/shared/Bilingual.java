package org.hcp.shared;

/** A text shown to people in Chinese first and English second. */
public record Bilingual(String zh, String en) {

	public static Bilingual of(String zh, String en) {
		return new Bilingual(zh, en);
	}

	@Override
	public String toString() {
		return zh + " / " + en;
	}
}
