package org.hcp.evaluation;

import org.hcp.privacy.Masks;
import org.hcp.privacy.Mobile;

/** Who rated, as far as the channel knows; any part may be absent. Personal data: {@code toString} is masked. */
public record Rater(String name, String certType, String certNo, Mobile mobile) {

	public static final Rater ANONYMOUS = new Rater(null, null, null, null);

	@Override
	public String toString() {
		return "Rater[" + Masks.name(name) + ", " + Masks.idNumber(certNo) + ", " + mobile + "]";
	}
}
