package com.closureconsole.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import java.util.stream.Stream;

import com.closureconsole.ConsoleTest;
import com.closureconsole.TestAccounts;
import com.closureconsole.closure.ClosureReason;
import com.closureconsole.closure.ClosureState;
import com.closureconsole.closure.ClosureSubmission;
import com.closureconsole.closure.FlowSteps;
import com.closureconsole.closure.TaobaoOutcome;
import com.closureconsole.closure.VerificationMethod;
import com.closureconsole.closure.WalkedFlow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithMockUser;

/**
 * The customer's closure message says what became of a linked Taobao account, for every end of a
 * closure and in both languages; and a real closure's message, as sent, says it.
 */
@ConsoleTest
@WithMockUser(username = "agent1", roles = "AGENT")
class ClosureMessageTaobaoTest {

    static final String CLOSED_EN = "Your linked Taobao account has been closed together with your wallet account.";
    static final String UNBOUND_EN = "it stays open and is no longer linked to your wallet account.";
    static final String UNCHANGED_EN = "Your linked Taobao account has not been changed and stays linked to your wallet account.";
    static final String CLOSED_ZH = "您关联的淘宝账户已随钱包账户一并注销。";
    static final String UNBOUND_ZH = "将继续保留，并已与钱包账户解除关联。";
    static final String UNCHANGED_ZH = "您关联的淘宝账户未受影响，仍与钱包账户关联。";

    @Autowired
    FlowSteps steps;
    @org.springframework.beans.factory.annotation.Autowired
    ClosureSubmission submission;
    @Autowired
    NotificationDispatcher dispatcher;
    @Autowired
    TestAccounts accounts;
    @Autowired
    JdbcTemplate jdbc;

    static Stream<Arguments> outcomes() {
        return Stream.of(
                Arguments.of(ClosureState.COMPLETED, TaobaoOutcome.CLOSED_TOGETHER, CLOSED_EN, CLOSED_ZH),
                Arguments.of(ClosureState.COMPLETED, TaobaoOutcome.UNBOUND, UNBOUND_EN, UNBOUND_ZH),
                Arguments.of(ClosureState.REJECTED, TaobaoOutcome.CLOSED_TOGETHER, UNCHANGED_EN, UNCHANGED_ZH),
                Arguments.of(ClosureState.REJECTED, TaobaoOutcome.UNBOUND, UNCHANGED_EN, UNCHANGED_ZH),
                Arguments.of(ClosureState.CANCELLED, TaobaoOutcome.CLOSED_TOGETHER, UNCHANGED_EN, UNCHANGED_ZH),
                Arguments.of(ClosureState.CANCELLED, TaobaoOutcome.UNBOUND, UNCHANGED_EN, UNCHANGED_ZH),
                Arguments.of(ClosureState.FAILED, TaobaoOutcome.CLOSED_TOGETHER, UNCHANGED_EN, UNCHANGED_ZH),
                Arguments.of(ClosureState.FAILED, TaobaoOutcome.UNBOUND, UNCHANGED_EN, UNCHANGED_ZH));
    }

    private static String body(ClosureState state, TaobaoOutcome taobao, String locale) {
        return NotificationDispatcher.message(Channel.EMAIL, "c@example.com", "CLOSURE_" + state.name(),
                taobao == null ? null : taobao.name(), locale, "notification-1").body();
    }

    @ParameterizedTest(name = "{0} with {1}")
    @MethodSource("outcomes")
    void the_message_of_each_end_says_what_became_of_the_linked_taobao_account(ClosureState state, TaobaoOutcome taobao,
                                                                              String english, String chinese) {
        String plainEnglish = body(state, TaobaoOutcome.NONE, "en");
        String plainChinese = body(state, TaobaoOutcome.NONE, "zh_CN");
        assertThat(body(state, taobao, "en")).startsWith(plainEnglish + " ").endsWith(english);
        assertThat(body(state, taobao, "zh_CN")).startsWith(plainChinese).endsWith(chinese);
    }

    @Test
    void without_a_linked_taobao_account_no_message_mentions_taobao() {
        for (ClosureState state : new ClosureState[] {ClosureState.COMPLETED, ClosureState.REJECTED,
                ClosureState.CANCELLED, ClosureState.FAILED}) {
            assertThat(body(state, TaobaoOutcome.NONE, "en")).doesNotContain("Taobao");
            assertThat(body(state, null, "en")).doesNotContain("Taobao");
            assertThat(body(state, TaobaoOutcome.NONE, "zh_CN")).doesNotContain("淘宝");
        }
    }

    private String sentSms(String taobaoId, boolean taobaoClosable) {
        String id = accounts.create("淘宝客户", null, taobaoId, taobaoClosable);
        String phone = jdbc.queryForObject("SELECT phone FROM account WHERE id = ?", String.class, id);
        UUID flow = UUID.randomUUID();
        submission.submit(WalkedFlow.walked(steps, id, flow, VerificationMethod.REAL_NAME_ID_AND_SMS,
                ClosureReason.NO_LONGER_USED, null));
        jdbc.update("UPDATE notification SET next_attempt_at = now() - interval '100 days' WHERE closure_request_id = ?", flow);
        dispatcher.dispatchDue();
        return jdbc.queryForObject("SELECT body FROM sent_message WHERE channel = 'SMS' AND recipient = ?", String.class, phone);
    }

    @Test
    void a_closed_account_whose_taobao_account_closes_with_it_is_told_so() {
        assertThat(sentSms("tb_" + UUID.randomUUID().toString().substring(0, 8), true))
                .contains("账户已注销").endsWith(CLOSED_ZH);
    }

    @Test
    void a_closed_account_whose_taobao_account_stays_is_told_it_was_unbound() {
        assertThat(sentSms("tb_" + UUID.randomUUID().toString().substring(0, 8), false))
                .contains("账户已注销").endsWith(UNBOUND_ZH);
    }
}
