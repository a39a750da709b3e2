/**
 * Notification 消息通知: the outbound SMS gateway port and its adapters, and the listeners that send what other
 * modules announce (rating invitations, reminders, answers to SMS replies), retried when they fail.
 */
package org.hcp.notification;
