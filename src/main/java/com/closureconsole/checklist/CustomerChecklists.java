package com.closureconsole.checklist;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Array;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import com.closureconsole.account.AccountLifecycle;
import com.closureconsole.shared.Masking;
import com.closureconsole.audit.AuditOutcome;
import com.closureconsole.audit.ErrorCodes;
import com.closureconsole.closure.EligibilityReport;
import com.closureconsole.closure.EligibilityService;
import com.closureconsole.closure.conditions.ConditionCode;
import com.closureconsole.notification.Channel;
import com.closureconsole.notification.CustomerMessages;
import com.closureconsole.security.CurrentStaff;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sending the customer the checklist of what blocks closure. {@link #preview} shows the agent the
 * message exactly as the customer will receive it; {@link #send} is one transaction that locks the
 * account row (so two agents sending at once are served one after the other), counts the
 * checklists of the last 24 hours against the limit, checks the account again, refuses a message
 * that is no longer the one previewed, and queues it in the outbox with its audit entry, or writes
 * nothing. A refusal, and a send that failed, is audited in a transaction of its own once the
 * send's transaction has ended.
 */
@Service
@PreAuthorize("hasAnyRole('AGENT', 'SUPERVISOR')")
public class CustomerChecklists {

    /** The window the daily limit counts over. */
    static final Duration WINDOW = Duration.ofHours(24);
    static final String TEMPLATE = "CHECKLIST";

    private static final Logger log = LoggerFactory.getLogger(CustomerChecklists.class);

    private final NamedParameterJdbcTemplate jdbc;
    private final AccountLifecycle accounts;
    private final EligibilityService eligibility;
    private final CustomerMessages messages;
    private final CurrentStaff currentStaff;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final int dailyLimit;
    private final ZoneId zone;

    CustomerChecklists(NamedParameterJdbcTemplate jdbc, AccountLifecycle accounts, EligibilityService eligibility,
                       CustomerMessages messages, CurrentStaff currentStaff, ApplicationEventPublisher events,
                       TransactionTemplate transactions, Clock clock,
                       @Value("${closure.checklist.daily-limit:3}") int dailyLimit,
                       @Value("${closure.checklist.time-zone:${closure.ui.time-zone:Asia/Shanghai}}") String zone) {
        if (dailyLimit < 1) {
            throw new IllegalArgumentException("closure.checklist.daily-limit must be at least 1, not " + dailyLimit);
        }
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.eligibility = eligibility;
        this.messages = messages;
        this.currentStaff = currentStaff;
        this.events = events;
        this.transactions = transactions;
        this.clock = clock;
        this.dailyLimit = dailyLimit;
        this.zone = ZoneId.of(zone);
    }

    /** How many checklists an account may be sent in 24 hours. */
    public int dailyLimit() {
        return dailyLimit;
    }

    /** The checklist as it would be sent now (audited as a condition check), or why there is none. */
    @Transactional
    public ChecklistPreview preview(String accountId) {
        return draft(accountId, null);
    }

    /** The account's daily quota now. */
    @Transactional(readOnly = true)
    public Quota quota(String accountId) {
        return quota(accountId, clock.instant());
    }

    /**
     * Sends the checklist the agent previewed ({@code previewedDigest}, from
     * {@link ChecklistDraft#digest()}): refused, with the checklist as it now stands, when it is no
     * longer that message, when nothing blocks, or when the daily limit is reached.
     */
    public SendResult send(String accountId, String previewedDigest) {
        UUID id = UUID.randomUUID();
        String staff = currentStaff.require().username();
        SendResult result;
        try {
            result = transactions.execute(status -> sendLocked(accountId, previewedDigest, id, staff));
        } catch (RuntimeException e) {
            // Nothing was written (the transaction rolled back); the attempt is still on record.
            log.error("Sending the checklist of account {} failed", Masking.freeText(accountId), e);
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("error", ErrorCodes.of(e));
            events.publishEvent(new ChecklistSendRefused(accountId, AuditOutcome.FAILURE, details, id));
            throw e;
        }
        if (result instanceof SendResult.Refused refused) {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("refused", refused.reason().name());
            Quota quota = refused.current().quota();
            details.put("dailyLimit", quota.limit());
            details.put("sentInWindow", quota.sentInWindow());
            details.put("nextAllowedAt", quota.nextAllowedAt() == null ? null : quota.nextAllowedAt().toString());
            events.publishEvent(new ChecklistSendRefused(refused.reason() == Refusal.NO_SUCH_ACCOUNT ? null : accountId,
                    refused.reason() == Refusal.PRE_CHECK_FAILED ? AuditOutcome.BLOCKED : AuditOutcome.FAILURE,
                    details, id));
        }
        return result;
    }

    private SendResult sendLocked(String accountId, String previewedDigest, UUID id, String staff) {
        Instant now = clock.instant();
        if (accounts.lock(accountId).isEmpty()) {
            return new SendResult.Refused(Refusal.NO_SUCH_ACCOUNT,
                    new ChecklistPreview.Unavailable(Refusal.NO_SUCH_ACCOUNT, null, new Quota(dailyLimit, 0, null)));
        }
        // The account row is locked: a second agent's send waits here until this one commits, then counts it.
        Quota quota = quota(accountId, now);
        if (quota.reached()) {
            return new SendResult.Refused(Refusal.LIMIT_REACHED, new ChecklistPreview.Unavailable(Refusal.LIMIT_REACHED, null, quota));
        }
        ChecklistPreview current = draft(accountId, id, quota);
        if (!(current instanceof ChecklistPreview.Ready ready)) {
            return new SendResult.Refused(((ChecklistPreview.Unavailable) current).reason(), current);
        }
        ChecklistDraft draft = ready.draft();
        if (!draft.digest().equals(previewedDigest)) {
            return new SendResult.Refused(Refusal.CHANGED_SINCE_PREVIEW, current);
        }
        long notification = messages.queue(accountId, draft.channel(), draft.locale(), TEMPLATE,
                draft.subject(), draft.body(), id);
        String[] codes = draft.blockers().stream().map(ConditionCode::name).toArray(String[]::new);
        jdbc.update("""
                INSERT INTO customer_checklist (id, account_id, notification_id, sent_by, sent_at, locale, blockers)
                VALUES (:id, :account, :notification, :staff, :at, :locale, CAST(:blockers AS varchar[]))""",
                Map.of("id", id, "account", accountId, "notification", notification, "staff", staff,
                        "at", Timestamp.from(now), "locale", draft.locale(), "blockers", codes));
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("channel", draft.channel().name());
        details.put("recipient", draft.maskedRecipient());
        details.put("locale", draft.locale());
        details.put("blockers", List.of(codes));
        details.put("notificationId", notification);
        details.put("messageId", CustomerMessages.messageIdOf(notification));
        details.put("digest", draft.digest());
        details.put("dailyLimit", dailyLimit);
        details.put("sentInWindow", quota.sentInWindow() + 1);
        events.publishEvent(new ChecklistSent(accountId, details, id));
        Quota after = quota(accountId, now);
        SentChecklist sent = new SentChecklist(id, accountId, now, staff, draft.channel(), draft.maskedRecipient(),
                draft.locale(), draft.blockers(),
                Objects.requireNonNull(messages.status(List.of(notification)).get(notification), "queued just now"));
        return new SendResult.Sent(sent, after);
    }

    /** The checklists sent to the account, newest first, with their delivery status. */
    @Transactional(readOnly = true)
    public List<SentChecklist> forAccount(String accountId) {
        record Row(UUID id, Instant sentAt, String sentBy, String locale, List<ConditionCode> blockers, long notification,
                   Channel channel, String recipient) {
        }
        List<Row> rows = jdbc.query("""
                SELECT c.id, c.sent_at, c.sent_by, c.locale, c.blockers, c.notification_id, n.channel, n.recipient
                  FROM customer_checklist c JOIN notification n ON n.id = c.notification_id
                 WHERE c.account_id = :account ORDER BY c.sent_at DESC, c.id LIMIT 50""",
                Map.of("account", accountId), (rs, i) -> new Row(rs.getObject("id", UUID.class),
                        rs.getTimestamp("sent_at").toInstant(), rs.getString("sent_by"), rs.getString("locale"),
                        codes(rs.getArray("blockers")), rs.getLong("notification_id"),
                        Channel.valueOf(rs.getString("channel")), rs.getString("recipient")));
        Map<Long, CustomerMessages.Status> status = messages.status(rows.stream().map(Row::notification).toList());
        List<SentChecklist> sent = new ArrayList<>();
        for (Row row : rows) {
            sent.add(new SentChecklist(row.id(), accountId, row.sentAt(), row.sentBy(), row.channel(),
                    mask(row.channel(), row.recipient()), row.locale(), row.blockers(),
                    Objects.requireNonNull(status.get(row.notification()), "its notification, joined above")));
        }
        return sent;
    }

    private ChecklistPreview draft(String accountId, @Nullable UUID correlationId) {
        return draft(accountId, correlationId, quota(accountId, clock.instant()));
    }

    /** The checklist as it stands now; the condition check it rests on is audited. */
    private ChecklistPreview draft(String accountId, @Nullable UUID correlationId, Quota quota) {
        Optional<CustomerMessages.Destination> destination = messages.destination(accountId);
        if (destination.isEmpty()) {
            return new ChecklistPreview.Unavailable(Refusal.NO_SUCH_ACCOUNT, null, quota);
        }
        EligibilityReport report = eligibility.check(accountId, correlationId);
        if (report.failedPreCheck() != null) {
            return new ChecklistPreview.Unavailable(Refusal.PRE_CHECK_FAILED, report.failedPreCheck(), quota);
        }
        if (report.blockers().isEmpty()) {
            return new ChecklistPreview.Unavailable(Refusal.NOTHING_BLOCKS, null, quota);
        }
        CustomerMessages.Destination to = destination.get();
        Channel channel = to.channel();
        String maskedRecipient = to.maskedRecipient();
        String fingerprint = to.fingerprint();
        // A destination has its channel, masked address and fingerprint together, or none of them.
        if (channel == null || maskedRecipient == null || fingerprint == null) {
            return new ChecklistPreview.Unavailable(Refusal.NO_CONTACT, null, quota);
        }
        String locale = ChecklistWording.normalise(to.locale());
        ChecklistWording.Text text = new ChecklistWording(locale, zone).write(accountId, report.blockers());
        return new ChecklistPreview.Ready(new ChecklistDraft(accountId, channel, maskedRecipient, locale,
                text.subject(), text.body(), report.blockingCodes(),
                digest(channel.name(), fingerprint, locale, text.subject(), text.body())), quota);
    }

    /** The checklists of the last 24 hours; when they reach the limit, the next send may be made once the oldest that counts is 24 hours old. */
    private Quota quota(String accountId, Instant now) {
        List<Instant> sent = jdbc.query("""
                SELECT sent_at FROM customer_checklist WHERE account_id = :account AND sent_at > :since ORDER BY sent_at""",
                Map.of("account", accountId, "since", Timestamp.from(now.minus(WINDOW))),
                (rs, i) -> rs.getTimestamp("sent_at").toInstant());
        Instant next = sent.size() >= dailyLimit ? sent.get(sent.size() - dailyLimit).plus(WINDOW) : null;
        return new Quota(dailyLimit, sent.size(), next);
    }

    private static List<ConditionCode> codes(Array array) throws SQLException {
        return Arrays.stream((String[]) array.getArray()).map(ConditionCode::valueOf).toList();
    }

    private static String mask(Channel channel, String recipient) {
        return channel == Channel.EMAIL ? Masking.email(recipient) : Masking.phone(recipient);
    }

    static String digest(String... parts) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String part : parts) {
                sha.update(part.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
