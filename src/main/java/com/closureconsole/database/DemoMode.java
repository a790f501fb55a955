package com.closureconsole.database;

import org.springframework.core.env.Environment;

/**
 * Whether the console runs as a demo ({@code closure.demo=true}): only a demo may run on the
 * embedded database, loads the demo data there, and skips the checks that refuse a production
 * start with demo passwords or an over-privileged database role. The sign-in page and the shell
 * show a "demo" badge while it is on.
 *
 * @param enabled whether this is a demo
 */
public record DemoMode(boolean enabled) {

    /** The property that switches demo mode on; {@code mvn spring-boot:run} and the tests set it. */
    public static final String PROPERTY = "closure.demo";

    static DemoMode from(Environment environment) {
        return new DemoMode(environment.getProperty(PROPERTY, Boolean.class, false));
    }
}
