package org.hcp.evaluation;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;

import org.hcp.cases.CaseView;
import org.hcp.cases.Cases;
import org.hcp.privacy.PersonalData;
import org.hcp.privacy.Sm3;
import org.hcp.shared.HcpException;
import org.hcp.shared.PublicAddress;
import org.springframework.stereotype.Component;

/**
 * The short link of a case's rating page {@code /c/{code}} — on the receipt's QR code and in the rating SMS. The code
 * is base64url(case id as 8 bytes ‖ the first 8 bytes of HMAC-SM3(key, case id)), 22 characters: it names the case
 * without a table, and cannot be made for another case without the key (derived from the personal-data master key,
 * purpose {@code hcp/case-links}). It only names the case: who may rate still has to prove to be the applicant
 * (ADR 0005).
 */
@Component
public class CaseLinks {

	private static final Pattern CODE = Pattern.compile("[A-Za-z0-9_-]{22}");

	private final byte[] key;
	private final Cases cases;
	private final PublicAddress address;

	CaseLinks(PersonalData personal, Cases cases, PublicAddress address) {
		this.key = personal.derivedKey("hcp/case-links");
		this.cases = cases;
		this.address = address;
	}

	/** The code of a case's short link. */
	public String codeOf(long caseId) {
		byte[] id = ByteBuffer.allocate(8).putLong(caseId).array();
		byte[] out = Arrays.copyOf(id, 16);
		System.arraycopy(mac(id), 0, out, 8, 8);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(out);
	}

	/** The code of a case's short link, by case number: 404 for an unknown case, 403 for another region's. */
	public String codeOf(String caseNo) {
		return codeOf(cases.require(caseNo).id());
	}

	/** The path of the short link, {@code /c/{code}}. */
	public String pathOf(long caseId) {
		return "/c/" + codeOf(caseId);
	}

	/** The short link as a rater opens it (absolute when the public base URL is configured or during a request). */
	public String urlOf(long caseId) {
		return address.url(pathOf(caseId));
	}

	/** The case id a code names; empty for anything malformed or not signed with our key. */
	public Optional<Long> caseIdOf(String code) {
		if (code == null || !CODE.matcher(code).matches()) {
			return Optional.empty();
		}
		byte[] raw = Base64.getUrlDecoder().decode(code);
		byte[] id = Arrays.copyOf(raw, 8);
		byte[] expected = Arrays.copyOf(mac(id), 8);
		if (!MessageDigest.isEqual(expected, Arrays.copyOfRange(raw, 8, 16))) {
			return Optional.empty();
		}
		long caseId = ByteBuffer.wrap(id).getLong();
		return caseId > 0 ? Optional.of(caseId) : Optional.empty();
	}

	/** The case number a code names; empty when the code is malformed, forged, or its case no longer exists. */
	public Optional<String> caseNoOf(String code) {
		return caseIdOf(code).flatMap(cases::find).map(CaseView::caseNo);
	}

	/** As {@link #caseNoOf(String)}, refusing with 404 for a code that names no case. */
	public CaseView require(String code) {
		return caseIdOf(code).flatMap(cases::find).orElseThrow(() -> HcpException.notFound("code", "UNKNOWN_CASE_LINK",
				"评价链接无效或已失效", "This rating link is not valid"));
	}

	private byte[] mac(byte[] id) {
		return Sm3.hmac(key, id);
	}
}
