package org.hcp.rectification;

import java.util.EnumSet;
import java.util.Set;

import org.hcp.security.Caller;
import org.hcp.security.Role;

/**
 * The steps a person may take on an order as it stands — the forms the order page shows. It mirrors the roles the
 * {@link WorkOrders} façade requires and the states {@link WorkOrder} allows; the façade still decides, so a form that
 * should not have been shown is refused there and the refusal is shown on the page.
 */
record ScreenActions(boolean firstCheck, boolean verify, boolean upload, boolean rectifyAtOnce, boolean enterInLedger,
		boolean rectify, boolean requestExtension, boolean reportUnrectifiable, boolean reply, boolean decideExtension,
		boolean decideUnrectifiable, boolean close, boolean revisit, boolean reveal) {

	private static final Set<WorkOrderState> UPLOADS = EnumSet.of(WorkOrderState.DISPATCHED, WorkOrderState.VERIFIED,
			WorkOrderState.RECTIFYING, WorkOrderState.UNRECTIFIABLE_REPORTED);
	private static final Set<WorkOrderState> RECTIFYING = EnumSet.of(WorkOrderState.VERIFIED, WorkOrderState.RECTIFYING);
	private static final Set<WorkOrderState> EXTENDABLE = EnumSet.of(WorkOrderState.VERIFIED, WorkOrderState.RECTIFYING,
			WorkOrderState.UNRECTIFIABLE_REPORTED);

	static ScreenActions of(Caller caller, ScreenViews.Order o) {
		if (o.handledBy() != null) {
			// a remote order: handled by the lower platform, no step here (ReadOnlyRemoteOrders)
			return new ScreenActions(false, false, false, false, false, false, false, false, false, false, false, false,
					false, false);
		}
		boolean hotline = has(caller, Role.HOTLINE);
		boolean department = has(caller, Role.DEPARTMENT);
		boolean office = has(caller, Role.OFFICE);
		boolean revisitor = hotline || has(caller, Role.ASSESSOR);
		WorkOrderState s = o.state();
		return new ScreenActions(hotline && s == WorkOrderState.RECEIVED,
				department && s == WorkOrderState.DISPATCHED,
				department && UPLOADS.contains(s),
				department && s == WorkOrderState.VERIFIED,
				department && s == WorkOrderState.VERIFIED,
				department && s == WorkOrderState.RECTIFYING,
				department && RECTIFYING.contains(s) && o.pendingExtension() == null && o.dueBy() != null,
				department && RECTIFYING.contains(s),
				department && (s == WorkOrderState.RECTIFIED || s == WorkOrderState.UNRECTIFIABLE_APPROVED),
				office && o.pendingExtension() != null && EXTENDABLE.contains(s),
				office && s == WorkOrderState.UNRECTIFIABLE_REPORTED,
				office && s == WorkOrderState.REVISITED && !o.paused(),
				revisitor && s == WorkOrderState.REPLIED,
				(revisitor || office) && s == WorkOrderState.REPLIED && o.raterMobile() != null);
	}

	/** Whether any form is shown at all (otherwise the page says there is nothing to do). */
	public boolean any() {
		return firstCheck || verify || upload || rectifyAtOnce || enterInLedger || rectify || requestExtension
				|| reportUnrectifiable || reply || decideExtension || decideUnrectifiable || close || revisit || reveal;
	}

	/** An administrator may take every step (as the façade allows). */
	private static boolean has(Caller caller, Role role) {
		return caller != null && (caller.has(role) || caller.has(Role.ADMIN));
	}
}
