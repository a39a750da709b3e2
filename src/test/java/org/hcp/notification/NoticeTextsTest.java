package org.hcp.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

/** Every text of the messages and their screen comes from messages*.properties, in Chinese and in English. */
class NoticeTextsTest {

	private static final List<String> TEMPLATES = List.of("templates/notices/page.html", "templates/notices/badge.html");

	private static Properties load(String name) throws IOException {
		Properties properties = new Properties();
		try (InputStream in = new ClassPathResource(name).getInputStream()) {
			properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		return properties;
	}

	@Test
	void every_topic_state_and_purpose_has_a_text_in_both_languages() throws IOException {
		Set<String> needed = new TreeSet<>();
		for (NoticeTopic topic : NoticeTopic.values()) {
			needed.add(topic.messageKey());
		}
		for (FailedSend.State state : FailedSend.State.values()) {
			needed.add("notice.failed.state." + state);
		}
		for (String purpose : List.of("FEEDBACK", "INVITATION", "REMINDER", "REPLY")) {
			needed.add("notice.purpose." + purpose);
		}
		assertThat(load("messages.properties").stringPropertyNames()).containsAll(needed);
		assertThat(load("messages_en.properties").stringPropertyNames()).containsAll(needed);
	}

	@Test
	void the_screens_use_only_existing_messages_and_no_hard_coded_text() throws IOException {
		for (String template : TEMPLATES) {
			String page = new ClassPathResource(template).getContentAsString(StandardCharsets.UTF_8);
			Set<String> used = new TreeSet<>();
			Matcher m = Pattern.compile("#\\{([\\w.-]+)[}(]").matcher(page);
			while (m.find()) {
				used.add(m.group(1));
			}
			assertThat(used).as(template).isNotEmpty();
			assertThat(load("messages.properties").stringPropertyNames()).as(template).containsAll(used);
			assertThat(load("messages_en.properties").stringPropertyNames()).as(template).containsAll(used);
			assertThat(page).as(template + ": text outside the messages").doesNotContainPattern("\\p{IsHan}");
		}
	}
}
