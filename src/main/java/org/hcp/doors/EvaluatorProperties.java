package org.hcp.doors;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The hall evaluator 评价器 (pf 4).
 *
 * @param idle how long the tablet waits for a rating before it dismisses the service, and shows its thank-you page,
 * before it returns to the idle screen
 * @param poll how often the tablet asks for the next service
 */
@ConfigurationProperties("hcp.doors.evaluator")
record EvaluatorProperties(@DefaultValue("30s") Duration idle, @DefaultValue("2s") Duration poll) {
}
