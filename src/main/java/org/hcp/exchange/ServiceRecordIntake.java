package org.hcp.exchange;

import java.util.ArrayList;
import java.util.List;

import org.hcp.cases.Cases;
import org.hcp.cases.ReportOutcome;
import org.hcp.catalog.Catalog;
import org.hcp.catalog.CatalogReference;
import org.hcp.shared.Bilingual;
import org.hcp.shared.HcpException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.JsonNode;

/**
 * The intake of service records 服务记录 from lower platforms. Every record is parsed and checked in memory; the
 * valid ones are stored set-based in one transaction (cases, events and the catalog rows they name, registered
 * unverified for accepted records only). If that transaction fails as a whole — a value the database refuses, a
 * lost race — the array is stored again record by record, so each record is still answered on its own and a
 * refused record leaves nothing behind.
 */
@Service
class ServiceRecordIntake {

	private static final Logger log = LoggerFactory.getLogger(ServiceRecordIntake.class);
	private static final int ATTEMPTS = 3;

	private final Cases cases;
	private final Catalog catalog;
	private final TransactionTemplate tx;

	ServiceRecordIntake(Cases cases, Catalog catalog, TransactionTemplate tx) {
		this.cases = cases;
		this.catalog = catalog;
		this.tx = tx;
	}

	List<RecordResult> intake(List<JsonNode> nodes) {
		RecordResult[] results = new RecordResult[nodes.size()];
		List<ServiceRecords.Parsed> parsed = new ArrayList<>();
		List<Integer> positions = new ArrayList<>();
		for (int i = 0; i < nodes.size(); i++) {
			try {
				parsed.add(parse(nodes.get(i)));
				positions.add(i);
			}
			catch (HcpException e) {
				results[i] = RecordResult.refused(nodes.get(i), e);
			}
		}
		List<ReportOutcome> outcomes = parsed.isEmpty() ? List.of() : storeAll(parsed);
		for (int k = 0; k < outcomes.size(); k++) {
			results[positions.get(k)] = result(nodes.get(positions.get(k)), outcomes.get(k));
		}
		return List.of(results);
	}

	private ServiceRecords.Parsed parse(JsonNode node) {
		ServiceRecords.Parsed parsed = ServiceRecords.parse(node);
		return new ServiceRecords.Parsed(ServiceRecords.withKnownStaff(parsed.newCase(), catalog), parsed.reference(),
				parsed.departmentName());
	}

	private List<ReportOutcome> storeAll(List<ServiceRecords.Parsed> parsed) {
		if (parsed.size() > 1) {
			try {
				return tx.execute(status -> store(parsed));
			}
			catch (DataAccessException | HcpException e) {
				log.info("Set-based intake of {} service records failed ({}); storing them one by one", parsed.size(),
						e.getClass().getSimpleName());
			}
		}
		return parsed.stream().map(this::storeOne).toList();
	}

	private ReportOutcome storeOne(ServiceRecords.Parsed record) {
		for (int attempt = 1;; attempt++) {
			try {
				return tx.execute(status -> store(List.of(record))).get(0);
			}
			catch (TransientDataAccessException e) {
				// a lost race (stale version), a deadlock or a lock timeout: the same record may well go through now
				if (attempt == ATTEMPTS) {
					return refused(HcpException.conflict("projectNo", "CONCURRENT_UPDATE", "办件正被同时修改，请重新推送",
							"The case is being changed concurrently; push the record again"));
				}
			}
			catch (DataIntegrityViolationException e) {
				return refused(HcpException.invalid("record", "INVALID_VALUE", "记录中有数据库无法保存的值，未保存",
						"A value of the record cannot be stored; nothing was saved"));
			}
			catch (HcpException e) {
				return refused(e);
			}
		}
	}

	/** Cases first; then the catalog rows named by the records that were accepted, in the same transaction. */
	private List<ReportOutcome> store(List<ServiceRecords.Parsed> records) {
		List<ReportOutcome> outcomes = cases.reportAll(records.stream().map(ServiceRecords.Parsed::newCase).toList());
		List<CatalogReference> named = new ArrayList<>();
		for (int i = 0; i < records.size(); i++) {
			if (outcomes.get(i).kind() == ReportOutcome.Kind.ACCEPTED) {
				named.add(records.get(i).reference());
			}
		}
		if (!named.isEmpty()) {
			catalog.registerUnverified(named);
		}
		return outcomes;
	}

	private static ReportOutcome refused(HcpException e) {
		return new ReportOutcome(ReportOutcome.Kind.REFUSED, e);
	}

	private static RecordResult result(JsonNode node, ReportOutcome outcome) {
		return switch (outcome.kind()) {
			case ACCEPTED -> RecordResult.accepted(node);
			case DUPLICATE -> RecordResult.of(RecordResult.projectNo(node), RecordResult.serviceNumber(node), "duplicate",
					"DUPLICATE_SERVICE", Bilingual.of("该服务记录已存在", "This service record already exists"), "serviceNumber");
			case REFUSED -> RecordResult.refused(node, outcome.refusal());
		};
	}
}
