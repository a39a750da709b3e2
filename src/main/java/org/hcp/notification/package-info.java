/** Notification 消息通知: the outbound SMS gateway port and its adapters. */
package org.hcp.notification;
