package org.hcp.bench;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The benchmark's catalog (one hall, window, staff member, item), imported through the API, and its completed
 * cases, written with plain SQL: setting up hundreds of thousands of cases is preparation, not what is measured.
 * Also the request bodies of every phase.
 */
final class BenchData {

	static final String REGION = "970101000000";
	static final String DEPARTMENT = "11970101MB00000011";
	static final String ITEM = "BENCHITEM";
	static final String STAFF = "BENCH-STAFF";
	static final String WINDOW = "BENCH-WIN";

	/** The exchange's timestamp format (domain §11), China time. */
	private static final DateTimeFormatter EXCHANGE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
		.withZone(ZoneId.of("Asia/Shanghai"));

	private final AtomicLong nextCase = new AtomicLong();
	private final AtomicLong nextService = new AtomicLong();

	void importCatalog(PlainHttp admin) throws IOException {
		importCsv(admin, "regions", "code,name\n970000000000,基准省\n970100000000,基准市\n970101000000,基准县\n");
		importCsv(admin, "departments", "code,name,regionCode\n" + DEPARTMENT + ",基准局," + REGION + "\n");
		importCsv(admin, "items", "code,name,itemType,departmentCode\n" + ITEM + ",基准事项,01," + DEPARTMENT + "\n");
		importCsv(admin, "institutions", "code,name,kind,regionCode\nBENCH-HALL,基准大厅,HALL," + REGION + "\n");
		importCsv(admin, "windows", "code,name,institutionCode\n" + WINDOW + ",基准窗口,BENCH-HALL\n");
		importCsv(admin, "staff", "staffNo,name,mobile,institutionCode,windowCode\n" + STAFF + ",基准员,13700000000,BENCH-HALL,"
				+ WINDOW + "\n");
	}

	private static void importCsv(PlainHttp admin, String kind, String csv) throws IOException {
		PlainHttp.Response response = admin.post("/api/v1/catalog/" + kind + "/import", "text/csv", csv);
		if (response.status() >= 300) {
			throw new IllegalStateException("Catalog import of " + kind + " answered " + response.status() + ": " + response.body());
		}
	}

	/** {@code count} completed cases B1…Bn, each served once by the bench staff member at the bench window. */
	void insertCompletedCases(Connection db, int count) throws SQLException {
		try (PreparedStatement cases = db.prepareStatement("""
				insert into cas_case(case_no, item_code, item_name, department_code, region_code, case_type, apply_channel,
				  status, applicant_type, accepted_at, completed_at, source, created_at)
				select 'B' || g, ?, '基准事项', ?, ?, 'ON_THE_SPOT', 'WINDOW', 'COMPLETED', 1,
				  now() - interval '2 hours', now() - interval '1 hour', 'DEMO', now()
				from generate_series(1, ?) g""");
				PreparedStatement events = db.prepareStatement("""
						insert into cas_service_event(case_id, service_no, name, occurred_at, staff_no, window_code)
						select id, 1, '办结', now() - interval '1 hour', ?, ? from cas_case where case_no like 'B%'""")) {
			cases.setString(1, ITEM);
			cases.setString(2, DEPARTMENT);
			cases.setString(3, REGION);
			cases.setInt(4, count);
			cases.executeUpdate();
			events.setString(1, STAFF);
			events.setString(2, WINDOW);
			events.executeUpdate();
			db.createStatement().execute("analyze");
		}
	}

	String nextCase() {
		return "B" + nextCase.incrementAndGet();
	}

	String ratingJson(String caseNo) {
		return ratingJson(caseNo, 5, "501");
	}

	/** A portal rating of {@code level} stars with one indicator of that level (a bad one asks what was bad). */
	String ratingJson(String caseNo, int level, String indicator) {
		return "{\"caseNo\":\"" + caseNo + "\",\"channel\":\"WEB_PORTAL\",\"level\":" + level + ",\"indicators\":[\"" + indicator + "\"],"
				+ "\"rater\":{\"name\":\"张三\",\"certNo\":\"110101199003074512\",\"mobile\":\"13812345678\"}}";
	}

	/** An array of exchange evaluation records (domain §11), one per prepared case. */
	String evaluationBatch(int size) {
		return evaluationBatch(size, 5, "511");
	}

	/** As {@link #evaluationBatch(int)}, every record of {@code satisfaction} stars with one indicator of that level. */
	String evaluationBatch(int size, int satisfaction, String indicator) {
		String assessed = EXCHANGE_TIME.format(Instant.now().minusSeconds(60));
		StringBuilder body = new StringBuilder(size * 300).append('[');
		for (int i = 0; i < size; i++) {
			body.append(i == 0 ? "" : ",").append("{\"projectNo\":\"").append(nextCase())
				.append("\",\"serviceNumber\":1,\"pf\":4,\"satisfaction\":").append(satisfaction).append(",\"evalDetail\":\"")
				.append(indicator).append("\",\"writingEvaluation\":\"\",")
				.append("\"assessTime\":\"").append(assessed)
				.append("\",\"assessNumber\":1,\"userName\":\"张三\",\"certKey\":\"110101199003074512\",\"mobile\":\"13812345678\"}");
		}
		return body.append(']').toString();
	}

	/** An array of exchange service records (domain §11), each a new completed case S… with one service. */
	String serviceBatch(int size) {
		Instant now = Instant.now();
		String accepted = EXCHANGE_TIME.format(now.minusSeconds(7200));
		String served = EXCHANGE_TIME.format(now.minusSeconds(3600));
		StringBuilder body = new StringBuilder(size * 500).append('[');
		for (int i = 0; i < size; i++) {
			body.append(i == 0 ? "" : ",").append("{\"areaCode\":\"").append(REGION).append("\",\"deptCode\":\"").append(DEPARTMENT)
				.append("\",\"deptName\":\"基准局\",\"taskCode\":\"").append(ITEM).append("\",\"taskName\":\"基准事项\",")
				.append("\"projectNo\":\"S").append(nextService.incrementAndGet()).append("\",\"projectName\":\"基准办件\",")
				.append("\"proStatus\":3,\"userName\":\"张三\",\"userProp\":1,\"certKey\":\"110101199003074512\",")
				.append("\"mobile\":\"13812345678\",\"acceptDate\":\"").append(accepted).append("\",\"serviceNumber\":1,")
				.append("\"serviceName\":\"办结\",\"serviceTime\":\"").append(served).append("\",\"promiseTime\":1,")
				.append("\"proChannel\":2,\"proManager\":\"").append(STAFF).append("\",\"resultDate\":\"").append(served)
				.append("\"}");
		}
		return body.append(']').toString();
	}
}
