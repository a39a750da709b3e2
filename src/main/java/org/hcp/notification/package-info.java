/**
 * Notification 消息通知: the outbound SMS gateway port and its adapters; the listeners that send what other modules
 * announce (rating invitations, reminders, answers to SMS replies, the answer to a rater 反馈); in-app messages
 * 站内消息 to people from the steps of work orders; and failed sends, recorded, retried and shown to the office.
 */
package org.hcp.notification;
