/** Calendar 工作日历: working days from the State Council's yearly notices; deadlines in working days. */
package org.hcp.calendar;
