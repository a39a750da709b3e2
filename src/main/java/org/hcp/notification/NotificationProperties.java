package org.hcp.notification;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param resubmitEvery how often event publications whose listener failed are handed to their listeners again
 * @param resubmitOlderThan only publications at least this old are resubmitted (younger ones may still be running)
 * @param feedbackSms the SMS that answers a rater (反馈): {@code {reply}} is the department's answer, {@code {link}}
 *        the status page where the rater says again whether they are satisfied (as rectification made it, with its
 *        {@code hcp.rectification.status-link-base})
 */
@ConfigurationProperties("hcp.notification")
record NotificationProperties(@DefaultValue("1m") Duration resubmitEvery, @DefaultValue("1m") Duration resubmitOlderThan,
		@DefaultValue("【政务服务好差评】您的评价已处理：{reply} 请查看整改情况并告诉我们是否满意：{link}") String feedbackSms) {
}
