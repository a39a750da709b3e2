package org.hcp.catalog;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.hcp.shared.RegionCode;

/** What other modules may ask of the catalog. Read-only views; writes go through the catalog's own REST API. */
public interface Catalog {

	Optional<StaffView> staff(String staffNo);

	/**
	 * Imports catalog rows in the CSV format of {@code POST /api/v1/catalog/{kind}/import} (kind: regions,
	 * departments, institutions, windows, staff, items): all lines or none. Returns how many were stored.
	 */
	int importCsv(String kind, String csv);

	Optional<WindowView> window(String windowCode);

	Optional<InstitutionView> institution(String institutionCode);

	/** The windows of an institution, by code. */
	List<WindowView> windowsOf(String institutionCode);

	/** The staff of an institution (active or not), by window and staff number. */
	List<StaffView> staffOf(String institutionCode);

	Optional<ServiceItemView> item(String itemCode);

	boolean regionExists(RegionCode code);

	boolean departmentExists(String departmentCode);

	/** The department's name (e.g. for the rater's thank-you page: who handles a bad review). */
	Optional<String> departmentName(String departmentCode);

	/** The indicator table in force now (the latest published version); cached until the next publication. */
	IndicatorSet currentIndicators();

	/**
	 * Makes sure every region, department and service item named by an incoming record exists, registering the
	 * missing ones from the record's own fields and marking them unverified. Idempotent; one round trip per kind.
	 */
	void registerUnverified(Collection<CatalogReference> references);
}
