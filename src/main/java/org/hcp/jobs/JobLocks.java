package org.hcp.jobs;

import javax.sql.DataSource;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;

/** ShedLock on table {@code job_lock}, with the database's clock so that instances' clocks need not agree. */
@Configuration
class JobLocks {

	@Bean
	LockingTaskExecutor jobLockExecutor(DataSource dataSource) {
		return new DefaultLockingTaskExecutor(new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
			.withJdbcTemplate(new JdbcTemplate(dataSource))
			.withTableName("job_lock")
			.usingDbTime()
			.build()));
	}
}
