package org.hcp.notification;

/**
 * The port to an SMS carrier. Adapters: {@code table} (default) keeps every message in ntf_outbound_sms and logs it
 * masked — for installations without a carrier contract and for tests; a carrier adapter implements the same
 * contract and is chosen with {@code hcp.sms.adapter}.
 */
public interface SmsGateway {

	/** Sends (or queues) one message; returns the gateway's message id. */
	String send(OutboundSms message);
}
