package org.hcp.doors;

import java.util.ArrayList;
import java.util.List;

import org.hcp.shared.ChinaTime;
import org.hcp.shared.FieldProblem;
import org.hcp.shared.HcpException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The devices screen {@code /app/devices}: the evaluators of the person's region, a form to register one, and re-key
 * and deactivate buttons. A new secret is shown once, as the set-up link to open on the tablet.
 */
@Controller
@RequestMapping("/app/devices")
class DeviceScreen {

	private final DeviceRegistry devices;

	DeviceScreen(DeviceRegistry devices) {
		this.devices = devices;
	}

	/** One line of the list, its time in China time. */
	record Row(DeviceView device, String registeredAt) {
	}

	@GetMapping
	String list(Model model, HttpServletResponse response) {
		try {
			model.addAttribute("rows", devices.list().stream()
				.map(d -> new Row(d, ChinaTime.format(d.registeredAt()))).toList());
		}
		catch (HcpException e) {
			refused(e, model, response);
			model.addAttribute("rows", List.of());
		}
		return "doors/devices";
	}

	@PostMapping
	String register(@RequestParam(required = false) String deviceId, @RequestParam(required = false) String windowCode,
			Model model, HttpServletResponse response) {
		try {
			issued(model, devices.register(deviceId, windowCode));
		}
		catch (HcpException e) {
			refused(e, model, response);
			model.addAttribute("draftId", deviceId);
			model.addAttribute("draftWindow", windowCode);
		}
		return list(model, response);
	}

	@PostMapping("/{deviceId}/rekey")
	String rekey(@PathVariable String deviceId, Model model, HttpServletResponse response) {
		try {
			issued(model, devices.rekey(deviceId));
		}
		catch (HcpException e) {
			refused(e, model, response);
		}
		return list(model, response);
	}

	@PostMapping("/{deviceId}/deactivate")
	String deactivate(@PathVariable String deviceId, Model model, HttpServletResponse response) {
		try {
			devices.deactivate(deviceId);
			model.addAttribute("notice", "door.evaluator.devices.deactivated");
			model.addAttribute("noticeArg", deviceId);
		}
		catch (HcpException e) {
			refused(e, model, response);
		}
		return list(model, response);
	}

	/** The new secret, once, as the absolute set-up link to open on the tablet. */
	private static void issued(Model model, DeviceKey key) {
		model.addAttribute("issued", key);
		model.addAttribute("setupLink",
				ServletUriComponentsBuilder.fromCurrentContextPath().toUriString() + key.setupUrl());
	}

	private static void refused(HcpException e, Model model, HttpServletResponse response) {
		if (model.containsAttribute("problems")) {
			return;
		}
		List<FieldProblem> problems = new ArrayList<>(e.fields());
		if (problems.isEmpty()) {
			problems.add(FieldProblem.of("", e.text().zh(), e.text().en()));
		}
		model.addAttribute("problems", problems);
		response.setStatus(e.status().value());
	}
}
