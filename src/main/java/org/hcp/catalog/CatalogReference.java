package org.hcp.catalog;

import org.hcp.shared.RegionCode;

/** The catalog rows an incoming case record names, with the record's own texts for registering missing ones. */
public record CatalogReference(RegionCode region, String departmentCode, String departmentName, String itemCode,
		String itemName) {
}
