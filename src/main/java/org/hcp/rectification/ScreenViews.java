package org.hcp.rectification;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.hcp.shared.ChinaTime;

/**
 * What the rectification screens show of an order, with times in China time: a ledger row, the order page's facts,
 * a timeline line, an evidence file. Deadlines are stored as the first instant after the last day, so a screen shows
 * the last day ("due by the end of").
 */
final class ScreenViews {

	private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private ScreenViews() {
	}

	/** One order in a list: the work queues and the ledger. */
	record Row(long id, String orderNo, WorkOrderSource source, WorkOrderState state, String regionCode,
			String departmentCode, String staffNo, String itemCode, Integer level, String caseNos, String raterMobile,
			String holder, String openedAt, String dueBy, String deadlineStep, Integer remaining, boolean overdue,
			boolean paused, boolean escalated, int timesOverdue, String lastAction, String lastActionAt, int version,
			String handledBy) {

		static Row of(LedgerEntry e) {
			return new Row(e.id(), e.orderNo(), e.source(), e.state(), e.regionCode(), e.departmentCode(), e.staffNo(),
					e.itemCode(), e.level(), String.join("、", e.caseNos()), e.raterMobile(), e.holder(), time(e.openedAt()),
					dueDate(e.deadline()), e.deadlineStep(), e.remainingWorkingDays(), e.overdue(), e.paused(), e.escalated(),
					e.timesOverdue(), e.lastAction(), time(e.lastActionAt()), e.version(),
					e.remote() == null ? null : e.remote().label());
		}
	}

	/** The order page's facts; the rater's mobile masked. */
	record Order(long id, String orderNo, WorkOrderSource source, WorkOrderState state, int version, String holder,
			String regionCode, String departmentCode, String staffNo, String institutionCode, String windowCode,
			String itemCode, Integer level, String summary, String caseNos, String raterMobile, String profileCode,
			String openedAt, String receivedAt, String dueBy, String deadlineStep, Integer remaining, boolean overdue,
			boolean paused, int round, String verifiedAt, RectifyMode rectifyMode, String plannedBy, String rectifiedAt,
			boolean unrectifiable, String repliedAt, RaterAnswer raterAnswer, String raterAnsweredAt,
			RevisitOutcome revisitOutcome, String revisitedAt, String closedAt, int timesOverdue, boolean escalated,
			int callAttempts, Extension pendingExtension, List<Extension> extensions, List<Evidence> evidence,
			List<Evidence> unusedEvidence, List<Step> timeline, String handledBy, String remoteOrderNo) {

		static Order of(WorkOrderDetail d) {
			WorkOrderView v = d.order();
			List<Evidence> evidence = d.evidence().stream().map(Evidence::of).toList();
			return new Order(v.id(), v.orderNo(), v.source(), v.state(), d.version(), d.holder(), v.regionCode(),
					v.departmentCode(), v.staffNo(), d.institutionCode(), d.windowCode(), d.itemCode(), d.level(),
					d.summary(), String.join("、", v.caseNos()), d.raterMobile(), d.profileCode(), time(v.openedAt()),
					time(v.receivedAt()), dueDate(v.deadline()), d.deadlineStep(), d.remainingWorkingDays(), v.overdue(),
					v.paused(), d.round(), time(d.verifiedAt()), d.rectifyMode(), d.plannedBy() == null ? null
							: d.plannedBy().toString(), time(d.rectifiedAt()), d.unrectifiable(), time(d.repliedAt()),
					d.raterAnswer(), time(d.raterAnsweredAt()), d.revisitOutcome(), time(d.revisitedAt()), time(d.closedAt()),
					d.timesOverdue(), d.escalated(), d.callAttempts(),
					d.pendingExtension() == null ? null : Extension.of(d.pendingExtension()),
					d.extensions().stream().map(Extension::of).toList(), evidence,
					evidence.stream().filter(e -> e.usedBy() == null).toList(),
					d.timeline().stream().map(Step::of).toList(), d.remote() == null ? null : d.remote().label(),
					d.remote() == null ? null : d.remote().orderNo());
		}
	}

	/** An extension request and the office's decision. */
	record Extension(long id, String requestedAt, String requestedBy, String reason, String currentDueBy,
			String newDueBy, String status, String decidedAt, String decidedBy, String decisionReason) {

		static Extension of(ExtensionView x) {
			return new Extension(x.id(), time(x.requestedAt()), x.requestedBy(), x.reason(), dueDate(x.currentDeadline()),
					dueDate(x.newDeadline()), x.status(), time(x.decidedAt()), x.decidedBy(), x.decisionReason());
		}
	}

	/** An evidence file; {@code usedBy} is the step that used it, null while it waits for one. */
	record Evidence(long id, String fileName, String contentType, String size, String usedBy, String uploadedAt,
			String uploadedBy) {

		static Evidence of(EvidenceView e) {
			return new Evidence(e.id(), e.fileName(), e.contentType(), readableSize(e.sizeBytes()), e.usedBy(), time(e.uploadedAt()),
					e.uploadedBy());
		}
	}

	/** One line of the timeline: when, who with which role, what, from which state to which, why. */
	record Step(String at, String actor, String role, String action, WorkOrderState from, WorkOrderState to,
			String reason, String details) {

		static Step of(TimelineEntry t) {
			return new Step(time(t.at()), t.actor(), t.role(), t.action(), t.from(), t.to(), t.reason(), t.details());
		}
	}

	/** A time as a person reads it: China time to the minute; empty when there is none. */
	static String time(Instant instant) {
		return instant == null ? null : MINUTE.format(instant.atZone(ChinaTime.ZONE));
	}

	/** The last day of a deadline (it is stored as the first instant after that day). */
	static String dueDate(Instant deadline) {
		return deadline == null ? null : lastDay(deadline).toString();
	}

	static LocalDate lastDay(Instant deadline) {
		return ChinaTime.dateOf(deadline.minusNanos(1));
	}

	private static String readableSize(int bytes) {
		return bytes < 1024 ? bytes + " B" : bytes < 1024 * 1024 ? (bytes / 1024) + " KB"
				: String.format(java.util.Locale.ROOT, "%.1f MB", bytes / 1024.0 / 1024.0);
	}
}
