package org.hcp.web;

import java.util.List;

import org.hcp.shared.Bilingual;
import org.hcp.shared.FieldProblem;
import org.hcp.shared.HcpException;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.hcp.shared.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.validation.BindingResult;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.core.JacksonException;

/**
 * Turns every failure into the one problem+json shape; a client's mistake is never a 500. Spring's own MVC
 * exceptions come through {@link ResponseEntityExceptionHandler}, which knows their statuses and headers (Allow,
 * Accept); {@link #handleExceptionInternal} only gives them our code and bilingual text. Anything unexpected is a
 * 500 with an error id that is logged with the cause; the body never carries a stack trace or SQL.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ProblemResponses extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ProblemResponses.class);

	@ExceptionHandler(HcpException.class)
	Object domain(HcpException e, HttpServletRequest request) {
		return answer(Problems.toDetail(e), request);
	}

	@ExceptionHandler(AccessDeniedException.class)
	Object denied(AccessDeniedException e, HttpServletRequest request) {
		return answer(Problems.detail(HttpStatus.FORBIDDEN, "FORBIDDEN", Bilingual.of("无权执行此操作", "Not allowed for this account"),
				List.of()), request);
	}

	/** A multipart body that cannot be parsed (no boundary …) is the client's mistake; no endpoint takes one anyway. */
	@ExceptionHandler(MultipartException.class)
	ResponseEntity<ProblemDetail> multipart(MultipartException e) {
		return respond(HttpStatus.BAD_REQUEST, "MALFORMED_BODY",
				Bilingual.of("无法读取 multipart 请求体（缺少 boundary？）；本接口接收 JSON", "The multipart body cannot be read (no boundary?); this API takes JSON"),
				List.of());
	}

	/**
	 * The firewall checks parameter names only when they are first read — for a form-encoded body, by MVC while it
	 * reads the body, long after the filter chain that answers the firewall's other refusals: still a 400.
	 */
	@ExceptionHandler(RequestRejectedException.class)
	ResponseEntity<ProblemDetail> rejected(RequestRejectedException e) {
		log.debug("Refused by the firewall inside MVC: {}", e.getMessage());
		return respond(StatusProblems.of(400), new HttpHeaders());
	}

	/** A query parameter Tomcat cannot decode ({@code %zz}, a lone {@code %}): the client's mistake. */
	@ExceptionHandler(InvalidParameterException.class)
	ResponseEntity<ProblemDetail> undecodableParameter(InvalidParameterException e) {
		if (e.getErrorCode() != HttpServletResponse.SC_BAD_REQUEST) {
			return respond(StatusProblems.of(e.getErrorCode() >= 400 ? e.getErrorCode() : 400), new HttpHeaders());
		}
		return respond(HttpStatus.BAD_REQUEST, "BAD_PARAMETER",
				Bilingual.of("查询参数无法解码（URL 编码不正确）", "A query parameter cannot be decoded (bad URL encoding)"), List.of());
	}

	/**
	 * Refused by the database. A unique key hit by a concurrent request gets the answer a sequential request would
	 * have had (409); a value the database cannot take (SQLSTATE class 22: too long, a NUL character …) is a 422.
	 */
	@ExceptionHandler(DataIntegrityViolationException.class)
	Object integrity(DataIntegrityViolationException e, HttpServletRequest request) {
		String state = e.getMostSpecificCause() instanceof java.sql.SQLException sql ? sql.getSQLState() : null;
		log.info("Refused by the database ({}): {}", state, e.getMostSpecificCause().getClass().getSimpleName());
		if (state != null && state.startsWith("22")) {
			return answer(Problems.detail(HttpStatus.UNPROCESSABLE_CONTENT, "INVALID_VALUE",
					Bilingual.of("某个字段的值过长或含有不允许的字符，未保存", "A value is too long or holds a character that is not allowed; nothing was saved"),
					List.of()), request);
		}
		return answer(Problems.detail(HttpStatus.CONFLICT, "CONFLICT",
				Bilingual.of("与已有数据冲突，未保存", "Conflicts with stored data; nothing was saved"), List.of()), request);
	}

	/** Whatever nobody foresaw: a 500 whose error id is in the body and, with the cause, in the log. */
	@ExceptionHandler(Exception.class)
	Object unexpected(Exception e, HttpServletRequest request) {
		ProblemDetail detail = StatusProblems.of(500);
		log.error("Unexpected failure, errorId {} on {} {}", detail.getProperties().get("errorId"), request.getMethod(),
				request.getRequestURI(), e);
		return answer(detail, request);
	}

	/** A page of the layout for a person on a screen ({@link ScreenPages}), problem+json for everyone else. */
	private static Object answer(ProblemDetail detail, HttpServletRequest request) {
		if (ScreenPages.wanted(request, ScreenPages.pathOf(request))) {
			return ScreenPages.of(detail);
		}
		return respond(detail, new HttpHeaders());
	}

	@Override
	protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
			HttpStatusCode statusCode, WebRequest request) {
		if (request instanceof ServletWebRequest servlet && servlet.getResponse() != null
				&& servlet.getResponse().isCommitted()) {
			return null;
		}
		ProblemDetail detail = problemOf(ex, statusCode.value());
		if (statusCode.is5xxServerError()) {
			log.error("Framework failure, errorId {}", detail.getProperties().get("errorId"), ex);
		}
		return new ResponseEntity<>(detail, problemHeaders(headers), statusCode);
	}

	/** Spring's MVC exceptions, in our codes; codes that clients already match on (REQUIRED …) are kept. */
	private static ProblemDetail problemOf(Exception ex, int status) {
		HttpStatus http = HttpStatus.valueOf(status);
		if (ex instanceof HttpMessageNotReadableException unreadable) {
			String field = fieldOf(unreadable);
			return Problems.detail(http, "MALFORMED_BODY",
					Bilingual.of("请求体不是有效的JSON，或字段类型不正确", "The body is not valid JSON or a field has the wrong type"),
					field == null ? List.of() : List.of(FieldProblem.of(field, "字段类型或格式不正确", "wrong type or format")));
		}
		if (ex instanceof MissingServletRequestParameterException missing) {
			return required(http, missing.getParameterName(), "参数", "Parameter");
		}
		if (ex instanceof MissingRequestHeaderException missing) {
			return required(http, missing.getHeaderName(), "请求头", "Header");
		}
		if (ex instanceof MissingServletRequestPartException missing) {
			return required(http, missing.getRequestPartName(), "请求部分", "Part");
		}
		if (ex instanceof TypeMismatchException mismatch) {
			String name = mismatch instanceof org.springframework.web.method.annotation.MethodArgumentTypeMismatchException m
					? m.getName() : String.valueOf(mismatch.getPropertyName());
			return Problems.detail(http, "BAD_PARAMETER",
					Bilingual.of("参数 " + name + " 格式不正确", "Parameter " + name + " has the wrong format"),
					List.of(FieldProblem.of(name, "格式不正确", "wrong format")));
		}
		if (ex instanceof HttpMediaTypeNotSupportedException unsupported) {
			String type = unsupported.getContentType() == null ? "(none)" : unsupported.getContentType().toString();
			return Problems.detail(http, "UNSUPPORTED_MEDIA_TYPE",
					Bilingual.of("不支持的内容类型 " + type + "，请用 " + supported(unsupported),
							"Content type " + type + " is not supported; use " + supported(unsupported)),
					List.of());
		}
		if (ex instanceof HttpRequestMethodNotSupportedException method) {
			return Problems.detail(http, "METHOD_NOT_ALLOWED",
					Bilingual.of("不支持的请求方法 " + method.getMethod(), "Method " + method.getMethod() + " is not allowed here"),
					List.of());
		}
		if (ex instanceof HttpMediaTypeNotAcceptableException) {
			return StatusProblems.of(406);
		}
		if (ex instanceof NoResourceFoundException || ex instanceof NoHandlerFoundException) {
			return StatusProblems.of(404);
		}
		if (ex instanceof MethodArgumentNotValidException invalid) {
			return Problems.detail(http, "INVALID_VALUE",
					Bilingual.of("请求内容不符合规则", "The request breaks one or more rules"), fieldsOf(invalid.getBindingResult()));
		}
		return StatusProblems.of(status);
	}

	private static ProblemDetail required(HttpStatus status, String name, String zh, String en) {
		return Problems.detail(status, "REQUIRED", Bilingual.of("缺少" + zh + " " + name, en + " " + name + " is required"),
				List.of(FieldProblem.of(name, "不能为空", "is required")));
	}

	private static String supported(HttpMediaTypeNotSupportedException e) {
		return e.getSupportedMediaTypes().isEmpty() ? MediaType.APPLICATION_JSON_VALUE
				: MediaType.toString(e.getSupportedMediaTypes());
	}

	private static List<FieldProblem> fieldsOf(BindingResult result) {
		return result.getFieldErrors().stream()
			.map(f -> FieldProblem.of(f.getField(), "不符合规则", String.valueOf(f.getDefaultMessage())))
			.toList();
	}

	private static String fieldOf(HttpMessageNotReadableException e) {
		Throwable cause = e.getCause();
		while (cause != null && !(cause instanceof JacksonException)) {
			cause = cause.getCause();
		}
		if (cause instanceof JacksonException jackson && !jackson.getPath().isEmpty()) {
			StringBuilder path = new StringBuilder();
			for (JacksonException.Reference ref : jackson.getPath()) {
				if (ref.getPropertyName() != null) {
					path.append(path.isEmpty() ? "" : ".").append(ref.getPropertyName());
				}
				else if (ref.getIndex() >= 0) {
					path.append('[').append(ref.getIndex()).append(']');
				}
			}
			return path.isEmpty() ? null : path.toString();
		}
		return null;
	}

	private static HttpHeaders problemHeaders(HttpHeaders given) {
		HttpHeaders headers = new HttpHeaders();
		if (given != null) {
			headers.putAll(given);
		}
		headers.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
		return headers;
	}

	private static ResponseEntity<ProblemDetail> respond(HttpStatus status, String code, Bilingual text,
			List<FieldProblem> fields) {
		return respond(Problems.detail(status, code, text, fields), new HttpHeaders());
	}

	private static ResponseEntity<ProblemDetail> respond(ProblemDetail detail, HttpHeaders headers) {
		return ResponseEntity.status(detail.getStatus()).headers(problemHeaders(headers)).body(detail);
	}
}
