package org.hcp.supervision;

/**
 * A finding or comment as entered (REST body or screen form): what kind, against which institution, window, staff
 * member or service item, the responsible department, the day it was observed, what was found, and whether it is a
 * problem to rectify. Texts, so that every mistake is answered as a field problem.
 */
record FindingRequest(String kind, String regionCode, String departmentCode, String institutionCode,
		String windowCode, String staffNo, String itemCode, String observedOn, String description, Boolean problem) {
}
