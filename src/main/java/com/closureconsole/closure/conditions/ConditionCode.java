package com.closureconsole.closure.conditions;

/** The ten closure conditions, in the order the wallet lists them. Codes are stable. */
public enum ConditionCode {
    BALANCE_NOT_ZERO,
    YUEBAO_NOT_EMPTY,
    TRANSACTION_IN_PROGRESS,
    WITHHOLDING_AGREEMENT_ACTIVE,
    HUABEI_OPEN,
    AGREEMENT_CONDITION,
    SECURITY_OPERATION_IN_PROGRESS,
    DISPUTE_OR_RESTRICTION,
    MERCHANT_CONTRACT_IN_FORCE,
    BAODIAN_NOT_EMPTY;

    /** The condition's number in the wallet's list, 1 to 10. */
    public int number() {
        return ordinal() + 1;
    }
}
