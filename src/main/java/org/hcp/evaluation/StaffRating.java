package org.hcp.evaluation;

/**
 * One rating of a window staff member as they see it: personal data masked, and whether an upheld appeal excluded it
 * from statistics (it is kept and still shown).
 */
public record StaffRating(EvaluationView rating, boolean excluded) {
}
