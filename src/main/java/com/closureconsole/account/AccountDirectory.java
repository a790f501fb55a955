package com.closureconsole.account;

import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.closureconsole.shared.Masking;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Opens one account: its masked profile, and the explicit, audited reveal of its personal data. */
@Service
@PreAuthorize("hasAnyRole('AGENT', 'SUPERVISOR')")
public class AccountDirectory {

    private final NamedParameterJdbcTemplate jdbc;
    private final ApplicationEventPublisher events;

    AccountDirectory(NamedParameterJdbcTemplate jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    /** The account's masked profile; the view is recorded in the audit. */
    @Transactional
    public Optional<AccountProfile> open(String accountId) {
        List<AccountProfile> found = jdbc.query("""
                SELECT id, name, phone, email, status, identity_type, taobao_id, taobao_closable,
                       registered_at, activated_at, closed_at
                  FROM account WHERE id = :id""", Map.of("id", accountId), (rs, i) -> new AccountProfile(
                rs.getString("id"),
                Masking.name(rs.getString("name")),
                Masking.phone(rs.getString("phone")),
                Masking.email(rs.getString("email")),
                rs.getString("email") != null,
                AccountStatus.valueOf(rs.getString("status")),
                IdentityType.valueOf(rs.getString("identity_type")),
                rs.getString("taobao_id"),
                (Boolean) rs.getObject("taobao_closable"),
                rs.getTimestamp("registered_at").toInstant(),
                toInstant(rs.getTimestamp("activated_at")),
                toInstant(rs.getTimestamp("closed_at"))));
        Optional<AccountProfile> profile = found.stream().findFirst();
        events.publishEvent(new AccountViewed(accountId, profile.isPresent()));
        return profile;
    }

    /**
     * The unmasked name, phone and email, for a reason from the fixed list; the reveal is recorded
     * in the audit. Without a reason nothing is revealed, and the refused attempt is audited.
     */
    @Transactional
    public Optional<PersonalData> reveal(String accountId, @Nullable RevealReason reason) {
        if (reason == null) {
            events.publishEvent(new PersonalDataRevealRefused(accountId));
            return Optional.empty();
        }
        Optional<PersonalData> data = jdbc.query("SELECT id, name, phone, email FROM account WHERE id = :id",
                Map.of("id", accountId), (rs, i) -> new PersonalData(rs.getString("id"), rs.getString("name"),
                        rs.getString("phone"), rs.getString("email"))).stream().findFirst();
        data.ifPresent(d -> events.publishEvent(new PersonalDataRevealed(accountId, reason)));
        return data;
    }

    private static java.time.@Nullable Instant toInstant(@Nullable Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
