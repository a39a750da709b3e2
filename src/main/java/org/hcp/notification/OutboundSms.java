package org.hcp.notification;

import org.hcp.privacy.Mobile;

/**
 * One SMS to send.
 *
 * @param purpose why it is sent, e.g. {@code INVITATION}, {@code REMINDER}, {@code REPLY}
 * @param reference what it is about, e.g. a case number
 */
public record OutboundSms(Mobile to, String text, String purpose, String reference) {
}
