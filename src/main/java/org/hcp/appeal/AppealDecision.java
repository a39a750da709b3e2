package org.hcp.appeal;

/** The office's decision on an appeal, with its reason (required). */
public record AppealDecision(AppealOutcome outcome, String reason) {
}
