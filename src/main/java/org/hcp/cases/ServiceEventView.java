package org.hcp.cases;

import java.time.Instant;

/** One service event 服务 of a case (受理, a visit, 办结), numbered from 1: the unit that is rated. */
public record ServiceEventView(int serviceNo, String name, Instant occurredAt, String staffNo, String windowCode) {
}
