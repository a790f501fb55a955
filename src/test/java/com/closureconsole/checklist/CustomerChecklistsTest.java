package com.closureconsole.checklist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.closureconsole.ConsoleTest;
import com.closureconsole.DatabaseActivity;
import com.closureconsole.TestAccounts;
import com.closureconsole.closure.PreCheck;
import com.closureconsole.closure.conditions.ConditionCode;
import com.closureconsole.notification.Channel;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.transaction.support.TransactionTemplate;

@ConsoleTest
@WithMockUser(username = "agent1", roles = "AGENT")
class CustomerChecklistsTest {

    @Autowired
    CustomerChecklists checklists;

    @Autowired
    TestAccounts accounts;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    EmbeddedPostgres postgres;

    private final ExecutorService pool = Executors.newFixedThreadPool(2);

    @AfterEach
    void tearDown() throws InterruptedException {
        pool.shutdownNow();
        pool.awaitTermination(10, TimeUnit.SECONDS);
        JdbcTemplate superuser = new JdbcTemplate(postgres.getPostgresDatabase());
        superuser.execute("DROP TRIGGER IF EXISTS test_refuse_checklist ON customer_checklist");
        superuser.execute("DROP FUNCTION IF EXISTS test_refuse_checklist()");
    }

    /** A fresh account with a wallet balance of 12.50, in the given language. */
    private String withBalance(String email, String locale) {
        String id = accounts.create("清单客户", email, null, null);
        accounts.setBalance(id, "12.50");
        jdbc.update("UPDATE account SET locale = ? WHERE id = ?", locale, id);
        return id;
    }

    private ChecklistDraft ready(String accountId) {
        ChecklistPreview preview = checklists.preview(accountId);
        assertThat(preview).isInstanceOf(ChecklistPreview.Ready.class);
        return ((ChecklistPreview.Ready) preview).draft();
    }

    private SendResult.Sent sendPreviewed(String accountId) {
        SendResult result = checklists.send(accountId, ready(accountId).digest());
        assertThat(result).isInstanceOf(SendResult.Sent.class);
        return (SendResult.Sent) result;
    }

    private List<Map<String, Object>> audit(String accountId) {
        return jdbc.queryForList("""
                SELECT outcome, actor, details::text AS details, correlation_id FROM audit_entry
                 WHERE action = 'CUSTOMER_CHECKLIST_SEND' AND account_id = ? ORDER BY id""", accountId);
    }

    private int queued(String accountId) {
        return jdbc.queryForObject("SELECT count(*) FROM notification WHERE account_id = ? AND template = 'CHECKLIST'",
                Integer.class, accountId);
    }

    @Test
    void a_chinese_customer_reads_each_blocker_with_its_figure_what_to_do_and_whether_it_lifts() {
        String id = withBalance("qd.zh@example.com", "zh_CN");
        jdbc.update("UPDATE wallet SET huabei_open = true, huabei_outstanding = 0 WHERE account_id = ?", id);

        ChecklistDraft draft = ready(id);

        assertThat(draft.channel()).isEqualTo(Channel.EMAIL);
        assertThat(draft.maskedRecipient()).isEqualTo("q***@example.com");
        assertThat(draft.locale()).isEqualTo("zh_CN");
        assertThat(draft.blockers()).containsExactly(ConditionCode.BALANCE_NOT_ZERO, ConditionCode.HUABEI_OPEN);
        assertThat(draft.subject()).isEqualTo("注销钱包账户前需要您处理的事项");
        assertThat(draft.body())
                .contains("您申请注销钱包账户 " + id.substring(0, 4) + "********" + id.substring(12))
                .contains("有 2 项需要您先处理")
                .contains("1. 账户余额和集分宝余额为零")
                .contains("账户余额：12.50 元")
                .contains("处理方法：提现、消费或转出余额")
                .contains("此项不会自动解除，需要您本人处理。")
                .contains("2. ")
                .doesNotContain(id)
                .doesNotContain("Wallet");
    }

    @Test
    void an_english_customer_reads_it_in_english_with_the_moment_a_blocker_lifts_as_a_date() {
        String id = withBalance("qd.en@example.com", "en");
        jdbc.update("""
                INSERT INTO wallet_transaction (account_id, kind, amount, status, created_at, completed_at)
                VALUES (?, 'WITHDRAWAL', 20.00, 'SUCCEEDED', now() - interval '2 hours', now() - interval '2 hours')""", id);

        ChecklistDraft draft = ready(id);

        assertThat(draft.locale()).isEqualTo("en");
        assertThat(draft.subject()).isEqualTo("What to do before your wallet account can be closed");
        assertThat(draft.body())
                .contains("It cannot be closed yet: 2 things need your attention first.")
                .contains("1. Wallet and Jifenbao balances are zero")
                .contains("   - Wallet balance: ¥12.50")
                .contains("What to do: Withdraw, spend or transfer the balance")
                .contains("This does not lift by itself: you need to act.")
                .containsPattern("2\\. No transaction in progress\\n   - Withdrawal of ¥20\\.00 succeeded at .+\\n")
                .containsPattern("This lifts by itself on [A-Z][a-z]{2} \\d{1,2}, \\d{4}, \\d{1,2}:\\d{2}.(AM|PM) \\(China (Standard )?Time\\)\\.")
                .doesNotContain("余额");
        // No "in 21 h": the text stays the same from one minute to the next, so a preview stays sendable.
        assertThat(ready(id).digest()).isEqualTo(draft.digest());
    }

    @Test
    void an_account_without_email_is_sent_an_sms_to_its_masked_phone() {
        String id = withBalance(null, "zh_CN");
        String phone = jdbc.queryForObject("SELECT phone FROM account WHERE id = ?", String.class, id);

        ChecklistDraft draft = ready(id);

        assertThat(draft.channel()).isEqualTo(Channel.SMS);
        assertThat(draft.maskedRecipient()).isEqualTo(phone.substring(3, 6) + "****" + phone.substring(10));
        SendResult.Sent sent = sendPreviewed(id);
        assertThat(sent.checklist().channel()).isEqualTo(Channel.SMS);
        assertThat(jdbc.queryForObject("SELECT recipient FROM notification WHERE id = ?", String.class,
                sent.checklist().delivery().notificationId())).isEqualTo(phone);
    }

    @Test
    void sending_queues_exactly_the_previewed_message_with_its_audit_entry() {
        String id = withBalance("qd.send@example.com", "zh_CN");
        ChecklistDraft draft = ready(id);

        SendResult.Sent sent = (SendResult.Sent) checklists.send(id, draft.digest());

        Map<String, Object> row = jdbc.queryForMap("""
                SELECT n.channel, n.recipient, n.locale, n.subject, n.body, n.status, n.closure_request_id,
                       c.sent_by, c.blockers::text AS blockers
                  FROM customer_checklist c JOIN notification n ON n.id = c.notification_id WHERE c.id = ?""",
                sent.checklist().id());
        assertThat(row).containsEntry("channel", "EMAIL").containsEntry("recipient", "qd.send@example.com")
                .containsEntry("locale", "zh_CN").containsEntry("subject", draft.subject())
                .containsEntry("body", draft.body()).containsEntry("status", "QUEUED")
                .containsEntry("sent_by", "agent1").containsEntry("blockers", "{BALANCE_NOT_ZERO}");
        assertThat(row.get("closure_request_id")).isNull();
        List<Map<String, Object>> audit = audit(id);
        assertThat(audit).hasSize(1);
        assertThat(audit.get(0)).containsEntry("outcome", "SUCCESS").containsEntry("actor", "agent1")
                .containsEntry("correlation_id", sent.checklist().id());
        assertThat((String) audit.get(0).get("details")).contains("\"recipient\": \"q***@example.com\"")
                .contains("\"notificationId\": " + sent.checklist().delivery().notificationId())
                .contains("\"blockers\": [\"BALANCE_NOT_ZERO\"]").doesNotContain("qd.send@");
        // The condition check the send rests on and the queued notification are audited with the same correlation id.
        assertThat(jdbc.queryForList("SELECT action FROM audit_entry WHERE correlation_id = ? ORDER BY id", String.class,
                sent.checklist().id())).containsExactly("ELIGIBILITY_CHECK", "NOTIFICATION_QUEUED", "CUSTOMER_CHECKLIST_SEND");
        assertThat(checklists.forAccount(id)).singleElement().satisfies(c -> {
            assertThat(c.sentBy()).isEqualTo("agent1");
            assertThat(c.maskedRecipient()).isEqualTo("q***@example.com");
            assertThat(c.delivery().status()).isEqualTo("QUEUED");
        });
    }

    @Test
    void the_fourth_checklist_within_24_hours_is_refused_and_says_when_the_next_is_possible() {
        String id = withBalance("qd.limit@example.com", "zh_CN");
        assertThat(checklists.dailyLimit()).isEqualTo(3);
        for (int i = 0; i < 3; i++) {
            sendPreviewed(id);
        }
        // The first of the three was sent 20 hours ago: the next send is possible 4 hours from now.
        jdbc.update("""
                UPDATE customer_checklist SET sent_at = now() - interval '20 hours'
                 WHERE id = (SELECT id FROM customer_checklist WHERE account_id = ? ORDER BY sent_at LIMIT 1)""", id);

        SendResult result = checklists.send(id, ready(id).digest());

        assertThat(result).isInstanceOf(SendResult.Refused.class);
        SendResult.Refused refused = (SendResult.Refused) result;
        assertThat(refused.reason()).isEqualTo(Refusal.LIMIT_REACHED);
        Quota quota = refused.current().quota();
        assertThat(quota.sentInWindow()).isEqualTo(3);
        assertThat(Duration.between(Instant.now(), quota.nextAllowedAt())).isBetween(Duration.ofMinutes(235), Duration.ofHours(4));
        assertThat(queued(id)).isEqualTo(3);
        List<Map<String, Object>> audit = audit(id);
        assertThat(audit).hasSize(4);
        assertThat(audit.get(3)).containsEntry("outcome", "FAILURE");
        assertThat((String) audit.get(3).get("details")).contains("\"refused\": \"LIMIT_REACHED\"").contains("\"nextAllowedAt\"");

        // Once that first one is more than 24 hours old, one more may be sent.
        jdbc.update("UPDATE customer_checklist SET sent_at = sent_at - interval '5 hours' WHERE account_id = ? AND sent_at < now() - interval '19 hours'", id);
        assertThat(checklists.quota(id).reached()).isFalse();
        sendPreviewed(id);
        assertThat(queued(id)).isEqualTo(4);
    }

    @Test
    void two_agents_sending_at_once_cannot_pass_the_limit() throws Exception {
        String id = withBalance("qd.race@example.com", "zh_CN");
        sendPreviewed(id);
        sendPreviewed(id);
        String digest = ready(id).digest();
        Authentication agent1 = SecurityContextHolder.getContext().getAuthentication();
        Authentication agent2 = new UsernamePasswordAuthenticationToken("agent2", null,
                List.of(new SimpleGrantedAuthority("ROLE_AGENT")));
        CountDownLatch firstQueued = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);

        // The first agent's send has queued the last checklist the limit allows, and has not committed yet.
        Future<SendResult> first = pool.submit(() -> {
            SecurityContextHolder.getContext().setAuthentication(agent1);
            return transactions.execute(status -> {
                SendResult result = checklists.send(id, digest);
                firstQueued.countDown();
                try {
                    release.await(20, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return result;
            });
        });
        assertThat(firstQueued.await(20, TimeUnit.SECONDS)).isTrue();
        // The second agent's send, on its own connection, waits for the account row...
        Future<SendResult> second = pool.submit(() -> {
            SecurityContextHolder.getContext().setAuthentication(agent2);
            return checklists.send(id, digest);
        });
        DatabaseActivity.awaitLockWait(jdbc, "FOR UPDATE", Duration.ofSeconds(20));
        release.countDown();

        // ...and, once the first has committed, counts it.
        assertThat(first.get(20, TimeUnit.SECONDS)).isInstanceOf(SendResult.Sent.class);
        SendResult late = second.get(20, TimeUnit.SECONDS);
        assertThat(late).isInstanceOf(SendResult.Refused.class);
        assertThat(((SendResult.Refused) late).reason()).isEqualTo(Refusal.LIMIT_REACHED);
        assertThat(queued(id)).isEqualTo(3);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM customer_checklist WHERE account_id = ?", Integer.class, id))
                .isEqualTo(3);
        assertThat(audit(id)).extracting(e -> e.get("actor") + "/" + e.get("outcome"))
                .containsExactly("agent1/SUCCESS", "agent1/SUCCESS", "agent1/SUCCESS", "agent2/FAILURE");
    }

    @Test
    void a_checklist_that_changed_since_its_preview_is_not_sent_and_the_new_one_is_shown() {
        String id = withBalance("qd.changed@example.com", "en");
        ChecklistDraft shown = ready(id);
        accounts.setBalance(id, "30.00");

        SendResult result = checklists.send(id, shown.digest());

        assertThat(result).isInstanceOf(SendResult.Refused.class);
        SendResult.Refused refused = (SendResult.Refused) result;
        assertThat(refused.reason()).isEqualTo(Refusal.CHANGED_SINCE_PREVIEW);
        assertThat(((ChecklistPreview.Ready) refused.current()).draft().body()).contains("¥30.00");
        assertThat(queued(id)).isZero();
        assertThat(audit(id)).singleElement().satisfies(e -> assertThat((String) e.get("details"))
                .contains("CHANGED_SINCE_PREVIEW"));
    }

    @Test
    void there_is_nothing_to_send_when_nothing_blocks_or_the_account_cannot_go_through_closure() {
        String closable = accounts.closable();
        assertThat(checklists.preview(closable)).isInstanceOfSatisfying(ChecklistPreview.Unavailable.class,
                u -> assertThat(u.reason()).isEqualTo(Refusal.NOTHING_BLOCKS));
        assertThat(((SendResult.Refused) checklists.send(closable, "anything")).reason()).isEqualTo(Refusal.NOTHING_BLOCKS);

        assertThat(checklists.preview("2088000000000018")).isInstanceOfSatisfying(ChecklistPreview.Unavailable.class, u -> {
            assertThat(u.reason()).isEqualTo(Refusal.PRE_CHECK_FAILED);
            assertThat(u.failedPreCheck()).isEqualTo(PreCheck.NOT_CLOSED);
        });
        assertThat(checklists.preview("2088999999999999")).isInstanceOfSatisfying(ChecklistPreview.Unavailable.class,
                u -> assertThat(u.reason()).isEqualTo(Refusal.NO_SUCH_ACCOUNT));
        assertThat(queued(closable)).isZero();
        assertThat(audit(closable)).singleElement().satisfies(e -> assertThat(e).containsEntry("outcome", "FAILURE"));
    }

    @Test
    void a_send_the_database_refuses_writes_nothing_and_is_audited() {
        String id = withBalance("qd.fault@example.com", "zh_CN");
        String digest = ready(id).digest();
        JdbcTemplate superuser = new JdbcTemplate(postgres.getPostgresDatabase());
        superuser.execute("""
                CREATE FUNCTION test_refuse_checklist() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    RAISE EXCEPTION 'checklist refused by the test' USING ERRCODE = 'P0001';
                END $$""");
        superuser.execute("""
                CREATE TRIGGER test_refuse_checklist BEFORE INSERT ON customer_checklist FOR EACH ROW
                WHEN (NEW.account_id = '%s') EXECUTE FUNCTION test_refuse_checklist()""".formatted(id));

        assertThatThrownBy(() -> checklists.send(id, digest)).isInstanceOf(RuntimeException.class);

        // The notification was inserted before the refused row: it went with the rollback, and so did its audit entry.
        assertThat(queued(id)).isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_entry WHERE action = 'NOTIFICATION_QUEUED' AND account_id = ?",
                Integer.class, id)).isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM customer_checklist WHERE account_id = ?", Integer.class, id)).isZero();
        assertThat(audit(id)).singleElement().satisfies(e -> {
            assertThat(e).containsEntry("outcome", "FAILURE");
            assertThat((String) e.get("details")).contains("P0001");
        });
    }

    @Test
    @WithMockUser(username = "visitor", roles = "VISITOR")
    void staff_without_an_agent_or_supervisor_role_may_neither_preview_nor_send() {
        assertThatThrownBy(() -> checklists.preview("2088000000000002")).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> checklists.send("2088000000000002", "x")).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> checklists.forAccount("2088000000000002")).isInstanceOf(AccessDeniedException.class);
    }
}
