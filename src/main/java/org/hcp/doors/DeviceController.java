package org.hcp.doors;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Evaluator devices over the API, for administrators and the service office of the window's region. */
@RestController
@Tag(name = "doors 评价渠道")
class DeviceController {

	private final DeviceRegistry devices;

	DeviceController(DeviceRegistry devices) {
		this.devices = devices;
	}

	@PostMapping("/api/v1/evaluator-devices")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Register an evaluator device at a window; the answer carries its secret and set-up URL, once")
	DeviceKey register(@RequestBody Registration r) {
		return devices.register(r.deviceId(), r.windowCode());
	}

	@GetMapping("/api/v1/evaluator-devices")
	@Operation(summary = "The evaluator devices of the caller's region")
	Map<String, List<DeviceView>> list() {
		return Map.of("devices", devices.list());
	}

	@PostMapping("/api/v1/evaluator-devices/{deviceId}/rekey")
	@Operation(summary = "A new secret and set-up URL for a device; the old secret stops working")
	DeviceKey rekey(@PathVariable String deviceId) {
		return devices.rekey(deviceId);
	}

	@PostMapping("/api/v1/evaluator-devices/{deviceId}/deactivate")
	@Operation(summary = "Take a device out of service: its secret opens nothing and nothing more is queued for it")
	DeviceView deactivate(@PathVariable String deviceId) {
		return devices.deactivate(deviceId);
	}

	record Registration(String deviceId, String windowCode) {
	}
}
