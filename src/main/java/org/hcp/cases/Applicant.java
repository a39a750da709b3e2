package org.hcp.cases;

import org.hcp.privacy.Masks;
import org.hcp.privacy.Mobile;

/**
 * The applicant of a case: type 1 自然人 / 2 企业法人 …, name, ID type (111 = 居民身份证) and number, mobile.
 * Personal data: encrypted when stored; {@code toString} is masked.
 */
public record Applicant(int type, String name, String certType, String certNo, Mobile mobile) {

	@Override
	public String toString() {
		return "Applicant[type=" + type + ", name=" + Masks.name(name) + ", cert=" + Masks.idNumber(certNo)
				+ ", mobile=" + mobile + "]";
	}
}
