package com.closureconsole.closure.conditions;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.closureconsole.account.AccountFacts;
import com.closureconsole.account.AccountStatus;
import com.closureconsole.account.IdentityType;
import com.closureconsole.account.Money;

/** Builds {@link AccountFacts} for unit tests: starts closable, each method adds one thing. */
public class FactsBuilder {

    public static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");

    AccountStatus status = AccountStatus.ACTIVE;
    Instant activatedAt = NOW.minusSeconds(86_400 * 365);
    Money balance = cny("0.00");
    long jifenbao;
    Money yuebao = cny("0.00");
    boolean huabeiOpen;
    boolean baodianOpen;
    long baodianPoints;
    final List<AccountFacts.PendingTransaction> pending = new ArrayList<>();
    AccountFacts.CashOut cashOut;
    final List<AccountFacts.WithholdingAgreement> agreements = new ArrayList<>();
    final List<AccountFacts.Arrangement> arrangements = new ArrayList<>();
    final List<AccountFacts.SecurityOperation> operations = new ArrayList<>();
    final List<AccountFacts.Dispute> disputes = new ArrayList<>();
    final List<AccountFacts.Restriction> restrictions = new ArrayList<>();
    final List<AccountFacts.MerchantContract> contracts = new ArrayList<>();

    public static FactsBuilder closable() {
        return new FactsBuilder();
    }

    public static Money cny(String amount) {
        return Money.of(new BigDecimal(amount), "CNY");
    }

    public FactsBuilder status(AccountStatus value) {
        status = value;
        if (value == AccountStatus.NOT_ACTIVATED) {
            activatedAt = null;
        }
        return this;
    }

    public FactsBuilder balance(String amount) {
        balance = cny(amount);
        return this;
    }

    public FactsBuilder jifenbao(long points) {
        jifenbao = points;
        return this;
    }

    public FactsBuilder yuebao(String amount) {
        yuebao = cny(amount);
        return this;
    }

    public FactsBuilder huabeiOpen() {
        huabeiOpen = true;
        return this;
    }

    public FactsBuilder baodian(boolean open, long points) {
        baodianOpen = open;
        baodianPoints = points;
        return this;
    }

    public FactsBuilder pendingPayment() {
        pending.add(new AccountFacts.PendingTransaction(1, "PAYMENT", cny("35.00"), NOW.minusSeconds(3600)));
        return this;
    }

    public FactsBuilder withdrawalCompletedAt(Instant at) {
        cashOut = new AccountFacts.CashOut(2, "WITHDRAWAL", cny("500.00"), at);
        return this;
    }

    public FactsBuilder agreement(String merchant) {
        agreements.add(new AccountFacts.WithholdingAgreement(agreements.size() + 1, "GENERAL", merchant, NOW.minusSeconds(86_400)));
        return this;
    }

    public FactsBuilder arrangement(Instant startsAt, Instant endsAt) {
        arrangements.add(new AccountFacts.Arrangement(arrangements.size() + 1, "SPECIAL_ARRANGEMENT", "retention", "wait",
                startsAt, endsAt));
        return this;
    }

    public FactsBuilder securityOperationInProgress() {
        operations.add(new AccountFacts.SecurityOperation(1, "PASSWORD_RECOVERY", NOW.minusSeconds(600)));
        return this;
    }

    public FactsBuilder openDispute() {
        disputes.add(new AccountFacts.Dispute(1, "T0001", NOW.minusSeconds(86_400)));
        return this;
    }

    public FactsBuilder restriction() {
        restrictions.add(new AccountFacts.Restriction(1, "PAYMENT", "risk review", NOW.minusSeconds(86_400)));
        return this;
    }

    public FactsBuilder contract(Instant endsAt, boolean terminated) {
        contracts.add(new AccountFacts.MerchantContract(contracts.size() + 1, "PC-" + contracts.size(), "PLATFORM",
                NOW.minusSeconds(86_400 * 365), endsAt, terminated));
        return this;
    }

    public AccountFacts build() {
        return new AccountFacts("2088000000009999", status, IdentityType.REAL_NAME_CERTIFIED, activatedAt,
                null, null, true, balance, jifenbao, yuebao, huabeiOpen, cny("0.00"), baodianOpen, baodianPoints,
                pending, cashOut, agreements, arrangements, operations, disputes, restrictions, contracts);
    }
}
