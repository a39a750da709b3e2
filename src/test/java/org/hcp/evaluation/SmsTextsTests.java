package org.hcp.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.hcp.cases.CaseView;
import org.junit.jupiter.api.Test;

/** The rating SMS: the reply-a-digit text stays, and the case's short link to the rating page rides along. */
class SmsTextsTests {

	private static final String LINK = "https://hcp.example.gov.cn/c/AAAAAAAAACoabcdefghijk";

	private static final CaseView CASE = new CaseView(42, "CASE-1", "张三食品经营许可", "ITEM-1", "食品经营许可", null, null,
			null, null, null, null, null, null, null, 1, "张*", null, null, null, List.of());

	@Test
	void the_invitation_carries_the_short_link_and_still_asks_for_a_digit() {
		String text = SmsTexts.invitation(CASE, LINK);
		assertThat(text).contains(LINK).contains("请回复数字评价").contains("5非常满意").contains("CASE-1");
		assertThat(text.length()).as("short: %s", text).isLessThanOrEqualTo(160);
	}

	@Test
	void the_reminder_carries_the_short_link_and_the_default() {
		String text = SmsTexts.reminder(CASE, LINK);
		assertThat(text).contains(LINK).contains("请回复数字评价").contains("默认为“满意”");
		assertThat(text.length()).as("short: %s", text).isLessThanOrEqualTo(160);
	}
}
