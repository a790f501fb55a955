/**
 * What an operator watches: the console's Micrometer metrics (all named {@code closure.*}, scraped
 * in Prometheus format from the management port), the readiness check of the schema's
 * migrations, and the closure's correlation id in the logging context. It observes the other
 * modules (their audit events, calls to their services) and changes nothing they do.
 */
@NullMarked
package com.closureconsole.operations;

import org.jspecify.annotations.NullMarked;
