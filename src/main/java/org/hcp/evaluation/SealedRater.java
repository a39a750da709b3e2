package org.hcp.evaluation;

import org.hcp.privacy.PersonalData;
import org.hcp.privacy.PersonalData.LookupKind;

/** A rater's personal data as stored: encrypted, plus keyed hashes for look-ups and the self-rating check. */
record SealedRater(byte[] nameEnc, byte[] certEnc, byte[] certHash, byte[] mobileEnc, byte[] mobileHash) {

	static final SealedRater NONE = new SealedRater(null, null, null, null, null);

	static SealedRater of(Rater rater, PersonalData personal) {
		if (rater == null) {
			return NONE;
		}
		String mobile = rater.mobile() == null ? null : rater.mobile().value();
		String cert = rater.certNo() == null || rater.certNo().isBlank() ? null : rater.certNo().trim();
		String name = rater.name() == null || rater.name().isBlank() ? null : rater.name().trim();
		return new SealedRater(personal.encrypt(name), personal.encrypt(cert),
				personal.lookupHash(LookupKind.ID_NUMBER, cert), personal.encrypt(mobile),
				personal.lookupHash(LookupKind.MOBILE, mobile));
	}
}
