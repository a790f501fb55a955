package com.closureconsole.ui.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.closureconsole.audit.AuditAction;
import com.closureconsole.checklist.ChecklistAction;
import com.closureconsole.account.AccountAction;
import com.closureconsole.audit.AuditTrailAction;
import com.closureconsole.closure.ClosureAction;
import com.closureconsole.notification.NotificationAction;
import com.closureconsole.audit.SignInAction;
import com.closureconsole.audit.AuditOutcome;
import com.closureconsole.audit.LedgerReport;
import com.closureconsole.closure.DecisionResult;
import com.closureconsole.closure.PreCheck;
import com.closureconsole.closure.StepResult;
import com.closureconsole.closure.SubmissionResult;
import com.closureconsole.security.ProviderSignInRefused;
import com.closureconsole.ui.i18n.Translations;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The audit grid's details in words: one example per kind of action and outcome, with details
 * shaped as the console records them, read in English and in Chinese.
 */
class AuditWordsTest {

    private static final Translations TRANSLATIONS = new Translations();

    /** One recorded shape of an action's details and how it reads. */
    record Example(AuditAction action, AuditOutcome outcome, Map<String, Object> details, String english,
                   String chinese) {
        @Override
        public String toString() {
            return action + "/" + outcome + " " + details;
        }
    }

    static String words(Example example, Locale locale) {
        AuditWords words = new AuditWords((key, params) -> TRANSLATIONS.getTranslation(key, locale, params), locale);
        return words.of(example.action(), example.outcome(), example.details());
    }

    static Map<String, Object> map(Object... namesAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            map.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return map;
    }

    static Map<String, Object> blocked(Object... blockers) {
        return map("closable", false, "failedPreCheck", null, "blockers", List.of(blockers));
    }

    static Map<String, Object> blocker(String code, Map<?, ?>... objects) {
        return map("code", code, "objects", List.of(objects), "liftsAt", null);
    }

    static Map<String, Object> plus(Map<String, Object> first, Map<String, Object> second) {
        Map<String, Object> all = new LinkedHashMap<>(first);
        all.putAll(second);
        return all;
    }

    static Map<String, Object> plus(Map<String, Object> first, Object... namesAndValues) {
        Map<String, Object> all = new LinkedHashMap<>(first);
        all.putAll(map(namesAndValues));
        return all;
    }

    static final Map<String, Object> BALANCE_AND_HUABEI = blocked(
            blocker("BALANCE_NOT_ZERO", map("kind", "WALLET_BALANCE", "amount", "88.00 CNY")),
            blocker("HUABEI_OPEN", map("kind", "HUABEI", "outstanding", "0.00 CNY")));

    static Stream<Example> examples() {
        String request = "7d0b6a36-7a0d-4f43-9d43-1d7c7b1f8a10";
        return Stream.of(
                new Example(SignInAction.SIGN_IN, AuditOutcome.SUCCESS, map("method", "PASSWORD"),
                        "with a password", "使用密码"),
                new Example(SignInAction.SIGN_IN, AuditOutcome.SUCCESS, map("method", "OIDC", "provider", "corp",
                        "issuer", "https://sso.example.com/realms/staff", "subject", "f3a1", "amr", List.of("pwd", "otp"),
                        "acr", null),
                        "through corp (methods: pwd, otp)", "通过 corp（验证方式：pwd、otp）"),
                new Example(SignInAction.SIGN_IN_FAILED, AuditOutcome.FAILURE,
                        map("reason", "BAD_CREDENTIALS", "knownUser", false),
                        "refused: wrong user name or password; no such user", "被拒：用户名或密码错误；无此用户"),
                new Example(SignInAction.SIGN_IN_FAILED, AuditOutcome.FAILURE, map("reason", "SECOND_FACTOR_MISSING",
                        "method", "OIDC", "provider", "corp", "issuer", "https://sso", "subject", "f3a1", "amr", List.of("pwd"),
                        "acr", null),
                        "refused: no second factor; through corp", "被拒：缺少第二因素；通过 corp"),
                new Example(SignInAction.SIGN_OUT, AuditOutcome.SUCCESS, map(), "signed out", "已退出"),
                new Example(SignInAction.SESSION_END, AuditOutcome.SUCCESS,
                        map("idleSeconds", 1805, "timeoutSeconds", 1800, "expired", true),
                        "expired after 30 min idle", "空闲 30 分钟后过期"),
                new Example(SignInAction.SESSION_END, AuditOutcome.SUCCESS,
                        map("idleSeconds", 0, "timeoutSeconds", 1800, "expired", false),
                        "ended after 0 min idle", "空闲 0 分钟后结束"),
                new Example(SignInAction.ACCESS_DENIED, AuditOutcome.DENIED, map("route", "audit"),
                        "refused: audit", "被拒：audit"),
                new Example(AccountAction.ACCOUNT_SEARCH, AuditOutcome.SUCCESS,
                        map("kind", "ByPhone", "query", "+86 138****8014", "exactHit", "2088000000000014"),
                        "by phone: +86 138****8014; opened 2088000000000014",
                        "按手机号：+86 138****8014；已打开 2088000000000014"),
                new Example(AccountAction.ACCOUNT_SEARCH, AuditOutcome.SUCCESS,
                        map("kind", "ByText", "query", "张", "exactHit", null),
                        "by name or Taobao id: 张", "按姓名或淘宝账号：张"),
                new Example(AccountAction.ACCOUNT_VIEW, AuditOutcome.SUCCESS, map(), "account opened", "已查看账户"),
                new Example(AccountAction.ACCOUNT_VIEW, AuditOutcome.SUCCESS, map("requestedId", "2088999999999999"),
                        "no account 2088999999999999", "无此账户 2088999999999999"),
                new Example(AccountAction.PERSONAL_DATA_REVEAL, AuditOutcome.SUCCESS,
                        map("fields", List.of("name", "phone", "email"), "reason", "IDENTITY_CHECK"),
                        "Name, Phone, Email revealed: Checking the caller's identity", "已查看姓名、手机号、邮箱：核实来电者身份"),
                new Example(AccountAction.PERSONAL_DATA_REVEAL, AuditOutcome.FAILURE, map("refused", "REASON_REQUIRED"),
                        "refused: no reason given", "被拒：未填写原因"),
                new Example(ClosureAction.ELIGIBILITY_CHECK, AuditOutcome.BLOCKED, BALANCE_AND_HUABEI,
                        "blocked: balance ¥88.00, Huabei", "不可注销：余额 88.00 元、花呗"),
                new Example(ClosureAction.ELIGIBILITY_CHECK, AuditOutcome.BLOCKED, blocked(
                        blocker("TRANSACTION_IN_PROGRESS", map("kind", "PAYMENT", "amount", "1200.00 CNY",
                                "since", "2026-11-30T08:00:00Z")),
                        blocker("WITHHOLDING_AGREEMENT_ACTIVE", map("kind", "GENERAL", "merchant", "国家电网",
                                "signedAt", "2025-01-01T00:00:00Z")),
                        blocker("DISPUTE_OR_RESTRICTION", map("kind", "TRADE_DISPUTE", "tradeNo", "T2026001",
                                "openedAt", "2026-11-01T00:00:00Z"), map("kind", "PAYMENT", "reason", "risk control",
                                "imposedAt", "2026-11-02T00:00:00Z")),
                        blocker("MERCHANT_CONTRACT_IN_FORCE", map("kind", "PLATFORM", "contractNo", "MC-7",
                                "endsAt", "2027-11-30T00:00:00Z")),
                        blocker("BAODIAN_NOT_EMPTY", map("kind", "BAODIAN_POINTS", "points", 1500))),
                        "blocked: Payment of ¥1,200.00 pending, Withholding agreement with 国家电网, dispute on trade "
                                + "T2026001, Payments restricted, merchant platform contract MC-7, Baodian 1,500 points",
                        "不可注销：付款 1,200.00 元 处理中、代扣协议（国家电网）、交易 T2026001 有纠纷、付款受限、商户平台合约 MC-7、宝点 1,500 个"),
                new Example(ClosureAction.ELIGIBILITY_CHECK, AuditOutcome.SUCCESS,
                        map("closable", true, "failedPreCheck", null, "blockers", List.of()), "closable", "可以注销"),
                new Example(ClosureAction.ELIGIBILITY_CHECK, AuditOutcome.BLOCKED,
                        map("closable", false, "failedPreCheck", "ACTIVATED", "blockers", List.of()),
                        "refused before the conditions: never activated", "前置检查未通过：从未激活"),
                new Example(ClosureAction.IDENTITY_VERIFICATION, AuditOutcome.SUCCESS,
                        map("method", "SMS_CODE", "passed", true, "identityType", "MOBILE_ONLY"),
                        "passed: SMS code", "已通过：短信验证码"),
                new Example(ClosureAction.IDENTITY_VERIFICATION, AuditOutcome.FAILURE,
                        map("method", "SMS_CODE", "passed", false, "identityType", "MOBILE_ONLY"),
                        "not passed: SMS code", "未通过：短信验证码"),
                new Example(ClosureAction.IDENTITY_VERIFICATION, AuditOutcome.FAILURE, map("method", "SMS_CODE",
                        "passed", true, "identityType", "REAL_NAME_CERTIFIED", "required", "REAL_NAME_ID_AND_SMS",
                        "refused", "WRONG_METHOD"),
                        "refused: SMS code used, ID document and SMS code required", "被拒：使用了短信验证码，应使用证件信息和短信验证码"),
                new Example(ClosureAction.GIVE_UP_CONFIRMATION, AuditOutcome.SUCCESS, map("confirmationVersion", "2"),
                        "customer accepted text version 2", "客户已接受第 2 版说明"),
                new Example(ClosureAction.GIVE_UP_CONFIRMATION, AuditOutcome.FAILURE,
                        map("confirmationVersion", "1", "refused", "OUTDATED_TEXT"),
                        "refused: an older text was shown; text version 1", "被拒：展示的是旧版说明；说明第 1 版"),
                new Example(ClosureAction.CLOSURE_SUBMIT, AuditOutcome.SUCCESS, map("requestId", request,
                        "state", "SUBMITTED", "reasonCode", "OTHER", "reasonText", "call me on 138****8000",
                        "verificationMethod", "REAL_NAME_ID_AND_SMS", "confirmationVersion", "2",
                        "taobaoOutcome", "CLOSED_TOGETHER", "approvalRequired", false, "coolingOff", "PT0S"),
                        "submitted: Other; Submitted; Taobao account closed with it; details: call me on 138****8000",
                        "已提交：其他；已提交；淘宝账户一并注销；说明：call me on 138****8000"),
                new Example(ClosureAction.CLOSURE_SUBMIT, AuditOutcome.BLOCKED,
                        plus(plus(map("refused", "NOT_ELIGIBLE"), BALANCE_AND_HUABEI), "reasonCode", "PRIVACY"),
                        "refused: something blocks since the check; blocked: balance ¥88.00, Huabei",
                        "被拒：检查后出现了不满足的条件；不可注销：余额 88.00 元、花呗"),
                new Example(ClosureAction.CLOSURE_SUBMIT, AuditOutcome.FAILURE,
                        map("refused", "GIVE_UP_NOT_CONFIRMED", "reasonCode", "PRIVACY"),
                        "refused: customer did not accept what is given up", "被拒：客户未接受放弃的内容"),
                new Example(ClosureAction.CLOSURE_APPROVE, AuditOutcome.SUCCESS,
                        map("requestId", request, "state", "COMPLETED", "comment", "checked with 138****8000"),
                        "Completed; comment: checked with 138****8000", "已完成；备注：checked with 138****8000"),
                new Example(ClosureAction.CLOSURE_APPROVE, AuditOutcome.DENIED,
                        map("requestId", request, "refused", "SELF_APPROVAL", "state", "AWAITING_APPROVAL"),
                        "refused: own closure; request Awaiting approval", "被拒：本人发起的注销；申请待审批"),
                new Example(ClosureAction.CLOSURE_REJECT, AuditOutcome.SUCCESS,
                        map("requestId", request, "state", "REJECTED", "reason", "客户改变主意"),
                        "Rejected; reason: 客户改变主意", "已驳回；原因：客户改变主意"),
                new Example(ClosureAction.CLOSURE_REJECT, AuditOutcome.FAILURE,
                        map("requestId", request, "refused", "REASON_REQUIRED"),
                        "refused: no reason given", "被拒：未填写原因"),
                new Example(ClosureAction.CLOSURE_CANCEL, AuditOutcome.SUCCESS,
                        map("requestId", request, "state", "CANCELLED"), "Cancelled", "已撤销"),
                new Example(ClosureAction.CLOSURE_CANCEL, AuditOutcome.FAILURE,
                        map("requestId", request, "refused", "TOO_LATE_TO_CANCEL", "state", "COMPLETED"),
                        "refused: too late to cancel; request Completed", "被拒：已不能撤销；申请已完成"),
                new Example(ClosureAction.CLOSURE_COMPLETE, AuditOutcome.SUCCESS,
                        map("requestId", request, "state", "COMPLETED", "taobaoOutcome", "UNBOUND"),
                        "account closed; Taobao account unbound", "账户已注销；淘宝账户解除关联"),
                new Example(ClosureAction.CLOSURE_COMPLETE, AuditOutcome.FAILURE, map("requestId", request,
                        "attempt", 2, "error", "CannotGetJdbcConnectionException", "willRetry", true),
                        "attempt 2 failed: CannotGetJdbcConnectionException; will try again",
                        "第 2 次尝试失败：CannotGetJdbcConnectionException；将再次尝试"),
                new Example(ClosureAction.CLOSURE_FAIL, AuditOutcome.BLOCKED,
                        plus(plus(map("requestId", request, "state", "FAILED"), blocked(blocker("YUEBAO_NOT_EMPTY",
                                map("kind", "YUEBAO_BALANCE", "amount", "1000.00 CNY")))), "accountStatus", "ACTIVE"),
                        "failed; account Active; blocked: Yu'e Bao ¥1,000.00", "失败；账户正常；不可注销：余额宝 1,000.00 元"),
                new Example(ClosureAction.CLOSURE_FAIL, AuditOutcome.FAILURE, map("requestId", request, "state", "FAILED",
                        "error", "QueryTimeoutException", "accountStatus", "ACTIVE"),
                        "failed; account Active; error: QueryTimeoutException", "失败；账户正常；错误：QueryTimeoutException"),
                new Example(ClosureAction.ACCOUNT_STATUS_CONFLICT, AuditOutcome.FAILURE, map("requestId", request,
                        "state", "COOLING_OFF", "expected", "CLOSING", "target", "CLOSED", "found", "FROZEN"),
                        "expected Closing, found Frozen; nothing changed", "预期注销中，实际已冻结；未作更改"),
                new Example(NotificationAction.NOTIFICATION_QUEUED, AuditOutcome.SUCCESS,
                        map("channel", "EMAIL", "recipient", "z***@example.com", "template", "CLOSURE_COMPLETED"),
                        "email to z***@example.com queued", "发给 z***@example.com 的邮件已排队"),
                new Example(NotificationAction.NOTIFICATION_DELIVERY, AuditOutcome.SUCCESS, map("channel", "SMS",
                        "recipient", "+86 138****8015", "attempt", 1, "messageId", "notification-7", "leaseLost", false),
                        "SMS to +86 138****8015 delivered (attempt 1)", "发给 +86 138****8015 的短信已送达（第 1 次）"),
                new Example(NotificationAction.NOTIFICATION_DELIVERY, AuditOutcome.FAILURE, map("channel", "EMAIL",
                        "recipient", "z***@example.com", "attempt", 5, "messageId", "notification-7",
                        "error", "MailSendException", "willRetry", false, "leaseLost", false),
                        "email to z***@example.com failed (attempt 5): MailSendException; no more attempts",
                        "发给 z***@example.com 的邮件发送失败（第 5 次）：MailSendException；不再尝试"),
                new Example(NotificationAction.NOTIFICATION_RESEND, AuditOutcome.SUCCESS, map("notificationId", 7,
                        "channel", "EMAIL", "recipient", "z***@example.com", "resend", 1, "messageId", "notification-7-resend-1"),
                        "email to z***@example.com sent again", "发给 z***@example.com 的邮件已重新发送"),
                new Example(NotificationAction.NOTIFICATION_RESEND, AuditOutcome.FAILURE,
                        map("notificationId", 7, "refused", "NOT_FAILED"),
                        "refused: the notification had not failed", "被拒：该通知并未失败"),
                new Example(AuditTrailAction.AUDIT_EXPORT, AuditOutcome.SUCCESS,
                        map("format", "CSV", "filter", "{\"accountId\":null}", "rows", 1234),
                        "CSV, 1,234 entries", "CSV，1,234 条"),
                new Example(AuditTrailAction.AUDIT_EXPORT, AuditOutcome.FAILURE,
                        map("format", "CSV", "filter", "{}", "rows", 10, "cancelled", true),
                        "cancelled after 10 entries", "已取消，已写 10 条"),
                new Example(AuditTrailAction.AUDIT_VERIFY, AuditOutcome.SUCCESS, map("from", null, "to", null,
                        "intact", true, "entriesChecked", 1000, "blocksChecked", 3, "firstBlock", 1, "lastBlock", 3,
                        "lastBlockHash", "ab12"),
                        "intact: 1,000 entries in 3 blocks", "完好：3 个区块中的 1,000 条记录"),
                new Example(AuditTrailAction.AUDIT_VERIFY, AuditOutcome.FAILURE, map("from", null, "to", null,
                        "intact", false, "entriesChecked", 20, "blocksChecked", 2, "firstBlock", 1, "lastBlock", 2,
                        "lastBlockHash", "ab12", "problem", "ENTRY_CHANGED", "entryId", 17, "blockNo", 2),
                        "tampering found: entry changed; entry #17; block 2", "发现篡改：记录被修改；记录 #17；区块 2"),
                new Example(AuditTrailAction.AUDIT_VERIFY, AuditOutcome.FAILURE,
                        map("from", null, "to", null, "cancelled", true, "entriesChecked", 500),
                        "cancelled after 500 entries", "已取消，已检查 500 条"),
                new Example(ChecklistAction.CUSTOMER_CHECKLIST_SEND, AuditOutcome.SUCCESS,
                        map("channel", "EMAIL", "recipient", "z***@example.com", "locale", "zh_CN",
                                "blockers", List.of("BALANCE_NOT_ZERO"), "notificationId", 9, "dailyLimit", 3,
                                "sentInWindow", 1),
                        "checklist sent by email to z***@example.com (1 of 3 today)",
                        "已通过邮件向 z***@example.com 发送清单（今日第 1 份，上限 3 份）"),
                new Example(ChecklistAction.CUSTOMER_CHECKLIST_SEND, AuditOutcome.FAILURE,
                        map("error", "DB_UNAVAILABLE"), "error: DB_UNAVAILABLE", "错误：DB_UNAVAILABLE"),
                new Example(AuditTrailAction.AUDIT_EVIDENCE_EXPORT, AuditOutcome.SUCCESS,
                        map("format", "EVIDENCE_BUNDLE", "entries", 7, "blocks", 2, "sha256", "9f86"),
                        "7 entries, 2 blocks", "7 条记录，2 个区块"));
    }

    @ParameterizedTest
    @MethodSource("examples")
    void each_kind_of_action_reads_as_words_in_english(Example example) {
        assertThat(words(example, Translations.ENGLISH)).isEqualTo(example.english());
    }

    @ParameterizedTest
    @MethodSource("examples")
    void each_kind_of_action_reads_as_words_in_chinese(Example example) {
        assertThat(words(example, Translations.CHINESE)).isEqualTo(example.chinese());
    }

    @Test
    void every_kind_of_action_the_console_records_has_an_example_with_its_wording() {
        Set<AuditAction> worded = examples().map(Example::action).collect(Collectors.toSet());
        assertThat(worded).as("a new kind of action needs its wording (AuditWords) and an example here")
                .containsExactlyInAnyOrderElementsOf(AuditActions.ALL);
        examples().forEach(example -> {
            for (Locale locale : Translations.LOCALES) {
                assertThat(words(example, locale)).as(example + " in " + locale)
                        .isNotBlank().doesNotContain("!audit", "!", "{", "}", "null");
            }
        });
    }

    @Test
    void every_refusal_failure_and_finding_the_console_records_has_words_in_both_languages() {
        Stream<String> codes = Stream.of(
                Arrays.stream(SubmissionResult.Refusal.values()).map(Enum::name),
                Arrays.stream(DecisionResult.Refusal.values()).map(Enum::name),
                Arrays.stream(StepResult.values()).filter(result -> result != StepResult.RECORDED).map(Enum::name),
                Arrays.stream(ProviderSignInRefused.Reason.values()).map(Enum::name),
                Arrays.stream(LedgerReport.Problem.values()).map(Enum::name),
                // Spring's failed sign-in events, and the console's own (SignInFailures), as AuditRecorder names them.
                Stream.of("BAD_CREDENTIALS", "LOCKED", "DISABLED", "EXPIRED", "CREDENTIALS_EXPIRED", "SERVICE_EXCEPTION",
                        "PROVIDER_NOT_FOUND", "PROXY_UNTRUSTED", "THROTTLED", "LOCKED_OUT", "PASSWORD_SIGN_IN_OFF",
                        "REASON_REQUIRED", "NOT_FAILED")).flatMap(s -> s);
        codes.forEach(code -> {
            for (Locale locale : Translations.LOCALES) {
                assertThat(TRANSLATIONS.getTranslation("audit.words.code." + code, locale)).as(code + " in " + locale)
                        .doesNotStartWith("!");
            }
        });
        for (PreCheck check : PreCheck.values()) {
            for (Locale locale : Translations.LOCALES) {
                assertThat(TRANSLATIONS.getTranslation("audit.words.precheck." + check, locale)).doesNotStartWith("!");
            }
        }
        for (String kind : AuditWords.FIGURES.keySet()) {
            for (Locale locale : Translations.LOCALES) {
                assertThat(TRANSLATIONS.getTranslation("audit.words.object." + kind, locale)).doesNotStartWith("!");
            }
        }
    }

    @Test
    void a_code_without_words_is_shown_as_it_is_rather_than_as_a_missing_key() {
        Example unknown = new Example(SignInAction.SIGN_IN_FAILED, AuditOutcome.FAILURE,
                map("reason", "SOMETHING_NEW", "knownUser", true), null, null);
        assertThat(words(unknown, Translations.ENGLISH)).isEqualTo("refused: SOMETHING_NEW");
    }
}
