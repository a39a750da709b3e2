package org.hcp.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import org.junit.jupiter.api.Test;

/** Every figure is defined once and shown with its definition: zh and en messages, and a section of docs/metrics.md. */
class MetricDefinitionsTest {

	private static Properties messages(String file) throws IOException {
		Properties p = new Properties();
		try (Reader in = new InputStreamReader(MetricDefinitionsTest.class.getResourceAsStream("/" + file),
				StandardCharsets.UTF_8)) {
			p.load(in);
		}
		return p;
	}

	@Test
	void every_metric_has_a_name_and_a_definition_in_chinese_and_english() throws IOException {
		Properties zh = messages("messages.properties");
		Properties en = messages("messages_en.properties");
		for (Metric metric : Metric.values()) {
			for (String key : new String[] { metric.nameKey(), metric.definitionKey() }) {
				assertThat(zh.getProperty(key)).as("zh " + key).isNotBlank();
				assertThat(en.getProperty(key)).as("en " + key).isNotBlank();
			}
		}
	}

	@Test
	void every_rate_definition_names_its_numerator_and_denominator() throws IOException {
		Properties zh = messages("messages.properties");
		for (Metric rate : Metric.values()) {
			if (rate.isRate()) {
				String definition = zh.getProperty(rate.definitionKey());
				assertThat(definition).as(rate.name()).contains(zh.getProperty(rate.denominator().nameKey()));
				assertThat(definition).as(rate.name()).contains("—");
			}
		}
	}

	@Test
	void every_metric_has_its_section_in_docs_metrics_with_rule_date_and_example() throws IOException {
		String doc = Files.readString(Path.of("docs/metrics.md"));
		for (Metric metric : Metric.values()) {
			String heading = "### `" + metric.name() + "`";
			assertThat(doc).as(metric.name()).contains(heading);
			String section = doc.substring(doc.indexOf(heading));
			int next = section.indexOf("\n### ", 1);
			section = next < 0 ? section : section.substring(0, next);
			assertThat(section).as(metric.name()).contains("**Example**");
			assertThat(section).as(metric.name()).containsAnyOf("**Rule**", "**Formula**");
		}
	}
}
