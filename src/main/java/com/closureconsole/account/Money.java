package com.closureconsole.account;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Objects;

/** An amount with its currency. */
public record Money(BigDecimal amount, Currency currency) {

    public Money {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
    }

    public static Money of(BigDecimal amount, String currencyCode) {
        return new Money(amount, Currency.getInstance(currencyCode.trim()));
    }

    public boolean isZero() {
        return amount.signum() == 0;
    }
}
