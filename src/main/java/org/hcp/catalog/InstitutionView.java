package org.hcp.catalog;

import org.hcp.shared.RegionCode;

/** A service institution 政务服务机构 (hall, sub-hall, township centre, village point) and its region. */
public record InstitutionView(String code, String name, String kind, RegionCode region) {
}
