package org.hcp.security;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.hcp.shared.HcpException;
import org.hcp.shared.RegionCode;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@Tag(name = "security 安全")
class ApiKeyController {

	private final ApiKeys keys;

	ApiKeyController(ApiKeys keys) {
		this.keys = keys;
	}

	@PostMapping("/api/v1/admin/api-keys")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Create an API key for a system; the key is shown only in this response")
	Map<String, Object> create(@RequestBody KeyRequest request) {
		if (request.name() == null || request.name().isBlank() || request.name().length() > 100) {
			throw HcpException.invalid("name", "REQUIRED", "名称不能为空且不超过100字", "name is required, at most 100 characters");
		}
		if (request.role() == null) {
			throw HcpException.invalid("role", "REQUIRED", "角色不能为空（ADMIN、PLATFORM、SMS_GATEWAY）",
					"role is required (ADMIN, PLATFORM, SMS_GATEWAY)");
		}
		RegionCode region = request.regionCode() == null ? null : RegionCode.parse("regionCode", request.regionCode());
		if (region != null && request.role() == Role.ADMIN) {
			throw HcpException.invalid("regionCode", "ADMIN_NOT_REGIONAL", "管理员密钥不能限定行政区划（管理员可创建任意密钥）",
					"Admin keys cannot be limited to a region (an admin can create any key)");
		}
		ApiKeys.Created created = keys.create(request.name().trim(), request.role(), region);
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("id", created.id());
		body.put("name", request.name().trim());
		body.put("role", request.role());
		body.put("regionCode", region == null ? null : region.value());
		body.put("key", created.key());
		return body;
	}

	@GetMapping("/api/v1/admin/api-keys")
	@Operation(summary = "Every API key (never the key itself)")
	Map<String, List<Map<String, Object>>> list() {
		return Map.of("keys", keys.list());
	}

	@DeleteMapping("/api/v1/admin/api-keys/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Revoke an API key")
	void revoke(@PathVariable long id) {
		if (!keys.revoke(id)) {
			throw HcpException.notFound("id", "UNKNOWN_KEY", "密钥不存在或已吊销：" + id, "No active key " + id);
		}
	}

	record KeyRequest(String name, Role role, String regionCode) {
	}
}
