package org.hcp.evaluation;

import java.util.List;

/** A rating made with a binding token, as the rater's device sends it. The token is checked before this is used. */
record BoundRating(String caseNo, Integer level, List<String> indicators, String comment, Rater rater) {
}
