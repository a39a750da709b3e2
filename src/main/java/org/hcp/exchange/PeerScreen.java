package org.hcp.exchange;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.hcp.shared.FieldProblem;
import org.hcp.shared.HcpException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The administrators' exchange screen ({@code /app/admin/exchange}): the registered peer platforms with a form to
 * register or change one (the secret is write-only: empty keeps the stored one), and our key pairs with the rotation.
 * Every change goes through {@link Peers} or {@link OwnKeys}; a refusal is shown with each field's problem.
 */
@Controller
@RequestMapping("/app/admin/exchange")
class PeerScreen {

	private static final String PAGE = "exchange/admin-exchange";

	private final Peers peers;
	private final OwnKeys keys;
	private final Clock clock;

	PeerScreen(Peers peers, OwnKeys keys, Clock clock) {
		this.peers = peers;
		this.keys = keys;
		this.clock = clock;
	}

	@GetMapping
	String page(Model model) {
		model.addAttribute("peers", peers.all().stream().map(p -> p.view(clock.instant())).toList());
		model.addAttribute("keys", keys.views());
		model.addAttribute("directions", PeerDirection.values());
		model.addAttribute("signModes", SignMode.values());
		if (!model.containsAttribute("draft")) {
			model.addAttribute("draft", new PeerDraft(null, null, "LOWER", null, null, null, "SM2_ENCRYPT", null, null, true));
		}
		return PAGE;
	}

	@PostMapping("/peers")
	String save(@RequestParam(required = false) String appId, @RequestParam(required = false) String name,
			@RequestParam(required = false) String direction, @RequestParam(required = false) String regionCode,
			@RequestParam(required = false) String publicKey, @RequestParam(required = false) String secret,
			@RequestParam(required = false) String signMode, @RequestParam(required = false) String endpoint,
			@RequestParam(required = false) String ourAppId, @RequestParam(defaultValue = "false") boolean enabled,
			Model model, RedirectAttributes redirect, HttpServletResponse response) {
		PeerDraft draft = new PeerDraft(blank(appId), blank(name), blank(direction), blank(regionCode), blank(publicKey),
				blank(secret), blank(signMode), blank(endpoint), blank(ourAppId), enabled);
		try {
			boolean known = draft.appId() != null && peers.find(draft.appId()).isPresent();
			Peer saved = known ? peers.update(draft.appId(), draft) : peers.register(draft);
			redirect.addFlashAttribute("notice", known ? "exchange.peer.notice.updated" : "exchange.peer.notice.created");
			redirect.addFlashAttribute("noticeArg", saved.appId());
			return "redirect:/app/admin/exchange";
		}
		catch (HcpException e) {
			refused(e, model, response);
			model.addAttribute("draft", new PeerDraft(draft.appId(), draft.name(), draft.direction(), draft.regionCode(),
					draft.publicKey(), null, draft.signMode(), draft.endpoint(), draft.ourAppId(), enabled));
			return page(model);
		}
	}

	@PostMapping("/keys/rotate")
	String rotate(RedirectAttributes redirect) {
		redirect.addFlashAttribute("notice", "exchange.national.notice.rotated");
		redirect.addFlashAttribute("noticeArg", keys.rotate().id());
		return "redirect:/app/admin/exchange";
	}

	private static String blank(String text) {
		return text == null || text.isBlank() ? null : text.trim();
	}

	private static void refused(HcpException e, Model model, HttpServletResponse response) {
		List<FieldProblem> problems = new ArrayList<>(e.fields());
		if (problems.isEmpty()) {
			problems.add(FieldProblem.of("", e.text().zh(), e.text().en()));
		}
		model.addAttribute("problems", problems);
		response.setStatus(e.status() == HttpStatus.NOT_FOUND ? 404 : e.status().value());
	}
}
