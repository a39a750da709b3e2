package org.hcp.bench;

import java.util.concurrent.atomic.AtomicLong;

import org.hcp.catalog.Catalog;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The benchmark's catalog (one hall, window, staff member, item) and its completed cases, written with plain SQL:
 * setting up hundreds of thousands of cases is preparation, not what is measured.
 */
final class BenchData {

	static final String REGION = "970101000000";
	static final String DEPARTMENT = "11970101MB00000011";
	static final String ITEM = "BENCHITEM";
	static final String STAFF = "BENCH-STAFF";
	static final String WINDOW = "BENCH-WIN";

	private final JdbcClient jdbc;
	private final AtomicLong next = new AtomicLong();

	BenchData(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void prepare(Catalog catalog, int cases) {
		catalog.importCsv("regions", "code,name\n970000000000,基准省\n970100000000,基准市\n970101000000,基准县\n");
		catalog.importCsv("departments", "code,name,regionCode\n" + DEPARTMENT + ",基准局," + REGION + "\n");
		catalog.importCsv("items", "code,name,itemType,departmentCode\n" + ITEM + ",基准事项,01," + DEPARTMENT + "\n");
		catalog.importCsv("institutions", "code,name,kind,regionCode\nBENCH-HALL,基准大厅,HALL," + REGION + "\n");
		catalog.importCsv("windows", "code,name,institutionCode\n" + WINDOW + ",基准窗口,BENCH-HALL\n");
		catalog.importCsv("staff", "staffNo,name,mobile,institutionCode,windowCode\n" + STAFF + ",基准员,13700000000,BENCH-HALL,"
				+ WINDOW + "\n");
		jdbc.sql("""
				insert into cas_case(case_no, item_code, item_name, department_code, region_code, case_type, apply_channel,
				  status, applicant_type, accepted_at, completed_at, source, created_at)
				select 'B' || g, 'BENCHITEM', '基准事项', :d, :r, 'ON_THE_SPOT', 'WINDOW', 'COMPLETED', 1,
				  now() - interval '2 hours', now() - interval '1 hour', 'DEMO', now()
				from generate_series(1, :n) g""").param("r", REGION).param("d", DEPARTMENT).param("n", cases).update();
		jdbc.sql("""
				insert into cas_service_event(case_id, service_no, name, occurred_at, staff_no, window_code)
				select id, 1, '办结', now() - interval '1 hour', 'BENCH-STAFF', 'BENCH-WIN' from cas_case where case_no like 'B%'""")
			.update();
		jdbc.sql("analyze").update();
	}

	String nextCase() {
		return "B" + next.incrementAndGet();
	}

	String ratingJson(String caseNo) {
		return "{\"caseNo\":\"" + caseNo + "\",\"channel\":\"WEB_PORTAL\",\"level\":5,\"indicators\":[\"501\"],"
				+ "\"rater\":{\"name\":\"张三\",\"certNo\":\"110101199003074512\",\"mobile\":\"13812345678\"}}";
	}

	String exchangeBatch(int size) {
		StringBuilder body = new StringBuilder(size * 300).append('[');
		for (int i = 0; i < size; i++) {
			if (i > 0) {
				body.append(',');
			}
			body.append("{\"projectNo\":\"").append(nextCase()).append("\",\"serviceNumber\":1,\"pf\":4,\"satisfaction\":5,")
				.append("\"evalDetail\":\"511\",\"writingEvaluation\":\"\",\"assessTime\":\"")
				.append(org.hcp.shared.ChinaTime.format(java.time.Instant.now().minusSeconds(60)))
				.append("\",\"assessNumber\":1,\"userName\":\"张三\",\"certKey\":\"110101199003074512\",\"mobile\":\"13812345678\"}");
		}
		return body.append(']').toString();
	}
}
