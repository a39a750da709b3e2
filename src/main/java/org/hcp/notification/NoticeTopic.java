package org.hcp.notification;

/** What an in-app message is about; its text is {@code notice.topic.<NAME>} in messages*.properties. */
enum NoticeTopic {
	/** to the department: a valid bad review was dispatched to it, to be verified */
	ORDER_DISPATCHED,
	/** to the rated staff member: a work order was opened on their service (they may appeal) */
	ORDER_ABOUT_YOUR_SERVICE,
	/** to the office: a department asks for more time */
	EXTENSION_REQUESTED,
	/** to the department: the office approved the extension */
	EXTENSION_APPROVED,
	/** to the department: the office refused the extension */
	EXTENSION_REFUSED,
	/** to the office: a department reports that the problem cannot be rectified */
	UNRECTIFIABLE_REPORTED,
	/** to the department: the office accepted “cannot be rectified” */
	UNRECTIFIABLE_APPROVED,
	/** to the department: the office sent “cannot be rectified” back */
	UNRECTIFIABLE_SENT_BACK,
	/** to the office: the revisit outcome is in, the order waits for 销号 */
	ORDER_REVISITED,
	/** to the department: the rater was not satisfied, rectification is open again */
	ORDER_REOPENED,
	/** to the department: the office closed the order (销号) */
	ORDER_CLOSED,
	/** to the office: an appeal against the bad review waits for a decision */
	APPEAL_FILED,
	/** to the department and the staff member: the appeal was rejected, the order goes on */
	APPEAL_REJECTED,
	/** to the department and the staff member: the appeal was upheld, the order is closed */
	APPEAL_UPHELD,
	/** to the department and the office of its region: a step passed its deadline */
	ORDER_OVERDUE,
	/** to the department, the office of its region and the office above: overdue again, supervised (督办) */
	ORDER_ESCALATED,
	/** to the department, the office of its region and the office above: still overdue too long, supervised (督办) */
	ORDER_SUPERVISED;

	String messageKey() {
		return "notice.topic." + name();
	}
}
