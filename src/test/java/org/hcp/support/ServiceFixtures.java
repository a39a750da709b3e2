package org.hcp.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.hcp.catalog.CatalogFixtures;

import tools.jackson.databind.JsonNode;

/**
 * A hall with a window and a staff member in the test county, a service item, and cases reported through the
 * cases API — the fixtures of the rating tests. The hall is created once per test JVM.
 */
public abstract class ServiceFixtures extends CatalogFixtures {

	private static Hall hall;

	/** Where services happen in these tests, and who serves. */
	public record Hall(String region, String department, String item, String onlineItem, String institution,
			String window, String staffNo, String staffMobile, String staffId) {
	}

	/** A national-style service record of a completed on-the-spot case of the test hall, in the given region. */
	protected java.util.Map<String, Object> serviceRecord(String areaCode, String projectNo, int serviceNumber) {
		java.util.Map<String, Object> r = new java.util.HashMap<>();
		r.put("areaCode", areaCode);
		r.put("deptCode", hall().department());
		r.put("deptName", "测试局");
		r.put("taskCode", hall().item());
		r.put("taskName", "食品经营许可");
		r.put("projectNo", projectNo);
		r.put("projectName", "张三食品经营许可");
		r.put("proStatus", 3);
		r.put("userName", "张三");
		r.put("userProp", 1);
		r.put("certKey", "110101199003074512");
		r.put("mobile", "13812345678");
		r.put("acceptDate", "2026-11-02 09:00:00");
		r.put("serviceNumber", serviceNumber);
		r.put("serviceName", "办结");
		r.put("serviceTime", "2026-11-02 09:30:00");
		r.put("promiseTime", 1);
		r.put("proChannel", 2);
		r.put("resultDate", "2026-11-02 09:30:00");
		return r;
	}

	/** A national-style evaluation record of service 1 of a case, rated on the hall evaluator (pf 4). */
	protected static java.util.Map<String, Object> evaluationRecord(String projectNo, int satisfaction, String detail) {
		java.util.Map<String, Object> r = new java.util.HashMap<>();
		r.put("projectNo", projectNo);
		r.put("serviceNumber", 1);
		r.put("pf", 4);
		r.put("satisfaction", satisfaction);
		r.put("evalDetail", detail);
		r.put("writingEvaluation", "");
		r.put("assessTime", "2026-11-02 10:00:00");
		r.put("assessNumber", 1);
		r.put("userName", "张三");
		r.put("certKey", "110101199003074512");
		r.put("mobile", "13812345678");
		return r;
	}

	protected Hall hall() {
		if (hall == null) {
			String region = county();
			String department = newDepartment(region);
			String institution = newInstitution(region);
			String window = newWindow(institution);
			String staffNo = unique("STF");
			String mobile = randomMobile();
			String id = "980101199001" + String.format("%05d", ThreadLocalRandom.current().nextInt(100000)) + "X";
			assertThat(admin.post("/api/v1/catalog/staff", Map.of("staffNo", staffNo, "name", "王五", "idNumber", id,
					"mobile", mobile, "institutionCode", institution, "windowCode", window, "departmentCode", department))
				.status()).isEqualTo(201);
			hall = new Hall(region, department, newItem(department), newItem(department), institution, window, staffNo,
					mobile, id);
		}
		return hall;
	}

	protected String newItem(String department) {
		String code = unique("ITEM");
		assertThat(admin.post("/api/v1/catalog/items", Map.of("code", code, "name", "食品经营许可", "itemType", "01",
				"departmentCode", department, "promisedDays", 5)).status()).isEqualTo(201);
		return code;
	}

	/**
	 * The one-time SMS code the applicant gets for {@code mobile} (and {@code caseNo}, when named): asked for through
	 * the public endpoint and read from the table SMS gateway, as the rater reads it on their phone.
	 */
	protected String smsCode(String mobile, String caseNo) {
		Http.Reply asked = anonymous.post("/api/public/one-time-codes",
				caseNo == null ? Map.of("mobile", mobile) : Map.of("mobile", mobile, "caseNo", caseNo));
		assertThat(asked.status()).as(asked.toString()).isEqualTo(202);
		return lastSmsCode(mobile).orElseThrow(() -> new AssertionError("no SMS code was sent to " + mobile));
	}

	/** The digits of the latest one-time code SMS to {@code mobile}, if one was sent. */
	protected java.util.Optional<String> lastSmsCode(String mobile) {
		byte[] hash = personalData().lookupHash(org.hcp.privacy.PersonalData.LookupKind.MOBILE, mobile);
		return jdbc.sql("""
				select text from ntf_outbound_sms where mobile_hash = :hash and purpose = 'ONE_TIME_CODE'
				order by id desc limit 1""")
			.param("hash", hash)
			.query(String.class)
			.optional()
			.map(text -> {
				java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\d{6}").matcher(text);
				assertThat(m.find()).as(text).isTrue();
				return m.group();
			});
	}

	@org.springframework.beans.factory.annotation.Autowired
	private org.hcp.privacy.PersonalData personalData;

	private org.hcp.privacy.PersonalData personalData() {
		return personalData;
	}

	public static String randomMobile() {
		return "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
	}

	/** A case being built; {@link #create()} reports it through {@code POST /api/v1/cases}. */
	protected CaseBuilder aCase() {
		return new CaseBuilder(hall());
	}

	public final class CaseBuilder {

		private final Map<String, Object> body = new HashMap<>();
		private final List<Map<String, Object>> services = new ArrayList<>();
		private final Hall hall;
		private OffsetDateTime accepted = OffsetDateTime.now(ZoneOffset.ofHours(8)).minusHours(3).withNano(0);

		CaseBuilder(Hall hall) {
			this.hall = hall;
			body.put("caseNo", unique("CASE"));
			body.put("itemCode", hall.item());
			body.put("departmentCode", hall.department());
			body.put("regionCode", hall.region());
			body.put("caseType", "ON_THE_SPOT");
			body.put("applyChannel", "WINDOW");
			body.put("applicant", Map.of("type", 1, "name", "李四", "certType", "111", "certNo", "110101199003074512",
					"mobile", randomMobile()));
		}

		public CaseBuilder promised() {
			body.put("caseType", "PROMISED");
			return this;
		}

		public CaseBuilder online() {
			body.put("applyChannel", "ONLINE");
			body.put("itemCode", hall.onlineItem());
			return this;
		}

		public CaseBuilder batch(String batchNo) {
			body.put("batchNo", batchNo);
			return this;
		}

		public CaseBuilder chain(String chainNo) {
			body.put("chainNo", chainNo);
			return this;
		}

		public CaseBuilder applicantMobile(String mobile) {
			body.put("applicant", Map.of("type", 1, "name", "李四", "certType", "111", "certNo", "110101199003074512",
					"mobile", mobile));
			return this;
		}

		public CaseBuilder acceptedAt(String iso) {
			accepted = OffsetDateTime.parse(iso);
			return this;
		}

		/** A visit served by the hall's staff member at its window, {@code minutes} after acceptance. */
		public CaseBuilder visit(int minutes) {
			services.add(Map.of("serviceNo", services.size() + 1, "name", services.isEmpty() ? "受理" : "现场服务",
					"at", accepted.plusMinutes(minutes).toString(), "staffNo", hall.staffNo(), "windowCode", hall.window()));
			return this;
		}

		public CaseBuilder completedAfter(int minutes) {
			body.put("completedAt", accepted.plusMinutes(minutes).toString());
			return this;
		}

		public String caseNo() {
			return (String) body.get("caseNo");
		}

		public Instant completedAt() {
			return OffsetDateTime.parse((String) body.get("completedAt")).toInstant();
		}

		public JsonNode create() {
			if (services.isEmpty()) {
				visit(0);
			}
			body.put("acceptedAt", accepted.toString());
			body.put("services", services);
			Http.Reply reply = admin.post("/api/v1/cases", body);
			assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
			return reply.json();
		}
	}

	/** A rating request body for {@code POST /api/v1/evaluations}. */
	protected static Map<String, Object> rating(String caseNo, int level, Object... more) {
		Map<String, Object> body = new HashMap<>();
		body.put("caseNo", caseNo);
		body.put("channel", "WEB_PORTAL");
		body.put("level", level);
		for (int i = 0; i < more.length; i += 2) {
			body.put((String) more[i], more[i + 1]);
		}
		return body;
	}

	protected Http.Reply rate(Map<String, Object> body) {
		return admin.post("/api/v1/evaluations", body);
	}

	protected int storedRatings(String caseNo) {
		return jdbc.sql("select count(*) from evl_evaluation where case_no = :c").param("c", caseNo).query(Integer.class)
			.single();
	}
}
