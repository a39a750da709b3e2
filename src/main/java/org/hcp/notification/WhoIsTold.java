package org.hcp.notification;

import static org.hcp.rectification.WorkOrderState.CLOSED;
import static org.hcp.rectification.WorkOrderState.CLOSED_BY_APPEAL;
import static org.hcp.rectification.WorkOrderState.DISPATCHED;
import static org.hcp.rectification.WorkOrderState.RECEIVED;
import static org.hcp.rectification.WorkOrderState.REPLIED;
import static org.hcp.rectification.WorkOrderState.REVISITED;
import static org.hcp.rectification.WorkOrderState.UNRECTIFIABLE_APPROVED;
import static org.hcp.rectification.WorkOrderState.UNRECTIFIABLE_REPORTED;
import static org.hcp.rectification.WorkOrderState.VERIFIED;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.hcp.rectification.WorkOrderAdvanced;
import org.hcp.rectification.WorkOrderOverdue;
import org.hcp.shared.RegionCode;

/**
 * Who is told of which step of a work order (domain §7, §8): the one who has to act next, and whoever supervises a
 * missed deadline. A step that its own actor took (verify, rectify, reply) tells nobody.
 * <ul>
 * <li>dispatched → the department (and the rated staff member, who may appeal);</li>
 * <li>extension asked → the office of the order's region; approved or refused → the department;</li>
 * <li>“cannot be rectified” reported → the office; approved or sent back → the department;</li>
 * <li>revisited → the office (销号 is due); not satisfied, rectification reopened → the department; closed → the
 * department;</li>
 * <li>appeal filed (the order pauses) → the office; rejected (resumes) or upheld (closed) → the department and the
 * staff member;</li>
 * <li>overdue → the department and its supervisor, the office of the region; overdue again, or still overdue too
 * long (escalated, 督办) → also the office of the region above.</li>
 * </ul>
 * Steps are recognised by their action name first and by the change of state otherwise, so that a renamed action
 * still tells the right people; a step that changes no state (evidence, a call attempt, the rater's answer, a reveal)
 * tells nobody unless its name says it is an extension, an appeal or an escalation.
 */
final class WhoIsTold {

	private WhoIsTold() {
	}

	static List<Notice> of(WorkOrderAdvanced e) {
		if (e.remotePeer() != null) {
			return List.of(); // a remote order's step: the lower platform handles it, nobody here acts (ADR 0033)
		}
		String action = e.action() == null ? "" : e.action().toLowerCase(Locale.ROOT);
		String key = "advanced:" + e.orderId() + ":" + action + ":" + e.to() + ":" + e.at().toEpochMilli();
		Addressee department = e.departmentCode() == null ? null : Addressee.department(e.departmentCode(), e.regionCode());
		Addressee staff = e.staffNo() == null ? null : Addressee.staff(e.staffNo(), e.regionCode());
		Addressee office = Addressee.office(e.regionCode());
		Builder tell = new Builder(key, e.orderId(), e.orderNo(), null, null, e.at());

		boolean moved = e.from() != e.to();
		if (action.equals("escalate")) {
			tell.to(department, NoticeTopic.ORDER_SUPERVISED).to(office, NoticeTopic.ORDER_SUPERVISED);
			String parent = parentOf(e.regionCode());
			tell.to(parent == null ? null : Addressee.office(parent), NoticeTopic.ORDER_SUPERVISED);
		}
		else if (action.contains("extension")) {
			if (action.contains("approve")) {
				tell.to(department, NoticeTopic.EXTENSION_APPROVED);
			}
			else if (action.contains("refuse") || action.contains("reject")) {
				tell.to(department, NoticeTopic.EXTENSION_REFUSED);
			}
			else {
				tell.to(office, NoticeTopic.EXTENSION_REQUESTED);
			}
		}
		else if (e.to() == CLOSED_BY_APPEAL && moved) {
			tell.to(department, NoticeTopic.APPEAL_UPHELD).to(staff, NoticeTopic.APPEAL_UPHELD);
		}
		else if (action.contains("appeal")) {
			if (action.contains("resume") || action.contains("reject")) {
				tell.to(department, NoticeTopic.APPEAL_REJECTED).to(staff, NoticeTopic.APPEAL_REJECTED);
			}
			else if (action.contains("pause") || action.contains("file")) {
				tell.to(office, NoticeTopic.APPEAL_FILED);
			}
		}
		else if (!moved) {
			// a fact recorded on the way (evidence, a call attempt, the rater's answer, a reveal): nobody has to act
		}
		else if (e.to() == DISPATCHED && e.from() == RECEIVED) {
			tell.to(department, NoticeTopic.ORDER_DISPATCHED).to(staff, NoticeTopic.ORDER_ABOUT_YOUR_SERVICE);
		}
		else if (e.to() == UNRECTIFIABLE_REPORTED) {
			tell.to(office, NoticeTopic.UNRECTIFIABLE_REPORTED);
		}
		else if (e.from() == UNRECTIFIABLE_REPORTED) {
			boolean approved = action.contains("approve") || e.to() == UNRECTIFIABLE_APPROVED;
			tell.to(department, approved ? NoticeTopic.UNRECTIFIABLE_APPROVED : NoticeTopic.UNRECTIFIABLE_SENT_BACK);
		}
		else if (e.to() == REVISITED) {
			tell.to(office, NoticeTopic.ORDER_REVISITED);
		}
		else if ((e.from() == REPLIED || e.from() == REVISITED) && (e.to() == VERIFIED || e.to() == DISPATCHED)) {
			tell.to(department, NoticeTopic.ORDER_REOPENED);
		}
		else if (e.to() == CLOSED) {
			tell.to(department, NoticeTopic.ORDER_CLOSED);
		}
		return tell.notices;
	}

	static List<Notice> of(WorkOrderOverdue e) {
		String key = "overdue:" + e.orderId() + ":" + e.step() + ":" + e.timesOverdue();
		NoticeTopic topic = e.escalated() ? NoticeTopic.ORDER_ESCALATED : NoticeTopic.ORDER_OVERDUE;
		Builder tell = new Builder(key, e.orderId(), e.orderNo(), e.step(), e.deadline(), e.at());
		tell.to(e.departmentCode() == null ? null : Addressee.department(e.departmentCode(), e.regionCode()), topic)
			.to(Addressee.office(e.regionCode()), topic);
		if (e.escalated()) {
			String parent = parentOf(e.regionCode());
			tell.to(parent == null ? null : Addressee.office(parent), topic);
		}
		return tell.notices;
	}

	/** The region one level up; none for a province (its office is the top) or a malformed code. */
	private static String parentOf(String region) {
		try {
			RegionCode parent = new RegionCode(region).parent();
			return parent == null ? null : parent.value();
		}
		catch (RuntimeException e) {
			return null;
		}
	}

	private static final class Builder {

		final List<Notice> notices = new ArrayList<>();
		private final String key;
		private final long orderId;
		private final String orderNo;
		private final String step;
		private final java.time.Instant deadline;
		private final java.time.Instant at;

		Builder(String key, long orderId, String orderNo, String step, java.time.Instant deadline, java.time.Instant at) {
			this.key = key;
			this.orderId = orderId;
			this.orderNo = orderNo;
			this.step = step;
			this.deadline = deadline;
			this.at = at;
		}

		Builder to(Addressee addressee, NoticeTopic topic) {
			if (addressee != null && addressee.value() != null && !addressee.value().isBlank()) {
				notices.add(new Notice(key + ":" + addressee.key(), addressee, topic, orderId, orderNo, step, deadline, at));
			}
			return this;
		}
	}
}
