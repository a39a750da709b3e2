package org.hcp.security;

import java.util.OptionalLong;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;

/** One Bucket4j token bucket per client key, kept in a bounded Caffeine map (idle keys are dropped). */
final class RateLimits {

	private final RateLimitProperties.Limit limit;
	private final Cache<String, Bucket> buckets;

	RateLimits(RateLimitProperties.Limit limit, int maxKeys) {
		this.limit = limit;
		this.buckets = Caffeine.newBuilder().maximumSize(maxKeys).expireAfterAccess(limit.period()).build();
	}

	/** Takes one request from the key's bucket; empty if allowed, else the seconds until it would be. */
	OptionalLong take(String key) {
		ConsumptionProbe probe = buckets.get(key, k -> newBucket()).tryConsumeAndReturnRemaining(1);
		if (probe.isConsumed()) {
			return OptionalLong.empty();
		}
		long seconds = (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L;
		return OptionalLong.of(Math.max(1, seconds));
	}

	private Bucket newBucket() {
		return Bucket.builder()
			.addLimit(Bandwidth.builder().capacity(limit.capacity()).refillGreedy(limit.capacity(), limit.period()).build())
			.build();
	}
}
