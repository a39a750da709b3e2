package org.hcp.catalog;

import org.hcp.shared.RegionCode;

/** A service window 窗口 of an institution. */
public record WindowView(String code, String name, String institutionCode, RegionCode region) {
}
