package org.hcp.notification;

import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Where each work order belongs (region, department, staff member), fed only by the events of rectification: the
 * answer to a rater ({@code RaterReplied}) names its order, and a send that fails is shown to the office of the
 * order's region.
 */
@Repository
class KnownOrders {

	private final JdbcClient jdbc;

	KnownOrders(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void remember(long orderId, String orderNo, String regionCode, String departmentCode, String staffNo) {
		if (regionCode == null || orderNo == null) {
			return;
		}
		jdbc.sql("""
				insert into ntf_order(order_id, order_no, region_code, department_code, staff_no)
				values (:id, :no, :region, :department, :staff) on conflict do nothing""")
			.param("id", orderId)
			.param("no", orderNo)
			.param("region", regionCode)
			.param("department", departmentCode)
			.param("staff", staffNo)
			.update();
	}

	Optional<String> regionOf(long orderId) {
		return jdbc.sql("select region_code from ntf_order where order_id = :id").param("id", orderId)
			.query(String.class).optional();
	}
}
