/**
 * Doors 评价渠道页面: every door a person rates through on a page of ours — the window's printed code and the
 * receipt's code, the hall evaluator and the kiosk, the portal and app (一事一评), the 12345 operator's entry and the
 * paper form — and what they need: one-time SMS codes, printed staff codes, evaluator devices. Every rating ends in
 * the evaluation façade {@link org.hcp.evaluation.RatingDoors}, under the same rules as the API.
 */
package org.hcp.doors;
