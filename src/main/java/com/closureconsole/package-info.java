/**
 * Closure Console: the Spring Boot application ({@link com.closureconsole.Application}) and its
 * modules, one top-level package each (account, closure, audit, notification, security, database,
 * operations, ui). Each module's {@code package-info} says what it owns, what its API is and who
 * may depend on it; {@code ModularityTest} and {@code ArchitectureTest} keep it so.
 */
@NullMarked
package com.closureconsole;

import org.jspecify.annotations.NullMarked;
