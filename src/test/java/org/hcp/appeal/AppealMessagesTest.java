package org.hcp.appeal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.hcp.evaluation.Channel;
import org.hcp.rectification.WorkOrderState;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** Every visible string of the appeal screens comes from messages, in Chinese and English, for every value shown. */
class AppealMessagesTest {

	private static Properties load(String name) throws IOException {
		Properties properties = new Properties();
		try (InputStream in = new ClassPathResource(name).getInputStream()) {
			properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		return properties;
	}

	private static List<String> pages() throws IOException {
		List<String> pages = new ArrayList<>();
		for (Resource r : new PathMatchingResourcePatternResolver().getResources("classpath:templates/appeal/*.html")) {
			pages.add(r.getContentAsString(StandardCharsets.UTF_8));
		}
		return pages;
	}

	@Test
	void every_message_the_appeal_pages_name_exists_in_both_languages_and_no_text_is_hard_coded() throws IOException {
		Set<String> zh = load("messages.properties").stringPropertyNames();
		Set<String> en = load("messages_en.properties").stringPropertyNames();
		List<String> pages = pages();
		assertThat(pages).hasSize(6);
		Set<String> used = new TreeSet<>();
		for (String page : pages) {
			Matcher m = Pattern.compile("#\\{([\\w.]+)[}(]").matcher(page);
			while (m.find()) {
				used.add(m.group(1));
			}
			String withoutPlaceholders = page.replaceAll("(?s)<([a-z0-9]+)([^>]*th:text=[^>]*)>[^<]*</\\1>", "");
			assertThat(withoutPlaceholders).as("text outside th:text").doesNotContainPattern("\\p{IsHan}");
		}
		assertThat(used).hasSizeGreaterThan(50);
		assertThat(zh).containsAll(used);
		assertThat(en).containsAll(used);
	}

	@Test
	void every_state_outcome_channel_and_step_shown_has_its_label() throws IOException {
		Set<String> zh = load("messages.properties").stringPropertyNames();
		Set<String> en = load("messages_en.properties").stringPropertyNames();
		Set<String> needed = new TreeSet<>();
		for (AppealState s : AppealState.values()) {
			needed.add("appeal.state." + s);
		}
		for (AppealOutcome o : AppealOutcome.values()) {
			needed.add("appeal.outcome." + o);
			needed.add("appeal.outcome." + o + ".explained");
		}
		for (AppealAudit.Action a : AppealAudit.Action.values()) {
			needed.add("appeal.action." + a);
		}
		for (Channel c : Channel.values()) {
			needed.add("mine.channel." + c);
		}
		for (WorkOrderState s : WorkOrderState.values()) {
			needed.add("mine.orderState." + s);
		}
		for (int level = 1; level <= 5; level++) {
			needed.add("level." + level);
		}
		assertThat(zh).containsAll(needed);
		assertThat(en).containsAll(needed);
	}
}
