package org.hcp.notification;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param resubmitEvery how often event publications whose listener failed are handed to their listeners again
 * @param resubmitOlderThan only publications at least this old are resubmitted (younger ones may still be running)
 */
@ConfigurationProperties("hcp.notification")
record NotificationProperties(@DefaultValue("1m") Duration resubmitEvery, @DefaultValue("1m") Duration resubmitOlderThan) {
}
