package org.hcp.web;

import java.io.IOException;
import java.io.Writer;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntFunction;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.http.MediaType;

/**
 * Tomcat's error page, in problem+json: what Tomcat refuses before the application sees it (a {@code %2F},
 * {@code %5C} or {@code %00} in the path, a character not allowed in a URI, a header block too large, a broken
 * request line) gets the one shape instead of Tomcat's HTML page. Same checks as the valve it replaces: nothing is
 * written over a body the application already wrote.
 */
class ProblemReportValve extends ErrorReportValve {

	private final IntFunction<String> bodyForStatus;

	ProblemReportValve(IntFunction<String> bodyForStatus) {
		this.bodyForStatus = bodyForStatus;
		setShowReport(false);
		setShowServerInfo(false);
	}

	@Override
	protected void report(Request request, Response response, Throwable throwable) {
		int status = response.getStatus();
		if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
			return;
		}
		AtomicBoolean ioAllowed = new AtomicBoolean(true);
		response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
		if (!ioAllowed.get()) {
			return;
		}
		try {
			response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			response.setCharacterEncoding("UTF-8");
			Writer writer = response.getReporter();
			if (writer != null) {
				writer.write(bodyForStatus.apply(status));
				response.finishResponse();
			}
		}
		catch (IOException | IllegalStateException e) {
			// the client is gone or the response is unusable; nothing left to tell anyone
		}
	}
}
