package org.hcp.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.openqa.selenium.JavascriptExecutor;
import org.webjars.WebJarVersionLocator;

import tools.jackson.databind.json.JsonMapper;

/**
 * axe-core, from its WebJar (a test dependency), run in the page a browser test has open: every page of the platform
 * must pass with no violation of serious or critical impact.
 */
public final class Axe {

	private static final JsonMapper JSON = JsonMapper.builder().build();
	private static String source;

	private Axe() {
	}

	/** Fails naming each serious or critical violation (rule, help, the first nodes) of the page open now. */
	public static void assertAccessible(JavascriptExecutor browser, String what) {
		browser.executeScript(source());
		Object result = browser.executeAsyncScript("""
				const done = arguments[arguments.length - 1];
				axe.run(document, { resultTypes: ['violations'] })
				  .then(r => done(JSON.stringify(r.violations.map(v => ({ id: v.id, impact: v.impact, help: v.help,
				    nodes: v.nodes.map(n => n.target.join(' ')).slice(0, 5) })))))
				  .catch(e => done(JSON.stringify([{ id: 'axe-failed', impact: 'critical', help: String(e), nodes: [] }])));
				""");
		List<String> serious = new ArrayList<>();
		JSON.readTree(String.valueOf(result)).forEach(v -> {
			String impact = v.path("impact").asString("");
			if (impact.equals("serious") || impact.equals("critical")) {
				serious.add(v.toString());
			}
		});
		assertThat(serious).as("axe-core on " + what).isEmpty();
	}

	/** axe.min.js of the axe-core WebJar. */
	private static synchronized String source() {
		if (source == null) {
			String path = new WebJarVersionLocator().fullPath("axe-core", "axe.min.js");
			assertThat(path).as("the axe-core WebJar (org.webjars.npm:axe-core) is on the test classpath").isNotNull();
			try (InputStream in = Axe.class.getClassLoader().getResourceAsStream(path)) {
				assertThat(in).as(path).isNotNull();
				source = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
		}
		return source;
	}
}
