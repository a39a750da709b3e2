package org.hcp.security;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.hcp.privacy.Masks;
import org.hcp.privacy.PersonalData;
import org.hcp.privacy.PersonalData.LookupKind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code sec_user} table. Name and mobile are encrypted here on the way in and leave only masked. */
@Repository
class AccountStore {

	private static final String COLUMNS = """
			id, login, display_name_enc, display_name_masked, mobile_enc, array_to_string(roles, ',') as roles, region_code, department_code,
			staff_no, password_hash, enabled, failed_attempts, locked_until, stamp, created_at, disabled_at""";

	private final JdbcClient jdbc;
	private final PersonalData personalData;

	AccountStore(JdbcClient jdbc, PersonalData personalData) {
		this.jdbc = jdbc;
		this.personalData = personalData;
	}

	/** A checked account, ready to store. */
	record Row(String login, String displayName, String mobile, Set<Role> roles, String regionCode,
			String departmentCode, String staffNo, String passwordHash) {
	}

	long insert(Row row, Instant now) {
		return jdbc.sql("""
				insert into sec_user(login, display_name_enc, display_name_masked, mobile_enc, mobile_hash, roles, region_code, department_code,
				                     staff_no, password_hash, created_at)
				values (:login, :name, :masked, :mobile, :mobileHash, string_to_array(:roles, ',')::varchar(20)[], :region,
				        :department, :staff, :hash, :now)
				returning id""")
			.param("login", row.login())
			.param("name", personalData.encrypt(row.displayName()))
			.param("masked", Masks.name(row.displayName()))
			.param("mobile", personalData.encrypt(row.mobile()))
			.param("mobileHash", personalData.lookupHash(LookupKind.MOBILE, row.mobile()))
			.param("roles", String.join(",", row.roles().stream().map(Role::name).toList()))
			.param("region", row.regionCode())
			.param("department", row.departmentCode())
			.param("staff", row.staffNo())
			.param("hash", row.passwordHash())
			.param("now", Timestamp.from(now))
			.query(Long.class)
			.single();
	}

	boolean loginTaken(String login) {
		return jdbc.sql("select exists(select 1 from sec_user where lower(login) = lower(:login))")
			.param("login", login)
			.query(Boolean.class)
			.single();
	}

	Optional<Account> byLogin(String login) {
		return jdbc.sql("select " + COLUMNS + " from sec_user where lower(login) = lower(:login)")
			.param("login", login)
			.query(this::account)
			.optional();
	}

	Optional<Account> byId(long id) {
		return jdbc.sql("select " + COLUMNS + " from sec_user where id = :id").param("id", id).query(this::account).optional();
	}

	/** Accounts by the filters given (null = any), newest first, one page. */
	List<Account> list(Filter filter, int offset, int limit) {
		return jdbc.sql("select " + COLUMNS + " from sec_user " + filter.where() + " order by id desc offset :offset limit :limit")
			.params(filter.params())
			.param("offset", offset)
			.param("limit", limit)
			.query(this::account)
			.list();
	}

	long count(Filter filter) {
		return jdbc.sql("select count(*) from sec_user " + filter.where()).params(filter.params()).query(Long.class).single();
	}

	/** Enabled accounts holding a role. */
	List<Account> enabledHolding(Role role) {
		return jdbc.sql("select " + COLUMNS + " from sec_user where enabled and :role = any(roles) order by id")
			.param("role", role.name())
			.query(this::account)
			.list();
	}

	/** True while the account is enabled and its stamp is still the one a session was signed in with. */
	boolean stillValid(long id, int stamp) {
		return jdbc.sql("select exists(select 1 from sec_user where id = :id and enabled and stamp = :stamp)")
			.param("id", id)
			.param("stamp", stamp)
			.query(Boolean.class)
			.single();
	}

	/**
	 * Counts a wrong password, locking the account when it reaches {@code maxFailures} (the count then starts
	 * again). Answers when the account is locked until now, if this failure locked it. An account that is already
	 * locked is left alone: its lock does not grow with every try.
	 */
	Optional<Instant> recordFailure(long id, int maxFailures, Instant now, Instant lockEnds) {
		return jdbc.sql("""
				update sec_user set
				  failed_attempts = case when failed_attempts + 1 >= :max then 0 else failed_attempts + 1 end,
				  locked_until = case when failed_attempts + 1 >= :max then :until else locked_until end
				where id = :id and (locked_until is null or locked_until <= :now)
				returning locked_until""")
			.param("id", id)
			.param("max", maxFailures)
			.param("now", Timestamp.from(now))
			.param("until", Timestamp.from(lockEnds))
			.query((rs, i) -> rs.getTimestamp(1) == null ? null : rs.getTimestamp(1).toInstant())
			.optional()
			.filter(until -> until.isAfter(now));
	}

	void recordSuccess(long id) {
		jdbc.sql("""
				update sec_user set failed_attempts = 0, locked_until = null
				where id = :id and (failed_attempts > 0 or locked_until is not null)""")
			.param("id", id)
			.update();
	}

	boolean disable(long id, Instant now) {
		return jdbc.sql("""
				update sec_user set enabled = false, disabled_at = :now, stamp = stamp + 1 where id = :id and enabled""")
			.param("id", id)
			.param("now", Timestamp.from(now))
			.update() == 1;
	}

	boolean enable(long id) {
		return jdbc.sql("""
				update sec_user set enabled = true, disabled_at = null, failed_attempts = 0, locked_until = null,
				  stamp = stamp + 1
				where id = :id and not enabled""")
			.param("id", id)
			.update() == 1;
	}

	/** A new password ends every session of the account and lifts a lock. */
	boolean resetPassword(long id, String passwordHash) {
		return jdbc.sql("""
				update sec_user set password_hash = :hash, failed_attempts = 0, locked_until = null, stamp = stamp + 1
				where id = :id""")
			.param("id", id)
			.param("hash", passwordHash)
			.update() == 1;
	}

	/** List filters; each null filter is left out. */
	record Filter(String regionPrefix, Role role, Boolean enabled, String login) {

		String where() {
			List<String> terms = new ArrayList<>();
			if (regionPrefix != null) {
				terms.add("region_code like :regionPrefix");
			}
			if (role != null) {
				terms.add(":role = any(roles)");
			}
			if (enabled != null) {
				terms.add("enabled = :enabled");
			}
			if (login != null) {
				terms.add("strpos(lower(login), lower(:login)) > 0");
			}
			return terms.isEmpty() ? "" : "where " + String.join(" and ", terms);
		}

		java.util.Map<String, Object> params() {
			java.util.Map<String, Object> params = new java.util.HashMap<>();
			if (regionPrefix != null) {
				params.put("regionPrefix", regionPrefix + "%");
			}
			if (role != null) {
				params.put("role", role.name());
			}
			if (enabled != null) {
				params.put("enabled", enabled);
			}
			if (login != null) {
				params.put("login", login);
			}
			return params;
		}
	}

	private Account account(ResultSet rs, int row) throws SQLException {
		Set<Role> roles = EnumSet.noneOf(Role.class);
		for (String role : rs.getString("roles").split(",")) {
			roles.add(Role.valueOf(role));
		}
		byte[] mobile = rs.getBytes("mobile_enc");
		return new Account(rs.getLong("id"), rs.getString("login"), rs.getBytes("display_name_enc"),
				rs.getString("display_name_masked"), mobile == null ? null : Masks.mobile(personalData.decrypt(mobile)), roles, trim(rs.getString("region_code")),
				trim(rs.getString("department_code")), rs.getString("staff_no"), rs.getString("password_hash"),
				rs.getBoolean("enabled"), rs.getInt("failed_attempts"), instant(rs.getTimestamp("locked_until")),
				rs.getInt("stamp"), instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("disabled_at")));
	}

	/** The person's own name, for their own session only. */
	String nameOf(Account account) {
		return personalData.decrypt(account.sealedName());
	}

	private static String trim(String value) {
		return value == null ? null : value.trim();
	}

	private static Instant instant(Timestamp timestamp) {
		return timestamp == null ? null : timestamp.toInstant();
	}

}
