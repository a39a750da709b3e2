package org.hcp.rectification;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Every visible string of the rectification screens comes from messages*.properties, in Chinese and in English: the
 * keys the templates and screen classes name exist in both files, and no Chinese text is written into a template.
 */
class ScreenTextsTest {

	private static final Pattern KEY = Pattern.compile("#\\{([\\w.-]+)[}(]");

	private static Properties load(String name) throws IOException {
		Properties properties = new Properties();
		try (InputStream in = new ClassPathResource(name).getInputStream()) {
			properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		return properties;
	}

	private static Resource[] templates() throws IOException {
		return new PathMatchingResourcePatternResolver().getResources("classpath:templates/rectification/*.html");
	}

	@Test
	void every_message_a_screen_names_exists_in_chinese_and_in_english() throws IOException {
		Set<String> used = new TreeSet<>();
		for (Resource template : templates()) {
			Matcher m = KEY.matcher(template.getContentAsString(StandardCharsets.UTF_8));
			while (m.find()) {
				used.add(m.group(1));
			}
		}
		String screen = new String(getClass().getResourceAsStream("OrderScreen.class").readAllBytes(), StandardCharsets.ISO_8859_1);
		for (String action : new String[] { "dispatch", "invalidate", "call-attempt", "revisit", "verify", "attach-evidence",
				"rectify-at-once", "enter-in-ledger", "rectify", "request-extension", "report-unrectifiable", "reply",
				"approve-extension", "refuse-extension", "approve-unrectifiable", "return-unrectifiable", "close" }) {
			assertThat(screen).contains(action);
			used.add("screen.done." + action);
		}
		assertThat(used).hasSizeGreaterThan(100);
		assertThat(load("messages.properties").stringPropertyNames()).containsAll(used);
		assertThat(load("messages_en.properties").stringPropertyNames()).containsAll(used);
	}

	@Test
	void the_labels_of_every_state_outcome_and_answer_exist() throws IOException {
		Properties zh = load("messages.properties");
		Properties en = load("messages_en.properties");
		for (WorkOrderState s : WorkOrderState.values()) {
			assertThat(zh).containsKeys("order.state." + s, "screen.rater.state." + s);
			assertThat(en).containsKeys("order.state." + s, "screen.rater.state." + s);
		}
		for (RevisitOutcome o : RevisitOutcome.values()) {
			assertThat(zh).containsKey("order.outcome." + o);
		}
		for (RaterAnswer a : RaterAnswer.values()) {
			assertThat(en).containsKey("order.answer." + a);
		}
	}

	@Test
	void no_chinese_text_is_written_into_a_template() throws IOException {
		for (Resource template : templates()) {
			String page = template.getContentAsString(StandardCharsets.UTF_8)
				.replaceAll("(?s)<!--.*?-->", "")
				.replaceAll("(?s)<([a-z0-9]+)([^>]*th:(text|utext|replace|insert)=[^>]*)>[^<]*</\\1>", "");
			assertThat(page).as(template.getFilename() + ": text outside th:text").doesNotContainPattern("\\p{IsHan}");
		}
	}
}
