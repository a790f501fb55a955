package com.closureconsole.account;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Everything the closure pre-checks and the ten closure conditions read about one account, loaded
 * with a fixed number of statements whatever the account's history (see {@link WalletFactsReader}).
 *
 * @param latestCashOut the latest successful withdrawal or transfer-to-card, or {@code null}
 */
public record AccountFacts(
        String accountId, AccountStatus status, IdentityType identityType, @Nullable Instant activatedAt,
        @Nullable String taobaoId, @Nullable Boolean taobaoClosable, boolean hasEmail,
        Money balance, long jifenbaoPoints, Money yuebaoBalance,
        boolean huabeiOpen, Money huabeiOutstanding, boolean baodianOpen, long baodianPoints,
        List<PendingTransaction> pendingTransactions, @Nullable CashOut latestCashOut,
        List<WithholdingAgreement> activeAgreements, List<Arrangement> arrangements,
        List<SecurityOperation> securityOperationsInProgress, List<Dispute> openDisputes,
        List<Restriction> restrictionsInForce, List<MerchantContract> merchantContracts) {

    public AccountFacts {
        pendingTransactions = List.copyOf(pendingTransactions);
        activeAgreements = List.copyOf(activeAgreements);
        arrangements = List.copyOf(arrangements);
        securityOperationsInProgress = List.copyOf(securityOperationsInProgress);
        openDisputes = List.copyOf(openDisputes);
        restrictionsInForce = List.copyOf(restrictionsInForce);
        merchantContracts = List.copyOf(merchantContracts);
    }

    /** A transaction not yet finished. */
    public record PendingTransaction(long id, String kind, Money amount, Instant createdAt) {
    }

    /** A successful withdrawal or transfer to a bank card. */
    public record CashOut(long id, String kind, Money amount, Instant completedAt) {
    }

    /** An auto-debit (代扣) agreement in force. */
    public record WithholdingAgreement(long id, String kind, String merchantName, Instant signedAt) {
    }

    /** A condition of the service or closure agreement, or a special arrangement. */
    public record Arrangement(long id, String kind, String description, String remedy, Instant startsAt, @Nullable Instant endsAt) {
    }

    /** A security operation (password recovery, phone change …) still in progress. */
    public record SecurityOperation(long id, String kind, Instant startedAt) {
    }

    /** An open trade dispute. */
    public record Dispute(long id, String tradeNo, Instant openedAt) {
    }

    /** A functional restriction (限权) on the account. */
    public record Restriction(long id, String kind, String reason, Instant imposedAt) {
    }

    /** A signed merchant contract. */
    public record MerchantContract(long id, String contractNo, String kind, Instant startsAt, Instant endsAt,
                                   boolean terminated) {
    }
}
