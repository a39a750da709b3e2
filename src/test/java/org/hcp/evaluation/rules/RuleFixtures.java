package org.hcp.evaluation.rules;

import java.time.Instant;
import java.util.List;

import org.hcp.cases.ApplyChannel;
import org.hcp.cases.CaseStatus;
import org.hcp.cases.CaseType;
import org.hcp.cases.CaseView;
import org.hcp.cases.NewCase;
import org.hcp.cases.ServiceEventView;
import org.hcp.shared.RegionCode;

/** Cases as the rules see them, built in one line. */
final class RuleFixtures {

	static final Instant ACCEPTED = Instant.parse("2026-10-12T01:00:00Z");
	static final Instant COMPLETED = Instant.parse("2026-10-12T02:00:00Z");

	private RuleFixtures() {
	}

	static ServiceEventView event(int no, Instant at, String staffNo, String windowCode) {
		return new ServiceEventView(no, no == 1 ? "受理" : "现场服务", at, staffNo, windowCode);
	}

	static CaseView onTheSpot(Instant completedAt, ServiceEventView... events) {
		return caseOf(CaseType.ON_THE_SPOT, ApplyChannel.WINDOW, completedAt, null, null, events);
	}

	static CaseView promised(ServiceEventView... events) {
		return caseOf(CaseType.PROMISED, ApplyChannel.WINDOW, null, null, null, events);
	}

	static CaseView online(Instant completedAt) {
		return caseOf(CaseType.PROMISED, ApplyChannel.ONLINE, completedAt, null, null, event(1, ACCEPTED, null, null));
	}

	static CaseView withApplicant(byte[] mobileHash, byte[] certHash) {
		return caseOf(CaseType.ON_THE_SPOT, ApplyChannel.WINDOW, COMPLETED, mobileHash, certHash,
				event(1, ACCEPTED, "S1", "W1"));
	}

	private static CaseView caseOf(CaseType type, ApplyChannel channel, Instant completedAt, byte[] mobileHash,
			byte[] certHash, ServiceEventView... events) {
		return new CaseView(1, "CASE-1", "食品经营许可", "ITEM-1", "食品经营许可", "11330106MB0000002K",
				new RegionCode("330106000000"), type, channel,
				completedAt == null ? CaseStatus.IN_PROGRESS : CaseStatus.COMPLETED, ACCEPTED, completedAt, null, null, 1,
				"李*", mobileHash, certHash, NewCase.Source.API, List.of(events));
	}
}
