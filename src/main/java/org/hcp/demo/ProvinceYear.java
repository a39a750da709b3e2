package org.hcp.demo;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

import org.hcp.evaluation.BulkRatingHash;
import org.hcp.evaluation.Channel;
import org.hcp.evaluation.RatingScope;
import org.hcp.evaluation.Source;
import org.hcp.privacy.Masks;
import org.hcp.privacy.PersonalData;
import org.hcp.shared.ChinaTime;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;

/**
 * A generated province-year (ADR 0030): regions from the province down to villages under a two-digit prefix of its
 * own, departments per county, halls, township centres and village points with windows and staff, service items of
 * different difficulty, a year of completed cases with their service event, and ratings with seasonality, a channel
 * mix and default ratings, coverage below 100 %, every bad review with its work order in every state, appeals
 * (upheld with their exclusion, rejected, pending) and random-revisit results. Deterministic: the same prefix, year,
 * size and seed give the same rows (ids aside, which come from the tables' sequences).
 * <p>
 * Rows are written with PostgreSQL COPY straight into the tables, exactly as the application stores them (content
 * hashes by the evaluation module, staff names encrypted by the privacy module), so the analytics triggers queue
 * every fact as they would for live intake. For tests (small) and the bench (10 million ratings).
 */
public final class ProvinceYear {

	/** Shape and volume. {@link #small()} for tests, {@link #of(long)} for the bench. */
	public record Size(long ratings, int cities, int countiesPerCity, int townshipsPerCounty, int villagesPerTownship,
			int departmentsPerCounty, int itemsPerDepartment) {

		public Size {
			if (ratings < 1 || cities < 1 || countiesPerCity < 1 || townshipsPerCounty < 1 || villagesPerTownship < 1
					|| departmentsPerCounty < 1 || departmentsPerCounty > TYPES.size() || itemsPerDepartment < 1
					|| itemsPerDepartment > 5 || cities > 99 || countiesPerCity > 99 || townshipsPerCounty > 999
					|| villagesPerTownship > 999) {
				throw new IllegalArgumentException("impossible province-year size");
			}
		}

		/** About 12,000 ratings over 2 cities × 2 counties × 2 townships × 2 villages: every kind of row, quickly. */
		public static Size small() {
			return new Size(12_000, 2, 2, 2, 2, 6, 2);
		}

		/** About {@code ratings} ratings; from 100,000 on the shape of a province (11 cities, 99 counties, ~9,500 villages). */
		public static Size of(long ratings) {
			return ratings < 100_000 ? new Size(ratings, 3, 3, 3, 3, 8, 3) : new Size(ratings, 11, 9, 12, 8, 20, 5);
		}
	}

	/** Opens a connection of its own for each loading thread (autocommit state is set here). */
	@FunctionalInterface
	public interface Connections {
		Connection open() throws SQLException;
	}

	/** What was loaded, and how long it took. */
	public record Loaded(String provinceCode, int year, long regions, long departments, long institutions, long windows,
			long staff, long items, long cases, long ratings, long defaults, long bad, long workOrders, long appeals,
			long exclusions, long revisitResults, Map<String, Long> ordersByState, Duration took) {
	}

	/** A department type: name, share of the county's cases, whether township centres and village points serve it. */
	private record Type(String name, double weight, boolean local, List<String> items, double base) {
	}

	private static final List<Type> TYPES = List.of(
			new Type("公安局", 12, false, List.of("居民身份证换领", "户口迁移", "机动车驾驶证换证", "出入境证件办理", "居住证签注"), 0.95),
			new Type("人力资源和社会保障局", 11, true, List.of("社会保障卡申领", "养老保险待遇申领", "失业登记", "职业资格证书查询", "灵活就业参保"), 0.94),
			new Type("医疗保障局", 10, true, List.of("医保参保登记", "异地就医备案", "医疗费用零星报销", "门诊慢特病认定", "生育津贴申领"), 0.93),
			new Type("自然资源和规划局", 8, false, List.of("不动产首次登记", "不动产转移登记", "抵押权登记", "建设用地规划许可", "不动产权籍调查"), 0.88),
			new Type("市场监督管理局", 8, false, List.of("个体工商户登记", "企业设立登记", "食品经营许可", "企业注销登记", "特种设备使用登记"), 0.92),
			new Type("税务局", 7, false, List.of("发票领用", "增值税申报", "个人所得税汇算", "税务登记信息变更", "完税证明开具"), 0.91),
			new Type("民政局", 5, true, List.of("婚姻登记", "最低生活保障申请", "临时救助", "高龄津贴申领", "殡葬补贴"), 0.96),
			new Type("卫生健康委员会", 4, false, List.of("出生医学证明", "医师执业注册", "护士执业注册", "公共场所卫生许可", "计划生育奖励"), 0.95),
			new Type("住房和城乡建设局", 4, false, List.of("住房公积金提取", "建筑工程施工许可", "商品房预售许可", "公租房申请", "物业备案"), 0.87),
			new Type("交通运输局", 3, false, List.of("道路运输证年审", "网约车驾驶员证", "出租车从业资格", "货运车辆营运证", "超限运输许可"), 0.90),
			new Type("教育局", 3, false, List.of("义务教育入学", "教师资格认定", "学籍转移", "民办学校审批", "学生资助申请"), 0.93),
			new Type("农业农村局", 3, true, List.of("农村宅基地审批", "农机购置补贴", "动物防疫条件合格证", "种子经营许可", "渔业捕捞许可"), 0.92),
			new Type("退役军人事务局", 2, true, List.of("优待证申领", "退役士兵安置", "抚恤金发放", "光荣牌悬挂", "军休服务"), 0.97),
			new Type("残疾人联合会", 2, true, List.of("残疾人证办理", "残疾人两项补贴", "辅助器具适配", "托养服务补贴", "就业援助"), 0.97),
			new Type("司法局", 2, false, List.of("法律援助申请", "公证办理", "人民调解", "律师执业许可", "基层法律服务"), 0.94),
			new Type("生态环境局", 2, false, List.of("排污许可", "环评审批", "危险废物转移", "辐射安全许可", "环境信访"), 0.85),
			new Type("文化和旅游局", 1, false, List.of("娱乐场所许可", "旅行社设立", "网吧许可", "演出许可", "文物保护审批"), 0.93),
			new Type("应急管理局", 1, false, List.of("安全生产许可", "烟花爆竹经营许可", "危化品经营许可", "安全评价备案", "应急预案备案"), 0.86),
			new Type("商务局", 1, false, List.of("对外贸易经营者备案", "成品油零售许可", "酒类流通备案", "拍卖企业备案", "单用途预付卡备案"), 0.92),
			new Type("行政审批局", 6, false, List.of("建设项目审批", "施工图审查", "联合验收", "投资项目备案", "一件事集成办理"), 0.82));

	/** Month weights (January … December): fewer around the Spring Festival and the National Day. */
	private static final double[] MONTHS = { 0.85, 0.65, 1.10, 1.05, 1.00, 1.05, 1.10, 1.05, 1.00, 0.85, 1.05, 1.10 };
	/** Public holidays (fixed dates; the Spring Festival moves, this is its usual span). */
	private static final Set<MonthDay> HOLIDAYS = holidays();

	private static final String CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";
	private static final int[] WEIGHTS = { 1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28 };
	private static final String[] SURNAMES = { "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭" };
	private static final String[] GIVEN = { "伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明" };
	private static final String[] BAD_COMMENTS = { "等候时间太长", "材料要求反复变化", "工作人员态度冷淡", "系统经常卡顿", "跑了好几趟还没办成" };
	private static final int[] INDICATORS_ONLINE = { 5, 5, 4, 4, 5 }; // level 1..5 → how many online codes
	private static final int[] INDICATORS_OFFLINE = { 5, 5, 4, 4, 5 };

	private final String prefix;
	private final int year;
	private final Size size;
	private final long seed;

	// the catalog, built in the constructor
	private final List<String[]> regions = new ArrayList<>(); // code, name, level, parent
	private final List<String[]> departments = new ArrayList<>(); // code, name, region
	private final List<String[]> items = new ArrayList<>(); // code, name, type, department, promised days
	private final List<String[]> institutions = new ArrayList<>(); // code, name, kind, region, parent
	private final List<String[]> windows = new ArrayList<>(); // code, name, institution
	private final List<String[]> staffRows = new ArrayList<>(); // staff no, name, institution, window, department
	private final List<County> counties = new ArrayList<>();
	private final double[] countyCumulative;
	private final double[] typeCumulative;
	private final double[] localTypeCumulative;
	private final int[] localTypes;
	private final LocalDate[] days;
	private final long[] casesPerDay;
	private final long[] firstCaseOfDay;
	private final long totalCases;

	private record Point(String region, String institution, String[] windows, String[][] staff, double[][] staffShift) {
	}

	private static final class County {
		String code;
		String[] departmentCodes;
		String[][] itemCodes;
		double[][] itemShare;
		int[][] itemPromised;
		Point hall;
		List<Point> townships = new ArrayList<>();
		List<Point> villages = new ArrayList<>();
	}

	public ProvinceYear(String prefix, int year, Size size, long seed) {
		if (prefix == null || !prefix.matches("[1-9][0-9]")) {
			throw new IllegalArgumentException("a province prefix is two digits, not starting with 0");
		}
		this.prefix = prefix;
		this.year = year;
		this.size = size;
		this.seed = seed;
		SplittableRandom random = new SplittableRandom(seed);
		buildCatalog(random);
		double[] countyWeights = new double[counties.size()];
		double rest = 0;
		for (int i = 1; i < countyWeights.length; i++) {
			countyWeights[i] = 0.3 + 1.4 * random.nextDouble();
			rest += countyWeights[i];
		}
		// the provincial capital's main district: 4 % of the province (≈ 100,000 ratings a quarter at 10 million)
		double big = counties.size() >= 20 ? 0.04 : 1.0 / counties.size();
		countyWeights[0] = counties.size() == 1 ? 1 : big * rest / (1 - big);
		countyCumulative = cumulative(countyWeights);
		double[] typeWeights = new double[size.departmentsPerCounty()];
		List<Integer> local = new ArrayList<>();
		for (int t = 0; t < typeWeights.length; t++) {
			typeWeights[t] = TYPES.get(t).weight();
			if (TYPES.get(t).local()) {
				local.add(t);
			}
		}
		if (local.isEmpty()) {
			local.add(0);
		}
		typeCumulative = cumulative(typeWeights);
		localTypes = local.stream().mapToInt(Integer::intValue).toArray();
		double[] localWeights = new double[localTypes.length];
		for (int i = 0; i < localTypes.length; i++) {
			localWeights[i] = TYPES.get(localTypes[i]).weight();
		}
		localTypeCumulative = cumulative(localWeights);
		// the year's days with their weights; cases = ratings / expected coverage
		LocalDate first = LocalDate.of(year, 1, 1);
		int n = first.lengthOfYear();
		days = new LocalDate[n];
		double[] dayWeights = new double[n];
		double sum = 0;
		for (int d = 0; d < n; d++) {
			days[d] = first.plusDays(d);
			dayWeights[d] = dayWeight(days[d]);
			sum += dayWeights[d];
		}
		totalCases = Math.round(size.ratings() / 0.92);
		casesPerDay = new long[n];
		firstCaseOfDay = new long[n];
		long given = 0;
		double carried = 0;
		for (int d = 0; d < n; d++) {
			carried += totalCases * dayWeights[d] / sum;
			long c = Math.round(carried) - given;
			casesPerDay[d] = c;
			firstCaseOfDay[d] = given;
			given += c;
		}
	}

	public String provinceCode() {
		return prefix + "0000000000";
	}

	public int year() {
		return year;
	}

	/** The first county (the capital's main district, the largest); its code. */
	public String capitalCounty() {
		return counties.get(0).code;
	}

	/** Region codes of the province, by level 1–5 (province … village), in creation order. */
	public List<String> regionsOfLevel(int level) {
		return regions.stream().filter(r -> Integer.parseInt(r[2]) == level).map(r -> r[0]).toList();
	}

	/** Department codes, in creation order (county by county). */
	public List<String> departmentCodes() {
		return departments.stream().map(d -> d[0]).toList();
	}

	public List<String> windowCodes() {
		return windows.stream().map(w -> w[0]).toList();
	}

	public List<String> staffNumbers() {
		return staffRows.stream().map(s -> s[0]).toList();
	}

	public List<String> itemCodes() {
		return items.stream().map(i -> i[0]).toList();
	}

	public List<String> institutionCodes() {
		return institutions.stream().map(i -> i[0]).toList();
	}

	// ------------------------------------------------------------------------------------------------- catalog

	private void buildCatalog(SplittableRandom random) {
		String province = prefix + "0000000000";
		regions.add(new String[] { province, "生成省" + prefix, "1", null });
		int typeCount = size.departmentsPerCounty();
		for (int c = 1; c <= size.cities(); c++) {
			String city = prefix + two(c) + "00000000";
			regions.add(new String[] { city, "生成省" + prefix + "第" + c + "市", "2", province });
			for (int k = 1; k <= size.countiesPerCity(); k++) {
				String countyCode = prefix + two(c) + two(k) + "000000";
				String countyName = "第" + c + "市第" + k + "区";
				regions.add(new String[] { countyCode, countyName, "3", city });
				County county = new County();
				county.code = countyCode;
				county.departmentCodes = new String[typeCount];
				county.itemCodes = new String[typeCount][];
				county.itemShare = new double[typeCount][];
				county.itemPromised = new int[typeCount][];
				String hall = "PY-H-" + countyCode;
				institutions.add(new String[] { hall, countyName + "政务服务中心", "HALL", countyCode, null });
				String[] hallWindows = new String[typeCount];
				String[][] hallStaff = new String[typeCount][];
				double[][] hallShift = new double[typeCount][];
				for (int t = 0; t < typeCount; t++) {
					Type type = TYPES.get(t);
					String first17 = "11" + countyCode.substring(0, 6) + "MB" + String.format("%07d", t + 1);
					String dept = first17 + checkChar(first17);
					county.departmentCodes[t] = dept;
					departments.add(new String[] { dept, countyName + type.name(), countyCode });
					int itemCount = size.itemsPerDepartment();
					county.itemCodes[t] = new String[itemCount];
					county.itemShare[t] = new double[itemCount];
					county.itemPromised[t] = new int[itemCount];
					for (int i = 0; i < itemCount; i++) {
						String item = dept + "-" + String.format("%04d", i + 1);
						// items of one type spread around the type's base: the hardest about 0.80, the easiest 0.995
						double share = Math.min(0.995, Math.max(0.80, type.base() + 0.03 * (2 - i) + 0.02 * (random.nextDouble() - 0.5)));
						int promised = i % 2 == 0 ? 0 : 5 + random.nextInt(16);
						county.itemCodes[t][i] = item;
						county.itemShare[t][i] = share;
						county.itemPromised[t][i] = promised;
						items.add(new String[] { item, type.items().get(i), itemType(i), dept, Integer.toString(promised) });
					}
					String window = hall + "-W" + two(t + 1);
					hallWindows[t] = window;
					windows.add(new String[] { window, type.name() + "窗口", hall });
					int people = 1 + random.nextInt(3);
					hallStaff[t] = new String[people];
					hallShift[t] = new double[] { 0, 0, 0 };
					for (int s = 0; s < people; s++) {
						String staffNo = "PY" + countyCode + "H" + two(t + 1) + (s + 1);
						hallStaff[t][s] = staffNo;
						hallShift[t][s] = staffShift(random);
						staffRows.add(new String[] { staffNo, name(random), hall, window, dept });
					}
				}
				county.hall = new Point(countyCode, hall, hallWindows, hallStaff, hallShift);
				for (int w = 1; w <= size.townshipsPerCounty(); w++) {
					String township = countyCode.substring(0, 6) + String.format("%03d", w) + "000";
					regions.add(new String[] { township, countyName + "第" + w + "街道", "4", countyCode });
					String centre = "PY-T-" + township;
					institutions.add(new String[] { centre, countyName + "第" + w + "街道便民服务中心", "TOWNSHIP_CENTRE", township, hall });
					county.townships.add(point(random, township, centre, 3, "T", "综合窗口"));
					for (int v = 1; v <= size.villagesPerTownship(); v++) {
						String village = township.substring(0, 9) + String.format("%03d", v);
						regions.add(new String[] { village, countyName + "第" + w + "街道第" + v + "村", "5", township });
						if (v % 2 == 1) {
							String point = "PY-V-" + village;
							institutions.add(new String[] { point, "第" + w + "街道第" + v + "村便民服务站", "VILLAGE_POINT", village, centre });
							county.villages.add(point(random, village, point, 1, "V", "代办窗口"));
						}
					}
				}
				counties.add(county);
			}
		}
	}

	private Point point(SplittableRandom random, String region, String institution, int windowCount, String kind, String windowName) {
		String[] ws = new String[windowCount];
		String[][] staff = new String[windowCount][];
		double[][] shift = new double[windowCount][];
		for (int w = 0; w < windowCount; w++) {
			ws[w] = institution + "-W" + two(w + 1);
			windows.add(new String[] { ws[w], windowName + (w + 1), institution });
			String staffNo = "PY" + region + kind + two(w + 1);
			staff[w] = new String[] { staffNo };
			shift[w] = new double[] { staffShift(random) };
			staffRows.add(new String[] { staffNo, name(random), institution, ws[w], null });
		}
		return new Point(region, institution, ws, staff, shift);
	}

	/** Most staff near the item's share; one in ten noticeably worse, one in twenty better. */
	private static double staffShift(SplittableRandom random) {
		double u = random.nextDouble();
		return u < 0.10 ? -0.06 - 0.06 * random.nextDouble() : u < 0.15 ? 0.03 : 0.02 * (random.nextDouble() - 0.5);
	}

	private static String itemType(int i) {
		return switch (i % 3) {
			case 0 -> "01";
			case 1 -> "02";
			default -> "07";
		};
	}

	private static String name(SplittableRandom random) {
		return SURNAMES[random.nextInt(SURNAMES.length)] + GIVEN[random.nextInt(GIVEN.length)]
				+ (random.nextBoolean() ? GIVEN[random.nextInt(GIVEN.length)] : "");
	}

	private static String two(int n) {
		return n < 10 ? "0" + n : Integer.toString(n);
	}

	private static char checkChar(String first17) {
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += CHARS.indexOf(first17.charAt(i)) * WEIGHTS[i];
		}
		return CHARS.charAt((31 - sum % 31) % 31);
	}

	private static double[] cumulative(double[] weights) {
		double[] c = new double[weights.length];
		double sum = 0;
		for (int i = 0; i < weights.length; i++) {
			sum += weights[i];
			c[i] = sum;
		}
		for (int i = 0; i < c.length; i++) {
			c[i] /= sum;
		}
		return c;
	}

	private static int pick(double[] cumulative, double u) {
		int lo = 0;
		int hi = cumulative.length - 1;
		while (lo < hi) {
			int mid = (lo + hi) >>> 1;
			if (cumulative[mid] < u) {
				lo = mid + 1;
			}
			else {
				hi = mid;
			}
		}
		return lo;
	}

	private static Set<MonthDay> holidays() {
		Set<MonthDay> h = new java.util.HashSet<>();
		h.add(MonthDay.of(1, 1));
		for (int d = 28; d <= 31; d++) {
			h.add(MonthDay.of(1, d));
		}
		for (int d = 1; d <= 4; d++) {
			h.add(MonthDay.of(2, d));
		}
		h.add(MonthDay.of(4, 4));
		h.add(MonthDay.of(4, 5));
		for (int d = 1; d <= 5; d++) {
			h.add(MonthDay.of(5, d));
		}
		h.add(MonthDay.of(5, 31));
		for (int d = 1; d <= 8; d++) {
			h.add(MonthDay.of(10, d));
		}
		return h;
	}

	private static double dayWeight(LocalDate day) {
		double w = MONTHS[day.getMonthValue() - 1];
		if (HOLIDAYS.contains(MonthDay.from(day))) {
			return w * 0.04;
		}
		if (day.getDayOfWeek() == DayOfWeek.SATURDAY) {
			return w * 0.15;
		}
		if (day.getDayOfWeek() == DayOfWeek.SUNDAY) {
			return w * 0.06;
		}
		// Mondays busiest, Fridays a little quieter
		return w * (day.getDayOfWeek() == DayOfWeek.MONDAY ? 1.15 : day.getDayOfWeek() == DayOfWeek.FRIDAY ? 0.9 : 1.0);
	}

	// ---------------------------------------------------------------------------------------------------- load

	/** Ids reserved from each table's sequence: row {@code i} of the year (its case index) gets {@code base + i}. */
	private record Ids(long caseBase, long evaluationBase, long orderBase, long appealBase, long decisionBase, long exclusionBase,
			long creditBase) {
	}

	private final LongAdder ratings = new LongAdder();
	private final LongAdder defaults = new LongAdder();
	private final LongAdder bad = new LongAdder();
	private final LongAdder orders = new LongAdder();
	private final LongAdder appeals = new LongAdder();
	private final LongAdder exclusions = new LongAdder();
	private final Map<String, LongAdder> byState = new ConcurrentHashMap<>();

	/**
	 * Writes the province-year: the catalog, then the days of the year on {@code threads} connections at once (each
	 * day one transaction), then the random revisits. The tables' sequences are moved past the ids used; nothing else
	 * should insert into these tables while it runs.
	 */
	public Loaded load(Connections connections, PersonalData personal, int threads) throws SQLException {
		long start = System.nanoTime();
		Ids ids;
		try (Connection c = connections.open()) {
			c.setAutoCommit(true);
			ids = new Ids(reserve(c, "cas_case_id_seq"), reserve(c, "evl_evaluation_id_seq"), reserve(c, "rct_work_order_seq"),
					reserve(c, "apl_appeal_id_seq"), reserve(c, "apl_decision_id_seq"), reserve(c, "evl_exclusion_id_seq"),
					reserve(c, "apl_credit_record_id_seq"));
			loadCatalog(c, personal);
		}
		ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads));
		AtomicInteger nextDay = new AtomicInteger();
		try {
			List<Future<Void>> workers = new ArrayList<>();
			for (int t = 0; t < Math.max(1, threads); t++) {
				workers.add(pool.submit(() -> {
					try (Connection c = connections.open()) {
						c.setAutoCommit(false);
						CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
						int d;
						while ((d = nextDay.getAndIncrement()) < days.length) {
							loadDay(copy, d, ids);
							c.commit();
						}
					}
					return null;
				}));
			}
			for (Future<Void> w : workers) {
				w.get();
			}
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while loading the province-year", e);
		}
		catch (java.util.concurrent.ExecutionException e) {
			if (e.getCause() instanceof SQLException sql) {
				throw sql;
			}
			throw new IllegalStateException("loading the province-year failed", e.getCause());
		}
		finally {
			pool.shutdownNow();
		}
		long revisits;
		try (Connection c = connections.open()) {
			c.setAutoCommit(true);
			revisits = loadRevisits(c);
			try (Statement s = c.createStatement()) {
				s.execute("analyze");
			}
		}
		Map<String, Long> states = new LinkedHashMap<>();
		byState.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> states.put(e.getKey(), e.getValue().sum()));
		return new Loaded(provinceCode(), year, regions.size(), departments.size(), institutions.size(), windows.size(),
				staffRows.size(), items.size(), totalCases, ratings.sum(), defaults.sum(), bad.sum(), orders.sum(), appeals.sum(),
				exclusions.sum(), revisits, states, Duration.ofNanos(System.nanoTime() - start));
	}

	private long reserve(Connection c, String sequence) throws SQLException {
		try (Statement s = c.createStatement();
				ResultSet rs = s.executeQuery("select setval('" + sequence + "', nextval('" + sequence + "') + " + totalCases + ")")) {
			rs.next();
			return rs.getLong(1) - totalCases;
		}
	}

	private void loadCatalog(Connection c, PersonalData personal) throws SQLException {
		CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
		Rows r = new Rows();
		for (String[] region : regions) {
			r.text(region[0]).text(region[1]).text(region[2]).text(region[3]).end();
		}
		r.copy(copy, "cat_region (code, name, level, parent_code)");
		for (String[] d : departments) {
			r.text(d[0]).text(d[1]).text(d[2]).end();
		}
		r.copy(copy, "cat_department (code, name, region_code)");
		for (String[] i : items) {
			r.text(i[0]).text(i[1]).text(i[2]).text(i[3]).text(i[4]).end();
		}
		r.copy(copy, "cat_service_item (code, name, item_type, department_code, promised_days)");
		for (String[] i : institutions) {
			r.text(i[0]).text(i[1]).text(i[2]).text(i[3]).text(i[4]).end();
		}
		r.copy(copy, "cat_institution (code, name, kind, region_code, parent_code)");
		for (String[] w : windows) {
			r.text(w[0]).text(w[1]).text(w[2]).end();
		}
		r.copy(copy, "cat_window (code, name, institution_code)");
		for (String[] s : staffRows) {
			r.text(s[0]).bytes(personal.encrypt(s[1])).text(Masks.name(s[1])).text(s[2]).text(s[3]).text(s[4]).end();
		}
		r.copy(copy, "cat_staff (staff_no, name_enc, name_masked, institution_code, window_code, department_code)");
	}

	private static final String CASES = "cas_case (id, case_no, title, item_code, item_name, department_code, region_code, case_type,"
			+ " apply_channel, status, applicant_type, accepted_at, completed_at, source, created_at)";
	private static final String EVENTS = "cas_service_event (case_id, service_no, name, occurred_at, staff_no, window_code)";
	private static final String EVALUATIONS = "evl_evaluation (id, case_id, case_no, service_no, slot, channel, level, indicators,"
			+ " indicator_version, comment, assessed_at, assess_number, is_default, scope, region_code, department_code, item_code,"
			+ " staff_no, window_code, source, received_at, content_hash)";
	private static final String ORDERS = "rct_work_order (id, order_no, source, source_key, state, region_code, department_code,"
			+ " staff_no, window_code, item_code, level, summary, profile_code, opened_at, dispatched_at, deadline, deadline_step,"
			+ " round, paused_at, pause_appeal_id, overdue, times_overdue, verified_at, rectify_mode, planned_by, rectified_at,"
			+ " unrectifiable, replied_at, rater_answer, rater_answered_at, revisit_outcome, revisited_at, closed_at, version)";
	private static final String ORDER_RATINGS = "rct_order_rating (order_id, evaluation_id, case_id, case_no)";
	private static final String APPEALS = "apl_appeal (id, order_id, order_no, evaluation_ids, case_nos, region_code, department_code,"
			+ " staff_no, reason, filed_by, filed_by_role, order_received_at, filed_at, decide_by, state, decided_at)";
	private static final String DECISIONS = "apl_decision (id, appeal_id, order_id, order_no, evaluation_ids, region_code,"
			+ " department_code, staff_no, outcome, reason, decided_by, decided_by_role, filed_at, decide_by, decided_at, late)";
	private static final String EXCLUSIONS = "evl_exclusion (id, evaluation_id, reason, decision_ref, excluded_by, excluded_by_role,"
			+ " excluded_at)";
	private static final String CREDITS = "apl_credit_record (id, appeal_id, decision_id, order_no, evaluation_ids, region_code,"
			+ " reason, recorded_by, recorded_at)";

	/** One day's cases, ratings, work orders and appeals, each table by COPY, in one transaction. */
	private void loadDay(CopyManager copy, int d, Ids ids) throws SQLException {
		SplittableRandom random = new SplittableRandom(seed * 1_000_003L + d);
		LocalDate day = days[d];
		Rows cases = new Rows();
		Rows events = new Rows();
		Rows evaluations = new Rows();
		Rows orderRows = new Rows();
		Rows links = new Rows();
		Rows appealRows = new Rows();
		Rows decisions = new Rows();
		Rows exclusionRows = new Rows();
		Rows credits = new Rows();
		int[] badOfDay = { 0 };
		for (long k = 0; k < casesPerDay[d]; k++) {
			long index = firstCaseOfDay[d] + k;
			generateCase(random, d, badOfDay, day, index, ids, cases, events, evaluations, orderRows, links, appealRows, decisions, exclusionRows,
					credits);
		}
		cases.copy(copy, CASES);
		events.copy(copy, EVENTS);
		evaluations.copy(copy, EVALUATIONS);
		orderRows.copy(copy, ORDERS);
		links.copy(copy, ORDER_RATINGS);
		appealRows.copy(copy, APPEALS);
		decisions.copy(copy, DECISIONS);
		exclusionRows.copy(copy, EXCLUSIONS);
		credits.copy(copy, CREDITS);
	}

	private static final Channel[] WINDOW_CHANNELS = { Channel.HALL_EVALUATOR, Channel.QR_CODE, Channel.KIOSK, Channel.SMS,
			Channel.HOTLINE_12345, Channel.PAPER_FORM, Channel.MOBILE_APP };
	private static final double[] WINDOW_MIX = cumulative(new double[] { 45, 25, 7, 12, 2, 3, 6 });
	private static final Channel[] ONLINE_CHANNELS = { Channel.WEB_PORTAL, Channel.MOBILE_APP, Channel.SMS, Channel.HOTLINE_12345 };
	private static final double[] ONLINE_MIX = cumulative(new double[] { 47, 38, 11, 4 });

	private void generateCase(SplittableRandom random, int dayIndex, int[] badOfDay, LocalDate day, long index, Ids ids, Rows cases, Rows events, Rows evaluations,
			Rows orderRows, Rows links, Rows appealRows, Rows decisions, Rows exclusionRows, Rows credits) {
		County county = counties.get(pick(countyCumulative, random.nextDouble()));
		double venue = random.nextDouble();
		String applyChannel;
		double a = random.nextDouble();
		applyChannel = a < 0.72 ? "WINDOW" : a < 0.90 ? "ONLINE" : a < 0.98 ? "MOBILE" : "MAIL";
		boolean online = !applyChannel.equals("WINDOW");
		int type;
		Point point = null;
		int window = 0;
		int person = 0;
		if (online || venue < 0.62 || county.townships.isEmpty()) {
			type = pick(typeCumulative, random.nextDouble());
			if (!online) {
				point = county.hall;
				window = type;
				person = random.nextInt(point.staff()[window].length);
			}
		}
		else {
			type = localTypes[pick(localTypeCumulative, random.nextDouble())];
			List<Point> places = venue < 0.86 || county.villages.isEmpty() ? county.townships : county.villages;
			point = places.get(random.nextInt(places.size()));
			window = random.nextInt(point.windows().length);
			person = 0;
		}
		int item = random.nextInt(county.itemCodes[type].length);
		String itemCode = county.itemCodes[type][item];
		String department = county.departmentCodes[type];
		String region = point == null ? county.code : point.region();
		String windowCode = point == null ? null : point.windows()[window];
		String staffNo = point == null ? null : point.staff()[window][person];
		double shift = point == null ? 0 : point.staffShift()[window][person];
		int promised = county.itemPromised[type][item];
		long caseId = ids.caseBase() + index;
		String caseNo = "PY" + prefix + "-" + year + "-" + index;
		// completed during opening hours; a promised case was accepted days before
		Instant completed = ChinaTime.startOf(day).plusSeconds(8 * 3600 + 1800 + random.nextInt(9 * 3600))
			.plusNanos(random.nextInt(1_000_000) * 1000L);
		Instant accepted = promised == 0 ? completed.minusSeconds(300 + random.nextInt(3300))
				: completed.minus(1 + random.nextInt(promised), ChronoUnit.DAYS).minusSeconds(random.nextInt(3600));
		cases.num(caseId).text(caseNo).nul().text(itemCode).text(TYPES.get(type).items().get(item)).text(department).text(region)
			.text(promised == 0 ? "ON_THE_SPOT" : "PROMISED").text(applyChannel).text("COMPLETED").num(random.nextDouble() < 0.85 ? 1 : 2)
			.time(accepted).time(completed).text("EXCHANGE").time(completed.plusSeconds(5 + random.nextInt(600))).end();
		events.num(caseId).num(1).text("办结").time(completed).text(staffNo).text(windowCode).end();
		// coverage below 100 %: some completed cases are never rated
		double coverage = point == null ? 0.93 : point == county.hall ? 0.94 : 0.88;
		if (random.nextDouble() >= coverage) {
			return;
		}
		long evaluationId = ids.evaluationBase() + index;
		ratings.increment();
		boolean isDefault = random.nextDouble() < 0.15;
		Channel channel;
		Source source;
		Instant assessed;
		Instant received;
		int level;
		String indicators = null;
		String comment = null;
		if (isDefault) {
			defaults.increment();
			channel = Channel.DEFAULT;
			source = Source.DEFAULT;
			level = 5;
			assessed = ChinaTime.startOf(day.plusDays(day.getDayOfWeek().getValue() >= 4 ? 7 : 5)).plusSeconds(1800 + random.nextInt(600));
			received = assessed;
		}
		else {
			channel = online ? ONLINE_CHANNELS[pick(ONLINE_MIX, random.nextDouble())] : WINDOW_CHANNELS[pick(WINDOW_MIX, random.nextDouble())];
			source = switch (channel) {
				case HALL_EVALUATOR, QR_CODE -> Source.TOKEN;
				case WEB_PORTAL, MOBILE_APP -> Source.PAGE;
				case SMS -> Source.SMS;
				case HOTLINE_12345, PAPER_FORM -> Source.ENTRY;
				default -> Source.API;
			};
			long delay = switch (channel) {
				case HALL_EVALUATOR -> 5 + random.nextInt(180);
				case QR_CODE, KIOSK -> 30 + random.nextInt(7200);
				case WEB_PORTAL, MOBILE_APP -> 60 + random.nextInt(2 * 86400);
				case SMS -> 300 + random.nextInt(86400);
				default -> 3600 + random.nextInt(4 * 86400);
			};
			assessed = completed.plusSeconds(delay);
			received = channel == Channel.PAPER_FORM ? assessed.plusSeconds(86400 + random.nextInt(3 * 86400))
					: assessed.plusMillis(50 + random.nextInt(1500));
			double share = county.itemShare[type][item] + shift
					- (channel == Channel.SMS || channel == Channel.HOTLINE_12345 ? 0.03 : 0);
			share = Math.min(0.999, Math.max(0.5, share));
			double u = random.nextDouble();
			if (u < share) {
				level = random.nextDouble() < 0.85 ? 5 : 4;
			}
			else {
				double v = random.nextDouble();
				level = v < 0.45 ? 3 : v < 0.75 ? 2 : 1;
			}
			boolean onlineFamily = switch (channel) {
				case WEB_PORTAL, MOBILE_APP -> true;
				case HOTLINE_12345, SMS -> online;
				default -> false;
			};
			if (level <= 2 || random.nextDouble() < 0.7) {
				indicators = indicators(random, level, onlineFamily);
			}
			if (level <= 2 && random.nextDouble() < 0.3) {
				comment = BAD_COMMENTS[random.nextInt(BAD_COMMENTS.length)];
			}
		}
		assessed = assessed.truncatedTo(ChronoUnit.MICROS);
		received = received.truncatedTo(ChronoUnit.MICROS);
		byte[] hash = BulkRatingHash.of(caseId, caseNo, 1, 0, channel, level, indicators, indicators == null ? null : 1, comment,
				assessed, 1, RatingScope.SINGLE, region, department, itemCode, staffNo, windowCode, source, received);
		evaluations.num(evaluationId).num(caseId).text(caseNo).num(1).num(0).text(channel.name()).num(level).text(indicators)
			.text(indicators == null ? null : "1").text(comment).time(assessed).num(1).bool(isDefault).text("SINGLE").text(region)
			.text(department).text(itemCode).text(staffNo).text(windowCode).text(source.name()).time(received).bytes(hash).end();
		if (level <= 2) {
			bad.increment();
			workOrder(random, dayIndex, badOfDay[0]++ == 0, index, ids, evaluationId, caseId, caseNo, region, department, staffNo, windowCode, itemCode, level, comment,
					received, orderRows, links, appealRows, decisions, exclusionRows, credits);
		}
	}

	private static String indicators(SplittableRandom random, int level, boolean online) {
		int count = (online ? INDICATORS_ONLINE : INDICATORS_OFFLINE)[level - 1];
		int base = level * 100 + (online ? 0 : 10);
		int first = 1 + random.nextInt(count);
		if (random.nextDouble() < 0.25 && count > 1) {
			int second = 1 + random.nextInt(count);
			if (second != first) {
				return (base + Math.min(first, second)) + "," + (base + Math.max(first, second));
			}
		}
		return Integer.toString(base + first);
	}

	/** Where a generated work order ends up (weights in ‰). */
	private enum Fate {
		RECEIVED(15), INVALID(80), DISPATCHED(20), VERIFIED(25), RECTIFYING(30), UNRECTIFIABLE_REPORTED(8), RECTIFIED(20), REPLIED(25),
		REVISITED(45), REOPENED(15), CLOSED(600), UNRECTIFIABLE_APPROVED(25), CLOSED_BY_APPEAL(35), APPEAL_PENDING(12), APPEAL_REJECTED(45);

		final int permille;

		Fate(int permille) {
			this.permille = permille;
		}

		static Fate pick(SplittableRandom random) {
			int u = random.nextInt(1000);
			for (Fate f : values()) {
				u -= f.permille;
				if (u < 0) {
					return f;
				}
			}
			return CLOSED;
		}
	}

	private static final String[] REVISIT_OUTCOMES = { "SATISFIED", "SATISFIED", "SATISFIED", "PARTLY_SATISFIED", "PARTLY_SATISFIED", "UNREACHABLE" };

	private void workOrder(SplittableRandom random, int day, boolean firstOfDay, long index, Ids ids, long evaluationId, long caseId, String caseNo, String region,
			String department, String staffNo, String windowCode, String itemCode, int level, String comment, Instant received,
			Rows orderRows, Rows links, Rows appealRows, Rows decisions, Rows exclusionRows, Rows credits) {
		orders.increment();
		long orderId = ids.orderBase() + index;
		Instant opened = received.plusMillis(200 + random.nextInt(2000)).truncatedTo(ChronoUnit.MICROS);
		String orderNo = "GD" + ChinaTime.dateOf(opened).toString().replace("-", "") + String.format("%08d", orderId);
		// the first bad review of each of the year's first 60 days takes each fate in turn, so that even a small
		// province-year has every state; the rest are drawn by weight
		Fate fate = firstOfDay && day < 60 ? Fate.values()[day % Fate.values().length] : Fate.pick(random);
		String state;
		Instant dispatched = null;
		Instant verified = null;
		Instant rectified = null;
		Instant replied = null;
		Instant revisited = null;
		Instant closed = null;
		Instant deadline = null;
		String step = null;
		String mode = null;
		LocalDate planned = null;
		boolean unrectifiable = false;
		String answer = null;
		Instant answered = null;
		String outcome = null;
		int round = 1;
		Instant paused = null;
		Long pauseAppeal = null;
		int version = 0;
		// the path every order walks as far as its fate lets it
		boolean invalid = fate == Fate.INVALID;
		if (fate != Fate.RECEIVED && !invalid) {
			dispatched = opened.plusSeconds(1800 + random.nextInt(20 * 3600));
			deadline = dispatched.plus(1, ChronoUnit.DAYS);
			step = "VERIFY";
			version++;
		}
		else if (invalid) {
			version++;
		}
		boolean verifies = switch (fate) {
			case RECEIVED, INVALID, DISPATCHED, APPEAL_PENDING -> false;
			default -> true;
		};
		if (verifies) {
			verified = dispatched.plusSeconds(3600 + random.nextInt(2 * 86400));
			deadline = dispatched.plus(14, ChronoUnit.DAYS);
			step = "RECTIFY";
			version++;
		}
		if (fate == Fate.CLOSED_BY_APPEAL) {
			verified = null;
			deadline = null;
			step = null;
		}
		boolean ledger = random.nextDouble() < 0.3;
		boolean rectifies = switch (fate) {
			case RECTIFIED, REPLIED, REVISITED, REOPENED, CLOSED, APPEAL_REJECTED -> true;
			default -> false;
		};
		if (fate == Fate.RECTIFYING || (rectifies && ledger)) {
			mode = "LEDGER";
			planned = ChinaTime.dateOf(verified).plusDays(10 + random.nextInt(20));
			deadline = ChinaTime.startOf(planned.plusDays(1));
			step = "RECTIFY";
			version++;
		}
		else if (rectifies) {
			mode = "AT_ONCE";
		}
		if (fate == Fate.UNRECTIFIABLE_REPORTED || fate == Fate.UNRECTIFIABLE_APPROVED) {
			version++;
		}
		if (rectifies) {
			rectified = verified.plusSeconds(3600 + random.nextInt((ledger ? 20 : 5) * 86400));
			deadline = rectified.plus(5, ChronoUnit.DAYS);
			step = "REPLY";
			version++;
		}
		if (fate == Fate.UNRECTIFIABLE_APPROVED) {
			unrectifiable = true;
			Instant approved = verified.plusSeconds(86400 + random.nextInt(3 * 86400));
			deadline = approved.plus(5, ChronoUnit.DAYS);
			step = "REPLY";
			version++;
		}
		boolean replies = rectifies && fate != Fate.RECTIFIED;
		if (replies) {
			replied = rectified.plusSeconds(1800 + random.nextInt(2 * 86400));
			step = "REVISIT";
			version++;
			if (random.nextDouble() < 0.4) {
				int v = random.nextInt(10);
				answer = v < 6 ? "SATISFIED" : v < 9 ? "BASICALLY_SATISFIED" : "NOT_SATISFIED";
				answered = replied.plusSeconds(600 + random.nextInt(86400));
				version++;
			}
		}
		boolean revisits = replies && fate != Fate.REPLIED;
		if (revisits) {
			revisited = replied.plusSeconds(86400 + random.nextInt(3 * 86400));
			version++;
			if (fate == Fate.REOPENED) {
				outcome = "NOT_SATISFIED";
				round = 2;
				mode = null;
				planned = null;
				rectified = null;
				deadline = revisited.plus(10, ChronoUnit.DAYS);
				step = "RECTIFY";
			}
			else {
				outcome = REVISIT_OUTCOMES[random.nextInt(REVISIT_OUTCOMES.length)];
				deadline = null;
				step = null;
			}
		}
		if (fate == Fate.CLOSED || fate == Fate.APPEAL_REJECTED) {
			closed = revisited.plusSeconds(3600 + random.nextInt(3 * 86400));
			version++;
		}
		state = switch (fate) {
			case REOPENED, APPEAL_PENDING -> fate == Fate.REOPENED ? "VERIFIED" : "DISPATCHED";
			case APPEAL_REJECTED -> "CLOSED";
			default -> fate.name();
		};
		// appeals: filed by the department after dispatch
		long appealId = ids.appealBase() + index;
		long decisionId = ids.decisionBase() + index;
		Instant filed = null;
		if (fate == Fate.CLOSED_BY_APPEAL || fate == Fate.APPEAL_PENDING || fate == Fate.APPEAL_REJECTED) {
			appeals.increment();
			filed = dispatched.plusSeconds(3600 + random.nextInt(86400));
			Instant decideBy = filed.plus(10, ChronoUnit.DAYS);
			String appealState = fate == Fate.CLOSED_BY_APPEAL ? "UPHELD" : fate == Fate.APPEAL_PENDING ? "PENDING" : "REJECTED";
			Instant decided = fate == Fate.APPEAL_PENDING ? null : filed.plusSeconds(86400 + random.nextInt(5 * 86400));
			appealRows.num(appealId).num(orderId).text(orderNo).text("{" + evaluationId + "}").text("{" + caseNo + "}").text(region)
				.text(department).text(staffNo).text("评价人误操作，附办件记录").text("部门经办人").text("DEPARTMENT").time(dispatched).time(filed)
				.time(decideBy).text(appealState).time(decided).end();
			if (decided != null) {
				String decisionOutcome = fate == Fate.APPEAL_REJECTED ? "REJECTED" : random.nextInt(4) == 0 ? "MALICIOUS" : "MISTAKEN";
				decisions.num(decisionId).num(appealId).num(orderId).text(orderNo).text("{" + evaluationId + "}").text(region)
					.text(department).text(staffNo).text(decisionOutcome).text(fate == Fate.APPEAL_REJECTED ? "证据不足" : "核实属实")
					.text("办公室审核人").text("OFFICE").time(filed).time(decideBy).time(decided).bool(decided.isAfter(decideBy)).end();
				if (fate == Fate.CLOSED_BY_APPEAL) {
					exclusions.increment();
					closed = decided;
					version += 2;
					exclusionRows.num(ids.exclusionBase() + index).num(evaluationId).text(decisionOutcome)
						.text("appeal-decision:" + decisionId).text("办公室审核人").text("OFFICE").time(decided).end();
					if (decisionOutcome.equals("MALICIOUS")) {
						credits.num(ids.creditBase() + index).num(appealId).num(decisionId).text(orderNo).text("{" + evaluationId + "}")
							.text(region).text("恶意评价").text("办公室审核人").time(decided).end();
					}
				}
			}
			else {
				paused = filed;
				pauseAppeal = appealId;
				version++;
			}
		}
		boolean open = switch (state) {
			case "INVALID", "CLOSED", "CLOSED_BY_APPEAL" -> false;
			default -> true;
		};
		int timesOverdue = 0;
		boolean overdue = false;
		if (open && deadline != null && paused == null) {
			// a year on, the deadline job has found every open order with a deadline past it
			overdue = true;
			timesOverdue = 1 + random.nextInt(2);
		}
		else if (!open && random.nextDouble() < 0.07 && dispatched != null) {
			timesOverdue = 1;
		}
		byState.computeIfAbsent(state, s -> new LongAdder()).increment();
		orderRows.num(orderId).text(orderNo).text("BAD_REVIEW").text("BAD_REVIEW:E:" + evaluationId).text(state).text(region)
			.text(department).text(staffNo).text(windowCode).text(itemCode).num(level).text(comment).text("standard").time(opened)
			.time(dispatched).time(deadline).text(deadline == null ? null : step).num(round).time(paused)
			.text(pauseAppeal == null ? null : pauseAppeal.toString()).bool(overdue).num(timesOverdue).time(verified).text(mode)
			.text(planned == null ? null : planned.toString()).time(rectified).bool(unrectifiable).time(replied).text(answer).time(answered)
			.text(outcome).time(revisited).time(closed).num(version).end();
		links.num(orderId).num(evaluationId).num(caseId).text(caseNo).end();
	}

	/**
	 * The random phone revisits 随机电话回访: per county and quarter a sample of about one case in two thousand (at
	 * least one), its call tasks done, one result each (mostly satisfied). Written with SQL over the loaded cases.
	 */
	private long loadRevisits(Connection c) throws SQLException {
		String like = "PY" + prefix + "-" + year + "-%";
		int modulus = (int) Math.max(1, Math.min(2000, totalCases / 400));
		try (Statement s = c.createStatement()) {
			c.setAutoCommit(false);
			s.execute("drop table if exists py_pick");
			s.execute("""
					create temporary table py_pick on commit drop as
					select q.*, row_number() over (partition by q.county, q.quarter order by q.id) as rank
					from (select c.id, c.case_no, substr(c.region_code, 1, 6) || '000000' as county, c.department_code, c.item_code,
					  c.completed_at, extract(year from c.completed_at at time zone 'Asia/Shanghai')::int || 'Q'
					  || extract(quarter from c.completed_at at time zone 'Asia/Shanghai')::int as quarter
					  from cas_case c where c.case_no like '%s' and c.id %% %d = 7
					  and extract(year from c.completed_at at time zone 'Asia/Shanghai') = %d) q""".formatted(like, modulus, year));
			s.execute("""
					insert into sup_sample (region_code, quarter, method, seed, sample_percent, sample_min, sample_max, per_targeted_item,
					  population, population_digest, random_picks, targeted_picks, drawn_by, drawn_role, drawn_at)
					select p.county, p.quarter, 'SM3-RANK-V1', sha256(convert_to(p.county || p.quarter, 'UTF8')), 1, 1, 200, 0,
					  count(*) * %d, sha256(convert_to(string_agg(p.case_no, E'\\n' order by p.case_no), 'UTF8')), count(*), 0,
					  '监督科', 'OFFICE', max(p.completed_at) + interval '3 days'
					from py_pick p group by p.county, p.quarter
					on conflict (region_code, quarter) do nothing""".formatted(modulus));
			s.execute("""
					insert into sup_sample_case (sample_id, case_id, case_no, region_code, department_code, item_code, completed_at,
					  pick, rank, rank_key)
					select s.id, p.id, p.case_no, p.county, p.department_code, p.item_code, p.completed_at, 'RANDOM', p.rank,
					  sha256(convert_to(p.case_no, 'UTF8'))
					from py_pick p join sup_sample s on s.region_code = p.county and s.quarter = p.quarter""");
			s.execute("""
					insert into sup_call_task (sample_id, case_id, case_no, region_code, department_code, item_code, quarter, pick,
					  state, outcome, attempts, created_at, done_at)
					select s.id, p.id, p.case_no, p.county, p.department_code, p.item_code, p.quarter, 'RANDOM', 'DONE',
					  case when p.id % 10 < 8 then 'SATISFIED' when p.id % 10 = 8 then 'NOT_SATISFIED' else 'UNREACHABLE' end,
					  case when p.id % 10 = 9 then 3 else 1 end, s.drawn_at, s.drawn_at + interval '2 days'
					from py_pick p join sup_sample s on s.region_code = p.county and s.quarter = p.quarter""");
			s.execute("""
					insert into sup_call_attempt (task_id, attempt_no, result, called_by, called_at)
					select t.id, 1, case when t.outcome = 'UNREACHABLE' then 'NO_ANSWER' else t.outcome end, '回访员', t.done_at
					from sup_call_task t join py_pick p on p.id = t.case_id""");
			int results = s.executeUpdate("""
					insert into sup_revisit_result (task_id, sample_id, region_code, quarter, department_code, item_code, case_no,
					  outcome, attempts, recorded_by, recorded_at)
					select t.id, t.sample_id, t.region_code, t.quarter, t.department_code, t.item_code, t.case_no, t.outcome, t.attempts,
					  '回访员', t.done_at
					from sup_call_task t join py_pick p on p.id = t.case_id""");
			c.commit();
			c.setAutoCommit(true);
			return results;
		}
	}

	/** Rows of one COPY in PostgreSQL's text format. */
	private static final class Rows {

		private static final HexFormat HEX = HexFormat.of();
		private final StringBuilder out = new StringBuilder(1 << 16);
		private boolean first = true;

		Rows text(String value) {
			sep();
			if (value == null) {
				out.append("\\N");
			}
			else {
				for (int i = 0; i < value.length(); i++) {
					char ch = value.charAt(i);
					switch (ch) {
						case '\\' -> out.append("\\\\");
						case '\t' -> out.append("\\t");
						case '\n' -> out.append("\\n");
						case '\r' -> out.append("\\r");
						default -> out.append(ch);
					}
				}
			}
			return this;
		}

		Rows num(long value) {
			sep();
			out.append(value);
			return this;
		}

		Rows bool(boolean value) {
			sep();
			out.append(value ? 't' : 'f');
			return this;
		}

		Rows time(Instant value) {
			sep();
			out.append(value == null ? "\\N" : value.toString());
			return this;
		}

		Rows bytes(byte[] value) {
			sep();
			if (value == null) {
				out.append("\\N");
			}
			else {
				out.append("\\\\x").append(HEX.formatHex(value));
			}
			return this;
		}

		Rows nul() {
			sep();
			out.append("\\N");
			return this;
		}

		void end() {
			out.append('\n');
			first = true;
		}

		private void sep() {
			if (!first) {
				out.append('\t');
			}
			first = false;
		}

		void copy(CopyManager copy, String table) throws SQLException {
			if (out.isEmpty()) {
				return;
			}
			byte[] bytes = out.toString().getBytes(StandardCharsets.UTF_8);
			out.setLength(0);
			try {
				CopyIn in = copy.copyIn("copy " + table + " from stdin");
				try {
					in.writeToCopy(bytes, 0, bytes.length);
					in.endCopy();
				}
				finally {
					if (in.isActive()) {
						in.cancelCopy();
					}
				}
			}
			catch (SQLException e) {
				throw new SQLException("COPY into " + table + " failed: " + e.getMessage(), e.getSQLState(), e);
			}
		}
	}
}
