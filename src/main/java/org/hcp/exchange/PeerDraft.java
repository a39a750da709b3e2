package org.hcp.exchange;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.hcp.shared.FieldProblem;
import org.hcp.shared.HcpException;

import tools.jackson.databind.JsonNode;

/**
 * A peer as an administrator typed it (API body or screen form), before it is checked. {@link #check} finds every
 * problem at once and names each field; what needs the catalog (the region exists) is checked by {@link Peers}.
 */
record PeerDraft(String appId, String name, String direction, String regionCode, String publicKey, String secret,
		String signMode, String endpoint, String ourAppId, Boolean enabled) {

	private static final Pattern APP_ID = Pattern.compile("[0-9A-Za-z_.\\-]{1,64}");
	private static final Pattern REGION = Pattern.compile("\\d{6}|\\d{12}");

	@Override
	public String toString() {
		return "PeerDraft[appId=" + appId + ", direction=" + direction + ", secret=(hidden)]";
	}

	/** Reads the API's JSON body; a field that is not text (or a boolean for {@code enabled}) is named. */
	static PeerDraft of(JsonNode body) {
		if (body == null || !body.isObject()) {
			throw HcpException.badRequest("body", "BAD_BODY", "请求体应为 JSON 对象", "The body must be a JSON object");
		}
		JsonNode enabled = body.get("enabled");
		if (enabled != null && !enabled.isNull() && !enabled.isBoolean()) {
			throw HcpException.invalid("enabled", "BAD_FIELD", "enabled 应为 true 或 false", "enabled must be true or false");
		}
		return new PeerDraft(text(body, "appId"), text(body, "name"), text(body, "direction"), text(body, "regionCode"),
				text(body, "publicKey"), text(body, "secret"), text(body, "signMode"), text(body, "endpoint"),
				text(body, "ourAppId"), enabled == null || enabled.isNull() ? null : enabled.asBoolean());
	}

	/** The draft's problems, every field at once; {@code secretRequired} for a new peer. */
	List<FieldProblem> check(boolean secretRequired) {
		List<FieldProblem> problems = new ArrayList<>();
		if (appId == null || !APP_ID.matcher(appId).matches()) {
			problems.add(FieldProblem.of("appId", "应用标识为1至64位字母、数字或 _ . -",
					"The app id is 1 to 64 letters, digits or _ . -"));
		}
		if (name == null || name.length() > 100) {
			problems.add(FieldProblem.of("name", "名称必填，最多100个字符", "The name is required, at most 100 characters"));
		}
		PeerDirection dir = peerDirection();
		if (dir == null) {
			problems.add(FieldProblem.of("direction", "方向应为 LOWER（下级平台）或 UPPER（上级平台）",
					"The direction is LOWER (lower platform) or UPPER (upper platform)"));
		}
		if (regionCode == null || !REGION.matcher(regionCode).matches() || regionCode.startsWith("00")) {
			problems.add(FieldProblem.of("regionCode", "行政区划代码应为12位数字（6位代码补零）",
					"The region code has 12 digits (6-digit codes are padded with zeros)"));
		}
		if (publicKey == null || !Sm2.isPublicKey(publicKey)) {
			problems.add(FieldProblem.of("publicKey", "公钥应为 SM2 曲线上的点：04 开头的130位十六进制",
					"The public key must be an SM2 point: 130 hex digits starting with 04"));
		}
		if (secretRequired && secret == null) {
			problems.add(FieldProblem.of("secret", "应用密钥必填", "The app secret is required"));
		}
		if (secret != null && (secret.length() < 8 || secret.length() > 128)) {
			problems.add(FieldProblem.of("secret", "应用密钥为8至128个字符", "The app secret has 8 to 128 characters"));
		}
		if (peerSignMode() == null) {
			problems.add(FieldProblem.of("signMode", "签名方式应为 SM2_ENCRYPT 或 SM2_SIGN", "The sign mode is SM2_ENCRYPT or SM2_SIGN"));
		}
		if (dir == PeerDirection.UPPER && !isHttpUrl(endpoint)) {
			problems.add(FieldProblem.of("endpoint", "上级平台须填写 http(s) 接收地址，最多500个字符",
					"An upper platform needs its http(s) endpoint, at most 500 characters"));
		}
		else if (endpoint != null && !isHttpUrl(endpoint)) {
			problems.add(FieldProblem.of("endpoint", "接收地址应为 http(s) 地址，最多500个字符",
					"The endpoint must be an http(s) address, at most 500 characters"));
		}
		if (ourAppId != null && !APP_ID.matcher(ourAppId).matches()) {
			problems.add(FieldProblem.of("ourAppId", "本平台应用标识为1至64位字母、数字或 _ . -",
					"Our app id is 1 to 64 letters, digits or _ . -"));
		}
		return problems;
	}

	PeerDirection peerDirection() {
		return parse(PeerDirection.class, direction);
	}

	SignMode peerSignMode() {
		return parse(SignMode.class, signMode);
	}

	String region12() {
		return regionCode.length() == 6 ? regionCode + "000000" : regionCode;
	}

	private static <E extends Enum<E>> E parse(Class<E> type, String text) {
		if (text == null) {
			return null;
		}
		for (E e : type.getEnumConstants()) {
			if (e.name().equals(text.toUpperCase(Locale.ROOT))) {
				return e;
			}
		}
		return null;
	}

	private static boolean isHttpUrl(String text) {
		if (text == null || text.length() > 500) {
			return false;
		}
		try {
			URI uri = new URI(text);
			return ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
					&& uri.getHost() != null && !uri.getHost().isBlank();
		}
		catch (URISyntaxException e) {
			return false;
		}
	}

	private static String text(JsonNode body, String field) {
		JsonNode v = body.get(field);
		if (v == null || v.isNull()) {
			return null;
		}
		if (!v.isString() && !v.isNumber()) {
			throw HcpException.invalid(field, "BAD_FIELD", field + " 应为文本", field + " must be text");
		}
		String s = v.asString();
		if (s.indexOf('\u0000') >= 0) {
			throw HcpException.invalid(field, "BAD_CHARACTER", field + " 含有不允许的控制字符", field + " contains a control character");
		}
		s = s.trim();
		return s.isEmpty() ? null : s;
	}
}
