/**
 * What an operator watches: the console's Micrometer metrics (all named {@code closure.*}, scraped
 * in Prometheus format from the management port), the readiness check of the schema's
 * migrations, and the closure's correlation id in the logging context. It observes the other
 * modules (their audit events, calls to their services) and changes nothing they do.
 *
 * <p><b>Owns</b> no data. <b>API:</b> none; its beans are found by Spring and its aspects wrap the
 * services of {@code account} and {@code closure}. <b>Uses</b> {@code account}, {@code audit},
 * {@code closure}, {@code notification} (the facts and service signatures it observes) and
 * {@code shared}; <b>used by</b> nobody.
 */
@NullMarked
package com.closureconsole.operations;

import org.jspecify.annotations.NullMarked;
