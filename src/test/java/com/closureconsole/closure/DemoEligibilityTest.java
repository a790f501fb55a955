package com.closureconsole.closure;

import static com.closureconsole.closure.conditions.ConditionCode.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.closureconsole.ConsoleTest;
import com.closureconsole.StatementCounter;
import com.closureconsole.TestAccounts;
import com.closureconsole.account.WalletFactsReader;
import com.closureconsole.closure.conditions.Blocker;
import com.closureconsole.closure.conditions.ConditionCode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithMockUser;

@ConsoleTest
@WithMockUser(username = "agent1", roles = "AGENT")
class DemoEligibilityTest {

    @Autowired
    EligibilityService eligibility;

    @Autowired
    WalletFactsReader facts;

    @Autowired
    TestAccounts accounts;

    @Autowired
    JdbcTemplate jdbc;

    static final Map<String, List<ConditionCode>> EXPECTED = Map.ofEntries(
            Map.entry("2088000000000001", List.of()),
            Map.entry("2088000000000002", List.of(BALANCE_NOT_ZERO)),
            Map.entry("2088000000000003", List.of(BALANCE_NOT_ZERO)),
            Map.entry("2088000000000004", List.of(YUEBAO_NOT_EMPTY)),
            Map.entry("2088000000000005", List.of(TRANSACTION_IN_PROGRESS)),
            Map.entry("2088000000000006", List.of(TRANSACTION_IN_PROGRESS)),
            Map.entry("2088000000000007", List.of(WITHHOLDING_AGREEMENT_ACTIVE)),
            Map.entry("2088000000000008", List.of(HUABEI_OPEN)),
            Map.entry("2088000000000009", List.of(AGREEMENT_CONDITION)),
            Map.entry("2088000000000010", List.of(SECURITY_OPERATION_IN_PROGRESS)),
            Map.entry("2088000000000011", List.of(DISPUTE_OR_RESTRICTION)),
            Map.entry("2088000000000012", List.of(MERCHANT_CONTRACT_IN_FORCE)),
            Map.entry("2088000000000013", List.of(BAODIAN_NOT_EMPTY)),
            Map.entry("2088000000000014", List.of(BALANCE_NOT_ZERO, YUEBAO_NOT_EMPTY, HUABEI_OPEN, DISPUTE_OR_RESTRICTION)),
            Map.entry("2088000000000015", List.of()),
            Map.entry("2088000000000016", List.of()),
            Map.entry("2088000000000019", List.of()),
            Map.entry("2088000000000020", List.of()),
            Map.entry("2088000000000021", List.of(DISPUTE_OR_RESTRICTION)),
            Map.entry("2088000000000022", List.of()));

    @Test
    void every_demo_account_has_exactly_its_documented_blockers() {
        EXPECTED.forEach((id, codes) -> {
            EligibilityReport report = eligibility.check(id);
            assertThat(report.failedPreCheck()).as(id).isNull();
            assertThat(report.conditions()).as(id).hasSize(10);
            assertThat(report.blockingCodes()).as(id).containsExactlyElementsOf(codes);
            assertThat(report.closable()).as(id).isEqualTo(codes.isEmpty());
        });
    }

    @Test
    void never_activated_and_closed_accounts_are_refused_before_the_conditions() {
        assertThat(eligibility.check("2088000000000017").failedPreCheck()).isEqualTo(PreCheck.ACTIVATED);
        assertThat(eligibility.check("2088000000000018").failedPreCheck()).isEqualTo(PreCheck.NOT_CLOSED);
        assertThat(eligibility.check("2088000000000018").conditions()).isEmpty();
        assertThat(eligibility.check("2088999999999999").failedPreCheck()).isEqualTo(PreCheck.ACCOUNT_EXISTS);
    }

    @Test
    void the_recent_withdrawal_lifts_24_hours_after_it_and_the_pending_payment_never() {
        Blocker withdrawal = eligibility.check("2088000000000006").blockers().get(0);
        Blocker pending = eligibility.check("2088000000000005").blockers().get(0);
        java.time.Instant completed = jdbc.queryForObject(
                "SELECT completed_at FROM wallet_transaction WHERE account_id = '2088000000000006'", java.sql.Timestamp.class)
                .toInstant();
        assertThat(withdrawal.liftsAt()).isEqualTo(completed.plus(Duration.ofHours(24)));
        assertThat(pending.liftsByItself()).isFalse();
    }

    @Test
    void the_multi_blocker_account_carries_its_figures() {
        EligibilityReport report = eligibility.check("2088000000000014");
        assertThat(report.blockers().get(0).objects().get(0).figures().get("amount").toString()).contains("88.00");
        assertThat(EligibilityService.auditDetails(report).toString())
                .contains("BALANCE_NOT_ZERO", "88.00 CNY", "500.00 CNY", "HUABEI_OPEN", "DISPUTE_OR_RESTRICTION");
    }

    @Test
    void reading_an_account_takes_one_statement_however_long_its_history() {
        String quiet = accounts.closable();
        String busy = accounts.closable();
        accounts.addTransactions(busy, 10_000);
        accounts.addPendingPayment(busy);
        jdbc.update("INSERT INTO withholding_agreement (account_id, kind, merchant_name, status, signed_at) "
                + "SELECT ?, 'GENERAL', 'M' || i, 'ACTIVE', now() FROM generate_series(1, 25) i", busy);

        var quietRead = StatementCounter.countAndGet(() -> facts.read(quiet).orElseThrow());
        var busyRead = StatementCounter.countAndGet(() -> facts.read(busy).orElseThrow());

        assertThat(quietRead.statements()).isEqualTo(1);
        assertThat(busyRead.statements()).isEqualTo(1);
        assertThat(busyRead.result().activeAgreements()).hasSize(25);
        assertThat(busyRead.result().pendingTransactions()).hasSize(1);
        // Times and amounts arrive exactly as stored (they travel inside the statement's JSON).
        var pending = busyRead.result().pendingTransactions().get(0);
        assertThat(pending.createdAt()).isEqualTo(jdbc.queryForObject(
                "SELECT created_at FROM wallet_transaction WHERE id = ?", java.sql.Timestamp.class, pending.id()).toInstant());
        assertThat(pending.amount().amount()).isEqualByComparingTo(jdbc.queryForObject(
                "SELECT amount FROM wallet_transaction WHERE id = ?", java.math.BigDecimal.class, pending.id()));
    }

    @Test
    void blocker_counts_for_a_page_of_accounts_take_one_statement_as_one_account_does() {
        var counted = StatementCounter.countAndGet(() -> eligibility.blockerCounts(
                List.of("2088000000000001", "2088000000000002", "2088000000000014", "2088000000000021")));
        assertThat(counted.result()).containsExactly(Map.entry("2088000000000001", 0), Map.entry("2088000000000002", 1),
                Map.entry("2088000000000014", 4), Map.entry("2088000000000021", 1));
        assertThat(counted.statements()).isEqualTo(1);
    }
}
