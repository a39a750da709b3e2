package org.hcp.web;

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

/** Every visible string of the pages comes from messages*.properties, in Chinese and in English. */
class MessagesTests {

	private static Properties load(String name) throws IOException {
		Properties properties = new Properties();
		try (InputStream in = new ClassPathResource(name).getInputStream()) {
			properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		return properties;
	}

	@Test
	void chinese_and_english_messages_have_the_same_keys() throws IOException {
		assertThat(load("messages_en.properties").stringPropertyNames())
			.containsExactlyInAnyOrderElementsOf(load("messages.properties").stringPropertyNames());
	}

	/** Every template of every module, not only the start page: a screen with hard-coded text fails here. */
	@Test
	void every_message_a_page_uses_exists_and_no_text_is_hard_coded() throws IOException {
		Resource[] templates = new PathMatchingResourcePatternResolver().getResources("classpath*:templates/**/*.html");
		assertThat(templates).isNotEmpty();
		Set<String> keys = load("messages.properties").stringPropertyNames();
		for (Resource template : templates) {
			String page = template.getContentAsString(StandardCharsets.UTF_8);
			Set<String> used = new TreeSet<>();
			Matcher m = Pattern.compile("#\\{([\\w.]+)}").matcher(page);
			while (m.find()) {
				used.add(m.group(1));
			}
			assertThat(keys).as(template.getFilename() + " uses messages that do not exist").containsAll(used);
			String withoutComments = page.replaceAll("(?s)<!--.*?-->", "");
			String withoutPlaceholders = withoutComments.replaceAll("(?s)<([a-z0-9]+)([^>]*th:text=[^>]*)>[^<]*</\\1>", "");
			assertThat(withoutPlaceholders).as("text outside th:text in " + template.getFilename())
				.doesNotContainPattern("\\p{IsHan}");
		}
	}
}
