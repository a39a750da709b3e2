package org.hcp.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

/**
 * The same aggregation as {@code jfr print --events jdk.ExecutionSample} piped through sort | uniq -c, limited to
 * one phase's time window: the top frames by own time, and the share of samples whose stack passes through each
 * layer (a sample can count for several layers: a Jackson call under a security filter counts for both).
 */
final class Profile {

	/** Layers by the package of any frame in the stack, checked in this order. */
	private static final Map<String, List<String>> LAYERS = layers();

	private Profile() {
	}

	private static Map<String, List<String>> layers() {
		Map<String, List<String>> layers = new LinkedHashMap<>();
		layers.put("Tomcat (HTTP parsing, servlet container)", List.of("org.apache.coyote", "org.apache.tomcat",
				"org.apache.catalina", "jakarta.servlet"));
		layers.put("Spring Security filter chain", List.of("org.springframework.security"));
		layers.put("Spring Web (servlet filters, MVC dispatch, converters)", List.of("org.springframework.web",
				"org.springframework.http"));
		layers.put("Jackson (reading and writing JSON)", List.of("tools.jackson", "com.fasterxml.jackson"));
		layers.put("observations and metrics (Micrometer)", List.of("io.micrometer",
				"org.springframework.boot.micrometer"));
		layers.put("logging", List.of("ch.qos.logback", "org.slf4j", "org.apache.logging"));
		layers.put("Bouncy Castle (SM3, SM4)", List.of("org.bouncycastle"));
		layers.put("PostgreSQL JDBC driver", List.of("org.postgresql"));
		layers.put("Hikari pool", List.of("com.zaxxer.hikari"));
		layers.put("Spring JDBC", List.of("org.springframework.jdbc"));
		layers.put("transactions and events (Spring tx, Modulith)", List.of("org.springframework.transaction",
				"org.springframework.modulith", "org.springframework.context.event"));
		layers.put("Spring core (AOP proxies, beans, util)", List.of("org.springframework"));
		layers.put("our code (org.hcp)", List.of("org.hcp"));
		return layers;
	}

	/** Prints the summary of the execution samples taken between {@code from} and {@code to}. */
	static String summarize(Path recording, Instant from, Instant to, int top) throws IOException {
		Map<String, Integer> self = new TreeMap<>();
		Map<String, Integer> layer = new LinkedHashMap<>();
		Map<String, Integer> threads = new TreeMap<>();
		Map<String, Integer> ours = new TreeMap<>();
		int samples = 0;
		try (RecordingFile file = new RecordingFile(recording)) {
			while (file.hasMoreEvents()) {
				RecordedEvent event = file.readEvent();
				if (!event.getEventType().getName().equals("jdk.ExecutionSample") || event.getStartTime().isBefore(from)
						|| event.getStartTime().isAfter(to)) {
					continue;
				}
				RecordedStackTrace stack = event.getStackTrace();
				if (stack == null || stack.getFrames().isEmpty()) {
					continue;
				}
				samples++;
				self.merge(name(stack.getFrames().get(0)), 1, Integer::sum);
				layer.merge(layerOf(stack.getFrames()), 1, Integer::sum);
				stack.getFrames().stream().filter(f -> type(f).startsWith("org.hcp.")).map(Profile::name).distinct()
					.forEach(m -> ours.merge(m, 1, Integer::sum));
				RecordedThread thread = event.getThread("sampledThread");
				String threadName = thread == null || thread.getJavaName() == null ? "?" : thread.getJavaName();
				threads.merge(threadName.replaceAll("\\d+", "#"), 1, Integer::sum);
			}
		}
		StringBuilder out = new StringBuilder();
		out.append(String.format(Locale.ROOT, "%d execution samples%n", samples));
		if (samples == 0) {
			return out.toString();
		}
		int total = samples;
		out.append("top frames by own time:\n");
		self.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(top)
			.forEach(e -> out.append(String.format(Locale.ROOT, "  %5.1f %%  %s%n", 100.0 * e.getValue() / total, e.getKey())));
		out.append("own time by layer (the sample's innermost frame outside the JDK):\n");
		layer.entrySet().stream().filter(e -> e.getValue() > 0)
			.sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(top)
			.forEach(e -> out.append(String.format(Locale.ROOT, "  %5.1f %%  %s%n", 100.0 * e.getValue() / total, e.getKey())));
		out.append("our methods by total time (the method anywhere on the stack):\n");
		ours.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(top)
			.forEach(e -> out.append(String.format(Locale.ROOT, "  %5.1f %%  %s%n", 100.0 * e.getValue() / total, e.getKey())));
		out.append("samples by thread (numbers folded):\n");
		threads.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(8)
			.forEach(e -> out.append(String.format(Locale.ROOT, "  %5.1f %%  %s%n", 100.0 * e.getValue() / total, e.getKey())));
		return out.toString();
	}

	private static String layerOf(List<RecordedFrame> frames) {
		for (RecordedFrame frame : frames) {
			String type = type(frame);
			if (type.startsWith("java.") || type.startsWith("jdk.") || type.startsWith("sun.") || type.startsWith("com.sun.")) {
				continue;
			}
			for (Map.Entry<String, List<String>> l : LAYERS.entrySet()) {
				if (startsWithAny(type, l.getValue())) {
					return l.getKey();
				}
			}
			return "other: " + type.substring(0, Math.max(0, type.lastIndexOf('.')));
		}
		return "the JDK only (I/O, GC helpers, JIT)";
	}

	private static boolean startsWithAny(String type, List<String> prefixes) {
		return prefixes.stream().anyMatch(type::startsWith);
	}

	private static String type(RecordedFrame f) {
		return f.getMethod() == null ? "" : f.getMethod().getType().getName();
	}

	private static String name(RecordedFrame f) {
		return f.getMethod() == null ? "?" : type(f) + "." + f.getMethod().getName();
	}
}
