package com.closureconsole.closure.conditions;

import static com.closureconsole.closure.conditions.FactsBuilder.NOW;
import static com.closureconsole.closure.conditions.FactsBuilder.closable;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Each of the ten conditions on its own, with its edges. */
class ClosureConditionsTest {

    static final List<ClosureCondition> ALL = List.of(new BalanceNotZeroCondition(), new YuebaoNotEmptyCondition(),
            new TransactionInProgressCondition(), new WithholdingAgreementCondition(), new HuabeiOpenCondition(),
            new AgreementCondition(), new SecurityOperationCondition(), new DisputeOrRestrictionCondition(),
            new MerchantContractCondition(), new BaodianNotEmptyCondition());

    @Test
    void a_closable_account_passes_every_condition() {
        assertThat(ALL).allSatisfy(c -> assertThat(c.evaluate(closable().build(), NOW)).as(c.code().name()).isEmpty());
    }

    @Test
    void there_is_one_condition_per_code() {
        assertThat(ALL.stream().map(ClosureCondition::code)).containsExactly(ConditionCode.values());
    }

    @Nested
    class BalanceNotZero {
        final ClosureCondition condition = new BalanceNotZeroCondition();

        @Test
        void blocks_when_the_wallet_holds_money() {
            Blocker blocker = condition.evaluate(closable().balance("12.50").build(), NOW).orElseThrow();
            assertThat(blocker.objects()).singleElement().satisfies(o -> {
                assertThat(o.kind()).isEqualTo("WALLET_BALANCE");
                assertThat(o.figures().get("amount")).isEqualTo(FactsBuilder.cny("12.50"));
            });
            assertThat(blocker.liftsByItself()).isFalse();
        }

        @Test
        void blocks_on_jifenbao_points_when_the_wallet_is_zero() {
            Blocker blocker = condition.evaluate(closable().jifenbao(300).build(), NOW).orElseThrow();
            assertThat(blocker.objects()).singleElement().satisfies(o -> {
                assertThat(o.kind()).isEqualTo("JIFENBAO_POINTS");
                assertThat(o.figures().get("points")).isEqualTo(300L);
            });
        }

        @Test
        void reports_both_balances_at_once() {
            assertThat(condition.evaluate(closable().balance("1.00").jifenbao(5).build(), NOW).orElseThrow().objects())
                    .extracting(BlockingObject::kind).containsExactly("WALLET_BALANCE", "JIFENBAO_POINTS");
        }

        @Test
        void blocks_on_a_negative_balance_too() {
            assertThat(condition.evaluate(closable().balance("-0.01").build(), NOW)).isPresent();
        }

        @Test
        void passes_on_zero_written_with_decimals() {
            assertThat(condition.evaluate(closable().balance("0.00").build(), NOW)).isEmpty();
        }
    }

    @Nested
    class YuebaoNotEmpty {
        final ClosureCondition condition = new YuebaoNotEmptyCondition();

        @Test
        void blocks_when_yuebao_holds_money() {
            assertThat(condition.evaluate(closable().yuebao("1000.00").build(), NOW)).isPresent();
        }

        @Test
        void passes_when_yuebao_is_empty() {
            assertThat(condition.evaluate(closable().yuebao("0").build(), NOW)).isEmpty();
        }
    }

    @Nested
    class TransactionInProgress {
        final ClosureCondition condition = new TransactionInProgressCondition();

        @Test
        void blocks_on_a_pending_transaction_that_never_lifts_by_itself() {
            Blocker blocker = condition.evaluate(closable().pendingPayment().build(), NOW).orElseThrow();
            assertThat(blocker.liftsByItself()).isFalse();
            assertThat(blocker.liftsAt()).isNull();
        }

        @Test
        void blocks_a_withdrawal_two_hours_ago_until_24_hours_after_it() {
            Instant done = NOW.minus(Duration.ofHours(2));
            Blocker blocker = condition.evaluate(closable().withdrawalCompletedAt(done).build(), NOW).orElseThrow();
            assertThat(blocker.liftsByItself()).isTrue();
            assertThat(blocker.liftsAt()).isEqualTo(done.plus(Duration.ofHours(24)));
        }

        @Test
        void still_blocks_one_second_before_24_hours() {
            Instant done = NOW.minus(Duration.ofHours(24)).plusSeconds(1);
            assertThat(condition.evaluate(closable().withdrawalCompletedAt(done).build(), NOW)).isPresent();
        }

        @Test
        void passes_exactly_24_hours_after_a_withdrawal() {
            Instant done = NOW.minus(Duration.ofHours(24));
            assertThat(condition.evaluate(closable().withdrawalCompletedAt(done).build(), NOW)).isEmpty();
        }

        @Test
        void a_pending_transaction_keeps_it_from_lifting_even_with_a_recent_withdrawal() {
            Blocker blocker = condition.evaluate(
                    closable().pendingPayment().withdrawalCompletedAt(NOW.minusSeconds(60)).build(), NOW).orElseThrow();
            assertThat(blocker.objects()).hasSize(2);
            assertThat(blocker.liftsByItself()).isFalse();
            assertThat(blocker.liftsAt()).isNull();
        }
    }

    @Nested
    class WithholdingAgreement {
        final ClosureCondition condition = new WithholdingAgreementCondition();

        @Test
        void lists_each_active_agreement() {
            Blocker blocker = condition.evaluate(closable().agreement("Water").agreement("Airline").build(), NOW).orElseThrow();
            assertThat(blocker.objects()).extracting(o -> o.figures().get("merchant")).containsExactly("Water", "Airline");
        }

        @Test
        void passes_without_agreements() {
            assertThat(condition.evaluate(closable().build(), NOW)).isEmpty();
        }
    }

    @Nested
    class HuabeiOpen {
        @Test
        void blocks_while_huabei_is_open() {
            assertThat(new HuabeiOpenCondition().evaluate(closable().huabeiOpen().build(), NOW)).isPresent();
        }
    }

    @Nested
    class Agreement {
        final ClosureCondition condition = new AgreementCondition();

        @Test
        void blocks_while_an_arrangement_is_in_force_and_lifts_at_its_end() {
            Instant end = NOW.plus(Duration.ofDays(90));
            Blocker blocker = condition.evaluate(closable().arrangement(NOW.minusSeconds(10), end).build(), NOW).orElseThrow();
            assertThat(blocker.liftsAt()).isEqualTo(end);
            assertThat(blocker.liftsByItself()).isTrue();
        }

        @Test
        void an_arrangement_without_end_does_not_lift_by_itself() {
            Blocker blocker = condition.evaluate(closable().arrangement(NOW.minusSeconds(10), null).build(), NOW).orElseThrow();
            assertThat(blocker.liftsByItself()).isFalse();
        }

        @Test
        void passes_once_the_arrangement_has_ended() {
            assertThat(condition.evaluate(closable().arrangement(NOW.minusSeconds(100), NOW).build(), NOW)).isEmpty();
        }

        @Test
        void passes_before_the_arrangement_starts() {
            assertThat(condition.evaluate(closable().arrangement(NOW.plusSeconds(100), null).build(), NOW)).isEmpty();
        }
    }

    @Nested
    class SecurityOperation {
        final ClosureCondition condition = new SecurityOperationCondition();

        @Test
        void blocks_while_an_operation_is_in_progress_and_lifts_when_it_finishes() {
            Blocker blocker = condition.evaluate(closable().securityOperationInProgress().build(), NOW).orElseThrow();
            assertThat(blocker.liftsByItself()).isTrue();
            assertThat(blocker.liftsAt()).isNull();
        }

        @Test
        void a_finished_operation_is_not_in_the_facts_and_passes() {
            // The facts hold only operations in progress; a finished one is simply absent.
            assertThat(condition.evaluate(closable().build(), NOW)).isEmpty();
        }
    }

    @Nested
    class DisputeOrRestriction {
        final ClosureCondition condition = new DisputeOrRestrictionCondition();

        @Test
        void blocks_on_an_open_dispute() {
            assertThat(condition.evaluate(closable().openDispute().build(), NOW).orElseThrow().objects())
                    .extracting(BlockingObject::kind).containsExactly("TRADE_DISPUTE");
        }

        @Test
        void blocks_on_a_functional_restriction() {
            assertThat(condition.evaluate(closable().restriction().build(), NOW).orElseThrow().objects())
                    .extracting(BlockingObject::kind).containsExactly("RESTRICTION");
        }

        @Test
        void a_closed_dispute_is_not_in_the_facts_and_passes() {
            assertThat(condition.evaluate(closable().build(), NOW)).isEmpty();
        }
    }

    @Nested
    class MerchantContract {
        final ClosureCondition condition = new MerchantContractCondition();

        @Test
        void blocks_within_the_term_and_lifts_at_the_end_date() {
            Instant end = NOW.plus(Duration.ofDays(365));
            Blocker blocker = condition.evaluate(closable().contract(end, false).build(), NOW).orElseThrow();
            assertThat(blocker.liftsAt()).isEqualTo(end);
        }

        @Test
        void passes_for_a_contract_that_ended_yesterday() {
            assertThat(condition.evaluate(closable().contract(NOW.minus(Duration.ofDays(1)), false).build(), NOW)).isEmpty();
        }

        @Test
        void passes_for_a_terminated_contract() {
            assertThat(condition.evaluate(closable().contract(NOW.plus(Duration.ofDays(30)), true).build(), NOW)).isEmpty();
        }
    }

    @Nested
    class BaodianNotEmpty {
        final ClosureCondition condition = new BaodianNotEmptyCondition();

        @Test
        void blocks_when_open_with_points() {
            assertThat(condition.evaluate(closable().baodian(true, 80).build(), NOW)).isPresent();
        }

        @Test
        void passes_when_open_but_empty() {
            assertThat(condition.evaluate(closable().baodian(true, 0).build(), NOW)).isEmpty();
        }
    }

    @Test
    void evaluation_depends_on_the_moment_given_not_the_wall_clock() {
        Instant done = NOW.minus(Duration.ofHours(23));
        var facts = closable().withdrawalCompletedAt(done).build();
        ClosureCondition condition = new TransactionInProgressCondition();
        assertThat(condition.evaluate(facts, NOW)).isPresent();
        assertThat(condition.evaluate(facts, NOW.plus(Duration.ofHours(1)))).isEqualTo(Optional.empty());
    }
}
