package org.hcp.notification;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * A listener that failed (an SMS carrier down, a database hiccup) is retried on a schedule, not only at the next
 * restart: every {@code hcp.notification.resubmit-every}, the event publications still incomplete after
 * {@code hcp.notification.resubmit-older-than} are handed to their listeners again. This covers every module's
 * listeners, so each must be idempotent. Several instances may resubmit at once; idempotent listeners make that safe.
 */
@Configuration(proxyBeanMethods = false)
class ResubmittingFailedEvents implements SchedulingConfigurer {

	private static final Logger log = LoggerFactory.getLogger(ResubmittingFailedEvents.class);

	private final IncompleteEventPublications incomplete;
	private final NotificationProperties properties;

	ResubmittingFailedEvents(IncompleteEventPublications incomplete, NotificationProperties properties) {
		this.incomplete = incomplete;
		this.properties = properties;
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		registrar.addFixedDelayTask(this::resubmit, properties.resubmitEvery());
	}

	void resubmit() {
		try {
			incomplete.resubmitIncompletePublicationsOlderThan(properties.resubmitOlderThan());
		}
		catch (RuntimeException e) {
			log.warn("Resubmitting incomplete event publications failed; next try in {}", properties.resubmitEvery(), e);
		}
	}
}
